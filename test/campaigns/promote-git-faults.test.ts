// Git-side faults for the promote action (bundled, run as the runner runs it, against a bare origin and the
// contract-checked GitHub API): branches that move between reading and pushing (injected deterministically by a
// pre-receive hook in the origin), a cleanup killed mid-push or racing a removal on the more stable channel, and an
// origin that cannot be fetched at all (validate, promote, and the CLI).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { disablePushHook, installPushHook, pushHookLog } from '../support/faults/git-hooks.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { checkoutLikeActions, StorageOrigin, type VersionSpec } from '../support/storage-origin.js';
import { pushPayload, workflowDispatchPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const repository = `${owner}/${repo}`;
const PROMOTE_BRANCH = 'promote/snapshot-to-staging';

const snapshotVersions: VersionSpec[] = [
  { name: 'nginx', version: '1.6.0', seed: 1 },
  { name: 'apm', version: '8.0.0-rc1', seed: 3 },
  { name: 'aws_s3', version: '1.2.0', seed: 5 },
];

let origin: StorageOrigin;
let gh: FakeGitHub;

beforeEach(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.5.0', seed: 9 }],
      staging: [],
      snapshot: snapshotVersions,
    },
  });
  gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});
afterAll(cleanupTempDirs);

async function promote(inputs: Record<string, string>, workspace?: string): Promise<ActionRun> {
  const ws = workspace ?? (await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' }));
  const run = await runAction({
    mode: 'bundle', // killed and raced from outside: a process of its own, as on the runner
    action: 'promote',
    inputs,
    eventName: 'workflow_dispatch',
    payload: workflowDispatchPayload({ ref: 'main', inputs, owner, repo }),
    workspace: ws,
    repository,
    sha: await origin.rev('main'),
    ref: 'refs/heads/main',
    github: gh,
  });
  expect(run.deprecatedCommands).toEqual([]);
  return run;
}

/** The promote action in cleanup mode, as run on a push to `branch` (a promotion merged). */
async function cleanupAfterPush(branch: string, before: string, workspace?: string): Promise<ActionRun> {
  const after = await origin.rev(branch);
  const ws =
    workspace ??
    (await checkoutLikeActions({ origin: origin.bare, ref: `refs/heads/${branch}`, sha: after }));
  return runAction({
    mode: 'bundle', // killed and raced from outside: a process of its own, as on the runner
    action: 'promote',
    eventName: 'push',
    payload: pushPayload({ ref: `refs/heads/${branch}`, before, after, owner, repo, defaultBranch: 'main' }),
    workspace: ws,
    repository,
    sha: after,
    ref: `refs/heads/${branch}`,
    github: gh,
  });
}

/** A failed run ends with exactly one error annotation, one line, and no stack trace anywhere. */
function expectOneLineFailure(run: ActionRun, message: RegExp): void {
  expect(run.exitCode).toBe(1);
  const errors = run.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  const last = errors[0]!.message;
  if (process.env.FAULTS_VERBOSE) console.log(`exit ${run.exitCode}: ${last}`);
  expect(last).not.toContain('\n');
  expect(last).toMatch(message);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
}

const versionsOf = async (ref: string): Promise<Map<string, string>> =>
  new Map((await origin.listVersions(ref)).map((v) => [`${v.name}@${v.version}`, v.tree]));

/**
 * The cleanup invariant: a version that left `channel` is, with the identical tree, in a more stable channel
 * now. Returns the versions that are in no channel any more.
 */
async function lostVersions(channel: string, before: Map<string, string>): Promise<string[]> {
  const order = ['production', 'staging', 'snapshot'];
  const now = await versionsOf(channel);
  const stable = await Promise.all(order.slice(0, order.indexOf(channel)).map((c) => versionsOf(c)));
  const lost: string[] = [];
  for (const [v, tree] of before) if (!now.has(v) && !stable.some((s) => s.get(v) === tree)) lost.push(v);
  return lost;
}

/** Merges the promotion of `specs` into staging the way a squash-merged PR would, returns staging before it. */
async function landOnStaging(specs: VersionSpec[]): Promise<string> {
  const before = await origin.rev('staging');
  await origin.commit('staging', { add: specs, message: '[staging] Promote packages from snapshot' });
  return before;
}

describe('promote: the branches move between reading and pushing', () => {
  it('re-plans on the moved target when a concurrent writer makes the lease fail, and opens one PR', async () => {
    // The first push of the PR branch: meanwhile staging moved and another run pushed the PR branch on top of it.
    await installPushHook(origin.bare, {
      match: `^refs/heads/${PROMOTE_BRANCH}$`,
      times: 1,
      actions: [
        { type: 'advance', branch: 'staging', file: 'deployment/concurrent.md' },
        { type: 'move-pushed-ref', onto: 'staging' },
      ],
    });
    const stagingBefore = await origin.rev('staging');
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0,apm@8.0.0-rc1' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const log = await pushHookLog(origin.bare);
    const moved = log.find((e) => e.acted)!.tips.staging!;
    expect(moved).not.toBe(stagingBefore);
    expect(await origin.rev('staging')).toBe(moved);
    // Two pushes: the one that lost the lease, and the re-planned one.
    expect(log.filter((e) => e.updates.some((u) => u.ref === `refs/heads/${PROMOTE_BRANCH}`))).toHaveLength(
      2,
    );
    const tip = await origin.rev(PROMOTE_BRANCH);
    expect(run.outputs.commit).toBe(tip);
    expect(await origin.rev(`${PROMOTE_BRANCH}^`)).toBe(moved);
    const promoted = await versionsOf(PROMOTE_BRANCH);
    for (const v of ['nginx@1.6.0', 'apm@8.0.0-rc1'])
      expect(promoted.get(v)).toBe((await versionsOf('snapshot')).get(v));
    expect(await origin.readFile(PROMOTE_BRANCH, 'deployment/concurrent.md')).toBeTruthy();
    expect([...gh.pulls.values()].filter((p) => p.state === 'open')).toHaveLength(1);
    expect(gh.calls('pulls/create')).toHaveLength(1);
    expect(gh.pulls.get(1)).toMatchObject({ head: PROMOTE_BRANCH, base: 'staging' });
  });

  it('a target that moves on its own does not fail the lease: the PR is based on the tip read, and the next run rebases it', async () => {
    // The lease protects the branch written (promote/*), not the target: a PR on a tip that moved meanwhile is
    // what GitHub shows for any PR whose base moves later; its merge commit is what the validate check reads.
    await installPushHook(origin.bare, {
      match: `^refs/heads/${PROMOTE_BRANCH}$`,
      times: 1,
      actions: [{ type: 'advance', branch: 'staging', file: 'deployment/concurrent.md' }],
    });
    const stagingBefore = await origin.rev('staging');
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await origin.rev(`${PROMOTE_BRANCH}^`)).toBe(stagingBefore);
    const moved = await origin.rev('staging');
    expect(moved).not.toBe(stagingBefore);
    const again = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(again.outputs).toMatchObject({ operation: 'updated', 'pull-request-number': '1' });
    expect(await origin.rev(`${PROMOTE_BRANCH}^`)).toBe(moved);
    expect(gh.calls('pulls/create')).toHaveLength(1);
  });

  it('gives up clearly after three attempts when the target keeps moving, leaving nothing half-written', async () => {
    await installPushHook(origin.bare, {
      match: `^refs/heads/${PROMOTE_BRANCH}$`,
      times: 100,
      actions: [
        { type: 'advance', branch: 'staging', file: 'deployment/concurrent.md' },
        { type: 'move-pushed-ref', onto: 'staging' },
      ],
    });
    const stagingTips = new Set([await origin.rev('staging')]);
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expectOneLineFailure(
      run,
      new RegExp(`${PROMOTE_BRANCH} kept moving on origin while pushing \\(3 attempts\\)`),
    );
    const log = (await pushHookLog(origin.bare)).filter((e) => e.acted);
    expect(log).toHaveLength(3);
    for (const e of log) stagingTips.add(e.tips.staging!);
    // The PR branch holds what the last concurrent writer pushed, on a real staging tip; no PR was opened.
    const tip = await origin.rev(PROMOTE_BRANCH);
    expect(log.at(-1)!.created.find((c) => c.ref === `refs/heads/${PROMOTE_BRANCH}`)?.commit).toBe(tip);
    expect(stagingTips.has(await origin.rev(`${PROMOTE_BRANCH}^`))).toBe(true);
    expect(gh.calls('pulls/create')).toEqual([]);
    // Once the writer stops, a re-run converges on the latest tip.
    await disablePushHook(origin.bare);
    const again = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(await origin.rev(`${PROMOTE_BRANCH}^`)).toBe(await origin.rev('staging'));
    expect(gh.calls('pulls/create')).toHaveLength(1);
  });
});

describe('cleanup: never removes a version that is not in a more stable channel', () => {
  it('killed mid-push, leaves snapshot as it was; a re-run cleans up', async () => {
    const snapshotBefore = await versionsOf('snapshot');
    const snapshotTip = await origin.rev('snapshot');
    const stagingBefore = await landOnStaging([snapshotVersions[0]!]);
    // The direct cleanup commit's push: the hook kills the action (and its git processes) before the ref moves.
    await installPushHook(origin.bare, {
      match: '^refs/heads/snapshot$',
      times: 1,
      actions: [
        { type: 'sleep', ms: 200 },
        { type: 'kill', guard: 'actions/promote/dist/index.js' },
      ],
    });
    const killed = await cleanupAfterPush('staging', stagingBefore);
    expect(killed.signal).toBe('SIGKILL');
    expect((await pushHookLog(origin.bare)).filter((e) => e.acted)).toHaveLength(1);
    expect(await origin.rev('snapshot')).toBe(snapshotTip);
    expect(await lostVersions('snapshot', snapshotBefore)).toEqual([]);

    await disablePushHook(origin.bare);
    const rerun = await cleanupAfterPush('staging', stagingBefore);
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.outputs).toMatchObject({ operation: 'updated', branch: 'snapshot' });
    expect((await versionsOf('snapshot')).has('nginx@1.6.0')).toBe(false);
    expect(await lostVersions('snapshot', snapshotBefore)).toEqual([]);
  });

  it('re-plans when snapshot moved too, and then keeps a version staging lost meanwhile', async () => {
    const snapshotBefore = await versionsOf('snapshot');
    const stagingBefore = await landOnStaging([snapshotVersions[0]!, snapshotVersions[1]!]);
    // Between plan and push: an approved exception removes apm from staging, and someone commits to snapshot.
    await installPushHook(origin.bare, {
      match: '^refs/heads/snapshot$',
      times: 1,
      actions: [
        { type: 'remove', branch: 'staging', path: 'packages/apm/8.0.0-rc1' },
        { type: 'advance', branch: 'snapshot', file: 'deployment/notes.md' },
      ],
    });
    const run = await cleanupAfterPush('staging', stagingBefore);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.packages!)).toEqual([
      expect.objectContaining({ name: 'nginx', version: '1.6.0' }),
    ]);
    const now = await versionsOf('snapshot');
    expect(now.has('nginx@1.6.0')).toBe(false);
    expect(now.has('apm@8.0.0-rc1')).toBe(true);
    expect(await lostVersions('snapshot', snapshotBefore)).toEqual([]);
  });

  // A direct cleanup is leased on its own branch only: when the more stable channel loses a removed version while
  // the cleanup is pushed, the action puts the version back.
  it('does not remove a version that the more stable channel loses between plan and push', async () => {
    const snapshotBefore = await versionsOf('snapshot');
    const stagingBefore = await landOnStaging([snapshotVersions[0]!, snapshotVersions[1]!]);
    await installPushHook(origin.bare, {
      match: '^refs/heads/snapshot$',
      times: 1,
      actions: [{ type: 'remove', branch: 'staging', path: 'packages/apm/8.0.0-rc1' }],
    });
    const run = await cleanupAfterPush('staging', stagingBefore);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect((await pushHookLog(origin.bare)).filter((e) => e.acted)).toHaveLength(1);
    expect((await versionsOf('staging')).has('apm@8.0.0-rc1')).toBe(false);
    expect(await lostVersions('snapshot', snapshotBefore)).toEqual([]);
  });
});

describe('origin cannot be fetched', () => {
  async function unreachable(ref: string): Promise<string> {
    const workspace = await checkoutLikeActions({ origin: origin.bare, ref });
    await git(['-C', workspace, 'remote', 'set-url', 'origin', `${origin.bare}-missing`]);
    return workspace;
  }

  it('validate fails with a clear one-line error', async () => {
    const after = await origin.rev('snapshot');
    const workspace = await unreachable('refs/heads/snapshot');
    const run = await runAction({
      mode: 'bundle', // killed and raced from outside: a process of its own, as on the runner
      action: 'validate',
      eventName: 'push',
      payload: pushPayload({
        ref: 'refs/heads/snapshot',
        before: await origin.rev('main'),
        after,
        owner,
        repo,
        defaultBranch: 'main',
      }),
      workspace,
      repository,
      sha: after,
      ref: 'refs/heads/snapshot',
      github: gh,
    });
    expectOneLineFailure(
      run,
      /git .*(ls-remote|fetch).*(does not appear to be a git repository|Could not read)/,
    );
  });

  it('promote fails with a clear one-line error and writes nothing', async () => {
    const run = await promote(
      { from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' },
      await unreachable('refs/heads/main'),
    );
    expectOneLineFailure(
      run,
      /git .*(ls-remote|fetch).*(does not appear to be a git repository|Could not read)/,
    );
    await expect(origin.rev(PROMOTE_BRANCH)).rejects.toThrow();
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('cleanup fails the same way', async () => {
    const stagingBefore = await landOnStaging([snapshotVersions[0]!]);
    const after = await origin.rev('staging');
    const workspace = await unreachable('refs/heads/staging');
    const snapshotTip = await origin.rev('snapshot');
    const run = await cleanupAfterPush('staging', stagingBefore, workspace);
    expect(after).toBe(await origin.rev('staging'));
    expectOneLineFailure(
      run,
      /git .*(ls-remote|fetch).*(does not appear to be a git repository|Could not read)/,
    );
    expect(await origin.rev('snapshot')).toBe(snapshotTip);
  });

  it('the CLI exits 3 with one line', async () => {
    const clone = await tempDir('unreachable-clone');
    await git(['clone', '--quiet', origin.bare, clone]);
    await git(['-C', clone, 'remote', 'set-url', 'origin', `${origin.bare}-missing`]);
    for (const args of [
      [
        'promote',
        '--repo',
        clone,
        '--from',
        'snapshot',
        '--to',
        'staging',
        '--packages',
        'nginx@1.6.0',
        '--push',
      ],
      ['cleanup', '--repo', clone, '--channel', 'snapshot', '--push'],
    ]) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
      if (process.env.FAULTS_VERBOSE) console.log(`exit ${code}: ${err.join(' / ')}`);
      expect(code, err.join('\n')).toBe(3);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(
        new RegExp(
          `^package-storage ${args[0]}: git .*(does not appear to be a git repository|Could not read)`,
        ),
      );
    }
  });
});
