// Writing commits without a working tree: trees are edited object by object (`git mktree`), so a promoted version
// is the source's tree object itself and its id is unchanged by construction.
import { OperationError } from '../core/errors.js';
import { gitRaw } from './git.js';
import type { ObjectReader, TreeEntry } from './objects.js';

/** What to put at a path: a tree or blob object, or null to delete. */
export type TreeEdit = { mode: '040000' | '100644' | '100755'; oid: string } | null;

interface EditNode {
  edit?: TreeEdit;
  children: Map<string, EditNode>;
}

export interface Identity {
  name: string;
  email: string;
}

async function mktree(repoDir: string, entries: TreeEntry[]): Promise<string> {
  const body = Buffer.concat(
    entries.map((e) =>
      Buffer.concat([Buffer.from(`${e.mode} ${e.type} ${e.oid}\t`), e.rawName, Buffer.from([0])]),
    ),
  );
  // --missing: a trees-only (blobless) fetch has no blobs, and none are needed to reuse tree entries.
  const result = await gitRaw(['mktree', '-z', '--missing'], { cwd: repoDir, input: body });
  return result.stdout.toString('utf8').trim();
}

const typeOfMode = (mode: string): TreeEntry['type'] =>
  mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';

/** Applies edits (slash-separated paths) to a tree and returns the new tree id; unchanged subtrees keep their ids. */
export async function editTree(
  repoDir: string,
  objects: ObjectReader,
  baseTree: string | undefined,
  edits: ReadonlyMap<string, TreeEdit>,
): Promise<string> {
  const root: EditNode = { children: new Map() };
  for (const [path, edit] of edits) {
    let node = root;
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.' || segment === '..')
        throw new OperationError(`invalid path in tree edit: ${path}`);
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
    node.edit = edit;
  }

  const apply = async (tree: string | undefined, node: EditNode): Promise<string | undefined> => {
    const entries = new Map<string, TreeEntry>();
    for (const e of tree ? ((await objects.tree(tree)) ?? []) : []) entries.set(e.name, e);
    for (const [name, child] of node.children) {
      const current = entries.get(name);
      let result: TreeEntry | undefined;
      if (child.edit !== undefined) {
        result = child.edit
          ? {
              mode: child.edit.mode,
              name,
              rawName: Buffer.from(name),
              oid: child.edit.oid,
              type: typeOfMode(child.edit.mode),
            }
          : undefined;
        // Edits below an edited path apply on top of the new object.
        if (result && result.type === 'tree' && child.children.size > 0) {
          const oid = await apply(result.oid, { children: child.children });
          result = oid ? { ...result, oid } : undefined;
        }
      } else {
        const oid = await apply(current?.type === 'tree' ? current.oid : undefined, child);
        result = oid
          ? { mode: '040000', name, rawName: current?.rawName ?? Buffer.from(name), oid, type: 'tree' }
          : undefined;
      }
      if (result) entries.set(name, result);
      else entries.delete(name);
    }
    if (entries.size === 0) return undefined; // git has no empty subtrees
    return mktree(repoDir, [...entries.values()]);
  };
  return (await apply(baseTree, root)) ?? (await mktree(repoDir, []));
}

/** `git commit-tree` with a fixed identity and date, so the same inputs give the same commit id. */
export async function commitTree(
  repoDir: string,
  o: { tree: string; parents: string[]; message: string; author: Identity; date: number },
): Promise<string> {
  const date = `${o.date} +0000`;
  const result = await gitRaw(['commit-tree', o.tree, ...o.parents.flatMap((p) => ['-p', p]), '-F', '-'], {
    cwd: repoDir,
    input: o.message.endsWith('\n') ? o.message : `${o.message}\n`,
    env: {
      GIT_AUTHOR_NAME: o.author.name,
      GIT_AUTHOR_EMAIL: o.author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: o.author.name,
      GIT_COMMITTER_EMAIL: o.author.email,
      GIT_COMMITTER_DATE: date,
    },
  });
  return result.stdout.toString('utf8').trim();
}

export async function commitTime(repoDir: string, commit: string): Promise<number> {
  const result = await gitRaw(['show', '-s', '--format=%ct', commit], { cwd: repoDir });
  return Number(result.stdout.toString('utf8').trim());
}

export async function treeOfCommit(repoDir: string, commit: string): Promise<string> {
  const result = await gitRaw(['rev-parse', '--verify', `${commit}^{tree}`], { cwd: repoDir });
  return result.stdout.toString('utf8').trim();
}

export type PushResult = { status: 'pushed' } | { status: 'stale'; message: string };

/**
 * Pushes `commit` to `refs/heads/<branch>` only if the remote ref still is `expected` (undefined = must not
 * exist): a concurrent writer makes this fail as `stale` instead of being overwritten.
 */
export async function pushWithLease(
  repoDir: string,
  o: { commit: string; branch: string; expected: string | undefined; remote?: string },
): Promise<PushResult> {
  const ref = `refs/heads/${o.branch}`;
  const result = await gitRaw(
    [
      'push',
      '--porcelain',
      '--no-verify',
      `--force-with-lease=${ref}:${o.expected ?? ''}`,
      o.remote ?? 'origin',
      `${o.commit}:${ref}`,
    ],
    { cwd: repoDir, okCodes: [1] },
  );
  if (result.code === 0) return { status: 'pushed' };
  const output = `${result.stdout.toString('utf8')}\n${result.stderr}`;
  if (
    /stale info|fetch first|rejected.*\(stale|non-fast-forward|cannot lock ref|reference already exists/i.test(
      output,
    )
  )
    return {
      status: 'stale',
      message:
        output
          .trim()
          .split('\n')
          .find((l) => l.includes('!')) ?? 'stale',
    };
  const reason = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('To ') && l !== 'Done')
    .slice(0, 3)
    .join(' / ');
  throw new OperationError(`git push of ${o.branch} failed: ${reason}`);
}
