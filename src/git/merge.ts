// What merging a head into a channel branch produces: the merged tree (exactly what a PR would change), or the
// files that conflict. A conflict is a result to report, not a failure of the tool.
import { OperationError, UsageError } from '../core/errors.js';
import { decodeName, type ObjectReader } from './objects.js';
import { gitRaw } from './git.js';

export type MergeOutcome = { kind: 'merged'; tree: string } | { kind: 'conflict'; files: string[] };

/**
 * `head` merged into `base`: a fast-forward is `head` itself; otherwise `git merge-tree --write-tree` (needs the
 * history down to a merge base). Conflicts come back as the conflicting paths. With `objects`, a head a few
 * commits ahead of `base` (most PRs) is recognised from the commits themselves, without starting git again.
 */
export async function mergeTrees(
  repoDir: string,
  base: string,
  head: string,
  objects?: ObjectReader,
): Promise<MergeOutcome> {
  if (objects && (await descendsWithin(objects, base, head))) return { kind: 'merged', tree: head };
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

/** Commits read at most to find `base` among `head`'s ancestors before asking `git merge-base`. */
export const NEAR_ANCESTRY_COMMITS = 64;

/**
 * Whether `base` is `head` or one of its nearest {@link NEAR_ANCESTRY_COMMITS} ancestors (breadth first, all
 * parents). False means "not found so near", not "not an ancestor": the caller then asks git.
 */
export async function descendsWithin(
  objects: ObjectReader,
  base: string,
  head: string,
  limit = NEAR_ANCESTRY_COMMITS,
): Promise<boolean> {
  const [baseId, headId] = await Promise.all([objects.commitId(base), objects.commitId(head)]);
  if (!baseId || !headId) return false;
  const seen = new Set([headId]);
  let level = [headId];
  while (level.length > 0) {
    if (level.includes(baseId)) return true;
    if (seen.size > limit) return false;
    const commits = await Promise.all(level.map((oid) => objects.read(oid)));
    const next: string[] = [];
    for (const commit of commits) {
      if (commit?.type !== 'commit') return false;
      for (const parent of commitParents(commit.content))
        if (!seen.has(parent)) {
          seen.add(parent);
          next.push(parent);
        }
    }
    level = next;
  }
  return false;
}

/** The parent ids of a commit object's content (its header lines before the first blank line). */
export function commitParents(content: Buffer): string[] {
  const end = content.indexOf('\n\n');
  const header = content.subarray(0, end === -1 ? content.length : end).toString('latin1');
  const parents: string[] = [];
  for (const line of header.split('\n')) {
    if (line.startsWith('parent ')) parents.push(line.slice('parent '.length));
    else if (parents.length > 0) break;
  }
  return parents;
}
