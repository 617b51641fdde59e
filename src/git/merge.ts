// What merging a head into a channel branch produces: the merged tree (exactly what a PR would change), or the
// files that conflict. A conflict is a result to report, not a failure of the tool.
import { OperationError, UsageError } from '../core/errors.js';
import { decodeName } from './objects.js';
import { gitRaw } from './git.js';

export type MergeOutcome = { kind: 'merged'; tree: string } | { kind: 'conflict'; files: string[] };

/**
 * `head` merged into `base`: a fast-forward is `head` itself; otherwise `git merge-tree --write-tree` (needs the
 * history down to a merge base). Conflicts come back as the conflicting paths.
 */
export async function mergeTrees(repoDir: string, base: string, head: string): Promise<MergeOutcome> {
  const ancestor = await gitRaw(['merge-base', '--is-ancestor', base, head], {
    cwd: repoDir,
    okCodes: [1, 128],
  });
  if (ancestor.code === 0) return { kind: 'merged', tree: head };
  const result = await gitRaw(
    ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', base, head],
    {
      cwd: repoDir,
      okCodes: [1, 128],
    },
  );
  const fields = result.stdout
    .toString('latin1')
    .split('\0')
    .filter((f) => f.length > 0);
  if (result.code === 0) return { kind: 'merged', tree: fields[0]!.trim() };
  if (result.code === 1) {
    const files = [...new Set(fields.slice(1).map((f) => decodeName(Buffer.from(f, 'latin1')).name))].sort();
    return { kind: 'conflict', files };
  }
  if (/unrelated histories|no merge base/i.test(result.stderr))
    throw new UsageError(
      `${head} and ${base} share no history here (a shallow clone?): fetch more history (git fetch --unshallow) or pass a --head that descends from --base`,
    );
  throw new OperationError(`git merge-tree failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
}
