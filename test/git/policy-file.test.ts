// The policy is read from one revision's objects only: in a workspace checked out at a PR that rewrites the policy
// file, with the default branch fetched trees-only (as src/runner/workspace.ts does), the default branch's policy
// is the one loaded; a revision without the file gives the built-in defaults and says so.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configPath } from '../../src/core/config.js';
import { ConfigError, UsageError } from '../../src/core/errors.js';
import { defaultPolicy } from '../../src/core/policy.js';
import { policyAtRevision, policyFromFile } from '../../src/git/policy-file.js';
import { fetchBranches } from '../../src/git/remote.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

const policy = (files: number): string => `packages-root: packages\nlimits:\n  files-per-version: ${files}\n`;

let workspace: string;
let tips: Map<string, string>;
let pr: string;

beforeAll(async () => {
  const origin = await StorageOrigin.create({
    branches: { production: [{ name: 'nginx', version: '1.3.0' }] },
  });
  // Production branched before the policy file existed.
  await origin.commit('main', { files: { [configPath]: policy(5000) } });
  await origin.branch('pr', 'main');
  pr = await origin.commit('pr', { files: { [configPath]: policy(100_000) } });
  await origin.branch('broken', 'main');
  await origin.commit('broken', { files: { [configPath]: 'limits:\n  files-per-version: many\n' } });
  workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/pr' });
  tips = await fetchBranches(workspace, ['main', 'production', 'broken'], { treesOnly: true });
});
afterAll(cleanupTempDirs);

const tip = (branch: string): string => tips.get(branch) ?? '';

describe('policyAtRevision', () => {
  it("loads the given revision's policy, not the PR's in the working tree", async () => {
    // The checked-out file is the PR's.
    expect(await readFile(join(workspace, configPath), 'utf8')).toBe(policy(100_000));
    const loaded = await policyAtRevision(workspace, tip('main'), 'main');
    expect(loaded.source).toBe('main:.github/package-storage.yml');
    expect(loaded.policy.limits.filesPerVersion).toBe(5000);
    expect(loaded.policy).toEqual({
      ...defaultPolicy(),
      limits: { ...defaultPolicy().limits, filesPerVersion: 5000 },
    });
    // The PR's own revision does hold the other policy: what is read depends on the revision alone.
    expect((await policyAtRevision(workspace, pr, 'pr')).policy.limits.filesPerVersion).toBe(100_000);
  });

  it('gives the built-in defaults, naming the revision, where the file does not exist', async () => {
    expect(await policyAtRevision(workspace, tip('production'), 'production')).toEqual({
      policy: defaultPolicy(),
      source: 'built-in defaults (no .github/package-storage.yml on production)',
    });
    expect(await policyAtRevision(workspace, tip('main'), 'main', 'policy/elsewhere.yml')).toEqual({
      policy: defaultPolicy(),
      source: 'built-in defaults (no policy/elsewhere.yml on main)',
    });
  });

  it('reports an invalid policy with the revision and path it came from', async () => {
    const error = await policyAtRevision(workspace, tip('broken'), 'broken').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^broken:\.github\/package-storage\.yml: .*files-per-version/);
  });
});

describe('policyFromFile', () => {
  it('reads a file the user names, and names it when it cannot', async () => {
    const file = join(await tempDir('policy-file'), 'policy.yml');
    await writeFile(file, policy(42));
    const loaded = await policyFromFile(file);
    expect(loaded.source).toBe(file);
    expect(loaded.policy.limits.filesPerVersion).toBe(42);
    const missing = `${file}.missing`;
    await expect(policyFromFile(missing)).rejects.toThrow(UsageError);
    await expect(policyFromFile(missing)).rejects.toThrow(`cannot read the policy file ${missing}: ENOENT`);
  });
});
