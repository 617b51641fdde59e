// The check run and the sticky comment adapters against the contract-checked fake: every request and response
// checked against GitHub's OpenAPI description, the documented limits (50 annotations a request, 255-character
// titles) enforced by the fake, and a token that may not write answered 403 as GitHub answers it.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/api.js';
import { publishCheckRun, type CheckAnnotation } from '../../src/github/checks.js';
import { writeSticky } from '../../src/github/comments.js';
import { commitFiles, initBareRepo } from '../support/github/bare-repo.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';

const repo = { owner: 'acme', repo: 'package-storage' };
const marker = '<!-- sticky -->';
let gh: FakeGitHub;
let head: string;

beforeEach(async () => {
  const bare = `${await tempDir('checks')}/origin.git`;
  await initBareRepo(bare);
  await commitFiles(bare, 'main', { 'README.md': 'hello\n' });
  head = await commitFiles(bare, 'topic', { 'packages/a/1.0.0/manifest.yml': 'name: a\n' }, 'add a', 'main');
  gh = await startFakeGitHub({ ...repo, bareRepo: bare });
  process.env.GITHUB_API_URL = gh.url;
});
afterEach(async () => {
  delete process.env.GITHUB_API_URL;
  expect(gh.violations).toEqual([]);
  await gh.close();
});
afterAll(cleanupTempDirs);

const client = () => createClient(gh.token, { timeScale: 0.001 });
const annotation = (i: number): CheckAnnotation => ({
  path: 'packages/a/1.0.0/manifest.yml',
  start_line: i + 1,
  end_line: i + 1,
  annotation_level: i % 2 ? 'warning' : 'failure',
  message: `problem ${i}`,
  title: `rule ${i}`,
});

describe('publishCheckRun', () => {
  it('creates one completed check run and adds the annotations 50 per request', async () => {
    const result = await publishCheckRun(client(), repo, {
      name: 'package-storage policy',
      headSha: head,
      conclusion: 'failure',
      title: 'PR #1 into production is blocked',
      summary: '## blocked',
      annotations: Array.from({ length: 120 }, (_, i) => annotation(i)),
    });
    expect(result).toMatchObject({ kind: 'created', annotations: 120, requests: 3 });
    expect(gh.calls('checks/create').map((c) => c.status)).toEqual([201]);
    expect(gh.calls('checks/update').map((c) => c.status)).toEqual([200, 200]);
    const octokit = client();
    const id = result.kind === 'created' ? result.id : 0;
    const { data } = await octokit.rest.checks.get({ ...repo, check_run_id: id });
    expect(data).toMatchObject({ status: 'completed', conclusion: 'failure', head_sha: head });
    expect(data.output).toMatchObject({
      title: 'PR #1 into production is blocked',
      summary: '## blocked',
      annotations_count: 120,
    });
    const listed = await octokit.paginate(octokit.rest.checks.listAnnotations, {
      ...repo,
      check_run_id: id,
      per_page: 100,
    });
    expect(listed.map((a) => a.message)).toEqual(Array.from({ length: 120 }, (_, i) => `problem ${i}`));
  });

  it('completes in one request when the annotations fit', async () => {
    const result = await publishCheckRun(client(), repo, {
      name: 'package-storage policy',
      headSha: head,
      conclusion: 'success',
      title: 'passes',
      summary: 'ok',
      annotations: [],
    });
    expect(result).toMatchObject({ kind: 'created', requests: 1 });
    expect(gh.calls('checks/update')).toEqual([]);
  });

  it('reports a token without checks: write as forbidden, not as a failure', async () => {
    gh.setReadOnlyToken(true);
    const result = await publishCheckRun(client(), repo, {
      name: 'package-storage policy',
      headSha: head,
      conclusion: 'failure',
      title: 't',
      summary: 's',
      annotations: [annotation(0)],
    });
    expect(result).toEqual({
      kind: 'forbidden',
      message: expect.stringContaining(
        'creating a check run failed (HTTP 403): Resource not accessible by integration',
      ),
    });
  });

  it('fails clearly on a commit GitHub does not have', async () => {
    await expect(
      publishCheckRun(client(), repo, {
        name: 'x',
        headSha: 'f'.repeat(40),
        conclusion: 'success',
        title: 't',
        summary: 's',
        annotations: [],
      }),
    ).rejects.toThrow(/creating a check run failed \(HTTP 422\)/);
  });
});

describe('writeSticky', () => {
  it('creates, updates in place, leaves an identical one alone, and never duplicates', async () => {
    const pr = await gh.openPull({ head: 'topic', base: 'main', title: 'x' });
    const octokit = client();
    const list = async () =>
      (await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number })).data.map((c) => c.body);
    expect(
      await writeSticky(octokit, repo, pr.number, marker, `${marker}\nfirst`, { onlyIfPresent: true }),
    ).toEqual({ operation: 'none' });
    const created = await writeSticky(octokit, repo, pr.number, marker, `${marker}\nfirst`);
    expect(created).toMatchObject({ operation: 'created', deleted: 0 });
    expect(await writeSticky(octokit, repo, pr.number, marker, `${marker}\nfirst`)).toMatchObject({
      operation: 'unchanged',
    });
    await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'a human comment' });
    await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: `${marker}\nraced` });
    const updated = await writeSticky(octokit, repo, pr.number, marker, `${marker}\nsecond`);
    expect(updated).toMatchObject({ operation: 'updated', deleted: 1 });
    expect(
      created.operation === 'created' && updated.operation === 'updated' && created.id === updated.id,
    ).toBe(true);
    expect(await list()).toEqual([`${marker}\nsecond`, 'a human comment']);
  });

  it("never edits, resolves or deletes another user's comment that starts with the marker", async () => {
    const pr = await gh.openPull({ head: 'topic', base: 'main', title: 'x' });
    const octokit = client();
    const bodies = async () =>
      (await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number })).data.map(
        (c) => `${c.user!.login}: ${c.body!}`,
      );
    // Older than any of ours: a planted "report", a maintainer quoting one, another app's bot with the marker.
    gh.addComment(pr.number, 'mallory', `${marker}\n## ✅ passes`);
    gh.addComment(pr.number, 'maintainer', `${marker}\n> as the report said`);
    gh.addComment(pr.number, 'other-app[bot]', `${marker}\nnot ours either`);
    expect(
      await writeSticky(octokit, repo, pr.number, marker, `${marker}\nresolved`, { onlyIfPresent: true }),
    ).toEqual({ operation: 'none' });
    const created = await writeSticky(octokit, repo, pr.number, marker, `${marker}\nfirst`);
    expect(created).toMatchObject({ operation: 'created', deleted: 0 });
    // Control: our own comment is found again, updated in place, and a duplicate of ours is deleted.
    await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: `${marker}\nraced` });
    expect(await writeSticky(octokit, repo, pr.number, marker, `${marker}\nsecond`)).toMatchObject({
      operation: 'updated',
      id: created.operation === 'created' ? created.id : 0,
      deleted: 1,
    });
    expect(await bodies()).toEqual([
      `mallory: ${marker}\n## ✅ passes`,
      `maintainer: ${marker}\n> as the report said`,
      `other-app[bot]: ${marker}\nnot ours either`,
      `github-actions[bot]: ${marker}\nsecond`,
    ]);
    expect(gh.calls('issues/update-comment')).toHaveLength(1);
    expect(gh.calls('issues/delete-comment')).toHaveLength(1);
  });

  it('reports a read-only token as forbidden', async () => {
    const pr = await gh.openPull({ head: 'topic', base: 'main', title: 'x' });
    gh.setReadOnlyToken(true);
    expect(await writeSticky(client(), repo, pr.number, marker, `${marker}\nx`)).toEqual({
      operation: 'forbidden',
      message: expect.stringContaining('(HTTP 403): Resource not accessible by integration'),
    });
  });
});
