// Every GitHub client retries server errors and waits out rate limits (plugin-retry, plugin-throttling): proved
// against the contract-checked fake with injected faults, with client waits scaled down (no real sleeps).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, createClient } from '../../src/github/api.js';
import { commitFiles, initBareRepo } from '../support/github/bare-repo.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';

const repo = { owner: 'acme', repo: 'package-storage' };
let gh: FakeGitHub;

beforeEach(async () => {
  const bare = `${await tempDir('client')}/origin.git`;
  await initBareRepo(bare);
  await commitFiles(bare, 'main', { 'README.md': 'hello\n' });
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
const statuses = (operationId: string) => gh.calls(operationId).map((c) => c.status);

describe('createClient', () => {
  it('retries a 502 and succeeds', async () => {
    gh.failNext('repos/get', { status: 502 });
    const { data } = await client().rest.repos.get(repo);
    expect(data.full_name).toBe('acme/package-storage');
    expect(statuses('repos/get')).toEqual([502, 200]);
  });

  it('retries GraphQL requests too', async () => {
    gh.failNext('graphql', { status: 503 });
    const data = await client().graphql<{ repository: { nameWithOwner: string } }>(
      'query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { nameWithOwner } }',
      repo,
    );
    expect(data.repository.nameWithOwner).toBe('acme/package-storage');
    expect(statuses('graphql')).toEqual([503, 200]);
  });

  it('waits out a secondary rate limit with retry-after, then succeeds', async () => {
    gh.failNext('repos/get', { secondaryRateLimit: { retryAfter: 60 } });
    await client().rest.repos.get(repo);
    expect(statuses('repos/get')).toEqual([403, 200]);
  });

  it('gives up after three retries with a message that says what to do', async () => {
    gh.failNext('repos/get', { status: 502 }, 4);
    const error = await client()
      .rest.repos.get(repo)
      .catch((e: unknown) => e);
    expect(statuses('repos/get')).toEqual([502, 502, 502, 502]);
    expect(apiError(error, 'reading the repository').message).toBe(
      'GitHub API reading the repository failed (HTTP 502): Server Error: GitHub kept failing after retries: re-run the job; see https://www.githubstatus.com',
    );
  });

  it('does not wait for a secondary rate limit that asks for more than two minutes', async () => {
    gh.failNext('repos/get', { secondaryRateLimit: { retryAfter: 600 } });
    const error = await client()
      .rest.repos.get(repo)
      .catch((e: unknown) => e);
    expect(statuses('repos/get')).toEqual([403]);
    expect(apiError(error, 'reading the repository').message).toMatch(
      /^GitHub API reading the repository failed \(HTTP 403\): You have exceeded a secondary rate limit.*: GitHub kept refusing after waiting as it asked \(secondary rate limit\): re-run the job later$/,
    );
  });

  it('does not retry a used-up primary rate limit that resets in an hour', async () => {
    gh.failNext('repos/get', { rateLimit: { resetIn: 3600 } });
    const error = await client()
      .rest.repos.get(repo)
      .catch((e: unknown) => e);
    expect(statuses('repos/get')).toEqual([403]);
    expect(apiError(error, 'reading the repository').message).toContain(
      'the token used up its API rate limit: re-run the job after it resets',
    );
  });

  it('does not retry what a retry cannot fix (404, 422)', async () => {
    const error = await client()
      .rest.pulls.get({ ...repo, pull_number: 9 })
      .catch((e: unknown) => e);
    expect((error as { status: number }).status).toBe(404);
    expect(statuses('pulls/get')).toEqual([404]);
  });
});
