// ObjectReader against a real storage checkout: one `cat-file --batch-command` process serves every read and size
// however many are in flight (a git without --batch-command: `--batch` and `--batch-check`, requests already
// queued sent again), commits resolve as `rev-parse --verify` resolves them, missing objects answer undefined without breaking the stream, trees parse
// to exactly what git lists (modes, symlinks, newline and non-UTF-8 names), and the tree cache is a bounded LRU.
import type * as ChildProcess from 'node:child_process';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OperationError } from '../../src/core/errors.js';
import { ObjectReader, parseTree, type TreeEntry } from '../../src/git/objects.js';
import { fetchBranches } from '../../src/git/remote.js';
import { cleanupTempDirs, git, gitBuffer, gitLine, tempDir } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof ChildProcess>();
  return { ...actual, spawn: vi.fn(actual.spawn) };
});

/** Batch `git cat-file` processes started since the last clear, by mode (`--batch-command`, `--batch`, …). */
function batchSpawns(): string[] {
  return vi
    .mocked(spawn)
    .mock.calls.map((call) => call[1] ?? [])
    .filter((args) => args.includes('cat-file'))
    .flatMap((args) => args.filter((a) => a.startsWith('--batch')));
}

const ZERO = '0'.repeat(40);
const RULES = 3000;
const nonUtf8 = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.json')]);
const rules: Record<string, string> = {};
for (let i = 0; i < RULES; i++) {
  const id = `${String(i).padStart(4, '0')}-rule`;
  rules[`kibana/security_rule/${id}.json`] = `{"id":"${id}","rule":${i}}\n`;
}
/** Nine files each: a version tree of nine entries costs ten cache entries. */
const probeFiles = (v: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}.yml`, `probe ${v} file ${i}\n`]));

let origin: StorageOrigin;
let workspace: string;
let tip: string;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [
        {
          name: 'nginx',
          version: '1.4.0',
          fileMode: '100755',
          packageOptions: { pngBytes: 300_000 },
          files: {
            'img/logo.svg': { symlink: 'icon.svg' },
            'docs/line\nbreak.md': 'a file name with a line break\n',
            'docs/plain.md': { mode: '100644', content: 'not executable\n' },
          },
        },
        { name: 'security_detection_engine', version: '8.11.2', files: rules },
        ...[1, 2, 3, 4].map((v) => ({
          name: 'cache_probe',
          version: `0.0.${v}`,
          generate: false,
          files: probeFiles(v),
        })),
      ],
    },
  });
  await origin.commit('production', {
    rawFiles: [
      {
        path: Buffer.concat([Buffer.from('packages/nginx/1.4.0/kibana/'), nonUtf8]),
        content: '{"latin1":true}\n',
      },
    ],
  });
  tip = await origin.rev('production');
  // The validate flow: the workspace actions/checkout made, other channels fetched into it (here with blobs).
  workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' });
  expect(await fetchBranches(workspace, ['production'])).toEqual(new Map([['production', tip]]));
});
afterAll(cleanupTempDirs);

/** `git ls-tree -z` of one tree: what git itself says the entries are. */
async function lsTree(
  tree: string,
): Promise<Array<{ mode: string; type: string; oid: string; raw: string }>> {
  const out = await gitBuffer(['ls-tree', '-z', tree], { cwd: workspace });
  const rows = [];
  for (let start = 0, end = out.indexOf(0); end >= 0; start = end + 1, end = out.indexOf(0, start)) {
    const record = out.subarray(start, end);
    const tab = record.indexOf(9);
    const [mode = '', type = '', oid = ''] = record.subarray(0, tab).toString('latin1').split(' ');
    rows.push({ mode, type, oid, raw: record.subarray(tab + 1).toString('hex') });
  }
  return rows;
}

const asRows = (
  entries: readonly TreeEntry[],
): Array<{ mode: string; type: string; oid: string; raw: string }> =>
  entries.map((e) => ({ mode: e.mode, type: e.type, oid: e.oid, raw: e.rawName.toString('hex') }));

describe('ObjectReader trees', () => {
  it('parses every tree of a version exactly as git lists it', async () => {
    const reader = new ObjectReader(workspace);
    try {
      const version = await origin.treeId(tip, 'packages/nginx/1.4.0');
      const trees = [version];
      let compared = 0;
      while (trees.length > 0) {
        const oid = trees.pop()!;
        const entries = await reader.tree(oid);
        expect(entries).toBeDefined();
        expect(asRows(entries!)).toEqual(await lsTree(oid));
        // The tree object's own bytes parse to the same entries.
        const object = await reader.read(oid);
        expect(object?.type).toBe('tree');
        expect(asRows(parseTree(object!.content))).toEqual(asRows(entries!));
        compared++;
        for (const e of entries!) if (e.type === 'tree') trees.push(e.oid);
      }
      expect(compared).toBeGreaterThanOrEqual(5);
    } finally {
      reader.close();
    }
  });

  it('keeps modes, symlinks, line breaks and the raw bytes of non-UTF-8 names', async () => {
    const reader = new ObjectReader(workspace);
    try {
      const version = await origin.treeId(tip, 'packages/nginx/1.4.0');
      const top = (await reader.tree(version))!;
      const byName = (entries: readonly TreeEntry[], name: string): TreeEntry | undefined =>
        entries.find((e) => e.name === name);
      expect(byName(top, 'manifest.yml')).toMatchObject({ mode: '100755', type: 'blob', invalid: false });
      // git writes a tree's mode as "40000"; it is reported in the six-digit form.
      expect(byName(top, 'docs')).toMatchObject({ mode: '040000', type: 'tree' });

      const img = (await reader.tree(byName(top, 'img')!.oid))!;
      expect(byName(img, 'logo.svg')).toMatchObject({ mode: '120000', type: 'blob' });
      const target = await reader.read(byName(img, 'logo.svg')!.oid);
      expect(target?.content.toString()).toBe('icon.svg');

      const docs = (await reader.tree(byName(top, 'docs')!.oid))!;
      expect(byName(docs, 'line\nbreak.md')).toMatchObject({ mode: '100755', invalid: false });
      expect(byName(docs, 'plain.md')).toMatchObject({ mode: '100644' });
      // The same bytes under the two modes are one blob.
      const readme = await reader.lookup(version, 'docs/README.md');
      expect(readme?.mode).toBe('100755');

      const kibana = (await reader.tree(byName(top, 'kibana')!.oid))!;
      const odd = kibana.filter((e) => e.invalid);
      expect(odd).toHaveLength(1);
      expect(odd[0]!.rawName.equals(nonUtf8)).toBe(true);
      expect(odd[0]!.name).toBe('caf\ufffd.json');
      expect(kibana.filter((e) => !e.invalid).every((e) => e.rawName.equals(Buffer.from(e.name)))).toBe(true);

      // lookup walks trees, so a name with a line break is reachable (a `rev:path` spec cannot hold one).
      const broken = await reader.lookup(version, 'docs/line\nbreak.md');
      expect((await reader.read(broken!.oid))?.content.toString()).toBe('a file name with a line break\n');
      await expect(reader.read(`${tip}:packages/nginx/1.4.0/docs/line\nbreak.md`)).rejects.toThrow(
        OperationError,
      );
    } finally {
      reader.close();
    }
  });

  it('rejects bytes that are not a tree object', () => {
    expect(() => parseTree(Buffer.from('100644 no-terminator'))).toThrow('malformed tree object');
    expect(parseTree(Buffer.alloc(0))).toEqual([]);
  });
});

describe('ObjectReader processes', () => {
  it('answers thousands of pipelined reads and sizes in order from one --batch-command process', async () => {
    vi.mocked(spawn).mockClear();
    const reader = new ObjectReader(workspace);
    try {
      const rulesTree = await origin.treeId(
        tip,
        'packages/security_detection_engine/8.11.2/kibana/security_rule',
      );
      const entries = (await reader.tree(rulesTree))!;
      expect(entries).toHaveLength(RULES);
      const screenshot = await reader.lookup(
        await origin.treeId(tip, 'packages/nginx/1.4.0'),
        'img/nginx-screenshot.png',
      );
      // Every read and size request issued before any answer arrives; a large blob (many pipe chunks) and
      // missing objects in the middle of the stream.
      const specs = entries.map((e) => e.oid);
      specs.splice(1500, 0, screenshot!.oid, ZERO, `${tip}:packages/nope/1.0.0/manifest.yml`);
      const [contents, sizes] = await Promise.all([
        Promise.all(specs.map((s) => reader.read(s))),
        Promise.all(specs.map((s) => reader.info(s))),
      ]);
      expect(contents).toHaveLength(RULES + 3);
      const expected = await origin.readFile(tip, 'packages/nginx/1.4.0/img/nginx-screenshot.png');
      expect(expected.length).toBe(300_000);
      expect(contents[1500]?.content.equals(expected)).toBe(true);
      expect(contents[1501]).toBeUndefined();
      expect(contents[1502]).toBeUndefined();
      expect(sizes[1500]).toEqual({
        oid: screenshot!.oid,
        type: 'blob',
        size: 300_000,
        content: Buffer.alloc(0),
      });
      expect(sizes[1501]).toBeUndefined();
      contents.splice(1500, 3);
      sizes.splice(1500, 3);
      entries.forEach((entry, i) => {
        const id = entry.name.replace(/\.json$/, '');
        expect(contents[i]?.content.toString()).toBe(`{"id":"${id}","rule":${Number(id.slice(0, 4))}}\n`);
        expect(contents[i]?.oid).toBe(entry.oid);
        expect(sizes[i]?.size).toBe(contents[i]?.content.length);
      });
      expect(batchSpawns()).toEqual(['--batch-command']);
    } finally {
      reader.close();
    }
  });

  it('answers missing objects and paths with undefined and keeps serving', async () => {
    vi.mocked(spawn).mockClear();
    const reader = new ObjectReader(workspace);
    try {
      const root = (await reader.rootTree(tip))!;
      expect(root).toBe(await origin.treeId(tip, ''));
      const manifest = `${tip}:packages/nginx/1.4.0/manifest.yml`;
      const results = await Promise.all([
        reader.read(manifest),
        reader.read(ZERO),
        reader.read(`${tip}:packages/nginx/9.9.9/manifest.yml`),
        reader.read('refs/heads/no-such-branch'),
        reader.info(ZERO),
        reader.tree(ZERO),
        reader.rootTree(ZERO),
        reader.lookup(root, 'packages/nginx/9.9.9'),
        reader.lookup(root, 'packages/nginx/1.4.0/manifest.yml/below-a-blob'),
        reader.read(manifest),
      ]);
      const text = (await origin.readFile(tip, 'packages/nginx/1.4.0/manifest.yml')).toString();
      expect(results[0]).toMatchObject({ type: 'blob', content: Buffer.from(text) });
      expect(results.slice(1, 9)).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(results[9]).toMatchObject({ type: 'blob', content: Buffer.from(text) });
      // A blob asked for as a tree is an error, not an empty tree.
      await expect(reader.tree((results[0] as { oid: string }).oid)).rejects.toThrow('is a blob, not a tree');
      expect(batchSpawns()).toEqual(['--batch-command']);
    } finally {
      reader.close();
    }
  });

  it('falls back to --batch and --batch-check on a git without --batch-command, losing no queued request', async () => {
    // A git older than 2.36, as far as cat-file goes: it refuses --batch-command the way git does (usage, 129).
    const bin = await tempDir('old-git-');
    // git's own binary sits in its exec path.
    const realGit = join((await git(['--exec-path'])).trim(), 'git');
    await writeFile(
      join(bin, 'git'),
      [
        '#!/bin/sh',
        'for a in "$@"; do',
        '  if [ "$a" = "--batch-command" ]; then',
        "    echo \"error: unknown option \\`batch-command'\" >&2; echo 'usage: git cat-file <type> <object>' >&2; exit 129",
        '  fi',
        'done',
        `exec ${realGit} "$@"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    vi.mocked(spawn).mockClear();
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    const reader = new ObjectReader(workspace);
    try {
      const manifest = `${tip}:packages/nginx/1.4.0/manifest.yml`;
      // All queued before the first process has even said no.
      const [content, size, commit, missing] = await Promise.all([
        reader.read(manifest),
        reader.info(manifest),
        reader.commitId('origin/production'),
        reader.read(ZERO),
      ]);
      const text = await origin.readFile(tip, 'packages/nginx/1.4.0/manifest.yml');
      expect(content?.content.equals(text)).toBe(true);
      expect(size).toMatchObject({ type: 'blob', size: text.length });
      expect(commit).toBe(tip);
      expect(missing).toBeUndefined();
      // And later requests go to the two older processes directly.
      expect((await reader.info(`${tip}^{tree}`))?.type).toBe('tree');
      expect(batchSpawns().sort()).toEqual(['--batch', '--batch-check', '--batch-command']);
    } finally {
      process.env.PATH = path;
      reader.close();
    }
  });

  it('resolves commits as rev-parse --verify does: branches, tags, ancestry; nothing for trees and blobs', async () => {
    // The origin: it has the history (the workspace is a depth-1 clone).
    const reader = new ObjectReader(origin.bare);
    try {
      const parent = await gitLine(['--git-dir', origin.bare, 'rev-parse', `${tip}^`]);
      expect(await reader.commitId('production')).toBe(tip);
      expect(await reader.commitId('refs/heads/production')).toBe(tip);
      expect(await reader.commitId(`${tip}~1`)).toBe(parent);
      expect(await reader.commitId(tip.slice(0, 12))).toBe(tip);
      // A tree, a blob, nothing, an empty name: not commits.
      expect(await reader.commitId(await origin.treeId(tip, ''))).toBeUndefined();
      expect(await reader.commitId(`${tip}:packages/nginx/1.4.0/manifest.yml`)).toBeUndefined();
      expect(await reader.commitId('no-such-branch')).toBeUndefined();
      expect(await reader.commitId('')).toBeUndefined();
      // A name is one request line: a line break in it is refused, not sent.
      await expect(reader.commitId('production\ninfo HEAD')).rejects.toThrow(OperationError);
    } finally {
      reader.close();
    }
  });
});

describe('ObjectReader tree cache', () => {
  it('keeps the most recently used trees within its entry limit', async () => {
    const probes = await Promise.all(
      [1, 2, 3, 4].map((v) => origin.treeId(tip, `packages/cache_probe/0.0.${v}`)),
    );
    const [t1, t2, t3, t4] = probes as [string, string, string, string];
    // Each probe tree holds 9 entries and costs 10: three fit in 30.
    const reader = new ObjectReader(workspace, 30);
    const read = vi.spyOn(reader, 'read');
    try {
      const reads = (): number => read.mock.calls.length;
      for (const t of [t1, t2, t3]) expect(await reader.tree(t)).toHaveLength(9);
      expect(reads()).toBe(3);
      // Concurrent requests for one tree share one read.
      await Promise.all([reader.tree(t1), reader.tree(t1), reader.tree(t3)]);
      expect(reads()).toBe(3);
      // t1 and t3 were used last: t4 pushes out t2, the least recently used.
      await reader.tree(t4);
      expect(reads()).toBe(4);
      for (const t of [t1, t3, t4]) await reader.tree(t);
      expect(reads()).toBe(4);
      await reader.tree(t2);
      expect(reads()).toBe(5);
      expect(read.mock.calls.at(-1)?.[0]).toBe(t2);

      // A tree above the limit is answered whole but not kept.
      const rulesTree = await origin.treeId(
        tip,
        'packages/security_detection_engine/8.11.2/kibana/security_rule',
      );
      expect(await reader.tree(rulesTree)).toHaveLength(RULES);
      expect(await reader.tree(rulesTree)).toHaveLength(RULES);
      expect(read.mock.calls.filter(([spec]) => spec === rulesTree)).toHaveLength(2);
    } finally {
      reader.close();
    }
  });

  it('keeps a tree read once for the whole run under the default limit', async () => {
    const reader = new ObjectReader(workspace);
    const read = vi.spyOn(reader, 'read');
    try {
      const rulesTree = await origin.treeId(
        tip,
        'packages/security_detection_engine/8.11.2/kibana/security_rule',
      );
      const probes = await Promise.all(
        [1, 2, 3, 4].map((v) => origin.treeId(tip, `packages/cache_probe/0.0.${v}`)),
      );
      for (let round = 0; round < 3; round++) for (const t of [rulesTree, ...probes]) await reader.tree(t);
      expect(read).toHaveBeenCalledTimes(5);
    } finally {
      reader.close();
    }
  });
});
