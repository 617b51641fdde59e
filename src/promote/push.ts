// Pushing a prepared change: compare with what the branch holds, push with a lease, and when another writer
// moved a branch first, fetch again and re-plan (bounded), so concurrent runs converge on one consistent branch.
import { OperationError, UsageError } from '../core/errors.js';
import type { Policy } from '../core/policy.js';
import { gitRaw } from '../git/git.js';
import { localBranchTips, resolveBranch } from '../git/local.js';
import { fetch, fetchBranches, remoteBranchTips } from '../git/remote.js';
import { pushWithLease } from '../git/write.js';
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
    const result = await pushWithLease(repoDir, { commit: restore, branch: change.branch, expected: tip });
    if (result.status === 'pushed') {
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
    const operation = await operationFor(repoDir, change, current);
    if (operation === 'unchanged' || options.dryRun) return { change, operation, attempts: attempt };
    const result = await pushWithLease(repoDir, {
      commit: change.commit,
      branch: change.branch,
      expected: current,
    });
    if (result.status === 'pushed') {
      await gitRaw(['update-ref', `refs/remotes/origin/${change.branch}`, change.commit], { cwd: repoDir });
      if (change.kind === 'cleanup' && change.direct) await restoreIfVanished(options, change);
      if (options.updateLocalBranch && !change.direct)
        await gitRaw(['update-ref', `refs/heads/${change.branch}`, change.commit], { cwd: repoDir });
      return { change, operation, attempts: attempt };
    }
    if (attempt >= maxAttempts)
      throw new OperationError(
        `${change.branch} kept moving on origin while pushing (${maxAttempts} attempts): ${result.message}`,
      );
  }
}
