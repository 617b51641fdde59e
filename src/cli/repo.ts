// What every CLI command does first: open the local clone and read its policy (a given file, else the default
// branch's, else the built-in defaults).
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { emptyTreeId, isGitRepository } from '../git/git.js';
import { defaultBranch, resolveBranch } from '../git/local.js';
import { policyAtRevision, policyFromFile, type LoadedPolicy } from '../git/policy-file.js';

export async function loadLocalPolicy(repoDir: string, config: string | undefined): Promise<LoadedPolicy> {
  if (config) return policyFromFile(resolve(config));
  const branch = await defaultBranch(repoDir);
  const at = branch ? await resolveBranch(repoDir, branch) : undefined;
  if (!branch || !at) return policyAtRevision(repoDir, emptyTreeId, 'none');
  return policyAtRevision(repoDir, at.sha, branch);
}

export async function openLocalRepo(
  repo: string,
  config: string | undefined,
): Promise<LoadedPolicy & { repoDir: string }> {
  const repoDir = resolve(repo);
  if (!(await isGitRepository(repoDir))) throw new UsageError(`${repoDir} is not a git repository`);
  return { repoDir, ...(await loadLocalPolicy(repoDir, config)) };
}
