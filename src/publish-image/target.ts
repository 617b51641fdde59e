// The event and the inputs turned into one target, in one place: the stack release versions to tag first (a pushed
// tag, `release-versions`, `release-file`), then what follows them: nothing (release versions and no `channels`),
// the rollback of one channel to a commit, or the publication of some channels (named; every channel on a schedule
// or a manual run; after a push to channel C, C and every less stable channel). Every usage error that needs the
// policy or the event is raised here, before anything is pushed; nothing after this reads the event.
import { UsageError } from '../core/errors.js';
import {
  channelByBranch,
  channelByName,
  channelsServing,
  type ChannelPolicy,
  type Policy,
} from '../core/policy.js';
import { branchOfRef } from '../git/git.js';
import { StorageReader } from '../git/storage.js';
import type { RunContext } from '../runner/event.js';
import { safeLine } from '../runner/sanitize.js';
import type { PublishInputs } from './inputs.js';
import { normalizeReleaseVersion, parseReleaseList } from './release.js';
import { rolloutTargets } from './rollout.js';

/** What follows the release (if any). */
export type Mode =
  | { kind: 'release-only' }
  | { kind: 'rollback'; channel: ChannelPolicy; to: string }
  | { kind: 'publish'; channels: string[] };

export interface Target {
  /** Stack versions to release first; empty: none. */
  release: string[];
  mode: Mode;
}

/** The default branch and its tip, where `release-file` is read. */
export interface DefaultBranch {
  defaultBranch: string;
  defaultTip: string | undefined;
}

/**
 * A scheduled run's payload names no repository: its ref is the default branch (GitHub runs schedules there), which
 * is where the policy is read from.
 */
export function withDefaultBranch(ctx: RunContext): RunContext {
  const repository = ctx.payload.repository as { default_branch?: unknown } | undefined;
  if (typeof repository?.default_branch === 'string' || ctx.eventName !== 'schedule') return ctx;
  const branch = branchOfRef(ctx.ref);
  if (!branch) return ctx;
  return { ...ctx, payload: { ...ctx.payload, repository: { ...repository, default_branch: branch } } };
}

/** A pushed tag is the one version released; otherwise `release-versions` and the lines of `release-file`. */
async function releaseVersions(
  ctx: RunContext,
  inputs: PublishInputs,
  repoDir: string,
  main: DefaultBranch,
): Promise<string[]> {
  if (ctx.eventName === 'push' && ctx.ref.startsWith('refs/tags/')) {
    const tag = ctx.ref.slice('refs/tags/'.length);
    const version = normalizeReleaseVersion(tag);
    // The git tag doubles as the image tag: release tags are named exactly like the version (no leading v).
    if (version !== tag)
      throw new UsageError(
        `tag ${JSON.stringify(safeLine(tag))} is not a release tag: name it ${version}, without a leading v`,
      );
    return [version];
  }
  const file = inputs.releaseFile;
  if (!file) return inputs.releaseVersions;
  if (!main.defaultTip)
    throw new UsageError(`release-file: the default branch ${main.defaultBranch} was not found`);
  const reader = new StorageReader(repoDir, '.');
  try {
    const text = await reader.readFile(main.defaultTip, file);
    if (text === undefined)
      throw new UsageError(`release-file ${safeLine(file)} does not exist on ${main.defaultBranch}`);
    return [...new Set([...inputs.releaseVersions, ...parseReleaseList(text)])];
  } finally {
    reader.close();
  }
}

function knownChannel(policy: Policy, name: string): ChannelPolicy {
  const channel = channelByName(policy, name);
  if (!channel) throw new UsageError(`unknown channel "${safeLine(name)}"`);
  return channel;
}

function channelsToBuild(policy: Policy, inputs: PublishInputs, ctx: RunContext): string[] {
  for (const c of inputs.channels) knownChannel(policy, c);
  if (inputs.channels.length > 0) return inputs.channels;
  // A scheduled (or manual) run checks every channel: a new base build under the same registry version tag, or a
  // tip some failed run did not publish. Unchanged images cost a few requests and change nothing.
  if (ctx.eventName === 'schedule' || ctx.eventName === 'workflow_dispatch')
    return policy.channels.map((c) => c.name);
  const pushed = channelByBranch(policy, branchOfRef(ctx.ref) ?? '');
  if (!pushed)
    throw new UsageError(
      `give \`channels\`, or run on a push to a channel branch (got ${JSON.stringify(safeLine(ctx.ref))})`,
    );
  // A push to a channel changes what it and every less stable channel serve.
  return channelsServing(policy, pushed).map((c) => c.name);
}

/** The deployment of every channel that may be restarted is a Kubernetes name: refused now, not after pushing. */
function checkRollout(inputs: PublishInputs, channels: readonly string[]): void {
  if (inputs.rollout.deployments) rolloutTargets(inputs.rollout.deployments, channels);
}

function modeOf(ctx: RunContext, inputs: PublishInputs, policy: Policy, releasing: boolean): Mode {
  // Release versions alone are a release run; with `channels` they go on to roll back or publish.
  if (releasing && inputs.channels.length === 0) return { kind: 'release-only' };
  if (inputs.rollbackTo) {
    // One channel's tag back to the image of an earlier commit of that channel.
    if (inputs.channels.length !== 1)
      throw new UsageError('rollback-to needs `channels` naming exactly the one channel to roll back');
    const channel = knownChannel(policy, inputs.channels[0]!);
    if (!inputs.push) throw new UsageError('rollback-to needs `push: true` (it moves a tag in the registry)');
    checkRollout(inputs, [channel.name]);
    return { kind: 'rollback', channel, to: inputs.rollbackTo };
  }
  const channels = channelsToBuild(policy, inputs, ctx);
  if (inputs.push) checkRollout(inputs, channels);
  return { kind: 'publish', channels };
}

export async function resolveTarget(
  ctx: RunContext,
  inputs: PublishInputs,
  policy: Policy,
  repoDir: string,
  main: DefaultBranch,
): Promise<Target> {
  const release = await releaseVersions(ctx, inputs, repoDir, main);
  if (release.length > 0 && !inputs.push)
    throw new UsageError('release versions need `push: true` (tags are made in the registry)');
  return { release, mode: modeOf(ctx, inputs, policy, release.length > 0) };
}
