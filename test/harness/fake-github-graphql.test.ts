// The fake's GraphQL endpoint and git data API: documents are checked against GitHub's published schema, and the
// git operations are real (trees, commits and leased ref updates in the bare repository).
import { getOctokit } from '@actions/github';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, initBareRepo, revParse } from '../support/github/bare-repo.js';
import { git } from '../support/github/git.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';

const owner = 'acme';
const repo = 'package-storage';
let gh: FakeGitHub;
let bare: string;
let octokit: ReturnType<typeof getOctokit>;

beforeEach(async () => {
  bare = `${await tempDir('fake-graphql')}/origin.git`;
  await initBareRepo(bare);
  const main = await commitFiles(bare, 'main', { 'README.md': 'hello\n' });
  await commitFiles(bare, 'snapshot', { 'packages/foo/1.0.0/manifest.yml': 'name: foo\n' }, 'foo', main);
  gh = await startFakeGitHub({ owner, repo, bareRepo: bare });
  octokit = getOctokit(gh.token, { baseUrl: gh.url });
});
afterEach(() => gh.close());
afterAll(cleanupTempDirs);

const repositoryId = async (): Promise<string> =>
  (
    await octokit.graphql<{ repository: { id: string } }>(
      'query($o: String!, $n: String!) { repository(owner: $o, name: $n) { id } }',
      { o: owner, n: repo },
    )
  ).repository.id;

describe('fake GitHub: GraphQL against the published schema', () => {
  it('records a field GitHub does not have, a wrong variable type and an undeclared variable', async () => {
    await octokit
      .graphql('query { repository(owner: "acme", name: "package-storage") { autoMergeEnabled } }')
      .catch(() => undefined);
    await octokit
      .graphql(
        'query($n: String!) { repository(owner: "acme", name: "package-storage") { pullRequest(number: $n) { id } } }',
        { n: '1' },
      )
      .catch(() => undefined);
    await octokit.graphql('query { repository(owner: "acme", name: "package-storage") { id } }', {
      extra: 1,
    });
    expect(gh.violations).toHaveLength(3);
    expect(gh.violations[0]).toContain('Cannot query field "autoMergeEnabled" on type "Repository"');
    expect(gh.violations[1]).toContain(
      'Variable "$n" of type "String!" used in position expecting type "Int!"',
    );
    expect(gh.violations[2]).toContain('GraphQL variable $extra is not declared by the operation');
  });

  it('records a valid field the fake does not implement (a new query cannot pass unnoticed)', async () => {
    await octokit
      .graphql('query { repository(owner: "acme", name: "package-storage") { id stargazerCount } }')
      .catch(() => undefined);
    expect(gh.violations).toContainEqual(
      expect.stringContaining('Repository.stargazerCount is not implemented by the fake'),
    );
  });

  it("answers GitHub errors in GitHub's shape without a violation", async () => {
    const error = (await octokit
      .graphql('query { repository(owner: "acme", name: "nope") { id } }')
      .catch((e: unknown) => e)) as { errors: Array<{ type: string; message: string }> };
    expect(error.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        message: "Could not resolve to a Repository with the name 'acme/nope'.",
      }),
    ]);
    expect(gh.violations).toEqual([]);
  });
});

describe('fake GitHub: git data API and updateRefs', () => {
  afterEach(() => expect(gh.violations).toEqual([]));

  it('builds trees and signed commits with git, and moves refs only from the expected value', async () => {
    const version = await revParse(bare, 'snapshot:packages/foo/1.0.0');
    const mainTip = await revParse(bare, 'main');
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: await revParse(bare, 'main^{tree}'),
      tree: [{ path: 'packages/foo/1.0.0', mode: '040000', type: 'tree', sha: version }],
    });
    expect((await git(bare, ['ls-tree', '-r', '--name-only', tree.sha])).stdout.split('\n')).toEqual([
      'README.md',
      'packages/foo/1.0.0/manifest.yml',
      '',
    ]);
    const { data: commit } = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: 'Copy foo\n',
      tree: tree.sha,
      parents: [mainTip],
    });
    expect(commit.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(commit.committer).toMatchObject({ name: 'GitHub', email: 'noreply@github.com' });
    expect((await git(bare, ['cat-file', 'commit', commit.sha])).stdout).toContain(
      'gpgsig -----BEGIN PGP SIGNATURE-----',
    );

    const id = await repositoryId();
    const update = (beforeOid: string, afterOid: string, force = false) =>
      octokit.graphql(
        'mutation($id: ID!, $u: [RefUpdate!]!) { updateRefs(input: {repositoryId: $id, refUpdates: $u}) { clientMutationId } }',
        { id, u: [{ name: 'refs/heads/promote/x', afterOid, beforeOid, force }] },
      );
    const zero = '0'.repeat(40);
    await update(zero, commit.sha); // create: must not exist
    expect(await revParse(bare, 'refs/heads/promote/x')).toBe(commit.sha);
    await expect(update(zero, mainTip, true)).rejects.toThrow(/promote\/x is at/); // exists now: lease fails
    await expect(update(commit.sha, mainTip)).rejects.toThrow(/not a fast-forward/);
    await update(commit.sha, mainTip, true);
    expect(await revParse(bare, 'refs/heads/promote/x')).toBe(mainTip);
  });

  it('refuses unsigned commits on a branch that requires signed commits, by API and by git push', async () => {
    await gh.protectBranch('main', { requireSignedCommits: true });
    const mainTip = await revParse(bare, 'main');
    const { data: unsigned } = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: 'by hand',
      tree: await revParse(bare, 'main^{tree}'),
      parents: [mainTip],
      author: { name: 'Someone', email: 'someone@example.com' },
    });
    expect(unsigned.verification.verified).toBe(false);
    await expect(
      octokit.graphql(
        'mutation($id: ID!, $u: [RefUpdate!]!) { updateRefs(input: {repositoryId: $id, refUpdates: $u}) { clientMutationId } }',
        {
          id: await repositoryId(),
          u: [{ name: 'refs/heads/main', afterOid: unsigned.sha, beforeOid: mainTip }],
        },
      ),
    ).rejects.toThrow(/Commits must have verified signatures/);
    const clone = await tempDir('fake-graphql-clone');
    await git(clone, ['clone', '--quiet', bare, '.']);
    await commitFiles(`${clone}/.git`, 'main', { 'b.md': 'b\n' });
    const push = await git(clone, ['push', 'origin', 'main'], { allowFail: true });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('GH006: Protected branch update failed for refs/heads/main.');
    expect(await revParse(bare, 'main')).toBe(mainTip);
  });
});
