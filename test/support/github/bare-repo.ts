// Minimal helpers to put commits into a bare repository without a worktree (plumbing only, fast).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './git.js';

export async function initBareRepo(dir: string, defaultBranch = 'main'): Promise<void> {
  await git(tmpdir(), ['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, dir]);
  await git(dir, ['config', 'gc.auto', '0']);
  await git(dir, ['config', 'uploadpack.allowFilter', 'true']);
}

/**
 * Commits `files` (path -> content, `null` deletes) on top of `branch` (created from `from` or as a root commit)
 * and moves the branch. Returns the new commit SHA.
 */
export async function commitFiles(
  bare: string,
  branch: string,
  files: Record<string, string | null>,
  message = `update ${branch}`,
  from?: string,
): Promise<string> {
  const current = await git(bare, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
    allowFail: true,
  });
  const parent = current.code === 0 ? current.stdout.trim() : from;
  const scratch = await mkdtemp(join(tmpdir(), 'fake-gh-index-'));
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    if (parent) await git(bare, ['read-tree', parent], { env });
    for (const [path, content] of Object.entries(files)) {
      if (content === null) {
        await git(bare, ['update-index', '--force-remove', '--', path], { env });
        continue;
      }
      const blob = (await git(bare, ['hash-object', '-w', '--stdin'], { input: content })).stdout.trim();
      await git(bare, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { env });
    }
    const tree = (await git(bare, ['write-tree'], { env })).stdout.trim();
    const args = ['commit-tree', tree];
    if (parent) args.push('-p', parent);
    const commit = (await git(bare, args, { input: `${message}\n` })).stdout.trim();
    await git(bare, ['update-ref', `refs/heads/${branch}`, commit]);
    return commit;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export async function revParse(bare: string, rev: string): Promise<string> {
  return (await git(bare, ['rev-parse', '--verify', rev])).stdout.trim();
}

export async function refExists(bare: string, ref: string): Promise<boolean> {
  return (await git(bare, ['rev-parse', '--verify', '--quiet', ref], { allowFail: true })).code === 0;
}

/** Points `branch` at `rev` (creating it). */
export async function setBranch(bare: string, branch: string, rev: string): Promise<string> {
  const sha = await revParse(bare, rev);
  await git(bare, ['update-ref', `refs/heads/${branch}`, sha]);
  return sha;
}
