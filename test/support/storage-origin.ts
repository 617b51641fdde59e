// A bare "package-storage" origin with channel branches, written with plumbing only (no working tree), and
// workspaces made exactly the way actions/checkout makes them (shallow, single ref, no tags).
import { createWriteStream } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { git, gitBuffer, gitEnv, gitLine, tempDir, DEFAULT_GIT_DATE, GitError } from './git.js';
import {
  distributionFiles,
  mainBranchFiles,
  manifestYaml,
  markerPackageFiles,
  packageFiles,
  Prng,
  type ManifestOptions,
  type PackageFilesOptions,
} from './manifests.js';

export type FileContent =
  | string
  | Buffer
  | { symlink: string }
  | { submodule: string /* commit sha */ }
  | { mode: '100755' | '100644'; content: string | Buffer }
  /** Copy a file from disk; git streams it, so huge files are never held in memory here. */
  | { fromFile: string; mode?: '100755' | '100644' }
  /** `random` pseudo-random bytes generated in 1 MiB chunks straight to disk (huge incompressible files). */
  | { random: number; seed?: number };

export interface VersionSpec {
  name: string;
  version: string;
  /** Overlaid on the generated tree (or the whole tree with `generate: false`); `null` deletes a generated file. */
  files?: Record<string, FileContent | null>;
  /** Manifest options or raw manifest.yml text; default: realistic options derived from name and version. */
  manifest?: ManifestOptions | string;
  /** Varies the generated content other than the manifest ("same manifest, different tree"). */
  seed?: number;
  /** Default true: generate a full package tree with {@link packageFiles}. */
  generate?: boolean;
  /** More options for {@link packageFiles} (pngBytes, dashboards, readmeBytes...). */
  packageOptions?: Omit<PackageFilesOptions, 'name' | 'version' | 'manifest' | 'seed'>;
  /**
   * Mode of the generated files (and of plain string/Buffer overlays), default 100644. Real storage repositories
   * hold mostly 100755 files, and old promotions flipped modes between channels.
   */
  fileMode?: '100644' | '100755';
}

export interface CommitChange {
  /** Version dirs written as a whole: an existing `packages/<name>/<version>` is replaced, not merged. */
  add?: VersionSpec[];
  /** Paths relative to the repository root; `null` deletes the file or the whole directory. */
  files?: Record<string, FileContent | null>;
  /** Paths given as raw bytes (non-UTF-8 names); `null` deletes. */
  rawFiles?: Array<{ path: Buffer; content: FileContent | null }>;
  removeVersions?: Array<{ name: string; version: string }>;
  message?: string;
  /** Parent commit (any revision); default: the branch tip. A missing branch is created (root commit without parent). */
  parent?: string;
  /**
   * The value the branch must still have when it is updated (`update-ref <new> <old>`); default: the tip read when
   * the commit started. `null`: the branch must not exist.
   */
  lease?: string | null;
  /** Author and committer date (Unix seconds), any number git takes (year 10000 too); default: the next tick. */
  date?: number;
}

const ZERO = '0000000000000000000000000000000000000000';

/**
 * `git init --bare` with HEAD -> main and what a test origin needs: partial clone and any-SHA fetches allowed (as
 * on GitHub), no auto gc ("Auto packing" noise, timing jitter).
 */
export async function initBareOrigin(bare: string): Promise<void> {
  await mkdir(bare, { recursive: true });
  await git(['init', '--bare', '--quiet', '--initial-branch=main', bare]);
  // One append instead of three `git config` processes.
  await appendFile(
    join(bare, 'config'),
    '[uploadpack]\n\tallowFilter = true\n\tallowAnySHA1InWant = true\n[gc]\n\tauto = 0\n',
  );
}

/** Internal path form: a latin1 string holds arbitrary bytes one-to-one. */
const bytesOf = (p: string): string => Buffer.from(p, 'utf8').toString('latin1');

interface Entry {
  mode: string;
  /** Blob content source; undefined for gitlinks. */
  content?: FileContent;
  sha?: string;
}

function normalise(content: FileContent): Entry {
  if (typeof content === 'string' || Buffer.isBuffer(content)) return { mode: '100644', content };
  if ('symlink' in content) return { mode: '120000', content: content.symlink };
  if ('submodule' in content) {
    if (!/^[0-9a-f]{40}$/.test(content.submodule))
      throw new Error(`submodule must be a commit sha: ${content.submodule}`);
    return { mode: '160000', sha: content.submodule };
  }
  if ('fromFile' in content) return { mode: content.mode ?? '100644', content };
  if ('random' in content) return { mode: '100644', content };
  return { mode: content.mode, content: content.content };
}

function versionDir(name: string, version: string): string {
  return `packages/${name}/${version}`;
}

/** Plain contents (string, Buffer) with an explicit mode; everything else as it is. */
function withMode(content: FileContent, mode: '100644' | '100755' | undefined): FileContent {
  return mode !== undefined && (typeof content === 'string' || Buffer.isBuffer(content))
    ? { mode, content }
    : content;
}

/** Entries of one version dir, keyed by repo-relative internal path. */
function versionEntries(spec: VersionSpec): Map<string, FileContent> {
  const out = new Map<string, FileContent>();
  const base = versionDir(spec.name, spec.version);
  if (spec.generate !== false) {
    const generated = packageFiles({
      ...spec.packageOptions,
      name: spec.name,
      version: spec.version,
      manifest: spec.manifest,
      seed: spec.seed,
    });
    for (const [p, c] of Object.entries(generated))
      out.set(bytesOf(`${base}/${p}`), withMode(c, spec.fileMode));
  } else if (spec.manifest !== undefined) {
    const text = typeof spec.manifest === 'string' ? spec.manifest : manifestYaml(spec.manifest).text;
    out.set(bytesOf(`${base}/manifest.yml`), withMode(text, spec.fileMode));
  }
  for (const [p, c] of Object.entries(spec.files ?? {})) {
    const key = bytesOf(`${base}/${p}`);
    if (c === null) out.delete(key);
    else out.set(key, withMode(c, spec.fileMode));
  }
  return out;
}

/**
 * Write blobs with one `git hash-object -w --stdin-paths`: contents go to temporary files first, so a large Buffer
 * is written once and never copied, and `fromFile` sources are hashed in place.
 */
async function writeBlobs(gitDir: string, entries: Entry[]): Promise<void> {
  const todo = entries.filter((e) => e.sha === undefined);
  if (todo.length === 0) return;
  const tmp = await mkdtemp(join(gitDir, 'tmp-blobs-'));
  try {
    const paths: string[] = [];
    const byText = new Map<string, string>();
    let n = 0;
    const writes: Array<() => Promise<void>> = [];
    for (const e of todo) {
      const c = e.content;
      if (c === undefined) throw new Error('blob entry without content');
      if (typeof c === 'object' && !Buffer.isBuffer(c) && 'fromFile' in c) {
        if (/[\n\r]/.test(c.fromFile))
          throw new Error(`unsupported file name: ${JSON.stringify(c.fromFile)}`);
        paths.push(resolve(c.fromFile));
        continue;
      }
      // Identical generated texts (base fields, templates) are written once.
      if (typeof c === 'string') {
        const seen = byText.get(c);
        if (seen !== undefined) {
          paths.push(seen);
          continue;
        }
      }
      const file = join(tmp, String(n++));
      paths.push(file);
      if (typeof c === 'string') {
        byText.set(c, file);
        writes.push(() => writeFile(file, c));
      } else if (Buffer.isBuffer(c)) {
        writes.push(() => writeFile(file, c));
      } else if ('random' in c) {
        writes.push(() => writeRandomFile(file, c.random, c.seed ?? 0));
      } else if ('content' in c) {
        const content = c.content;
        writes.push(() => writeFile(file, content));
      } else {
        throw new Error('unexpected blob content');
      }
    }
    // Bounded concurrency: many small files, no fd exhaustion.
    for (let i = 0; i < writes.length; i += 64) await Promise.all(writes.slice(i, i + 64).map((w) => w()));
    const out = await git(['--git-dir', gitDir, 'hash-object', '-w', '--no-filters', '--stdin-paths'], {
      input: `${paths.join('\n')}\n`,
    });
    const shas = out.split('\n').filter((s) => s !== '');
    if (shas.length !== todo.length)
      throw new Error(`hash-object returned ${shas.length} ids for ${todo.length} files`);
    todo.forEach((e, i) => (e.sha = shas[i]));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function writeRandomFile(file: string, size: number, seed: number): Promise<void> {
  const rng = new Prng(seed);
  const out = createWriteStream(file);
  const chunk = 1 << 20;
  for (let left = size; left > 0; left -= chunk) {
    if (!out.write(rng.bytes(Math.min(chunk, left)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Parse `ls-tree -z` / `ls-files -z -s` style records into [meta, path] pairs; paths stay raw (latin1). */
function splitZ(buf: Buffer): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] !== 0) continue;
    const rec = buf.subarray(start, i);
    start = i + 1;
    const tab = rec.indexOf(9);
    out.push([rec.subarray(0, tab).toString('latin1'), rec.subarray(tab + 1).toString('latin1')]);
  }
  return out;
}

/** True if `path` or one of its parent directories is in `set`. */
function isUnder(path: string, set: ReadonlySet<string>): boolean {
  if (set.has(path)) return true;
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    if (set.has(path.slice(0, i))) return true;
  }
  return false;
}

export interface ListedVersion {
  name: string;
  version: string;
  tree: string;
}

export class StorageOrigin {
  /** Seconds added to the base date per commit: reproducible and strictly increasing commit dates. */
  #clock = 0;

  private constructor(
    readonly bare: string,
    readonly baseDate: number,
  ) {}

  /** `file://` URL of the bare repository (what a remote would be configured with). */
  get url(): string {
    return `file://${this.bare}`;
  }

  /**
   * A bare origin: `main` (README and `mainFiles`), then each branch in `branches` starting from main with the
   * distribution files (`otherFiles`) and its marker package (`markers`), then one commit adding its versions.
   * Default branches: production, staging and snapshot, empty.
   */
  static async create(
    o: {
      /** Path of the bare repository to create (default: a new temp dir, removed by cleanupTempDirs). */
      dir?: string;
      branches?: Record<string, VersionSpec[]>;
      mainFiles?: Record<string, FileContent>;
      otherFiles?: boolean;
      /** snapshot/0.0.1 on snapshot, staging/0.0.1 on staging; default true. */
      markers?: boolean;
      /** Base commit date (Unix seconds); each commit adds a minute. */
      date?: number;
    } = {},
  ): Promise<StorageOrigin> {
    const bare = resolve(o.dir ?? (await tempDir('storage-origin')));
    await initBareOrigin(bare);
    const origin = new StorageOrigin(bare, o.date ?? DEFAULT_GIT_DATE);
    const main = await origin.commit('main', {
      files: { ...mainBranchFiles(), ...o.mainFiles },
      message: 'Initial commit',
      lease: null,
    });
    const branches = o.branches ?? { production: [], staging: [], snapshot: [] };
    // Branches are independent: build them concurrently, with commit dates allocated up front in a fixed order so
    // the commit ids stay reproducible.
    const jobs = Object.entries(branches).map(([branch, specs]) => {
      const files: Record<string, FileContent> =
        o.otherFiles === false ? {} : { ...distributionFiles(branch) };
      if (o.markers !== false && (branch === 'snapshot' || branch === 'staging')) {
        for (const [p, c] of Object.entries(markerPackageFiles(branch)))
          files[`packages/${branch}/0.0.1/${p}`] = c;
      }
      const setupEnv = origin.#nextEnv();
      const addEnv = origin.#nextEnv();
      return async (): Promise<void> => {
        const message = `[${branch}] Set up the ${branch} distribution`;
        await origin.#commit(branch, { parent: main, files, message, lease: null }, setupEnv);
        if (specs.length > 0) {
          let list = `[${branch}] Add packages (${specs.map((s) => `${s.name}-${s.version}`).join(', ')})`;
          if (list.length > 256) list = `[${branch}] Add many packages`;
          await origin.#commit(branch, { add: specs, message: list }, addEnv);
        }
      };
    });
    await Promise.all(jobs.map((job) => job()));
    return origin;
  }

  #git(args: string[], o: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
    return git(['--git-dir', this.bare, ...args], o);
  }

  /** The commit a revision points at. */
  rev(ref: string): Promise<string> {
    return gitLine(['--git-dir', this.bare, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(
      (e: unknown) => {
        throw new Error(`unknown revision ${ref}`, { cause: e });
      },
    );
  }

  async #tryRev(ref: string): Promise<string | null> {
    try {
      return await gitLine(['--git-dir', this.bare, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    } catch (e) {
      if (e instanceof GitError && e.exitCode === 1) return null;
      throw e;
    }
  }

  /** Tree id of `path` at `ref` (`''` for the root tree); throws if it does not exist. */
  treeId(ref: string, path: string): Promise<string> {
    const spec = path === '' ? `${ref}^{tree}` : `${ref}:${path.replace(/\/+$/, '')}`;
    return gitLine(['--git-dir', this.bare, 'rev-parse', '--verify', '--quiet', spec]).catch((e: unknown) => {
      throw new Error(`no ${path || 'tree'} at ${ref}`, { cause: e });
    });
  }

  /** The tree of merging `head` into `base` (what GitHub's test merge holds); throws on a conflict. */
  async mergeTree(base: string, head: string): Promise<string> {
    const out = await gitLine(['--git-dir', this.bare, 'merge-tree', '--write-tree', base, head]);
    return out.split('\n')[0]!.trim();
  }

  /** Raw content of a blob at `ref`. */
  readFile(ref: string, path: string): Promise<Buffer> {
    return gitBuffer(['--git-dir', this.bare, 'cat-file', 'blob', `${ref}:${path}`]);
  }

  /** Every `packages/<name>/<version>` dir at `ref` (markers included), in git order. */
  async listVersions(ref: string): Promise<ListedVersion[]> {
    const commit = await this.rev(ref);
    const out = await gitBuffer([
      '--git-dir',
      this.bare,
      'ls-tree',
      '-r',
      '-d',
      '-z',
      '--full-tree',
      commit,
      '--',
      'packages',
    ]);
    const result: ListedVersion[] = [];
    for (const [meta, rawPath] of splitZ(out)) {
      const path = Buffer.from(rawPath, 'latin1').toString('utf8');
      const parts = path.split('/');
      const [, name, version] = parts;
      if (parts.length !== 3 || name === undefined || version === undefined) continue;
      const tree = meta.split(' ')[2] ?? '';
      result.push({ name, version, tree });
    }
    return result;
  }

  /** Create `newBranch` at `from` (fails if it exists). */
  async branch(newBranch: string, from: string): Promise<string> {
    const sha = await this.rev(from);
    await this.#git(['update-ref', `refs/heads/${newBranch}`, sha, ZERO]);
    return sha;
  }

  /** Point any ref at a revision; `lease` as in {@link CommitChange.lease} (undefined: no check). */
  async setRef(ref: string, target: string, lease?: string | null): Promise<string> {
    const sha = await this.rev(target);
    const args = ['update-ref', ref, sha];
    if (lease !== undefined) args.push(lease ?? ZERO);
    await this.#git(args);
    return sha;
  }

  async deleteRef(ref: string): Promise<void> {
    await this.#git(['update-ref', '-d', ref]);
  }

  #nextEnv(): Record<string, string> {
    this.#clock += 60;
    return gitEnv({ date: this.baseDate + this.#clock });
  }

  /**
   * One commit on `branch` built with plumbing in a temporary index: read-tree of the parent, deletions and
   * additions through `update-index -z --index-info` (any byte in paths, symlinks, gitlinks, modes), write-tree,
   * commit-tree, then `update-ref` with the old value as a lease. Returns the new commit.
   */
  commit(branch: string, change: CommitChange): Promise<string> {
    return this.#commit(
      branch,
      change,
      change.date === undefined ? this.#nextEnv() : gitEnv({ date: change.date }),
    );
  }

  async #commit(branch: string, change: CommitChange, env: Record<string, string>): Promise<string> {
    const ref = branch.startsWith('refs/') ? branch : `refs/heads/${branch}`;
    const tip = await this.#tryRev(ref);
    const parent = change.parent !== undefined ? await this.rev(change.parent) : tip;
    const lease = change.lease !== undefined ? change.lease : tip;

    const deletes: string[] = [];
    const adds = new Map<string, FileContent>();
    for (const v of change.removeVersions ?? []) deletes.push(bytesOf(versionDir(v.name, v.version)));
    for (const spec of change.add ?? []) {
      deletes.push(bytesOf(versionDir(spec.name, spec.version)));
      for (const [p, c] of versionEntries(spec)) adds.set(p, c);
    }
    const plainFiles: Array<[string, FileContent | null]> = Object.entries(change.files ?? {}).map(
      ([p, c]) => [bytesOf(p), c],
    );
    for (const { path, content } of change.rawFiles ?? [])
      plainFiles.push([path.toString('latin1'), content]);
    for (const [p, c] of plainFiles) {
      if (c === null) {
        deletes.push(p);
        adds.delete(p);
      } else {
        adds.set(p, c);
      }
    }

    const index = join(this.bare, `tmp-index-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const ienv = { ...env, GIT_INDEX_FILE: index };
    try {
      if (parent !== null) await this.#git(['read-tree', parent], { env: ienv });
      const records: Buffer[] = [];
      if (deletes.length > 0 && parent !== null) {
        const listed = await gitBuffer(['--git-dir', this.bare, 'ls-files', '-z'], { env: ienv });
        const doomed = new Set(deletes);
        for (const p of listed.toString('latin1').split('\0')) {
          if (p !== '' && isUnder(p, doomed)) records.push(Buffer.from(`0 ${ZERO}\t${p}\0`, 'latin1'));
        }
      }
      const entries: Array<[string, Entry]> = [...adds].map(([p, c]) => [p, normalise(c)]);
      await writeBlobs(
        this.bare,
        entries.map(([, e]) => e),
      );
      for (const [p, e] of entries) {
        const type = e.mode === '160000' ? 'commit' : 'blob';
        records.push(Buffer.from(`${e.mode} ${type} ${e.sha ?? ''}\t${p}\0`, 'latin1'));
      }
      if (records.length > 0) {
        await this.#git(['update-index', '--add', '--replace', '-z', '--index-info'], {
          env: ienv,
          input: Buffer.concat(records),
        });
      }
      const tree = (await this.#git(['write-tree'], { env: ienv })).trim();
      const args = ['commit-tree', tree];
      if (parent !== null) args.push('-p', parent);
      const message = change.message ?? `[${branch}] Update packages`;
      const commit = (await this.#git([...args, '-F', '-'], { env, input: `${message}\n` })).trim();
      await this.#git(['update-ref', '-m', message.split('\n')[0] ?? '', ref, commit, lease ?? ZERO]);
      return commit;
    } finally {
      await rm(index, { force: true });
    }
  }

  /**
   * GitHub-style pull request refs: `refs/pull/<n>/head` at `head`, `refs/pull/<n>/merge` = a merge of head into
   * base made with `merge-tree --write-tree` (throws on conflicts, like GitHub's unmergeable PRs).
   */
  async pullRequest(
    n: number,
    o: { base: string; head: string },
  ): Promise<{ base: string; head: string; merge: string }> {
    const base = await this.rev(o.base);
    const head = await this.rev(o.head);
    const out = await this.#git(['merge-tree', '--write-tree', '--no-messages', base, head]).catch(
      (e: unknown) => {
        throw new Error(`pull request #${n}: ${o.head} does not merge cleanly into ${o.base}`, { cause: e });
      },
    );
    const tree = out.split('\n')[0] ?? '';
    const merge = (
      await this.#git(['commit-tree', tree, '-p', base, '-p', head, '-F', '-'], {
        env: this.#nextEnv(),
        input: `Merge ${head} into ${base}\n`,
      })
    ).trim();
    await this.#git(['update-ref', `refs/pull/${n}/head`, head]);
    await this.#git(['update-ref', `refs/pull/${n}/merge`, merge]);
    return { base, head, merge };
  }
}

export interface CheckoutOptions {
  /** Path or URL of the origin (a bare repository path or `file://` URL). */
  origin: string;
  /** Workspace directory (created); default: a new temp dir. */
  dest?: string;
  /** `refs/heads/<branch>`, `refs/pull/<n>/merge`, `refs/tags/<tag>`; a bare name means a branch. */
  ref: string;
  /** The commit (GITHUB_SHA); default: what `ref` points at in the origin. */
  sha?: string;
  /** Default 1; 0 = all history, branches and tags (checkout's `fetch-depth: 0`). */
  fetchDepth?: number;
  /** checkout's `filter` input, e.g. `blob:none`. */
  filter?: string;
}

/**
 * A workspace made by the same git commands actions/checkout v4+ runs (without auth and sparse-checkout):
 * init, remote add, gc.auto 0, a protocol v2 fetch of exactly one commit into one remote-tracking ref, checkout.
 */
export async function checkoutLikeActions(o: CheckoutOptions): Promise<string> {
  const dest = resolve(o.dest ?? (await tempDir('workspace')));
  await mkdir(dest, { recursive: true });
  const ref = o.ref.startsWith('refs/') ? o.ref : `refs/heads/${o.ref}`;
  let sha = o.sha;
  if (sha === undefined) {
    const line = await gitLine(['ls-remote', '--exit-code', o.origin, ref]);
    sha = line.split('\t')[0] ?? '';
  }
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`cannot resolve ${ref} in ${o.origin}`);
  const depth = o.fetchDepth ?? 1;
  const run = (args: string[]): Promise<string> => git(args, { cwd: dest });

  await run(['init', dest]);
  await run(['remote', 'add', 'origin', o.origin]);
  await run(['config', '--local', 'gc.auto', '0']);

  // Refspecs and checkout target as in actions/checkout src/ref-helper.ts (getRefSpec / getCheckoutInfo).
  let refSpecs: string[];
  let checkout: string[];
  if (ref.startsWith('refs/heads/')) {
    const branch = ref.slice('refs/heads/'.length);
    refSpecs = [`+${sha}:refs/remotes/origin/${branch}`];
    checkout = ['-B', branch, `refs/remotes/origin/${branch}`];
  } else if (ref.startsWith('refs/pull/')) {
    const rest = ref.slice('refs/pull/'.length);
    refSpecs = [`+${sha}:refs/remotes/pull/${rest}`];
    checkout = [`refs/remotes/pull/${rest}`];
  } else if (ref.startsWith('refs/tags/')) {
    refSpecs = [`+${sha}:${ref}`];
    checkout = [ref];
  } else {
    refSpecs = [sha];
    checkout = [sha];
  }
  const tagsRefSpec = '+refs/tags/*:refs/tags/*';
  if (depth <= 0) {
    const all = ['+refs/heads/*:refs/remotes/origin/*', tagsRefSpec];
    if (ref.startsWith('refs/pull/')) all.push(...refSpecs);
    refSpecs = all;
  }
  const fetch = ['-c', 'protocol.version=2', 'fetch'];
  if (!refSpecs.includes(tagsRefSpec)) fetch.push('--no-tags');
  fetch.push('--prune', '--no-recurse-submodules', '--progress');
  if (o.filter !== undefined) fetch.push(`--filter=${o.filter}`);
  if (depth > 0) fetch.push(`--depth=${depth}`);
  fetch.push('origin', ...refSpecs);
  await run(fetch);
  await run(['checkout', '--progress', '--force', ...checkout]);
  return dest;
}
