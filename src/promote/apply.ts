// Carrying a target out: each branch change is planned and written (push.ts), then its PR is opened, updated or
// closed, reviewers and assignees requested, and auto-merge armed when the PR is exactly what this run wrote.
// Everything a maintainer must know afterwards goes into the results; nothing here writes outputs or the summary.
import * as core from '@actions/core';
import { errorMessage } from '../core/errors.js';
import type { Policy } from '../core/policy.js';
import { createClient, isTokenAccount, tokenIdentity, type Octokit } from '../github/api.js';
import { disableAutoMerge, enableAutoMerge, type MergeMethod } from '../github/auto-merge.js';
import {
  closePull,
  ensurePullRequest,
  findOpenPull,
  type PullRequestResult,
  type Refused,
} from '../github/pulls.js';
import type { RunContext } from '../runner/event.js';
import { prepareCleanup, preparePromotion, type BranchChange, type Operation } from './engine.js';
import type { PromoteInputs } from './inputs.js';
import { pushChange, type PushedChange, type PushOptions } from './push.js';
import { apiWriter } from './signed.js';
import type { Target } from './target.js';

export type AutoMergeState =
  | { state: 'enabled' | 'unchanged'; method: MergeMethod }
  /**
   * The branch does not hold this run's commit (someone else pushed): left or turned off; or the PR on the branch
   * was opened by someone else (`author`): left as it is.
   */
  | { state: 'not-ours'; method: MergeMethod; head: string; disabled: boolean; author?: string }
  | { state: 'failed'; method: MergeMethod; message: string };

export interface Result {
  kind: 'promote' | 'cleanup';
  operation: Operation;
  branch: string;
  base: string;
  commit: string | null;
  direct: boolean;
  pullRequest?: { number: number; url: string };
  packages: Array<{ name: string; version: string; tree: string; kibana?: string }>;
  title: string;
  restored?: Array<{ name: string; version: string; tree: string }>;
  /** Signed-commit writes: whether GitHub verified the commit it made. */
  verified?: boolean;
  reviewers?: string[];
  assignees?: string[];
  refused?: Refused[];
  autoMerge?: AutoMergeState;
  /** The PR was made with the job token, so GitHub starts no workflows on it. */
  jobTokenPull?: boolean;
}

export interface ApplyEnv {
  ctx: RunContext;
  inputs: PromoteInputs;
  policy: Policy;
  repoDir: string;
}

function resultOf(pushed: PushedChange): Result {
  const { change } = pushed;
  return {
    kind: change.kind,
    operation: pushed.operation,
    branch: change.branch,
    base: change.base,
    commit: pushed.tip ?? change.commit ?? null,
    direct: change.direct,
    packages: change.versions.map((v) => ({
      name: v.name,
      version: v.version,
      tree: v.tree,
      ...(v.kibana ? { kibana: v.kibana } : {}),
    })),
    title: change.title,
    ...(change.restored
      ? { restored: change.restored.map((v) => ({ name: v.name, version: v.version, tree: v.tree })) }
      : {}),
    ...(pushed.verified !== undefined ? { verified: pushed.verified } : {}),
  };
}

async function closeObsolete(octokit: Octokit, ctx: RunContext, change: BranchChange): Promise<void> {
  const open = await findOpenPull(octokit, ctx.repository, change.branch, change.base);
  if (!open) return;
  await closePull(
    octokit,
    ctx.repository,
    open.number,
    change.kind === 'promote'
      ? `Closing: every selected version is already in \`${change.base}\` with the same tree, so there is nothing left to promote.`
      : `Closing: nothing left to clean up on \`${change.base}\`.`,
  );
  core.info(`closed obsolete pull request #${open.number}`);
}

async function armAutoMerge(
  octokit: Octokit,
  env: ApplyEnv,
  pull: PullRequestResult,
  method: MergeMethod,
  tip: string | undefined,
): Promise<AutoMergeState> {
  const { number } = pull;
  try {
    // Only on a PR this token's account opened: anyone with write access can open one on promote's branch, and
    // auto-merge would then merge what they described, under their name. Theirs is left as they set it.
    if (!isTokenAccount(pull.authorAccount, await tokenIdentity(octokit)))
      return { state: 'not-ours', method, head: tip ?? '', disabled: false, author: pull.author };
    if (!tip) {
      // Nothing this run wrote or recognised is at the head: auto-merge must not stay on.
      const disabled = await disableAutoMerge(octokit, env.ctx.repository, number);
      return { state: 'not-ours', method, head: '', disabled };
    }
    const outcome = await enableAutoMerge(octokit, env.ctx.repository, { number, method, expectedHead: tip });
    return outcome.state === 'not-ours' ? { ...outcome, method } : outcome;
  } catch (error) {
    return { state: 'failed', method, message: errorMessage(error) };
  }
}

async function toPullRequest(octokit: Octokit, env: ApplyEnv, pushed: PushedChange): Promise<Result> {
  const { change } = pushed;
  const { inputs, ctx } = env;
  const result = resultOf(pushed);
  if (pushed.operation === 'none') {
    await closeObsolete(octokit, ctx, change);
    return result;
  }
  const pull = await ensurePullRequest(octokit, ctx.repository, {
    head: change.branch,
    base: change.base,
    title: change.title,
    body: change.body,
    labels: [change.kind === 'promote' ? 'promotion' : 'cleanup', ...inputs.labels],
    draft: inputs.draft,
    reviewers: inputs.reviewers,
    teamReviewers: inputs.teamReviewers,
    assignees: inputs.assignees,
    requestReviews: pushed.operation !== 'unchanged',
  });
  result.pullRequest = { number: pull.number, url: pull.url };
  if (pull.operation === 'created') result.operation = 'created';
  else if (pull.operation === 'updated' && result.operation === 'unchanged') result.operation = 'updated';
  if (pull.requested.length) result.reviewers = pull.requested;
  if (pull.assigned.length) result.assignees = pull.assigned;
  if (pull.refused.length) result.refused = pull.refused;
  if (pull.operation === 'created' && pull.author === 'github-actions[bot]') result.jobTokenPull = true;
  if (inputs.autoMerge)
    result.autoMerge = await armAutoMerge(octokit, env, pull, inputs.autoMerge, pushed.tip);
  return result;
}

/** Plans, writes and opens what `target` asks for; one result per branch change, in order. */
export async function applyTarget(target: Target, env: ApplyEnv): Promise<Result[]> {
  const { inputs, policy, repoDir, ctx } = env;
  const octokit = inputs.dryRun ? undefined : createClient(inputs.token);
  const options: PushOptions = {
    repoDir,
    policy,
    push: true,
    dryRun: inputs.dryRun,
    updateLocalBranch: false,
    ...(octokit && inputs.signCommits ? { writer: apiWriter(octokit, ctx.repository, repoDir) } : {}),
  };
  const identity = inputs.identity;
  const prepares =
    target.kind === 'promote'
      ? [
          (tips: Parameters<typeof preparePromotion>[0]['tips']) =>
            preparePromotion({
              repoDir,
              policy,
              from: target.from,
              to: target.to,
              specs: target.specs,
              tips,
              identity,
            }),
        ]
      : target.channels.map(
          (channel) => (tips: Parameters<typeof prepareCleanup>[0]['tips']) =>
            prepareCleanup({ repoDir, policy, channel, tips, identity }),
        );
  const results: Result[] = [];
  for (const prepare of prepares) {
    const pushed = await pushChange(options, prepare);
    results.push(
      octokit && !pushed.change.direct ? await toPullRequest(octokit, env, pushed) : resultOf(pushed),
    );
  }
  return results;
}
