// Reads what the channel branches hold straight from git objects: never the working tree, never a checkout of
// the change. Work grows with the change (touched names), not with the repository: the diff walks only trees whose
// ids differ, and everything goes through one shared object reader (one `git cat-file` process per run, however
// many commits it compares).
import { modeAbsent, type ChangedPath, type Holdings, type VersionContent } from '../core/change.js';
import { OperationError } from '../core/errors.js';
import { contentIdentity, type ContentFile } from '../core/identity.js';
import { isValidPackageName } from '../core/paths.js';
import { emptyTreeId } from './git.js';
import { ObjectReader, type TreeEntry } from './objects.js';

export interface StorageLimits {
  manifestBytes: number;
  filesPerVersion: number;
}

export interface VersionEntry {
  name: string;
  version: string;
  tree: string;
}

/** Entry names git itself never writes: a tree holding one was crafted to look like another path. */
export function isMalformedName(name: string): boolean {
  return (
    name === '' ||
    name === '.' ||
    name === '..' ||
    name.includes('/') ||
    name.includes('\0') ||
    name.toLowerCase() === '.git'
  );
}

const zeroOid = '0000000000000000000000000000000000000000';

function changed(
  path: string,
  status: ChangedPath['status'],
  oldEntry: TreeEntry | undefined,
  newEntry: TreeEntry | undefined,
  invalid: boolean,
): ChangedPath {
  return {
    path,
    status,
    oldMode: oldEntry?.mode ?? modeAbsent,
    newMode: newEntry?.mode ?? modeAbsent,
    oldBlob: oldEntry?.oid ?? zeroOid,
    newBlob: newEntry?.oid ?? zeroOid,
    ...(invalid ? { invalidEncoding: true } : {}),
  };
}

/**
 * A package directory holds a legacy flat version (`<root>/<name>-<version>/manifest.yml`) when its name is not a
 * package name and it holds a manifest directly. (A package directory with a stray manifest stays a package.)
 */
function isFlatVersion(name: string, entries: readonly TreeEntry[]): boolean {
  return !isValidPackageName(name) && entries.some((e) => e.name === 'manifest.yml' && e.type === 'blob');
}

export class StorageReader {
  readonly objects: ObjectReader;
  private readonly owned: boolean;

  /** A reader of its own, or one sharing `objects` (audit replays share one across every commit). */
  constructor(
    readonly repoDir: string,
    readonly packagesRoot: string,
    objects?: ObjectReader,
  ) {
    this.objects = objects ?? new ObjectReader(repoDir);
    this.owned = objects === undefined;
  }

  private async rootEntries(rev: string): Promise<TreeEntry[]> {
    if (rev === emptyTreeId) return [];
    const root = await this.objects.rootTree(rev);
    if (!root) throw new OperationError(`commit ${rev} is not available in ${this.repoDir}`);
    return (await this.objects.tree(root)) ?? [];
  }

  /**
   * Every changed path between two commits (or trees), as a stream: a two-tree walk that descends only where tree
   * ids differ (works in shallow and blobless clones: it reads trees only). No renames; a file replaced by a
   * directory is a deletion and additions.
   */
  async *changes(base: string, head: string): AsyncGenerator<ChangedPath> {
    const [a, b] = await Promise.all([this.rootEntries(base), this.rootEntries(head)]);
    yield* this.walk(a, b, '', false);
  }

  private async *walk(
    a: readonly TreeEntry[],
    b: readonly TreeEntry[],
    prefix: string,
    invalid: boolean,
  ): AsyncGenerator<ChangedPath> {
    const left = new Map(a.map((e) => [e.name, e]));
    const right = new Map(b.map((e) => [e.name, e]));
    const names = [...new Set([...left.keys(), ...right.keys()])].sort();
    // Ask for every subtree this level descends into at once (pipelined), then walk them in order.
    for (const name of names) {
      const x = left.get(name);
      const y = right.get(name);
      if (x?.oid === y?.oid && x?.mode === y?.mode) continue;
      for (const e of [x, y]) if (e?.type === 'tree') void this.objects.tree(e.oid).catch(() => undefined);
    }
    for (const name of names) {
      const x = left.get(name);
      const y = right.get(name);
      if (x && y && x.oid === y.oid && x.mode === y.mode) continue;
      const path = prefix + name;
      const bad = invalid || Boolean(x?.invalid || y?.invalid);
      const xTree = x?.type === 'tree';
      const yTree = y?.type === 'tree';
      if (xTree && yTree) {
        yield* this.walk(await this.entries(x.oid), await this.entries(y.oid), `${path}/`, bad);
        continue;
      }
      if (x && y && !xTree && !yTree) {
        yield changed(path, 'modified', x, y, bad);
        continue;
      }
      if (x) {
        if (xTree) yield* this.walk(await this.entries(x.oid), [], `${path}/`, bad);
        else yield changed(path, 'deleted', x, undefined, bad);
      }
      if (y) {
        if (yTree) yield* this.walk([], await this.entries(y.oid), `${path}/`, bad);
        else yield changed(path, 'added', undefined, y, bad);
      }
    }
  }

  private async entries(oid: string): Promise<TreeEntry[]> {
    const entries = await this.objects.tree(oid);
    if (!entries) throw new OperationError(`tree ${oid} is not available in ${this.repoDir}`);
    return entries;
  }

  /** Every changed path, collected (small changes, tests). */
  async diff(base: string, head: string): Promise<ChangedPath[]> {
    const out: ChangedPath[] = [];
    for await (const p of this.changes(base, head)) out.push(p);
    return out;
  }

  /** Package directory names whose entry under the packages root differs between two commits. */
  async changedNames(base: string, head: string): Promise<string[]> {
    const [a, b] = await Promise.all([this.packagesTree(base), this.packagesTree(head)]);
    const left = new Map((a ?? []).map((e) => [e.name, e]));
    const names: string[] = [];
    for (const e of b ?? []) {
      const x = left.get(e.name);
      if ((e.type === 'tree' || x?.type === 'tree') && (x?.oid !== e.oid || x.mode !== e.mode))
        names.push(e.name);
      left.delete(e.name);
    }
    for (const x of left.values()) if (x.type === 'tree') names.push(x.name);
    return names.sort();
  }

  /** Fills `size` of added and modified blobs (no blob content is read). */
  async addSizes(paths: ChangedPath[]): Promise<void> {
    await Promise.all(
      paths
        .filter((p) => p.status !== 'deleted' && p.newMode !== '160000')
        .map(async (p) => {
          const info = await this.objects.info(p.newBlob);
          if (info) p.size = info.size;
        }),
    );
  }

  private async packagesTree(rev: string | undefined): Promise<TreeEntry[] | undefined> {
    if (rev === undefined) return undefined;
    const root = await this.rootEntries(rev);
    let entries: TreeEntry[] | undefined = root;
    for (const segment of this.packagesRoot.split('/').filter((s) => s.length > 0 && s !== '.')) {
      const entry: TreeEntry | undefined = entries?.find((e) => e.name === segment);
      if (entry?.type !== 'tree') return undefined;
      entries = await this.objects.tree(entry.oid);
    }
    return entries;
  }

  /** Versions of one package directory: `version -> tree`, or `'' -> tree` for a legacy flat version. */
  private async versionsOf(entry: TreeEntry): Promise<Map<string, string>> {
    const versions = new Map<string, string>();
    const entries = (await this.objects.tree(entry.oid)) ?? [];
    if (isFlatVersion(entry.name, entries)) versions.set('', entry.oid);
    else for (const v of entries) if (v.type === 'tree') versions.set(v.name, v.oid);
    return versions;
  }

  /** The versions of `names` at `rev` (undefined rev = an empty channel). */
  async holdings(rev: string | undefined, names: readonly string[]): Promise<Holdings> {
    const holdings: Holdings = new Map();
    const packages = await this.packagesTree(rev);
    if (!packages) return holdings;
    const wanted = new Set(names);
    await Promise.all(
      packages
        .filter((e) => e.type === 'tree' && wanted.has(e.name))
        .map(async (e) => holdings.set(e.name, await this.versionsOf(e))),
    );
    return holdings;
  }

  /**
   * Crafted entries at `rev` under the packages root, at the package and version levels of `names` (and any entry
   * whose name contains a slash, which would read as a package path): `<root>/<name>` paths for reports.
   */
  async malformedEntries(rev: string, names: readonly string[]): Promise<string[]> {
    const packages = await this.packagesTree(rev);
    if (!packages) return [];
    const wanted = new Set(names);
    const lists = await Promise.all(
      packages.map(async (e): Promise<string[]> => {
        if (isMalformedName(e.name)) return [`${this.packagesRoot}/${e.name}`];
        if (!wanted.has(e.name) || e.type !== 'tree') return [];
        return ((await this.objects.tree(e.oid)) ?? [])
          .filter((v) => isMalformedName(v.name))
          .map((v) => `${this.packagesRoot}/${e.name}/${v.name}`);
      }),
    );
    return lists.flat();
  }

  /** Every version at `rev`, in git's tree order of names, then of version directories (legacy flat directories with version ''). */
  async allVersions(rev: string | undefined): Promise<VersionEntry[]> {
    const packages = (await this.packagesTree(rev)) ?? [];
    const lists = await Promise.all(
      packages
        .filter((e) => e.type === 'tree')
        .map(async (e) =>
          [...(await this.versionsOf(e))].map(([version, tree]) => ({ name: e.name, version, tree })),
        ),
    );
    return lists.flat();
  }

  /**
   * Walks a version tree: its files (path, blob) up to `limit`, and crafted entry names. The callback sees each
   * file; nothing is kept here.
   */
  private async walkFiles(
    tree: string,
    limit: number,
    onFile: (file: ContentFile & { mode: string }) => void,
  ): Promise<{ count: number; truncated: boolean; malformed: string[] }> {
    const malformed: string[] = [];
    let count = 0;
    let truncated = false;
    const walk = async (oid: string, prefix: string): Promise<void> => {
      const entries = (await this.objects.tree(oid)) ?? [];
      // Subtrees requested together (pipelined), walked in order.
      for (const e of entries) if (e.type === 'tree') void this.objects.tree(e.oid).catch(() => undefined);
      for (const entry of entries) {
        if (truncated) return;
        const path = prefix + entry.name;
        if (isMalformedName(entry.name) && malformed.length < 20) malformed.push(path);
        if (entry.type === 'tree') await walk(entry.oid, `${path}/`);
        else if (count >= limit) truncated = true;
        else {
          count++;
          onFile({ path, blob: entry.oid, mode: entry.mode });
        }
      }
    };
    await walk(tree, '');
    return { count, truncated, malformed };
  }

  /** The content identity of a version tree (blob per path, modes ignored); undefined above `limit` files. */
  async contentIdentity(tree: string, limit: number): Promise<string | undefined> {
    const files: ContentFile[] = [];
    const { truncated } = await this.walkFiles(tree, limit, (f) =>
      files.push({ path: f.path, blob: f.blob }),
    );
    return truncated ? undefined : contentIdentity(files);
  }

  /** What the rules need of a version tree: file count, identity, README, crafted names and the manifest text. */
  async versionContent(tree: string, limits: StorageLimits): Promise<VersionContent> {
    const files: ContentFile[] = [];
    const walked = await this.walkFiles(tree, limits.filesPerVersion, (f) =>
      files.push({ path: f.path, blob: f.blob }),
    );
    const readme = await this.objects.lookup(tree, 'docs/README.md');
    const content: VersionContent = {
      fileCount: walked.count,
      truncated: walked.truncated,
      readme: readme?.type === 'blob',
      ...(walked.truncated ? {} : { identity: contentIdentity(files) }),
      ...(walked.malformed.length ? { malformed: walked.malformed } : {}),
    };
    files.length = 0;
    const manifestEntry = ((await this.objects.tree(tree)) ?? []).find(
      (e) => e.name === 'manifest.yml' && e.type === 'blob',
    );
    if (manifestEntry) {
      const info = await this.objects.info(manifestEntry.oid);
      const size = info?.size ?? 0;
      if (size > limits.manifestBytes) content.manifest = { size };
      else {
        const blob = await this.objects.read(manifestEntry.oid);
        content.manifest = { size, text: blob?.content.toString('utf8') ?? '' };
      }
    }
    return content;
  }

  /** A blob's text at `<rev>:<path>`, or undefined when absent. */
  async readFile(rev: string, path: string): Promise<string | undefined> {
    if (rev === emptyTreeId) return undefined;
    const root = await this.objects.rootTree(rev);
    if (!root) return undefined;
    const entry = await this.objects.lookup(root, path);
    if (entry?.type !== 'blob') return undefined;
    return (await this.objects.read(entry.oid))?.content.toString('utf8');
  }

  /** Closes the object reader when this reader made it (a shared one is closed by its owner). */
  close(): void {
    if (this.owned) this.objects.close();
  }
}
