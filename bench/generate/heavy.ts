// A production channel shaped like the real one, for the image benchmarks: by default 1,920 versions of 185
// packages, ~128k files, ~2.1 GB (real production: 127,837 files, 2.12 GB), file sizes from a few bytes to ~3 MB,
// ~40 % of the bytes incompressible (screenshots), ~97 % of the files mode 100755, and consecutive versions of a
// package sharing most of their files (the same blobs, as in a real repository). `scale` shrinks everything
// proportionally for tests. Streamed into one `git fast-import`; content is seeded, so the same options give the
// same trees. Text is cut from one generated pool (YAML/JSON/Markdown-like, compressing to about a third at gzip
// level 1); incompressible bytes come from AES-CTR keyed by the seed (fast and deterministic).
import { createCipheriv, createHash } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { DEFAULT_GIT_DATE, git, spawnGit } from '../../test/support/git.js';
import {
  distributionFiles,
  generateNames,
  mainBranchFiles,
  markerPackageFiles,
  Prng,
} from '../../test/support/manifests.js';
import { initBareOrigin } from '../../test/support/storage-origin.js';

export interface HeavyOptions {
  /** Bare repository to create. */
  dir: string;
  /** 1 = the real production channel's size; 0.01 = 1 % of it (19 versions, ~1.3k files, ~21 MB). */
  scale?: number;
  seed?: number;
  /** Extra tiny staging and snapshot branches (marker packages plus `chainVersions` versions each). Default 0. */
  chainVersions?: number;
}

export interface HeavyStats {
  versions: number;
  packages: number;
  files: number;
  bytes: number;
  incompressibleBytes: number;
  executableFiles: number;
  largestFile: number;
  largestVersionFiles: number;
  uniqueBlobs: number;
  ms: number;
}

const TARGET = { versions: 1920, packages: 185, files: 127_837, bytes: 2.12e9, incompressible: 0.4 };
const MAX_FILE = 3_300_000;
const MAX_VERSION_FILES = 730;
/** Share of a version's files whose blob is unchanged from the package's previous version. */
const KEEP_SHARE = 0.6;
const EXECUTABLE_SHARE = 123_793 / 127_837;

interface FileSpec {
  path: string;
  size: number;
  binary: boolean;
  executable: boolean;
}

/** Log-normal draw with the given median. */
function logNormal(rng: Prng, median: number, sigma: number): number {
  const u = Math.max(1e-12, rng.next());
  const v = rng.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}

/** Versions per package: Zipf-like (a few packages have hundreds of versions), each at least one. */
function versionCounts(total: number, packages: number, rng: Prng): number[] {
  const weights = Array.from({ length: packages }, (_, i) => 1 / Math.pow(i + 1, 0.9));
  for (let i = packages - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [weights[i], weights[j]] = [weights[j]!, weights[i]!];
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => 1 + Math.floor((w / sum) * (total - packages)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % packages, left--) counts[i]!++;
  return counts;
}

function versionName(k: number, rng: Prng): string {
  const major = Math.floor(k / 40);
  const minor = Math.floor((k % 40) / 8);
  const patch = k % 8;
  const base = `${major}.${minor}.${patch}`;
  return rng.chance(0.05) ? `${base}-rc${1 + rng.int(3)}` : base;
}

/** The file layout of one package (its paths and typical sizes); versions keep it with small changes. */
function packageShape(name: string, files: number, rng: Prng): FileSpec[] {
  const out: FileSpec[] = [];
  const paths = new Set<string>();
  const add = (path: string, size: number, binary = false): void => {
    if (paths.has(path)) return;
    paths.add(path);
    out.push({
      path,
      size: Math.max(2, Math.round(size)),
      binary,
      executable: rng.chance(EXECUTABLE_SHARE),
    });
  };
  add('manifest.yml', logNormal(rng, 3_000, 0.5));
  add('changelog.yml', logNormal(rng, 4_000, 1));
  add('docs/README.md', logNormal(rng, 8_000, 0.8));
  add('img/icon.svg', logNormal(rng, 1_500, 0.6));
  const screenshots = 1 + rng.int(4);
  for (let i = 0; i < screenshots; i++)
    add(`img/${name}-screenshot-${i + 1}.png`, logNormal(rng, 180_000, 1), true);
  const streams = Math.max(1, Math.min(40, Math.round(files / 12)));
  const rule = files > 300; // security-rule style packages: hundreds of small JSON files
  for (let i = 0; out.length < files; i++) {
    if (rule && i % 3 !== 0) {
      add(`kibana/security_rule/${hex(rng, 8)}-${hex(rng, 4)}.json`, logNormal(rng, 3_500, 0.6));
      continue;
    }
    const ds = `data_stream/${['log', 'metrics', 'events', 'audit', 'alerts'][i % 5]}_${Math.floor(i / 5) % streams}`;
    switch (i % 9) {
      case 0:
        add(`${ds}/manifest.yml`, logNormal(rng, 1_200, 0.5));
        break;
      case 1:
        add(`${ds}/fields/fields.yml`, logNormal(rng, 2_500, 1));
        break;
      case 2:
        add(`${ds}/fields/base-fields.yml`, logNormal(rng, 400, 0.3));
        break;
      case 3:
        add(`${ds}/elasticsearch/ingest_pipeline/default.yml`, logNormal(rng, 6_000, 1));
        break;
      case 4:
        add(`${ds}/agent/stream/stream.yml.hbs`, logNormal(rng, 900, 0.8));
        break;
      case 5:
        add(`kibana/dashboard/${name}-${hex(rng, 8)}.json`, logNormal(rng, 45_000, 1.2));
        break;
      case 6:
        add(`${ds}/sample_event.json`, logNormal(rng, 2_000, 0.8));
        break;
      case 7:
        add(`kibana/visualization/${name}-${hex(rng, 8)}.json`, logNormal(rng, 6_000, 1));
        break;
      default:
        // Rarely a big model or screenshot: the largest files of the real tree (~3.3 MB).
        if (rng.chance(0.02)) add(`ml_module/${name}-model-${i}.json`, logNormal(rng, 900_000, 0.7));
        else if (rng.chance(0.04)) add(`img/${name}-overview-${i}.png`, logNormal(rng, 600_000, 0.8), true);
        else add(`${ds}/_dev/test/pipeline/test-${i}.log`, logNormal(rng, 3_000, 1.2));
    }
  }
  return out;
}

function hex(rng: Prng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += (rng.u32() & 0xff).toString(16).padStart(2, '0');
  return s;
}

/** ~16 MB of YAML/JSON/Markdown-like text; files are slices of it (the deflate window is 32 KB). */
function textPool(seed: number, bytes = 16 << 20): Buffer {
  const rng = new Prng(seed ^ 0x5bd1e995);
  const vocab = Array.from({ length: 4000 }, () => {
    const n = 3 + rng.int(9);
    let w = '';
    for (let i = 0; i < n; i++) w += String.fromCharCode(97 + rng.int(26));
    return w;
  });
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const kind = rng.int(6);
    const a = vocab[rng.int(vocab.length)]!;
    const b = vocab[rng.int(vocab.length)]!;
    const c = vocab[Math.floor(Math.pow(rng.next(), 3) * vocab.length)]!;
    let line: string;
    if (kind === 0) line = `- name: ${a}.${b}\n  type: keyword\n  description: ${c} ${b} ${a}.\n`;
    else if (kind === 1)
      line = `    "${a}": {"type": "${b}", "value": ${rng.int(100000)}, "id": "${hex(rng, 6)}"},\n`;
    else if (kind === 2)
      line = `The ${a} ${c} of the ${b} is ${vocab[rng.int(vocab.length)]} when ${c} ${a}.\n`;
    else if (kind === 3) line = `  ${a}_${b}: ${rng.chance(0.5) ? rng.int(1000) : c}\n`;
    else if (kind === 4)
      line = `{"@timestamp":"2023-0${1 + rng.int(9)}-1${rng.int(9)}T1${rng.int(9)}:00:0${rng.int(9)}Z","${a}":"${hex(rng, 4)}"}\n`;
    else line = `| ${a} | ${b} | ${c} |\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''), 'utf8').subarray(0, bytes);
}

function incompressible(size: number, key: Buffer, counter: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(counter >>> 0, 12);
  iv.writeUInt32BE(Math.floor(counter / 2 ** 32), 8);
  const cipher = createCipheriv('aes-128-ctr', key, iv);
  const out = cipher.update(Buffer.alloc(size));
  // A PNG signature so the file looks like what it stands for.
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(out, 0, 0, Math.min(8, size));
  return out;
}

class FastImport {
  private mark = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly child: ReturnType<typeof spawnGit>;
  private readonly closed: Promise<number | null>;
  private stderr = '';

  constructor(gitDir: string) {
    // --depth=0: no delta attempts between unrelated blobs; level 1: generation is bound by compression.
    this.child = spawnGit(['-c', 'pack.compression=1', 'fast-import', '--quiet', '--done', '--depth=0'], {
      env: { GIT_DIR: gitDir },
    });
    this.child.stderr.on('data', (b: Buffer) => (this.stderr += b.toString('utf8')));
    this.child.stdout.resume();
    this.child.stdin.on('error', () => undefined);
    this.closed = once(this.child, 'close').then(([code]) => code as number | null);
  }

  async write(data: string | Buffer): Promise<void> {
    const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.pending.push(b);
    this.pendingBytes += b.length;
    if (this.pendingBytes >= 4 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.child.stdin.write(data)) await once(this.child.stdin, 'drain');
  }

  async blob(content: Buffer): Promise<number> {
    const mark = ++this.mark;
    await this.write(`blob\nmark :${mark}\ndata ${content.length}\n`);
    await this.write(content);
    await this.write('\n');
    return mark;
  }

  async commit(o: {
    ref: string;
    message: string;
    date: number;
    from?: number | string;
    files: Array<{ path: string; mark: number; executable?: boolean }>;
  }): Promise<number> {
    const mark = ++this.mark;
    const who = `Package Storage Bot <bot@example.com> ${o.date} +0000`;
    const msg = Buffer.from(`${o.message}\n`, 'utf8');
    let body = `commit ${o.ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\ndata ${msg.length}\n`;
    await this.write(body);
    await this.write(msg);
    body = o.from !== undefined ? `from ${typeof o.from === 'number' ? `:${o.from}` : o.from}\n` : '';
    for (const f of o.files) body += `M ${f.executable ? '100755' : '100644'} :${f.mark} ${f.path}\n`;
    await this.write(`${body}\n`);
    return mark;
  }

  async finish(): Promise<void> {
    await this.write('done\n');
    await this.flush();
    this.child.stdin.end();
    const code = await this.closed;
    if (code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${this.stderr.trim()}`);
  }
}

/** Generates the bare repository (branches main and production, optionally tiny staging and snapshot). */
export async function generateHeavyRepo(options: HeavyOptions): Promise<{ bare: string; stats: HeavyStats }> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 11;
  const bare = resolve(options.dir);
  await initBareOrigin(bare);
  const rng = new Prng(seed);
  const versions = Math.max(1, Math.round(TARGET.versions * scale));
  const packages = Math.max(1, Math.min(versions, Math.round(TARGET.packages * Math.sqrt(scale))));
  const names = generateNames(packages, seed);
  const counts = versionCounts(versions, packages, rng.fork('counts'));
  const filesPerVersion = TARGET.files / TARGET.versions;

  // Plan every version's files, then scale sizes so the totals and the incompressible share match the target.
  interface Planned {
    name: string;
    version: string;
    files: Array<FileSpec & { key: number }>;
  }
  const planned: Planned[] = [];
  let nextKey = 0;
  for (const [i, name] of names.entries()) {
    const prng = rng.fork(`pkg:${name}`);
    const base = Math.min(
      MAX_VERSION_FILES,
      Math.max(6, Math.round(logNormal(prng, filesPerVersion * 0.77, 1.1))),
    );
    let shape = packageShape(name, base, prng);
    let keys = shape.map(() => nextKey++);
    const seen = new Set<string>();
    for (let k = 0; k < counts[i]!; k++) {
      let version = versionName(k, prng);
      while (seen.has(version)) version = `${version}.1`;
      seen.add(version);
      if (k > 0) {
        // Keep most blobs; change the rest (new content, sometimes a new size), rarely add a file.
        keys = keys.map((key, j) => {
          if (prng.chance(KEEP_SHARE)) return key;
          shape[j] = {
            ...shape[j]!,
            size: Math.max(2, Math.round(shape[j]!.size * (0.9 + prng.next() * 0.3))),
          };
          return nextKey++;
        });
        if (
          prng.chance(0.1) &&
          shape.length < MAX_VERSION_FILES &&
          !shape.some((f) => f.path === `data_stream/new_${k}/manifest.yml`)
        ) {
          shape = [
            ...shape,
            { path: `data_stream/new_${k}/manifest.yml`, size: 1_000, binary: false, executable: true },
          ];
          keys = [...keys, nextKey++];
        }
      }
      planned.push({ name, version, files: shape.map((f, j) => ({ ...f, key: keys[j]! })) });
    }
  }
  const all = planned.flatMap((p) => p.files);
  const sum = (binary: boolean): number =>
    all.filter((f) => f.binary === binary).reduce((n, f) => n + f.size, 0);
  const wantBytes = TARGET.bytes * (all.length / TARGET.files);
  const binaryFactor = (wantBytes * TARGET.incompressible) / sum(true);
  const textFactor = (wantBytes * (1 - TARGET.incompressible)) / sum(false);
  const sized = new Map<number, number>();
  for (const f of all) {
    if (!sized.has(f.key))
      sized.set(
        f.key,
        Math.min(MAX_FILE, Math.max(2, Math.round(f.size * (f.binary ? binaryFactor : textFactor)))),
      );
    f.size = sized.get(f.key)!;
  }

  const pool = textPool(seed);
  const aesKey = createHash('sha256').update(`heavy:${seed}`).digest().subarray(0, 16);
  const fi = new FastImport(bare);
  let date = DEFAULT_GIT_DATE - 86400 * 300;
  const small = async (files: Record<string, string>): Promise<Array<{ path: string; mark: number }>> => {
    const out: Array<{ path: string; mark: number }> = [];
    for (const [path, content] of Object.entries(files))
      out.push({ path, mark: await fi.blob(Buffer.from(content)) });
    return out;
  };
  const main = await fi.commit({
    ref: 'refs/heads/main',
    message: 'Initial commit',
    date: (date += 60),
    files: await small(mainBranchFiles()),
  });
  let head = await fi.commit({
    ref: 'refs/heads/production',
    message: '[production] Set up the production distribution',
    date: (date += 60),
    from: main,
    files: await small(distributionFiles('production')),
  });

  const marks = new Map<number, number>();
  const stats: HeavyStats = {
    versions,
    packages,
    files: 0,
    bytes: 0,
    incompressibleBytes: 0,
    executableFiles: 0,
    largestFile: 0,
    largestVersionFiles: 0,
    uniqueBlobs: 0,
    ms: 0,
  };
  // Versions arrive in ~24 promotion commits, in a shuffled order (packages release independently).
  const order = planned.map((_, i) => i);
  const shuffle = rng.fork('order');
  for (let i = order.length - 1; i > 0; i--) {
    const j = shuffle.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const batches = Math.max(1, Math.min(24, planned.length));
  const per = Math.ceil(order.length / batches);
  for (let b = 0; b * per < order.length; b++) {
    const files: Array<{ path: string; mark: number; executable: boolean }> = [];
    for (const index of order.slice(b * per, (b + 1) * per)) {
      const v = planned[index]!;
      stats.largestVersionFiles = Math.max(stats.largestVersionFiles, v.files.length);
      for (const f of v.files) {
        let mark = marks.get(f.key);
        if (mark === undefined) {
          let content: Buffer;
          if (f.binary) content = incompressible(f.size, aesKey, f.key);
          else {
            const header = Buffer.from(`# ${v.name} ${f.path} ${f.key}\n`);
            const offset = Math.floor((f.key * 2654435761) % Math.max(1, pool.length - f.size));
            content = Buffer.concat([
              header,
              pool.subarray(offset, offset + Math.max(0, f.size - header.length)),
            ]).subarray(0, f.size);
            if (content.length < f.size)
              content = Buffer.concat([content, Buffer.alloc(f.size - content.length, 0x0a)]);
          }
          mark = await fi.blob(content);
          marks.set(f.key, mark);
          stats.uniqueBlobs++;
        }
        files.push({ path: `packages/${v.name}/${v.version}/${f.path}`, mark, executable: f.executable });
        stats.files++;
        stats.bytes += f.size;
        if (f.binary) stats.incompressibleBytes += f.size;
        if (f.executable) stats.executableFiles++;
        stats.largestFile = Math.max(stats.largestFile, f.size);
      }
    }
    head = await fi.commit({
      ref: 'refs/heads/production',
      message: `Copy packages from staging to production (#${100 + b})`,
      date: (date += 3600),
      from: head,
      files,
    });
  }

  for (const channel of ['staging', 'snapshot'] as const) {
    if (options.chainVersions === undefined) break;
    const files = await small({
      ...distributionFiles(channel),
      ...Object.fromEntries(
        Object.entries(markerPackageFiles(channel)).map(([p, c]) => [`packages/${channel}/0.0.1/${p}`, c]),
      ),
    });
    for (let k = 0; k < options.chainVersions; k++) {
      const mark = await fi.blob(Buffer.from(`name: ${channel}_pkg\nversion: 1.0.${k}\n`));
      files.push({ path: `packages/${channel}_pkg/1.0.${k}/manifest.yml`, mark });
    }
    await fi.commit({
      ref: `refs/heads/${channel}`,
      message: `[${channel}] Set up`,
      date: (date += 60),
      from: main,
      files,
    });
  }
  await fi.finish();
  await git(['--git-dir', bare, 'symbolic-ref', 'HEAD', 'refs/heads/main']);
  stats.ms = Math.round(performance.now() - started);
  return { bare, stats };
}
