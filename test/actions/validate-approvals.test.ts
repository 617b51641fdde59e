// Exceptions an operator can grant and a contributor cannot forge: approvals bound to the exact head commit the
// approver saw (a review's commit_id, or the label applied after the last push in the repository activity log),
// per-channel approvers, per-PR exceptions in a merge group, merge conflicts as findings, and the notices for
// Dockerfile and .github/ changes. The validate action runs as the runner runs it against real git and the
// OpenAPI-checked fake GitHub API (some runs with the bundle as a child process).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs } from '../support/git.js';
import { distributionFiles } from '../support/manifests.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import {
  checkoutLikeActions,
  StorageOrigin,
  type CommitChange,
  type VersionSpec,
} from '../support/storage-origin.js';
import { errors, findings, notices, seconds } from '../support/validate-outputs.js';
import { mergeGroupPayload, pullRequestPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const repository = `${owner}/${repo}`;
const label = 'policy-exception';

// Shaped like the real repository: most files 100755; snapshot's copies 100644 (old promotions flipped modes).
const nginx15: VersionSpec = { name: 'nginx', version: '1.5.0', seed: 1, fileMode: '100755' };
const nginx16: VersionSpec = { name: 'nginx', version: '1.6.0', seed: 2, fileMode: '100755' };
const system = (version: string, seed: number): VersionSpec => ({
  name: 'system',
  version,
  seed,
  fileMode: '100755',
});

let origin: StorageOrigin;
let gh: FakeGitHub;
let counter = 0;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [nginx15, system('1.19.5', 3)],
      staging: [nginx16, system('1.20.0', 4)],
      snapshot: [{ ...nginx16, fileMode: '100644' }, system('1.20.0', 4)],
    },
  });
  gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
  gh.setPermission('maintainer', 'maintain');
  gh.setPermission('admin-user', 'admin');
  gh.setPermission('helper', 'triage');
});
afterAll(async () => {
  await gh.close();
  await cleanupTempDirs();
});
afterEach(() => {
  expect(gh.violations).toEqual([]);
});

interface Opened {
  number: number;
  head: string;
}

async function openPull(base: string, change: CommitChange, title: string, fork = false): Promise<Opened> {
  const head = `topic-${++counter}`;
  await origin.commit(head, { parent: base, ...change });
  const pull = await gh.openPull({ head, base, title, ...(fork ? { user: 'mallory', fork: true } : {}) });
  return { number: pull.number, head };
}

/** Runs validate on `pull_request_target` for an open PR, the workspace holding the base branch. */
async function check(
  base: string,
  pr: Opened,
  o: { bundle?: boolean; fork?: boolean } = {},
): Promise<ActionRun> {
  await gh.syncPull(pr.number);
  const baseSha = await origin.rev(base);
  const workspace = await checkoutLikeActions({
    origin: origin.bare,
    ref: `refs/heads/${base}`,
    sha: baseSha,
  });
  const payload = pullRequestPayload({
    action: gh.pulls.get(pr.number)!.labels.length > 0 ? 'labeled' : 'opened',
    number: pr.number,
    title: gh.pulls.get(pr.number)!.title,
    base: { ref: base, sha: baseSha },
    head: { ref: pr.head, sha: await origin.rev(pr.head) },
    labels: gh.pulls.get(pr.number)!.labels,
    owner,
    repo,
    defaultBranch: 'main',
    ...(o.fork ? { fork: true, user: 'mallory' } : {}),
  });
  const run = await runAction({
    action: 'validate',
    eventName: 'pull_request_target',
    payload,
    workspace,
    repository,
    sha: baseSha,
    ref: `refs/heads/${base}`,
    github: gh,
    ...(o.bundle ? { mode: 'bundle' as const } : {}),
  });
  expect(run.deprecatedCommands).toEqual([]);
  return run;
}

/** An overwrite of staging's nginx@1.6.0 with content snapshot holds first (so only the overwrite is at stake). */
async function stagingOverwrite(seed: number): Promise<CommitChange> {
  const change = { add: [{ ...nginx16, seed }] };
  await origin.commit('snapshot', change);
  return change;
}

describe('approvals bound to the head commit', () => {
  it('an approving review of the head commit by a maintainer approves the exception (bundled action)', async () => {
    const pr = await openPull(
      'staging',
      await stagingOverwrite(20),
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
    );
    gh.addLabel(pr.number, label, 'helper'); // anyone may ask; the review approves
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    const run = await check('staging', pr, { bundle: true });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(findings(run).find((f) => f.rule === 'overwrite')).toMatchObject({
      severity: 'notice',
      exception: { rule: 'overwrite', source: 'approval', via: 'review', by: 'maintainer' },
    });
    expect(gh.calls('pulls/list-reviews').length).toBeGreaterThan(0);
  });

  it('a push after the review needs a new approval', async () => {
    const pr = await openPull(
      'staging',
      await stagingOverwrite(21),
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
    );
    gh.addLabel(pr.number, label, 'maintainer', seconds(-120));
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    // The contributor pushes again: the review is of the earlier commit, the label older than the push.
    await origin.commit(pr.head, { files: { 'packages/nginx/1.6.0/docs/extra.md': 'more\n' } });
    const run = await check('staging', pr);
    expect(run.exitCode, run.stdout).toBe(1);
    expect(errors(run)).toContain('overwrite nginx@1.6.0');
    const note = notices(run).find((n) =>
      n.includes(`label "${label}" is on the PR but approves nothing yet`),
    );
    expect(note).toContain('approving reviews by @maintainer are of an earlier commit');
    expect(note).toContain('applied by @maintainer before the head commit');

    // Re-approving the new head makes it pass.
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    expect((await check('staging', pr)).exitCode).toBe(0);
  });

  it('the label counts when a maintainer applied it after the last push', async () => {
    const pr = await openPull(
      'staging',
      await stagingOverwrite(22),
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
    );
    gh.addLabel(pr.number, label, 'maintainer', seconds(5));
    const run = await check('staging', pr);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(findings(run).find((f) => f.rule === 'overwrite')).toMatchObject({
      exception: { via: 'label', by: 'maintainer' },
    });
    expect(gh.calls('repos/list-activities').length).toBeGreaterThan(0);
  });

  it('a label applied before the head commit was pushed does not count', async () => {
    const pr = await openPull(
      'staging',
      await stagingOverwrite(23),
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
    );
    gh.addLabel(pr.number, label, 'maintainer', seconds(-60));
    const run = await check('staging', pr);
    expect(run.exitCode).toBe(1);
    expect(notices(run)).toContainEqual(expect.stringContaining('before the head commit'));
  });

  it('a request for changes after an approval withdraws it', async () => {
    const pr = await openPull(
      'staging',
      await stagingOverwrite(24),
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
    );
    gh.addLabel(pr.number, label, 'helper');
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    await gh.addReview(pr.number, { user: 'maintainer', state: 'CHANGES_REQUESTED' });
    expect((await check('staging', pr)).exitCode).toBe(1);
  });

  it('an approval without the label approves nothing', async () => {
    const pr = await openPull(
      'staging',
      await stagingOverwrite(25),
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
    );
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    const run = await check('staging', pr);
    expect(run.exitCode).toBe(1);
    expect(gh.calls('pulls/list-reviews').length).toBeGreaterThan(0);
  });
});

describe('who may approve is per channel', () => {
  it('a legal removal from production needs an admin: a maintainer cannot approve it, an admin can', async () => {
    const pr = await openPull(
      'production',
      { removeVersions: [{ name: 'system', version: '1.19.5' }] },
      '[production] Remove system 1.19.5 (legal request)',
    );
    gh.addLabel(pr.number, label, 'maintainer', seconds(5));
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    const refused = await check('production', pr);
    expect(refused.exitCode).toBe(1);
    expect(errors(refused)).toEqual(['removal system@1.19.5']);
    expect(notices(refused)).toContainEqual(expect.stringContaining('needs a user with the admin role'));
    const removal = findings(refused).find((f) => f.rule === 'removal');
    expect(String(removal!.message)).toContain('an exception approved by a user with the admin role');

    await gh.addReview(pr.number, { user: 'admin-user', state: 'APPROVED' });
    const approved = await check('production', pr);
    expect(approved.exitCode, approved.stdout).toBe(0);
    expect(findings(approved).find((f) => f.rule === 'removal')).toMatchObject({
      severity: 'notice',
      exception: { rule: 'removal', via: 'review', by: 'admin-user' },
    });
  });

  it('a backport to production (7.17.x after 8.0.0) with an admin approval', async () => {
    const p8 = { name: 'kubernetes', version: '8.0.0', seed: 5, fileMode: '100755' as const };
    const p717 = { name: 'kubernetes', version: '7.17.5', seed: 6, fileMode: '100755' as const };
    const production = await origin.rev('production');
    const staging = await origin.rev('staging');
    await origin.commit('staging', { add: [p8, p717] });
    await origin.commit('production', { add: [p8] });
    try {
      const pr = await openPull('production', { add: [p717] }, '[production] Backport kubernetes 7.17.5');
      gh.addLabel(pr.number, label, 'helper');
      const refused = await check('production', pr);
      expect(errors(refused)).toEqual(['version-increment kubernetes@7.17.5']);
      await gh.addReview(pr.number, { user: 'admin-user', state: 'APPROVED' });
      expect((await check('production', pr)).exitCode).toBe(0);
    } finally {
      await origin.setRef('refs/heads/production', production);
      await origin.setRef('refs/heads/staging', staging);
    }
  });

  it("from a fork, only a review binds (the fork's pushes are not in this repository's log)", async () => {
    const pr = await openPull(
      'staging',
      await stagingOverwrite(26),
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
      true,
    );
    gh.addLabel(pr.number, label, 'maintainer', seconds(5));
    const refused = await check('staging', pr, { fork: true });
    expect(refused.exitCode).toBe(1);
    expect(notices(refused)).toContainEqual(expect.stringContaining('the head branch is in a fork'));
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    expect((await check('staging', pr, { fork: true })).exitCode).toBe(0);
  });
});

describe("merge groups: each PR's exception covers only its own changes", () => {
  // Each test's group leaves the queue (merged or dequeued) before the next test queues its own.
  afterEach(() => gh.clearMergeQueue('staging'));

  async function checkGroup(
    base: string,
    group: { head: string; headRef: string; baseSha: string },
  ): Promise<ActionRun> {
    const workspace = await checkoutLikeActions({
      origin: origin.bare,
      ref: `refs/heads/${group.headRef}`,
      sha: group.head,
    });
    const payload = mergeGroupPayload({
      headSha: group.head,
      headRef: group.headRef,
      baseSha: group.baseSha,
      baseRef: base,
      owner,
      repo,
      defaultBranch: 'main',
    });
    return runAction({
      action: 'validate',
      eventName: 'merge_group',
      payload,
      workspace,
      repository,
      sha: group.head,
      ref: `refs/heads/${group.headRef}`,
      github: gh,
    });
  }

  it('an approved PR and an unapproved one in the same group: only the approved changes pass', async () => {
    const approvedChange = await stagingOverwrite(30);
    const otherChange = { add: [{ ...system('1.20.0', 31) }] };
    await origin.commit('snapshot', otherChange);
    const approved = await openPull('staging', approvedChange, '[staging] Promote nginx 1.6.0 again');
    const unapproved = await openPull('staging', otherChange, '[staging] Promote system 1.20.0 again');
    gh.addLabel(approved.number, label, 'helper');
    await gh.addReview(approved.number, { user: 'maintainer', state: 'APPROVED' });
    const group = await gh.enqueue('staging', [approved.number, unapproved.number]);
    const run = await checkGroup('staging', group);
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual(['overwrite system@1.20.0']);
    const byRule = findings(run).filter((f) => f.rule === 'overwrite');
    expect(byRule.map((f) => `${String(f.severity)} ${String(f.message).split(':')[0]}`)).toEqual([
      `notice PR #${approved.number}`,
      `error PR #${unapproved.number}`,
    ]);
    expect(run.stdout).toContain(`merge group into staging (#${approved.number}, #${unapproved.number})`);
  });

  it('a group whose PRs the queue no longer lists is checked as one change, without exceptions', async () => {
    const change = await stagingOverwrite(32);
    const pr = await openPull('staging', change, '[staging] Promote nginx 1.6.0 again');
    gh.addLabel(pr.number, label, 'helper');
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    const group = await gh.enqueue('staging', [pr.number]);
    // The queue's entries are gone (the PR was dequeued): which PR the group's commit merges is not known for sure.
    gh.clearMergeQueue('staging');
    const run = await checkGroup('staging', group);
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual(['overwrite nginx@1.6.0']);
    expect(notices(run)).toContainEqual(expect.stringContaining('could not be split into its PRs'));
  });
});

describe('merge conflicts and changes outside packages', () => {
  it('a merge conflict is a finding naming the conflicting files (exit 1), not a git failure', async () => {
    const pr = await openPull(
      'snapshot',
      { files: { 'deployment/package-registry.yml': 'package_paths: [/a]\n' } },
      '[snapshot] Change the registry config',
    );
    await origin.commit('snapshot', {
      files: { 'deployment/package-registry.yml': 'package_paths: [/b]\n' },
    });
    await gh.syncPull(pr.number);
    expect(gh.pulls.get(pr.number)).toMatchObject({ state: 'open' });
    const run = await check('snapshot', pr);
    expect(run.exitCode).toBe(1);
    expect(findings(run)).toEqual([
      expect.objectContaining({
        rule: 'merge-conflict',
        severity: 'error',
        path: 'deployment/package-registry.yml',
        message: expect.stringMatching(
          /^PR #\d+ does not merge cleanly into snapshot: 1 conflicting file \("deployment\/package-registry.yml"\)/,
        ),
      }),
    ]);
    expect(run.outputs.result).toBe('fail');
  });

  it('a Dockerfile registry bump is a notice naming both versions, with a warning when channels then differ', async () => {
    const dockerfile = distributionFiles('staging', { registryVersion: 'v1.16.0' }).Dockerfile!;
    const pr = await openPull(
      'staging',
      { files: { Dockerfile: dockerfile } },
      '[staging] Update Package Registry to v1.16.0',
    );
    const run = await check('staging', pr);
    expect(run.exitCode).toBe(0);
    expect(notices(run)).toContainEqual(
      expect.stringContaining(
        'the Dockerfile changes the package-registry that serves staging from v1.15.0 to v1.16.0',
      ),
    );
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('(staging v1.16.0, production v1.15.0, snapshot v1.15.0)'),
      }),
    );
  });

  it('a change to .github/ on a channel branch is a notice', async () => {
    const pr = await openPull(
      'production',
      { files: { '.github/workflows/deploy.yml': 'on: push\n' } },
      '[production] Add a workflow',
    );
    const run = await check('production', pr);
    expect(run.exitCode).toBe(0);
    expect(notices(run)).toContainEqual(
      expect.stringContaining('the change touches .github/ on the channel branch production'),
    );
  });
});
