// Odd but legal input, and who may approve: the validate action run as the runner runs it against real git and the
// OpenAPI-checked fake GitHub API. Nobody approves their own exception (the PR's author, the pusher of its head);
// bots and deleted accounts approve nothing, without failing the run; a packages root outside the tree and two
// promotion edges sharing one bot branch are configuration errors (exit 2); paths no registry host can create and
// names with bidirectional controls are layout findings; promote's branch with anything besides the copies is no
// pure promotion. Each attack next to its control.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs } from '../support/git.js';
import type { ActionRun } from '../support/run-action.js';
import { StorageOrigin, type CommitChange, type VersionSpec } from '../support/storage-origin.js';
import { errors, findings, notices, seconds } from '../support/validate-outputs.js';
import { owner, repo, runOnPull } from '../support/validate-scenarios.js';

const label = 'policy-exception';
const promoteBot = 'storage-promote[bot]';

const nginx15: VersionSpec = { name: 'nginx', version: '1.5.0', seed: 1, fileMode: '100755' };
const nginx16: VersionSpec = { name: 'nginx', version: '1.6.0', seed: 2, fileMode: '100755' };

let origin: StorageOrigin;
let gh: FakeGitHub;
let counter = 0;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: { production: [nginx15], staging: [nginx16], snapshot: [nginx16] },
  });
  gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
  for (const login of ['maintainer', 'other-maintainer']) gh.setPermission(login, 'maintain');
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

async function openPull(
  base: string,
  change: CommitChange,
  title: string,
  o: { user?: string; head?: string } = {},
): Promise<Opened> {
  const head = o.head ?? `topic-${++counter}`;
  await origin.commit(head, { parent: base, ...change });
  const pull = await gh.openPull({ head, base, title, user: o.user ?? 'contributor' });
  return { number: pull.number, head };
}

/** validate on `pull_request_target` for an open PR as it is now. */
const check = async (pr: Opened): Promise<ActionRun> => (await runOnPull({ origin, gh }, pr)).run;

/** An overwrite of staging's nginx 1.6.0 (content snapshot holds first, so only the overwrite is at stake). */
async function stagingOverwrite(user?: string): Promise<Opened> {
  const change = { add: [{ ...nginx16, seed: 20 + ++counter }] };
  await origin.commit('snapshot', change);
  return openPull('staging', change, '[staging] Promote nginx 1.6.0 again', user ? { user } : {});
}

describe('nobody approves their own exception', () => {
  it("the PR's author applying the label approves nothing; another maintainer's does", async () => {
    const pr = await stagingOverwrite('maintainer');
    gh.addLabel(pr.number, label, 'maintainer', seconds(5));
    const run = await check(pr);
    expect(run.exitCode, run.stdout).toBe(1);
    expect(errors(run)).toEqual(['overwrite nginx@1.6.0']);
    expect(notices(run)).toContainEqual(
      expect.stringContaining(
        'it was applied by @maintainer, who opened the PR (nobody approves their own exception)',
      ),
    );

    await gh.addReview(pr.number, { user: 'other-maintainer', state: 'APPROVED' });
    const approved = await check(pr);
    expect(approved.exitCode, approved.stdout).toBe(0);
    expect(findings(approved).find((f) => f.rule === 'overwrite')).toMatchObject({
      exception: { via: 'review', by: 'other-maintainer' },
    });
  });

  it('a maintainer who pushed the head commit cannot approve it, by label or review', async () => {
    const pr = await stagingOverwrite();
    // The maintainer pushes onto the contributor's branch, then approves their own change.
    await origin.commit(pr.head, { files: { 'packages/nginx/1.6.0/docs/extra.md': 'more\n' } });
    await gh.recordPushes('maintainer');
    gh.addLabel(pr.number, label, 'maintainer', seconds(5));
    await gh.addReview(pr.number, { user: 'maintainer', state: 'APPROVED' });
    const run = await check(pr);
    expect(run.exitCode, run.stdout).toBe(1);
    const note = notices(run).find((n) => n.includes('approves nothing yet'));
    expect(note).toContain('it was applied by @maintainer, who pushed the head commit');
    expect(note).toContain('an approving review by @maintainer, who pushed the head commit');

    await gh.addReview(pr.number, { user: 'other-maintainer', state: 'APPROVED' });
    expect((await check(pr)).exitCode).toBe(0);
  });
});

describe('bots and deleted accounts approve nothing', () => {
  it.each([
    { who: 'a bot', actor: 'renovate[bot]', says: '@renovate[bot], a bot (bots approve nothing)' },
    { who: 'a deleted account', actor: 'ghost', says: 'a deleted account, which approves nothing' },
  ])(
    'a label applied by $who: a red check with its report, not an operation error',
    async ({ actor, says }) => {
      const pr = await stagingOverwrite();
      gh.addLabel(pr.number, label, actor, seconds(5));
      await gh.addReview(pr.number, { user: 'approver-app[bot]', state: 'APPROVED' });
      const lookups = gh.calls('repos/get-collaborator-permission-level').length;
      const run = await check(pr);
      expect(run.exitCode, run.stdout).toBe(1);
      expect(run.outputs.result).toBe('fail');
      expect(errors(run)).toEqual(['overwrite nginx@1.6.0']);
      const note = notices(run).find((n) => n.includes('approves nothing yet'));
      expect(note).toContain(`it was applied by ${says}`);
      expect(note).toContain('an approving review by @approver-app[bot], a bot (bots approve nothing)');
      expect(run.summary).toContain('package-storage policy');
      // No permission lookup for accounts that cannot hold a role.
      expect(gh.calls('repos/get-collaborator-permission-level')).toHaveLength(lookups);
    },
  );
});

describe('paths no registry host can create, and names that display as others', () => {
  /** A version in snapshot with one extra file at `path` (relative to the version directory). */
  const withFile = (name: string, path: string): CommitChange => ({
    add: [{ name, version: '1.0.0', seed: ++counter, files: { [path]: 'x\n' } }],
  });

  it.each([
    { what: 'a name of 256 bytes', path: `docs/${'é'.repeat(128)}`, message: 'a name of 256 bytes' },
    {
      what: 'a path of 4,100 bytes where the image serves it',
      path: `${Array.from({ length: 20 }, () => 'd'.repeat(200)).join('/')}/${'f'.repeat(100)}`,
      message: 'no registry host takes paths over 4095 bytes (PATH_MAX)',
    },
    {
      what: 'a right-to-left override in a name',
      path: 'docs/\u202egnp.exe',
      message: 'Unicode bidirectional controls',
    },
  ])('$what is a layout violation', async ({ path, message }) => {
    const name = `odd_${counter}`;
    const pr = await openPull('snapshot', withFile(name, path), `[snapshot] Add ${name} 1.0.0`);
    const run = await check(pr);
    expect(run.exitCode, run.stdout).toBe(1);
    expect(errors(run)).toEqual([`layout ${name}@1.0.0`]);
    expect(findings(run).find((f) => f.rule === 'layout')!.message).toContain(message);
  });

  it('control: a name of 255 bytes and a plain deep path pass', async () => {
    const name = `odd_${counter}`;
    const pr = await openPull(
      'snapshot',
      withFile(
        name,
        `docs/${'é'.repeat(127)}x/${Array.from({ length: 5 }, () => 'd'.repeat(200)).join('/')}.md`,
      ),
      `[snapshot] Add ${name} 1.0.0`,
    );
    const run = await check(pr);
    expect(run.exitCode, run.stdout).toBe(0);
  });
});

describe("promote's branch carries the copies and nothing else", () => {
  const copies = async (extra: Record<string, string | null>): Promise<Opened> => {
    const change = {
      add: [{ name: 'nginx', version: `1.9.${++counter}`, seed: 30 + counter }],
      files: extra,
    };
    await origin.commit('snapshot', { add: change.add });
    return openPull('staging', change, '[staging] Promote packages from snapshot (nginx-1.6.0)', {
      user: promoteBot,
      head: 'promote/snapshot-to-staging',
    });
  };

  it.each<{ what: string; files: Record<string, string> }>([
    { what: 'a workflow file', files: { '.github/workflows/deploy.yml': 'on: push\n' } },
    { what: "the Dockerfile's registry pin", files: { Dockerfile: 'FROM registry:v9.9.9\n' } },
  ])('with $what besides the copies, it is no pure promotion', async ({ files }) => {
    const pr = await copies(files);
    gh.addLabel(pr.number, label, 'maintainer', seconds(5));
    const run = await check(pr);
    expect(run.outputs.exact).toBe('');
    expect(run.summary).not.toContain('pure promotion');
    gh.closePull(pr.number);
  });

  it('control: the copies alone are a pure promotion', async () => {
    const pr = await copies({});
    gh.addLabel(pr.number, label, 'maintainer', seconds(5));
    const run = await check(pr);
    expect(JSON.parse(run.outputs.exact!)).toEqual({ kind: 'promotion', from: 'snapshot', to: 'staging' });
    gh.closePull(pr.number);
  });
});

describe('a policy that would make every PR pass, or two edges share a branch: exit 2', () => {
  async function withPolicy(policy: string): Promise<ActionRun> {
    const main = await origin.rev('main');
    await origin.commit('main', { files: { '.github/package-storage.yml': policy } });
    try {
      const pr = await openPull(
        'snapshot',
        { add: [{ name: 'redis', version: `1.${++counter}.0` }] },
        '[snapshot] Add redis',
      );
      return await check(pr);
    } finally {
      await origin.setRef('refs/heads/main', main);
    }
  }

  it.each([
    ['packages-root: ..\n', 'packages-root: ".." is not a normalized path inside the repository'],
    ['packages-root: .github\n', 'packages-root: ".github" is under .github/'],
    [
      [
        'channels:',
        '  - { name: c, arrival: direct, overwrite: allow, removal: allow }',
        '  - { name: to-c, arrival: direct, overwrite: allow, removal: allow }',
        '  - { name: b-to, arrival: direct, overwrite: allow, removal: allow }',
        '  - { name: snapshot, arrival: direct, overwrite: allow, removal: allow }',
        '  - { name: b, arrival: direct, overwrite: allow, removal: allow }',
        'promotions:',
        '  - { from: b, to: to-c }',
        '  - { from: b-to, to: c }',
        '',
      ].join('\n'),
      'would share the branch promote/b-to-to-c',
    ],
  ])('%j', async (policy, message) => {
    const run = await withPolicy(policy);
    expect(run.exitCode, run.stdout).toBe(2);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toContain(message);
  });

  it('control: ./packages is the packages root', async () => {
    const run = await withPolicy('packages-root: ./packages\n');
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toEqual([
      expect.objectContaining({ package: 'redis', change: 'added', verdict: 'pass' }),
    ]);
  });
});
