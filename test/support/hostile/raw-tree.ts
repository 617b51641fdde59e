// Raw git objects for hostile fixtures: trees written byte for byte with `hash-object --literally`, so entries git
// itself refuses to write through the index (`..`, `.git`, names with `/`, any byte) can reach a PR's tree.
import { git, gitBuffer, gitLine } from '../git.js';

export interface RawEntry {
  /** `100644`, `100755`, `120000` (symlink), `160000` (gitlink) or `40000` (tree). */
  mode: string;
  /** Raw name bytes (a string is taken as UTF-8). */
  name: Buffer | string;
  oid: string;
}

export const TREE_MODE = '40000';

const bytes = (name: Buffer | string): Buffer =>
  typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
const isTree = (mode: string): boolean => /^0?40000$/.test(mode);

/** git's tree order: names compared as bytes, a tree's name as if it ended with `/`. */
function sortKey(e: RawEntry): Buffer {
  return isTree(e.mode) ? Buffer.concat([bytes(e.name), Buffer.from('/')]) : bytes(e.name);
}

export function encodeTree(entries: readonly RawEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const parts: Buffer[] = [];
  for (const e of sorted) {
    if (!/^[0-9a-f]{40}$/.test(e.oid)) throw new Error(`bad object id ${e.oid}`);
    parts.push(
      Buffer.from(`${isTree(e.mode) ? TREE_MODE : e.mode} `),
      bytes(e.name),
      Buffer.from([0]),
      Buffer.from(e.oid, 'hex'),
    );
  }
  return Buffer.concat(parts);
}

/** Writes a tree object exactly as given (no fsck: `--literally`). */
export function writeRawTree(gitDir: string, entries: readonly RawEntry[]): Promise<string> {
  return gitLine(['--git-dir', gitDir, 'hash-object', '-t', 'tree', '-w', '--stdin', '--literally'], {
    input: encodeTree(entries),
  });
}

export function writeBlob(gitDir: string, content: Buffer | string): Promise<string> {
  return gitLine(['--git-dir', gitDir, 'hash-object', '-w', '--no-filters', '--stdin'], { input: content });
}

export async function readRawTree(gitDir: string, oid: string): Promise<RawEntry[]> {
  const raw = await gitBuffer(['--git-dir', gitDir, 'cat-file', 'tree', oid]);
  const entries: RawEntry[] = [];
  let at = 0;
  while (at < raw.length) {
    const space = raw.indexOf(32, at);
    const nul = raw.indexOf(0, space);
    entries.push({
      mode: raw.subarray(at, space).toString('ascii'),
      name: Buffer.from(raw.subarray(space + 1, nul)),
      oid: raw.subarray(nul + 1, nul + 21).toString('hex'),
    });
    at = nul + 21;
  }
  return entries;
}

/**
 * A copy of `root` with `entries` put into the directory at `dir` (created when missing; an entry of the same name
 * is replaced). Returns the new root tree id.
 */
export async function spliceTree(
  gitDir: string,
  root: string | undefined,
  dir: ReadonlyArray<Buffer | string>,
  entries: readonly RawEntry[],
): Promise<string> {
  const current = root === undefined ? [] : await readRawTree(gitDir, root);
  const without = (names: Buffer[]): RawEntry[] =>
    current.filter((e) => !names.some((n) => bytes(e.name).equals(n)));
  if (dir.length === 0)
    return writeRawTree(gitDir, [...without(entries.map((e) => bytes(e.name))), ...entries]);
  const [head, ...rest] = dir;
  const name = bytes(head!);
  const child = current.find((e) => bytes(e.name).equals(name) && isTree(e.mode));
  const oid = await spliceTree(gitDir, child?.oid, rest, entries);
  return writeRawTree(gitDir, [...without([name]), { mode: TREE_MODE, name, oid }]);
}

/** A nested tree from a path -> blob id map (paths split on `/`; use {@link spliceTree} for odd names). */
export async function treeFromBlobs(gitDir: string, files: ReadonlyMap<string, string>): Promise<string> {
  const here: RawEntry[] = [];
  const subdirs = new Map<string, Map<string, string>>();
  for (const [path, oid] of files) {
    const slash = path.indexOf('/');
    if (slash < 0) here.push({ mode: '100644', name: path, oid });
    else {
      const dir = path.slice(0, slash);
      const sub = subdirs.get(dir) ?? new Map<string, string>();
      sub.set(path.slice(slash + 1), oid);
      subdirs.set(dir, sub);
    }
  }
  for (const [dir, sub] of subdirs)
    here.push({ mode: TREE_MODE, name: dir, oid: await treeFromBlobs(gitDir, sub) });
  return writeRawTree(gitDir, here);
}

/** Commits `tree` on top of `parent` and points `refs/heads/<branch>` at it. */
export async function commitTreeOnBranch(
  gitDir: string,
  o: { branch: string; parent: string; tree: string; message: string },
): Promise<string> {
  const commit = await gitLine(['--git-dir', gitDir, 'commit-tree', o.tree, '-p', o.parent, '-F', '-'], {
    input: `${o.message}\n`,
  });
  await git(['--git-dir', gitDir, 'update-ref', `refs/heads/${o.branch}`, commit]);
  return commit;
}

export function rootTreeOf(gitDir: string, rev: string): Promise<string> {
  return gitLine(['--git-dir', gitDir, 'rev-parse', '--verify', `${rev}^{tree}`]);
}
