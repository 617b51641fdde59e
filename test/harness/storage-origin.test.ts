import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateStorageRepo } from '../../bench/generate/storage.js';
import { cleanupTempDirs, git, gitBuffer, gitEnv, gitLine, tempDir, GitError } from '../support/git.js';
import {
  INVALID_RANGES,
  kibana,
  manifestYaml,
  markerPackageFiles,
  packageFiles,
  plainSafe,
  RANGE_SAMPLES,
  realisticManifestOptions,
  sampleNames,
  sampleRanges,
  sampleVersions,
} from '../support/manifests.js';
import { checkoutLikeActions, StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

afterAll(cleanupTempDirs);

type Yaml = Record<string, unknown>;
const parse = (text: string): Yaml => load(text, { schema: FAILSAFE_SCHEMA }) as Yaml;

/** ls-tree -r -z records: mode, type, object id and the raw path bytes. */
async function lsTree(
  gitDir: string,
  rev: string,
): Promise<Array<{ mode: string; type: string; sha: string; path: Buffer }>> {
  const out = await gitBuffer(['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', rev]);
  const rows = [];
  let start = 0;
  for (let i = out.indexOf(0, start); i >= 0; i = out.indexOf(0, start)) {
    const rec = out.subarray(start, i);
    start = i + 1;
    const tab = rec.indexOf(9);
    const [mode = '', type = '', sha = ''] = rec.subarray(0, tab).toString('latin1').split(' ');
    rows.push({ mode, type, sha, path: rec.subarray(tab + 1) });
  }
  return rows;
}

const specs = (): Record<string, VersionSpec[]> => ({
  production: [
    { name: 'nginx', version: '1.4.0' },
    { name: 'aws_logs', version: '0.3.1' },
    { name: 'synthetics', version: '0.10.3' },
  ],
  staging: [{ name: 'nginx', version: '1.5.0-rc1' }],
  snapshot: [
    { name: 'nginx', version: '1.6.0-dev.1' },
    { name: 'synthetics', version: '0.10.3' },
    { name: 'apm', version: '8.1.0', seed: 3 },
  ],
});

describe('manifests', () => {
  it('emits realistic manifests with the line of each field', () => {
    const m = manifestYaml({
      name: 'hid_bravura_monitor',
      version: '1.0.0-beta.1',
      formatVersion: '1.0.0',
      type: 'integration',
      release: 'ga',
      kibana: kibana('^7.16.0 || ^8.0.0', 'nested', 'single'),
      subscription: 'basic',
      categories: ['security'],
    });
    const lines = m.text.split('\n');
    for (const [key, line] of Object.entries(m.lines)) {
      const leaf = key.split('.').pop() ?? '';
      expect(lines[line - 1], key).toMatch(new RegExp(`^\\s*(- )?${leaf.replace('.', '\\.')}:`));
    }
    expect(lines[(m.lines['conditions.kibana.version'] ?? 0) - 1]).toBe("    version: '^7.16.0 || ^8.0.0'");
    const doc = parse(m.text);
    expect(doc).toMatchObject({
      name: 'hid_bravura_monitor',
      version: '1.0.0-beta.1',
      release: 'ga',
      conditions: { kibana: { version: '^7.16.0 || ^8.0.0' }, elastic: { subscription: 'basic' } },
      owner: { github: 'elastic/integrations' },
    });

    const dotted = manifestYaml({
      name: 'x',
      version: '1.0.0',
      kibana: kibana('>=7.10.0', 'dotted', 'double'),
    });
    expect(parse(dotted.text)).toMatchObject({ conditions: { 'kibana.version': '>=7.10.0' } });
    expect(dotted.lines.release).toBeUndefined();
    expect(dotted.lines.type).toBeUndefined();
    // An unquoted range starting with `>` is not valid YAML: available as a negative case, avoided by generators.
    expect(() =>
      parse(manifestYaml({ name: 'x', version: '1.0.0', kibana: kibana('>=7.10.0', 'dotted', 'none') }).text),
    ).toThrow();
    expect(plainSafe('>=7.10.0')).toBe(false);
    expect(plainSafe('^7.16.0 || ^8.0.0')).toBe(true);

    const legacy = parse(
      manifestYaml({ name: 'old', version: '0.1.0', legacyRequirement: '>=7.3.0 <8.0.0' }).text,
    );
    expect(legacy).toMatchObject({ requirement: { kibana: { versions: '>=7.3.0 <8.0.0' } } });
    expect(legacy.conditions).toBeUndefined();
    const withExtra = manifestYaml({ name: 'x', version: '1.0.0', extra: 'vars:\n  - name: a' });
    expect(parse(withExtra.text)).toMatchObject({ vars: [{ name: 'a' }] });
  });

  it('covers the real version, range and name styles', () => {
    expect(sampleVersions()).toEqual(
      expect.arrayContaining([
        '8.0.0-rc1',
        '0.1.0-dev.1',
        '8.3.0-dev1',
        '8.0.0-beta',
        '2.11.10-beta.1',
        '1.1.0-preview1',
      ]),
    );
    expect(sampleRanges()).toEqual(
      expect.arrayContaining([
        '^7.16.0 || ^8.0.0',
        '^8.0.0',
        '^7.14.1 || ^8.0.0',
        '^7.9.0',
        '>=7.10.0',
        '^7.17.6 || ^8.3.0',
      ]),
    );
    expect(sampleNames().some((n) => n.includes('_'))).toBe(true);
    expect(INVALID_RANGES.length).toBeGreaterThan(0);
    expect(RANGE_SAMPLES.length).toBe(sampleRanges().length);
    for (const version of sampleVersions()) {
      for (const name of sampleNames()) {
        const doc = parse(manifestYaml(realisticManifestOptions(name, version)).text);
        expect(doc.name).toBe(name);
        expect(doc.version).toBe(version);
      }
    }
  });

  it('builds deterministic package trees; the seed changes the tree but not the manifest', () => {
    const a = packageFiles({ name: 'aws_logs', version: '1.2.0', pngBytes: 5000 });
    const b = packageFiles({ name: 'aws_logs', version: '1.2.0', pngBytes: 5000 });
    const c = packageFiles({ name: 'aws_logs', version: '1.2.0', pngBytes: 5000, seed: 1 });
    expect(a).toEqual(b);
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        'manifest.yml',
        'docs/README.md',
        'changelog.yml',
        'img/icon.svg',
        'img/aws_logs-screenshot.png',
      ]),
    );
    expect(Object.keys(a).some((p) => /^data_stream\/[^/]+\/fields\/fields\.yml$/.test(p))).toBe(true);
    expect(Object.keys(a).some((p) => p.startsWith('kibana/dashboard/'))).toBe(true);
    expect((a['img/aws_logs-screenshot.png'] as Buffer).length).toBe(5000);
    expect(c['manifest.yml']).toBe(a['manifest.yml']);
    expect(c['docs/README.md']).not.toBe(a['docs/README.md']);
    expect(
      packageFiles({ name: 'n', version: '1.0.0', omit: ['docs/README.md'] })['docs/README.md'],
    ).toBeUndefined();

    const marker = markerPackageFiles('snapshot');
    expect(marker['docs/README.md']?.split('\n').filter((l) => l !== '')).toHaveLength(1);
    const mdoc = parse(marker['manifest.yml'] ?? '');
    expect(mdoc).toMatchObject({ name: 'snapshot', version: '0.0.1' });
    expect(mdoc.conditions).toBeUndefined();
  });
});

describe('git helpers', () => {
  it('runs git isolated from user and system config, with fixed identity and dates', async () => {
    const env = gitEnv({ date: 1_600_000_000, name: 'A', email: 'a@example.com' });
    expect(env).toMatchObject({
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_DATE: '@1600000000 +0000',
    });
    // Nothing from the parent environment or the machine leaks in: no config at all, GIT_DIR ignored.
    vi.stubEnv('GIT_DIR', '/nonexistent');
    vi.stubEnv('GIT_CONFIG_PARAMETERS', "'user.name=leak'");
    expect(await git(['config', '--list'], { cwd: await tempDir('cfg') })).toBe('');
    const err = await git(['rev-parse', '--verify', 'nope'], { cwd: await tempDir('nogit') }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).stderr).toMatch(/not a git repository/);
  });
});

describe('StorageOrigin', () => {
  it('is deterministic: same specs -> same trees and commits', async () => {
    const [a, b] = await Promise.all([
      StorageOrigin.create({ branches: specs() }),
      StorageOrigin.create({ branches: specs() }),
    ]);
    for (const branch of ['main', 'production', 'staging', 'snapshot']) {
      expect(await a.rev(branch)).toBe(await b.rev(branch));
    }
    expect(await a.treeId('production', 'packages/nginx/1.4.0')).toBe(
      await b.treeId('production', 'packages/nginx/1.4.0'),
    );
    // Identical on two branches (same tree) vs same manifest, different tree (seed).
    expect(await a.treeId('snapshot', 'packages/synthetics/0.10.3')).toBe(
      await a.treeId('production', 'packages/synthetics/0.10.3'),
    );
    expect(await a.rev('HEAD')).toBe(await a.rev('main'));
    const snap = await a.listVersions('snapshot');
    expect(snap.map((v) => `${v.name}/${v.version}`)).toEqual([
      'apm/8.1.0',
      'nginx/1.6.0-dev.1',
      'snapshot/0.0.1',
      'synthetics/0.10.3',
    ]);
    expect(
      (await a.listVersions('production')).some((v) => v.name === 'snapshot' || v.name === 'staging'),
    ).toBe(false);
    const docker = (await a.readFile('staging', 'Dockerfile')).toString();
    expect(docker).toContain('ARG PACKAGE_REGISTRY=v1.15.0');
    expect((await a.readFile('snapshot', 'deployment/package-registry.yml')).toString()).toMatch(
      /- \/packages\/production\n {2}- \/packages\/staging\n {2}- \/packages\/snapshot/,
    );
    expect(await git(['--git-dir', a.bare, 'config', 'uploadpack.allowFilter'])).toBe('true\n');
  });

  it('writes symlinks, gitlinks, executables, non-UTF-8 and newline paths with the right modes', async () => {
    const origin = await StorageOrigin.create({ branches: { snapshot: [] } });
    const sub = await origin.rev('main');
    const big = Buffer.alloc(3 << 20, 7);
    const src = join(await tempDir('src'), 'huge.bin');
    await writeFile(src, big);
    const weird = Buffer.from([
      0x70, 0x61, 0x63, 0x6b, 0x61, 0x67, 0x65, 0x73, 0x2f, 0xff, 0xfe, 0x2e, 0x79, 0x6d, 0x6c,
    ]); // packages/\xff\xfe.yml
    const tip = await origin.commit('snapshot', {
      files: {
        'packages/foo/1.0.0/link': { symlink: '../../bar/1.0.0/manifest.yml' },
        'packages/foo/1.0.0/vendor/sub': { submodule: sub },
        'packages/foo/1.0.0/run.sh': { mode: '100755', content: '#!/bin/sh\necho hi\n' },
        'packages/foo/1.0.0/new\nline.txt': 'x\n',
        'packages/foo/1.0.0/tab\tand\u0001ctl': 'y\n',
        'packages/foo/1.0.0/img/huge.bin': { fromFile: src },
        'packages/foo/1.0.0/img/random.bin': { random: 2 << 20, seed: 9 },
      },
      rawFiles: [{ path: weird, content: 'z\n' }],
      message: '[snapshot] odd files',
    });
    const rows = await lsTree(origin.bare, tip);
    const byPath = new Map(rows.map((r) => [r.path.toString('latin1'), r]));
    const get = (p: string) => byPath.get(Buffer.from(p).toString('latin1'));
    expect(get('packages/foo/1.0.0/link')).toMatchObject({ mode: '120000', type: 'blob' });
    expect(get('packages/foo/1.0.0/vendor/sub')).toMatchObject({ mode: '160000', type: 'commit', sha: sub });
    expect(get('packages/foo/1.0.0/run.sh')).toMatchObject({ mode: '100755', type: 'blob' });
    expect(get('packages/foo/1.0.0/new\nline.txt')).toMatchObject({ mode: '100644' });
    expect(get('packages/foo/1.0.0/tab\tand\u0001ctl')).toMatchObject({ mode: '100644' });
    expect(byPath.get(weird.toString('latin1'))).toMatchObject({ mode: '100644', type: 'blob' });
    expect((await origin.readFile(tip, 'packages/foo/1.0.0/link')).toString()).toBe(
      '../../bar/1.0.0/manifest.yml',
    );
    expect((await origin.readFile(tip, 'packages/foo/1.0.0/img/huge.bin')).equals(big)).toBe(true);
    const size = await gitLine([
      '--git-dir',
      origin.bare,
      'cat-file',
      '-s',
      `${tip}:packages/foo/1.0.0/img/random.bin`,
    ]);
    expect(size).toBe(String(2 << 20));

    // Deleting a directory removes everything below it, raw paths can be deleted too.
    const after = await origin.commit('snapshot', {
      files: { 'packages/foo': null },
      rawFiles: [{ path: weird, content: null }],
    });
    expect(
      (await lsTree(origin.bare, after)).filter((r) => r.path.toString('latin1').startsWith('packages/')),
    ).toEqual(
      (await lsTree(origin.bare, after)).filter((r) => r.path.toString().startsWith('packages/snapshot/')),
    );
  });

  it('replaces, removes and leases', async () => {
    const origin = await StorageOrigin.create({ branches: specs() });
    const before = await origin.rev('production');
    await origin.commit('production', {
      add: [{ name: 'nginx', version: '1.4.0', seed: 5, files: { 'extra.txt': 'e\n' } }],
      removeVersions: [{ name: 'aws_logs', version: '0.3.1' }],
    });
    const versions = await origin.listVersions('production');
    expect(versions.map((v) => v.name)).toEqual(['nginx', 'synthetics']);
    const files = await lsTree(origin.bare, 'production');
    expect(files.some((f) => f.path.toString() === 'packages/nginx/1.4.0/extra.txt')).toBe(true);

    // A lease taken before the branch moved is stale: update-ref refuses.
    await expect(
      origin.commit('production', { files: { 'x.txt': 'x' }, lease: before, message: 'stale' }),
    ).rejects.toThrow(/update-ref/);
    // Creating an existing branch with `lease: null` fails as well; a new branch from a parent works.
    await expect(origin.commit('staging', { files: {}, lease: null, parent: 'main' })).rejects.toThrow();
    const created = await origin.commit('promote-from-snapshot-to-staging-1', {
      parent: 'staging',
      add: [{ name: 'apm', version: '8.1.0', seed: 3 }],
      message: 'Copy packages from snapshot to staging',
    });
    expect(await origin.treeId(created, 'packages/apm/8.1.0')).toBe(
      await origin.treeId('snapshot', 'packages/apm/8.1.0'),
    );
    expect(await origin.branch('copy', 'staging')).toBe(await origin.rev('staging'));
    await expect(origin.branch('copy', 'main')).rejects.toThrow();

    const pr = await origin.pullRequest(7, { base: 'staging', head: 'promote-from-snapshot-to-staging-1' });
    expect(await gitLine(['--git-dir', origin.bare, 'rev-parse', `${pr.merge}^1`, `${pr.merge}^2`])).toBe(
      `${pr.base}\n${pr.head}`,
    );
  });

  it('checks out like actions/checkout: one shallow commit, one ref, no tags', async () => {
    const origin = await StorageOrigin.create({ branches: specs() });
    await origin.commit('production', { add: [{ name: 'nginx', version: '1.4.1' }] });
    await git(['--git-dir', origin.bare, 'tag', 'v1', 'production']);
    const ws = await checkoutLikeActions({ origin: origin.url, ref: 'refs/heads/production' });
    expect(await gitLine(['rev-list', '--count', 'HEAD'], { cwd: ws })).toBe('1');
    expect(await gitLine(['rev-parse', 'HEAD'], { cwd: ws })).toBe(await origin.rev('production'));
    expect(await gitLine(['symbolic-ref', '--short', 'HEAD'], { cwd: ws })).toBe('production');
    expect(await gitLine(['rev-parse', '--is-shallow-repository'], { cwd: ws })).toBe('true');
    await expect(git(['rev-parse', '--verify', 'origin/staging'], { cwd: ws })).rejects.toThrow(
      /Needed a single revision/,
    );
    expect(await git(['for-each-ref', '--format=%(refname)'], { cwd: ws })).toBe(
      'refs/heads/production\nrefs/remotes/origin/production\n',
    );
    expect(await git(['tag'], { cwd: ws })).toBe('');
    expect(await gitLine(['config', 'gc.auto'], { cwd: ws })).toBe('0');
    const manifest = await readFile(join(ws, 'packages/nginx/1.4.1/manifest.yml'), 'utf8');
    expect(parse(manifest)).toMatchObject({ name: 'nginx', version: '1.4.1' });
    await expect(readFile(join(ws, 'Dockerfile'), 'utf8')).resolves.toContain('PACKAGE_REGISTRY');

    // Pull request: detached HEAD on the merge commit, fetched into refs/remotes/pull/<n>/merge.
    const head = await origin.commit('update-snapshot-1', {
      parent: 'snapshot',
      add: [{ name: 'nginx', version: '1.6.0-dev.2' }],
    });
    const pr = await origin.pullRequest(12, { base: 'snapshot', head });
    const prWs = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/pull/12/merge', sha: pr.merge });
    expect(await gitLine(['rev-parse', 'HEAD'], { cwd: prWs })).toBe(pr.merge);
    await expect(git(['symbolic-ref', 'HEAD'], { cwd: prWs })).rejects.toThrow();
    expect(await git(['for-each-ref', '--format=%(refname)'], { cwd: prWs })).toBe(
      'refs/remotes/pull/12/merge\n',
    );
    expect(await gitLine(['rev-list', '--count', 'HEAD'], { cwd: prWs })).toBe('1');
    // What validate must do itself: fetch the base and diff two-dot.
    await git(['fetch', '--no-tags', '--depth=1', 'origin', pr.base], { cwd: prWs });
    expect(await git(['diff', '--name-only', pr.base, 'HEAD', '--', 'packages'], { cwd: prWs })).toMatch(
      /^packages\/nginx\/1\.6\.0-dev\.2\//,
    );

    // fetch-depth: 0 takes every branch and tag.
    const full = await checkoutLikeActions({ origin: origin.bare, ref: 'staging', fetchDepth: 0 });
    expect(await git(['rev-parse', '--verify', 'origin/snapshot'], { cwd: full })).toMatch(
      /^[0-9a-f]{40}\n$/,
    );
    expect(await git(['tag'], { cwd: full })).toBe('v1\n');
    expect(Number(await gitLine(['rev-list', '--count', 'HEAD'], { cwd: full }))).toBeGreaterThan(1);
  });
});

describe('generateStorageRepo (git fast-import)', () => {
  // BENCH_VERSIONS=20000 npx vitest run test/harness/storage-origin -t fast-import  to measure the large size.
  const versions = Number(process.env.BENCH_VERSIONS ?? 2000);

  it(`generates ${versions} versions with realistic ratios and valid manifests`, async () => {
    const dir = join(await tempDir('gen'), 'origin.git');
    const { bare, stats, layout } = await generateStorageRepo({ dir, versions });
    console.log(`fast-import: ${JSON.stringify(stats)}`);
    expect(stats.perBranch.production + stats.perBranch.staging + stats.perBranch.snapshot).toBe(
      versions + stats.duplicates,
    );
    expect(stats.perBranch.production / versions).toBeCloseTo(0.8, 1);
    expect(stats.perBranch.snapshot / versions).toBeCloseTo(0.15, 1);
    expect(stats.names).toBe(Math.round(185 * Math.sqrt(versions / 2000)));

    const branches = await git([
      '--git-dir',
      bare,
      'for-each-ref',
      '--format=%(refname:short)',
      'refs/heads',
    ]);
    expect(branches.split('\n').filter(Boolean).sort()).toEqual([
      'main',
      'production',
      'snapshot',
      'staging',
    ]);
    expect(await gitLine(['--git-dir', bare, 'symbolic-ref', 'HEAD'])).toBe('refs/heads/main');

    // Every manifest parses (FAILSAFE) with name/version equal to its directories; read in one cat-file batch.
    for (const branch of ['production', 'staging', 'snapshot'] as const) {
      const list = await gitBuffer([
        '--git-dir',
        bare,
        'ls-tree',
        '-r',
        '-z',
        '--name-only',
        branch,
        '--',
        'packages',
      ]);
      const manifests = list
        .toString()
        .split('\0')
        .filter((p) => /^packages\/[^/]+\/[^/]+\/manifest\.yml$/.test(p));
      const expected = layout[branch].length + (branch === 'production' ? 0 : 1);
      expect(manifests).toHaveLength(expected);
      const out = await gitBuffer(['--git-dir', bare, 'cat-file', '--batch'], {
        input: manifests.map((p) => `${branch}:${p}`).join('\n') + '\n',
      });
      let pos = 0;
      for (const p of manifests) {
        const nl = out.indexOf(10, pos);
        const size = Number(out.subarray(pos, nl).toString().split(' ')[2]);
        const text = out.subarray(nl + 1, nl + 1 + size).toString();
        pos = nl + 1 + size + 1;
        const [, name, version] = p.split('/');
        const doc = parse(text);
        expect(doc.name).toBe(name);
        expect(doc.version).toBe(version);
      }
    }
  });

  it('heavy mode shape: ~7 files per version, ~30% incompressible bytes', async () => {
    const dir = join(await tempDir('gen-heavy'), 'origin.git');
    await mkdir(dir, { recursive: true });
    const { stats } = await generateStorageRepo({ dir, versions: 40, heavy: true, duplicates: 0 });
    console.log(`fast-import heavy (40 versions): ${JSON.stringify(stats)}`);
    expect(stats.files).toBe(40 * 7 + /* main */ 2 + /* setup */ 3 * 3 + /* markers */ 2 * 2);
    const perVersion = (stats.bytes - 20_000) / 40;
    expect(perVersion).toBeGreaterThan(90_000);
    expect(perVersion).toBeLessThan(115_000);
    expect(stats.binaryBytes / stats.bytes).toBeGreaterThan(0.25);
    expect(stats.binaryBytes / stats.bytes).toBeLessThan(0.35);
  });
});
