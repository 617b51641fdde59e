// Writing without a working tree, in the workspace promote works in (main checked out like actions/checkout, the
// channels fetched trees-only): editTree reuses the source's version tree object, deletes without leaving empty
// trees and keeps untouched siblings byte for byte; commitTree is deterministic; pushWithLease refuses a stale lease.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../../src/core/errors.js';
import { emptyTreeId } from '../../src/git/git.js';
import { ObjectReader } from '../../src/git/objects.js';
import { fetchBranches } from '../../src/git/remote.js';
import {
  commitTime,
  commitTree,
  editTree,
  pushWithLease,
  treeOfCommit,
  type TreeEdit,
} from '../../src/git/write.js';
import { cleanupTempDirs, git, gitBuffer, gitLine } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

const latin1Dir = Buffer.concat([Buffer.from('packages/caf'), Buffer.from([0xe9])]);
const bot = { name: 'package-storage-bot', email: 'bot@example.com' };
const DATE = 1_700_000_000;

let origin: StorageOrigin;
let workspace: string;
let objects: ObjectReader;
let tips: Map<string, string>;

const tip = (branch: string): string => tips.get(branch) ?? '';
const rev = (spec: string): Promise<string> => gitLine(['rev-parse', '--verify', spec], { cwd: workspace });

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [
        { name: 'nginx', version: '1.3.0' },
        { name: 'aws_logs', version: '0.3.1', fileMode: '100755' },
      ],
      snapshot: [
        { name: 'nginx', version: '1.3.0' },
        {
          name: 'nginx',
          version: '1.4.0',
          fileMode: '100755',
          files: { 'img/logo.svg': { symlink: 'icon.svg' } },
        },
        { name: 'endpoint', version: '7.17-dev1' },
      ],
    },
  });
  // Siblings a rebuilt packages tree must keep exactly: a non-UTF-8 directory name and a symlink.
  await origin.commit('production', {
    files: { 'packages/latest': { symlink: 'nginx' } },
    rawFiles: [
      { path: Buffer.concat([latin1Dir, Buffer.from('/1.0.0/manifest.yml')]), content: 'name: cafe\n' },
    ],
  });
  workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' });
  tips = await fetchBranches(workspace, ['production', 'snapshot'], { treesOnly: true });
  objects = new ObjectReader(workspace);
});
afterAll(async () => {
  objects.close();
  await cleanupTempDirs();
});

/** `ls-tree -z` rows of a tree in the workspace, raw names in hex. */
async function entries(tree: string): Promise<string[]> {
  const out = await gitBuffer(['ls-tree', '-z', tree], { cwd: workspace });
  const rows: string[] = [];
  for (let start = 0, end = out.indexOf(0); end >= 0; start = end + 1, end = out.indexOf(0, start)) {
    const record = out.subarray(start, end);
    const tab = record.indexOf(9);
    rows.push(`${record.subarray(0, tab).toString('latin1')} ${record.subarray(tab + 1).toString('hex')}`);
  }
  return rows;
}

const missingBlobs = async (): Promise<number> =>
  (await git(['rev-list', '--objects', '--all', '--missing=print'], { cwd: workspace }))
    .split('\n')
    .filter((l) => l.startsWith('?')).length;

describe('editTree', () => {
  it('copies a version as the source tree object itself, changing only the trees above it', async () => {
    const source = await rev(`${tip('snapshot')}:packages/nginx/1.4.0`);
    const base = await treeOfCommit(workspace, tip('production'));
    const missing = await missingBlobs();
    expect(missing).toBeGreaterThan(0);

    const tree = await editTree(
      workspace,
      objects,
      base,
      new Map([['packages/nginx/1.4.0', { mode: '040000', oid: source }]]),
    );
    expect(await rev(`${tree}:packages/nginx/1.4.0`)).toBe(source);
    expect(await rev(`${tree}:packages/nginx/1.3.0`)).toBe(await rev(`${base}:packages/nginx/1.3.0`));
    // What changed is exactly the copied version's files.
    const diff = (await git(['diff-tree', '-r', '--name-status', base, tree], { cwd: workspace }))
      .trim()
      .split('\n');
    const copied = (await git(['ls-tree', '-r', '--name-only', source], { cwd: workspace }))
      .trim()
      .split('\n');
    expect(diff).toEqual(copied.map((p) => `A\tpackages/nginx/1.4.0/${p}`));
    // The rebuilt root and packages trees keep every untouched entry: modes, symlinks and raw name bytes.
    const [before, after] = await Promise.all([entries(`${base}:packages`), entries(`${tree}:packages`)]);
    const nginx = (rows: string[]): string[] =>
      rows.filter((r) => r.endsWith(Buffer.from('nginx').toString('hex')));
    expect(after.filter((r) => !nginx(after).includes(r))).toEqual(
      before.filter((r) => !nginx(before).includes(r)),
    );
    expect(after).toContainEqual(
      expect.stringMatching(
        new RegExp(`^040000 tree [0-9a-f]{40} ${latin1Dir.subarray(9).toString('hex')}$`),
      ),
    );
    expect(after).toContainEqual(expect.stringMatching(/^120000 blob [0-9a-f]{40} 6c6174657374$/));
    const rootDiff = (await git(['diff-tree', '--name-only', base, tree], { cwd: workspace })).trim();
    expect(rootDiff).toBe('packages');
    // mktree --missing: no blob was fetched into the blobless workspace.
    expect(await missingBlobs()).toBe(missing);
  });

  it('deletes versions, drops directories left empty and never changes a tree it does not edit', async () => {
    const base = await treeOfCommit(workspace, tip('production'));
    const withoutNginx = await editTree(workspace, objects, base, new Map([['packages/nginx/1.3.0', null]]));
    await expect(rev(`${withoutNginx}:packages/nginx`)).rejects.toThrow();
    expect(await rev(`${withoutNginx}:packages/aws_logs`)).toBe(await rev(`${base}:packages/aws_logs`));

    // Unchanged input, unchanged id: no edits, or deleting what is not there.
    expect(await editTree(workspace, objects, base, new Map())).toBe(base);
    expect(await editTree(workspace, objects, base, new Map([['packages/nope/1.0.0', null]]))).toBe(base);

    const main = await treeOfCommit(workspace, 'HEAD');
    const everything = new Map<string, TreeEdit>(
      (await git(['ls-tree', '--name-only', main], { cwd: workspace }))
        .trim()
        .split('\n')
        .map((name) => [name, null]),
    );
    expect(await editTree(workspace, objects, main, everything)).toBe(emptyTreeId);

    for (const bad of ['', 'packages//nginx', 'packages/../main', './packages'])
      await expect(editTree(workspace, objects, base, new Map([[bad, null]])), bad).rejects.toThrow(
        OperationError,
      );
  });

  it('applies edits below an edited path on top of the new object, and builds trees from nothing', async () => {
    const source = await rev(`${tip('snapshot')}:packages/nginx/1.4.0`);
    const notice = await gitLine(['hash-object', '-w', '--stdin'], { cwd: workspace, input: 'NOTICE\n' });
    const edits = new Map<string, TreeEdit>([
      ['packages/nginx/1.4.0', { mode: '040000', oid: source }],
      ['packages/nginx/1.4.0/NOTICE.txt', { mode: '100644', oid: notice }],
      ['packages/nginx/1.4.0/img/logo.svg', null],
    ]);
    const tree = await editTree(workspace, objects, undefined, edits);
    const listed = await git(['ls-tree', '-r', '--name-only', tree], { cwd: workspace });
    const sourceFiles = (await git(['ls-tree', '-r', '--name-only', source], { cwd: workspace }))
      .trim()
      .split('\n');
    expect(listed.trim().split('\n').sort()).toEqual(
      [...sourceFiles.filter((p) => p !== 'img/logo.svg'), 'NOTICE.txt']
        .map((p) => `packages/nginx/1.4.0/${p}`)
        .sort(),
    );
    expect(await rev(`${tree}:packages/nginx/1.4.0/docs`)).toBe(await rev(`${source}:docs`));
  });
});

describe('commitTree', () => {
  it('gives the same commit for the same inputs, with the identity and date it was given', async () => {
    const tree = await treeOfCommit(workspace, tip('production'));
    const input = {
      tree,
      parents: [tip('production')],
      message: '[production] Promote nginx 1.4.0',
      author: bot,
      date: DATE,
    };
    const first = await commitTree(workspace, input);
    expect(await commitTree(workspace, { ...input })).toBe(first);
    expect(await commitTree(workspace, { ...input, message: `${input.message}\n` })).toBe(first);
    expect(await commitTree(workspace, { ...input, date: DATE + 1 })).not.toBe(first);
    expect(await commitTree(workspace, { ...input, parents: [] })).not.toBe(first);

    expect(await git(['cat-file', 'commit', first], { cwd: workspace })).toBe(
      [
        `tree ${tree}`,
        `parent ${tip('production')}`,
        `author package-storage-bot <bot@example.com> ${DATE} +0000`,
        `committer package-storage-bot <bot@example.com> ${DATE} +0000`,
        '',
        '[production] Promote nginx 1.4.0',
        '',
      ].join('\n'),
    );
    expect(await commitTime(workspace, first)).toBe(DATE);
    expect(await treeOfCommit(workspace, first)).toBe(tree);
  });
});

describe('pushWithLease', () => {
  it('pushes while the lease holds and reports stale once another writer moved the branch', async () => {
    const base = tip('production');
    const source = await rev(`${tip('snapshot')}:packages/nginx/1.4.0`);
    const tree = await editTree(
      workspace,
      objects,
      await treeOfCommit(workspace, base),
      new Map([['packages/nginx/1.4.0', { mode: '040000', oid: source }]]),
    );
    const ours = await commitTree(workspace, {
      tree,
      parents: [base],
      message: 'promote',
      author: bot,
      date: DATE,
    });
    expect(await pushWithLease(workspace, { commit: ours, branch: 'production', expected: base })).toEqual({
      status: 'pushed',
    });
    expect(await origin.rev('production')).toBe(ours);
    expect((await origin.listVersions('production')).find((v) => v.version === '1.4.0')?.tree).toBe(source);

    // Another writer lands first: a push still expecting our commit is refused and theirs stays.
    const theirs = await origin.commit('production', { files: { 'packages/README.md': 'theirs\n' } });
    const again = await commitTree(workspace, {
      tree,
      parents: [base],
      message: 'again',
      author: bot,
      date: DATE,
    });
    const stale = await pushWithLease(workspace, { commit: again, branch: 'production', expected: ours });
    expect(stale.status).toBe('stale');
    expect(stale.status === 'stale' && stale.message).toMatch(/production/);
    expect(await origin.rev('production')).toBe(theirs);

    // expected undefined: the branch must not exist yet.
    expect(
      await pushWithLease(workspace, { commit: ours, branch: 'promote-preview', expected: undefined }),
    ).toEqual({
      status: 'pushed',
    });
    expect(await origin.rev('promote-preview')).toBe(ours);
    expect(
      (await pushWithLease(workspace, { commit: again, branch: 'promote-preview', expected: undefined }))
        .status,
    ).toBe('stale');
    expect(await origin.rev('promote-preview')).toBe(ours);
  });

  it('fails, rather than reporting stale, when the push is refused for another reason', async () => {
    const hook = join(origin.bare, 'hooks', 'pre-receive');
    await writeFile(
      hook,
      '#!/bin/sh\nwhile read old new ref; do [ "$ref" = refs/heads/frozen ] && { echo "frozen branch" >&2; exit 1; }; done\nexit 0\n',
      { mode: 0o755 },
    );
    const commit = tip('production');
    await expect(pushWithLease(workspace, { commit, branch: 'frozen', expected: undefined })).rejects.toThrow(
      /git push of frozen failed: .*pre-receive hook declined/,
    );
    await expect(origin.rev('frozen')).rejects.toThrow();
    await expect(
      pushWithLease(workspace, {
        commit,
        branch: 'production',
        expected: commit,
        remote: `${origin.bare}-gone`,
      }),
    ).rejects.toThrow(OperationError);
  });
});
