// What every CLI command does first: open the local clone and read its policy (a given file, else the default
// branch's, else the built-in defaults).
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { emptyTreeId } from '../git/git.js';
import { branchTip, defaultBranchOf, readLocalRefs, type LocalRefs } from '../git/local.js';
import type { ObjectReader } from '../git/objects.js';
import { policyAtRevision, policyFromFile, type LoadedPolicy } from '../git/policy-file.js';

export async function loadLocalPolicy(
  repoDir: string,
  config: string | undefined,
  refs?: LocalRefs,
  objects?: ObjectReader,
): Promise<LoadedPolicy> {
  if (config) return policyFromFile(resolve(config));
  const known = refs ?? (await readLocalRefs(repoDir));
  const branch = known ? defaultBranchOf(known) : undefined;
  const at = known && branch ? branchTip(known, branch) : undefined;
  if (!branch || !at) return policyAtRevision(repoDir, emptyTreeId, 'none');
  return policyAtRevision(repoDir, at, branch, undefined, objects);
}

/**
 * The local clone, its refs (read once) and its policy. `objects`, when given, is the reader the policy is read
 * through, for a command that goes on reading through it.
 */
export async function openLocalRepo(
  repo: string,
  config: string | undefined,
  objects?: ObjectReader,
): Promise<LoadedPolicy & { repoDir: string; refs: LocalRefs }> {
  const repoDir = resolve(repo);
  const refs = await readLocalRefs(repoDir);
  if (!refs) throw new UsageError(`${repoDir} is not a git repository`);
  return { repoDir, refs, ...(await loadLocalPolicy(repoDir, config, refs, objects)) };
}
