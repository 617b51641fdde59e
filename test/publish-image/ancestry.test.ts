// Forward-only channel tags: ancestry decided by git, never by dates, also in a depth-1 clone like the one
// actions/checkout makes (the commit graph is fetched without trees or blobs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ancestry } from '../../src/publish-image/ancestry.js';
import { fetchBranches } from '../../src/git/remote.js';
import { cleanupTempDirs, git } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

let origin: StorageOrigin;
let first: string;
let future: string;
let present: string;
let side: string;

/** A commit on top of `parent` with the given committer date (Unix seconds), moving `branch` to it. */
async function commitAt(branch: string, parent: string, date: number, text: string): Promise<string> {
  const env = { GIT_AUTHOR_DATE: `@${date} +0000`, GIT_COMMITTER_DATE: `@${date} +0000` };
  const treeOf = (await git(['--git-dir', origin.bare, 'rev-parse', `${parent}^{tree}`])).trim();
  const blob = (
    await git(['--git-dir', origin.bare, 'hash-object', '-w', '--stdin'], { input: text })
  ).trim();
  const tree = (
    await git(['--git-dir', origin.bare, 'mktree'], {
      input: `${(await git(['--git-dir', origin.bare, 'ls-tree', treeOf])).trim()}\n100644 blob ${blob}\tnote-${date}.txt\n`,
    })
  ).trim();
  const commit = (
    await git(['--git-dir', origin.bare, 'commit-tree', tree, '-p', parent, '-m', text], { env })
  ).trim();
  await git(['--git-dir', origin.bare, 'update-ref', `refs/heads/${branch}`, commit]);
  return commit;
}

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: { production: [{ name: 'nginx', version: '1.0.0', seed: 1 }] },
  });
  first = await origin.rev('production');
  future = await commitAt('production', first, 4_102_444_800, 'dated 2100');
  present = await commitAt('production', future, 1_700_000_000, 'dated 2023, after the 2100 one');
  side = await commitAt('side', first, 1_700_000_500, 'a sibling, not on production');
});
afterAll(cleanupTempDirs);

describe('Ancestry', () => {
  it('follows the graph: a commit dated before its parent still descends from it; a sibling does not', async () => {
    const clone = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main', fetchDepth: 0 });
    const a = new Ancestry(clone);
    expect(await a.isForward({ production: future }, { production: present })).toEqual({ forward: true });
    expect(await a.isForward({ production: first }, { production: present })).toEqual({ forward: true });
    expect(await a.isForward({ production: present }, { production: present })).toEqual({ forward: true });
    expect(await a.isForward({ production: present }, { production: future })).toEqual({
      forward: false,
      reason: `production ${future.slice(0, 12)} does not descend from ${present.slice(0, 12)}`,
    });
    expect((await a.isForward({ production: future }, { production: side })).forward).toBe(false);
    // A channel the new image no longer serves says nothing; an unknown commit is not an ancestor.
    expect(await a.isForward({ staging: side, production: future }, { production: present })).toEqual({
      forward: true,
    });
    expect(await a.isAncestor('f'.repeat(40), present)).toBe(false);
    expect(await a.isAncestor('not-a-sha', present)).toBe(false);
  });

  it('in a depth-1 clone with trees-only branch fetches, fetches the commit graph once to decide', async () => {
    const clone = await checkoutLikeActions({
      origin: origin.bare,
      ref: 'refs/heads/production',
      sha: present,
    });
    await fetchBranches(clone, ['production', 'side'], { treesOnly: true });
    expect((await git(['-C', clone, 'rev-parse', '--is-shallow-repository'])).trim()).toBe('true');
    const lines: string[] = [];
    const a = new Ancestry(clone, (l) => lines.push(l));
    expect(await a.isAncestor(first, present)).toBe(true);
    expect(await a.isAncestor(future, present)).toBe(true);
    expect(await a.isAncestor(present, side)).toBe(false);
    expect(lines).toEqual(['fetching the commit history from origin to check ancestry (shallow clone)']);
    expect((await git(['-C', clone, 'rev-parse', '--is-shallow-repository'])).trim()).toBe('false');
  });
});
