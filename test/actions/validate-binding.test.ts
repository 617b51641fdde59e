// Only what was approved turns the check green: an approval binds to the head commit and the base branch it was
// given for (a base edit voids it), the check merges the head the API reports into the base tip the API reports
// (never a `refs/pull/<n>/merge` that still merges an older head) and writes its check run on exactly that head,
// and a merge group's PRs come from the queue's entries, never from `gh-readonly-queue/…` names a write user can
// push. Each attack next to its control, the validate action run as the runner runs it against real git and the
// OpenAPI-checked fake GitHub API.
import { getOctokit } from '@actions/github';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs } from '../support/git.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import {
  checkoutLikeActions,
  StorageOrigin,
  type CommitChange,
  type VersionSpec,
} from '../support/storage-origin.js';
import { errors, findings, notices, seconds } from '../support/validate-outputs.js';
import { owner, repo, runOnPull } from '../support/validate-scenarios.js';
import { mergeGroupPayload } from '../support/webhooks.js';

const label = 'policy-exception';

const nginx15: VersionSpec = { name: 'nginx', version: '1.5.0', seed: 1, fileMode: '100755' };
const legal: VersionSpec = { name: 'legal', version: '1.0.0', seed: 2, fileMode: '100755' };
const nginx16: VersionSpec = { name: 'nginx', version: '1.6.0', seed: 3, fileMode: '100755' };

let origin: StorageOrigin;
let gh: FakeGitHub;
let counter = 0;

beforeAll(async () => {
  // Staging is where production is (both hold nginx 1.5.0 and legal 1.0.0): a removal from staging is allowed (the
  // identical copy stays in production), the same removal from production needs an admin's exception.
  origin = await StorageOrigin.create({
    branches: { production: [nginx15, legal], snapshot: [nginx16] },
  });
  await origin.setRef('refs/heads/staging', await origin.rev('production'));
  gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
  gh.setPermission('maintainer', 'maintain');
  gh.setPermission('admin-user', 'admin');
  gh.setPermission('helper', 'triage');
  gh.setPermission('writer', 'write');
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

async function openPull(base: string, change: CommitChange, title: string): Promise<Opened> {
  const head = `topic-${++counter}`;
  await origin.commit(head, { parent: base, ...change });
  const pull = await gh.openPull({ head, base, title, user: 'contributor' });
  return { number: pull.number, head };
}

/** validate for an open PR as it is now (`pull_request_target` unless `event` says otherwise). */
const check = async (
  pr: Opened,
  o: { event?: 'pull_request' | 'pull_request_target'; inputs?: Record<string, string> } = {},
): Promise<ActionRun> => (await runOnPull({ origin, gh }, { ...pr, ...o })).run;

/** A PR removing legal 1.0.0, opened into staging (where it needs no exception), labelled and approved by an admin. */
async function removalApprovedForStaging(via: 'review' | 'label'): Promise<Opened> {
  const pr = await openPull(
    'staging',
    { removeVersions: [{ name: 'legal', version: '1.0.0' }] },
    '[staging] Remove legal 1.0.0',
  );
  if (via === 'review') {
    gh.addLabel(pr.number, label, 'helper');
    await gh.addReview(pr.number, { user: 'admin-user', state: 'APPROVED', at: seconds(-30) });
  } else gh.addLabel(pr.number, label, 'admin-user', seconds(-30));
  expect((await check(pr)).exitCode).toBe(0);
  return pr;
}

/** The attacker's move: the base edited to production (and the title to match), no push. */
async function retarget(pr: Opened): Promise<void> {
  await gh.changeBase(pr.number, 'production', 'writer', seconds(-10));
  gh.pulls.get(pr.number)!.title = '[production] Remove legal 1.0.0';
}

describe('an approval binds to the head commit and the base branch it was given for', () => {
  it("an admin's review given while the PR targeted staging does not approve it into production", async () => {
    const pr = await removalApprovedForStaging('review');
    await retarget(pr);
    const run = await check(pr);
    expect(run.exitCode, run.stdout).toBe(1);
    expect(errors(run)).toEqual(['removal legal@1.0.0']);
    expect(notices(run)).toContainEqual(
      expect.stringContaining(
        'approving reviews by @admin-user were given before the base branch was changed to production',
      ),
    );

    // Control: the admin approves again, now for production.
    await gh.addReview(pr.number, { user: 'admin-user', state: 'APPROVED', at: seconds(2) });
    const approved = await check(pr);
    expect(approved.exitCode, approved.stdout).toBe(0);
    expect(findings(approved).find((f) => f.rule === 'removal')).toMatchObject({
      severity: 'notice',
      exception: { rule: 'removal', via: 'review', by: 'admin-user' },
    });
  });

  it('the label applied by an admin before the base edit does not approve it either; applied again, it does', async () => {
    const pr = await removalApprovedForStaging('label');
    await retarget(pr);
    const run = await check(pr);
    expect(run.exitCode, run.stdout).toBe(1);
    expect(notices(run)).toContainEqual(
      expect.stringContaining(
        'it was applied by @admin-user before the base branch was changed to production',
      ),
    );

    gh.addLabel(pr.number, label, 'admin-user', seconds(2)); // already on: no new event
    expect((await check(pr)).exitCode).toBe(1);
    // Control: removed and applied again after the base edit.
    await api().rest.issues.removeLabel({ owner, repo, issue_number: pr.number, name: label });
    gh.addLabel(pr.number, label, 'admin-user', seconds(3));
    const approved = await check(pr);
    expect(approved.exitCode, approved.stdout).toBe(0);
    expect(findings(approved).find((f) => f.rule === 'removal')).toMatchObject({
      exception: { via: 'label', by: 'admin-user' },
    });
  });
});

const api = () => getOctokit(gh.token, { baseUrl: gh.url });

describe('the head the API reports is what is checked, and what the check run is on', () => {
  /**
   * A PR whose first head is harmless and whose second head overwrites staging's nginx 1.5.0, with
   * `refs/pull/<n>/merge` left merging the first head (GitHub recomputes it asynchronously).
   */
  async function staleMergeRef(): Promise<{ pr: Opened; first: string; second: string }> {
    const pr = await openPull('staging', { files: { 'docs/notes.md': 'notes\n' } }, '[staging] Notes');
    const first = await origin.rev(pr.head);
    await gh.syncPull(pr.number);
    const staleMerge = await origin.rev(`refs/pull/${pr.number}/merge`);
    gh.addLabel(pr.number, label, 'helper');
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' }); // of the first head
    const second = await origin.commit(pr.head, { add: [{ ...nginx15, seed: 40 }] });
    await gh.syncPull(pr.number);
    await origin.setRef(`refs/pull/${pr.number}/merge`, staleMerge);
    return { pr, first, second };
  }

  it.each(['pull_request_target', 'pull_request'] as const)(
    '%s: a stale merge ref of a harmless head does not turn the newer head green',
    async (event) => {
      const { pr, second } = await staleMergeRef();
      const run = await check(pr, { event, inputs: { annotations: 'check-run' } });
      expect(run.exitCode, run.stdout).toBe(1);
      expect(errors(run)).toContain('overwrite nginx@1.5.0');
      // The approval of the first head lifts nothing of the second.
      expect(notices(run)).toContainEqual(
        expect.stringContaining('approving reviews by @maintainer are of an earlier commit'),
      );
      const { data } = await api().rest.checks.listForRef({ owner, repo, ref: second });
      expect(data.check_runs.map((c) => [c.head_sha, c.conclusion])).toEqual([[second, 'failure']]);

      // Control: an approval of the head that was checked lifts the overwrite.
      await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
      const approved = await check(pr, { event });
      expect(approved.exitCode, approved.stdout).toBe(0);
      expect(findings(approved).find((f) => f.rule === 'overwrite')).toMatchObject({
        severity: 'notice',
        exception: { via: 'review', by: 'maintainer' },
      });
    },
  );

  it('a base that moved after the merge ref was made is merged at its current tip', async () => {
    const pr = await openPull(
      'snapshot',
      { add: [{ name: 'redis', version: '1.0.0', seed: 50 }] },
      '[snapshot] Add redis',
    );
    await gh.syncPull(pr.number);
    const staleMerge = await origin.rev(`refs/pull/${pr.number}/merge`);
    // snapshot gains redis 1.0.0 with other content meanwhile: the PR now overwrites it.
    await origin.commit('snapshot', { add: [{ name: 'redis', version: '1.0.0', seed: 51 }] });
    await gh.syncPull(pr.number);
    await origin.setRef(`refs/pull/${pr.number}/merge`, staleMerge);
    const run = await check(pr, { event: 'pull_request' });
    // A conflict (add/add of different content) is what merging into the current tip gives.
    expect(run.exitCode, run.stdout).toBe(1);
    expect(findings(run).map((f) => f.rule)).toEqual(['merge-conflict']);
  });
});

describe("a merge group's PRs come from the queue, not from branch names", () => {
  afterEach(() => gh.clearMergeQueue('staging'));

  async function checkGroup(group: { head: string; headRef: string; baseSha: string }): Promise<ActionRun> {
    const ref = `refs/heads/${group.headRef}`;
    const workspace = await checkoutLikeActions({ origin: origin.bare, ref, sha: group.head });
    return runAction({
      action: 'validate',
      eventName: 'merge_group',
      payload: mergeGroupPayload({
        headSha: group.head,
        headRef: group.headRef,
        baseSha: group.baseSha,
        baseRef: 'staging',
        owner,
        repo,
        defaultBranch: 'main',
      }),
      workspace,
      repository: `${owner}/${repo}`,
      sha: group.head,
      ref,
      github: gh,
    });
  }

  /** An overwrite of staging's nginx 1.5.0 with content `seed`. */
  const overwrite = (seed: number): CommitChange => ({ add: [{ ...nginx15, seed }] });

  it("a forged gh-readonly-queue branch naming an approved PR does not lend it that PR's exception", async () => {
    // Opened in this order, the forged name sorts after the real one (what a listing of queue branches returns last).
    const unapproved = await openPull(
      'staging',
      { add: [{ ...legal, seed: 61 }] },
      '[staging] Overwrite legal',
    );
    const approved = await openPull('staging', overwrite(60), '[staging] Overwrite nginx 1.5.0 (approved)');
    gh.addLabel(approved.number, label, 'helper');
    await gh.addReview(approved.number, { user: 'maintainer', state: 'APPROVED' });
    const last = await openPull('staging', { files: { 'docs/notes.md': 'notes\n' } }, '[staging] Notes');
    const first = await gh.enqueue('staging', [unapproved.number]);
    const group = { ...(await gh.enqueue('staging', [last.number])), baseSha: first.baseSha };
    // A user with write access pushes a queue-like branch naming the approved PR at the unapproved PR's step.
    await origin.setRef(
      `refs/heads/gh-readonly-queue/staging/pr-${approved.number}-${first.baseSha}`,
      first.head,
    );
    const run = await checkGroup(group);
    expect(run.exitCode, run.stdout).toBe(1);
    expect(errors(run)).toContain('overwrite legal@1.0.0');
    expect(findings(run).filter((f) => f.exception)).toEqual([]);
    const overwritten = findings(run).find((f) => f.rule === 'overwrite')!;
    expect(String(overwritten.message)).toMatch(new RegExp(`^PR #${unapproved.number}: `));
    expect(run.stdout).toContain(`merge group into staging (#${unapproved.number}, #${last.number})`);
    expect(gh.calls('graphql').length).toBeGreaterThan(0);
  });

  it('the approved PR queued itself passes; a PR pushed after it was queued gets no exception', async () => {
    const approved = await openPull('staging', overwrite(62), '[staging] Overwrite nginx 1.5.0 (approved)');
    gh.addLabel(approved.number, label, 'helper');
    await gh.addReview(approved.number, { user: 'maintainer', state: 'APPROVED' });
    const group = await gh.enqueue('staging', [approved.number]);
    const run = await checkGroup(group);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(findings(run).find((f) => f.rule === 'overwrite')).toMatchObject({
      severity: 'notice',
      exception: { via: 'review', by: 'maintainer' },
    });

    // The PR's head moves on right after it was queued (GitHub dequeues such a PR, but the group's check may
    // already run) and its new head is approved: the queued commit does not merge that head.
    gh.clearMergeQueue('staging');
    const later = await openPull('staging', overwrite(63), '[staging] Overwrite nginx 1.5.0 (later)');
    gh.addLabel(later.number, label, 'helper');
    const queued = { ...(await gh.enqueue('staging', [later.number])), prHead: await origin.rev(later.head) };
    await origin.commit(later.head, { files: { 'docs/more.md': 'more\n' } });
    await gh.addReview(later.number, { user: 'maintainer', state: 'APPROVED' });
    const moved = await checkGroup(queued);
    expect(moved.exitCode, moved.stdout).toBe(1);
    expect(errors(moved)).toContain('overwrite nginx@1.5.0');
    expect(notices(moved)).toContainEqual(
      expect.stringContaining(
        `the merge queue merged head ${queued.prHead.slice(0, 7)} of PR #${later.number}`,
      ),
    );
  });
});
