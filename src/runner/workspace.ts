// What every action does first: find the checkout, and read the policy from the default branch (trusted), never
// from the change being checked.
import * as core from '@actions/core';
import { isAbsolute, join } from 'node:path';
import { configPath } from '../core/config.js';
import { OperationError, UsageError } from '../core/errors.js';
import { isGitRepository } from '../git/git.js';
import { policyAtRevision, type LoadedPolicy } from '../git/policy-file.js';
import { fetchBranches } from '../git/remote.js';
import { defaultBranchOf, type RunContext } from './event.js';
import { safeLine } from './sanitize.js';

/** The repository actions/checkout made (input `repository-path`, relative to the workspace). */
export async function checkoutDir(
  ctx: RunContext,
  path: string = core.getInput('repository-path') || '.',
): Promise<string> {
  const repoDir = isAbsolute(path) ? path : join(ctx.workspace, path);
  if (!(await isGitRepository(repoDir)))
    throw new UsageError(`no git repository at ${repoDir}: run actions/checkout before this action`);
  return repoDir;
}

export interface DefaultBranchPolicy extends LoadedPolicy {
  defaultBranch: string;
  /** Tip of the default branch on origin (fetched, trees only). */
  defaultTip: string;
}

/** The policy file (input `config`) at the tip of the default branch. */
export async function defaultBranchPolicy(
  ctx: RunContext,
  repoDir: string,
  file: string = core.getInput('config') || configPath,
): Promise<DefaultBranchPolicy> {
  const defaultBranch = defaultBranchOf(ctx.payload);
  if (!defaultBranch)
    throw new UsageError('the event payload names no default branch (repository.default_branch)');
  const defaultTip = (await fetchBranches(repoDir, [defaultBranch], { treesOnly: true })).get(defaultBranch);
  if (!defaultTip) throw new OperationError(`the default branch ${defaultBranch} was not found on origin`);
  const loaded = await policyAtRevision(repoDir, defaultTip, defaultBranch, file);
  core.info(`policy: ${safeLine(loaded.source)}`);
  return { ...loaded, defaultBranch, defaultTip };
}
