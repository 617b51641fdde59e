// Commits made by GitHub instead of git, so that GitHub signs them (verified; they pass "require signed commits"):
// the trees a local commit introduced are recreated through the git data API from their entries (every entry
// names an object GitHub already has: promotions reuse the source's version trees, cleanups drop entries), the
// commit is created on the same parents, and the branch moves with GraphQL `updateRefs`, which is conditional on
// the ref's current value: the lease of `git push --force-with-lease`, so a concurrent writer is never overwritten.
import { OperationError } from '../core/errors.js';
import { gitRaw } from '../git/git.js';
import { apiError, type Octokit, type RepoRef } from './api.js';

const zeroOid = '0'.repeat(40);
const apiModes = new Set(['100644', '100755', '040000', '160000', '120000']);

interface Entry {
  mode: '100644' | '100755' | '040000' | '160000' | '120000';
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  path: string;
}

async function git(repoDir: string, args: string[]): Promise<string> {
  return (await gitRaw(args, { cwd: repoDir })).stdout.toString('utf8');
}

async function treeEntries(repoDir: string, tree: string, dir: string): Promise<Entry[]> {
  const out = await git(repoDir, ['ls-tree', '-z', tree]);
  return out
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode, type, sha] = record.slice(0, tab).split(' ') as [string, string, string];
      const path = record.slice(tab + 1);
      if (!apiModes.has(mode))
        throw new OperationError(
          `cannot recreate ${dir || 'the root tree'} through the GitHub API: ${path} has mode ${mode}, which the API cannot write; turn \`sign-commits\` off`,
        );
      return { mode, type, sha, path } as Entry;
    });
}

/** `dir`'s tree id inside `tree`, or undefined when the path is not there (e.g. a directory a cleanup emptied). */
async function subtree(repoDir: string, tree: string, dir: string): Promise<string | undefined> {
  if (dir === '') return tree;
  const r = await gitRaw(['rev-parse', '--verify', '--quiet', `${tree}:${dir}`], {
    cwd: repoDir,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

export interface ApiCommit {
  sha: string;
  verified: boolean;
  /** GitHub's verification reason (`valid`, `unsigned`, ...). */
  reason: string;
}

/**
 * Recreates local commit `commit` through the API: `dirs` are the directories (`''` = root) whose tree objects the
 * commit introduced, each rebuilt bottom-up from its entries and checked to have the same id (git trees are
 * content-addressed, so equal ids mean equal content); then the commit itself on the same parents and message.
 * Author and committer are left to GitHub: it signs only commits it attributes itself.
 */
export async function recreateCommit(
  octokit: Octokit,
  repo: RepoRef,
  o: { repoDir: string; commit: string; dirs: string[] },
): Promise<ApiCommit> {
  const tree = (await git(o.repoDir, ['rev-parse', '--verify', `${o.commit}^{tree}`])).trim();
  const raw = await git(o.repoDir, ['cat-file', 'commit', o.commit]);
  const split = raw.indexOf('\n\n');
  const parents = raw
    .slice(0, split)
    .split('\n')
    .filter((l) => l.startsWith('parent '))
    .map((l) => l.slice('parent '.length));
  const message = raw.slice(split + 2);
  // Deepest first: a tree can only name trees GitHub already has.
  const depth = (dir: string): number => (dir === '' ? 0 : dir.split('/').length);
  const dirs = [...new Set(o.dirs)].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : 1));
  for (const dir of dirs) {
    const expected = await subtree(o.repoDir, tree, dir);
    if (!expected) continue;
    const entries = await treeEntries(o.repoDir, expected, dir);
    let made: string;
    try {
      const { data } = await octokit.rest.git.createTree({ ...repo, tree: entries });
      made = data.sha;
    } catch (error) {
      throw apiError(error, `creating the tree of ${dir || '/'}`, 'the token needs `contents: write`');
    }
    if (made !== expected)
      throw new OperationError(
        `GitHub built tree ${made} for ${dir || '/'}, not ${expected}: nothing was written; turn \`sign-commits\` off and report this`,
      );
  }
  try {
    const { data } = await octokit.rest.git.createCommit({ ...repo, message, tree, parents });
    return { sha: data.sha, verified: data.verification.verified, reason: data.verification.reason };
  } catch (error) {
    throw apiError(error, 'creating the commit', 'the token needs `contents: write`');
  }
}

async function readBranch(octokit: Octokit, repo: RepoRef, branch: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw apiError(error, `reading the branch ${branch}`);
  }
}

const repositoryIds = new WeakMap<Octokit, Promise<string>>();

function repositoryId(octokit: Octokit, repo: RepoRef): Promise<string> {
  let id = repositoryIds.get(octokit);
  if (!id) {
    id = octokit
      .graphql<{ repository: { id: string } }>(
        'query repositoryId($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { id } }',
        { owner: repo.owner, repo: repo.repo },
      )
      .then((d) => d.repository.id);
    repositoryIds.set(octokit, id);
  }
  return id;
}

export type LeaseResult = { status: 'pushed' } | { status: 'stale'; message: string };

/**
 * Points `refs/heads/<branch>` at `sha` only if it still is `expected` (undefined = must not exist), like
 * `git push --force-with-lease`; `force: false` also requires a fast-forward.
 */
export async function updateBranchWithLease(
  octokit: Octokit,
  repo: RepoRef,
  o: { branch: string; sha: string; expected: string | undefined; force: boolean },
): Promise<LeaseResult> {
  try {
    await octokit.graphql(
      `mutation moveBranch($repositoryId: ID!, $updates: [RefUpdate!]!) {
        updateRefs(input: { repositoryId: $repositoryId, refUpdates: $updates }) { clientMutationId }
      }`,
      {
        repositoryId: await repositoryId(octokit, repo),
        updates: [
          {
            name: `refs/heads/${o.branch}`,
            afterOid: o.sha,
            beforeOid: o.expected ?? zeroOid,
            force: o.force,
          },
        ],
      },
    );
    return { status: 'pushed' };
  } catch (error) {
    // The update is conditional, so what the branch holds now says what happened (a retried request may have landed).
    const now = await readBranch(octokit, repo, o.branch);
    if (now === o.sha) return { status: 'pushed' };
    if (now !== o.expected)
      return {
        status: 'stale',
        message: `${o.branch} is at ${now ?? 'nothing'}, expected ${o.expected ?? 'nothing'}`,
      };
    const e = error as { errors?: Array<{ message?: string }> };
    const text = e.errors?.map((x) => x.message ?? '').join('; ');
    if (text && /signed|signature/i.test(text))
      throw new OperationError(`GitHub refused to move ${o.branch}: ${text}`, { cause: error });
    if (text)
      throw new OperationError(
        `GitHub refused to move ${o.branch}: ${text}: the token needs \`contents: write\` (and a bypass where branch rules forbid updates)`,
        { cause: error },
      );
    throw apiError(error, `moving ${o.branch}`, 'the token needs `contents: write`');
  }
}
