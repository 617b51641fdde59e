// The bundled promote action run as the runner runs it, against a bare origin, workspaces made like
// actions/checkout, and the contract-checked GitHub API; plus the full snapshot -> staging -> production cycle
// with cleanup after each merge, checked at every step by the bundled validate action.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs } from '../support/git.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { checkoutLikeActions, StorageOrigin, type VersionSpec } from '../support/storage-origin.js';
import { kibana } from '../support/manifests.js';
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

async function cleanupAfterPush(
  branch: string,
  before: string,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
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
    inputs,
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

describe('auto-merge', () => {
  beforeEach(async () => {
    gh.setRepositorySettings({ allowAutoMerge: true });
    await gh.protectBranch('staging', { requiredChecks: ['package-storage policy'] });
  });
  const promoteNginx = (method: string, more: Record<string, string> = {}) =>
    promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0', 'auto-merge': method, ...more });
  const autoMergeCalls = (): string[] =>
    gh
      .calls('graphql')
      .flatMap((c) => c.graphql ?? [])
      .filter((f) => f.endsWith('AutoMerge'));

  it('arms auto-merge on the promotion PR it opened; a re-run keeps it; the PR merges when the check passes', async () => {
    const run = await promoteNginx('squash');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['auto-merge']).toBe('enabled');
    const pull = gh.pulls.get(1)!;
    expect(pull.autoMerge).toMatchObject({
      method: 'squash',
      headSha: await origin.rev('promote/snapshot-to-staging'),
    });
    expect(run.summary).toContain('auto-merge (squash) armed');

    const again = await promoteNginx('squash');
    expect(again.outputs).toMatchObject({ operation: 'unchanged', 'auto-merge': 'unchanged' });
    expect(autoMergeCalls()).toEqual(['enablePullRequestAutoMerge']);

    expect((await validatePull(1)).outputs.result).toBe('pass');
    const stagingBefore = await origin.rev('staging');
    expect(await gh.completeChecks(1)).toBe(await origin.rev('staging'));
    expect(gh.pulls.get(1)).toMatchObject({ merged: true });
    expect((await validatePush('staging', stagingBefore)).outputs.result).toBe('pass');
    expect(await origin.treeId('staging', 'packages/nginx/1.6.0')).toBe(
      await origin.treeId('snapshot', 'packages/nginx/1.6.0'),
    );
  });

  it('turns auto-merge off when the branch holds a commit promote did not write', async () => {
    await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0', 'auto-merge': 'merge' });
    const ours = await origin.rev('promote/snapshot-to-staging');
    expect(gh.pulls.get(1)!.autoMerge?.headSha).toBe(ours);
    // A maintainer pushes onto the bot branch after promote read it and before it checks the PR's head.
    let human = '';
    gh.beforeNext('graphql', async () => {
      human = await origin.commit('promote/snapshot-to-staging', {
        files: { 'packages/nginx/1.6.0/extra.md': 'x\n' },
      });
    });
    const raced = await promoteNginx('merge');
    expect(raced.exitCode, raced.stdout + raced.stderr).toBe(0);
    expect(raced.outputs).toMatchObject({ operation: 'unchanged', 'auto-merge': 'not-ours' });
    expect(gh.pulls.get(1)!.autoMerge).toBeNull();
    expect(raced.annotations.map((a) => a.message)).toContain(
      `auto-merge turned off on PR #1: promote/snapshot-to-staging holds ${human.slice(0, 12)} that promote did not write; the next promote run rebuilds it`,
    );
    // The next run rebuilds the branch (the human commit goes) and arms auto-merge on its own commit again.
    const rerun = await promoteNginx('merge');
    expect(rerun.outputs).toMatchObject({ operation: 'updated', 'auto-merge': 'enabled', commit: ours });
    expect(gh.pulls.get(1)!.autoMerge?.headSha).toBe(ours);
  });

  it("leaves auto-merge off on a PR someone else opened on promote's branch", async () => {
    // A user with write access opens a PR from promote's branch first (its description is theirs).
    await origin.commit('promote/snapshot-to-staging', {
      parent: 'staging',
      files: { 'docs/notes.md': 'notes\n' },
      lease: null,
    });
    await gh.openPull({
      head: 'promote/snapshot-to-staging',
      base: 'staging',
      title: 'Looks like a promotion',
      user: 'writer',
    });
    const run = await promoteNginx('merge');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'pull-request-number': '1', 'auto-merge': 'not-ours' });
    expect(gh.pulls.get(1)!.autoMerge).toBeNull();
    expect(autoMergeCalls()).toEqual([]);
    expect(run.annotations.map((a) => a.message)).toContain(
      'auto-merge left off on PR #1: it was opened by @writer, not by the account promote runs as; close it and re-run promote to get a PR promote may auto-merge',
    );
    expect(run.summary).toContain('auto-merge off (the PR was opened by @writer, not by promote)');
    // Control: closed, and promote opens (and arms) its own.
    gh.closePull(1);
    const own = await promoteNginx('merge');
    expect(own.outputs).toMatchObject({
      operation: 'created',
      'pull-request-number': '2',
      'auto-merge': 'enabled',
    });
  });

  it('says what to change when the repository has auto-merge off, but still opens the PR', async () => {
    gh.setRepositorySettings({ allowAutoMerge: false });
    const run = await promoteNginx('squash');
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      operation: 'created',
      'pull-request-number': '1',
      'auto-merge': 'failed',
    });
    expect(run.annotations.at(-1)?.message).toBe(
      'auto-merge was not armed on PR #1: auto-merge is turned off for acme/package-storage: enable "Allow auto-merge" (Settings > General > Pull Requests), or leave the `auto-merge` input empty',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(autoMergeCalls()).toEqual([]);
  });

  it('explains that GitHub arms auto-merge only while a required check is pending', async () => {
    await gh.protectBranch('staging', { requiredChecks: [] });
    const run = await promoteNginx('rebase');
    expect(run.exitCode).toBe(1);
    expect(run.annotations.at(-1)?.message).toContain(
      'PR #1 could merge right away (GitHub says CLEAN), and GitHub arms auto-merge only while a required check or review is pending: require the validate check on staging',
    );
  });

  it('says which permission is missing when the token cannot enable auto-merge', async () => {
    const first = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(first.outputs['auto-merge']).toBe('off');
    gh.setReadOnlyToken(true);
    const run = await promoteNginx('squash');
    expect(run.exitCode).toBe(1);
    expect(run.annotations.at(-1)?.message).toContain(
      'Resource not accessible by integration: the token needs `contents: write` and `pull-requests: write` to use auto-merge',
    );
  });

  it('refuses auto-merge on drafts and unknown methods before doing anything', async () => {
    const draft = await promoteNginx('squash', { draft: 'true' });
    expect(draft.exitCode).toBe(2);
    expect(draft.annotations.at(-1)?.message).toBe(
      'inputs `auto-merge` and `draft` exclude each other: GitHub does not auto-merge drafts',
    );
    const unknown = await promoteNginx('yes');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.annotations.at(-1)?.message).toBe(
      'input `auto-merge` must be merge, squash, rebase or empty (got "yes")',
    );
    expect(gh.requests).toEqual([]);
  });
});

describe('reviewers and assignees', () => {
  it('requests reviewers and assigns, reports the ones GitHub refuses, and pings nobody on a re-run', async () => {
    gh.setPermission('alice', 'write');
    gh.setPermission('bob', 'maintain');
    gh.addTeam('storage-maintainers');
    const inputs = {
      from: 'snapshot',
      to: 'staging',
      packages: 'nginx@1.6.0',
      reviewers: 'alice, @mallory',
      'team-reviewers': 'acme/storage-maintainers',
      assignees: 'bob\nstranger',
    };
    const run = await promote(inputs);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const pull = gh.pulls.get(1)!;
    expect(pull).toMatchObject({
      requestedReviewers: ['alice'],
      requestedTeams: ['storage-maintainers'],
      assignees: ['bob'],
    });
    const warnings = run.annotations.filter(
      (a) => a.level === 'warning' && !a.message.includes('GITHUB_TOKEN'),
    );
    expect(warnings.map((a) => a.message)).toEqual([
      'PR #1: mallory was not added: Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/package-storage repository.',
      'PR #1: stranger was not added: GitHub did not assign them (not a collaborator who can be assigned)',
    ]);
    expect(run.summary).toContain('review requested from alice, acme/storage-maintainers');

    const again = await promote(inputs);
    expect(again.outputs.operation).toBe('unchanged');
    // One bulk request (refused), then one per reviewer to say which: none on the unchanged re-run.
    expect(gh.calls('pulls/request-reviewers').map((c) => c.status)).toEqual([422, 201, 422, 201]);
  });
});

describe('signed commits', () => {
  it('creates the promotion commit through the API (verified), idempotently, with the same trees', async () => {
    const inputs = {
      from: 'snapshot',
      to: 'staging',
      packages: 'nginx@1.6.0, apm@8.0.0-rc1',
      'sign-commits': 'true',
    };
    const run = await promote(inputs);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const tip = await origin.rev('promote/snapshot-to-staging');
    expect(run.outputs).toMatchObject({ operation: 'created', commit: tip });
    expect(gh.verifiedCommits.has(tip)).toBe(true);
    expect(await origin.rev('promote/snapshot-to-staging^')).toBe(await origin.rev('staging'));
    expect(await origin.treeId('promote/snapshot-to-staging', 'packages/apm/8.0.0-rc1')).toBe(
      await origin.treeId('snapshot', 'packages/apm/8.0.0-rc1'),
    );
    expect(run.summary).toContain('(signed by GitHub)');
    // git push was not used: the branch moved through updateRefs only.
    expect(gh.calls('git/create-commit')).toHaveLength(1);

    const again = await promote(inputs);
    expect(again.outputs).toMatchObject({ operation: 'unchanged', commit: tip });
    expect(gh.calls('git/create-commit')).toHaveLength(1);
    expect((await validatePull(1)).outputs.result).toBe('pass');
  });

  it('passes "require signed commits" for a direct cleanup, where a plain push is refused', async () => {
    await gh.protectBranch('snapshot', { requireSignedCommits: true });
    await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    const stagingBefore = await origin.rev('staging');
    await gh.mergePull(1, 'squash');
    const snapshotBefore = await origin.rev('snapshot');

    const plain = await cleanupAfterPush('staging', stagingBefore);
    expect(plain.exitCode).toBe(1);
    expect(plain.annotations.at(-1)?.message).toContain('Commits must have verified signatures');
    expect(await origin.rev('snapshot')).toBe(snapshotBefore);

    const signed = await cleanupAfterPush('staging', stagingBefore, { 'sign-commits': 'true' });
    expect(signed.exitCode, signed.stdout + signed.stderr).toBe(0);
    expect(signed.outputs).toMatchObject({ operation: 'updated', branch: 'snapshot' });
    const tip = await origin.rev('snapshot');
    expect(signed.outputs.commit).toBe(tip);
    expect(gh.verifiedCommits.has(tip)).toBe(true);
    expect(await origin.rev('snapshot^')).toBe(snapshotBefore);
    expect((await validatePush('snapshot', snapshotBefore)).outputs.result).toBe('pass');
  });
});

describe('a flaky GitHub', () => {
  it('retries a 502 and waits out a secondary rate limit without failing the run', async () => {
    gh.failNext('pulls/list', { status: 502 });
    gh.failNext('pulls/create', { secondaryRateLimit: { retryAfter: 30 } });
    gh.failNext('issues/add-labels', { status: 502 }, 2);
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ operation: 'created', 'pull-request-number': '1' });
    expect(gh.calls('pulls/create').map((c) => c.status)).toEqual([403, 201]);
    expect(gh.calls('issues/add-labels').map((c) => c.status)).toEqual([502, 502, 200]);
    expect(openPulls()).toEqual([1]);
    expect(run.annotations.map((a) => a.message)).toContainEqual(
      expect.stringMatching(
        /^GitHub API secondary rate limit \(POST \/repos\/\{owner\}\/\{repo\}\/pulls\): retrying in 30 s$/,
      ),
    );
  });

  it('fails with a clear message when GitHub keeps failing', async () => {
    gh.failNext('pulls/list', { status: 502 }, 4);
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' });
    expect(run.exitCode).toBe(1);
    expect(gh.calls('pulls/list')).toHaveLength(4);
    expect(run.annotations.at(-1)?.message).toMatch(
      /^GitHub API listing pull requests for promote\/snapshot-to-staging failed \(HTTP 502\): Server Error: GitHub kept failing after retries/,
    );
  });
});

describe('PR bodies', () => {
  it('escape | in table cells (Kibana ranges such as ^7.16.0 || ^8.0.0)', async () => {
    await origin.commit('snapshot', {
      add: [
        {
          name: 'kib',
          version: '2.0.0',
          manifest: { name: 'kib', version: '2.0.0', kibana: kibana('^7.16.0 || ^8.0.0') },
        },
      ],
    });
    const run = await promote({ from: 'snapshot', to: 'staging', packages: 'kib@2.0.0' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const row = gh.pulls
      .get(1)!
      .body!.split('\n')
      .find((l) => l.startsWith('| kib |'))!;
    expect(row).toBe(
      `| kib | 2.0.0 | \`${await origin.treeId('snapshot', 'packages/kib/2.0.0')}\` | \`^7.16.0 \\|\\| ^8.0.0\` |`,
    );
    // Four cells: every unescaped | is a cell border.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
  });
});
