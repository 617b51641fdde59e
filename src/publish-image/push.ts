// Stage 4: publish to a target repository with the tag-safety rules, in phases the engine runs in the same order
// on every target (mirrors): immutable tags (commit, release) are checked for every image before any is written;
// then the blobs the layer stage did not stream (configurations, base layers, layers for a mirror: mounted from
// another repository of the same registry when one has them, else uploaded once); then platform manifests by
// digest, each image under its immutable tags, its SBOM, and last the moving channel tags, most stable channel
// first, each only forward in git ancestry and never off a rollback until the channel has a newer commit. No tag
// changes before every blob of its image is in place, and a failure leaves each tag where it was or on a complete
// image.
import { Readable } from 'node:stream';
import { OperationError } from '../core/errors.js';
import { mapLimit } from '../core/map-limit.js';
import type { Descriptor, Digest } from '../oci/types.js';
import { isNotFound, RegistryError, type RegistryClient } from '../registry/index.js';
import type { Ancestry } from './ancestry.js';
import type { AssembledImage } from './assemble.js';
import { lazyStream } from './base.js';
import { StorageKey } from './metadata.js';
import type { Target } from './plan.js';
import type { Progress } from './progress.js';
import type { ReadyLayer } from './layers.js';
import { activeRollback } from './rollback.js';
import {
  attachSbom,
  findSbom,
  planPackageKeys,
  sbomArtifact,
  servedPackages,
  spdxDocument,
  type ServedPackage,
} from './sbom.js';

export interface PushContext {
  client: RegistryClient;
  target: Target;
  /** Whether an existing release tag pointing elsewhere may be moved (policy release.allow-overwrite). */
  allowRetag: boolean;
  /** Move channel tags even when the new commit does not descend from the tag's (a rewritten branch). */
  forceChannelTags: boolean;
  sbom: boolean;
  ancestry: Ancestry;
  repoDir: string;
  packagesRoot: string;
  progress: Progress;
  log: (line: string) => void;
  /**
   * Other repositories of the same registry a blob can be mounted from: targets that have it (or finished their
   * blobs before this one). `layer` is set for package layers.
   */
  mountSources?: (digest: Digest, layer?: ReadyLayer) => string[];
  /** The SBOM's package list per image, shared by the targets (computed once). */
  sbomPackages?: Map<AssembledImage, Promise<ServedPackage[]>>;
}

export interface PushOutcome {
  unchangedTags: string[];
  keptTags: string[];
  /** Why each kept tag stayed (one line each). */
  notes: string[];
  /** Blob bytes sent for this image (first image needing a blob counts it). */
  bytesUploaded: number;
  uploadedLayers: number;
  mountedLayers: number;
  sbom?: { digest: Digest; via: 'referrers-api' | 'tag' | 'existing' };
}

interface ExistingLabels {
  commits?: Record<string, string>;
}

/** The `io.package-storage.commits` label of the image under `reference`, if it has one. */
async function commitsOf(ctx: PushContext, reference: string): Promise<ExistingLabels> {
  try {
    const image = await ctx.client.resolveImage(ctx.target.repository, reference, 'first');
    const label = image.config.config?.Labels?.[StorageKey.commits];
    if (!label) return {};
    const parsed = JSON.parse(label) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const commits = Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
    return { commits };
  } catch (error) {
    if (error instanceof RegistryError && (isNotFound(error) || error.code === 'PLATFORM_NOT_FOUND'))
      return {};
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}

export function newOutcome(): PushOutcome {
  return {
    unchangedTags: [],
    keptTags: [],
    notes: [],
    bytesUploaded: 0,
    uploadedLayers: 0,
    mountedLayers: 0,
  };
}

/** Immutable tags: unchanged, kept (a commit tag on the first image built from that commit) or a conflict. */
async function checkImmutable(ctx: PushContext, a: AssembledImage, outcome: PushOutcome): Promise<string[]> {
  const toWrite: string[] = [];
  const { job } = a;
  for (const tag of [...job.tags.immutable, ...job.tags.release]) {
    const existing = await ctx.client.headManifest(ctx.target.repository, tag);
    if (!existing) {
      toWrite.push(tag);
      continue;
    }
    if (existing.digest === a.digest) {
      outcome.unchangedTags.push(tag);
      continue;
    }
    const isRelease = job.tags.release.includes(tag);
    if (isRelease && ctx.allowRetag) {
      toWrite.push(tag);
      continue;
    }
    if (!isRelease) {
      // The same channel commit gives another image when a more stable channel it includes moved, or the base,
      // registry version or tool changed: the commit tag keeps naming the first image built from that commit.
      const { commits } = await commitsOf(ctx, tag);
      if (commits?.[job.channel.name] === job.plan.commit) {
        outcome.keptTags.push(tag);
        outcome.notes.push(
          `${ctx.target.display}:${tag} keeps ${existing.digest}, the first image built from this ${job.channel.name} commit`,
        );
        continue;
      }
    }
    throw new OperationError(
      `${ctx.target.display}:${tag} already points at ${existing.digest}, not at the image built now (${a.digest}); immutable tags are never moved${isRelease ? ' (the policy can allow moving release tags: release.allow-overwrite)' : ''}. No tag was changed.`,
    );
  }
  return toWrite;
}

/** Every blob an image needs that the target may not have yet: its configs, base layers, layers not streamed. */
async function pushBlobs(
  ctx: PushContext,
  a: AssembledImage,
  done: Set<Digest>,
  outcome: PushOutcome,
): Promise<void> {
  const repo = ctx.target.repository;
  const base = a.job.base;
  const fromBase = base.registry?.host === ctx.target.host ? [base.registry.repository] : [];
  const peers = (d: Digest, layer?: ReadyLayer): string[] => ctx.mountSources?.(d, layer) ?? [];
  const jobs: Array<() => Promise<void>> = [];
  const add = (d: Descriptor, open: () => Readable, kind: 'layer' | 'config', mount: string[]): void => {
    if (done.has(d.digest)) return;
    done.add(d.digest);
    jobs.push(async () => {
      const result = await ctx.client.uploadBlob(repo, d, open, { mountFrom: mount });
      if (result === 'uploaded') {
        outcome.bytesUploaded += d.size;
        ctx.progress.uploaded();
        if (kind === 'layer') outcome.uploadedLayers++;
      } else if (result === 'mounted' && kind === 'layer') outcome.mountedLayers++;
    });
  };
  for (const layer of a.layers) {
    if (layer.inTargets.includes(ctx.target.display)) {
      // Streamed here by the layer stage (counted once), or reused from this repository's own images.
      if (!done.has(layer.digest) && layer.uploadedBytes > 0) {
        outcome.bytesUploaded += layer.uploadedBytes;
        outcome.uploadedLayers++;
      }
      done.add(layer.digest);
      continue;
    }
    const blob = layer.blob;
    if (!blob) throw new OperationError(`no source for layer ${layer.digest}`);
    add(layer, () => lazyStream(() => Promise.resolve(blob.open())), 'layer', peers(layer.digest, layer));
  }
  for (const [i, image] of a.images.entries()) {
    for (const d of a.job.platforms[i]?.image?.layers ?? [])
      add(d, () => lazyStream(() => base.fetchBlob(d)), 'layer', [...fromBase, ...peers(d.digest)]);
    const config = image.configBytes;
    add(
      image.configDescriptor,
      () => Readable.from([config]),
      'config',
      peers(image.configDescriptor.digest),
    );
  }
  await mapLimit(jobs, 4, (job) => job());
}

/**
 * The SBOM, unless one of ours for this very image is attached already (a re-run): read back and checked against
 * the image's plan, never taken from what a referrers list claims.
 */
async function pushSbom(ctx: PushContext, a: AssembledImage, outcome: PushOutcome): Promise<void> {
  const repo = ctx.target.repository;
  const expect = { digest: a.digest, channel: a.job.channel.name, packages: planPackageKeys(a) };
  const existing = await findSbom(ctx.client, repo, expect);
  if (existing) {
    outcome.sbom = { digest: existing, via: 'existing' };
    return;
  }
  const cache = ctx.sbomPackages;
  let pending = cache?.get(a);
  if (!pending) {
    pending = servedPackages(a, ctx.repoDir, ctx.packagesRoot);
    cache?.set(a, pending);
  }
  const packages = await pending;
  const artifact = sbomArtifact(spdxDocument({ image: a, display: ctx.target.display, packages }), a);
  const attached = await attachSbom(ctx.client, repo, artifact);
  outcome.bytesUploaded += attached.uploadedBytes;
  outcome.sbom = { digest: attached.digest, via: attached.via };
  ctx.log(
    `${a.job.channel.name}: SBOM ${attached.digest} (${packages.length} package versions) attached to ${ctx.target.display}@${a.digest} via ${attached.via === 'tag' ? 'the referrers tag' : 'the referrers API'}`,
  );
}

/**
 * The channel tag: moved when new, or when the image it names was built from ancestors of our commits — unless
 * that image is where a rollback put the tag and our commit of the channel is not newer than the one rolled back.
 */
async function moveChannelTag(
  ctx: PushContext,
  a: AssembledImage,
  tag: string,
  outcome: PushOutcome,
): Promise<void> {
  const repo = ctx.target.repository;
  const existing = await ctx.client.headManifest(repo, tag);
  if (existing?.digest === a.digest) {
    outcome.unchangedTags.push(tag);
    return;
  }
  const keep = (reason: string): void => {
    outcome.keptTags.push(tag);
    outcome.notes.push(`${ctx.target.display}:${tag} stays at ${existing!.digest}: ${reason}`);
  };
  if (existing && !ctx.forceChannelTags) {
    const channel = a.job.channel.name;
    const rolledBack = await activeRollback(ctx.client, repo, existing.digest, channel);
    if (rolledBack) {
      const next = a.job.plan.commits[channel]!;
      const newer = next !== rolledBack.from && (await ctx.ancestry.isAncestor(rolledBack.from, next));
      if (!newer)
        return keep(
          `${channel} was rolled back from ${rolledBack.from.slice(0, 12)} to ${rolledBack.to.slice(0, 12)} (${rolledBack.at}); it moves again with a newer ${channel} commit (or publish with force-channel-tags)`,
        );
    }
    const { commits } = await commitsOf(ctx, tag);
    // An image without our label (pushed by something else) is replaced: it says nothing about ancestry.
    if (commits) {
      const verdict = await ctx.ancestry.isForward(commits, a.job.plan.commits);
      if (!verdict.forward)
        return keep(
          `${verdict.reason} (a channel tag only moves forward; if the branch was rewritten on purpose, publish with force-channel-tags)`,
        );
    }
  }
  await ctx.client.putManifest(repo, tag, a.top.bytes, a.top.descriptor.mediaType);
}

/** The phases of a push to one target, in order; the engine runs each phase on every target before the next. */
export interface PushPlan {
  ctx: PushContext;
  images: readonly AssembledImage[];
  outcomes: PushOutcome[];
  toWrite: string[][];
  done: Set<Digest>;
}

export function pushPlan(ctx: PushContext, images: readonly AssembledImage[]): PushPlan {
  return { ctx, images, outcomes: images.map(newOutcome), toWrite: [], done: new Set() };
}

export const pushPhases: ReadonlyArray<{ name: string; run: (p: PushPlan) => Promise<void> }> = [
  {
    name: 'checking immutable tags',
    run: async (p) => {
      for (const [i, a] of p.images.entries()) p.toWrite.push(await checkImmutable(p.ctx, a, p.outcomes[i]!));
    },
  },
  {
    name: 'uploading blobs',
    run: async (p) => {
      for (const [i, a] of p.images.entries()) await pushBlobs(p.ctx, a, p.done, p.outcomes[i]!);
    },
  },
  {
    // Every blob is in place: now the manifests. Platform manifests by digest first, so the index can refer to
    // them (not again when the index is there already: an unchanged image writes nothing).
    name: 'writing manifests',
    run: async (p) => {
      const { client, target } = p.ctx;
      for (const [i, a] of p.images.entries()) {
        const toWrite = p.toWrite[i]!;
        const present =
          p.outcomes[i]!.unchangedTags.length > 0 ||
          (await client.headManifest(target.repository, a.digest)) !== undefined;
        if (a.index && !present)
          for (const image of a.images)
            await client.putManifest(
              target.repository,
              image.digest,
              image.manifestBytes,
              image.manifestDescriptor.mediaType,
            );
        for (const tag of toWrite)
          await client.putManifest(target.repository, tag, a.top.bytes, a.top.descriptor.mediaType);
        if (toWrite.length === 0 && !present)
          // Every immutable tag was kept on an older image: push this one by digest so the channel tag can name it.
          await client.putManifest(target.repository, a.digest, a.top.bytes, a.top.descriptor.mediaType);
      }
    },
  },
  {
    name: 'attaching SBOMs',
    run: async (p) => {
      if (p.ctx.sbom) for (const [i, a] of p.images.entries()) await pushSbom(p.ctx, a, p.outcomes[i]!);
    },
  },
  {
    name: 'moving channel tags',
    run: async (p) => {
      for (const [i, a] of p.images.entries())
        for (const tag of a.job.tags.moving) await moveChannelTag(p.ctx, a, tag, p.outcomes[i]!);
    },
  },
];

/** Every phase on one target. */
export async function pushImages(
  ctx: PushContext,
  images: readonly AssembledImage[],
): Promise<PushOutcome[]> {
  const plan = pushPlan(ctx, images);
  for (const phase of pushPhases) await phase.run(plan);
  return plan.outcomes;
}
