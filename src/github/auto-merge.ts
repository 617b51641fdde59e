// GitHub's auto-merge (GraphQL `enablePullRequestAutoMerge`) for a PR whose head is exactly the commit the caller
// wrote: the head is re-read first and passed as `expectedHeadOid`, so a push by anyone else in between leaves
// auto-merge off (and turns it off where it was on). Refusals become one-line messages that say which setting or
// permission is missing.
import { OperationError } from '../core/errors.js';
import { apiError, type Octokit, type RepoRef } from './api.js';

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export const mergeMethods: readonly MergeMethod[] = ['merge', 'squash', 'rebase'];

export type AutoMergeOutcome =
  /** Armed by this run. */
  | { state: 'enabled'; method: MergeMethod }
  /** Was already armed with this method. */
  | { state: 'unchanged'; method: MergeMethod }
  /** The head is not the expected commit: left (or turned) off. */
  | { state: 'not-ours'; head: string; disabled: boolean };

interface PullQuery {
  repository: {
    autoMergeAllowed: boolean;
    pullRequest: {
      id: string;
      state: 'OPEN' | 'CLOSED' | 'MERGED';
      isDraft: boolean;
      headRefOid: string;
      baseRefName: string;
      mergeStateStatus: string;
      autoMergeRequest: { mergeMethod: string } | null;
    };
  };
}

const pullQuery = `query autoMergeState($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    autoMergeAllowed
    pullRequest(number: $number) {
      id
      state
      isDraft
      headRefOid
      baseRefName
      mergeStateStatus
      autoMergeRequest { mergeMethod }
    }
  }
}`;

// (@octokit/graphql reserves `method`, `headers`, `request`, `url` and `query` as option names, not variables.)
const enableMutation = `mutation enableAutoMerge($id: ID!, $mergeMethod: PullRequestMergeMethod!, $expectedHeadOid: GitObjectID!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod, expectedHeadOid: $expectedHeadOid }) {
    pullRequest { autoMergeRequest { mergeMethod } }
  }
}`;

const disableMutation = `mutation disableAutoMerge($id: ID!) {
  disablePullRequestAutoMerge(input: { pullRequestId: $id }) {
    pullRequest { number }
  }
}`;

interface GraphqlErrorLike {
  status?: number;
  errors?: Array<{ type?: string; message?: string }>;
  message?: string;
}

const turnedOff = (repo: RepoRef): string =>
  `auto-merge is turned off for ${repo.owner}/${repo.repo}: enable "Allow auto-merge" (Settings > General > Pull Requests), or leave the \`auto-merge\` input empty`;

const mergesNow = (number: number, base: string, status: string): string =>
  `PR #${number} could merge right away (GitHub says ${status}), and GitHub arms auto-merge only while a required check or review is pending: require the validate check on ${base} (branch protection or ruleset), or leave the \`auto-merge\` input empty`;

function graphqlFailure(
  error: unknown,
  what: string,
  context: { repo: RepoRef; number: number; base: string },
) {
  const e = error as GraphqlErrorLike;
  if (!e.errors) return apiError(error, what);
  const text = e.errors.map((x) => x.message ?? '').join('; ');
  if (e.errors.some((x) => x.type === 'FORBIDDEN') || /not accessible by integration/i.test(text))
    return new OperationError(
      `GitHub API ${what} failed: ${text}: the token needs \`contents: write\` and \`pull-requests: write\` to use auto-merge`,
      { cause: error },
    );
  if (/auto merge is not allowed/i.test(text))
    return new OperationError(turnedOff(context.repo), { cause: error });
  const status = /is in (\w+) status/i.exec(text)?.[1];
  if (status)
    return new OperationError(mergesNow(context.number, context.base, status.toUpperCase()), {
      cause: error,
    });
  if (/merge method .* not allowed/i.test(text))
    return new OperationError(
      `GitHub API ${what} failed: ${text}: allow that merge method in the repository settings or choose another \`auto-merge\` method`,
      { cause: error },
    );
  return new OperationError(`GitHub API ${what} failed: ${text}`, { cause: error });
}

async function readPull(octokit: Octokit, repo: RepoRef, number: number): Promise<PullQuery['repository']> {
  try {
    const data = await octokit.graphql<PullQuery>(pullQuery, { owner: repo.owner, repo: repo.repo, number });
    return data.repository;
  } catch (error) {
    throw graphqlFailure(error, `reading the auto-merge state of PR #${number}`, { repo, number, base: '' });
  }
}

async function disable(octokit: Octokit, repo: RepoRef, number: number, id: string): Promise<void> {
  try {
    await octokit.graphql(disableMutation, { id });
  } catch (error) {
    throw graphqlFailure(error, `turning auto-merge off on PR #${number}`, { repo, number, base: '' });
  }
}

/**
 * Arms auto-merge on PR `number` with `method`, if and only if its head is `expectedHead`. Idempotent: a PR already
 * armed with the same method is left alone.
 */
export async function enableAutoMerge(
  octokit: Octokit,
  repo: RepoRef,
  o: { number: number; method: MergeMethod; expectedHead: string },
): Promise<AutoMergeOutcome> {
  const { autoMergeAllowed, pullRequest: pr } = await readPull(octokit, repo, o.number);
  const context = { repo, number: o.number, base: pr.baseRefName };
  if (pr.state !== 'OPEN')
    throw new OperationError(`PR #${o.number} is ${pr.state.toLowerCase()}: no auto-merge`);
  if (pr.headRefOid !== o.expectedHead) {
    // Someone else pushed onto the branch: what would merge is not what this run checked.
    if (pr.autoMergeRequest) await disable(octokit, repo, o.number, pr.id);
    return { state: 'not-ours', head: pr.headRefOid, disabled: pr.autoMergeRequest !== null };
  }
  if (pr.autoMergeRequest?.mergeMethod === o.method.toUpperCase())
    return { state: 'unchanged', method: o.method };
  if (!autoMergeAllowed) throw new OperationError(turnedOff(repo));
  if (pr.isDraft) throw new OperationError(`PR #${o.number} is a draft: GitHub does not auto-merge drafts`);
  if (/^(CLEAN|UNSTABLE|HAS_HOOKS)$/.test(pr.mergeStateStatus))
    throw new OperationError(mergesNow(o.number, pr.baseRefName, pr.mergeStateStatus));
  try {
    await octokit.graphql(enableMutation, {
      id: pr.id,
      mergeMethod: o.method.toUpperCase(),
      expectedHeadOid: o.expectedHead,
    });
  } catch (error) {
    // The head moved between the read and the mutation: GitHub refused because of expectedHeadOid.
    const now = await readPull(octokit, repo, o.number).catch(() => undefined);
    if (now && now.pullRequest.headRefOid !== o.expectedHead)
      return { state: 'not-ours', head: now.pullRequest.headRefOid, disabled: false };
    throw graphqlFailure(error, `enabling auto-merge on PR #${o.number}`, context);
  }
  return { state: 'enabled', method: o.method };
}

/** Turns auto-merge off on PR `number` if it is on (e.g. the PR no longer holds what promote built). */
export async function disableAutoMerge(octokit: Octokit, repo: RepoRef, number: number): Promise<boolean> {
  const { pullRequest: pr } = await readPull(octokit, repo, number);
  if (!pr.autoMergeRequest) return false;
  await disable(octokit, repo, number, pr.id);
  return true;
}
