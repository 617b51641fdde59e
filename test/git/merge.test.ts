// mergeTrees: what merging a head into a channel would produce, in a clone with history (fetch-depth 0) and in
// the depth-1 clone actions/checkout makes by default. A fast-forward is the head itself, a clean merge the tree
// git merge-tree writes, a conflict the list of conflicting files (non-UTF-8 names decoded), no history a usage error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { descendsWithin, mergeTrees } from '../../src/git/merge.js';
import { ObjectReader } from '../../src/git/objects.js';
import { fetchBranches } from '../../src/git/remote.js';
import { cleanupTempDirs, git, gitLine } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

const latin1Path = Buffer.concat([
  Buffer.from('packages/nginx/1.3.0/kibana/caf'),
  Buffer.from([0xe9]),
  Buffer.from('.json'),
]);

let origin: StorageOrigin;
let full: string;
let old: string;
let production: string;
let ff: string;
let clean: string;
let conflicting: string;
let orphan: string;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [
        { name: 'nginx', version: '1.3.0', fileMode: '100755' },
        { name: 'aws_logs', version: '0.3.1' },
      ],
    },
  });
  old = await origin.rev('production');
  for (const b of ['ff', 'clean', 'conflicting']) await origin.branch(b, 'production');
  ff = await origin.commit('ff', { add: [{ name: 'nginx', version: '1.4.0' }] });
  clean = await origin.commit('clean', { add: [{ name: 'nginx', version: '1.4.0', seed: 2 }] });
  conflicting = await origin.commit('conflicting', {
    files: { 'packages/nginx/1.3.0/docs/README.md': '# nginx, rewritten by the PR\n' },
    rawFiles: [{ path: latin1Path, content: '{"from":"pr"}\n' }],
  });
  // The channel moves on after the PRs branched.
  production = await origin.commit('production', {
    add: [{ name: 'endpoint', version: '7.17-dev1' }],
    files: { 'packages/nginx/1.3.0/docs/README.md': '# nginx, rewritten on production\n' },
    rawFiles: [{ path: latin1Path, content: '{"from":"production"}\n' }],
  });
  orphan = await origin.commit('orphan', { add: [{ name: 'nginx', version: '9.0.0' }], lease: null });
  full = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main', fetchDepth: 0 });
});
afterAll(cleanupTempDirs);

const rev = (dir: string, spec: string): Promise<string> =>
  gitLine(['rev-parse', '--verify', spec], { cwd: dir });

describe('mergeTrees', () => {
  it('is the head itself for a fast-forward', async () => {
    expect(await mergeTrees(full, old, ff)).toEqual({ kind: 'merged', tree: ff });
    expect(await mergeTrees(full, ff, ff)).toEqual({ kind: 'merged', tree: ff });
  });

  it('is the tree git merge-tree writes when both sides changed different versions', async () => {
    const outcome = await mergeTrees(full, production, clean);
    const expected = (await git(['merge-tree', '--write-tree', production, clean], { cwd: full })).split(
      '\n',
    )[0];
    expect(outcome).toEqual({ kind: 'merged', tree: expected });
    const tree = outcome.kind === 'merged' ? outcome.tree : '';
    // Both sides' versions are there, each as its side's tree object.
    expect(await rev(full, `${tree}:packages/nginx/1.4.0`)).toBe(
      await rev(full, `${clean}:packages/nginx/1.4.0`),
    );
    expect(await rev(full, `${tree}:packages/endpoint/7.17-dev1`)).toBe(
      await rev(full, `${production}:packages/endpoint/7.17-dev1`),
    );
    expect(await rev(full, `${tree}:packages/nginx/1.3.0`)).toBe(
      await rev(full, `${production}:packages/nginx/1.3.0`),
    );
  });

  it('lists the conflicting files, non-UTF-8 names decoded, instead of failing', async () => {
    expect(await mergeTrees(full, production, conflicting)).toEqual({
      kind: 'conflict',
      files: ['packages/nginx/1.3.0/docs/README.md', 'packages/nginx/1.3.0/kibana/caf\ufffd.json'],
    });
    // The other way round is the same conflict.
    expect(await mergeTrees(full, conflicting, production)).toMatchObject({ kind: 'conflict' });
  });

  it('is a usage error without a merge base: unrelated histories or a depth-1 clone', async () => {
    await expect(mergeTrees(full, production, orphan)).rejects.toThrow(UsageError);
    const shallow = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/clean' });
    await fetchBranches(shallow, ['production'], { treesOnly: true });
    await expect(mergeTrees(shallow, production, clean)).rejects.toThrow(
      /share no history here \(a shallow clone\?\)/,
    );
    // The merge itself needs no history when it is a fast-forward.
    expect(await mergeTrees(shallow, clean, clean)).toEqual({ kind: 'merged', tree: clean });
  });
});

describe('descendsWithin: a fast-forward recognised from the commits read through the batch reader', () => {
  it('finds the base among the nearest ancestors, through merges, and says false past its limit', async () => {
    const objects = new ObjectReader(full);
    try {
      expect(await descendsWithin(objects, old, ff)).toBe(true);
      expect(await descendsWithin(objects, ff, ff)).toBe(true);
      expect(await descendsWithin(objects, 'origin/production', 'origin/production')).toBe(true);
      // Diverged: not an ancestor either way.
      expect(await descendsWithin(objects, production, clean)).toBe(false);
      expect(await descendsWithin(objects, clean, production)).toBe(false);
      // Three commits back, but only two may be read.
      const c1 = await origin.commit('ff', { add: [{ name: 'nginx', version: '1.5.0' }] });
      const c2 = await origin.commit('ff', { add: [{ name: 'nginx', version: '1.6.0' }] });
      await git(['fetch', '-q', 'origin', '+refs/heads/ff:refs/remotes/origin/ff'], { cwd: full });
      expect(await descendsWithin(objects, old, c2, 2)).toBe(false);
      expect(await descendsWithin(objects, old, c2, 3)).toBe(true);
      expect(await descendsWithin(objects, c1, c2, 1)).toBe(true);
      // And mergeTrees agrees with git either way.
      expect(await mergeTrees(full, old, c2, objects)).toEqual({ kind: 'merged', tree: c2 });
      expect(await mergeTrees(full, production, conflicting, objects)).toMatchObject({ kind: 'conflict' });
      // Names that are no commit: not found, and mergeTrees leaves them to git.
      expect(await descendsWithin(objects, 'no-such-branch', ff)).toBe(false);
    } finally {
      objects.close();
    }
  });

  it('reaches the base through the second parent of a merge commit', async () => {
    const side = await origin.commit('clean', { add: [{ name: 'aws_logs', version: '0.4.0' }] });
    // A merge commit of ff and clean, made with git itself in the bare origin.
    const tree = await gitLine(['--git-dir', origin.bare, 'rev-parse', 'ff^{tree}']);
    const ffTip = await gitLine(['--git-dir', origin.bare, 'rev-parse', 'ff']);
    const commit = await gitLine(
      ['--git-dir', origin.bare, 'commit-tree', tree, '-p', ffTip, '-p', side, '-m', 'Merge clean'],
      {
        env: {
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t',
        },
      },
    );
    const objects = new ObjectReader(origin.bare);
    try {
      expect(await descendsWithin(objects, side, commit)).toBe(true);
      expect(await descendsWithin(objects, clean, commit)).toBe(true);
      expect(await descendsWithin(objects, production, commit)).toBe(false);
    } finally {
      objects.close();
    }
  });
});
