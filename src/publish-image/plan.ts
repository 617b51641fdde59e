// Stage 1: plan each channel's image. Reads what every involved channel branch holds at its known commit, and
// decides the image's package layers (core/image-plan.ts), its registry version and base, its platforms and its
// tags. Bad requests and configurations stop here, before anything is built or written.
import { UsageError } from '../core/errors.js';
import {
  isRegistryVersion,
  packagePath,
  planImage,
  registryVersionFromDockerfile,
  type ChannelContent,
  type ImagePlan,
  type LayerPlan,
} from '../core/image-plan.js';
import { isValidPackageName } from '../core/paths.js';
import {
  channelByName,
  missingBranchError,
  servedChannels,
  type ChannelPolicy,
  type Policy,
} from '../core/policy.js';
import type { StorageReader } from '../git/storage.js';
import { commitTime } from '../git/write.js';
import { sha256Digest } from '../oci/digest.js';
import type { Platform } from '../oci/types.js';
import { sanitizeTag } from '../registry/index.js';
import {
  baseReference,
  imageReference,
  openBase,
  selectPlatforms,
  type BasePlatform,
  type BaseSource,
  type ClientFor,
} from './base.js';
import { registryConfig } from './content.js';

const maxLayers = 120;

/** One layer an image needs, keyed by what it is built from. */
export interface WantedLayer {
  source: string;
  createdBy: string;
  /** Package versions of the layer; absent for the registry configuration layer. */
  plan?: LayerPlan;
  /** The commit of the layer's channel the versions were read at. */
  commit?: string;
  /** The registry configuration file (the small last layer). */
  configText?: string;
}

export interface ChannelJob {
  channel: ChannelPolicy;
  content: ChannelContent;
  plan: ImagePlan;
  registryVersion: string;
  base: BaseSource;
  /** The base platforms this image is published for (one image each; an index when more than one). */
  platforms: BasePlatform[];
  layers: WantedLayer[];
  tags: {
    /** The channel tag (moves forward with the branch). */
    moving: string[];
    /** The commit tag (never moved). */
    immutable: string[];
    /** Stack release versions (never moved unless the policy allows it). */
    release: string[];
  };
}

export interface Target {
  host: string;
  repository: string;
  /** As given, for tags and reports (`ghcr.io/acme/distribution`). */
  display: string;
}

export function targetOf(image: string): Target {
  const ref = imageReference(image, 'image');
  if (ref.tag || ref.digest)
    throw new UsageError(
      `image ${image}: give the repository without a tag; tags come from the channel and commit`,
    );
  return { host: ref.apiHost, repository: ref.repository, display: image };
}

/**
 * The target repositories of `image`: one, or several separated by commas or newlines (mirrors, possibly on other
 * registries). The first is where previous images are read first and whose digest the outputs name.
 */
export function targetsOf(image: string): Target[] {
  const targets = image
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map(targetOf);
  if (targets.length === 0) throw new UsageError('image: give at least one target repository');
  const seen = new Map<string, string>();
  for (const t of targets) {
    const key = `${t.host}/${t.repository}`;
    const other = seen.get(key);
    if (other !== undefined)
      throw new UsageError(`image lists the same repository twice (${other} and ${t.display})`);
    seen.set(key, t.display);
  }
  return targets;
}

/**
 * The channel tag of every channel, refusing configurations where two branches would share a tag (`rel/prod` and
 * `rel-prod`, or names equal in their first 128 characters) or a branch's tag would look like a commit tag or a
 * referrers tag: one channel's image would silently replace another's.
 */
export function channelTags(policy: Policy): Map<string, string> {
  const tags = new Map<string, string>();
  const byTag = new Map<string, string>();
  for (const c of policy.channels) {
    const tag = sanitizeTag(c.branch);
    const other = byTag.get(tag);
    if (other !== undefined)
      throw new UsageError(
        `channel branches ${other} and ${c.branch} would both be tagged ${JSON.stringify(tag)} in the image repository; rename one of them in the policy`,
      );
    if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(tag) || /^sha256-/.test(tag))
      throw new UsageError(
        `channel branch ${c.branch} would be tagged ${JSON.stringify(tag)}, which looks like a commit or referrers tag; rename the branch`,
      );
    byTag.set(tag, c.branch);
    tags.set(c.name, tag);
  }
  return tags;
}

export async function readChannel(
  reader: StorageReader,
  repoDir: string,
  channel: ChannelPolicy,
  commit: string,
): Promise<ChannelContent> {
  const [versions, time, dockerfile, config] = await Promise.all([
    reader.allVersions(commit),
    commitTime(repoDir, commit),
    reader.readFile(commit, 'Dockerfile'),
    reader.readFile(commit, 'deployment/package-registry.yml'),
  ]);
  const version = dockerfile ? registryVersionFromDockerfile(dockerfile) : undefined;
  return {
    channel,
    commit,
    commitTime: time,
    versions: versions.filter((v) => isValidPackageName(v.name)),
    ...(version ? { registryVersion: version } : {}),
    ...(config !== undefined ? { registryConfig: config } : {}),
  };
}

export interface PlanRequest {
  repoDir: string;
  policy: Policy;
  channels: string[];
  tips: ReadonlyMap<string, string | undefined>;
  baseImage: string;
  registryVersion?: string;
  platforms?: readonly Platform[];
  extraTags?: ReadonlyMap<string, string[]>;
  movingTags?: boolean;
  clientFor: ClientFor;
}

/** The wanted channels, most stable first (their layers are built once and reused by the images including them). */
function wantedChannels(request: PlanRequest): ChannelPolicy[] {
  const { policy } = request;
  const wanted = request.channels.map((name) => {
    const c = channelByName(policy, name);
    if (!c)
      throw new UsageError(
        `unknown channel "${name}" (channels: ${policy.channels.map((x) => x.name).join(', ')})`,
      );
    if (!request.tips.get(c.branch)) throw missingBranchError(c);
    return c;
  });
  return wanted.sort((a, b) => policy.channels.indexOf(a) - policy.channels.indexOf(b));
}

function wantedLayers(plan: ImagePlan, configText: string): WantedLayer[] {
  return [
    ...plan.layers.map((l) => ({
      source: l.source,
      plan: l,
      commit: plan.commits[l.channel]!,
      createdBy: `package-storage: ${packagePath(l.channel)} layer ${l.bucket + 1}/${l.buckets} (${l.versions.length} versions)`,
    })),
    {
      // The registry configuration is one more small layer, keyed by its text.
      source: `registry-config@${sha256Digest(Buffer.from(configText))}`,
      createdBy: `package-storage: /package-registry/config.yml (${plan.packagePaths.join(', ')})`,
      configText,
    },
  ];
}

function checkRegistryVersion(channel: ChannelPolicy, version: string | undefined): string {
  if (!version)
    throw new UsageError(
      `no registry version for ${channel.name}: pass one (registry-version) or pin it in the ${channel.branch} branch's Dockerfile (ARG PACKAGE_REGISTRY=v1.15.0)`,
    );
  if (!isRegistryVersion(version))
    throw new UsageError(`registry version ${JSON.stringify(version)} is not a version such as v1.15.0`);
  return version;
}

export async function planChannels(request: PlanRequest, reader: StorageReader): Promise<ChannelJob[]> {
  const { policy, repoDir } = request;
  const wanted = wantedChannels(request);
  const tags = channelTags(policy);
  const needed = new Set(wanted.flatMap((c) => servedChannels(policy, c)));
  const contents = new Map<string, ChannelContent>();
  await Promise.all(
    [...needed].map(async (c) => {
      const tip = request.tips.get(c.branch);
      if (tip) contents.set(c.name, await readChannel(reader, repoDir, c, tip));
    }),
  );
  const bases = new Map<string, Promise<BaseSource>>();
  const jobs: ChannelJob[] = [];
  for (const channel of wanted) {
    const content = contents.get(channel.name)!;
    const plan = planImage(policy, channel, contents);
    const registryVersion = checkRegistryVersion(channel, request.registryVersion ?? content.registryVersion);
    const baseRef = baseReference(request.baseImage, registryVersion);
    if (!bases.has(baseRef)) bases.set(baseRef, openBase(baseRef, request.clientFor));
    const base = await bases.get(baseRef)!;
    const platforms = selectPlatforms(base, request.platforms ?? []);
    const layers = wantedLayers(plan, registryConfig(content.registryConfig, plan.packagePaths));
    const baseLayers = Math.max(0, ...platforms.map((p) => p.image?.layers.length ?? 0));
    if (baseLayers + layers.length > maxLayers)
      throw new UsageError(
        `the ${channel.name} image would have ${baseLayers + layers.length} layers (limit ${maxLayers}); lower image-layers in the policy`,
      );
    jobs.push({
      channel,
      content,
      plan,
      registryVersion,
      base,
      platforms,
      layers,
      tags: {
        moving: request.movingTags === false ? [] : [tags.get(channel.name)!],
        immutable: [plan.commit],
        release: request.extraTags?.get(channel.name) ?? [],
      },
    });
  }
  return jobs;
}
