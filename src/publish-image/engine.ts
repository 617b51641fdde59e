// Builds the distribution images of one or more channels from git trees at known commits and publishes them: to a
// registry (blobs first, immutable tags next, moving tags last), to an OCI layout, or to an air-gapped archive.
// Layers are reused from the previous image of the channel and shared between the images of one run.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { OperationError, UsageError } from '../core/errors.js';
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
import { channelByName, servedChannels, type ChannelPolicy, type Policy } from '../core/policy.js';
import { StorageReader } from '../git/storage.js';
import { commitTime } from '../git/write.js';
import { writeImageArchive } from '../oci/archive.js';
import {
  buildImage,
  findReusableLayer,
  layerSourceAnnotations,
  type BuiltImage,
  type NewLayer,
} from '../oci/image.js';
import { buildLayer, layerRecipe, type Layer } from '../oci/layer.js';
import {
  layoutBlobFetcher,
  readOciLayoutImage,
  writeOciLayout,
  type BlobSource,
  type FetchBlob,
} from '../oci/layout.js';
import type { Descriptor, Digest, ImageConfig, ImageManifest } from '../oci/types.js';
import { parseImageReference, RegistryError, sanitizeTag, type RegistryClient } from '../registry/index.js';
import { baseReference, lazyStream, openBase, type BaseSource, type ClientFor } from './base.js';
import { blobSizes, layerEntries, layerFiles, prefetchBlobs, registryConfig } from './content.js';

/** Bump when the layer layout changes: layers built by another recipe are never reused. */
const recipe = layerRecipe({ mtime: 0, extra: 'package-storage=1' });
const maxLayers = 120;

export interface PublishRequest {
  repoDir: string;
  policy: Policy;
  /** Channels whose images to build. */
  channels: string[];
  /** Channel branch tips by branch name. */
  tips: ReadonlyMap<string, string | undefined>;
  /** Target repository without tag, e.g. `ghcr.io/acme/distribution`. */
  image: string;
  /** Base repository (tag = registry version), a full reference, `oci:<dir>[:<tag>]` or `scratch`. */
  baseImage: string;
  /** Overrides the version pinned in each channel's Dockerfile. */
  registryVersion?: string;
  push: boolean;
  layoutDir?: string;
  archiveFile?: string;
  clientFor: ClientFor;
  /** `org.opencontainers.image.source`. */
  sourceUrl?: string;
  /** Extra immutable tags for one channel's image (stack release versions). */
  extraTags?: ReadonlyMap<string, string[]>;
  /** Whether an existing extra (release) tag may point elsewhere and be moved. */
  allowRetag?: boolean;
  /** Move the channel tags (default true); false when building an old commit's image for a release. */
  movingTags?: boolean;
  tmpDir?: string;
  log?: (line: string) => void;
}

export interface LayerCounts {
  total: number;
  base: number;
  /** Package and config layers taken from the previous image or another image of this run, not rebuilt. */
  reused: number;
  built: number;
  /** Layers actually sent to the registry (after HEAD and mount); the config blob is not counted. */
  uploaded: number;
  mounted: number;
}

export interface ImageResult {
  channel: string;
  branch: string;
  commit: string;
  digest: Digest;
  /** Full references, `<image>:<tag>`. */
  tags: string[];
  registryVersion: string;
  base: string;
  layers: LayerCounts;
  bytesUploaded: number;
  /** Tags that already pointed at this digest (nothing to do). */
  unchangedTags: string[];
  /**
   * Tags left where they were: a commit tag on the image first built from this channel commit (a more stable channel
   * moved since), or the channel tag on a newer image another run already published.
   */
  keptTags: string[];
  packages: number;
}

export interface PublishResult {
  images: ImageResult[];
  bytesUploaded: number;
  layoutDir?: string;
  archive?: { file: string; digest: Digest; size: number };
}

interface BuiltChannel {
  plan: ImagePlan;
  content: ChannelContent;
  base: BaseSource;
  registryVersion: string;
  image: BuiltImage;
  /** New blobs this run produced (layers, config) by digest. */
  blobs: Map<Digest, BlobSource>;
  counts: LayerCounts;
  moving: string[];
  immutable: string[];
  releaseTags: string[];
  /** Commit tags left on an image built from the same channel commit with older upstream channels. */
  keptTags: string[];
}

interface SharedLayer extends NewLayer {
  blob?: BlobSource;
}

/** Runs `jobs` with at most `limit` at a time, keeping results in order. */
async function pool<T>(items: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await items[i]!();
      }
    }),
  );
  return results;
}

async function readChannel(
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

function targetOf(image: string): { host: string; repository: string; display: string } {
  let ref;
  try {
    ref = parseImageReference(image);
  } catch (error) {
    throw new UsageError(
      `image ${JSON.stringify(image)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (ref.tag || ref.digest)
    throw new UsageError(
      `image ${image}: give the repository without a tag; tags come from the channel and commit`,
    );
  return { host: ref.apiHost, repository: ref.repository, display: image };
}

async function previousImage(
  request: PublishRequest,
  target: { host: string; repository: string },
  tag: string,
): Promise<{ manifest: ImageManifest; config: ImageConfig; fetch: FetchBlob } | undefined> {
  if (request.push) {
    const client = request.clientFor(target.host);
    try {
      const prev = await client.resolveImage(target.repository, tag);
      return {
        manifest: prev.manifest,
        config: prev.config,
        fetch: (d) => client.getBlob(target.repository, d.digest),
      };
    } catch (error) {
      if (error instanceof RegistryError && (error.status === 404 || /UNKNOWN/.test(error.code)))
        return undefined;
      throw error;
    }
  }
  if (request.layoutDir) {
    try {
      const prev = await readOciLayoutImage(request.layoutDir, tag);
      return { manifest: prev.manifest, config: prev.config, fetch: layoutBlobFetcher(request.layoutDir) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export async function publishImages(request: PublishRequest): Promise<PublishResult> {
  const { policy, repoDir } = request;
  const log = request.log ?? ((): void => undefined);
  if (!request.push && !request.layoutDir && !request.archiveFile)
    throw new UsageError(
      'nothing to do: push to a registry, or write an OCI layout (--layout) or an archive (--archive)',
    );
  const target = targetOf(request.image);
  const wanted = request.channels.map((name) => {
    const c = channelByName(policy, name);
    if (!c)
      throw new UsageError(
        `unknown channel "${name}" (channels: ${policy.channels.map((x) => x.name).join(', ')})`,
      );
    if (!request.tips.get(c.branch))
      throw new OperationError(`the ${c.name} branch (${c.branch}) does not exist`);
    return c;
  });
  // Most stable first, so the layers of a stable channel are built once and reused by the images that include it.
  wanted.sort((a, b) => policy.channels.indexOf(a) - policy.channels.indexOf(b));

  const reader = new StorageReader(repoDir, policy.packagesRoot);
  const layersBySource = new Map<string, SharedLayer>();
  const builtLayers: Layer[] = [];
  const bases = new Map<string, BaseSource>();
  try {
    const needed = new Set(wanted.flatMap((c) => servedChannels(policy, c)));
    const contents = new Map<string, ChannelContent>();
    for (const c of needed) {
      const tip = request.tips.get(c.branch);
      if (tip) contents.set(c.name, await readChannel(reader, repoDir, c, tip));
    }

    const built: BuiltChannel[] = [];
    for (const channel of wanted) {
      const content = contents.get(channel.name)!;
      const plan = planImage(policy, channel, contents);
      const registryVersion = request.registryVersion ?? content.registryVersion;
      if (!registryVersion)
        throw new UsageError(
          `no registry version for ${channel.name}: pass one (registry-version) or pin it in the ${channel.branch} branch's Dockerfile (ARG PACKAGE_REGISTRY=v1.15.0)`,
        );
      if (!isRegistryVersion(registryVersion))
        throw new UsageError(
          `registry version ${JSON.stringify(registryVersion)} is not a version such as v1.15.0`,
        );
      const baseRef = baseReference(request.baseImage, registryVersion);
      let base = bases.get(baseRef);
      if (!base) bases.set(baseRef, (base = await openBase(baseRef, request.clientFor)));

      const moving = request.movingTags === false ? [] : [sanitizeTag(channel.branch)];
      const immutable = [plan.commit];
      const releaseTags = request.extraTags?.get(channel.name) ?? [];
      const previous = await previousImage(request, target, sanitizeTag(channel.branch));
      const counts: LayerCounts = {
        total: 0,
        base: base.image?.layers.length ?? 0,
        reused: 0,
        built: 0,
        uploaded: 0,
        mounted: 0,
      };
      const blobs = new Map<Digest, BlobSource>();

      // The registry configuration is one more small layer, keyed by its text.
      const configText = registryConfig(content.registryConfig, plan.packagePaths);
      const configSource = `registry-config@sha256:${sha256Hex(configText)}`;
      const wantedLayers: Array<{ source: string; plan?: LayerPlan; createdBy: string }> = [
        ...plan.layers.map((l) => ({
          source: l.source,
          plan: l,
          createdBy: `package-storage: ${packagePath(l.channel)} layer ${l.bucket + 1}/${l.buckets} (${l.versions.length} versions)`,
        })),
        {
          source: configSource,
          createdBy: `package-storage: /package-registry/config.yml (${plan.packagePaths.join(', ')})`,
        },
      ];
      if (counts.base + wantedLayers.length > maxLayers)
        throw new UsageError(
          `the ${channel.name} image would have ${counts.base + wantedLayers.length} layers (limit ${maxLayers}); lower image-layers in the policy`,
        );

      // Reuse what this run or the previous image already has; build the rest, fetching missing blobs at once.
      const toBuild: typeof wantedLayers = [];
      for (const w of wantedLayers) {
        if (layersBySource.has(w.source)) {
          counts.reused++; // built or reused earlier in this run, e.g. production's layers in the staging image
          continue;
        }
        const reusable = previous ? findReusableLayer(previous, { source: w.source, recipe }) : undefined;
        if (reusable) {
          const fetch = previous!.fetch;
          layersBySource.set(w.source, {
            ...reusable,
            createdBy: w.createdBy,
            comment: w.source,
            blob: {
              digest: reusable.digest,
              size: reusable.size,
              open: () =>
                fetch({ digest: reusable.digest, size: reusable.size, mediaType: reusable.mediaType }),
            },
          });
          counts.reused++;
        } else toBuild.push(w);
      }
      const fetched = await prefetchBlobs(
        repoDir,
        toBuild.flatMap((w) => w.plan?.versions.map((v) => v.tree) ?? []),
      );
      if (fetched > 0) log(`fetched ${fetched} missing blobs in one request`);
      const results = await pool(
        toBuild.map((w) => async (): Promise<[string, Layer]> => {
          if (!w.plan) {
            const bytes = Buffer.from(configText);
            return [
              w.source,
              await buildLayer(
                [{ path: 'package-registry/config.yml', type: 'file', size: bytes.length, content: bytes }],
                { level: 1, ...(request.tmpDir ? { tmpDir: request.tmpDir } : {}) },
              ),
            ];
          }
          const files = await layerFiles(reader.objects, w.plan);
          const sizes = await blobSizes(
            reader.objects,
            files.map((f) => f.oid),
          );
          const layer = await buildLayer(layerEntries(reader.objects, files, sizes), {
            level: 1,
            ...(request.tmpDir ? { tmpDir: request.tmpDir } : {}),
          });
          return [w.source, layer];
        }),
        Math.max(1, Math.min(availableParallelism(), 4)),
      );
      for (const [source, layer] of results) {
        builtLayers.push(layer);
        const w = toBuild.find((x) => x.source === source)!;
        layersBySource.set(source, {
          diffId: layer.diffId,
          digest: layer.digest,
          size: layer.size,
          mediaType: layer.mediaType,
          annotations: layerSourceAnnotations(source, recipe),
          createdBy: w.createdBy,
          comment: source,
          blob: layer,
        });
        counts.built++;
      }

      const layers = wantedLayers.map((w) => layersBySource.get(w.source)!);
      for (const l of layers) if (l.blob) blobs.set(l.digest, l.blob);
      const created = plan.created;
      const image = buildImage(base.image, layers.map(newLayer), {
        created,
        labels: {
          'package-registry': registryVersion,
          'org.opencontainers.image.revision': plan.commit,
          'org.opencontainers.image.created': new Date(created * 1000).toISOString().replace('.000Z', 'Z'),
          'org.opencontainers.image.version': releaseTags[0] ?? `${channel.name}-${plan.commit.slice(0, 12)}`,
          'org.opencontainers.image.title': `package-storage ${channel.name} distribution`,
          ...(request.sourceUrl ? { 'org.opencontainers.image.source': request.sourceUrl } : {}),
          'io.package-storage.channel': channel.name,
          'io.package-storage.commits': JSON.stringify(plan.commits),
          ...(base.digest && base.label ? { 'io.package-storage.base': `${base.label}@${base.digest}` } : {}),
        },
      });
      blobs.set(image.configDescriptor.digest, {
        digest: image.configDescriptor.digest,
        size: image.configBytes.length,
        open: () => bufferReadable(image.configBytes),
      });
      counts.total = image.manifest.layers.length;
      built.push({
        plan,
        content,
        base,
        registryVersion,
        image,
        blobs,
        counts,
        moving,
        immutable,
        releaseTags,
        keptTags: [],
      });
      log(
        `${channel.name}: ${image.digest} (${counts.total} layers: ${counts.base} base, ${counts.reused} reused, ${counts.built} built; ${plan.layers.reduce((n, l) => n + l.versions.length, 0)} package versions)`,
      );
    }

    const fetchBlob = (descriptor: Descriptor): Promise<Readable> => {
      for (const b of built) {
        const own = b.blobs.get(descriptor.digest);
        if (own) return Promise.resolve(own.open());
        if (b.base.image?.layers.some((l) => l.digest === descriptor.digest))
          return b.base.fetchBlob(descriptor);
      }
      return Promise.reject(new OperationError(`no source for blob ${descriptor.digest}`));
    };

    const result: PublishResult = { images: [], bytesUploaded: 0 };
    const uploadedBy = new Map<string, number>();
    if (request.push) {
      const outcome = await pushAll(request, target, built, fetchBlob, uploadedBy);
      result.images = outcome;
    } else result.images = built.map((b) => imageResult(b, target.display, [], 0));
    result.bytesUploaded = result.images.reduce((n, i) => n + i.bytesUploaded, 0);

    const stored = built.map((b) => ({
      image: b.image,
      refs: [...b.moving, ...b.immutable, ...b.releaseTags],
      blobs: [...b.blobs.values()],
      repository: target.display,
    }));
    if (request.layoutDir) {
      await writeOciLayout(request.layoutDir, stored, { fetchBlob });
      result.layoutDir = request.layoutDir;
    }
    if (request.archiveFile) {
      const archive = await writeImageArchive(request.archiveFile, stored, { fetchBlob });
      result.archive = { file: request.archiveFile, ...archive };
    }
    return result;
  } finally {
    reader.close();
    await Promise.all(builtLayers.map((l) => l.dispose()));
  }
}

function newLayer(shared: SharedLayer): NewLayer {
  const { blob, ...layer } = shared;
  void blob;
  return layer;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function bufferReadable(bytes: Buffer): Readable {
  return Readable.from([bytes], { objectMode: false });
}

function imageResult(
  b: BuiltChannel,
  display: string,
  unchangedTags: string[],
  bytesUploaded: number,
): ImageResult {
  return {
    channel: b.plan.channel.name,
    branch: b.plan.channel.branch,
    commit: b.plan.commit,
    digest: b.image.digest,
    tags: [...b.moving, ...b.immutable, ...b.releaseTags].map((t) => `${display}:${t}`),
    registryVersion: b.registryVersion,
    base: b.base.reference,
    layers: b.counts,
    bytesUploaded,
    unchangedTags,
    keptTags: b.keptTags,
    packages: b.plan.layers.reduce((n, l) => n + l.versions.length, 0),
  };
}

/**
 * Registry publication. Immutable tags (commit sha, release versions) are checked for every image before anything
 * is written; blobs go first, then each manifest under its immutable tags, then the moving channel tags, most stable
 * first. A failure at any point leaves every existing tag where it was or on a complete image.
 */
async function pushAll(
  request: PublishRequest,
  target: { host: string; repository: string; display: string },
  built: BuiltChannel[],
  fetchBlob: FetchBlob,
  uploadedBy: Map<string, number>,
): Promise<ImageResult[]> {
  const client = request.clientFor(target.host);
  const repo = target.repository;
  const unchanged = new Map<string, string[]>();
  for (const b of built) {
    const same: string[] = [];
    for (const tag of [...b.immutable, ...b.releaseTags]) {
      const existing = await client.headManifest(repo, tag);
      if (!existing) continue;
      if (existing.digest === b.image.digest) {
        same.push(tag);
        continue;
      }
      const isRelease = b.releaseTags.includes(tag);
      if (isRelease && request.allowRetag) continue;
      // A less stable channel's image also holds the more stable channels: when one of those moved, the same
      // channel commit gives a new image. Its commit tag keeps naming the first image built from that commit.
      if (!isRelease && (await builtFromEarlierUpstream(client, repo, tag, b))) {
        same.push(tag);
        b.keptTags.push(tag);
        continue;
      }
      throw new OperationError(
        `${target.display}:${tag} already points at ${existing.digest}, not at the image built now (${b.image.digest}); immutable tags are never moved${isRelease ? ' (the policy can allow moving release tags: release.allow-overwrite)' : ''}. No tag was changed.`,
      );
    }
    unchanged.set(b.plan.channel.name, same);
  }

  const results: ImageResult[] = [];
  const done = new Set<Digest>();
  for (const b of built) {
    let bytes = 0;
    const descriptors = [...b.image.manifest.layers, b.image.manifest.config];
    for (const d of descriptors) {
      if (done.has(d.digest)) continue;
      const own = b.blobs.get(d.digest);
      const isBase = !own && (b.base.image?.layers.some((l) => l.digest === d.digest) ?? false);
      const mountFrom = isBase && b.base.registry?.host === target.host ? [b.base.registry.repository] : [];
      const outcome = await client.uploadBlob(
        repo,
        d,
        () => (own ? toReadable(own.open()) : lazyStream(() => fetchBlob(d))),
        { mountFrom },
      );
      const isLayer = d.digest !== b.image.manifest.config.digest;
      if (outcome === 'uploaded') {
        if (isLayer) b.counts.uploaded++;
        bytes += d.size;
      } else if (outcome === 'mounted' && isLayer) b.counts.mounted++;
      done.add(d.digest);
    }
    uploadedBy.set(b.plan.channel.name, bytes);
    results.push(imageResult(b, target.display, unchanged.get(b.plan.channel.name) ?? [], bytes));
  }
  // Every blob is in place: now the manifests, immutable tags first, the moving tags last.
  for (const b of built)
    for (const tag of [...b.immutable, ...b.releaseTags])
      if (!(unchanged.get(b.plan.channel.name) ?? []).includes(tag))
        await client.putManifest(repo, tag, b.image.manifestBytes, b.image.manifestDescriptor.mediaType);
  for (const b of built)
    for (const tag of b.moving) {
      const existing = await client.headManifest(repo, tag);
      const result = results.find((r) => r.channel === b.plan.channel.name)!;
      if (existing?.digest === b.image.digest) {
        result.unchangedTags.push(tag);
        continue;
      }
      // Two runs racing (or a run from a stale clone) must not move the channel back to an older image.
      if (existing && (await newerThan(client, repo, tag, b))) {
        result.keptTags.push(tag);
        continue;
      }
      await client.putManifest(repo, tag, b.image.manifestBytes, b.image.manifestDescriptor.mediaType);
    }
  return results;
}

/** Whether the image under `tag` was built from newer channel commits (its `created` time is later) than `b`. */
async function newerThan(
  client: RegistryClient,
  repo: string,
  tag: string,
  b: BuiltChannel,
): Promise<boolean> {
  try {
    const current = await client.resolveImage(repo, tag);
    const created = Date.parse(current.config.created ?? '');
    return Number.isFinite(created) && created > b.plan.created * 1000;
  } catch {
    return false;
  }
}

/**
 * Whether the image under `tag` was built from the same commit of this channel but other commits of the more
 * stable channels it includes (read from its `io.package-storage.commits` label). Anything else under our commit
 * tag (no label, the same commits with another digest) is a conflict.
 */
async function builtFromEarlierUpstream(
  client: RegistryClient,
  repo: string,
  tag: string,
  b: BuiltChannel,
): Promise<boolean> {
  try {
    const previous = await client.resolveImage(repo, tag);
    const label = previous.config.config?.Labels?.['io.package-storage.commits'];
    if (!label) return false;
    const commits = JSON.parse(label) as Record<string, string>;
    const own = b.plan.channel.name;
    return commits[own] === b.plan.commit && JSON.stringify(commits) !== JSON.stringify(b.plan.commits);
  } catch {
    return false;
  }
}

function toReadable(source: Readable | Promise<Readable>): Readable {
  return source instanceof Promise ? lazyStream(() => source) : source;
}
