// The bundled validate action run as the runner runs it (child process, runner environment, event file), against
// real git (bare origin, workspaces made like actions/checkout) and the contract-checked GitHub API.
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs } from '../support/git.js';
import { manifestYaml } from '../support/manifests.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import {
  checkoutLikeActions,
  StorageOrigin,
  type CommitChange,
  type VersionSpec,
} from '../support/storage-origin.js';
import { mergeGroupPayload, pullRequestPayload, pushPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const repository = `${owner}/${repo}`;
const ZERO = '0000000000000000000000000000000000000000';

const nginx15: VersionSpec = { name: 'nginx', version: '1.5.0', seed: 1 };
const nginx16: VersionSpec = { name: 'nginx', version: '1.6.0', seed: 2 };
const apmRc: VersionSpec = { name: 'apm', version: '8.0.0-rc1', seed: 4 };

let origin: StorageOrigin;
let gh: FakeGitHub;
let counter = 0;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [nginx15],
      staging: [nginx16],
      snapshot: [nginx16, apmRc],
    },
  });
  gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
});
afterAll(async () => {
  await gh.close();
  await cleanupTempDirs();
});
afterEach(() => {
  expect(gh.violations).toEqual([]);
});

interface PullOptions {
  base: string;
  change: CommitChange;
  title: string;
  payloadTitle?: string;
  event?: 'pull_request' | 'pull_request_target';
  /** `at`: when the label was applied (default: now, the same second as the push, so it does not count). */
  labels?: Array<{ label: string; actor: string; at?: string }>;
}

/** A time after the PR's push: a label applied then is bound to the head commit. */
const afterThePush = (): string => new Date(Date.now() + 5_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Opens a PR with one commit on a new head branch, checks the workspace out like actions/checkout and runs validate. */
async function validatePull(o: PullOptions): Promise<{ run: ActionRun; number: number }> {
  const head = `topic-${++counter}`;
  await origin.commit(head, { parent: o.base, ...o.change });
  const pull = await gh.openPull({ head, base: o.base, title: o.title });
  for (const l of o.labels ?? []) gh.addLabel(pull.number, l.label, l.actor, l.at);
  const event = o.event ?? 'pull_request';
  const baseSha = await origin.rev(o.base);
  const headSha = await origin.rev(head);
  const mergeSha = await origin.rev(`refs/pull/${pull.number}/merge`);
  const ref = event === 'pull_request' ? `refs/pull/${pull.number}/merge` : `refs/heads/${o.base}`;
  const sha = event === 'pull_request' ? mergeSha : baseSha;
  const workspace = await checkoutLikeActions({ origin: origin.bare, ref, sha });
  const payload = pullRequestPayload({
    action: 'opened',
    number: pull.number,
    title: o.payloadTitle ?? o.title,
    base: { ref: o.base, sha: baseSha },
    head: { ref: head, sha: headSha },
    labels: (o.labels ?? []).map((l) => l.label),
    owner,
    repo,
    defaultBranch: 'main',
  });
  const run = await runAction({
    action: 'validate',
    eventName: event,
    payload,
    workspace,
    repository,
    sha,
    ref,
    github: gh,
  });
  expect(run.deprecatedCommands).toEqual([]);
  return { run, number: pull.number };
}

const violations = (run: ActionRun): Array<Record<string, unknown>> =>
  JSON.parse(run.outputs.violations ?? '[]') as Array<Record<string, unknown>>;
const rules = (run: ActionRun): string[] =>
  violations(run).map((v) => `${String(v.rule)} ${String(v.package)}@${String(v.version)}`);

describe('validate action on pull requests', () => {
  it('passes a promotion PR and writes outputs and a summary', async () => {
    const { run } = await validatePull({
      base: 'staging',
      change: { add: [apmRc] },
      title: '[staging] Promote packages from snapshot (apm-8.0.0-rc1)',
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(violations(run)).toEqual([]);
    expect(JSON.parse(run.outputs.changes!)).toEqual([
      expect.objectContaining({ package: 'apm', version: '8.0.0-rc1', change: 'added', verdict: 'pass' }),
    ]);
    expect(run.summary).toMatch(/^## ✅ package-storage policy: PR #\d+ into staging passes/);
    expect(run.summary).toContain('| apm | 8.0.0-rc1 | added | ✅ pass | — |');
    expect(run.summary).toBe(`${run.outputs.report}\n`);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(gh.calls('pulls/get').length).toBeGreaterThan(0);
  });

  it('fails an overwrite on production with annotations on the files', async () => {
    const { run } = await validatePull({
      base: 'production',
      change: { add: [{ ...nginx15, seed: 9 }] },
      title: 'Fix nginx',
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(rules(run)).toEqual([
      'title-prefix null@null',
      'not-promoted nginx@1.5.0',
      'overwrite nginx@1.5.0',
    ]);
    const overwrite = run.annotations.find((a) => a.message.startsWith('[overwrite]'));
    expect(overwrite).toMatchObject({
      level: 'error',
      file: 'packages/nginx/1.5.0',
      title: 'overwrite: nginx@1.5.0',
    });
    const failure = run.annotations.filter((a) => a.level === 'error' && !a.file && !a.title);
    expect(failure.map((a) => a.message)).toEqual([
      'package-storage policy: 3 violations (overwrite, title-prefix, not-promoted); see the annotations and the job summary',
    ]);
    expect(run.summary).toContain('❌ fail');
  });

  it('re-reads the title through the API instead of trusting the stale payload', async () => {
    const { run } = await validatePull({
      base: 'snapshot',
      change: { add: [{ name: 'nginx', version: '1.7.0' }] },
      title: 'Add nginx 1.7.0',
      payloadTitle: '[snapshot] Add nginx 1.7.0',
    });
    expect(rules(run)).toEqual(['title-prefix null@null']);
  });

  it('annotates a manifest problem on its line', async () => {
    const bad = manifestYaml({ name: 'nginx', version: '1.8.0', release: 'preview' });
    const { run } = await validatePull({
      base: 'snapshot',
      change: { add: [{ name: 'nginx', version: '1.8.0', manifest: bad.text }] },
      title: '[snapshot] Add nginx 1.8.0',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'packages/nginx/1.8.0/manifest.yml',
        line: bad.lines.release,
      }),
    );
  });

  it('accepts a staging overwrite when a maintainer applied the exception label after the last push', async () => {
    gh.setPermission('lead', 'maintain');
    const change = { add: [{ ...nginx16, seed: 12 }] };
    // The new content must come from snapshot first: make snapshot hold it (restored afterwards).
    const snapshot = await origin.rev('snapshot');
    await origin.commit('snapshot', change);
    onTestFinished(() => origin.setRef('refs/heads/snapshot', snapshot).then(() => undefined));
    const { run } = await validatePull({
      base: 'staging',
      change,
      title: '[staging] Promote packages from snapshot (nginx-1.6.0)',
      labels: [{ label: 'policy-exception', actor: 'lead', at: afterThePush() }],
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: expect.stringContaining(
          'allowed by an exception approved by @lead (label "policy-exception" applied after the last push)',
        ),
      }),
    );
    const [overwrite] = (JSON.parse(run.outputs.findings!) as Array<Record<string, unknown>>).filter(
      (f) => f.rule === 'overwrite',
    );
    expect(overwrite).toMatchObject({
      severity: 'notice',
      exception: { rule: 'overwrite', source: 'approval', via: 'label', by: 'lead' },
    });
    expect(run.summary).toContain('🟡 exception');
  });

  it('does not accept the label from someone with only triage permission', async () => {
    gh.setPermission('helper', 'triage');
    const change = { add: [{ ...nginx16, seed: 13 }] };
    // The new content must come from snapshot first: make snapshot hold it (restored afterwards).
    const snapshot = await origin.rev('snapshot');
    await origin.commit('snapshot', change);
    onTestFinished(() => origin.setRef('refs/heads/snapshot', snapshot).then(() => undefined));
    const { run } = await validatePull({
      base: 'staging',
      change,
      title: '[staging] Promote packages from snapshot (nginx-1.6.0)',
      labels: [{ label: 'policy-exception', actor: 'helper', at: afterThePush() }],
    });
    expect(run.exitCode).toBe(1);
    expect(rules(run)).toEqual(['overwrite nginx@1.6.0']);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: expect.stringContaining('it was applied by @helper, whose role is triage'),
      }),
    );
  });

  it('under pull_request_target fetches the merge ref itself and ignores a policy file in the PR', async () => {
    const { run } = await validatePull({
      event: 'pull_request_target',
      base: 'production',
      change: {
        add: [{ name: 'nginx', version: '1.9.0' }],
        files: { '.github/package-storage.yml': 'rules:\n  not-promoted: off\n  title-prefix: off\n' },
      },
      title: '[production] Add nginx 1.9.0',
    });
    expect(run.exitCode).toBe(1);
    expect(rules(run)).toEqual(['not-promoted nginx@1.9.0']);
    expect(run.stdout).toContain('policy: built-in defaults (no .github/package-storage.yml on main)');
  });

  it('never lets a hostile title reach stdout as a workflow command', async () => {
    const title =
      'x\n::set-output name=result::pass\n::add-mask::hidden\n::stop-commands::abc\n$(id) `id` ##[set-output name=result;]pass';
    const { run } = await validatePull({
      base: 'snapshot',
      change: { add: [{ name: 'nginx', version: '1.10.0' }] },
      title,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(run.masks).toEqual([]);
    expect(run.commands.filter((c) => !['group', 'endgroup', 'debug'].includes(c.command))).toEqual([]);
    expect(run.stdout).not.toMatch(/^\s*::(set-output|add-mask|stop-commands)/m);
    expect(run.stdout).not.toContain('##[set-output');
  });

  it('passes with a notice when the base branch is not a channel', async () => {
    const { run } = await validatePull({
      base: 'main',
      change: { files: { 'README.md': 'changed\n' } },
      title: 'Docs',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: expect.stringContaining('main is not a channel branch'),
      }),
    );
  });
});

describe('validate action on pushes and merge groups', () => {
  it('audits a direct commit to production', async () => {
    const before = await origin.rev('production');
    const after = await origin.commit('production', { add: [{ name: 'nginx', version: '2.0.0' }] });
    try {
      const workspace = await checkoutLikeActions({
        origin: origin.bare,
        ref: 'refs/heads/production',
        sha: after,
      });
      const payload = pushPayload({
        ref: 'refs/heads/production',
        before,
        after,
        owner,
        repo,
        defaultBranch: 'main',
      });
      const run = await runAction({
        action: 'validate',
        eventName: 'push',
        payload,
        workspace,
        repository,
        sha: after,
        ref: 'refs/heads/production',
        github: gh,
      });
      expect(run.exitCode).toBe(1);
      expect(rules(run)).toEqual(['not-promoted nginx@2.0.0']);
      expect(gh.requests).not.toContainEqual(
        expect.objectContaining({ operationId: 'pulls/get', path: expect.stringContaining(after) }),
      );
    } finally {
      await origin.setRef('refs/heads/production', before);
    }
  });

  it('compares a new channel branch with an empty tree', async () => {
    const after = await origin.commit('snapshot', { add: [{ name: 'mysql', version: '1.0.0' }] });
    const workspace = await checkoutLikeActions({
      origin: origin.bare,
      ref: 'refs/heads/snapshot',
      sha: after,
    });
    const payload = pushPayload({
      ref: 'refs/heads/snapshot',
      before: ZERO,
      after,
      owner,
      repo,
      defaultBranch: 'main',
    });
    const run = await runAction({
      action: 'validate',
      eventName: 'push',
      payload,
      workspace,
      repository,
      sha: after,
      ref: 'refs/heads/snapshot',
      github: gh,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect((JSON.parse(run.outputs.changes!) as unknown[]).length).toBeGreaterThan(3);
  });

  it('checks a merge group between its base and head', async () => {
    const base = await origin.rev('staging');
    const head = await origin.commit(`gh-readonly-queue/staging/pr-99-${base}`, {
      parent: 'staging',
      add: [{ name: 'nginx', version: '3.0.0' }],
    });
    const workspace = await checkoutLikeActions({
      origin: origin.bare,
      ref: `refs/heads/gh-readonly-queue/staging/pr-99-${base}`,
      sha: head,
    });
    const payload = mergeGroupPayload({
      headSha: head,
      headRef: `gh-readonly-queue/staging/pr-99-${base}`,
      baseSha: base,
      baseRef: 'staging',
      owner,
      repo,
      defaultBranch: 'main',
    });
    const pull = await gh.openPull({
      head: `gh-readonly-queue/staging/pr-99-${base}`,
      base: 'staging',
      title: '[staging] x',
    });
    payload.merge_group = {
      ...(payload.merge_group as object),
      head_ref: `refs/heads/gh-readonly-queue/staging/pr-${pull.number}-${base}`,
    };
    const run = await runAction({
      action: 'validate',
      eventName: 'merge_group',
      payload,
      workspace,
      repository,
      sha: head,
      ref: `refs/heads/gh-readonly-queue/staging/pr-${pull.number}-${base}`,
      github: gh,
    });
    expect(run.exitCode).toBe(1);
    expect(rules(run)).toEqual(['not-promoted nginx@3.0.0']);
  });

  it('fails clearly without a checkout', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const workspace = await mkdtemp(join(tmpdir(), 'empty-'));
    const payload = pushPayload({
      ref: 'refs/heads/snapshot',
      before: ZERO,
      after: await origin.rev('snapshot'),
      owner,
      repo,
      defaultBranch: 'main',
    });
    const run = await runAction({
      action: 'validate',
      eventName: 'push',
      payload,
      workspace,
      repository,
      sha: await origin.rev('snapshot'),
      ref: 'refs/heads/snapshot',
      github: gh,
    });
    expect(run.exitCode).toBe(2);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        message: `no git repository at ${workspace}: run actions/checkout before this action`,
      }),
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
