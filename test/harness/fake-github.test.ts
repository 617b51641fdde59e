import { getOctokit } from '@actions/github';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, initBareRepo, refExists, revParse, setBranch } from '../support/github/bare-repo.js';
import { matchRoute } from '../support/github/router.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { normaliseNullable, type Json } from '../support/github/spec.js';

type Octokit = ReturnType<typeof getOctokit>;

const owner = 'acme';
const repo = 'package-storage';

let root: string;
let counter = 0;
let bare: string;
let gh: FakeGitHub;
let octokit: Octokit;

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

let template: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'support-github-'));
  // Built once and copied per test: a copy costs no git processes.
  template = join(root, 'template.git');
  await initBareRepo(template);
  const main = await commitFiles(template, 'main', { 'README.md': 'hello\n' }, 'initial');
  await commitFiles(template, 'snapshot', { 'packages/foo/1.0.0/manifest.yml': 'name: foo\n' }, 'foo', main);
  await setBranch(template, 'staging', main);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function freshServer(): Promise<void> {
  bare = join(root, `origin-${++counter}.git`);
  await cp(template, bare, { recursive: true });
  gh = await startFakeGitHub({ owner, repo, bareRepo: bare });
  octokit = getOctokit(gh.token, { baseUrl: gh.url });
}

describe('fake GitHub: pulls', () => {
  beforeEach(freshServer);
  afterEach(() => gh.close());

  it('creates, lists, updates and gets PRs backed by the bare repo', async () => {
    const created = await octokit.rest.pulls.create({
      owner,
      repo,
      head: 'snapshot',
      base: 'staging',
      title: 'Promote foo',
    });
    expect(created.status).toBe(201);
    expect(created.data.number).toBe(1);
    expect(created.data.head.sha).toBe(await revParse(bare, 'refs/heads/snapshot'));
    expect(created.data.user.login).toBe('github-actions[bot]');
    expect(created.data.mergeable).toBe(true);
    expect(created.headers.location).toBe(`${gh.url}/repos/${owner}/${repo}/pulls/1`);
    // PR refs exist like on GitHub; the merge ref has parents base tip, head tip.
    expect(await revParse(bare, 'refs/pull/1/head')).toBe(created.data.head.sha);
    const parents =
      (await revParse(bare, 'refs/pull/1/merge^1')) + (await revParse(bare, 'refs/pull/1/merge^2'));
    expect(parents).toBe((await revParse(bare, 'refs/heads/staging')) + created.data.head.sha);
    expect(created.data.merge_commit_sha).toBe(await revParse(bare, 'refs/pull/1/merge'));

    const list = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:snapshot`, base: 'staging' });
    expect(list.data.map((p) => p.number)).toEqual([1]);
    // A list item is pull-request-simple: no mergeable, as on GitHub.
    expect((list.data[0] as Record<string, unknown>).mergeable).toBeUndefined();
    expect((await octokit.rest.pulls.list({ owner, repo, head: `${owner}:other` })).data).toEqual([]);

    const updated = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: 1,
      title: 'New title',
      body: 'b',
    });
    expect(updated.data.title).toBe('New title');
    expect(gh.pulls.get(1)?.title).toBe('New title');

    // A push to the head branch moves head.sha.
    const next = await commitFiles(bare, 'snapshot', { 'packages/foo/1.0.1/manifest.yml': 'name: foo\n' });
    const got = await octokit.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(got.data.head.sha).toBe(next);
    expect(got.data.commits).toBe(2);
    expect(await revParse(bare, 'refs/pull/1/head')).toBe(next);

    const closed = await octokit.rest.pulls.update({ owner, repo, pull_number: 1, state: 'closed' });
    expect(closed.data.state).toBe('closed');
    expect((await octokit.rest.pulls.list({ owner, repo, state: 'closed' })).data).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  });

  it('answers the documented 422 shapes of pulls/create', async () => {
    await octokit.rest.pulls.create({ owner, repo, head: 'snapshot', base: 'staging', title: 't' });
    const dup = await octokit.rest.pulls
      .create({ owner, repo, head: `${owner}:snapshot`, base: 'staging', title: 't' })
      .catch((e: unknown) => e as { status: number; response: { data: { errors: unknown[] } } });
    expect('status' in dup && dup.status).toBe(422);
    expect((dup as { response: { data: { errors: unknown[] } } }).response.data.errors).toEqual([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${owner}:snapshot.`,
      },
    ]);
    const noCommits = await octokit.rest.pulls
      .create({ owner, repo, head: 'staging', base: 'main', title: 't' })
      .catch(
        (e: unknown) => e as { status: number; response: { data: { errors: Array<{ message: string }> } } },
      );
    expect(
      (noCommits as { response: { data: { errors: Array<{ message: string }> } } }).response.data.errors[0]
        ?.message,
    ).toBe('No commits between main and staging');
    expect(
      await status(octokit.rest.pulls.create({ owner, repo, head: 'nope', base: 'staging', title: 't' })),
    ).toBe(422);
    gh.setPullRequestCreationAllowed(false);
    const forbidden = await octokit.rest.pulls
      .create({ owner, repo, head: 'snapshot', base: 'main', title: 't' })
      .catch((e: unknown) => e as { status: number; message: string });
    expect((forbidden as { status: number }).status).toBe(403);
    expect((forbidden as { message: string }).message).toContain('GitHub Actions is not permitted');
    expect(gh.violations).toEqual([]);
  });

  it('records a head filter without owner (GitHub would ignore it and list every PR)', async () => {
    await gh.openPull({ head: 'snapshot', base: 'staging', title: 'one' });
    await gh.openPull({ head: 'snapshot', base: 'main', title: 'two' });
    const res = await octokit.rest.pulls.list({ owner, repo, head: 'snapshot', base: 'staging' });
    expect(res.data).toHaveLength(1); // base filter still applies
    expect((await octokit.rest.pulls.list({ owner, repo, head: 'snapshot' })).data).toHaveLength(2);
    expect(gh.violations).toHaveLength(2);
    expect(gh.violations[0]).toMatch(/head filter "snapshot" lacks the owner/);
  });

  it('paginates with Link headers that octokit follows', async () => {
    for (let i = 0; i < 5; i++)
      await gh.openPull({ head: 'snapshot', base: i % 2 ? 'main' : 'staging', title: `pr ${i}` });
    const first = await octokit.rest.pulls.list({ owner, repo, per_page: 2 });
    expect(first.data.map((p) => p.number)).toEqual([5, 4]);
    expect(first.headers.link).toBe(
      `<${gh.url}/repos/${owner}/${repo}/pulls?per_page=2&page=2>; rel="next", <${gh.url}/repos/${owner}/${repo}/pulls?per_page=2&page=3>; rel="last"`,
    );
    const all = await octokit.paginate(octokit.rest.pulls.list, {
      owner,
      repo,
      per_page: 2,
      sort: 'created',
      direction: 'asc',
    });
    expect(all.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(gh.calls('pulls/list')).toHaveLength(4);
    expect(gh.violations).toEqual([]);
  });

  it('merges for real into the base branch', async () => {
    const { number } = await gh.openPull({
      head: 'snapshot',
      base: 'staging',
      title: 'Promote',
      user: 'alice',
    });
    const res = await octokit.rest.pulls.merge({ owner, repo, pull_number: number, merge_method: 'merge' });
    expect(res.data.merged).toBe(true);
    expect(await revParse(bare, 'refs/heads/staging')).toBe(res.data.sha);
    expect(await revParse(bare, `${res.data.sha}:packages/foo/1.0.0/manifest.yml`)).toBeTruthy();
    const pr = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
    expect([pr.data.state, pr.data.merged, pr.data.merge_commit_sha]).toEqual(['closed', true, res.data.sha]);
    expect(pr.data.merged_by?.login).toBe('github-actions[bot]');
    expect(await status(octokit.rest.pulls.merge({ owner, repo, pull_number: number }))).toBe(405);

    // mergePull from the test side, squash.
    await commitFiles(bare, 'feature', { 'x.txt': 'x\n' }, 'x', 'main');
    const second = await gh.openPull({ head: 'feature', base: 'main', title: 'Squash me' });
    const tip = await gh.mergePull(second.number, 'squash');
    expect(await revParse(bare, `${tip}^1`)).toBe(await revParse(bare, 'refs/heads/main~1'));
    expect(await refExists(bare, `${tip}^2`)).toBe(false);
    expect(gh.pulls.get(second.number)?.merged).toBe(true);
    expect(gh.violations).toEqual([]);
  });

  it('closes a PR when its head branch is deleted (API or push)', async () => {
    const a = await gh.openPull({ head: 'snapshot', base: 'staging', title: 'a' });
    const ref = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/snapshot' });
    expect(ref.data.object.sha).toBe(await revParse(bare, 'refs/heads/snapshot'));
    await octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/snapshot' });
    expect(gh.pulls.get(a.number)?.state).toBe('closed');
    expect(await status(octokit.rest.git.getRef({ owner, repo, ref: 'heads/snapshot' }))).toBe(404);
    expect(await status(octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/snapshot' }))).toBe(422);

    await commitFiles(bare, 'feature', { 'y.txt': 'y\n' }, 'y', 'main');
    const b = await gh.openPull({ head: 'feature', base: 'main', title: 'b' });
    await (await import('../support/github/git.js')).git(bare, ['update-ref', '-d', 'refs/heads/feature']);
    const got = await octokit.rest.pulls.get({ owner, repo, pull_number: b.number });
    expect(got.data.state).toBe('closed');
    expect(gh.violations).toEqual([]);
  });

  it('marks a conflicting PR unmergeable without a merge ref', async () => {
    await commitFiles(bare, 'left', { 'README.md': 'left\n' }, 'left', 'main');
    await commitFiles(bare, 'main', { 'README.md': 'right\n' }, 'right');
    const pr = await gh.openPull({ head: 'left', base: 'main', title: 'conflict' });
    expect(await refExists(bare, `refs/pull/${pr.number}/merge`)).toBe(false);
    const got = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect([got.data.mergeable, got.data.mergeable_state, got.data.merge_commit_sha]).toEqual([
      false,
      'dirty',
      null,
    ]);
    expect(await status(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number }))).toBe(405);
    expect(gh.violations).toEqual([]);
  });
});

describe('fake GitHub: issues, labels, permissions, comments', () => {
  beforeEach(freshServer);
  afterEach(() => gh.close());

  it('labels with events by actor, and permission levels as GitHub maps them', async () => {
    const pr = await gh.openPull({ head: 'snapshot', base: 'staging', title: 't', labels: ['promote'] });
    gh.addLabel(pr.number, 'approved', 'maintainer-bob');
    const added = await octokit.rest.issues.addLabels({
      owner,
      repo,
      issue_number: pr.number,
      labels: ['bot-label'],
    });
    expect(added.data.map((l) => l.name)).toEqual(['promote', 'approved', 'bot-label']);
    const removed = await octokit.rest.issues.removeLabel({
      owner,
      repo,
      issue_number: pr.number,
      name: 'promote',
    });
    expect(removed.data.map((l) => l.name)).toEqual(['approved', 'bot-label']);
    expect(
      await status(octokit.rest.issues.removeLabel({ owner, repo, issue_number: pr.number, name: 'nope' })),
    ).toBe(404);
    const labels = await octokit.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: pr.number });
    expect(labels.data.map((l) => l.name)).toEqual(['approved', 'bot-label']);
    const got = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(got.data.labels.map((l) => l.name)).toEqual(['approved', 'bot-label']);

    const events = await octokit.rest.issues.listEvents({ owner, repo, issue_number: pr.number });
    expect(
      events.data.map((e) => [e.event, e.actor?.login, 'label' in e ? e.label?.name : undefined]),
    ).toEqual([
      ['labeled', 'octocat', 'promote'],
      ['labeled', 'maintainer-bob', 'approved'],
      ['labeled', 'github-actions[bot]', 'bot-label'],
      ['unlabeled', 'github-actions[bot]', 'promote'],
    ]);

    gh.setPermission('maintainer-bob', 'maintain');
    gh.setPermission('triager', 'triage');
    const perm = async (username: string) => {
      const r = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
      return [r.data.permission, r.data.role_name];
    };
    expect(await perm('maintainer-bob')).toEqual(['write', 'maintain']);
    expect(await perm('triager')).toEqual(['read', 'triage']);
    expect(await perm(owner)).toEqual(['admin', 'admin']);
    expect(await perm('stranger')).toEqual(['read', 'read']);

    const repoData = await octokit.rest.repos.get({ owner, repo });
    expect([repoData.data.full_name, repoData.data.default_branch]).toEqual([`${owner}/${repo}`, 'main']);
    expect(gh.violations).toEqual([]);
  });

  it('creates, lists and updates comments', async () => {
    const pr = await gh.openPull({ head: 'snapshot', base: 'staging', title: 't' });
    const c = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: pr.number,
      body: 'hello',
    });
    expect(c.status).toBe(201);
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: c.data.id, body: 'edited' });
    const list = await octokit.rest.issues.listComments({ owner, repo, issue_number: pr.number });
    expect(list.data.map((x) => [x.body, x.user?.login])).toEqual([['edited', 'github-actions[bot]']]);
    expect(
      await status(octokit.rest.issues.createComment({ owner, repo, issue_number: 99, body: 'x' })),
    ).toBe(404);
    expect(gh.violations).toEqual([]);
  });
});

describe('fake GitHub: contract checks', () => {
  beforeEach(freshServer);
  afterEach(() => gh.close());

  it('records unknown routes, unhandled operations, unknown query params, bad bodies and missing auth', async () => {
    expect(await status(octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner, repo }))).toBe(
      404,
    );
    expect(gh.violations.pop()).toMatch(/no such route/);

    const unhandled = await octokit.rest.checks
      .createSuite({ owner, repo, head_sha: 'a'.repeat(40) })
      .catch((e: unknown) => e as { status: number });
    expect(unhandled.status).toBe(501);
    expect(gh.violations.pop()).toMatch(/no handler for checks\/create-suite/);

    expect(
      await status(octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, head_branch: 'x' })),
    ).toBe(422);
    expect(gh.violations.pop()).toMatch(/unknown query parameter "head_branch"/);

    expect(
      await status(
        octokit.request('POST /repos/{owner}/{repo}/pulls', {
          owner,
          repo,
          head: 'snapshot',
          base: 'main',
          draft: 'yes' as unknown as boolean,
        }),
      ),
    ).toBe(422);
    expect(gh.violations.pop()).toMatch(/request body: \/draft must be boolean/);

    expect(await status(getOctokit('wrong', { baseUrl: gh.url }).rest.repos.get({ owner, repo }))).toBe(401);
    expect(gh.violations.pop()).toMatch(/wrong token/);

    expect(await status(octokit.rest.repos.get({ owner: 'someone', repo }))).toBe(404);
    expect(gh.violations.pop()).toMatch(/other than acme\/package-storage/);
    expect(gh.violations).toEqual([]);
  });

  it('refuses writes with a read-only token as GitHub does for fork PRs', async () => {
    gh.setReadOnlyToken(true);
    const e = await octokit.rest.pulls
      .create({ owner, repo, head: 'snapshot', base: 'staging', title: 't' })
      .catch((x: unknown) => x as { status: number; message: string });
    expect((e as { status: number }).status).toBe(403);
    expect((e as { message: string }).message).toContain('Resource not accessible by integration');
    expect(gh.violations).toEqual([]);
  });
});

describe('spec helpers', () => {
  it('routes literal-heavier and multi-segment templates', () => {
    const a = matchRoute('GET', '/repos/o/r/pulls/comments');
    expect(a.kind === 'match' && a.match.route.operationId).toBe('pulls/list-review-comments-for-repo');
    const b = matchRoute('GET', '/repos/o/r/git/ref/heads%2Fpromote%2Ffoo');
    expect(b.kind === 'match' && b.match.pathParams.ref).toBe('heads/promote/foo');
    const c = matchRoute('GET', '/repos/o/r/git/ref/heads/promote/foo');
    expect(c.kind === 'match' && [c.match.route.operationId, c.match.pathParams.ref]).toEqual([
      'git/get-ref',
      'heads/promote/foo',
    ]);
    expect(matchRoute('PUT', '/repos/o/r/pulls').kind).toBe('no-method');
  });

  it('normalises nullable', () => {
    const doc: Json = {
      a: { type: 'string', nullable: true, enum: ['x'] },
      b: { allOf: [{ $ref: '#/x' }], nullable: true, description: 'd' },
      example: { nullable: true },
    };
    normaliseNullable(doc);
    expect(doc).toEqual({
      a: { type: ['string', 'null'], enum: ['x', null] },
      b: { anyOf: [{ allOf: [{ $ref: '#/x' }], description: 'd' }, { type: 'null' }] },
      example: { nullable: true },
    });
  });
});
