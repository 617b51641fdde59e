// A merge group is checked per PR. GitHub's merge queue builds one commit per queued PR on top of the previous one
// (first parent), each under a ref `gh-readonly-queue/<base>/pr-<number>-<parent sha>`; the merge_group event names
// the last one. Walking those refs from the group's head back to its base splits the group into each PR's own
// change, so each PR's exception covers only the changes that PR introduced.
import { fetch } from '../git/remote.js';
import { gitRaw } from '../git/git.js';
import type { ObjectReader } from '../git/objects.js';

export interface QueueEntry {
  /** The PR this step of the queue merges; undefined when the queue's refs could not name it. */
  pull?: number;
  parent: string;
  head: string;
}

export interface MergeGroup {
  head_sha: string;
  head_ref: string;
  base_sha: string;
  base_ref: string;
}

/** A group holds at most 100 PRs (GitHub's limit on merge group size). */
const maxEntries = 100;

/** `[refs/heads/]gh-readonly-queue/<branch>/pr-<N>-<parent sha>` -> N and the parent; undefined otherwise. */
export function parseQueueRef(ref: string, branch: string): { pull: number; parent: string } | undefined {
  const name = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
  const prefix = `gh-readonly-queue/${branch}/pr-`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^([1-9][0-9]*)-([0-9a-f]{40}|[0-9a-f]{64})$/.exec(name.slice(prefix.length));
  return match ? { pull: Number(match[1]), parent: match[2]! } : undefined;
}

/** The first parent recorded in a commit object (readable in a shallow clone, where `<sha>^1` is not). */
async function firstParent(objects: ObjectReader, sha: string): Promise<string | undefined> {
  const commit = await objects.read(sha);
  if (commit?.type !== 'commit') return undefined;
  return /^parent ([0-9a-f]+)$/m.exec(commit.content.toString('utf8'))?.[1];
}

/**
 * The group's steps, base first. When the chain cannot be followed to the base (refs gone, a commit whose parent
 * is not the one its ref names), the whole group is one step with no PR: then no exception applies to it.
 */
export async function queueEntries(
  repoDir: string,
  objects: ObjectReader,
  group: MergeGroup,
  branch: string,
): Promise<QueueEntry[]> {
  const whole: QueueEntry[] = [{ parent: group.base_sha, head: group.head_sha }];
  const last = parseQueueRef(group.head_ref, branch);
  if (!last) return whole;
  const listed = await gitRaw(['ls-remote', 'origin', `refs/heads/gh-readonly-queue/${branch}/*`], {
    cwd: repoDir,
  }).catch(() => undefined);
  const bySha = new Map<string, { pull: number; parent: string }>();
  for (const line of listed?.stdout.toString('utf8').split('\n') ?? []) {
    const [sha, ref] = line.split('\t');
    const parsed = ref ? parseQueueRef(ref, branch) : undefined;
    if (sha && parsed) bySha.set(sha, parsed);
  }
  const entries: QueueEntry[] = [];
  let step: QueueEntry = { pull: last.pull, parent: last.parent, head: group.head_sha };
  while (entries.length < maxEntries) {
    entries.unshift(step);
    if (step.parent === group.base_sha) break;
    const previous = bySha.get(step.parent);
    if (!previous) return whole;
    step = { pull: previous.pull, parent: previous.parent, head: step.parent };
  }
  if (entries[0]!.parent !== group.base_sha) return whole;
  const missing = entries.map((e) => e.head).filter((h) => h !== group.head_sha);
  if (missing.length > 0) await fetch(repoDir, missing, { depth: 1 });
  for (const e of entries) if ((await firstParent(objects, e.head)) !== e.parent) return whole;
  return entries;
}
