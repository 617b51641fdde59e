// The event turned into one target, in one place: the channel, the commits to compare (one part, or one per queued
// PR of a merge group), the PR's facts re-read through the API, and who approved an exception for which PR. Which
// commits are checked comes from the API as it is now, never from the payload or a ref that may lag behind: a PR is
// its current head merged here (`git merge-tree`) into its base branch's current tip; a merge group is split into
// its PRs by the queue's own entries. Every fetch the depth-1 checkout lacks happens here; nothing after this reads
// the event payload.
import { errorMessage, OperationError, UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { channelByBranch, type ChannelPolicy, type Policy } from '../core/policy.js';
import { mergeConflictFinding } from '../core/rules/merge-conflict.js';
import type { Approval } from '../core/validate.js';
import { branchOfRef, emptyTreeId, revParse, zeroId } from '../git/git.js';
import { fetch } from '../git/remote.js';
import { ObjectReader } from '../git/objects.js';
import { branchTip, getPull, type Octokit, type PullInfo } from '../github/api.js';
import { exceptionApproval } from '../github/approvals.js';
import { mergeQueueEntries } from '../github/merge-queue.js';
import type { RunContext } from '../runner/event.js';
import { safeLine } from '../runner/sanitize.js';
import { groupSteps, stepsMatchCommits, unsplit, type MergeGroup, type QueueStep } from './merge-group.js';
import { mergePull } from './pull-merge.js';

export const supportedEvents = ['pull_request', 'pull_request_target', 'merge_group', 'push'] as const;

/** The PR as the API reports it now, and the tip of its base branch: what a pull event checks. */
export interface CurrentPull {
  info: PullInfo;
  baseTip: string;
}

/**
 * What the event payload says, before anything is fetched; `readCurrent` adds what the API says now (`current` of a
 * PR, the `steps` of a merge group).
 */
export type EventFacts =
  | {
      kind: 'pull';
      event: 'pull_request' | 'pull_request_target';
      number: number;
      base: string;
      baseSha: string;
      current?: CurrentPull;
    }
  | {
      kind: 'merge-group';
      group: MergeGroup;
      base: string;
      /** The group's steps from the queue's entries; undefined when it could not be split into its PRs. */
      steps?: QueueStep[];
      /** Why it could not be split. */
      unsplitBecause?: string;
    }
  | { kind: 'push'; base: string; before: string; after: string }
  | { kind: 'skip'; reason: string };

/** One change to check: a PR, a push, or one queued PR's step of a merge group. */
export interface Part {
  before: string;
  after: string;
  /** The PR this part is (merge groups: the queued PR of this step). */
  pull?: number;
  /** The PR's head branch (a `cleanup/` head is held to the cleanup rule; `promote/` ones may be exact promotions). */
  headBranch?: string;
  approval?: Approval;
}

/** The PR as it is now (re-read: on a re-run the payload's title and labels are stale). */
export interface PullFacts {
  number: number;
  title: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  /** The base branch's tip the head was merged into. */
  baseSha: string;
  url: string;
  /**
   * Whether promote can have opened the PR: its head branch is in this repository and its author is a bot (the App
   * or the job token promote runs with). Only then can it be exactly a promotion or a cleanup.
   */
  fromPromote: boolean;
}

/** Whether a PR asked for an exception (the label), who approved it, or why the label approves nothing yet. */
export interface ExceptionStatus {
  pull: number;
  requested: boolean;
  approval?: Approval;
  /** Why the label does not approve (yet), in words for the maintainer. */
  note?: string;
  /** The head commit an approval must be for. */
  headSha: string;
}

export interface Target {
  kind: 'pull' | 'merge-group' | 'push';
  channel: ChannelPolicy;
  /** `PR #12 into production`, `push to snapshot (1a2b3c4..5d6e7f8)`, `merge group into staging (#3, #4)`. */
  description: string;
  parts: Part[];
  /** A single PR's facts (pull events). */
  pull?: PullFacts;
  /** The PRs a merge group holds. */
  queued: number[];
  /** The commit a check run belongs on: the PR head, the merge group's head, the pushed commit. */
  headSha: string;
  /** The commit checked as the channel after the change (the merge group's head, the push's after). */
  resultSha?: string;
  exceptions: ExceptionStatus[];
  /** Other things the maintainer should know (a merge group checked as one change). */
  notes: string[];
  /** The change has no result to check (a merge conflict). */
  conflict?: Finding;
}

export type Resolved = Target | { kind: 'skip'; reason: string };

interface PullPayload {
  number?: unknown;
  base?: { ref?: unknown; sha?: unknown };
  head?: { ref?: unknown; sha?: unknown };
}

const isSha = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(v);

/**
 * Reads the payload into facts, before the policy is known (the change is fetched first, with its files); a payload
 * the event cannot have is a usage error naming what is missing.
 */
export function readEvent(ctx: RunContext): EventFacts {
  const { payload } = ctx;
  switch (ctx.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = payload.pull_request as PullPayload | undefined;
      if (!pr || typeof pr.number !== 'number' || typeof pr.base?.ref !== 'string')
        throw new UsageError(`the ${ctx.eventName} payload has no pull_request (number, base.ref)`);
      return {
        kind: 'pull',
        event: ctx.eventName,
        number: pr.number,
        base: pr.base.ref,
        baseSha: isSha(pr.base.sha) ? pr.base.sha : '',
      };
    }
    case 'merge_group': {
      const group = payload.merge_group as Partial<MergeGroup> | undefined;
      if (!group || !isSha(group.head_sha) || !isSha(group.base_sha) || typeof group.base_ref !== 'string')
        throw new UsageError('the merge_group payload has no merge_group (head_sha, base_sha, base_ref)');
      const base = branchOfRef(group.base_ref) ?? group.base_ref;
      return { kind: 'merge-group', group: { head_ref: '', ...group } as MergeGroup, base };
    }
    case 'push': {
      const ref = (payload.ref as string | undefined) ?? ctx.ref;
      const base = branchOfRef(ref);
      if (base === undefined) return { kind: 'skip', reason: `${ref} is not a branch` };
      const after = isSha(payload.after) ? payload.after : ctx.sha;
      if (zeroId.test(after)) return { kind: 'skip', reason: `branch ${base} was deleted` };
      const before = isSha(payload.before) && !zeroId.test(payload.before) ? payload.before : '';
      return { kind: 'push', base, before, after };
    }
    default:
      throw new UsageError(
        `event ${safeLine(ctx.eventName) || '(none)'} is not supported: use ${supportedEvents.join(', ')}`,
      );
  }
}

/**
 * What the API says the change is now (pull and merge group events; others are returned as they are): the PR's
 * head, base branch and the base's tip, or the merge group's steps from the queue's entries.
 */
export async function readCurrent(
  ctx: RunContext,
  facts: EventFacts,
  octokit: () => Octokit,
): Promise<EventFacts> {
  if (facts.kind === 'pull' && !facts.current) {
    const info = await getPull(octokit(), ctx.repository, facts.number);
    return { ...facts, current: { info, baseTip: await branchTip(octokit(), ctx.repository, info.baseRef) } };
  }
  if (facts.kind === 'merge-group' && !facts.steps && facts.unsplitBecause === undefined) {
    let entries;
    try {
      entries = await mergeQueueEntries(octokit(), ctx.repository, facts.base);
    } catch (error) {
      return { ...facts, unsplitBecause: errorMessage(error) };
    }
    const steps = groupSteps(entries, facts.group, facts.base);
    return steps
      ? { ...facts, steps }
      : {
          ...facts,
          unsplitBecause: "the merge queue's entries do not lead from the group's head to its base",
        };
  }
  return facts;
}

/**
 * The change's own commits, with their file contents, before anything else: every later fetch is trees-only, and
 * the first trees-only fetch turns the clone into a partial one whose later fetches would also come without files
 * (then each file of the change would be fetched on its own when read). Failures here are left to the later,
 * event-specific fetches, which explain them.
 */
export async function fetchChange(_ctx: RunContext, facts: EventFacts, repoDir: string): Promise<void> {
  let fetches: { specs: string[]; depth: number } | undefined;
  // The head's parent is most often the base tip: then the merge base is at hand without a deeper fetch.
  if (facts.kind === 'pull' && facts.current)
    fetches = { specs: [facts.current.info.headSha, facts.current.baseTip], depth: 2 };
  else if (facts.kind === 'merge-group')
    fetches = { specs: (facts.steps ?? unsplit(facts.group)).map((s) => s.head), depth: 1 };
  else if (facts.kind === 'push') fetches = { specs: [facts.after], depth: 1 };
  if (fetches)
    await fetch(repoDir, [...new Set(fetches.specs)], { depth: fetches.depth }).catch(() => undefined);
}

/** The exception status of a PR: the label is the request, an approval bound to its head and base grants it. */
async function exceptionOf(
  octokit: Octokit,
  ctx: RunContext,
  policy: Policy,
  channel: ChannelPolicy,
  info: PullInfo,
): Promise<ExceptionStatus> {
  const requested = info.labels.some((l) => l.toLowerCase() === policy.exceptionLabel.toLowerCase());
  const result = await exceptionApproval(octokit, ctx.repository, {
    pull: info.number,
    headSha: info.headSha,
    headRef: info.headRef,
    headRepo: info.headRepo,
    baseRef: info.baseRef,
    author: info.author,
    labels: info.labels,
    label: policy.exceptionLabel,
    approvers: channel.exceptionApprovers,
  });
  return {
    pull: info.number,
    requested,
    headSha: info.headSha,
    ...(result.approval ? { approval: result.approval } : {}),
    ...(result.note ? { note: result.note } : {}),
  };
}

async function pullTarget(
  ctx: RunContext,
  { info, baseTip }: CurrentPull,
  repoDir: string,
  policy: Policy,
  octokit: Octokit,
): Promise<Resolved> {
  // The base may have been changed since the event: the PR as it is now decides.
  const channel = channelByBranch(policy, info.baseRef);
  if (!channel)
    return { kind: 'skip', reason: `the PR's base branch ${info.baseRef} is not a channel branch` };
  const exception = await exceptionOf(octokit, ctx, policy, channel, info);
  const common = {
    kind: 'pull' as const,
    channel,
    description: `PR #${info.number} into ${info.baseRef}`,
    pull: {
      number: info.number,
      title: info.title,
      headRef: info.headRef,
      headSha: info.headSha,
      baseRef: info.baseRef,
      baseSha: baseTip,
      url: info.htmlUrl,
      fromPromote:
        info.authorIsBot &&
        info.headRepo.toLowerCase() === `${ctx.repository.owner}/${ctx.repository.repo}`.toLowerCase(),
    },
    queued: [],
    // The check run goes on exactly the head that was checked.
    headSha: info.headSha,
    exceptions: [exception],
    notes: [],
  };
  const merged = await mergePull(repoDir, baseTip, info.headSha);
  if (merged.kind === 'conflict')
    return {
      ...common,
      parts: [],
      conflict: mergeConflictFinding(`PR #${info.number}`, info.baseRef, merged.files),
    };
  return {
    ...common,
    parts: [
      {
        before: baseTip,
        after: merged.tree,
        pull: info.number,
        headBranch: info.headRef,
        ...(exception.approval ? { approval: exception.approval } : {}),
      },
    ],
  };
}

async function mergeGroupTarget(
  ctx: RunContext,
  facts: Extract<EventFacts, { kind: 'merge-group' }>,
  repoDir: string,
  policy: Policy,
  octokit: () => Octokit,
): Promise<Target> {
  const { group, base } = facts;
  const channel = channelByBranch(policy, base)!;
  let steps = facts.steps;
  let unsplitBecause = facts.unsplitBecause;
  // Each step's commit with its files, before the trees-only fetch of the base.
  const objects = new ObjectReader(repoDir);
  try {
    if (steps && !(await stepsMatchCommits(repoDir, objects, steps))) {
      steps = undefined;
      unsplitBecause = "the group's commits are not built as the merge queue's entries say";
    }
    if (!steps && !(await objects.commitId(group.head_sha)))
      await fetch(repoDir, [group.head_sha], { depth: 1 });
  } finally {
    objects.close();
  }
  await fetch(repoDir, [group.base_sha], { depth: 1, treesOnly: true });
  const exceptions: ExceptionStatus[] = [];
  const parts: Part[] = [];
  for (const step of steps ?? unsplit(group)) {
    const info = step.pull !== undefined ? await getPull(octokit(), ctx.repository, step.pull) : undefined;
    // An exception covers the step only when it was approved for the head the queue merged.
    const exception =
      info && (step.merged === undefined || step.merged === info.headSha)
        ? await exceptionOf(octokit(), ctx, policy, channel, info)
        : undefined;
    if (exception) exceptions.push(exception);
    else if (info) {
      const requested = info.labels.some((l) => l.toLowerCase() === policy.exceptionLabel.toLowerCase());
      exceptions.push({
        pull: info.number,
        requested,
        headSha: info.headSha,
        ...(requested
          ? {
              note: `the merge queue merged head ${step.merged!.slice(0, 7)} of PR #${info.number}, not its head ${info.headSha.slice(0, 7)}: no exception applies to this step`,
            }
          : {}),
      });
    }
    parts.push({
      before: step.parent,
      after: step.head,
      ...(step.pull !== undefined ? { pull: step.pull } : {}),
      ...(info ? { headBranch: info.headRef } : {}),
      ...(exception?.approval ? { approval: exception.approval } : {}),
    });
  }
  const queued = (steps ?? []).flatMap((s) => (s.pull !== undefined ? [s.pull] : []));
  return {
    kind: 'merge-group',
    channel,
    description: `merge group into ${base} (${steps ? queued.map((n) => `#${n}`).join(', ') : 'unattributed'})`,
    parts,
    queued,
    headSha: group.head_sha,
    resultSha: group.head_sha,
    exceptions,
    notes: steps
      ? []
      : [
          `the merge group could not be split into its PRs (${unsplitBecause ?? 'no queue entries'}): it is checked as one change, without exceptions`,
        ],
  };
}

async function pushTarget(
  facts: Extract<EventFacts, { kind: 'push' }>,
  repoDir: string,
  policy: Policy,
): Promise<Target> {
  const { base: branch, before, after } = facts;
  if (!(await revParse(repoDir, after))) await fetch(repoDir, [after], { depth: 1 });
  let from = emptyTreeId;
  if (before) {
    try {
      await fetch(repoDir, [before], { depth: 1, treesOnly: true });
    } catch (error) {
      throw new OperationError(
        `cannot fetch the previous tip ${before} of ${branch} (was it force-pushed away?): ${errorMessage(error)}`,
      );
    }
    from = before;
  }
  return {
    kind: 'push',
    channel: channelByBranch(policy, branch)!,
    description: `push to ${branch} (${from === emptyTreeId ? 'new branch' : `${before.slice(0, 7)}..${after.slice(0, 7)}`})`,
    parts: [{ before: from, after }],
    queued: [],
    headSha: after,
    resultSha: after,
    exceptions: [],
    notes: [],
  };
}

/** The target of this run; `octokit` is created only for the events that need the API. */
export async function resolveTarget(
  ctx: RunContext,
  facts: EventFacts,
  repoDir: string,
  policy: Policy,
  octokit: () => Octokit,
): Promise<Resolved> {
  if (facts.kind !== 'skip' && !channelByBranch(policy, facts.base))
    return {
      kind: 'skip',
      reason:
        facts.kind === 'pull'
          ? `the PR's base branch ${facts.base} is not a channel branch`
          : facts.kind === 'merge-group'
            ? `the merge queue's base branch ${facts.base} is not a channel branch`
            : `branch ${facts.base} is not a channel branch`,
    };
  const current = await readCurrent(ctx, facts, octokit);
  switch (current.kind) {
    case 'skip':
      return current;
    case 'pull':
      return pullTarget(ctx, current.current!, repoDir, policy, octokit());
    case 'merge-group':
      return mergeGroupTarget(ctx, current, repoDir, policy, octokit);
    case 'push':
      return pushTarget(current, repoDir, policy);
  }
}
