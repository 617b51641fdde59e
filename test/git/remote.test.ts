// Fetching what a depth-1 actions/checkout workspace lacks: the branch tips from ls-remote, fetched by exact sha
// into refs/remotes/origin/<branch>, depth 1, and with treesOnly every tree but no blob (checked with
// `rev-list --missing=print` and a `cat-file -e` that is not allowed to fetch lazily).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../../src/core/errors.js';
import { fetch, fetchBranches, remoteBranchTips } from '../../src/git/remote.js';
import { cleanupTempDirs, git, gitLine } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

let origin: StorageOrigin;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [
        { name: 'nginx', version: '1.3.0', fileMode: '100755' },
        { name: 'endpoint', version: '7.17-dev1' },
      ],
      'production-7.9': [{ name: 'nginx', version: '0.9.0' }],
      staging: [{ name: 'nginx', version: '1.4.0-rc1' }],
      snapshot: [
        { name: 'nginx', version: '1.5.0-next', files: { 'img/logo.svg': { symlink: 'icon.svg' } } },
      ],
    },
  });
  // A second commit on production: depth 1 must not bring the first.
  await origin.commit('production', { add: [{ name: 'aws_logs', version: '0.3.1' }] });
});
afterAll(cleanupTempDirs);

const mainCheckout = (): Promise<string> =>
  checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' });

/** Distinct blob ids of a commit's tree, read in the origin. */
async function blobsOf(ref: string): Promise<Set<string>> {
  const out = await git(['--git-dir', origin.bare, 'ls-tree', '-r', '-z', ref]);
  return new Set(
    out
      .split('\0')
      .filter((r) => r.includes(' blob '))
      .map((r) => r.split(' ')[2]!.split('\t')[0]!),
  );
}

const missing = async (dir: string, ref: string): Promise<Set<string>> =>
  new Set(
    (await git(['rev-list', '--objects', '--missing=print', ref], { cwd: dir }))
      .split('\n')
      .filter((l) => l.startsWith('?'))
      .map((l) => l.slice(1)),
  );

/** `cat-file -e` with every transport forbidden: present locally or not, no lazy fetch from the promisor. */
const present = (dir: string, oid: string): Promise<boolean> =>
  git(['-c', 'protocol.allow=never', 'cat-file', '-e', oid], { cwd: dir }).then(
    () => true,
    () => false,
  );

describe('remoteBranchTips', () => {
  it('reads the tips of the branches asked for, leaving absent ones out', async () => {
    const workspace = await mainCheckout();
    expect(await remoteBranchTips(workspace, ['production', 'staging', 'no-such-branch'])).toEqual(
      new Map([
        ['production', await origin.rev('production')],
        ['staging', await origin.rev('staging')],
      ]),
    );
    // A branch whose name extends another's is not mistaken for it.
    expect([...(await remoteBranchTips(workspace, ['production'])).keys()]).toEqual(['production']);
    expect(await remoteBranchTips(workspace, [])).toEqual(new Map());
  });
});

describe('fetchBranches', () => {
  it('fetches the tips trees-only at depth 1 into a depth-1 clone: every tree, no blob', async () => {
    const workspace = await mainCheckout();
    const tips = await fetchBranches(workspace, ['production', 'snapshot', 'no-such-branch'], {
      treesOnly: true,
    });
    expect(tips).toEqual(
      new Map([
        ['production', await origin.rev('production')],
        ['snapshot', await origin.rev('snapshot')],
      ]),
    );
    for (const [branch, sha] of tips) {
      expect(await gitLine(['rev-parse', `refs/remotes/origin/${branch}`], { cwd: workspace })).toBe(sha);
      // Depth 1: the tip without its parents.
      expect(await gitLine(['rev-list', '--count', sha], { cwd: workspace })).toBe('1');
    }
    expect(await gitLine(['rev-parse', '--is-shallow-repository'], { cwd: workspace })).toBe('true');

    const production = tips.get('production')!;
    const version = await origin.treeId(production, 'packages/nginx/1.3.0');
    expect(await present(workspace, version)).toBe(true);
    expect(await gitLine(['ls-tree', '-r', '--name-only', version], { cwd: workspace })).toContain(
      'manifest.yml',
    );

    // Exactly the blobs main (checked out) does not share are missing, and stay missing.
    const mainBlobs = await blobsOf('main');
    for (const branch of ['production', 'snapshot']) {
      const expected = [...(await blobsOf(branch))].filter((b) => !mainBlobs.has(b)).sort();
      expect(expected.length).toBeGreaterThan(5);
      expect(await present(workspace, expected[0]!)).toBe(false);
      expect([...(await missing(workspace, `refs/remotes/origin/${branch}`))].sort()).toEqual(expected);
    }
    const manifest = await gitLine([
      '--git-dir',
      origin.bare,
      'rev-parse',
      `${production}:packages/nginx/1.3.0/manifest.yml`,
    ]);
    expect(await present(workspace, manifest)).toBe(false);
  });

  it('fetches blobs too without treesOnly, and no history beyond the tip', async () => {
    const workspace = await mainCheckout();
    const tips = await fetchBranches(workspace, ['staging']);
    const staging = tips.get('staging')!;
    expect(staging).toBe(await origin.rev('staging'));
    expect(await missing(workspace, staging)).toEqual(new Set());
    for (const blob of await blobsOf('staging')) expect(await present(workspace, blob)).toBe(true);
    expect(await gitLine(['rev-list', '--count', staging], { cwd: workspace })).toBe('1');
  });

  it('fails as an operation error naming what it could not fetch', async () => {
    const workspace = await mainCheckout();
    await expect(fetch(workspace, [])).resolves.toBeUndefined();
    await expect(
      fetch(workspace, ['+refs/heads/no-such-branch:refs/remotes/origin/x'], { depth: 1 }),
    ).rejects.toThrow(/could not fetch \+refs\/heads\/no-such-branch:refs\/remotes\/origin\/x from origin/);
    await expect(fetch(workspace, ['main'], { remote: `${origin.bare}-gone` })).rejects.toThrow(
      OperationError,
    );
  });
});
