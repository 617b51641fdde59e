// A PR is checked as its head merged into its base branch's tip, both as the API reports them now, merged here with
// `git merge-tree`: GitHub's `refs/pull/<n>/merge` (and a pull_request run's GITHUB_SHA) can still merge an older head
// or an older base. Merging needs history down to a merge base: it is fetched trees-only, deeper each time, within
// a bound.
import { OperationError } from '../core/errors.js';
import { gitRaw } from '../git/git.js';
import { mergeTrees, type MergeOutcome } from '../git/merge.js';
import { fetch } from '../git/remote.js';

/** History fetched to find a merge base, deepest last. */
const depths = [50, 500, 5000];

/** `head` merged into `base` (both fetched already): the tree to check (`head` itself when it fast-forwards), or the conflicting files. */
export async function mergePull(repoDir: string, base: string, head: string): Promise<MergeOutcome> {
  for (const depth of [0, ...depths]) {
    if (depth > 0) await fetch(repoDir, [head, base], { depth, treesOnly: true });
    const found = await gitRaw(['merge-base', base, head], { cwd: repoDir, okCodes: [1, 128] });
    if (found.code === 0) return mergeTrees(repoDir, base, head);
  }
  throw new OperationError(
    `head ${head.slice(0, 7)} and base ${base.slice(0, 7)} share no history within ${depths[depths.length - 1]} commits: the PR cannot be merged to be checked`,
  );
}
