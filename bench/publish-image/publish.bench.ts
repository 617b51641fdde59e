// bench/publish-image: the production channel of a generated tree shaped like the real one (bench/generate/heavy.ts:
// 1,920 versions, ~128k files, ~2.1 GB, ~40 % incompressible, most files 100755), published into one local
// Distribution 2.8 registry by the shipped CLI, side by side in one run with
//   - the floor: `git archive | pigz -1 -p 2 | sha256sum` over the same tree (read, compress on both cores, hash),
//   - `buildah bud` + `buildah push` (daemonless, vfs, chroot) of the same tree.
// Repetitions rotate the order so machine noise hits all alike; ratios are what count. Then a two-platform publish
// (multi-platform cost), an incremental publish (one new version) and no-op re-runs.
// BENCH_SCALE=0.1 runs a tenth of the size; BENCH_RUNS sets the repetitions (default 2); BENCH_BUILDAH=0 skips buildah.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { Annotation, type ImageIndex, type ImageManifest } from '../../src/oci/types.js';
import type { PublishResult } from '../../src/publish-image/engine.js';
import { RegistryClient } from '../../src/registry/index.js';
import { generateHeavyRepo } from '../generate/heavy.js';
import { git } from '../../test/support/git.js';
import { Prng } from '../../test/support/manifests.js';
import {
  ensureRegistryTools,
  seedBaseImage,
  startRegistry,
  type TestRegistry,
} from '../../test/support/registry/index.js';
import { median, table, timeCommand } from '../util.js';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const runs = Number(process.env.BENCH_RUNS ?? 2);
const withBuildah = process.env.BENCH_BUILDAH !== '0';
const root = resolve('bench/out/publish-image');
const BASE_REPO = 'package-registry/package-registry';
const GENERATED_REF = 'refs/bench/production-generated';

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU time in ms (user + system) of this process's reaped children so far, grandchildren included (Linux). */
function childCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
}

interface Timed {
  ms: number;
  cpu: number;
  /** Peak RSS of the command (GNU time's %M: the largest of the process and the children it waited for), KB. */
  rssKb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

function timed(command: string, args: string[]): Timed {
  const before = childCpuMs();
  const r = timeCommand('/usr/bin/time', ['-f', '%M', command, ...args]);
  const lines = r.stderr.trimEnd().split('\n');
  const rssKb = Number(lines.at(-1));
  return { ...r, stderr: lines.slice(0, -1).join('\n'), rssKb, cpu: childCpuMs() - before };
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const sec = (ms: number): string => (ms / 1000).toFixed(2);

async function repository(): Promise<{ bare: string; files: number; bytes: number; versions: number }> {
  const dir = join(root, `heavy-${scale}.git`);
  if (!existsSync(join(dir, GENERATED_REF))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const { stats } = await generateHeavyRepo({ dir, scale });
    console.log(
      `generated: ${stats.versions} versions of ${stats.packages} packages, ${stats.files} files, ${mb(stats.bytes)} MB (${((100 * stats.incompressibleBytes) / stats.bytes).toFixed(0)} % incompressible, ${((100 * stats.executableFiles) / stats.files).toFixed(0)} % mode 100755, largest file ${mb(stats.largestFile)} MB, largest version ${stats.largestVersionFiles} files) in ${sec(stats.ms)} s`,
    );
    await git(['--git-dir', dir, 'update-ref', GENERATED_REF, 'refs/heads/production']);
  }
  await git(['--git-dir', dir, 'update-ref', 'refs/heads/production', GENERATED_REF]);
  const listing = await git(['--git-dir', dir, 'ls-tree', '-r', '-l', 'production', 'packages/']);
  let files = 0;
  let bytes = 0;
  const versions = new Set<string>();
  for (const line of listing.split('\n')) {
    const m = /^\S+ blob \S+ +(\d+)\tpackages\/([^/]+)\/([^/]+)\//.exec(line);
    if (!m) continue;
    files++;
    bytes += Number(m[1]);
    versions.add(`${m[2]}/${m[3]}`);
  }
  return { bare: dir, files, bytes, versions: versions.size };
}

/** Commits one new version (60 text files and 2 screenshots, ~1 MB, mode 100755) onto production. */
async function addVersion(bare: string, name: string, version: string): Promise<void> {
  const env = { GIT_INDEX_FILE: join(bare, 'bench-index') };
  const run = (args: string[], input?: string | Buffer): Promise<string> =>
    git(['--git-dir', bare, ...args], { env, ...(input !== undefined ? { input } : {}) });
  await run(['read-tree', 'production']);
  const rng = new Prng(`${name}@${version}`);
  const lines: string[] = [];
  for (let i = 0; i < 62; i++) {
    const content =
      i < 60
        ? Array.from(
            { length: 200 },
            (_, k) => `- name: field_${i}_${k}\n  type: keyword\n  value: ${rng.int(1e6)}\n`,
          ).join('')
        : Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), rng.bytes(200_000)]);
    const blob = (await run(['hash-object', '-w', '--stdin'], content)).trim();
    const path = i < 60 ? `data_stream/ds_${i % 6}/fields/f${i}.yml` : `img/shot-${i}.png`;
    lines.push(`100755 ${blob}\tpackages/${name}/${version}/${path}`);
  }
  await run(['update-index', '--index-info'], `${lines.join('\n')}\n`);
  const tree = (await run(['write-tree'])).trim();
  const commit = (
    await run(['commit-tree', tree, '-p', 'production', '-m', `[production] Add ${name}-${version}`])
  ).trim();
  await run(['update-ref', 'refs/heads/production', commit]);
  await rm(env.GIT_INDEX_FILE, { force: true });
}

/** The shipped CLI (bin + dist/cli), copied so that a rebuild elsewhere on the machine cannot break a run half-way. */
async function snapshotCli(dir: string): Promise<string> {
  if (!existsSync(resolve('dist/cli/index.js')))
    throw new Error('dist/cli/index.js is missing: run `node scripts/build.js cli`');
  await mkdir(join(dir, 'bin'), { recursive: true });
  await cp(resolve('bin/package-storage.js'), join(dir, 'bin/package-storage.js'));
  await cp(resolve('dist/cli'), join(dir, 'dist/cli'), { recursive: true });
  return join(dir, 'bin/package-storage.js');
}

let cli = '';

function publish(clone: string, image: string, base: string): Timed & { result: PublishResult } {
  const r = timed(process.execPath, [
    cli,
    'publish-image',
    '--repo',
    clone,
    '--channel',
    'production',
    '--image',
    image,
    '--base-image',
    base,
    '--registry-version',
    'v1.15.0',
    '--push',
    '--json',
  ]);
  expect(r.status, r.stderr).toBe(0);
  return { ...r, result: JSON.parse(r.stdout) as PublishResult };
}

function floor(bare: string): Timed {
  const r = timed('sh', [
    '-c',
    `git --git-dir '${bare}' archive production packages | pigz -1 -p 2 | sha256sum`,
  ]);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

/** buildah bud + push from a fresh storage root into a fresh repository (`--timestamp` differs per run, see below). */
function buildah(
  context: string,
  image: string,
  timestamp: number,
  dir: string,
): { ms: number; cpu: number } {
  const common = ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs'];
  // A new timestamp per run: buildah's blob-info cache would otherwise mount an earlier run's identical layer.
  const bud = timed('buildah', [
    ...common,
    'bud',
    '--isolation',
    'chroot',
    '--tls-verify=false',
    '--layers=false',
    '--timestamp',
    String(timestamp),
    '-q',
    '-t',
    image,
    context,
  ]);
  expect(bud.status, bud.stderr).toBe(0);
  const push = timed('buildah', [...common, 'push', '--tls-verify=false', image]);
  expect(push.status, push.stderr).toBe(0);
  expect(push.stderr + push.stdout).not.toMatch(/skipped/);
  return { ms: bud.ms + push.ms, cpu: bud.cpu + push.cpu };
}

const layerBytes = (m: ImageManifest): number => m.layers.reduce((n, l) => n + l.size, 0);

it('publish-image at production scale: floor, ours, buildah; multi-platform; incremental; no-op', async () => {
  await ensureRegistryTools({ buildah: withBuildah });
  const tree = await repository();
  const work = join(root, 'run');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  cli = await snapshotCli(join(work, 'cli'));
  const clone = join(work, 'clone');
  await git(['clone', '--quiet', tree.bare, clone]);
  let context = '';
  if (withBuildah) {
    context = join(work, 'context');
    await mkdir(context, { recursive: true });
    const archive = join(work, 'packages.tar');
    await git(['--git-dir', tree.bare, 'archive', '--format=tar', '-o', archive, 'production', 'packages']);
    expect(timeCommand('tar', ['-x', '-f', archive, '-C', context]).status).toBe(0);
    await rm(archive);
  }
  let registry: TestRegistry | undefined;
  let client: RegistryClient | undefined;
  try {
    registry = await startRegistry();
    const host = registry.host;
    client = new RegistryClient(host);
    await seedBaseImage({ host, repository: BASE_REPO }); // `single` (linux/amd64) and `multi` (amd64 + arm64)
    const single = `${host}/${BASE_REPO}:single`;
    const multi = `${host}/${BASE_REPO}:multi`;
    if (withBuildah)
      await writeFile(
        join(context, 'Dockerfile'),
        `FROM ${single}\nCOPY packages /packages/production\nLABEL io.package-storage.channel=production\n`,
      );

    const floors: Timed[] = [];
    const ours: Array<Timed & { result: PublishResult }> = [];
    const multis: Array<Timed & { result: PublishResult }> = [];
    const theirs: Array<{ ms: number; cpu: number }> = [];
    const stamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < runs; i++) {
      const cases: Array<() => Promise<void>> = [
        () => Promise.resolve(void floors.push(floor(tree.bare))),
        () => Promise.resolve(void ours.push(publish(clone, `${host}/bench/ours-${i}`, single))),
        () => Promise.resolve(void multis.push(publish(clone, `${host}/bench/multi-${i}`, multi))),
        ...(withBuildah
          ? [
              async () => {
                const dir = join(work, `buildah-${i}`);
                theirs.push(buildah(context, `${host}/bench/buildah-${i}:x`, stamp + i, dir));
                await rm(dir, { recursive: true, force: true });
              },
            ]
          : []),
      ];
      for (let k = 0; k < cases.length; k++) await cases[(k + i) % cases.length]!();
    }
    for (const o of [...ours, ...multis]) {
      const { built, total, base } = o.result.images[0]!.layers;
      expect(built).toBe(total - base); // a first publish: every package and config layer is new
    }
    const first = (await client.getManifest('bench/ours-0', 'production')).manifest as ImageManifest;
    const imageBytes = layerBytes(first);
    const multiIndex = (await client.getManifest('bench/multi-0', 'production')).manifest as ImageIndex;
    expect(multiIndex.manifests).toHaveLength(2);

    // Incremental: one new version, published onto bench/ours-0; what it uploads against the layer that changed.
    const names = [
      ...new Set(
        (await git(['--git-dir', tree.bare, 'ls-tree', '--name-only', 'production', 'packages/']))
          .split('\n')
          .filter(Boolean),
      ),
    ];
    const name = names[Math.floor(names.length / 2)]!.replace('packages/', '');
    await addVersion(tree.bare, name, '99.0.0');
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const inc = publish(clone, `${host}/bench/ours-0`, single);
    const after = (await client.getManifest('bench/ours-0', 'production')).manifest as ImageManifest;
    const before = new Set(first.layers.map((l) => l.digest));
    const changed = after.layers.filter(
      (l) => !before.has(l.digest) && l.annotations?.[Annotation.layerSource]?.startsWith('packages/'),
    );
    expect(changed).toHaveLength(1);
    const incUploaded = inc.result.bytesUploaded;

    // No-op re-runs: same inputs as the incremental publish.
    const noop = [0, 1, 2, 3, 4].map(() => publish(clone, `${host}/bench/ours-0`, single));
    for (const n of noop) expect(n.result.bytesUploaded).toBe(0);

    const m = {
      floor: median(floors.map((f) => f.ms)),
      ours: median(ours.map((o) => o.ms)),
      multi: median(multis.map((o) => o.ms)),
      buildah: theirs.length ? median(theirs.map((t) => t.ms)) : NaN,
      rss: Math.max(...ours.map((o) => o.rssKb), ...multis.map((o) => o.rssKb)) / 1024,
      noop: median(noop.map((n) => n.ms)),
    };
    const rows: Array<Array<string | number>> = [
      ['case', 'result', 'runs / detail'],
      [
        'production tree (packages/)',
        `${tree.files} files, ${mb(tree.bytes)} MB`,
        `${tree.versions} versions; scale ${scale}`,
      ],
      ['image, compressed (layer bytes)', `${mb(imageBytes)} MB`, `${first.layers.length} layers`],
      [
        'floor: git archive | pigz -1 -p 2 | sha256sum',
        `${sec(m.floor)} s`,
        `${floors.map((f) => sec(f.ms)).join(' / ')}; CPU ${floors.map((f) => sec(f.cpu)).join(' / ')} s`,
      ],
      [
        'ours, first publish (CLI, one platform)',
        `${sec(m.ours)} s`,
        `${ours.map((o) => sec(o.ms)).join(' / ')}; CPU ${ours.map((o) => sec(o.cpu)).join(' / ')} s`,
      ],
      [
        'ours, first publish (two platforms, index)',
        `${sec(m.multi)} s`,
        `${multis.map((o) => sec(o.ms)).join(' / ')}`,
      ],
      ...(theirs.length
        ? [
            [
              'buildah bud + push',
              `${sec(m.buildah)} s`,
              `${theirs.map((t) => sec(t.ms)).join(' / ')}; CPU ${theirs.map((t) => sec(t.cpu)).join(' / ')} s`,
            ],
          ]
        : []),
      ['ours / floor', `${(m.ours / m.floor).toFixed(2)}x`, 'target <= 1.5x'],
      ...(theirs.length
        ? [['ours / buildah', `${(m.ours / m.buildah).toFixed(3)}x`, 'target <= 0.15x']]
        : []),
      ['two platforms / one platform', `${(m.multi / m.ours).toFixed(3)}x`, 'target <= 1.05x'],
      ['peak RSS (ours, largest run)', `${m.rss.toFixed(0)} MB`, 'target <= 300 MB'],
      [
        'incremental (one new version): uploaded / changed layer',
        `${(incUploaded / changed[0]!.size).toFixed(3)}x`,
        `${mb(incUploaded)} MB uploaded, layer ${mb(changed[0]!.size)} MB; ${sec(inc.ms)} s; target <= 1.2x`,
      ],
      ['no-op re-publish', `${sec(m.noop)} s`, `${noop.map((n) => sec(n.ms)).join(' / ')}; target < 0.5 s`],
    ];
    console.log(`\n${table(rows)}\n`);
    await writeFile(
      join(root, 'results.json'),
      `${JSON.stringify({ scale, runs, tree, imageBytes, m, incUploaded, changedLayer: changed[0]!.size, floors: floors.map((f) => [f.ms, f.cpu]), ours: ours.map((o) => [o.ms, o.cpu, o.rssKb]), multis: multis.map((o) => [o.ms, o.cpu, o.rssKb]), theirs: theirs.map((t) => [t.ms, t.cpu]), noop: noop.map((n) => n.ms) }, null, 2)}\n`,
    );
    expect.soft(m.ours / m.floor, 'ours / floor').toBeLessThanOrEqual(1.5);
    if (theirs.length) expect.soft(m.ours / m.buildah, 'ours / buildah').toBeLessThanOrEqual(0.15);
    expect.soft(m.multi / m.ours, 'two platforms / one').toBeLessThanOrEqual(1.05);
    expect.soft(m.rss, 'peak RSS MB').toBeLessThanOrEqual(300);
    expect.soft(incUploaded / changed[0]!.size, 'incremental upload / layer').toBeLessThanOrEqual(1.2);
    expect.soft(m.noop, 'no-op ms').toBeLessThan(500);
  } finally {
    client?.close();
    await registry?.stop();
  }
});
