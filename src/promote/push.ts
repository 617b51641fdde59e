// Pushing a prepared change: compare with what the branch holds, write it with a lease, and when another writer
// moved a branch first, fetch again and re-plan (bounded), so concurrent runs converge on one consistent branch.
// The write is `git push --force-with-lease`, or (signed commits) the same commit recreated by GitHub's API and
// the branch moved conditionally there: either way the branch moves from the value just read or not at all.
import { OperationError, UsageError } from '../core/errors.js';
import { versionDir } from '../core/paths.js';
import type { Policy } from '../core/policy.js';
import type { PlannedVersion } from '../core/promotion.js';
import { gitRaw } from '../git/git.js';
import { localBranchTips, resolveBranch } from '../git/local.js';
import { fetch, fetchBranches, remoteBranchTips } from '../git/remote.js';
import { pushWithLease, treeOfCommit } from '../git/write.js';
import {
  operationFor,
  restoreCommit,
  vanishedRemovals,
  type BranchChange,
  type Operation,
  type Tips,
} from './engine.js';

export interface PushedChange {
  change: BranchChange;
  operation: Operation;
  attempts: number;
  /** The commit at the branch tip that holds the change (after a push, or found there); undefined for none/dry runs. */
  tip?: string;
  /** The tip was written through the API and GitHub verified its signature (signed-commit writes only). */
  verified?: boolean;
}

export type WriteResult =
  { status: 'pushed'; sha: string; verified?: boolean } | { status: 'stale'; message: string };

/** How a prepared commit reaches origin. */
export interface BranchWriter {
  /**
   * Moves `branch` from `expected` (undefined = absent) to the content of local commit `commit`, or reports that the
   * branch is no longer `expected`. `dirs`: the directories whose trees the commit introduced. `fastForward`: the
   * new commit must descend from `expected` (direct commits to a channel).
   */
  write(o: {
    commit: string;
    branch: string;
    expected: string | undefined;
    dirs: string[];
    fastForward: boolean;
  }): Promise<WriteResult>;
}

/** `git push --force-with-lease` of the commit itself. */
export function gitWriter(repoDir: string): BranchWriter {
  return {
    async write(o) {
      const result = await pushWithLease(repoDir, {
        commit: o.commit,
        branch: o.branch,
        expected: o.expected,
      });
      return result.status === 'pushed' ? { status: 'pushed', sha: o.commit } : result;
    },
  };
}

/** The directories above each version's directory: the trees a promotion or cleanup of `versions` rewrites. */
export function changedDirs(policy: Policy, versions: readonly PlannedVersion[]): string[] {
  const dirs = new Set<string>(['']);
  for (const v of versions) {
    const segments = versionDir(policy.packagesRoot, v.name, v.version).split('/');
    for (let i = 1; i < segments.length; i++) dirs.add(segments.slice(0, i).join('/'));
  }
  return [...dirs];
}

/**
 * Whether commit `tip` is exactly `change` made by anyone (another identity, or GitHub for a signed commit): one
 * commit whose only parent is the planned base and whose tree is the planned tree. Read from the raw commit, so a
 * shallow fetch of `tip` is enough.
 */
export async function holdsChange(repoDir: string, tip: string, change: BranchChange): Promise<boolean> {
  if (!change.commit) return false;
  const raw = await gitRaw(['cat-file', 'commit', tip], { cwd: repoDir, okCodes: [128] });
  if (raw.code !== 0) return false;
  const headers = raw.stdout.toString('utf8').split('\n\n')[0]!.split('\n');
  const parents = headers.filter((l) => l.startsWith('parent ')).map((l) => l.slice('parent '.length));
  const tree = headers.find((l) => l.startsWith('tree '))?.slice('tree '.length);
  return (
    parents.length === 1 &&
    parents[0] === change.baseSha &&
    tree === (await treeOfCommit(repoDir, change.commit))
  );
}

export interface PushOptions {
  repoDir: string;
  policy: Policy;
  /** Push to origin (else only the local branch is written). */
  push: boolean;
  /** Build the commit but write nothing (dry run). */
  dryRun?: boolean;
  /** Also point the local branch refs/heads/<branch> at the result (the CLI does; the action has no use for it). */
  updateLocalBranch: boolean;
  maxAttempts?: number;
  /** How commits reach origin (default: git push with a lease). */
  writer?: BranchWriter;
}

/** After a write that git did not do (the API), the local repository learns the new tip by fetching it. */
async function recordTip(options: PushOptions, branch: string, sha: string): Promise<void> {
  const { repoDir } = options;
  const known = await gitRaw(['cat-file', '-e', `${sha}^{commit}`], { cwd: repoDir, okCodes: [1, 128] });
  if (known.code !== 0) await fetch(repoDir, [sha], { depth: 1, treesOnly: true });
  await gitRaw(['update-ref', `refs/remotes/origin/${branch}`, sha], { cwd: repoDir });
}

/**
 * A direct cleanup commit is leased on its own branch only; a more stable channel could lose a removed version in
 * the meantime. Re-read those channels after the push and put back anything that would otherwise be in no
 * distribution (bounded; a PR cleanup needs none of this: the required check re-evaluates it at merge time).
 */
async function restoreIfVanished(options: PushOptions, change: BranchChange): Promise<void> {
  const { repoDir, policy } = options;
  let tip = change.commit!;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const remote = await fetchBranches(
      repoDir,
      policy.channels.map((c) => c.branch),
      { treesOnly: true },
    );
    const tips = new Map(policy.channels.map((c) => [c.branch, remote.get(c.branch)]));
    const lost = await vanishedRemovals(repoDir, policy, change, tips);
    if (lost.length === 0) return;
    const current = remote.get(change.branch);
    if (current !== tip) {
      // Someone moved the branch after our push: restore on top of what is there now.
      if (!current)
        throw new OperationError(
          `${change.branch} disappeared while restoring ${lost.map((v) => `${v.name}@${v.version}`).join(', ')}`,
        );
      tip = current;
    }
    const restore = await restoreCommit(repoDir, policy, tip, lost);
    const result = await (options.writer ?? gitWriter(repoDir)).write({
      commit: restore,
      branch: change.branch,
      expected: tip,
      dirs: changedDirs(policy, lost),
      fastForward: true,
    });
    if (result.status === 'pushed') {
      await recordTip(options, change.branch, result.sha);
      change.restored = lost;
      return;
    }
  }
  throw new OperationError(
    `${change.base} may have lost ${change.versions.map((v) => `${v.name}@${v.version}`).join(', ')}: a more stable channel dropped them while the cleanup was pushed, and restoring them kept failing; restore them by hand`,
  );
}

export async function pushChange(
  options: PushOptions,
  prepare: (tips: Tips) => Promise<BranchChange>,
): Promise<PushedChange> {
  const { repoDir, policy } = options;
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    let tips: Tips;
    if (options.push) {
      // Plan on what origin has now (trees only: blobs are never needed to copy or drop whole versions).
      const remote = await fetchBranches(
        repoDir,
        policy.channels.map((c) => c.branch),
        { treesOnly: true },
      );
      tips = new Map(policy.channels.map((c) => [c.branch, remote.get(c.branch)]));
    } else
      tips = await localBranchTips(
        repoDir,
        policy.channels.map((c) => c.branch),
      );
    const change = await prepare(tips);
    if (!change.commit) return { change, operation: 'none', attempts: attempt };

    if (!options.push) {
      const local = await resolveBranch(repoDir, change.branch).then((r) =>
        r?.ref.startsWith('refs/heads/') ? r.sha : undefined,
      );
      const operation = await operationFor(repoDir, change, local);
      if (operation !== 'unchanged' && !options.dryRun && options.updateLocalBranch) {
        const head = await gitRaw(['symbolic-ref', '--quiet', 'HEAD'], { cwd: repoDir, okCodes: [1, 128] });
        if (head.code === 0 && head.stdout.toString('utf8').trim() === `refs/heads/${change.branch}`)
          throw new UsageError(
            `${change.branch} is checked out in ${repoDir}; switch to another branch first`,
          );
        await gitRaw(
          ['update-ref', '-m', 'package-storage', `refs/heads/${change.branch}`, change.commit, local ?? ''],
          { cwd: repoDir },
        );
      }
      return { change, operation, attempts: attempt };
    }

    // A direct commit must land on exactly the tip it was planned on; a PR branch on whatever it holds now.
    const current = change.direct
      ? change.baseSha
      : (await remoteBranchTips(repoDir, [change.branch])).get(change.branch);
    if (current && !change.direct)
      await fetch(repoDir, [`+${current}:refs/remotes/origin/${change.branch}`], {
        depth: 1,
        treesOnly: true,
      });
    let operation = await operationFor(repoDir, change, current);
    // The same change made by someone else (another identity, or GitHub signing it) is left as it is.
    if (operation === 'updated' && current && !change.direct && (await holdsChange(repoDir, current, change)))
      operation = 'unchanged';
    if (operation === 'unchanged')
      return { change, operation, attempts: attempt, tip: current ?? change.commit };
    if (options.dryRun) return { change, operation, attempts: attempt };
    const result = await (options.writer ?? gitWriter(repoDir)).write({
      commit: change.commit,
      branch: change.branch,
      expected: current,
      dirs: changedDirs(policy, change.versions),
      fastForward: change.direct,
    });
    if (result.status === 'pushed') {
      // The branch tip is what was written (a commit GitHub made has another id than the local one).
      change.commit = result.sha;
      await recordTip(options, change.branch, result.sha);
      if (change.kind === 'cleanup' && change.direct) await restoreIfVanished(options, change);
      if (options.updateLocalBranch && !change.direct)
        await gitRaw(['update-ref', `refs/heads/${change.branch}`, change.commit], { cwd: repoDir });
      return {
        change,
        operation,
        attempts: attempt,
        tip: result.sha,
        ...(result.verified !== undefined ? { verified: result.verified } : {}),
      };
    }
    if (attempt >= maxAttempts)
      throw new OperationError(
        `${change.branch} kept moving on origin while pushing (${maxAttempts} attempts): ${result.message}`,
      );
  }
}
