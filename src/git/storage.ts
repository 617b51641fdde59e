// Reads what the channel branches hold straight from git objects: never the working tree, never a checkout of
// the change. Work grows with the change (touched names), not with the repository.
import type { ChangedPath, Holdings, VersionContent, VersionFile } from '../core/change.js';
import { OperationError } from '../core/errors.js';
import { gitRaw } from './git.js';
import { decodeName, ObjectReader, type TreeEntry } from './objects.js';

export interface StorageLimits {
  manifestBytes: number;
  filesPerVersion: number;
}

export interface VersionEntry {
  name: string;
  version: string;
  tree: string;
}

const statusOf: Record<string, ChangedPath['status']> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  T: 'modified',
};

/** Parses `git diff-tree -r -z --raw --no-renames` output. */
export function parseRawDiff(output: Buffer): ChangedPath[] {
  const changes: ChangedPath[] = [];
  let offset = 0;
  while (offset < output.length) {
    const headerEnd = output.indexOf(0, offset);
    if (headerEnd === -1) break;
    const header = output.subarray(offset, headerEnd).toString('ascii');
    const pathEnd = output.indexOf(0, headerEnd + 1);
    const rawPath = output.subarray(headerEnd + 1, pathEnd === -1 ? output.length : pathEnd);
    offset = pathEnd === -1 ? output.length : pathEnd + 1;
    const match = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])/.exec(header);
    if (!match)
      throw new OperationError(`unexpected git diff-tree output: ${JSON.stringify(header.slice(0, 80))}`);
    const status = statusOf[match[5]!];
    if (!status) continue;
    const { name, valid } = decodeName(Buffer.from(rawPath));
    changes.push({
      path: name,
      status,
      oldMode: match[1]!,
      newMode: match[2]!,
      oldBlob: match[3]!,
      newBlob: match[4]!,
      ...(valid ? {} : { invalidEncoding: true }),
    });
  }
  return changes;
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

export class StorageReader {
  readonly objects: ObjectReader;

  constructor(
    readonly repoDir: string,
    readonly packagesRoot: string,
  ) {
    this.objects = new ObjectReader(repoDir);
  }

  /** Every changed path between two commits (two-tree diff: works in shallow clones). */
  async diff(base: string, head: string): Promise<ChangedPath[]> {
    const result = await gitRaw(
      ['diff-tree', '-r', '-z', '--raw', '--no-renames', '--no-abbrev', base, head],
      {
        cwd: this.repoDir,
      },
    );
    return parseRawDiff(result.stdout);
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

  private async packagesTree(rev: string): Promise<TreeEntry[] | undefined> {
    const root = await this.objects.rootTree(rev);
    if (!root) throw new OperationError(`commit ${rev} is not available in ${this.repoDir}`);
    const entry = await this.objects.lookup(root, this.packagesRoot);
    return entry?.type === 'tree' ? this.objects.tree(entry.oid) : undefined;
  }

  /** The versions of `names` at `rev` (undefined rev = an empty channel). */
  async holdings(rev: string | undefined, names: readonly string[]): Promise<Holdings> {
    const holdings: Holdings = new Map();
    if (rev === undefined) return holdings;
    const packages = await this.packagesTree(rev);
    if (!packages) return holdings;
    const wanted = new Set(names);
    await Promise.all(
      packages
        .filter((e) => e.type === 'tree' && wanted.has(e.name))
        .map(async (e) => {
          const versions = new Map<string, string>();
          for (const v of (await this.objects.tree(e.oid)) ?? [])
            if (v.type === 'tree') versions.set(v.name, v.oid);
          holdings.set(e.name, versions);
        }),
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
    const found: string[] = [];
    const wanted = new Set(names);
    for (const e of packages) {
      if (isMalformedName(e.name)) found.push(`${this.packagesRoot}/${e.name}`);
      else if (wanted.has(e.name) && e.type === 'tree')
        for (const v of (await this.objects.tree(e.oid)) ?? [])
          if (isMalformedName(v.name)) found.push(`${this.packagesRoot}/${e.name}/${v.name}`);
    }
    return found;
  }

  /** Every version at `rev`, sorted by name then version directory. */
  async allVersions(rev: string | undefined): Promise<VersionEntry[]> {
    if (rev === undefined) return [];
    const packages = (await this.packagesTree(rev)) ?? [];
    const lists = await Promise.all(
      packages
        .filter((e) => e.type === 'tree')
        .map(async (e) =>
          ((await this.objects.tree(e.oid)) ?? [])
            .filter((v) => v.type === 'tree')
            .map((v) => ({ name: e.name, version: v.name, tree: v.oid })),
        ),
    );
    return lists.flat();
  }

  /** Files of a version tree (bounded by the limit) and its manifest text. */
  async versionContent(tree: string, limits: StorageLimits): Promise<VersionContent> {
    const files: VersionFile[] = [];
    const malformed: string[] = [];
    let truncated = false;
    const walk = async (oid: string, prefix: string): Promise<void> => {
      for (const entry of (await this.objects.tree(oid)) ?? []) {
        if (truncated) return;
        const path = prefix + entry.name;
        if (isMalformedName(entry.name)) malformed.push(path);
        if (entry.type === 'tree') await walk(entry.oid, `${path}/`);
        else if (files.length >= limits.filesPerVersion) truncated = true;
        else files.push({ path, mode: entry.mode, blob: entry.oid });
      }
    };
    await walk(tree, '');
    const readme = await this.objects.lookup(tree, 'docs/README.md');
    const content: VersionContent = {
      files,
      truncated,
      readme: readme?.type === 'blob',
      ...(malformed.length ? { malformed } : {}),
    };
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
    const root = await this.objects.rootTree(rev);
    if (!root) return undefined;
    const entry = await this.objects.lookup(root, path);
    if (entry?.type !== 'blob') return undefined;
    return (await this.objects.read(entry.oid))?.content.toString('utf8');
  }

  close(): void {
    this.objects.close();
  }
}
