// What a publish-image run is for, from the event and the inputs: the release versions first (a pushed tag,
// `release-versions`, the release file on the default branch), then nothing, a rollback of one channel, or the
// channels to publish. Real payloads, a real origin and a checkout made like actions/checkout; the policy read from
// the default branch as the action reads it.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { channelByName, defaultPolicy } from '../../src/core/policy.js';
import { readInputs } from '../../src/publish-image/inputs.js';
import { resolveTarget, withDefaultBranch, type Target } from '../../src/publish-image/target.js';
import type { RunContext } from '../../src/runner/event.js';
import { defaultBranchPolicy } from '../../src/runner/workspace.js';
import { stubActionInputs } from '../support/action-inputs.js';
import { cleanupTempDirs } from '../support/git.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';
import { pushPayload, workflowDispatchPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const ZERO = '0'.repeat(40);
const image = 'ghcr.io/acme/distribution';
const policy = defaultPolicy();
const channel = (name: string) => channelByName(policy, name)!;

let origin: StorageOrigin;
let workspace: string;

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.5.0', seed: 1 }],
      staging: [{ name: 'nginx', version: '1.6.0', seed: 2 }],
      snapshot: [{ name: 'nginx', version: '1.7.0', seed: 3 }],
    },
    mainFiles: { '.github/releases.txt': '# released stack versions\n8.14.0\n8.15.0 # the current one\n' },
  });
  workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' });
});
afterAll(cleanupTempDirs);
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function context(eventName: string, ref: string, payload: object): RunContext {
  return {
    eventName,
    payload: payload as Record<string, unknown>,
    sha: ZERO,
    ref,
    repository: { owner, repo },
    workspace,
    actor: 'octocat',
    serverUrl: 'https://github.com',
    runUrl: undefined,
  };
}

const push = (ref: string): RunContext =>
  context(
    'push',
    ref,
    pushPayload({ ref, before: ZERO, after: 'a'.repeat(40), owner, repo, defaultBranch: 'main' }),
  );
const schedule = (): RunContext =>
  // What GitHub puts in a schedule event: no repository, the ref is the default branch.
  context('schedule', 'refs/heads/main', { schedule: '17 3 * * *' });
const dispatch = (): RunContext =>
  context(
    'workflow_dispatch',
    'refs/heads/main',
    workflowDispatchPayload({ ref: 'main', inputs: {}, owner, repo }),
  );

/** What the action does up to the target: inputs, the policy of the default branch, the target. */
async function targetOf(makeCtx: () => RunContext, inputs: Record<string, string>): Promise<Target> {
  stubActionInputs('publish-image', { image, ...inputs });
  // The action's log lines (the policy source) are not this test's subject.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const ctx = withDefaultBranch(makeCtx());
  const read = readInputs();
  const { policy: loaded, ...main } = await defaultBranchPolicy(ctx, workspace, read.config);
  return resolveTarget(ctx, read, loaded, workspace, main);
}

const publish = (...channels: string[]): Target['mode'] => ({ kind: 'publish', channels });
const releaseOnly: Target['mode'] = { kind: 'release-only' };

interface Row {
  event: string;
  ctx: () => RunContext;
  inputs?: Record<string, string>;
  expected: Target;
}

const rows: Row[] = [
  {
    event: 'push to production: production and every less stable channel',
    ctx: () => push('refs/heads/production'),
    expected: { release: [], mode: publish('production', 'staging', 'snapshot') },
  },
  {
    event: 'push to staging: staging and snapshot',
    ctx: () => push('refs/heads/staging'),
    expected: { release: [], mode: publish('staging', 'snapshot') },
  },
  {
    event: 'push to snapshot, channels named: those',
    ctx: () => push('refs/heads/snapshot'),
    inputs: { channels: 'production, snapshot' },
    expected: { release: [], mode: publish('production', 'snapshot') },
  },
  {
    event: 'push to staging without push: a bad deployment name is never used',
    ctx: () => push('refs/heads/staging'),
    inputs: { push: 'false', 'rollout-deployments': 'Not A Name' },
    expected: { release: [], mode: publish('staging', 'snapshot') },
  },
  {
    event: 'tag push: that version is released, and nothing else',
    ctx: () => push('refs/tags/8.15.0'),
    inputs: { 'release-versions': '8.99.0' },
    expected: { release: ['8.15.0'], mode: releaseOnly },
  },
  {
    event: 'tag push with channels: released, then those published',
    ctx: () => push('refs/tags/8.16.0-rc1'),
    inputs: { channels: 'production' },
    expected: { release: ['8.16.0-rc1'], mode: publish('production') },
  },
  {
    event: 'schedule: every channel (the default branch taken from the ref)',
    ctx: schedule,
    expected: { release: [], mode: publish('production', 'staging', 'snapshot') },
  },
  {
    event: 'workflow_dispatch: every channel',
    ctx: dispatch,
    expected: { release: [], mode: publish('production', 'staging', 'snapshot') },
  },
  {
    event: 'workflow_dispatch with rollback-to: that channel back to that commit',
    ctx: dispatch,
    inputs: { 'rollback-to': 'abc1234', channels: 'staging', 'rollout-deployments': 'production=Not_A_Name' },
    expected: { release: [], mode: { kind: 'rollback', channel: channel('staging'), to: 'abc1234' } },
  },
  {
    event: 'workflow_dispatch with release versions and no channels: the release only',
    ctx: dispatch,
    inputs: { 'release-versions': 'v8.16.0' },
    expected: { release: ['8.16.0'], mode: releaseOnly },
  },
  {
    event: 'schedule with release versions and the release file: both, deduplicated, in order',
    ctx: schedule,
    inputs: { 'release-versions': '8.16.0, 8.15.0', 'release-file': '.github/releases.txt' },
    expected: { release: ['8.16.0', '8.15.0', '8.14.0'], mode: releaseOnly },
  },
  {
    event: 'workflow_dispatch with release versions, channels and rollback-to: released, then rolled back',
    ctx: dispatch,
    inputs: { 'release-versions': '8.16.0', channels: 'snapshot', 'rollback-to': 'abc1234' },
    expected: {
      release: ['8.16.0'],
      mode: { kind: 'rollback', channel: channel('snapshot'), to: 'abc1234' },
    },
  },
];

describe('the target of each event', () => {
  it.each(rows)('$event', async ({ ctx, inputs, expected }) => {
    expect(await targetOf(ctx, inputs ?? {})).toEqual(expected);
  });
});

describe('usage errors that need the event or the policy, before anything is pushed', () => {
  const bad: Array<{
    what: string;
    ctx: () => RunContext;
    inputs?: Record<string, string>;
    message: string;
  }> = [
    {
      what: 'a push to a branch that is not a channel',
      ctx: () => push('refs/heads/main'),
      message: 'give `channels`, or run on a push to a channel branch (got "refs/heads/main")',
    },
    {
      what: 'a release tag with a leading v',
      ctx: () => push('refs/tags/v8.15.0'),
      message: 'tag "v8.15.0" is not a release tag: name it 8.15.0, without a leading v',
    },
    {
      what: 'a tag that is no version',
      ctx: () => push('refs/tags/latest'),
      message: 'invalid release version "latest"',
    },
    {
      what: 'release versions without push',
      ctx: dispatch,
      inputs: { 'release-versions': '8.16.0', push: 'false' },
      message: 'release versions need `push: true` (tags are made in the registry)',
    },
    {
      what: 'a tag push without push',
      ctx: () => push('refs/tags/8.15.0'),
      inputs: { push: 'false' },
      message: 'release versions need `push: true` (tags are made in the registry)',
    },
    {
      what: 'a release file the default branch lacks',
      ctx: dispatch,
      inputs: { 'release-file': '.github/missing.txt' },
      message: 'release-file .github/missing.txt does not exist on main',
    },
    {
      what: 'an unknown channel',
      ctx: () => push('refs/heads/production'),
      inputs: { channels: 'staging,edge' },
      message: 'unknown channel "edge"',
    },
    {
      what: 'an unknown channel after release versions',
      ctx: dispatch,
      inputs: { 'release-versions': '8.16.0', channels: 'edge' },
      message: 'unknown channel "edge"',
    },
    {
      what: 'rollback-to without channels',
      ctx: dispatch,
      inputs: { 'rollback-to': 'abc1234' },
      message: 'rollback-to needs `channels` naming exactly the one channel to roll back',
    },
    {
      what: 'rollback-to with two channels',
      ctx: dispatch,
      inputs: { 'rollback-to': 'abc1234', channels: 'staging,snapshot' },
      message: 'rollback-to needs `channels` naming exactly the one channel to roll back',
    },
    {
      what: 'rollback-to of an unknown channel (before push is looked at)',
      ctx: dispatch,
      inputs: { 'rollback-to': 'abc1234', channels: 'edge', push: 'false' },
      message: 'unknown channel "edge"',
    },
    {
      what: 'rollback-to without push',
      ctx: dispatch,
      inputs: { 'rollback-to': 'abc1234', channels: 'staging', push: 'false' },
      message: 'rollback-to needs `push: true` (it moves a tag in the registry)',
    },
    {
      what: 'a deployment name that is not a Kubernetes name, for a channel to publish',
      ctx: () => push('refs/heads/staging'),
      inputs: { 'rollout-deployments': 'x; rm -rf / #{channel}' },
      message: 'rollout deployment "x; rm -rf / #staging" for staging is not a valid Kubernetes name',
    },
    {
      what: 'a deployment name that is not a Kubernetes name, for the channel rolled back',
      ctx: dispatch,
      inputs: { 'rollback-to': 'abc1234', channels: 'snapshot', 'rollout-deployments': 'snapshot=Snap' },
      message: 'rollout deployment "Snap" for snapshot is not a valid Kubernetes name',
    },
  ];
  it.each(bad)('$what', async ({ ctx, inputs, message }) => {
    const run = targetOf(ctx, inputs ?? {});
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
  });
});

describe('a scheduled payload names no repository', () => {
  it('takes the default branch from the ref', () => {
    expect(withDefaultBranch(schedule()).payload).toEqual({
      schedule: '17 3 * * *',
      repository: { default_branch: 'main' },
    });
  });

  it('keeps a default branch the payload names, and other events as they are', () => {
    const named = context('schedule', 'refs/heads/main', { repository: { default_branch: 'trunk' } });
    expect(withDefaultBranch(named)).toBe(named);
    const pushed = context('push', 'refs/heads/production', {});
    expect(withDefaultBranch(pushed)).toBe(pushed);
    const tag = context('schedule', 'refs/tags/8.15.0', {});
    expect(withDefaultBranch(tag)).toBe(tag);
  });
});
