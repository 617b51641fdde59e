// A branch's merge queue as GitHub reports it (GraphQL `mergeQueue`): each entry is one queued PR with the commit
// the queue built for it (`headCommit`) on top of the one before (`baseCommit`). This is the only source of which
// PR a step of a merge group merges: `gh-readonly-queue/…` branch names can be pushed by any user with write access.
import { apiError, type Octokit, type RepoRef } from './api.js';

export interface QueueEntry {
  pull: number;
  /** The commit the queue built for this entry, and the one it built on. */
  head: string;
  base: string;
}

interface MergeQueueQuery {
  repository: {
    mergeQueue: {
      entries: {
        nodes: Array<{
          position: number;
          headCommit: { oid: string } | null;
          baseCommit: { oid: string } | null;
          pullRequest: { number: number } | null;
        } | null> | null;
      };
    } | null;
  };
}

// A merge group holds at most 100 PRs, and so does one page: the entries of one group are always on it.
const query = `query mergeQueueEntries($owner: String!, $repo: String!, $branch: String!) {
  repository(owner: $owner, name: $repo) {
    mergeQueue(branch: $branch) {
      entries(first: 100) {
        nodes {
          position
          headCommit { oid }
          baseCommit { oid }
          pullRequest { number }
        }
      }
    }
  }
}`;

/** The entries of `branch`'s merge queue, in queue order; entries without a PR or commits are left out. */
export async function mergeQueueEntries(
  octokit: Octokit,
  repo: RepoRef,
  branch: string,
): Promise<QueueEntry[]> {
  let data: MergeQueueQuery;
  try {
    data = await octokit.graphql<MergeQueueQuery>(query, { owner: repo.owner, repo: repo.repo, branch });
  } catch (error) {
    throw apiError(error, `reading the merge queue of ${branch}`, 'the token needs `pull-requests: read`');
  }
  const nodes = data.repository.mergeQueue?.entries.nodes ?? [];
  return nodes
    .flatMap((n) =>
      n?.pullRequest && n.headCommit && n.baseCommit
        ? [
            {
              position: n.position,
              entry: {
                pull: n.pullRequest.number,
                head: n.headCommit.oid,
                base: n.baseCommit.oid,
              },
            },
          ]
        : [],
    )
    .sort((a, b) => a.position - b.position)
    .map((n) => n.entry);
}
