// Builds the distribution images of one or more channels from git trees at known commits and publishes them: to a
// registry, to an OCI layout, or to an air-gapped archive. The stages, one module each:
//   plan.ts      plan a channel: contents at its commit, layers, registry version, base platforms, tags
//   layers.ts    build or reuse layers: reused from previous images, or built from git and streamed out
//   assemble.ts  assemble: one image per platform, an index over them
//   push.ts      push with the tag-safety rules (immutable tags, forward-only channel tags, SBOM referrer)
//   outputs.ts   the OCI layout and the archive
import { availableParallelism } from 'node:os';
import { UsageError } from '../core/errors.js';
import type { Policy } from '../core/policy.js';
import { StorageReader } from '../git/storage.js';
import { layoutBlobFetcher, readOciLayoutImage } from '../oci/layout.js';
import type { Digest, Platform } from '../oci/types.js';
import { isNotFound, RegistryError } from '../registry/index.js';
import { Ancestry } from './ancestry.js';
import { assemble, type AssembledImage } from './assemble.js';
import type { ClientFor } from './base.js';
import { resolveLayers, type LayerSet, type PreviousImage } from './layers.js';
import { noExtraMetadata, type ExtraMetadata } from './metadata.js';
import { writeArchive, writeLayout } from './outputs.js';
import { channelTags, planChannels, targetOf, type ChannelJob, type Target } from './plan.js';
import { Progress, type ProgressListener } from './progress.js';
import { pushImages, type PushOutcome } from './push.js';

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
  /** Base platforms to publish (default: every platform of the base). */
  platforms?: readonly Platform[];
  push: boolean;
  layoutDir?: string;
  archiveFile?: string;
  clientFor: ClientFor;
  /** `org.opencontainers.image.source` and `.url`. */
  sourceUrl?: string;
  /** Operator labels and annotations. */
  metadata?: ExtraMetadata;
  /** Extra immutable tags for one channel's image (stack release versions). */
  extraTags?: ReadonlyMap<string, string[]>;
  /** Whether an existing extra (release) tag may point elsewhere and be moved. */
  allowRetag?: boolean;
  /** Move the channel tags (default true); false when building an old commit's image for a release. */
  movingTags?: boolean;
  /** Move channel tags even to images that do not descend from theirs (after a deliberate history rewrite). */
  forceChannelTags?: boolean;
  /** Attach an SPDX SBOM to each pushed image (default true). */
  sbom?: boolean;
  /** Layers built side by side (default: the number of cores). */
  concurrency?: number;
  tmpDir?: string;
  log?: (line: string) => void;
  onProgress?: ProgressListener;
  /** Starts periodic progress ticks; returns a function that stops them. */
  progressTicks?: (progress: Progress) => () => void;
}

export interface LayerCounts {
  total: number;
  base: number;
  /** Package and config layers taken from a previous image or another image of this run, not rebuilt. */
  reused: number;
  built: number;
  /** Layers actually sent to the registry (after HEAD and mount); the config blob is not counted. */
  uploaded: number;
  mounted: number;
}

export interface ImageResult {
  /** The image repository (`ghcr.io/acme/distribution`): with `subject-digest`, what attest-build-provenance takes. */
  name: string;
  'subject-name': string;
  'subject-digest': Digest;
  channel: string;
  branch: string;
  commit: string;
  /** What the tags name: the index when there is more than one platform. */
  digest: Digest;
  mediaType: string;
  /** One entry per platform image. */
  platforms: Array<{ platform: string; digest: Digest }>;
  /** Full references, `<image>:<tag>`. */
  tags: string[];
  registryVersion: string;
  base: string;
  layers: LayerCounts;
  bytesUploaded: number;
  /** Tags that already pointed at this digest (nothing to do). */
  unchangedTags: string[];
  /**
   * Tags left where they were: a commit tag on the image first built from this channel commit, or the channel tag
   * on an image whose commits ours do not descend from (see `notes`).
   */
  keptTags: string[];
  notes: string[];
  packages: number;
  sbom?: { digest: Digest; via: 'referrers-api' | 'tag' | 'existing' };
}

export interface PublishResult {
  images: ImageResult[];
  bytesUploaded: number;
  layoutDir?: string;
  archive?: { file: string; digest: Digest; size: number };
}

/**
 * The current images of the channel tags the jobs involve — each job's channel and every channel it serves, so a
 * snapshot-only build finds production's newest layers under production's tag (registry, else layout): their
 * layers are reused when their source matches.
 */
async function previousImages(
  request: PublishRequest,
  target: Target,
  jobs: readonly ChannelJob[],
): Promise<PreviousImage[]> {
  const tags = channelTags(request.policy);
  const wanted = [...new Set(jobs.flatMap((j) => [j.channel.name, ...Object.keys(j.plan.commits)]))].map(
    (c) => tags.get(c)!,
  );
  const found = await Promise.all(
    wanted.map(async (tag): Promise<PreviousImage | undefined> => {
      if (request.push) {
        const client = request.clientFor(target.host);
        try {
          const prev = await client.resolveImage(target.repository, tag, 'first');
          return {
            manifest: prev.manifest,
            config: prev.config,
            fetch: (d) => client.getBlob(target.repository, d.digest),
            inTarget: true,
          };
        } catch (error) {
          if (error instanceof RegistryError && (isNotFound(error) || error.code === 'PLATFORM_NOT_FOUND'))
            return undefined;
          throw error;
        }
      }
      if (!request.layoutDir) return undefined;
      try {
        const prev = await readOciLayoutImage(request.layoutDir, tag);
        return {
          manifest: prev.manifest,
          config: prev.config,
          fetch: layoutBlobFetcher(request.layoutDir),
          inTarget: true,
        };
      } catch {
        return undefined;
      }
    }),
  );
  return found.filter((p): p is PreviousImage => p !== undefined);
}

function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

function imageResult(
  a: AssembledImage,
  target: Target,
  outcome: PushOutcome | undefined,
  counted: Set<string>,
): ImageResult {
  const { job } = a;
  const first = a.images[0]!;
  const base = job.platforms[0]?.image?.layers.length ?? 0;
  // A layer built in this run counts as built for the first image having it, as reused for the later ones.
  let reused = 0;
  for (const l of a.layers) {
    if (l.origin === 'reused' || counted.has(l.digest)) reused++;
    else counted.add(l.digest);
  }
  return {
    name: target.display,
    'subject-name': target.display,
    'subject-digest': a.digest,
    channel: job.channel.name,
    branch: job.channel.branch,
    commit: job.plan.commit,
    digest: a.digest,
    mediaType: a.top.descriptor.mediaType,
    platforms: a.images.map((image, i) => ({
      platform: formatPlatform(job.platforms[i]!.platform),
      digest: image.digest,
    })),
    tags: [...job.tags.moving, ...job.tags.immutable, ...job.tags.release].map(
      (t) => `${target.display}:${t}`,
    ),
    registryVersion: job.registryVersion,
    base: job.base.reference,
    layers: {
      total: first.manifest.layers.length,
      base,
      reused,
      built: a.layers.length - reused,
      uploaded: outcome?.uploadedLayers ?? 0,
      mounted: outcome?.mountedLayers ?? 0,
    },
    bytesUploaded: outcome?.bytesUploaded ?? 0,
    unchangedTags: outcome?.unchangedTags ?? [],
    keptTags: outcome?.keptTags ?? [],
    notes: outcome?.notes ?? [],
    packages: job.plan.layers.reduce((n, l) => n + l.versions.length, 0),
    ...(outcome?.sbom ? { sbom: outcome.sbom } : {}),
  };
}

export async function publishImages(request: PublishRequest): Promise<PublishResult> {
  const log = request.log ?? ((): void => undefined);
  if (!request.push && !request.layoutDir && !request.archiveFile)
    throw new UsageError(
      'nothing to do: push to a registry, or write an OCI layout (--layout) or an archive (--archive)',
    );
  const target = targetOf(request.image);
  const reader = new StorageReader(request.repoDir, request.policy.packagesRoot);
  const progress = new Progress(request.onProgress);
  const stopTicks = request.progressTicks?.(progress);
  let layerSet: LayerSet | undefined;
  try {
    const jobs = await planChannels(request, reader);
    const client = request.push ? request.clientFor(target.host) : undefined;
    layerSet = await resolveLayers(
      {
        repoDir: request.repoDir,
        reader,
        previous: await previousImages(request, target, jobs),
        ...(client ? { push: { client, repository: target.repository } } : {}),
        ...(request.layoutDir ? { layoutDir: request.layoutDir } : {}),
        keep: request.archiveFile !== undefined,
        ...(request.tmpDir ? { tmpDir: request.tmpDir } : {}),
        concurrency: Math.max(1, request.concurrency ?? availableParallelism()),
        progress,
        log,
      },
      jobs,
    );
    const images = jobs.map((job) =>
      assemble(job, layerSet!.layers, {
        ...(request.sourceUrl ? { sourceUrl: request.sourceUrl } : {}),
        extra: request.metadata ?? noExtraMetadata,
      }),
    );
    for (const a of images) {
      const reused = a.layers.filter((l) => l.origin === 'reused').length;
      log(
        `${a.job.channel.name}: ${a.digest} (${a.images.length > 1 ? `index of ${a.images.length} platforms, ` : ''}${a.layers.length} package and config layers: ${reused} reused, ${a.layers.length - reused} built; ${a.job.plan.layers.reduce((n, l) => n + l.versions.length, 0)} package versions)`,
      );
    }
    let outcomes: PushOutcome[] | undefined;
    if (client)
      outcomes = await pushImages(
        {
          client,
          target,
          allowRetag: request.allowRetag ?? false,
          forceChannelTags: request.forceChannelTags ?? false,
          sbom: request.sbom ?? true,
          ancestry: new Ancestry(request.repoDir, log),
          repoDir: request.repoDir,
          packagesRoot: request.policy.packagesRoot,
          progress,
          log,
        },
        images,
      );
    const counted = new Set<string>();
    const result: PublishResult = {
      images: images.map((a, i) => imageResult(a, target, outcomes?.[i], counted)),
      bytesUploaded: 0,
    };
    result.bytesUploaded = result.images.reduce((n, i) => n + i.bytesUploaded, 0);
    if (request.layoutDir) {
      await writeLayout(request.layoutDir, images, target.display);
      result.layoutDir = request.layoutDir;
    }
    if (request.archiveFile)
      result.archive = {
        file: request.archiveFile,
        ...(await writeArchive(request.archiveFile, images, target.display)),
      };
    return result;
  } finally {
    stopTicks?.();
    progress.end();
    reader.close();
    await layerSet?.dispose();
  }
}
