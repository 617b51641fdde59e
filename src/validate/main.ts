// The validate action: works out which commits a PR, merge-group or push changes, fetches what the depth-1
// checkout lacks, loads the policy from the default branch and reports the findings.
import * as core from '@actions/core';
import { errorMessage, OperationError, UsageError } from '../core/errors.js';
import { actionBoundary } from '../runner/boundary.js';
import { failed, findingJson, isViolation, type Finding } from '../core/finding.js';
import { channelByBranch, type ChannelPolicy, type Policy } from '../core/policy.js';
import { mergeConflictFinding } from '../core/rules/merge-conflict.js';
import type { Approval } from '../core/validate.js';
import { branchOfRef, emptyTreeId, revParse, zeroId } from '../git/git.js';
import { fetch, fetchBranches } from '../git/remote.js';
import { StorageReader } from '../git/storage.js';
import { createClient, getPull, type Octokit, type PullInfo } from '../github/api.js';
import { exceptionApproval } from '../github/approvals.js';
import { runContext, type RunContext } from '../runner/event.js';
import { annotate, summaryTable } from '../runner/report.js';
import { checkoutDir, defaultBranchPolicy } from '../runner/workspace.js';
import { safeLine, summaryText } from '../runner/sanitize.js';
import { conflictingFiles } from './conflicts.js';
import { evaluate, type ValidateOutcome } from './engine.js';
import { queueEntries, type MergeGroup } from './merge-group.js';

/** One change to check: a PR, a push, or one PR's step of a merge group (`pull` set there). */
interface Part {
  before: string;
  after: string;
  pull?: number;
  /** A merge group step's PR head branch (a `cleanup/` head is held to the cleanup rule). */
  headBranch?: string;
  approval?: Approval;
}

interface Target {
  branch: string;
  parts: Part[];
  description: string;
  title?: string;
  headBranch?: string;
  /** Why an exception label did not count, and the like (notices). */
  notes: string[];
  /** The change has no result to check (a merge conflict). */
  conflict?: Finding;
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

/** The exception approval of a PR, bound to its current head commit by a user the channel allows. */
async function approvalOf(
  octokit: Octokit,
  ctx: RunContext,
  policy: Policy,
  info: PullInfo,
  notes: string[],
): Promise<Approval | undefined> {
  const channel = channelByBranch(policy, info.baseRef);
  if (!channel) return undefined;
  const result = await exceptionApproval(octokit, ctx.repository, {
    pull: info.number,
    headSha: info.headSha,
    headRef: info.headRef,
    headRepo: info.headRepo,
    labels: info.labels,
    label: policy.exceptionLabel,
    approvers: channel.exceptionApprovers,
  });
  if (result.note) notes.push(`PR #${info.number}: ${result.note}`);
  return result.approval;
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
  const notes: string[] = [];
  const approval = await approvalOf(octokit, ctx, policy, info, notes);
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
      if (info.mergeable !== false) throw error;
      const base = await fetchBranches(repoDir, [info.baseRef], { treesOnly: true });
      const files = await conflictingFiles(
        repoDir,
        base.get(info.baseRef) ?? pr.base.sha,
        `refs/pull/${pr.number}/head`,
        `refs/remotes/pull/${pr.number}/head`,
      );
      return {
        branch: info.baseRef,
        parts: [],
        description: `PR #${pr.number} into ${info.baseRef}`,
        title: info.title,
        headBranch: info.headRef,
        notes,
        conflict: mergeConflictFinding(`PR #${pr.number}`, info.baseRef, files ?? []),
      };
    }
    merge = await resolve(repoDir, ref, `the merge commit of PR #${pr.number}`);
  }
  const before = await resolve(repoDir, `${merge}^1`, `the base side of merge commit ${merge}`);
  return {
    branch: info.baseRef,
    parts: [{ before, after: merge, ...(approval ? { approval } : {}) }],
    description: `PR #${pr.number} into ${info.baseRef}`,
    title: info.title,
    headBranch: info.headRef,
    notes,
  };
}

async function mergeGroupTarget(
  ctx: RunContext,
  repoDir: string,
  policy: Policy,
  octokit: Octokit,
): Promise<Target | string> {
  const group = ctx.payload.merge_group as MergeGroup | undefined;
  if (!group) throw new UsageError('the merge_group payload has no merge_group');
  const branch = branchOfRef(group.base_ref) ?? group.base_ref;
  if (!channelByBranch(policy, branch))
    return `the merge queue's base branch ${branch} is not a channel branch`;
  if (!(await revParse(repoDir, group.head_sha))) await fetch(repoDir, [group.head_sha], { depth: 1 });
  // Each queued PR's step, its commits with their files, before the trees-only fetch of the base.
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  const entries = await queueEntries(repoDir, reader.objects, group, branch).finally(() => reader.close());
  await fetch(repoDir, [group.base_sha], { depth: 1, treesOnly: true });
  const notes: string[] = [];
  const parts: Part[] = [];
  for (const entry of entries) {
    const info = entry.pull !== undefined ? await getPull(octokit, ctx.repository, entry.pull) : undefined;
    const approval = info ? await approvalOf(octokit, ctx, policy, info, notes) : undefined;
    parts.push({
      before: entry.parent,
      after: entry.head,
      ...(entry.pull !== undefined ? { pull: entry.pull } : {}),
      ...(info ? { headBranch: info.headRef } : {}),
      ...(approval ? { approval } : {}),
    });
  }
  if (entries.length === 1 && entries[0]!.pull === undefined)
    notes.push(
      'the merge group could not be split into its PRs (queue refs not found): it is checked as one change, without exceptions',
    );
  return {
    branch,
    parts,
    description: `merge group into ${branch} (${entries.map((e) => (e.pull !== undefined ? `#${e.pull}` : 'unattributed')).join(', ')})`,
    notes,
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
    parts: [{ before: base, after }],
    description: `push to ${branch} (${base === emptyTreeId ? 'new branch' : `${before.slice(0, 7)}..${after.slice(0, 7)}`})`,
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

/** Each part of the target checked with one shared reader; a merge group's findings name their PR. */
async function evaluateParts(
  repoDir: string,
  policy: Policy,
  channel: ChannelPolicy,
  target: Target,
  channelTips: ReadonlyMap<string, string | undefined>,
): Promise<ValidateOutcome> {
  if (target.conflict) return { findings: [target.conflict], changes: [], pathCount: 0 };
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  const total: ValidateOutcome = { findings: [], changes: [], pathCount: 0 };
  try {
    for (const part of target.parts) {
      core.info(
        `checking ${safeLine(target.description)}${part.pull !== undefined ? `, PR #${part.pull}` : ''} against channel ${channel.name}: ${part.before.slice(0, 12)}..${part.after.slice(0, 12)}`,
      );
      const outcome = await evaluate({
        repoDir,
        policy,
        channel,
        before: part.before,
        after: part.after,
        channelTips,
        reader,
        ...(target.title !== undefined ? { title: target.title } : {}),
        ...((part.headBranch ?? target.headBranch) !== undefined
          ? { headBranch: (part.headBranch ?? target.headBranch)! }
          : {}),
        ...(part.approval ? { approval: part.approval } : {}),
      });
      const prefix = target.parts.length > 1 && part.pull !== undefined ? `PR #${part.pull}: ` : '';
      total.findings.push(...outcome.findings.map((f) => ({ ...f, message: prefix + f.message })));
      total.changes.push(...outcome.changes);
      total.pathCount += outcome.pathCount;
    }
  } finally {
    reader.close();
  }
  return total;
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
    for (const note of target.notes) core.notice(safeLine(note));
    const outcome = await evaluateParts(repoDir, policy, channel, target, channelTips);
    const findings = outcome.findings;
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
