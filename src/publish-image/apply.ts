// Carrying a target out, one step at a time: the registry clients and the image options every step shares, then
// the release, the rollback or the publication, the served index of each channel built, and the rollout of the
// channels whose image changed. Nothing here writes outputs or the summary (report.ts does, after each step, so
// that what was done is reported even when a later step fails).
import * as core from '@actions/core';
import { isAbsolute, join } from 'node:path';
import { channelByName, missingBranchError, type Policy } from '../core/policy.js';
import { fetchBranches } from '../git/remote.js';
import { StorageReader } from '../git/storage.js';
import { sanitizeTag } from '../registry/index.js';
import type { RunContext } from '../runner/event.js';
import { safeLine } from '../runner/sanitize.js';
import { Ancestry } from './ancestry.js';
import { imageHost, registryClients } from './clients.js';
import { publishImages, type PublishRequest, type PublishResult } from './engine.js';
import type { PublishInputs } from './inputs.js';
import { progressReporter, type Progress } from './progress.js';
import { release, stableTipOnOrigin, type ReleaseRequest, type ReleaseResult } from './release.js';
import { rollback, type RollbackResult } from './rollback.js';
import { rollout, rolloutTargets, type RolloutResult } from './rollout.js';
import { readServedIndex, type ServedListing } from './served.js';
import type { Mode } from './target.js';

/** What every step needs: where, under which policy, and how images are built and pushed. */
export interface Engine {
  ctx: RunContext;
  inputs: PublishInputs;
  policy: Policy;
  repoDir: string;
  image: NonNullable<ReleaseRequest['image']>;
  log: (line: string) => void;
  /** Closes the registry clients. */
  close: () => void;
}

export function openEngine(ctx: RunContext, inputs: PublishInputs, policy: Policy, repoDir: string): Engine {
  const { username, password } = inputs;
  const clients = registryClients({
    ...(inputs.insecure ? { insecure: true } : {}),
    ...(username && password ? { credentials: { host: imageHost(inputs.image), username, password } } : {}),
    // Credentials from the Docker config and bearer tokens are masked like the password input.
    onSecret: (secret) => core.setSecret(secret),
    onRetry: (operation, attempt, reason) =>
      core.info(`registry: retrying ${safeLine(operation)} (attempt ${attempt}): ${safeLine(reason)}`),
  });
  const serverUrl = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const reporter = progressReporter({
    write: (text) => core.info(safeLine(text.replace(/\n$/, ''))),
    tty: false,
  });
  const log = (line: string): void => core.info(safeLine(line));
  return {
    ctx,
    inputs,
    policy,
    repoDir,
    image: {
      image: inputs.image,
      baseImage: inputs.baseImage,
      clientFor: clients.clientFor,
      sourceUrl: `${serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`,
      allowRetag: policy.release.allowOverwrite,
      ...(inputs.platforms.length > 0 ? { platforms: inputs.platforms } : {}),
      metadata: inputs.metadata,
      sbom: inputs.sbom,
      onProgress: reporter.listener,
      progressTicks: (p: Progress) => reporter.run(p),
      ...(inputs.registryVersion ? { registryVersion: inputs.registryVersion } : {}),
      ...(process.env.RUNNER_TEMP ? { tmpDir: process.env.RUNNER_TEMP } : {}),
      log,
    },
    log,
    close: clients.close,
  };
}

/** Stack release tags: git tags at the most stable channel's tip, `<image>:<version>` in every target. */
export async function releaseVersions(e: Engine, versions: string[]): Promise<ReleaseResult[]> {
  return release({
    repoDir: e.repoDir,
    policy: e.policy,
    versions,
    pushTags: true,
    stableTip: await stableTipOnOrigin(e.repoDir, e.policy),
    image: e.image,
    log: e.log,
  });
}

function restart(e: Engine, channels: readonly string[]): Promise<RolloutResult[]> {
  const { deployments } = e.inputs.rollout;
  return rollout({ ...e.inputs.rollout, targets: rolloutTargets(deployments, channels) });
}

export interface RolledBack {
  result: RollbackResult;
  rollouts: RolloutResult[];
}

/** One channel's tag back to an earlier commit's image in every target; its deployment restarted if it moved. */
export async function rollbackChannel(
  e: Engine,
  mode: Extract<Mode, { kind: 'rollback' }>,
): Promise<RolledBack> {
  const { channel } = mode;
  const tips = await fetchBranches(e.repoDir, [channel.branch], { treesOnly: true });
  const tip = tips.get(channel.branch);
  if (!tip) throw missingBranchError(channel);
  const result = await rollback({
    repoDir: e.repoDir,
    policy: e.policy,
    channel: channel.name,
    to: mode.to,
    tip,
    image: e.inputs.image,
    clientFor: e.image.clientFor,
    ancestry: new Ancestry(e.repoDir, e.log),
    log: e.log,
  });
  const moved = result.targets.some((t) => t.status === 'moved');
  const rollouts = e.inputs.rollout.deployments && moved ? await restart(e, [channel.name]) : [];
  return { result, rollouts };
}

export interface Published {
  channels: string[];
  /** Channel branch tips by branch name, as built from. */
  tips: ReadonlyMap<string, string | undefined>;
  result: PublishResult;
}

const inWorkspace = (e: Engine, path: string): string =>
  isAbsolute(path) ? path : join(e.ctx.workspace, path);

export async function publishChannels(e: Engine, channels: string[]): Promise<Published> {
  const { layout, archive } = e.inputs;
  // Trees of every channel branch; blobs only for the layers that must be rebuilt, fetched later in one request.
  const tips = await fetchBranches(
    e.repoDir,
    e.policy.channels.map((c) => c.branch),
    { treesOnly: true },
  );
  const request: PublishRequest = {
    ...e.image,
    repoDir: e.repoDir,
    policy: e.policy,
    channels,
    tips,
    push: e.inputs.push,
    forceChannelTags: e.inputs.forceChannelTags,
    ...(layout ? { layoutDir: inWorkspace(e, layout) } : {}),
    ...(archive ? { archiveFile: inWorkspace(e, archive) } : {}),
  };
  return { channels, tips, result: await publishImages(request) };
}

/** The served index of each channel built (what its registry serves after precedence); undefined with `index: false`. */
export async function servedIndexes(e: Engine, p: Published): Promise<ServedListing[] | undefined> {
  if (e.inputs.index === 'false') return undefined;
  const { policy } = e;
  const reader = new StorageReader(e.repoDir, policy.packagesRoot);
  try {
    const listings: ServedListing[] = [];
    for (const name of p.channels) {
      const channel = channelByName(policy, name)!;
      const built = p.result.images.find((i) => i.channel === name);
      const commits = Object.fromEntries(policy.channels.map((c) => [c.name, p.tips.get(c.branch)] as const));
      if (built) commits[name] = built.commit;
      listings.push(
        await readServedIndex({
          reader,
          repoDir: e.repoDir,
          policy,
          channel,
          commits,
          options: { all: e.inputs.index === 'all' },
        }),
      );
    }
    return listings;
  } finally {
    reader.close();
  }
}

/** Restarts the deployment of every channel whose image (its moving tag) changed in any target. */
export async function restartChanged(e: Engine, p: Published): Promise<RolloutResult[]> {
  if (!e.inputs.rollout.deployments || !e.inputs.push) return [];
  const changed = p.result.images
    .filter((i) => ![...i.unchangedTags, ...i.keptTags].includes(sanitizeTag(i.branch)))
    .map((i) => i.channel);
  return restart(e, [...new Set(changed)]);
}
