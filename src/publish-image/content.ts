// Layer contents straight from git objects: a package version's tree becomes /packages/<channel>/<name>/<version>/.
// Blobs missing from a trees-only clone are fetched in one request before building, never one by one. Each file
// is one `git cat-file` request, streamed into the tar (blob-stream.ts, in a layer worker: layer-workers.ts).
import { dump, load } from 'js-yaml';
import { OperationError } from '../core/errors.js';
import type { LayerPlan } from '../core/image-plan.js';
import { gitRaw } from '../git/git.js';

export interface FileRef {
  path: string;
  mode: string;
  oid: string;
}

/** Where a channel's version directories are in the repository (`packages/` for the default root). */
function rootPrefix(packagesRoot: string): string {
  const root = packagesRoot.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return root === '' ? '' : `${root}/`;
}

/**
 * Files under the given version directories at `commit`, from one `git ls-tree -r -z` (trees only: works in a
 * trees-only clone, and git does the walking instead of one object read per tree). In byte order of the paths.
 */
async function listFiles(
  repoDir: string,
  commit: string,
  prefix: string,
  dirs: readonly string[],
  onFile: (dir: string, path: string, mode: string, oid: string) => void,
): Promise<void> {
  if (dirs.length === 0) return;
  const wanted = new Set(dirs);
  const record = (entry: Buffer): void => {
    const tab = entry.indexOf(9);
    const [mode, , oid] = entry.subarray(0, tab).toString('latin1').split(' ');
    const path = entry.subarray(tab + 1).toString('utf8');
    // The version directory: `<root>/` then two more path components.
    const first = path.indexOf('/', prefix.length);
    const second = first === -1 ? -1 : path.indexOf('/', first + 1);
    const dir = second === -1 ? undefined : path.slice(0, second + 1);
    if (dir === undefined || !wanted.has(dir)) return;
    const where = path.slice(0, dir.length - 1);
    if (mode === '120000')
      throw new OperationError(`${where} contains a symbolic link (${path}); links are not put into images`);
    if (mode === '160000')
      throw new OperationError(`${where} contains a submodule (${path}); submodules are not put into images`);
    onFile(dir, path.slice(dir.length), mode!, oid!);
  };
  // Parsed as it arrives: a whole channel's listing (128k files) is never held at once.
  let rest: Buffer = Buffer.alloc(0);
  let failure: Error | undefined;
  await gitRaw(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...dirs], {
    cwd: repoDir,
    onStdout: (chunk) => {
      if (failure !== undefined) return;
      const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      let offset = 0;
      try {
        for (let nul = data.indexOf(0, offset); nul !== -1; nul = data.indexOf(0, offset)) {
          record(data.subarray(offset, nul));
          offset = nul + 1;
        }
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
      rest = Buffer.from(data.subarray(offset));
    },
  });
  if (failure !== undefined) throw failure;
  if (rest.length > 0) record(rest);
}

/** Every file of the layer's versions (at `commit`, where the plan read them), with image paths. */
export async function layerFiles(
  repoDir: string,
  commit: string,
  packagesRoot: string,
  layer: LayerPlan,
): Promise<FileRef[]> {
  const prefix = rootPrefix(packagesRoot);
  const image = new Map(
    layer.versions.map((v) => [
      `${prefix}${v.name}/${v.version}/`,
      `packages/${layer.channel}/${v.name}/${v.version}/`,
    ]),
  );
  const files: FileRef[] = [];
  await listFiles(repoDir, commit, prefix, [...image.keys()], (dir, path, mode, oid) =>
    files.push({ path: `${image.get(dir)!}${path}`, mode, oid }),
  );
  return files;
}

/**
 * The files of each version (paths relative to its directory) at `commit`, one version at a time: `onVersion` gets
 * a version's complete list before the next one is collected, so memory holds one version, not the channel.
 */
export async function versionFiles(
  repoDir: string,
  commit: string,
  packagesRoot: string,
  versions: ReadonlyArray<{ name: string; version: string }>,
  onVersion: (index: number, files: Array<{ path: string; blob: string }>) => void,
): Promise<void> {
  const prefix = rootPrefix(packagesRoot);
  const dirs = versions.map((v) => `${prefix}${v.name}/${v.version}/`);
  const index = new Map(dirs.map((d, i) => [d, i]));
  let current: string | undefined;
  let files: Array<{ path: string; blob: string }> = [];
  const seen = new Set<string>();
  await listFiles(repoDir, commit, prefix, dirs, (dir, path, _mode, oid) => {
    if (dir !== current) {
      if (current !== undefined) onVersion(index.get(current)!, files);
      current = dir;
      files = [];
      seen.add(dir);
    }
    files.push({ path, blob: oid });
  });
  if (current !== undefined) onVersion(index.get(current)!, files);
  // A version without any file (only possible for an empty tree) still has an identity.
  for (const [d, i] of index) if (!seen.has(d)) onVersion(i, []);
}

/** Files in tar order: the byte order of their paths (git's order within a tree, across versions too). */
export function sortForTar(files: readonly FileRef[]): FileRef[] {
  const keyed = files.map((f) => ({ f, key: Buffer.from(f.path, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return keyed.map((k) => k.f);
}

/**
 * Fetches, in one request, the blobs under `trees` (those in `only`, when given) that a partial (trees-only) clone
 * lacks; a no-op in a full clone.
 * Without this every missing blob would be a separate lazy fetch.
 */
export async function prefetchBlobs(
  repoDir: string,
  trees: readonly string[],
  only?: ReadonlySet<string>,
): Promise<number> {
  if (trees.length === 0) return 0;
  const promisor = await gitRaw(['config', '--get', 'remote.origin.promisor'], {
    cwd: repoDir,
    okCodes: [1],
  });
  if (promisor.stdout.toString('utf8').trim() !== 'true') return 0;
  const listing = await gitRaw(['rev-list', '--objects', '--no-object-names', '--missing=print', '--stdin'], {
    cwd: repoDir,
    input: `${trees.join('\n')}\n`,
  });
  const missing = listing.stdout
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('?'))
    .map((l) => l.slice(1))
    .filter((oid) => only === undefined || only.has(oid));
  if (missing.length === 0) return 0;
  await gitRaw(
    [
      '-c',
      'fetch.negotiationAlgorithm=noop',
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--filter=blob:none',
      '--stdin',
      'origin',
    ],
    { cwd: repoDir, input: `${missing.join('\n')}\n` },
  );
  return missing.length;
}

/**
 * The registry configuration of a channel image: the branch's deployment/package-registry.yml when it has one, with
 * `package_paths` set to the served channels, most stable first ("first package found wins").
 */
export function registryConfig(branchFile: string | undefined, packagePaths: readonly string[]): string {
  let config: Record<string, unknown> = {};
  if (branchFile !== undefined) {
    let parsed: unknown;
    try {
      parsed = load(branchFile, { maxAliases: 0 });
    } catch (error) {
      throw new OperationError(
        `deployment/package-registry.yml is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      config = { ...(parsed as Record<string, unknown>) };
  }
  config.package_paths = [...packagePaths];
  return `# Generated by package-storage publish-image. First package found wins: most stable channel first.\n${dump(config, { lineWidth: -1, sortKeys: true })}`;
}
