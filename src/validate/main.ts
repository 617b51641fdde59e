// The validate action: works out which commits a PR, merge-group or push changes, fetches what the depth-1
// checkout lacks, loads the policy from the default branch and reports the findings.
import * as core from '@actions/core';
import { errorMessage, OperationError, UsageError } from '../core/errors.js';
import { actionBoundary } from '../runner/boundary.js';
import { failed, findingJson, isViolation, type Finding } from '../core/finding.js';
import { channelByBranch, type ChannelPolicy, type Policy } from '../core/policy.js';
import { branchOfRef, emptyTreeId, revParse, zeroId } from '../git/git.js';
import { fetch, fetchBranches } from '../git/remote.js';
import { createClient, exceptionApproval, getPull, type Octokit } from '../github/api.js';
import { runContext, type RunContext } from '../runner/event.js';
import { annotate, summaryTable } from '../runner/report.js';
import { checkoutDir, defaultBranchPolicy } from '../runner/workspace.js';
import { safeLine, summaryText } from '../runner/sanitize.js';
import { evaluate, type ValidateOutcome } from './engine.js';

interface Target {
  branch: string;
  before: string;
  after: string;
  description: string;
  title?: string;
  headBranch?: string;
  exceptionApproved: boolean;
  exceptionApprovedBy?: string;
  notes: Finding[];
}

interface PullPayload {
  number: number;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
}

/**
 * The change's own commits, with their file contents, before anything else: every later fetch is trees-only, and
 * the first trees-only fetch turns the clone into a partial one whose later fetches would also come without files
 * (then each file of the change would be fetched on its own when read). Failures here are left to the later,
 * event-specific fetches, which explain them.
 */
async function fetchChange(ctx: RunContext, repoDir: string): Promise<void> {
  const pr = ctx.payload.pull_request as PullPayload | undefined;
  const group = ctx.payload.merge_group as { head_sha?: string } | undefined;
  const refspecs: Array<{ spec: string; depth: number }> = [];
  if (ctx.eventName === 'pull_request' && ctx.sha) refspecs.push({ spec: ctx.sha, depth: 2 });
  else if (ctx.eventName === 'pull_request_target' && pr)
    refspecs.push({ spec: `+refs/pull/${pr.number}/merge:refs/remotes/pull/${pr.number}/merge`, depth: 2 });
  else if (ctx.eventName === 'merge_group' && group?.head_sha)
    refspecs.push({ spec: group.head_sha, depth: 1 });
  else if (
    ctx.eventName === 'push' &&
    typeof ctx.payload.after === 'string' &&
    !zeroId.test(ctx.payload.after)
  )
    refspecs.push({ spec: ctx.payload.after, depth: 1 });
  for (const { spec, depth } of refspecs) await fetch(repoDir, [spec], { depth }).catch(() => undefined);
}

async function resolve(repoDir: string, rev: string, what: string): Promise<string> {
  const sha = await revParse(repoDir, rev);
  if (!sha) throw new OperationError(`${what} (${rev}) is not available after fetching`);
  return sha;
}

async function pullRequestTarget(
  ctx: RunContext,
  repoDir: string,
  policy: Policy,
  octokit: Octokit,
): Promise<Target | string> {
  const pr = ctx.payload.pull_request as PullPayload | undefined;
  if (!pr) throw new UsageError(`the ${ctx.eventName} payload has no pull_request`);
  if (!channelByBranch(policy, pr.base.ref))
    return `the PR's base branch ${pr.base.ref} is not a channel branch`;
  // Re-read: on a re-run the payload's title and labels are stale.
  const info = await getPull(octokit, ctx.repository, pr.number);
  let merge: string;
  if (ctx.eventName === 'pull_request' && ctx.sha) {
    if (!(await revParse(repoDir, `${ctx.sha}^1`))) await fetch(repoDir, [ctx.sha], { depth: 2 });
    merge = ctx.sha;
  } else {
    const ref = `refs/remotes/pull/${pr.number}/merge`;
    try {
      // Fetched by name again (a cheap no-op after fetchChange): a ref left by an earlier run must not be trusted,
      // and this fetch's failure is the one to explain.
      await fetch(repoDir, [`+refs/pull/${pr.number}/merge:${ref}`], { depth: 2 });
    } catch (error) {
      if (info.mergeable === false)
        throw new OperationError(
          `PR #${pr.number} has merge conflicts with ${info.baseRef}, so GitHub made no merge commit to check; resolve them and the check runs again`,
        );
      throw error;
    }
    merge = await resolve(repoDir, ref, `the merge commit of PR #${pr.number}`);
  }
  const before = await resolve(repoDir, `${merge}^1`, `the base side of merge commit ${merge}`);
  const notes: Finding[] = [];
  let approval: { approved: boolean; by?: string } = { approved: false };
  if (info.labels.includes(policy.exceptionLabel)) {
    const result = await exceptionApproval(octokit, ctx.repository, pr.number, policy.exceptionLabel);
    approval = result;
    if (result.note) notes.push({ rule: 'overwrite', severity: 'notice', message: result.note });
  }
  return {
    branch: info.baseRef,
    before,
    after: merge,
    description: `PR #${pr.number} into ${info.baseRef}`,
    title: info.title,
    headBranch: info.headRef,
    exceptionApproved: approval.approved,
    ...(approval.approved && approval.by ? { exceptionApprovedBy: approval.by } : {}),
    notes,
  };
}

async function mergeGroupTarget(
  ctx: RunContext,
  repoDir: string,
  policy: Policy,
  octokit: Octokit,
): Promise<Target | string> {
  const group = ctx.payload.merge_group as
    { head_sha: string; head_ref: string; base_sha: string; base_ref: string } | undefined;
  if (!group) throw new UsageError('the merge_group payload has no merge_group');
  const branch = branchOfRef(group.base_ref) ?? group.base_ref;
  if (!channelByBranch(policy, branch))
    return `the merge queue's base branch ${branch} is not a channel branch`;
  if (!(await revParse(repoDir, group.head_sha))) await fetch(repoDir, [group.head_sha], { depth: 1 });
  await fetch(repoDir, [group.base_sha], { depth: 1, treesOnly: true });
  // gh-readonly-queue/<base>/pr-<number>-<sha>: the PR whose exception label counts.
  const number = /\/pr-(\d+)-[0-9a-f]+$/.exec(group.head_ref)?.[1];
  let approval: { approved: boolean; by?: string } = { approved: false };
  if (number) {
    const info = await getPull(octokit, ctx.repository, Number(number));
    if (info.labels.includes(policy.exceptionLabel))
      approval = await exceptionApproval(octokit, ctx.repository, Number(number), policy.exceptionLabel);
  }
  return {
    branch,
    before: group.base_sha,
    after: group.head_sha,
    description: `merge group into ${branch}`,
    exceptionApproved: approval.approved,
    ...(approval.approved && approval.by ? { exceptionApprovedBy: approval.by } : {}),
    notes: [],
  };
}

async function pushTarget(ctx: RunContext, repoDir: string, policy: Policy): Promise<Target | string> {
  const ref = (ctx.payload.ref as string | undefined) ?? ctx.ref;
  const branch = branchOfRef(ref);
  if (branch === undefined) return `${ref} is not a branch`;
  if (!channelByBranch(policy, branch)) return `branch ${branch} is not a channel branch`;
  const before = typeof ctx.payload.before === 'string' ? ctx.payload.before : '';
  const after = typeof ctx.payload.after === 'string' ? ctx.payload.after : ctx.sha;
  if (zeroId.test(after)) return `branch ${branch} was deleted`;
  if (!(await revParse(repoDir, after))) await fetch(repoDir, [after], { depth: 1 });
  let base = emptyTreeId;
  if (before && !zeroId.test(before)) {
    try {
      await fetch(repoDir, [before], { depth: 1, treesOnly: true });
    } catch (error) {
      throw new OperationError(
        `cannot fetch the previous tip ${before} of ${branch} (was it force-pushed away?): ${errorMessage(error)}`,
      );
    }
    base = before;
  }
  return {
    branch,
    before: base,
    after,
    description: `push to ${branch} (${base === emptyTreeId ? 'new branch' : `${before.slice(0, 7)}..${after.slice(0, 7)}`})`,
    exceptionApproved: false,
    notes: [],
  };
}

function writeOutputs(outcome: ValidateOutcome | undefined, findings: Finding[]): void {
  core.setOutput('result', failed(findings) ? 'fail' : 'pass');
  core.setOutput('violations', JSON.stringify(findings.filter(isViolation).map(findingJson)));
  core.setOutput('findings', JSON.stringify(findings.map(findingJson)));
  core.setOutput(
    'changes',
    JSON.stringify(
      (outcome?.changes ?? []).map((c) => ({
        package: c.name,
        version: c.version,
        change: c.kind,
        verdict: c.verdict,
        before: c.before ?? null,
        after: c.after ?? null,
      })),
    ),
  );
}

async function writeSummary(heading: string, lines: string[], rows?: string[][]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary.addHeading('package-storage policy', 2);
  core.summary.addRaw(`<p>${heading}</p>`, true);
  for (const line of lines) core.summary.addRaw(`<p>${line}</p>`, true);
  if (rows && rows.length > 1)
    core.summary.addTable([rows[0]!.map((h) => ({ data: h, header: true })), ...rows.slice(1)]);
  await core.summary.write();
}

export async function run(): Promise<void> {
  await actionBoundary(async () => {
    const ctx = runContext();
    const repoDir = await checkoutDir(ctx);
    await fetchChange(ctx, repoDir);
    const { policy, source } = await defaultBranchPolicy(ctx, repoDir);

    let target: Target | string;
    switch (ctx.eventName) {
      case 'pull_request':
      case 'pull_request_target':
        target = await pullRequestTarget(ctx, repoDir, policy, createClient(core.getInput('github-token')));
        break;
      case 'merge_group':
        target = await mergeGroupTarget(ctx, repoDir, policy, createClient(core.getInput('github-token')));
        break;
      case 'push':
        target = await pushTarget(ctx, repoDir, policy);
        break;
      default:
        throw new UsageError(
          `event ${safeLine(ctx.eventName) || '(none)'} is not supported: use pull_request, pull_request_target, merge_group or push`,
        );
    }
    if (typeof target === 'string') {
      core.notice(`Nothing to check: ${safeLine(target)}.`);
      writeOutputs(undefined, []);
      await writeSummary(`Nothing to check: ${summaryText(target)}.`, []);
      return;
    }

    const channel = channelByBranch(policy, target.branch) as ChannelPolicy;
    const others = policy.channels.filter((c) => c !== channel);
    const tips = await fetchBranches(
      repoDir,
      others.map((c) => c.branch),
      { treesOnly: true },
    );
    const channelTips = new Map(others.map((c) => [c.name, tips.get(c.branch)]));
    core.info(
      `checking ${safeLine(target.description)} against channel ${channel.name}: ${target.before.slice(0, 12)}..${target.after.slice(0, 12)}`,
    );
    const outcome = await evaluate({
      repoDir,
      policy,
      channel,
      before: target.before,
      after: target.after,
      channelTips,
      ...(target.title !== undefined ? { title: target.title } : {}),
      ...(target.headBranch !== undefined ? { headBranch: target.headBranch } : {}),
      exceptionApproved: target.exceptionApproved,
      ...(target.exceptionApprovedBy !== undefined
        ? { exceptionApprovedBy: target.exceptionApprovedBy }
        : {}),
    });
    const findings = [...target.notes, ...outcome.findings];
    annotate(findings);
    writeOutputs(outcome, findings);

    const missing = others.filter((c) => !tips.has(c.branch)).map((c) => c.branch);
    const lines = [
      `Checked ${summaryText(target.description)} (channel <b>${summaryText(channel.name)}</b>) with policy from ${summaryText(source)}.`,
      ...(missing.length
        ? [`Branches not on origin (treated as empty): ${missing.map(summaryText).join(', ')}.`]
        : []),
    ];
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    lines.push(
      `${outcome.changes.length} package version${outcome.changes.length === 1 ? '' : 's'} changed; ${errors.length} violation${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`,
    );
    await writeSummary(lines[0]!, lines.slice(1), summaryTable(outcome.changes, findings));
    if (errors.length > 0) {
      const rules = [...new Set(errors.map((f) => f.rule))].join(', ');
      core.setFailed(
        `package-storage policy: ${errors.length} violation${errors.length === 1 ? '' : 's'} (${rules}); see the annotations and the job summary`,
      );
    } else core.info(`package-storage policy: pass (${outcome.changes.length} version changes checked)`);
  });
}
