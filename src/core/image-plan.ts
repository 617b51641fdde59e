// What a channel's distribution image holds, as a pure plan: the packages of the channel and of every more stable
// one, split into layers by a stable hash of name/version, so adding or changing one version touches one small
// layer, and the layers of a channel are the same blobs in every image that includes it. Hashing the version too
// (not only the name) keeps layers even: a package with hundreds of versions would otherwise make one huge layer,
// and each of its releases would re-upload it (measured: 13% of production instead of ~3%).
import { createHash } from 'node:crypto';
import type { TreeId } from './change.js';
import { servedChannels, type ChannelPolicy, type Policy } from './policy.js';

export interface VersionTree {
  name: string;
  version: string;
  tree: TreeId;
}

export interface ChannelContent {
  channel: ChannelPolicy;
  /** Tip of the channel branch the content was read from. */
  commit: string;
  /** Committer time of that tip, Unix seconds. */
  commitTime: number;
  versions: VersionTree[];
  /** Registry version pinned on the branch (Dockerfile `ARG PACKAGE_REGISTRY=`), if any. */
  registryVersion?: string;
  /** The branch's registry configuration (deployment/package-registry.yml), if any. */
  registryConfig?: string;
}

export interface LayerPlan {
  channel: string;
  bucket: number;
  buckets: number;
  /** What the layer is built from: reuse is keyed on this (plus the recipe). */
  source: string;
  versions: VersionTree[];
}

export interface ImagePlan {
  channel: ChannelPolicy;
  commit: string;
  /** Package layers, most stable channel first. */
  layers: LayerPlan[];
  /** Served paths, most stable first (first found wins in the registry). */
  packagePaths: string[];
  /** config.created and the OCI `created` label: the newest commit time of the included channels. */
  created: number;
  /** Commit of each included channel. */
  commits: Record<string, string>;
}

/** Layers per channel unless the policy sets `image-layers`: more for the big, stable channels. */
export function layerCount(policy: Policy, channel: ChannelPolicy): number {
  if (channel.imageLayers !== undefined) return channel.imageLayers;
  const defaults: Record<string, number> = { production: 32, staging: 8, snapshot: 16 };
  return defaults[channel.name] ?? 16;
}

/** Stable bucket of a package version: the same on every machine and run, whatever else is in the channel. */
export function bucketOf(name: string, version: string, buckets: number): number {
  return createHash('sha256').update(`${name}/${version}`).digest().readUInt32BE(0) % buckets;
}

export function packagePath(channel: string): string {
  return `/packages/${channel}`;
}

export function layerSource(
  channel: string,
  bucket: number,
  buckets: number,
  versions: readonly VersionTree[],
): string {
  const lines = versions
    .map((v) => `${v.name}\t${v.version}\t${v.tree}\n`)
    .sort()
    .join('');
  const digest = createHash('sha256').update(lines).digest('hex');
  return `packages/${channel}#${bucket}/${buckets}@sha256:${digest}`;
}

export function planChannelLayers(policy: Policy, content: ChannelContent): LayerPlan[] {
  const buckets = layerCount(policy, content.channel);
  const groups = new Map<number, VersionTree[]>();
  for (const v of content.versions) {
    const b = bucketOf(v.name, v.version, buckets);
    groups.set(b, [...(groups.get(b) ?? []), v]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([bucket, versions]) => ({
      channel: content.channel.name,
      bucket,
      buckets,
      source: layerSource(content.channel.name, bucket, buckets, versions),
      versions: versions.sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1,
      ),
    }));
}

/** The image of `channel`: its packages and every more stable channel's, read from `contents` (all at known commits). */
export function planImage(
  policy: Policy,
  channel: ChannelPolicy,
  contents: ReadonlyMap<string, ChannelContent>,
): ImagePlan {
  const served = servedChannels(policy, channel);
  const layers: LayerPlan[] = [];
  const commits: Record<string, string> = {};
  let created = 0;
  for (const c of served) {
    const content = contents.get(c.name);
    if (!content) continue; // a channel without a branch contributes nothing
    layers.push(...planChannelLayers(policy, content));
    commits[c.name] = content.commit;
    created = Math.max(created, content.commitTime);
  }
  const own = contents.get(channel.name);
  if (!own) throw new Error(`no content for channel ${channel.name}`);
  return {
    channel,
    commit: own.commit,
    layers,
    packagePaths: served.filter((c) => contents.has(c.name)).map((c) => packagePath(c.name)),
    created,
    commits,
  };
}

/**
 * The package-registry version a channel's Dockerfile pins (`ARG PACKAGE_REGISTRY=v1.15.0`), or undefined. One
 * reading for publish-image (which base tag to build on) and validate (the registry-version rule), so they never
 * disagree. Docker reads instructions case-insensitively (`arg` is `ARG`) and argument names exactly.
 */
export function registryVersionFromDockerfile(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /^[ \t]*[Aa][Rr][Gg][ \t]+PACKAGE_REGISTRY[ \t]*=[ \t]*["']?([^\s"']+)["']?[ \t]*\r?$/m.exec(
    text,
  )?.[1];
}

const versionPattern = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export function isRegistryVersion(version: string): boolean {
  return versionPattern.test(version);
}
