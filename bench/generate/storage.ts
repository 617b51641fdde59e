// Large synthetic package-storage origins for benchmarks and scale tests, streamed into ONE `git fast-import`
// process: tens of thousands of versions in seconds (one hash-object/commit process per file would take minutes).
// Shapes follow storage-domain §14: production holds most versions, snapshot the newest, staging a few; names
// with `_`; prerelease styles; ranges moving with each package's life. Importable from tests.
import { resolve } from 'node:path';
import { once } from 'node:events';
import { git, spawnGit, DEFAULT_GIT_DATE } from '../../test/support/git.js';
import {
  distributionFiles,
  generateNames,
  mainBranchFiles,
  markerPackageFiles,
  packageFiles,
  Prng,
  realisticManifestOptions,
  type PackageType,
} from '../../test/support/manifests.js';
import { initBareOrigin } from '../../test/support/storage-origin.js';

export type Channel = 'production' | 'staging' | 'snapshot';
export const CHANNELS: readonly Channel[] = ['production', 'staging', 'snapshot'];

export interface GenerateOptions {
  /** Path of the bare repository to create (parent directories are created). */
  dir: string;
  /** Total package versions across the three channels (markers not counted). */
  versions: number;
  /** Distinct package names; default ≈ 185 × sqrt(versions / 2000) (185 for 2,000, 585 for 20,000). */
  names?: number;
  /**
   * Files per version (the least essential generated files are dropped, or dashboards added); default 7, the
   * average of real package-storage (~14k files for ~2k versions).
   */
  filesPerVersion?: number;
  /** Target bytes per version (README padding + binary screenshot); default: natural size (~6-10 KB). */
  bytesPerVersion?: number;
  /** Share of bytes that are incompressible PNG data, 0..1 (needs bytesPerVersion); default 0. */
  binaryRatio?: number;
  /** Share of versions per channel; default production 0.8, snapshot 0.15, staging 0.05. */
  branches?: Partial<Record<Channel, number>>;
  /** Commits that add a channel's versions (after its setup commit); default 4. */
  commitsPerBranch?: number;
  /**
   * Cross-channel duplicates added on top of `versions`: half identical on snapshot and production, half with the
   * same manifest but a different tree. Default: 0.2% of versions.
   */
  duplicates?: number;
  /** `heavy: true` = image benchmark preset: filesPerVersion 7, bytesPerVersion 100 KB, binaryRatio 0.3. */
  heavy?: boolean;
  seed?: number;
  /**
   * zlib level of the pack fast-import writes (`pack.compression`), default 1: the pack is ~2% larger than with
   * the default level, and generation of text-heavy repositories is a little faster.
   */
  compression?: number;
  /** Mode of every package file, default 100644 (real production branches hold mostly 100755 files). */
  fileMode?: '100644' | '100755';
}

export interface GeneratedVersion {
  name: string;
  version: string;
}

export interface GenerateStats {
  versions: number;
  names: number;
  perBranch: Record<Channel, number>;
  duplicates: number;
  files: number;
  bytes: number;
  binaryBytes: number;
  commits: number;
  /** Wall time of content generation + fast-import. */
  ms: number;
  /** Size of the bare repository's pack(s) on disk. */
  packBytes: number;
}

export interface GenerateResult {
  bare: string;
  stats: GenerateStats;
  /** Versions per channel (markers excluded), in the order they were committed. */
  layout: Record<Channel, GeneratedVersion[]>;
}

const PRERELEASE_STYLES = [
  (n: number) => `dev.${n}`,
  (n: number) => `dev${n + 1}`,
  (n: number) => `rc${n + 1}`,
  () => 'beta',
  (n: number) => `beta.${n + 1}`,
  (n: number) => `preview${n + 1}`,
] as const;

/** An ascending version history for one package: mostly patches, some minors/majors, some prereleases first. */
function versionSequence(count: number, rng: Prng): string[] {
  const out: string[] = [];
  let [maj, min, pat] = rng.chance(0.6) ? [0, 1, 0] : [1, 0, 0];
  while (out.length < count) {
    if (out.length > 0) {
      const r = rng.next();
      if (r < 0.05) [maj, min, pat] = [maj + 1, 0, 0];
      else if (r < 0.3) [min, pat] = [min + 1, 0];
      else pat += 1;
    }
    const release = `${maj}.${min}.${pat}`;
    if (count - out.length >= 2 && rng.chance(0.08)) {
      const style = rng.pick(PRERELEASE_STYLES);
      const n = rng.int(2);
      out.push(`${release}-${style(n)}`);
    }
    if (out.length < count) out.push(release);
  }
  return out;
}

/** Split `total` into `n` parts ≥ 1 with a Zipf-like skew (a few packages have very many versions). */
function skewedCounts(total: number, n: number, rng: Prng): number[] {
  const weights = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, 0.8));
  // Shuffle so the heavy names are not alphabetically first.
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [weights[i], weights[j]] = [weights[j] as number, weights[i] as number];
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - n;
  const raw = weights.map((w) => (w / sum) * spare);
  const counts = raw.map((r) => 1 + Math.floor(r));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

interface Planned extends GeneratedVersion {
  position: number;
  type: PackageType;
  seed: number;
}

function plan(o: Required<Pick<GenerateOptions, 'versions' | 'seed'>> & GenerateOptions): {
  names: string[];
  layout: Record<Channel, Planned[]>;
  duplicates: number;
} {
  const rng = new Prng(o.seed);
  const nameCount = Math.max(
    1,
    Math.min(o.versions, o.names ?? Math.round(185 * Math.sqrt(o.versions / 2000))),
  );
  const names = generateNames(nameCount, o.seed);
  const counts = skewedCounts(o.versions, nameCount, rng.fork('counts'));
  const queues = names.map((name, i) => {
    const n = counts[i] as number;
    const seq = versionSequence(n, rng.fork(`seq:${name}`));
    const type: PackageType = name.endsWith('_input') ? 'input' : 'integration';
    return seq.map((version, k): Planned => ({
      name,
      version,
      position: n === 1 ? 1 : k / (n - 1),
      type,
      seed: 0,
    }));
  });
  const ratio = { production: 0.8, staging: 0.05, snapshot: 0.15, ...o.branches };
  const total = ratio.production + ratio.staging + ratio.snapshot;
  const take = (share: number): Planned[] => {
    const want = Math.round((o.versions * share) / total);
    const out: Planned[] = [];
    const pick = rng.fork(`take:${share}`);
    // Newest versions go to the less stable channels: pop from the end of a random non-empty queue.
    let nonEmpty = queues.filter((q) => q.length > 0);
    while (out.length < want && nonEmpty.length > 0) {
      const q = pick.pick(nonEmpty);
      const v = q.pop();
      if (v !== undefined) out.push(v);
      if (q.length === 0) nonEmpty = queues.filter((x) => x.length > 0);
    }
    return out.reverse();
  };
  const snapshot = take(ratio.snapshot);
  const staging = take(ratio.staging);
  const production = queues.flat();
  // Duplicates (storage-domain §4): identical on snapshot + production, and same manifest / different tree.
  const dupCount = Math.min(production.length, o.duplicates ?? Math.round(o.versions * 0.002));
  const dpick = rng.fork('dups');
  const chosen = new Set<number>();
  while (chosen.size < dupCount) chosen.add(dpick.int(production.length));
  let k = 0;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const v = production[i] as Planned;
    snapshot.push({ ...v, seed: k++ % 2 === 0 ? v.seed : v.seed + 1 });
  }
  return { names, layout: { production, staging, snapshot }, duplicates: dupCount };
}

/** Trim a generated version to `target` files, keeping the ones validators and the registry need. */
function shapeFiles(files: Record<string, string | Buffer>, target: number): Record<string, string | Buffer> {
  const keys = Object.keys(files);
  if (keys.length <= target) return files;
  const essential = (p: string): number =>
    p === 'manifest.yml' || p === 'docs/README.md'
      ? 0
      : p.startsWith('img/')
        ? 1
        : /^data_stream\/[^/]+\/manifest\.yml$/.test(p)
          ? 2
          : p === 'changelog.yml'
            ? 3
            : /fields\/fields\.yml$/.test(p)
              ? 4
              : 5;
  const keep = new Set(
    [...keys].sort((a, b) => essential(a) - essential(b) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, target),
  );
  return Object.fromEntries(Object.entries(files).filter(([p]) => keep.has(p)));
}

/** Writes the fast-import stream with backpressure; blobs of identical small texts are emitted once. */
class FastImportWriter {
  #mark = 0;
  #chunks: Buffer[] = [];
  #pending = 0;
  readonly #textMarks = new Map<string, number>();
  readonly child: ReturnType<typeof spawnGit>;
  readonly #stderr: Buffer[] = [];
  files = 0;
  bytes = 0;
  binaryBytes = 0;

  constructor(
    gitDir: string,
    compression: number,
    private readonly fileMode: string = '100644',
  ) {
    // --depth=0: no delta attempts against the previous blob (unrelated files here); ~25% less CPU. Run
    // `git repack -adf` on the result if a benchmark needs a delta-compressed pack.
    const args = [
      '--git-dir',
      gitDir,
      '-c',
      `pack.compression=${compression}`,
      'fast-import',
      '--quiet',
      '--done',
      '--depth=0',
    ];
    this.child = spawnGit(args);
    this.child.stderr.on('data', (b: Buffer) => this.#stderr.push(b));
    this.child.stdout.resume();
    this.#closed = once(this.child, 'close').then(([code]) => code as number | null);
    // A dead fast-import surfaces as EPIPE on stdin (and rejects a pending 'drain' wait); report it from #fail.
    this.child.stdin.on('error', () => undefined);
    this.#closed.catch(() => undefined);
  }

  readonly #closed: Promise<number | null>;

  async #fail(cause: unknown): Promise<never> {
    const code = await this.#closed.catch(() => null);
    const stderr = Buffer.concat(this.#stderr).toString('utf8').trim();
    throw new Error(`git fast-import failed (exit ${code}): ${stderr}`, { cause });
  }

  static async start(gitDir: string, compression: number, fileMode?: string): Promise<FastImportWriter> {
    const w = new FastImportWriter(gitDir, compression, fileMode);
    await w.raw('feature done\n');
    return w;
  }

  async raw(s: string | Buffer): Promise<void> {
    const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
    this.#chunks.push(b);
    this.#pending += b.length;
    if (this.#pending >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#chunks.length === 0) return;
    const data = Buffer.concat(this.#chunks);
    this.#chunks = [];
    this.#pending = 0;
    try {
      if (!this.child.stdin.write(data)) await once(this.child.stdin, 'drain');
    } catch (e) {
      await this.#fail(e);
    }
  }

  /** Emit a blob (or reuse an identical small text) and return its mark. */
  async blob(content: string | Buffer): Promise<number> {
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    this.files++;
    this.bytes += size;
    if (Buffer.isBuffer(content)) this.binaryBytes += size;
    if (typeof content === 'string' && content.length <= 4096) {
      const seen = this.#textMarks.get(content);
      if (seen !== undefined) return seen;
    }
    const mark = ++this.#mark;
    if (typeof content === 'string' && content.length <= 4096) this.#textMarks.set(content, mark);
    await this.raw(`blob\nmark :${mark}\ndata ${size}\n`);
    await this.raw(content);
    await this.raw('\n');
    return mark;
  }

  async commit(o: {
    ref: string;
    message: string;
    date: number;
    from?: number;
    files: Array<[string, number]>;
  }): Promise<number> {
    const mark = ++this.#mark;
    const who = `Package Storage Bot <bot@example.com> ${o.date} +0000`;
    const msg = Buffer.from(`${o.message}\n`, 'utf8');
    const lines = [
      `commit ${o.ref}`,
      `mark :${mark}`,
      `author ${who}`,
      `committer ${who}`,
      `data ${msg.length}`,
    ];
    await this.raw(`${lines.join('\n')}\n`);
    await this.raw(msg);
    let body = o.from !== undefined ? `from :${o.from}\n` : '';
    for (const [path, blob] of o.files) {
      // Generated paths are plain ASCII without spaces or quotes, so no fast-import path quoting is needed.
      body += `M ${path.startsWith('packages/') ? this.fileMode : '100644'} :${blob} ${path}\n`;
    }
    await this.raw(`${body}\n`);
    return mark;
  }

  async finish(): Promise<void> {
    await this.raw('done\n');
    await this.flush();
    this.child.stdin.end();
    const code = await this.#closed.catch((e: unknown) => this.#fail(e));
    if (code !== 0) await this.#fail(undefined);
  }
}

/** Generate a bare origin (HEAD -> main) with production/staging/snapshot branches. */
export async function generateStorageRepo(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const heavy = options.heavy === true;
  const o = {
    ...options,
    seed: options.seed ?? 1,
    filesPerVersion: options.filesPerVersion ?? 7,
    bytesPerVersion: options.bytesPerVersion ?? (heavy ? 100_000 : undefined),
    binaryRatio: options.binaryRatio ?? (heavy ? 0.3 : 0),
  };
  const bare = resolve(o.dir);
  await initBareOrigin(bare);
  const { names, layout, duplicates } = plan(o);
  const w = await FastImportWriter.start(bare, o.compression ?? 1, o.fileMode);
  let date = DEFAULT_GIT_DATE - 86400 * 400;
  let commits = 0;

  const fileMarks = async (
    files: Record<string, string | Buffer>,
    prefix = '',
  ): Promise<Array<[string, number]>> => {
    const out: Array<[string, number]> = [];
    for (const [p, c] of Object.entries(files)) out.push([`${prefix}${p}`, await w.blob(c)]);
    return out;
  };

  const mainMark = await w.commit({
    ref: 'refs/heads/main',
    message: 'Initial commit',
    date: (date += 60),
    files: await fileMarks(mainBranchFiles()),
  });
  commits++;

  const binaryBytes =
    o.bytesPerVersion !== undefined
      ? Math.round(o.bytesPerVersion * Math.min(1, Math.max(0, o.binaryRatio)))
      : 0;
  const readmeBytes =
    o.bytesPerVersion !== undefined ? Math.max(0, o.bytesPerVersion - binaryBytes - 6000) : undefined;

  for (const channel of CHANNELS) {
    const ref = `refs/heads/${channel}`;
    const setup: Record<string, string> = { ...distributionFiles(channel) };
    if (channel !== 'production') {
      for (const [p, c] of Object.entries(markerPackageFiles(channel)))
        setup[`packages/${channel}/0.0.1/${p}`] = c;
    }
    await w.commit({
      ref,
      message: `[${channel}] Set up the ${channel} distribution`,
      date: (date += 60),
      from: mainMark,
      files: await fileMarks(setup),
    });
    commits++;
    const versions = layout[channel];
    const batches = Math.max(1, Math.min(versions.length, o.commitsPerBranch ?? 4));
    const per = Math.ceil(versions.length / batches);
    for (let b = 0; b * per < versions.length; b++) {
      const batch = versions.slice(b * per, (b + 1) * per);
      const files: Array<[string, number]> = [];
      for (const v of batch) {
        const gen = (dashboards?: number): Record<string, string | Buffer> =>
          packageFiles({
            name: v.name,
            version: v.version,
            manifest: realisticManifestOptions(v.name, v.version, { position: v.position, type: v.type }),
            seed: o.seed * 7919 + v.seed,
            readmeBytes,
            pngBytes: binaryBytes > 0 ? binaryBytes : undefined,
            dashboards,
          });
        let tree = gen(0);
        const n = Object.keys(tree).length;
        // Too few: add dashboards (the usual bulk of real packages); too many: drop the least essential.
        tree = n < o.filesPerVersion ? gen(o.filesPerVersion - n) : shapeFiles(tree, o.filesPerVersion);
        files.push(...(await fileMarks(tree, `packages/${v.name}/${v.version}/`)));
      }
      const list =
        batch.length <= 3
          ? batch.map((v) => `${v.name}-${v.version}`).join(', ')
          : `${batch.length} packages`;
      await w.commit({ ref, message: `[${channel}] Add packages (${list})`, date: (date += 60), files });
      commits++;
    }
  }
  await w.finish();
  const ms = performance.now() - started;
  const count = (await git(['--git-dir', bare, 'count-objects', '-v'])).match(/size-pack: (\d+)/);
  const strip = (vs: Planned[]): GeneratedVersion[] => vs.map(({ name, version }) => ({ name, version }));
  return {
    bare,
    layout: {
      production: strip(layout.production),
      staging: strip(layout.staging),
      snapshot: strip(layout.snapshot),
    },
    stats: {
      versions: o.versions,
      names: names.length,
      perBranch: {
        production: layout.production.length,
        staging: layout.staging.length,
        snapshot: layout.snapshot.length,
      },
      duplicates,
      files: w.files,
      bytes: w.bytes,
      binaryBytes: w.binaryBytes,
      commits,
      ms: Math.round(ms),
      packBytes: Number(count?.[1] ?? 0) * 1024,
    },
  };
}
