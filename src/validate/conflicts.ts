// A PR with merge conflicts has no merge commit to check. The check then names the conflicting files, as a finding
// (exit 1), from a merge of the PR head into its base made here: fetch both with enough history to find their merge
// base (trees only; deepening a bounded number of times), then `git merge-tree`.
import { gitRaw } from '../git/git.js';
import { mergeTrees } from '../git/merge.js';
import { fetch } from '../git/remote.js';

/** History fetched to find a merge base, deepest last; beyond that the files are not named. */
const depths = [50, 500, 5000];

/** The files that conflict when `head` (a ref on origin) merges into `baseSha`; undefined when not found out. */
export async function conflictingFiles(
  repoDir: string,
  baseSha: string,
  headRef: string,
  local: string,
): Promise<string[] | undefined> {
  for (const depth of depths) {
    try {
      await fetch(repoDir, [`+${headRef}:${local}`, baseSha], { depth, treesOnly: true });
    } catch {
      return undefined;
    }
    const base = await gitRaw(['merge-base', baseSha, local], { cwd: repoDir, okCodes: [1, 128] });
    if (base.code !== 0) continue;
    try {
      const merged = await mergeTrees(repoDir, baseSha, local);
      return merged.kind === 'conflict' ? merged.files : [];
    } catch {
      return undefined;
    }
  }
  return undefined;
}
