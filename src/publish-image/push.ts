// Stage 4: publish to the registry with the tag-safety rules. Immutable tags (commit, release) are checked for
// every image before any is written; then the blobs the layer stage did not stream (configurations, base layers
// mounted or copied); then platform manifests by digest, each image under its immutable tags, its SBOM, and last
// the moving channel tags, most stable channel first, each only forward in git ancestry. No tag changes before
// every blob of its image is in place, and a failure leaves each tag where it was or on a complete image.
import { Readable } from 'node:stream';
import { OperationError } from '../core/errors.js';
import type { Descriptor, Digest } from '../oci/types.js';
import { isNotFound, RegistryError, type RegistryClient } from '../registry/index.js';
import type { Ancestry } from './ancestry.js';
import type { AssembledImage } from './assemble.js';
import { lazyStream } from './base.js';
import { StorageKey } from './metadata.js';
import type { Target } from './plan.js';
import type { Progress } from './progress.js';
import { attachSbom, hasSbom, sbomArtifact, servedPackages, spdxDocument } from './sbom.js';

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

/** Runs `jobs` with at most `limit` at a time. */
async function limited<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
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
  const mountFrom = base.registry?.host === ctx.target.host ? [base.registry.repository] : [];
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
    if (layer.inTarget) {
      if (!done.has(layer.digest) && layer.uploadedBytes > 0) {
        outcome.bytesUploaded += layer.uploadedBytes;
        outcome.uploadedLayers++;
      }
      done.add(layer.digest);
      continue;
    }
    const blob = layer.blob;
    if (!blob) throw new OperationError(`no source for layer ${layer.digest}`);
    add(layer, () => lazyStream(() => Promise.resolve(blob.open())), 'layer', []);
  }
  for (const [i, image] of a.images.entries()) {
    for (const d of a.job.platforms[i]?.image?.layers ?? [])
      add(d, () => lazyStream(() => base.fetchBlob(d)), 'layer', mountFrom);
    const config = image.configBytes;
    add(image.configDescriptor, () => Readable.from([config]), 'config', []);
  }
  await limited(jobs, 4);
}

/** The SBOM, unless one of ours is attached already (a re-run of the same image). */
async function pushSbom(ctx: PushContext, a: AssembledImage, outcome: PushOutcome): Promise<void> {
  const repo = ctx.target.repository;
  if (await hasSbom(ctx.client, repo, a.digest)) {
    outcome.sbom = { digest: a.digest, via: 'existing' };
    return;
  }
  const packages = await servedPackages(a, ctx.repoDir, ctx.packagesRoot);
  const artifact = sbomArtifact(spdxDocument({ image: a, display: ctx.target.display, packages }), a);
  const attached = await attachSbom(ctx.client, repo, artifact);
  outcome.bytesUploaded += attached.uploadedBytes;
  outcome.sbom = { digest: attached.digest, via: attached.via };
  ctx.log(
    `${a.job.channel.name}: SBOM ${attached.digest} (${packages.length} package versions) attached to ${a.digest} via ${attached.via === 'tag' ? 'the referrers tag' : 'the referrers API'}`,
  );
}

/** The channel tag: moved when new, or when the image it names was built from ancestors of our commits. */
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
  if (existing && !ctx.forceChannelTags) {
    const { commits } = await commitsOf(ctx, tag);
    // An image without our label (pushed by something else) is replaced: it says nothing about ancestry.
    if (commits) {
      const verdict = await ctx.ancestry.isForward(commits, a.job.plan.commits);
      if (!verdict.forward) {
        outcome.keptTags.push(tag);
        outcome.notes.push(
          `${ctx.target.display}:${tag} stays at ${existing.digest}: ${verdict.reason} (a channel tag only moves forward; if the branch was rewritten on purpose, publish with force-channel-tags)`,
        );
        return;
      }
    }
  }
  await ctx.client.putManifest(repo, tag, a.top.bytes, a.top.descriptor.mediaType);
}

export async function pushImages(
  ctx: PushContext,
  images: readonly AssembledImage[],
): Promise<PushOutcome[]> {
  const repo = ctx.target.repository;
  const outcomes = images.map((): PushOutcome => ({
    unchangedTags: [],
    keptTags: [],
    notes: [],
    bytesUploaded: 0,
    uploadedLayers: 0,
    mountedLayers: 0,
  }));
  const toWrite: string[][] = [];
  for (const [i, a] of images.entries()) toWrite.push(await checkImmutable(ctx, a, outcomes[i]!));

  const done = new Set<Digest>();
  for (const [i, a] of images.entries()) await pushBlobs(ctx, a, done, outcomes[i]!);
  // Every blob is in place: now the manifests. Platform manifests by digest first, so the index can refer to them.
  for (const [i, a] of images.entries()) {
    if (a.index)
      for (const image of a.images)
        await ctx.client.putManifest(
          repo,
          image.digest,
          image.manifestBytes,
          image.manifestDescriptor.mediaType,
        );
    for (const tag of toWrite[i]!)
      await ctx.client.putManifest(repo, tag, a.top.bytes, a.top.descriptor.mediaType);
    if (toWrite[i]!.length === 0 && outcomes[i]!.unchangedTags.length === 0)
      // Every immutable tag was kept on an older image: push this one by digest so the channel tag can name it.
      await ctx.client.putManifest(repo, a.digest, a.top.bytes, a.top.descriptor.mediaType);
  }
  if (ctx.sbom) for (const [i, a] of images.entries()) await pushSbom(ctx, a, outcomes[i]!);
  for (const [i, a] of images.entries())
    for (const tag of a.job.tags.moving) await moveChannelTag(ctx, a, tag, outcomes[i]!);
  return outcomes;
}
