// The event turned into one target, in process, table-driven over the four events: real git (a bare origin, each
// workspace made like actions/checkout for that event), real webhook payloads, and the OpenAPI-checked fake GitHub
// API for the PR's facts and approvals.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { defaultPolicy } from '../../src/core/policy.js';
import { emptyTreeId } from '../../src/git/git.js';
import { createClient } from '../../src/github/api.js';
import type { RunContext } from '../../src/runner/event.js';
import {
  fetchChange,
  readCurrent,
  readEvent,
  resolveTarget,
  type Resolved,
  type Target,
} from '../../src/validate/target.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';
import { mergeGroupPayload, pullRequestPayload, pushPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const ZERO = '0'.repeat(40);
const policy = defaultPolicy();

let origin: StorageOrigin;
let gh: FakeGitHub;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.5.0', seed: 1 }],
      staging: [{ name: 'nginx', version: '1.6.0', seed: 2 }],
      snapshot: [{ name: 'nginx', version: '1.6.0', seed: 2 }],
    },
  });
  gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
  gh.setPermission('lead', 'maintain');
});
afterAll(async () => {
  await gh.close();
  await cleanupTempDirs();
});
afterEach(() => {
  expect(gh.violations).toEqual([]);
});

function context(
  eventName: string,
  payload: object,
  workspace: string,
  sha: string,
  ref: string,
): RunContext {
  return {
    eventName,
    payload: payload as Record<string, unknown>,
    sha,
    ref,
    repository: { owner, repo },
    workspace,
    actor: 'octocat',
    serverUrl: 'https://github.com',
    runUrl: undefined,
  };
}

/** What the action does with the event, up to the target. */
async function targetOf(ctx: RunContext): Promise<Resolved> {
  vi.stubEnv('GITHUB_API_URL', gh.url);
  vi.stubEnv('PACKAGE_STORAGE_API_TIME_SCALE', '0.001');
  const octokit = () => createClient(gh.token);
  const facts = await readCurrent(ctx, readEvent(ctx), octokit);
  await fetchChange(ctx, facts, ctx.workspace);
  return resolveTarget(ctx, facts, ctx.workspace, policy, octokit);
}

let counter = 0;

/** A PR into `base` adding one version, with the exception label applied by a maintainer after the push. */
async function openPull(base: string, payloadTitle: string) {
  const head = `feature-${++counter}`;
  await origin.commit(head, { parent: base, add: [{ name: 'mysql', version: `1.${counter}.0` }] });
  const pull = await gh.openPull({ head, base, title: `[${base}] Add mysql` });
  gh.addLabel(
    pull.number,
    'policy-exception',
    'lead',
    new Date(Date.now() + 5_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  );
  const baseSha = await origin.rev(base);
  const headSha = await origin.rev(head);
  const payload = pullRequestPayload({
    action: 'labeled',
    number: pull.number,
    title: payloadTitle,
    base: { ref: base, sha: baseSha },
    head: { ref: head, sha: headSha },
    labels: ['policy-exception'],
    owner,
    repo,
    defaultBranch: 'main',
  });
  return { number: pull.number, head, baseSha, headSha, payload };
}

interface Row {
  event: string;
  /** Sets up the event; returns the context and what the target must be. */
  arrange: () => Promise<{ ctx: RunContext; expected: Partial<Target> & Record<string, unknown> }>;
}

const rows: Row[] = [
  {
    event: 'pull_request',
    arrange: async () => {
      const pr = await openPull('staging', 'stale title from the payload');
      const merge = await origin.rev(`refs/pull/${pr.number}/merge`);
      const ref = `refs/pull/${pr.number}/merge`;
      const workspace = await checkoutLikeActions({ origin: origin.bare, ref, sha: merge });
      return {
        ctx: context('pull_request', pr.payload, workspace, merge, ref),
        expected: {
          kind: 'pull',
          description: `PR #${pr.number} into staging`,
          // The head fast-forwards its base: the head itself is what staging would hold.
          parts: [
            {
              before: pr.baseSha,
              after: pr.headSha,
              pull: pr.number,
              headBranch: pr.head,
              approval: { by: 'lead', via: 'label' },
            },
          ],
          pull: {
            number: pr.number,
            title: '[staging] Add mysql',
            headRef: pr.head,
            headSha: pr.headSha,
            baseRef: 'staging',
            baseSha: pr.baseSha,
            url: `https://github.com/${owner}/${repo}/pull/${pr.number}`,
            fromPromote: false,
          },
          headSha: pr.headSha,
          queued: [],
          exceptions: [
            { pull: pr.number, requested: true, approval: { by: 'lead', via: 'label' }, headSha: pr.headSha },
          ],
        },
      };
    },
  },
  {
    event: 'pull_request_target',
    arrange: async () => {
      const pr = await openPull('snapshot', '[snapshot] Add mysql');
      const workspace = await checkoutLikeActions({
        origin: origin.bare,
        ref: 'refs/heads/snapshot',
        sha: pr.baseSha,
      });
      // The base moves on after the PR was opened: the head is merged into its tip.
      const tip = await origin.commit('snapshot', { add: [{ name: 'redis', version: `0.${counter}.0` }] });
      await gh.syncPull(pr.number);
      const merged = await origin.mergeTree(tip, pr.headSha);
      return {
        ctx: context('pull_request_target', pr.payload, workspace, pr.baseSha, 'refs/heads/snapshot'),
        expected: {
          kind: 'pull',
          description: `PR #${pr.number} into snapshot`,
          parts: [
            {
              before: tip,
              after: merged,
              pull: pr.number,
              headBranch: pr.head,
              approval: { by: 'lead', via: 'label' },
            },
          ],
          headSha: pr.headSha,
        },
      };
    },
  },
  {
    event: 'merge_group',
    arrange: async () => {
      const branch = `queued-${++counter}`;
      await origin.commit(branch, { parent: 'staging', add: [{ name: 'redis', version: '1.0.0' }] });
      const pull = await gh.openPull({ head: branch, base: 'staging', title: '[staging] queued' });
      const { head, headRef: queueRef, baseSha: base } = await gh.enqueue('staging', [pull.number]);
      const workspace = await checkoutLikeActions({
        origin: origin.bare,
        ref: `refs/heads/${queueRef}`,
        sha: head,
      });
      const payload = mergeGroupPayload({
        headSha: head,
        headRef: queueRef,
        baseSha: base,
        baseRef: 'staging',
        owner,
        repo,
        defaultBranch: 'main',
      });
      return {
        ctx: context('merge_group', payload, workspace, head, `refs/heads/${queueRef}`),
        expected: {
          kind: 'merge-group',
          description: `merge group into staging (#${pull.number})`,
          parts: [{ before: base, after: head, pull: pull.number, headBranch: branch }],
          queued: [pull.number],
          headSha: head,
          notes: [],
          exceptions: [{ pull: pull.number, requested: false, headSha: await origin.rev(branch) }],
        },
      };
    },
  },
  {
    event: 'push',
    arrange: async () => {
      const before = await origin.rev('snapshot');
      const after = await origin.commit('snapshot', { add: [{ name: 'nginx', version: '1.9.0' }] });
      const workspace = await checkoutLikeActions({
        origin: origin.bare,
        ref: 'refs/heads/snapshot',
        sha: after,
      });
      const payload = pushPayload({
        ref: 'refs/heads/snapshot',
        before,
        after,
        owner,
        repo,
        defaultBranch: 'main',
      });
      return {
        ctx: context('push', payload, workspace, after, 'refs/heads/snapshot'),
        expected: {
          kind: 'push',
          description: `push to snapshot (${before.slice(0, 7)}..${after.slice(0, 7)})`,
          parts: [{ before, after }],
          headSha: after,
          resultSha: after,
          exceptions: [],
          queued: [],
        },
      };
    },
  },
  {
    event: 'push (a new channel branch)',
    arrange: async () => {
      const after = await origin.rev('production');
      const workspace = await checkoutLikeActions({
        origin: origin.bare,
        ref: 'refs/heads/production',
        sha: after,
      });
      const payload = pushPayload({
        ref: 'refs/heads/production',
        before: ZERO,
        after,
        owner,
        repo,
        defaultBranch: 'main',
      });
      return {
        ctx: context('push', payload, workspace, after, 'refs/heads/production'),
        expected: {
          kind: 'push',
          description: 'push to production (new branch)',
          parts: [{ before: emptyTreeId, after }],
        },
      };
    },
  },
];

describe('the target of each event', () => {
  it.each(rows)('$event', async ({ arrange }) => {
    const { ctx, expected } = await arrange();
    const target = await targetOf(ctx);
    expect(target).toMatchObject(expected);
    if (target.kind !== 'skip')
      expect(target.channel.name).toBe(
        /into (\w+)|to (\w+)/.exec(target.description)!.slice(1).find(Boolean),
      );
  });
});

describe('events with nothing to check', () => {
  const skips: Array<{ what: string; eventName: string; payload: () => Promise<object>; reason: string }> = [
    {
      what: 'a PR into a branch that is not a channel',
      eventName: 'pull_request_target',
      payload: async () => (await openPull('main', 'Docs')).payload,
      reason: "the PR's base branch main is not a channel branch",
    },
    {
      what: 'a push to a branch that is not a channel',
      eventName: 'push',
      payload: async () =>
        pushPayload({
          ref: 'refs/heads/main',
          before: ZERO,
          after: await origin.rev('main'),
          owner,
          repo,
          defaultBranch: 'main',
        }),
      reason: 'branch main is not a channel branch',
    },
    {
      what: 'a deleted channel branch',
      eventName: 'push',
      payload: async () =>
        pushPayload({
          ref: 'refs/heads/snapshot',
          before: await origin.rev('snapshot'),
          after: ZERO,
          owner,
          repo,
          defaultBranch: 'main',
        }),
      reason: 'branch snapshot was deleted',
    },
    {
      what: 'a tag push',
      eventName: 'push',
      payload: async () =>
        pushPayload({
          ref: 'refs/tags/v1',
          before: ZERO,
          after: await origin.rev('main'),
          owner,
          repo,
          defaultBranch: 'main',
        }),
      reason: 'refs/tags/v1 is not a branch',
    },
  ];
  it.each(skips)('$what', async ({ eventName, payload, reason }) => {
    const sha = await origin.rev('main');
    const workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main', sha });
    expect(await targetOf(context(eventName, await payload(), workspace, sha, 'refs/heads/main'))).toEqual({
      kind: 'skip',
      reason,
    });
  });
});

describe('payloads an event cannot have', () => {
  const bad: Array<{ eventName: string; payload: object; message: string }> = [
    {
      eventName: 'pull_request',
      payload: {},
      message: 'the pull_request payload has no pull_request (number, base.ref)',
    },
    {
      eventName: 'pull_request_target',
      payload: { pull_request: { number: '1' } },
      message: 'the pull_request_target payload has no pull_request (number, base.ref)',
    },
    {
      eventName: 'merge_group',
      payload: { merge_group: { head_sha: 'x' } },
      message: 'the merge_group payload has no merge_group (head_sha, base_sha, base_ref)',
    },
    {
      eventName: 'issues',
      payload: {},
      message: 'event issues is not supported: use pull_request, pull_request_target, merge_group, push',
    },
    {
      eventName: '',
      payload: {},
      message: 'event (none) is not supported: use pull_request, pull_request_target, merge_group, push',
    },
  ];
  it.each(bad)('$eventName: $message', ({ eventName, payload, message }) => {
    const run = () => readEvent(context(eventName, payload, '/nonexistent', '', ''));
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
  });
});
