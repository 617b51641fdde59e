// StorageReader in the workspace the validate action works in: a PR head checked out like actions/checkout, the
// channel branches fetched trees-only. Holdings, versions (legacy flat and non-semver directories), the two-tree
// diff against git's own diff-tree, content identity across modes, the file-count and manifest limits, readFile.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentIdentity } from '../../src/core/identity.js';
import { emptyTreeId } from '../../src/git/git.js';
import { decodeName } from '../../src/git/objects.js';
import { fetchBranches } from '../../src/git/remote.js';
import { isMalformedName, StorageReader } from '../../src/git/storage.js';
import { cleanupTempDirs, git, gitBuffer } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

const ZERO = '0'.repeat(40);
const RULES = 2000;
const rules: Record<string, string> = {};
for (let i = 0; i < RULES; i++) rules[`kibana/security_rule/rule-${i}.json`] = `{"rule":${i}}\n`;
const latin1Name = (prefix: string): Buffer =>
  Buffer.concat([Buffer.from(prefix), Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.json')]);
const nginxExtras = {
  'img/logo.svg': { symlink: 'icon.svg' },
  'docs/line\nbreak.md': 'a file name with a line break\n',
};

let origin: StorageOrigin;
let workspace: string;
let reader: StorageReader;
let tips: Map<string, string>;
let production: string;
let pr: string;

const tip = (branch: string): string => tips.get(branch) ?? '';

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [
        { name: 'nginx', version: '1.3.0' },
        { name: 'nginx', version: '1.4.0', fileMode: '100755', files: nginxExtras },
        { name: 'aws_logs', version: '0.3.1' },
        { name: 'endpoint', version: '7.17-dev1' },
        { name: 'security_detection_engine', version: '8.11.2', files: rules },
      ],
      // The same bytes as production's nginx 1.4.0, every file 100644 (old promotions flipped modes).
      staging: [{ name: 'nginx', version: '1.4.0', fileMode: '100644', files: nginxExtras }],
      // The same modes as production's, one byte different.
      snapshot: [
        {
          name: 'nginx',
          version: '1.4.0',
          fileMode: '100755',
          files: { ...nginxExtras, 'docs/line\nbreak.md': 'a file name with a line break!\n' },
        },
      ],
    },
  });
  production = await origin.commit('production', {
    files: {
      // A legacy flat version directory and a stray file at the packages root.
      'packages/apache-0.1.0/manifest.yml': 'name: apache\nversion: 0.1.0\nformat_version: 1.0.0\n',
      'packages/apache-0.1.0/docs/README.md': '# Apache\n',
      'packages/README.md': 'One directory per package.\n',
    },
    rawFiles: [{ path: latin1Name('packages/aws_logs/0.3.1/kibana/'), content: '{"latin1":true}\n' }],
  });
  await origin.branch('pr', 'production');
  pr = await origin.commit('pr', {
    add: [{ name: 'nginx', version: '1.5.0' }],
    removeVersions: [{ name: 'nginx', version: '1.3.0' }],
    files: {
      'packages/nginx/1.4.0/changelog.yml': { mode: '100755', content: '# rewritten\n' },
      // Mode only: the same bytes, no longer executable.
      'packages/nginx/1.4.0/manifest.yml': {
        mode: '100644',
        content: await origin.readFile('production', 'packages/nginx/1.4.0/manifest.yml'),
      },
      // A file replaced by a directory.
      'packages/endpoint/7.17-dev1/img/icon.svg': null,
      'packages/endpoint/7.17-dev1/img/icon.svg/dark.svg': '<svg/>\n',
      'packages/README.md': 'One directory per package, one per version.\n',
    },
    rawFiles: [{ path: latin1Name('packages/nginx/1.5.0/kibana/'), content: '{"new":true}\n' }],
  });
  workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/pr' });
  tips = await fetchBranches(workspace, ['production', 'staging', 'snapshot'], { treesOnly: true });
  expect(tip('production')).toBe(production);
  reader = new StorageReader(workspace, 'packages');
});
afterAll(async () => {
  reader.close();
  await cleanupTempDirs();
});

/** Trees the reader parses while `run` runs. */
async function treesRead(run: () => Promise<unknown>): Promise<Set<string>> {
  const spy = vi.spyOn(reader.objects, 'tree');
  try {
    await run();
    return new Set(spy.mock.calls.map(([oid]) => oid));
  } finally {
    spy.mockRestore();
  }
}

/** `ls-tree -r -z` of a tree in the origin: files with their paths relative to it. */
async function filesOf(tree: string): Promise<Array<{ mode: string; blob: string; path: string }>> {
  const out = await gitBuffer(['--git-dir', origin.bare, 'ls-tree', '-r', '-z', tree]);
  const files = [];
  for (const record of out.toString('latin1').split('\0')) {
    if (record === '') continue;
    const [meta = '', path = ''] = record.split('\t');
    const [mode = '', , blob = ''] = meta.split(' ');
    files.push({ mode, blob, path: decodeName(Buffer.from(path, 'latin1')).name });
  }
  return files;
}

const missingBlobs = async (ref: string): Promise<number> =>
  (await gitBuffer(['rev-list', '--objects', '--missing=print', ref], { cwd: workspace }))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('?')).length;

describe('holdings and versions', () => {
  it('holds the versions of the touched names only, reading no other package', async () => {
    const untouched = await Promise.all(
      ['aws_logs', 'security_detection_engine'].map((p) => origin.treeId(production, `packages/${p}`)),
    );
    let holdings = new Map<string, Map<string, string>>();
    const read = await treesRead(async () => {
      holdings = await reader.holdings(production, ['nginx', 'apache-0.1.0', 'endpoint', 'absent']);
    });
    expect(holdings).toEqual(
      new Map([
        [
          'nginx',
          new Map([
            ['1.3.0', await origin.treeId(production, 'packages/nginx/1.3.0')],
            ['1.4.0', await origin.treeId(production, 'packages/nginx/1.4.0')],
          ]),
        ],
        // A legacy flat directory is held under its directory name with version ''.
        ['apache-0.1.0', new Map([['', await origin.treeId(production, 'packages/apache-0.1.0')]])],
        [
          'endpoint',
          new Map([['7.17-dev1', await origin.treeId(production, 'packages/endpoint/7.17-dev1')]]),
        ],
      ]),
    );
    for (const oid of untouched) expect(read.has(oid)).toBe(false);

    expect(await reader.holdings(undefined, ['nginx'])).toEqual(new Map());
    expect(await reader.holdings(tip('staging'), ['nginx'])).toEqual(
      new Map([['nginx', new Map([['1.4.0', await origin.treeId('staging', 'packages/nginx/1.4.0')]])]]),
    );
    // A commit without a packages root holds nothing.
    expect(await reader.holdings(await origin.rev('main'), ['nginx'])).toEqual(new Map());
  });

  it('lists every version of a branch, legacy flat and non-semver directories included', async () => {
    const listed = await origin.listVersions(production);
    const expected = [
      ...listed.filter((v) => v.name !== 'apache-0.1.0'),
      { name: 'apache-0.1.0', version: '', tree: await origin.treeId(production, 'packages/apache-0.1.0') },
    ];
    const key = (v: { name: string; version: string }): string => `${v.name}\0${v.version}`;
    const byKey = (a: { name: string; version: string }, b: { name: string; version: string }): number =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    const versions = await reader.allVersions(production);
    expect([...versions].sort(byKey)).toEqual(expected.sort(byKey));
    expect(versions.map(key)).toEqual(
      expect.arrayContaining(['endpoint\u00007.17-dev1', 'apache-0.1.0\u0000', 'nginx\u00001.4.0']),
    );
    // The stray file at the packages root is no package.
    expect(versions.some((v) => v.name === 'README.md')).toBe(false);
    expect(await reader.allVersions(undefined)).toEqual([]);
    expect((await reader.allVersions(tip('snapshot'))).map(key).sort()).toEqual([
      'nginx\u00001.4.0',
      'snapshot\u00000.0.1',
    ]);
  });
});

describe('diff', () => {
  it('reports exactly what git diff-tree reports, walking only the trees that differ', async () => {
    const blobsMissing = await missingBlobs(tip('production'));
    expect(blobsMissing).toBeGreaterThan(0);
    let changes: Awaited<ReturnType<StorageReader['diff']>> = [];
    const read = await treesRead(async () => {
      changes = await reader.diff(production, pr);
    });

    const raw = await gitBuffer([
      '--git-dir',
      origin.bare,
      'diff-tree',
      '-r',
      '-z',
      '--no-renames',
      '--full-index',
      production,
      pr,
    ]);
    const fields = raw.toString('latin1').split('\0');
    const oracle = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', status = ''] =
        fields[i]!.slice(1).split(' ');
      const path = decodeName(Buffer.from(fields[i + 1]!, 'latin1'));
      oracle.push({
        path: path.name,
        status: { A: 'added', D: 'deleted', M: 'modified' }[status],
        oldMode,
        newMode,
        oldBlob,
        newBlob,
        ...(path.valid ? {} : { invalidEncoding: true }),
      });
    }
    const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : 1);
    expect([...changes].sort(byPath)).toEqual(oracle.sort(byPath));
    expect(changes.length).toBeGreaterThan(20);

    // The corners are there: a mode-only change, a file replaced by a directory, a non-UTF-8 name.
    const at = (path: string): unknown => changes.find((c) => c.path === path);
    const manifest = at('packages/nginx/1.4.0/manifest.yml') as { oldBlob: string; newBlob: string };
    expect(manifest).toMatchObject({ status: 'modified', oldMode: '100755', newMode: '100644' });
    expect(manifest.oldBlob).toBe(manifest.newBlob);
    expect(at('packages/endpoint/7.17-dev1/img/icon.svg')).toMatchObject({
      status: 'deleted',
      newMode: '000000',
    });
    expect(at('packages/endpoint/7.17-dev1/img/icon.svg/dark.svg')).toMatchObject({ status: 'added' });
    expect(at('packages/nginx/1.5.0/kibana/caf\ufffd.json')).toMatchObject({ invalidEncoding: true });

    // Unchanged subtrees are never read; nor is any blob (the trees-only production still lacks its blobs).
    for (const path of [
      'packages/aws_logs',
      'packages/security_detection_engine',
      'packages/nginx/1.4.0/docs',
    ])
      expect(read.has(await origin.treeId(production, path)), path).toBe(false);
    expect(await missingBlobs(tip('production'))).toBe(blobsMissing);

    // Sizes come from --batch-check: the new blobs' byte lengths, none for deletions.
    await reader.addSizes(changes);
    const live = changes.filter((c) => c.status !== 'deleted');
    const sizes = (
      await git(['--git-dir', origin.bare, 'cat-file', '--batch-check=%(objectsize)'], {
        input: `${live.map((c) => c.newBlob).join('\n')}\n`,
      })
    )
      .trim()
      .split('\n')
      .map(Number);
    expect(live.map((c) => c.size)).toEqual(sizes);
    expect(changes.filter((c) => c.status === 'deleted').every((c) => c.size === undefined)).toBe(true);
  });

  it('names the package directories whose trees differ', async () => {
    expect(await reader.changedNames(production, pr)).toEqual(['endpoint', 'nginx']);
    expect(await reader.changedNames(production, production)).toEqual([]);
    // Everything production holds is gone on snapshot but nginx changed and the marker arrived.
    expect(await reader.changedNames(production, tip('snapshot'))).toEqual([
      'apache-0.1.0',
      'aws_logs',
      'endpoint',
      'nginx',
      'security_detection_engine',
      'snapshot',
    ]);
    expect(await reader.diff(pr, pr)).toEqual([]);
    await expect(reader.diff(ZERO, pr)).rejects.toThrow(/not available/);
  });
});

describe('version content', () => {
  it('gives copies that differ only in modes one identity, and a one-byte difference another', async () => {
    const [prod, staging, snapshot] = await Promise.all(
      ['production', 'staging', 'snapshot'].map((b) => origin.treeId(tip(b), 'packages/nginx/1.4.0')),
    );
    expect(new Set([prod, staging, snapshot]).size).toBe(3);
    const limits = { manifestBytes: 1 << 20, filesPerVersion: 1000 };
    const [a, b, c] = await Promise.all(
      [prod!, staging!, snapshot!].map((t) => reader.versionContent(t, limits)),
    );
    expect(a!.identity).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b!.identity).toBe(a!.identity);
    expect(c!.identity).not.toBe(a!.identity);
    expect(await reader.contentIdentity(staging!, 1000)).toBe(a!.identity);

    // The identity is the core's digest over every (path, blob): symlinks, line breaks, non-UTF-8 names included.
    for (const tree of [prod!, await origin.treeId(production, 'packages/aws_logs/0.3.1')]) {
      const files = await filesOf(tree);
      expect(await reader.contentIdentity(tree, 1000)).toBe(contentIdentity(files));
    }
    expect(a).toMatchObject({ fileCount: (await filesOf(prod!)).length, truncated: false, readme: true });
    expect(a!.manifest?.text).toBe(
      (await origin.readFile(production, 'packages/nginx/1.4.0/manifest.yml')).toString(),
    );
  });

  it('stops listing at the file limit and reads no manifest above the byte limit', async () => {
    const tree = await origin.treeId(production, 'packages/security_detection_engine/8.11.2');
    const files = await filesOf(tree);
    expect(files.length).toBeGreaterThan(RULES);
    const manifest = await origin.readFile(
      production,
      'packages/security_detection_engine/8.11.2/manifest.yml',
    );

    const exact = await reader.versionContent(tree, {
      manifestBytes: manifest.length,
      filesPerVersion: files.length,
    });
    expect(exact).toEqual({
      fileCount: files.length,
      truncated: false,
      readme: true,
      identity: contentIdentity(files),
      manifest: { size: manifest.length, text: manifest.toString() },
    });

    const over = await reader.versionContent(tree, {
      manifestBytes: manifest.length - 1,
      filesPerVersion: files.length - 1,
    });
    expect(over).toEqual({
      fileCount: files.length - 1,
      truncated: true,
      readme: true,
      manifest: { size: manifest.length },
    });
    // The README is looked up directly: it is known even when no file is listed.
    expect(await reader.versionContent(tree, { manifestBytes: 0, filesPerVersion: 0 })).toMatchObject({
      fileCount: 0,
      truncated: true,
      readme: true,
    });
    expect(await reader.contentIdentity(tree, files.length - 1)).toBeUndefined();
    expect(await reader.contentIdentity(tree, files.length)).toBe(contentIdentity(files));

    const legacy = await reader.versionContent(await origin.treeId(production, 'packages/apache-0.1.0'), {
      manifestBytes: 1000,
      filesPerVersion: 10,
    });
    expect(legacy).toMatchObject({
      fileCount: 2,
      readme: true,
      manifest: { text: expect.stringContaining('name: apache') },
    });
  });

  it('reads a file at a revision, and nothing where there is no file', async () => {
    const text = (await origin.readFile(pr, 'packages/nginx/1.4.0/changelog.yml')).toString();
    expect(await reader.readFile(pr, 'packages/nginx/1.4.0/changelog.yml')).toBe(text);
    expect(await reader.readFile(pr, 'packages/nginx/1.4.0/docs/line\nbreak.md')).toBe(
      'a file name with a line break\n',
    );
    expect(await reader.readFile(pr, 'packages/nginx/1.3.0/manifest.yml')).toBeUndefined();
    expect(await reader.readFile(pr, 'packages/nginx/1.4.0')).toBeUndefined();
    expect(await reader.readFile(emptyTreeId, 'README.md')).toBeUndefined();
    expect(await reader.readFile(ZERO, 'README.md')).toBeUndefined();
  });

  it('knows the entry names git never writes', () => {
    for (const bad of ['', '.', '..', '.git', '.GIT', 'a/b', 'a\0b'])
      expect(isMalformedName(bad), bad).toBe(true);
    for (const good of ['.github', 'git', '...', 'caf\ufffd.json', 'line\nbreak.md'])
      expect(isMalformedName(good), good).toBe(false);
  });
});
