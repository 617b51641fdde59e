// The promote action's inputs, read and checked once, before anything is fetched or written: a wrong value is a
// usage error (exit 2) that names the input.
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import { parseSpecs, splitSpecs, type PackageSpec } from '../core/selection.js';
import type { Identity } from '../git/write.js';
import { mergeMethods, type MergeMethod } from '../github/auto-merge.js';
import { booleanInput, listInput, oneOfInput } from '../runner/inputs.js';
import { safeLine } from '../runner/sanitize.js';
import { parseIdentity } from './engine.js';

export interface PromoteInputs {
  mode: 'auto' | 'promote' | 'cleanup';
  from: string;
  to: string;
  specs: PackageSpec[];
  channels: string[];
  token: string;
  dryRun: boolean;
  labels: string[];
  draft: boolean;
  identity: Identity;
  reviewers: string[];
  teamReviewers: string[];
  assignees: string[];
  /** Arm GitHub's auto-merge with this method on the PR promote opens or updates; undefined = off. */
  autoMerge: MergeMethod | undefined;
  /** Create commits through the GitHub API so that GitHub signs them. */
  signCommits: boolean;
}

const userLogin = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?$/;
const teamName = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/)?[A-Za-z0-9_.-]+$/;

/** Logins (or `org/team` slugs) as GitHub spells them: a leading `@` is allowed and dropped. */
function logins(name: string, pattern: RegExp, what: string): string[] {
  return listInput(name).map((l) => {
    const login = l.replace(/^@/, '');
    if (!pattern.test(login))
      throw new UsageError(`input \`${name}\`: ${JSON.stringify(safeLine(l))} is not a ${what}`);
    return login;
  });
}

export function readInputs(): PromoteInputs {
  const token = core.getInput('github-token');
  const packages = splitSpecs(core.getInput('packages'));
  if (token) core.setSecret(token);
  const inputs: PromoteInputs = {
    mode: oneOfInput('mode', ['auto', 'promote', 'cleanup'] as const, 'auto'),
    from: core.getInput('from'),
    to: core.getInput('to'),
    // Checked here when given; an empty selection is refused only where one is needed (promote).
    specs: packages.length > 0 ? parseSpecs(packages) : [],
    channels: listInput('channel'),
    token,
    dryRun: booleanInput('dry-run'),
    labels: listInput('labels'),
    draft: booleanInput('draft'),
    identity: parseIdentity(core.getInput('author') || undefined),
    reviewers: logins('reviewers', userLogin, 'GitHub login'),
    teamReviewers: logins('team-reviewers', teamName, 'team slug (`team` or `org/team`)'),
    assignees: logins('assignees', userLogin, 'GitHub login'),
    autoMerge: oneOfInput('auto-merge', mergeMethods),
    signCommits: booleanInput('sign-commits'),
  };
  if (inputs.autoMerge && inputs.draft)
    throw new UsageError(
      'inputs `auto-merge` and `draft` exclude each other: GitHub does not auto-merge drafts',
    );
  return inputs;
}
