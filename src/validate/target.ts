// The event turned into one target, in one place: the channel, the commits to compare (one part, or one per queued
// PR of a merge group), the PR's facts re-read through the API, and who approved an exception for which PR. Every
// fetch the depth-1 checkout lacks happens here; nothing after this reads the event payload.
import { errorMessage, OperationError, UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { channelByBranch, type ChannelPolicy, type Policy } from '../core/policy.js';
import { mergeConflictFinding } from '../core/rules/merge-conflict.js';
import type { Approval } from '../core/validate.js';
import { branchOfRef, emptyTreeId, revParse, zeroId } from '../git/git.js';
import { fetch, fetchBranches } from '../git/remote.js';
import { StorageReader } from '../git/storage.js';
import { getPull, type Octokit, type PullInfo } from '../github/api.js';
import { exceptionApproval } from '../github/approvals.js';
import type { RunContext } from '../runner/event.js';
import { safeLine } from '../runner/sanitize.js';
import { conflictingFiles } from './conflicts.js';
import { queueEntries, type MergeGroup } from './merge-group.js';

export const supportedEvents = ['pull_request', 'pull_request_target', 'merge_group', 'push'] as const;

/** What the event payload says, before anything is fetched or asked. */
export type EventFacts =
  | {
      kind: 'pull';
      event: 'pull_request' | 'pull_request_target';
      number: number;
      base: string;
      baseSha: string;
    }
  | { kind: 'merge-group'; group: MergeGroup; base: string }
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
  url: string;
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
  /** The commit checked as the channel after the change (the merge commit, the push's after). */
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
 * The change's own commits, with their file contents, before anything else: every later fetch is trees-only, and
 * the first trees-only fetch turns the clone into a partial one whose later fetches would also come without files
 * (then each file of the change would be fetched on its own when read). Failures here are left to the later,
 * event-specific fetches, which explain them.
 */
export async function fetchChange(ctx: RunContext, facts: EventFacts, repoDir: string): Promise<void> {
  const refspecs: Array<{ spec: string; depth: number }> = [];
  if (facts.kind === 'pull' && facts.event === 'pull_request' && ctx.sha)
    refspecs.push({ spec: ctx.sha, depth: 2 });
  else if (facts.kind === 'pull')
    refspecs.push({
      spec: `+refs/pull/${facts.number}/merge:refs/remotes/pull/${facts.number}/merge`,
      depth: 2,
    });
  else if (facts.kind === 'merge-group') refspecs.push({ spec: facts.group.head_sha, depth: 1 });
  else if (facts.kind === 'push') refspecs.push({ spec: facts.after, depth: 1 });
  for (const { spec, depth } of refspecs) await fetch(repoDir, [spec], { depth }).catch(() => undefined);
}

async function resolve(repoDir: string, rev: string, what: string): Promise<string> {
  const sha = await revParse(repoDir, rev);
  if (!sha) throw new OperationError(`${what} (${rev}) is not available after fetching`);
  return sha;
}

/** The exception status of a PR: the label is the request, an approval bound to the head commit grants it. */
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

const pullFacts = (info: PullInfo): PullFacts => ({
  number: info.number,
  title: info.title,
  headRef: info.headRef,
  headSha: info.headSha,
  baseRef: info.baseRef,
  url: info.htmlUrl,
});

async function pullTarget(
  ctx: RunContext,
  facts: Extract<EventFacts, { kind: 'pull' }>,
  repoDir: string,
  policy: Policy,
  octokit: Octokit,
): Promise<Resolved> {
  const info = await getPull(octokit, ctx.repository, facts.number);
  // The base may have been changed since the event: the PR as it is now decides.
  const channel = channelByBranch(policy, info.baseRef);
  if (!channel)
    return { kind: 'skip', reason: `the PR's base branch ${info.baseRef} is not a channel branch` };
  const exception = await exceptionOf(octokit, ctx, policy, channel, info);
  const common = {
    kind: 'pull' as const,
    channel,
    description: `PR #${info.number} into ${info.baseRef}`,
    pull: pullFacts(info),
    queued: [],
    headSha: info.headSha,
    exceptions: [exception],
    notes: [],
  };
  let merge: string;
  if (facts.event === 'pull_request' && ctx.sha) {
    if (!(await revParse(repoDir, `${ctx.sha}^1`))) await fetch(repoDir, [ctx.sha], { depth: 2 });
    merge = ctx.sha;
  } else {
    const ref = `refs/remotes/pull/${info.number}/merge`;
    try {
      // Fetched by name again (a cheap no-op after fetchChange): a ref left by an earlier run must not be trusted,
      // and this fetch's failure is the one to explain.
      await fetch(repoDir, [`+refs/pull/${info.number}/merge:${ref}`], { depth: 2 });
    } catch (error) {
      if (info.mergeable !== false) throw error;
      const base = await fetchBranches(repoDir, [info.baseRef], { treesOnly: true });
      const files = await conflictingFiles(
        repoDir,
        base.get(info.baseRef) ?? facts.baseSha,
        `refs/pull/${info.number}/head`,
        `refs/remotes/pull/${info.number}/head`,
      );
      return {
        ...common,
        parts: [],
        conflict: mergeConflictFinding(`PR #${info.number}`, info.baseRef, files ?? []),
      };
    }
    merge = await resolve(repoDir, ref, `the merge commit of PR #${info.number}`);
  }
  const before = await resolve(repoDir, `${merge}^1`, `the base side of merge commit ${merge}`);
  return {
    ...common,
    parts: [
      {
        before,
        after: merge,
        pull: info.number,
        headBranch: info.headRef,
        ...(exception.approval ? { approval: exception.approval } : {}),
      },
    ],
    resultSha: merge,
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
  if (!(await revParse(repoDir, group.head_sha))) await fetch(repoDir, [group.head_sha], { depth: 1 });
  // Each queued PR's step, its commits with their files, before the trees-only fetch of the base.
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  const entries = await queueEntries(repoDir, reader.objects, group, base).finally(() => reader.close());
  await fetch(repoDir, [group.base_sha], { depth: 1, treesOnly: true });
  const exceptions: ExceptionStatus[] = [];
  const parts: Part[] = [];
  for (const entry of entries) {
    const info = entry.pull !== undefined ? await getPull(octokit(), ctx.repository, entry.pull) : undefined;
    const exception = info ? await exceptionOf(octokit(), ctx, policy, channel, info) : undefined;
    if (exception) exceptions.push(exception);
    parts.push({
      before: entry.parent,
      after: entry.head,
      ...(entry.pull !== undefined ? { pull: entry.pull } : {}),
      ...(info ? { headBranch: info.headRef } : {}),
      ...(exception?.approval ? { approval: exception.approval } : {}),
    });
  }
  const split = !(entries.length === 1 && entries[0]!.pull === undefined);
  const queued = entries.flatMap((e) => (e.pull !== undefined ? [e.pull] : []));
  return {
    kind: 'merge-group',
    channel,
    description: `merge group into ${base} (${split ? queued.map((n) => `#${n}`).join(', ') : 'unattributed'})`,
    parts,
    queued,
    headSha: group.head_sha,
    resultSha: group.head_sha,
    exceptions,
    notes: split
      ? []
      : [
          'the merge group could not be split into its PRs (queue refs not found): it is checked as one change, without exceptions',
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
  switch (facts.kind) {
    case 'skip':
      return facts;
    case 'pull':
      return pullTarget(ctx, facts, repoDir, policy, octokit());
    case 'merge-group':
      return mergeGroupTarget(ctx, facts, repoDir, policy, octokit);
    case 'push':
      return pushTarget(facts, repoDir, policy);
  }
}
