// A merge group is checked per PR. GitHub's merge queue builds one commit per queued PR on top of the previous one
// (first parent); the merge_group event names the last one and the group's base. Which PR each commit merges comes
// from the queue's entries as the API reports them (`src/github/merge-queue.ts`), never from branch names: any user
// with write access can push a `gh-readonly-queue/…` branch. The steps are then checked against the commits
// themselves (each one's first parent is the step before), so each PR's exception covers only what it introduced.
import { commitParents } from '../git/merge.js';
import type { ObjectReader } from '../git/objects.js';
import { fetch } from '../git/remote.js';
import type { QueueEntry } from '../github/merge-queue.js';

export interface QueueStep {
  /** The PR this step of the queue merges; undefined when the group could not be split into its PRs. */
  pull?: number;
  parent: string;
  head: string;
  /**
   * The head the step's commit merges (its second parent), once read from the commit: an exception approved for
   * another head of the PR does not cover it. Undefined for a squashed or rebased step (one parent).
   */
  merged?: string;
}

export interface MergeGroup {
  head_sha: string;
  head_ref: string;
  base_sha: string;
  base_ref: string;
}

/** A group holds at most 100 PRs (GitHub's limit on merge group size). */
const maxSteps = 100;

/** `[refs/heads/]gh-readonly-queue/<branch>/pr-<N>-<parent sha>` -> N and the parent; undefined otherwise. */
export function parseQueueRef(ref: string, branch: string): { pull: number; parent: string } | undefined {
  const name = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
  const prefix = `gh-readonly-queue/${branch}/pr-`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^([1-9][0-9]*)-([0-9a-f]{40}|[0-9a-f]{64})$/.exec(name.slice(prefix.length));
  return match ? { pull: Number(match[1]), parent: match[2]! } : undefined;
}

/** The whole group as one step that no PR's exception covers. */
export const unsplit = (group: MergeGroup): QueueStep[] => [{ parent: group.base_sha, head: group.head_sha }];

/**
 * The group's steps, base first, from the queue's entries: the entry whose commit is the group's head, then the
 * entry that commit was built on, down to the group's base. Undefined when the entries do not chain that way, or
 * when the last one is not the PR the event's own `head_ref` names (both come from GitHub; they must agree).
 */
export function groupSteps(
  entries: readonly QueueEntry[],
  group: MergeGroup,
  branch: string,
): QueueStep[] | undefined {
  const byHead = new Map(entries.map((e) => [e.head, e]));
  const steps: QueueStep[] = [];
  let at = group.head_sha;
  while (at !== group.base_sha) {
    const entry = byHead.get(at);
    if (!entry || steps.length >= maxSteps) return undefined;
    steps.unshift({ pull: entry.pull, parent: entry.base, head: entry.head });
    at = entry.base;
  }
  if (steps.length === 0) return undefined;
  const named = parseQueueRef(group.head_ref, branch);
  if (named && named.pull !== steps[steps.length - 1]!.pull) return undefined;
  return steps;
}

/**
 * Fetches each step's commit (with its files: they are what the step changes) and checks that each was built on
 * the step before, as the queue said; records the head each merges (`merged`). False means the commits are not
 * what the entries describe.
 */
export async function stepsMatchCommits(
  repoDir: string,
  objects: ObjectReader,
  steps: QueueStep[],
): Promise<boolean> {
  const missing: string[] = [];
  for (const s of steps) if ((await objects.commitId(s.head)) === undefined) missing.push(s.head);
  if (missing.length > 0) await fetch(repoDir, missing, { depth: 1 });
  for (const s of steps) {
    const commit = await objects.read(s.head);
    if (commit?.type !== 'commit') return false;
    // Parents are recorded in the commit object itself: readable in a shallow clone, where `<sha>^1` is not.
    const [first, second] = commitParents(commit.content);
    if (first !== s.parent) return false;
    if (second !== undefined) s.merged = second;
  }
  return true;
}
