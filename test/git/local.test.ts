// The CLI's view of a local clone, no fetching: local branches before remote-tracking ones, the default branch
// from origin/HEAD or main, ancestry; and the git.ts helpers they stand on (revParse, isGitRepository, GitError).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../../src/core/errors.js';
import { branchOfRef, gitRaw, GitError, isGitRepository, revParse } from '../../src/git/git.js';
import {
  defaultBranch,
  isAncestor,
  localBranchTips,
  readLocalRefs,
  resolveBranch,
} from '../../src/git/local.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

let origin: StorageOrigin;
let workspace: string;
let checkedOut: string;
let moved: string;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.3.0' }],
      snapshot: [{ name: 'nginx', version: '1.4.0' }],
    },
  });
  checkedOut = await origin.rev('production');
  // A clone with history, checked out at production; then production moves on the origin and is fetched.
  workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/production', fetchDepth: 0 });
  moved = await origin.commit('production', { add: [{ name: 'nginx', version: '1.3.1' }] });
  // A plain fetch: fetchBranches would make the new tip a shallow boundary (it always fetches at a depth).
  await git(['fetch', '--quiet', 'origin'], { cwd: workspace });
});
afterAll(cleanupTempDirs);

describe('local branches', () => {
  it('prefers the local branch, then the remote-tracking one, in one lookup for many', async () => {
    expect(await resolveBranch(workspace, 'production')).toEqual({
      ref: 'refs/heads/production',
      sha: checkedOut,
    });
    expect(await resolveBranch(workspace, 'snapshot')).toEqual({
      ref: 'refs/remotes/origin/snapshot',
      sha: await origin.rev('snapshot'),
    });
    expect(await resolveBranch(workspace, 'staging')).toBeUndefined();
    expect(await localBranchTips(workspace, ['production', 'snapshot', 'staging'])).toEqual(
      new Map([
        ['production', checkedOut],
        ['snapshot', await origin.rev('snapshot')],
        ['staging', undefined],
      ]),
    );
  });

  it('finds the default branch from origin/HEAD, else main', async () => {
    // actions/checkout sets no origin/HEAD; fetch-depth 0 brought origin/main.
    expect(await defaultBranch(workspace)).toBe('main');
    const shallow = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/snapshot' });
    expect(await defaultBranch(shallow)).toBeUndefined();
    await git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/snapshot'], { cwd: shallow });
    expect(await defaultBranch(shallow)).toBe('snapshot');
    // One listing answers all of it: the branch tips and what origin/HEAD names.
    const refs = await readLocalRefs(shallow);
    expect(refs?.originHead).toBe('snapshot');
    expect(refs?.commits.get('refs/remotes/origin/snapshot')).toBe(await origin.rev('snapshot'));
    expect(await readLocalRefs(await tempDir('not-a-repository'))).toBeUndefined();
    expect(await defaultBranch(await tempDir('not-a-repository'))).toBeUndefined();
  });

  it('decides ancestry from the graph; an unknown commit is no ancestor', async () => {
    expect(await isAncestor(workspace, checkedOut, moved)).toBe(true);
    expect(await isAncestor(workspace, moved, checkedOut)).toBe(false);
    expect(await isAncestor(workspace, await origin.rev('snapshot'), moved)).toBe(false);
    expect(await isAncestor(workspace, 'f'.repeat(40), moved)).toBe(false);
  });
});

describe('git helpers', () => {
  it('resolves commits only, and never reads a revision as an option', async () => {
    expect(await revParse(workspace, 'refs/remotes/origin/production')).toBe(moved);
    expect(await revParse(workspace, `${moved}^`)).toBe(checkedOut);
    expect(await revParse(workspace, 'no-such-branch')).toBeUndefined();
    expect(await revParse(workspace, '--all')).toBeUndefined();
    expect(await isGitRepository(workspace)).toBe(true);
    expect(await isGitRepository(await tempDir('not-a-repository'))).toBe(false);
    expect(branchOfRef('refs/heads/production-7.9')).toBe('production-7.9');
    expect(branchOfRef('refs/pull/1/merge')).toBeUndefined();
  });

  it('fails as a GitError (an operation error) naming the command and git message', async () => {
    const error = await gitRaw(['cat-file', '-t', 'no-such-object'], { cwd: workspace }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitError);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toMatch(
      /^git cat-file -t failed \(exit 128\): fatal: Not a valid object name/,
    );
    expect(
      (await gitRaw(['merge-base', '--is-ancestor', moved, checkedOut], { cwd: workspace, okCodes: [1] }))
        .code,
    ).toBe(1);
  });
});
