// The bundled promote action run as the runner runs it, against a bare origin, workspaces made like
// actions/checkout, and the contract-checked GitHub API; plus the full snapshot -> staging -> production cycle
// with cleanup after each merge, checked at every step by the bundled validate action.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs } from '../support/git.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { checkoutLikeActions, StorageOrigin, type VersionSpec } from '../support/storage-origin.js';
import { pullRequestPayload, pushPayload, workflowDispatchPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const repository = `${owner}/${repo}`;

const snapshotVersions: VersionSpec[] = [
  { name: 'nginx', version: '1.6.0', seed: 1 },
  { name: 'nginx', version: '1.7.0-rc1', seed: 2 },
  { name: 'apm', version: '8.0.0-rc1', seed: 3 },
  { name: 'aws_ec2', version: '1.0.0', seed: 4 },
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

async function promote(
  inputs: Record<string, string>,
  mode: 'source' | 'bundle' = 'source',
): Promise<ActionRun> {
  const workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' });
  const payload = workflowDispatchPayload({ ref: 'main', inputs, owner, repo });
  const run = await runAction({
    mode,
    action: 'promote',
    inputs,
    eventName: 'workflow_dispatch',
    payload,
    workspace,
    repository,
    sha: await origin.rev('main'),
    ref: 'refs/heads/main',
    github: gh,
  });
  expect(run.deprecatedCommands).toEqual([]);
  return run;
}

async function cleanupAfterPush(branch: string, before: string): Promise<ActionRun> {
  const after = await origin.rev(branch);
  const workspace = await checkoutLikeActions({
    origin: origin.bare,
    ref: `refs/heads/${branch}`,
    sha: after,
  });
  const payload = pushPayload({
    ref: `refs/heads/${branch}`,
    before,
    after,
    owner,
    repo,
    defaultBranch: 'main',
  });
  return runAction({
    action: 'promote',
    eventName: 'push',
    payload,
    workspace,
    repository,
    sha: after,
    ref: `refs/heads/${branch}`,
    github: gh,
  });
}

async function validatePull(number: number): Promise<ActionRun> {
  await gh.syncPull(number);
  const pull = gh.pulls.get(number)!;
  const merge = await origin.rev(`refs/pull/${number}/merge`);
  const workspace = await checkoutLikeActions({
    origin: origin.bare,
    ref: `refs/pull/${number}/merge`,
    sha: merge,
  });
  const payload = pullRequestPayload({
    action: 'synchronize',
    number,
    title: pull.title,
    base: { ref: pull.base, sha: await origin.rev(pull.base) },
    head: { ref: pull.head, sha: await origin.rev(pull.head) },
    owner,
    repo,
    defaultBranch: 'main',
  });
  return runAction({
    action: 'validate',
    eventName: 'pull_request',
    payload,
    workspace,
    repository,
    sha: merge,
    ref: `refs/pull/${number}/merge`,
    github: gh,
  });
}

async function validatePush(branch: string, before: string): Promise<ActionRun> {
  const after = await origin.rev(branch);
  const workspace = await checkoutLikeActions({
    origin: origin.bare,
    ref: `refs/heads/${branch}`,
    sha: after,
  });
  const payload = pushPayload({
    ref: `refs/heads/${branch}`,
    before,
    after,
    owner,
    repo,
    defaultBranch: 'main',
  });
  return runAction({
    action: 'validate',
    eventName: 'push',
    payload,
    workspace,
    repository,
    sha: after,
    ref: `refs/heads/${branch}`,
    github: gh,
  });
}

const openPulls = (): number[] =>
  [...gh.pulls.values()].filter((p) => p.state === 'open').map((p) => p.number);
const names = (run: ActionRun): string[] =>
  (JSON.parse(run.outputs.packages ?? '[]') as Array<{ name: string; version: string }>).map(
    (p) => `${p.name}@${p.version}`,
  );

describe('promote action', () => {
  it('opens one PR; a re-run changes nothing; a new selection updates the same PR', async () => {
    const first = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0, apm@8.0.0-rc1' });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.outputs).toMatchObject({
      operation: 'created',
      'pull-request-number': '1',
      branch: 'promote/snapshot-to-staging',
    });
    expect(names(first)).toEqual(['apm@8.0.0-rc1', 'nginx@1.6.0']);
    const pull = gh.pulls.get(1)!;
    expect(pull).toMatchObject({
      title: '[staging] Promote packages from snapshot (apm-8.0.0-rc1, nginx-1.6.0)',
      head: 'promote/snapshot-to-staging',
      base: 'staging',
      labels: ['promotion'],
    });
    expect(pull.body).toContain(
      `| nginx | 1.6.0 | \`${await origin.treeId('snapshot', 'packages/nginx/1.6.0')}\` |`,
    );
    expect(first.summary).toContain('operation: <code>created</code>');

    const again = await promote({ from: 'snapshot', to: 'staging', packages: 'apm@8.0.0-rc1,nginx@1.6.0' });
    expect(again.outputs).toMatchObject({
      operation: 'unchanged',
      'pull-request-number': '1',
      commit: first.outputs.commit,
    });
    expect(gh.calls('pulls/create')).toHaveLength(1);

    const changed = await promote({
      from: 'snapshot',
      to: 'staging',
      packages: 'nginx@latest\naws_*@latest',
    });
    expect(changed.outputs).toMatchObject({ operation: 'updated', 'pull-request-number': '1' });
    expect(names(changed)).toEqual(['aws_ec2@1.0.0', 'aws_s3@1.2.0', 'nginx@1.7.0-rc1']);
    expect(gh.pulls.get(1)!.title).toBe(
      '[staging] Promote packages from snapshot (aws_ec2-1.0.0, aws_s3-1.2.0, nginx-1.7.0-rc1)',
    );
    expect(openPulls()).toEqual([1]);
    expect((await validatePull(1)).outputs.result).toBe('pass');
  });

  it('opens a new PR when the old one was closed but its branch is still there', async () => {
    await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    gh.closePull(1);
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(run.outputs).toMatchObject({ operation: 'created', 'pull-request-number': '2' });
    expect(openPulls()).toEqual([2]);
  });

  it('rebuilds on the target when it moved between two runs', async () => {
    const first = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    const moved = await origin.commit('staging', { files: { 'deployment/notes.md': 'moved\n' } });
    const second = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(second.outputs).toMatchObject({ operation: 'updated', 'pull-request-number': '1' });
    expect(second.outputs.commit).not.toBe(first.outputs.commit);
    expect(await origin.rev('promote/snapshot-to-staging^')).toBe(moved);
  });

  it('two runs at the same time leave one PR and a consistent branch', async () => {
    // Two processes, as two workflow runs are: the shipped bundle.
    const runs = await Promise.all([
      promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0,apm@8.0.0-rc1' }, 'bundle'),
      promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0,apm@8.0.0-rc1' }, 'bundle'),
    ]);
    for (const r of runs) expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(runs.map((r) => r.outputs.operation).sort()).toEqual(expect.arrayContaining(['created']));
    expect(openPulls()).toEqual([1]);
    expect(new Set(runs.map((r) => r.outputs.commit))).toEqual(
      new Set([await origin.rev('promote/snapshot-to-staging')]),
    );
    const listed = await origin.listVersions('promote/snapshot-to-staging');
    expect(listed.map((v) => `${v.name}@${v.version}`).sort()).toEqual([
      'apm@8.0.0-rc1',
      'nginx@1.6.0',
      'staging@0.0.1',
    ]);
  });

  it('refuses absent, conflicting and skipped-stage versions without writing anything', async () => {
    const absent = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@9.9.9' });
    expect(absent.exitCode).toBe(1);
    expect(absent.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('nginx@9.9.9 is not in the source channel'),
      }),
    );
    const skipped = await promote({ from: 'snapshot', to: 'production', packages: 'nginx@1.6.0' });
    expect(skipped.exitCode).toBe(2);
    expect(skipped.annotations).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('snapshot -> production is not an allowed promotion'),
      }),
    );
    await origin.commit('staging', { add: [{ name: 'nginx', version: '1.6.0', seed: 99 }] });
    const conflict = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(conflict.exitCode).toBe(1);
    expect(conflict.annotations).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('is already in staging with different content'),
      }),
    );
    expect(gh.calls('pulls/create')).toEqual([]);
    await expect(origin.rev('promote/snapshot-to-staging')).rejects.toThrow();
  });

  it('prints the plan on a dry run and writes nothing', async () => {
    const run = await promote({
      from: 'snapshot',
      to: 'staging',
      packages: 'nginx@1.6.0',
      'dry-run': 'true',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.operation).toBe('created');
    expect(run.stdout).toContain('nginx@1.6.0 tree');
    expect(run.summary).toContain('(dry run)');
    expect(gh.requests).toEqual([]);
    await expect(origin.rev('promote/snapshot-to-staging')).rejects.toThrow();
  });

  it('says clearly when Actions may not create pull requests', async () => {
    gh.setPullRequestCreationAllowed(false);
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.at(-1)?.message).toContain(
      'enable "Allow GitHub Actions to create and approve pull requests"',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('masks the token', async () => {
    const run = await promote({
      from: 'snapshot',
      to: 'staging',
      packages: 'nginx@1.6.0',
      'dry-run': 'true',
    });
    expect(run.masks).toContain(gh.token);
  });
});

describe('the full cycle snapshot -> staging -> production', () => {
  it('promotes, validates, merges and cleans up at every step', async () => {
    // 1. snapshot -> staging
    const toStaging = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    const n1 = Number(toStaging.outputs['pull-request-number']);
    expect((await validatePull(n1)).outputs.result).toBe('pass');
    const stagingBefore = await origin.rev('staging');
    await gh.mergePull(n1, 'squash');
    expect((await validatePush('staging', stagingBefore)).outputs.result).toBe('pass');

    // Cleanup after the merge: snapshot allows direct commits, so the removal is a commit on snapshot.
    const snapshotBefore = await origin.rev('snapshot');
    const cleanSnapshot = await cleanupAfterPush('staging', stagingBefore);
    expect(cleanSnapshot.exitCode, cleanSnapshot.stdout + cleanSnapshot.stderr).toBe(0);
    expect(cleanSnapshot.outputs).toMatchObject({
      operation: 'updated',
      branch: 'snapshot',
      'pull-request-number': '',
    });
    expect(names(cleanSnapshot)).toEqual(['nginx@1.6.0']);
    expect((await validatePush('snapshot', snapshotBefore)).outputs.result).toBe('pass');
    expect((await origin.listVersions('snapshot')).map((v) => `${v.name}@${v.version}`)).not.toContain(
      'nginx@1.6.0',
    );
    // Running it again finds nothing to do.
    expect((await cleanupAfterPush('staging', stagingBefore)).outputs.operation).toBe('none');

    // A bad step in between: removing from staging before production has it is rejected.
    const early = await origin.commit('early-cleanup', {
      parent: 'staging',
      removeVersions: [{ name: 'nginx', version: '1.6.0' }],
    });
    expect(early).toBeTruthy();
    const earlyPull = await gh.openPull({
      head: 'early-cleanup',
      base: 'staging',
      title: '[staging] Remove nginx-1.6.0',
    });
    expect((await validatePull(earlyPull.number)).outputs.result).toBe('fail');
    gh.closePull(earlyPull.number);

    // 2. staging -> production
    const toProduction = await promote({ from: 'staging', to: 'production', packages: 'nginx@1.6.0' });
    const n2 = Number(toProduction.outputs['pull-request-number']);
    expect(gh.pulls.get(n2)!.title).toBe('[production] Promote packages from staging (nginx-1.6.0)');
    expect((await validatePull(n2)).outputs.result).toBe('pass');
    const productionBefore = await origin.rev('production');
    await gh.mergePull(n2, 'merge');

    // Cleanup after the merge: staging takes PRs, so a cleanup PR, which the validate check accepts.
    const cleanStaging = await cleanupAfterPush('production', productionBefore);
    expect(cleanStaging.exitCode, cleanStaging.stdout + cleanStaging.stderr).toBe(0);
    const results = JSON.parse(cleanStaging.outputs.results!) as Array<{
      base: string;
      operation: string;
      pullRequest?: { number: number };
    }>;
    expect(results.map((r) => [r.base, r.operation])).toEqual([
      ['staging', 'created'],
      ['snapshot', 'none'],
    ]);
    const n3 = results[0]!.pullRequest!.number;
    expect(gh.pulls.get(n3)).toMatchObject({
      title: '[staging] Remove promoted packages (nginx-1.6.0)',
      head: 'cleanup/staging',
      labels: ['cleanup'],
    });
    expect((await validatePull(n3)).outputs.result).toBe('pass');
    await gh.mergePull(n3, 'squash');

    // Where everything ended up: production only grew; the version is served from production alone.
    const at = async (branch: string): Promise<string[]> =>
      (await origin.listVersions(branch)).map((v) => `${v.name}@${v.version}`).sort();
    expect(await at('production')).toEqual(['nginx@1.5.0', 'nginx@1.6.0']);
    expect(await at('staging')).toEqual(['staging@0.0.1']);
    expect(await at('snapshot')).not.toContain('nginx@1.6.0');
    expect(await origin.treeId('production', 'packages/nginx/1.6.0')).toBe(
      await origin.treeId(`${snapshotBefore}`, 'packages/nginx/1.6.0'),
    );
  });
});
