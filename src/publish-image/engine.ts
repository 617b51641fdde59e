// Builds the distribution images of one or more channels from git trees at known commits and publishes them: to a
// registry, to an OCI layout, or to an air-gapped archive. The stages, one module each:
//   plan.ts      plan a channel: contents at its commit, layers, registry version, base platforms, tags
//   layers.ts    build or reuse layers: reused from previous images, or built from git and streamed out
//   assemble.ts  assemble: one image per platform, an index over them
//   push.ts      push with the tag-safety rules (immutable tags, forward-only channel tags, SBOM referrer), in
//                phases run in the same order on every target repository (mirrors)
//   outputs.ts   the OCI layout and the archive
// With several targets the layers are built once (kept in temp files) and each target gets every blob once:
// mounted from another repository of the same registry, else uploaded. A target that fails drops out at that
// phase (its tags stay where they were or on complete images) and the others go on; each is reported.
import { availableParallelism } from 'node:os';
import { UsageError } from '../core/errors.js';
import type { Policy } from '../core/policy.js';
import { outsideRfc3339 } from '../core/time.js';
import { StorageReader } from '../git/storage.js';
import { layoutBlobFetcher, readOciLayoutImage } from '../oci/layout.js';
import type { Digest, Platform } from '../oci/types.js';
import { isNotFound, RegistryError, type RegistryClient } from '../registry/index.js';
import { Ancestry } from './ancestry.js';
import { assemble, type AssembledImage } from './assemble.js';
import type { ClientFor } from './base.js';
import { resolveLayers, type LayerSet, type PreviousImage } from './layers.js';
import { createdTime, noExtraMetadata, type ExtraMetadata } from './metadata.js';
import { writeArchive, writeLayout } from './outputs.js';
import { OciKey, StorageKey } from './metadata.js';
import { channelTags, planChannels, targetsOf, type ChannelJob, type Target } from './plan.js';
import { Progress, type ProgressListener } from './progress.js';
import { pushPhases, pushPlan, type PushOutcome, type PushPlan } from './push.js';
import type { ServedPackage } from './sbom.js';

export interface PublishRequest {
  repoDir: string;
  policy: Policy;
  /** Channels whose images to build. */
  channels: string[];
  /** Channel branch tips by branch name. */
  tips: ReadonlyMap<string, string | undefined>;
  /**
   * Target repository without tag, e.g. `ghcr.io/acme/distribution`; several (mirrors, possibly on other
   * registries) separated by commas or newlines.
   */
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
  /**
   * Why the image differs from the one under its channel tag before this run (a channel commit, the base digest,
   * the registry version, ...); empty when it is the same image.
   */
  why: string[];
  packages: number;
  sbom?: { digest: Digest; via: 'referrers-api' | 'tag' | 'existing' };
}

/** One target repository's part of the run. */
export interface TargetResult {
  image: string;
  host: string;
  status: 'published' | 'failed' | 'not pushed';
  /** The phase that failed and the error, one line. */
  error?: string;
}

export interface PublishResult {
  /** One entry per channel image per target repository that was published (or written). */
  images: ImageResult[];
  targets: TargetResult[];
  bytesUploaded: number;
  layoutDir?: string;
  archive?: { file: string; digest: Digest; size: number };
}

/** The image under a channel tag before this run: for reuse and to say why the new one differs. */
interface Previous extends PreviousImage {
  channel: string;
  digest: Digest;
  labels: Record<string, string>;
}

async function previousOnTarget(
  client: RegistryClient,
  target: Target,
  channel: string,
  tag: string,
): Promise<Previous | undefined> {
  try {
    const prev = await client.resolveImage(target.repository, tag, 'first');
    return {
      channel,
      digest: prev.index?.digest ?? prev.digest,
      labels: prev.config.config?.Labels ?? {},
      manifest: prev.manifest,
      config: prev.config,
      fetch: (d) => client.getBlob(target.repository, d.digest),
      target: target.display,
    };
  } catch (error) {
    if (error instanceof RegistryError && (isNotFound(error) || error.code === 'PLATFORM_NOT_FOUND'))
      return undefined;
    throw error;
  }
}

/**
 * The channel tags the jobs involve — each job's channel and every channel it serves, so a snapshot-only build finds
 * production's newest layers under production's tag — on one target (registry) or in the layout.
 */
function wantedTags(request: PublishRequest, jobs: readonly ChannelJob[]): Array<[string, string]> {
  const tags = channelTags(request.policy);
  return [...new Set(jobs.flatMap((j) => [j.channel.name, ...Object.keys(j.plan.commits)]))].map((c) => [
    c,
    tags.get(c)!,
  ]);
}

async function previousInLayout(
  layoutDir: string,
  channel: string,
  tag: string,
): Promise<Previous | undefined> {
  try {
    const prev = await readOciLayoutImage(layoutDir, tag);
    return {
      channel,
      digest: prev.manifestDescriptor.digest,
      labels: prev.config.config?.Labels ?? {},
      manifest: prev.manifest,
      config: prev.config,
      fetch: layoutBlobFetcher(layoutDir),
    };
  } catch {
    return undefined;
  }
}

function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

const short = (s: string | undefined): string => (s ? s.replace(/^sha256:/, '').slice(0, 12) : '(none)');

/** Why `a` is not the image its channel tag named before (empty when it is). */
export function rebuildReasons(a: AssembledImage, previous: Previous | undefined, tag: string): string[] {
  if (!previous) return [`no image under :${tag} yet`];
  if (previous.digest === a.digest) return [];
  const why: string[] = [];
  let old: Record<string, unknown> = {};
  try {
    old = JSON.parse(previous.labels[StorageKey.commits] ?? '{}') as Record<string, unknown>;
  } catch {
    // an unreadable label says nothing
  }
  for (const [channel, commit] of Object.entries(a.job.plan.commits))
    if (old[channel] !== commit)
      why.push(
        `${channel} ${typeof old[channel] === 'string' ? short(old[channel]) : '(none)'} -> ${short(commit)}`,
      );
  const base = a.job.platforms[0]?.digest;
  const oldBase = previous.labels[OciKey.baseDigest];
  if (base !== oldBase) why.push(`base ${a.job.base.reference} ${short(oldBase)} -> ${short(base)}`);
  const oldVersion = previous.labels[StorageKey.registryVersion];
  if (oldVersion !== a.job.registryVersion)
    why.push(`registry ${oldVersion ?? '(none)'} -> ${a.job.registryVersion}`);
  if (why.length === 0) why.push('metadata or build recipe changed (labels, annotations, tool version)');
  return why;
}

function imageResult(
  a: AssembledImage,
  target: Target,
  outcome: PushOutcome | undefined,
  counted: Set<string>,
  why: string[],
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
    notes: [...createdNotes(job), ...(outcome?.notes ?? [])],
    why,
    packages: job.plan.layers.reduce((n, l) => n + l.versions.length, 0),
    ...(outcome?.sbom ? { sbom: outcome.sbom } : {}),
  };
}

/** What a reader of `created` should know: a commit date RFC 3339 cannot write was clamped. */
function createdNotes(job: ChannelJob): string[] {
  if (!outsideRfc3339(job.plan.created)) return [];
  return [
    `the newest commit of ${job.channel.branch} claims a date outside RFC 3339's years 0000-9999 (${job.plan.created} s since 1970): the image's created time is ${createdTime(job.plan.created)}`,
  ];
}

interface TargetState {
  target: Target;
  client?: RegistryClient;
  /** Previous images under the channel tags, by channel. */
  previous: Map<string, Previous>;
  failure?: { phase: string; error: unknown };
  plan?: PushPlan;
}

const oneLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Runs `phase` on each target still in the run; with one target its failure is the run's failure. */
async function onEachTarget(
  states: readonly TargetState[],
  phase: string,
  run: (s: TargetState) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  for (const s of states) {
    if (s.failure) continue;
    try {
      await run(s);
    } catch (error) {
      if (states.length === 1) throw error;
      s.failure = { phase, error };
      log(`${s.target.display}: failed while ${phase}: ${oneLine(error)}; the other targets go on`);
    }
  }
}

export async function publishImages(request: PublishRequest): Promise<PublishResult> {
  const log = request.log ?? ((): void => undefined);
  if (!request.push && !request.layoutDir && !request.archiveFile)
    throw new UsageError(
      'nothing to do: push to a registry, or write an OCI layout (--layout) or an archive (--archive)',
    );
  const targets = targetsOf(request.image);
  const primary = targets[0]!;
  const reader = new StorageReader(request.repoDir, request.policy.packagesRoot);
  const progress = new Progress(request.onProgress);
  const stopTicks = request.progressTicks?.(progress);
  let layerSet: LayerSet | undefined;
  try {
    const jobs = await planChannels(request, reader);
    const states: TargetState[] = targets.map((target) => ({
      target,
      ...(request.push ? { client: request.clientFor(target.host) } : {}),
      previous: new Map(),
    }));
    const tags = wantedTags(request, jobs);
    if (request.push)
      await onEachTarget(
        states,
        'reading the current images',
        async (s) => {
          for (const [channel, tag] of tags) {
            const p = await previousOnTarget(s.client!, s.target, channel, tag);
            if (p) s.previous.set(channel, p);
          }
        },
        log,
      );
    else if (request.layoutDir)
      for (const [channel, tag] of tags) {
        const p = await previousInLayout(request.layoutDir, channel, tag);
        if (p) states[0]!.previous.set(channel, p);
      }
    const live = states.filter((s) => !s.failure);
    // One target: layers stream straight into it. Several: built once into temp files, then given to each.
    const stream = request.push && live.length === 1 ? live[0]! : undefined;
    layerSet = await resolveLayers(
      {
        repoDir: request.repoDir,
        reader,
        previous: live.flatMap((s) => [...s.previous.values()]),
        ...(stream
          ? {
              push: {
                client: stream.client!,
                repository: stream.target.repository,
                target: stream.target.display,
              },
            }
          : {}),
        ...(request.layoutDir ? { layoutDir: request.layoutDir } : {}),
        keep: request.archiveFile !== undefined || (request.push && live.length > 1),
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
    if (request.push) {
      const ancestry = new Ancestry(request.repoDir, log);
      const sbomPackages = new Map<AssembledImage, Promise<ServedPackage[]>>();
      const blobsDone = new Set<TargetState>();
      for (const s of states)
        s.plan = pushPlan(
          {
            client: s.client!,
            target: s.target,
            allowRetag: request.allowRetag ?? false,
            forceChannelTags: request.forceChannelTags ?? false,
            sbom: request.sbom ?? true,
            ancestry,
            repoDir: request.repoDir,
            packagesRoot: request.policy.packagesRoot,
            progress,
            log,
            sbomPackages,
            // Mount from a repository of the same registry that has the blob: one upload per registry.
            mountSources: (_digest, layer) =>
              states
                .filter(
                  (o) =>
                    o !== s &&
                    !o.failure &&
                    o.target.host === s.target.host &&
                    (blobsDone.has(o) || (layer?.inTargets.includes(o.target.display) ?? false)),
                )
                .map((o) => o.target.repository),
          },
          images,
        );
      for (const phase of pushPhases)
        await onEachTarget(
          states,
          phase.name,
          async (s) => {
            await phase.run(s.plan!);
            if (phase.name === 'uploading blobs') blobsDone.add(s);
          },
          log,
        );
    }
    const counted = new Set<string>();
    const channelTag = channelTags(request.policy);
    const result: PublishResult = {
      images: [],
      targets: states.map((s) => ({
        image: s.target.display,
        host: s.target.host,
        status: !request.push ? 'not pushed' : s.failure ? 'failed' : 'published',
        ...(s.failure ? { error: `${s.failure.phase}: ${oneLine(s.failure.error)}` } : {}),
      })),
      bytesUploaded: 0,
    };
    for (const s of request.push ? states.filter((x) => !x.failure) : [states[0]!])
      for (const [i, a] of images.entries()) {
        const channel = a.job.channel.name;
        result.images.push(
          imageResult(
            a,
            s.target,
            s.plan?.outcomes[i],
            counted,
            rebuildReasons(a, s.previous.get(channel), channelTag.get(channel)!),
          ),
        );
      }
    result.bytesUploaded = result.images.reduce((n, i) => n + i.bytesUploaded, 0);
    if (request.layoutDir) {
      await writeLayout(request.layoutDir, images, primary.display);
      result.layoutDir = request.layoutDir;
    }
    if (request.archiveFile)
      result.archive = {
        file: request.archiveFile,
        ...(await writeArchive(request.archiveFile, images, primary.display)),
      };
    return result;
  } finally {
    stopTicks?.();
    progress.end();
    reader.close();
    await layerSet?.dispose();
  }
}
