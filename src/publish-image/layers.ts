// Stage 2: build or reuse every layer the planned images need, each once. A layer whose source (its versions and
// trees) and recipe match a layer of a previous image of the repository is reused as it is: no git reads, no
// upload. The others are built side by side, package layers on worker threads (layer-workers.ts), each streamed
// straight into its destinations as it is compressed:
// the registry (one chunked upload, digest given at the end), the OCI layout's blob directory, and a temp file
// only when an archive needs the bytes again. A failed upload rebuilds the layer from git.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { OperationError } from '../core/errors.js';
import type { StorageReader } from '../git/storage.js';
import { digestHex } from '../oci/digest.js';
import { findReusableLayer, layerSourceAnnotations, type NewLayer } from '../oci/image.js';
import { buildLayer, layerRecipe, type LayerDigests, type LayerStream } from '../oci/layer.js';
import type { BlobSource, FetchBlob } from '../oci/layout.js';
import type { Descriptor, Digest, ImageConfig, ImageManifest } from '../oci/types.js';
import type { RegistryClient } from '../registry/index.js';
import { layerFiles, prefetchBlobs, sortForTar } from './content.js';
import { layerWorkers, type LayerWorkers } from './layer-workers.js';
import type { ChannelJob, WantedLayer } from './plan.js';
import type { Progress } from './progress.js';

/**
 * Everything besides the entries that decides a layer's diff_id: a layer built by another recipe is never reused.
 * (Storing already-compressed files changes only the gzip bytes, not the tar, so it needs no new recipe.)
 */
export const recipe = layerRecipe({ mtime: 0, extra: 'package-storage=1' });
const STORE_HINT = 'compressed';
/** gzip level 1: see src/oci/layer.ts. */
const LEVEL = 1;

export interface ReadyLayer extends NewLayer {
  origin: 'reused' | 'built';
  /** Where the blob can be read again (layouts, archives); absent when only the registry has it. */
  blob?: BlobSource;
  /** Targets (by display name) that already have the blob: reused from their images, or streamed there now. */
  inTargets: string[];
  /** Bytes this run sent to the registry for it. */
  uploadedBytes: number;
}

/** A previous image of the target (registry or layout), whose layers can be reused. */
export interface PreviousImage {
  manifest: ImageManifest;
  config: ImageConfig;
  fetch: FetchBlob;
  /** The target (display name) whose repository holds its blobs; absent for a layout. */
  target?: string;
}

export interface LayerContext {
  repoDir: string;
  reader: StorageReader;
  previous: readonly PreviousImage[];
  /** Push destination: built layers are streamed there (one target; with mirrors they are kept in files). */
  push?: { client: RegistryClient; repository: string; target: string };
  /** Layout destination: built layers are written into its blob directory. */
  layoutDir?: string;
  /** Keep built layers readable for an archive (a temp file when there is no layout). */
  keep: boolean;
  tmpDir?: string;
  concurrency: number;
  progress: Progress;
  log: (line: string) => void;
}

export interface LayerSet {
  layers: Map<string, ReadyLayer>;
  /** Deletes temp files. */
  dispose(): Promise<void>;
}

/** Builds or reuses every layer of `jobs` (each source once). */
export async function resolveLayers(ctx: LayerContext, jobs: readonly ChannelJob[]): Promise<LayerSet> {
  const wanted = new Map<string, WantedLayer>();
  for (const job of jobs) for (const w of job.layers) if (!wanted.has(w.source)) wanted.set(w.source, w);
  const layers = new Map<string, ReadyLayer>();
  const toBuild: WantedLayer[] = [];
  for (const w of wanted.values()) {
    const reused = reuse(ctx.previous, w);
    if (reused) layers.set(w.source, reused);
    else toBuild.push(w);
  }
  const temps: string[] = [];
  const set: LayerSet = {
    layers,
    dispose: async () => {
      await Promise.all(temps.map((t) => rm(t, { force: true })));
    },
  };
  if (toBuild.length === 0) return set;
  const fetched = await prefetchBlobs(
    ctx.repoDir,
    toBuild.flatMap((w) => w.plan?.versions.map((v) => v.tree) ?? []),
  );
  if (fetched > 0) ctx.log(`fetched ${fetched} missing blobs in one request`);
  ctx.progress.start(toBuild.length);
  // Largest first, so the long builds start early and the small ones fill the gaps at the end.
  const order = [...toBuild].sort((a, b) => weight(b) - weight(a));
  const abort = new AbortController();
  // Started as layers need them (none for a run that builds only the configuration layer), then kept for the
  // process's next publish.
  const workers = layerWorkers(Math.max(1, Math.min(ctx.concurrency, order.filter((w) => w.plan).length)));
  try {
    await pool(
      order.map((w) => async () => {
        const layer = w.plan ? await streamed(ctx, w, abort.signal, temps, workers) : await small(ctx, w);
        layers.set(w.source, layer);
        ctx.progress.layerBuilt();
      }),
      ctx.concurrency,
      abort,
    );
  } catch (error) {
    await set.dispose();
    throw error;
  }
  return set;
}

function weight(w: WantedLayer): number {
  return w.plan?.versions.length ?? 0;
}

function reuse(previous: readonly PreviousImage[], w: WantedLayer): ReadyLayer | undefined {
  for (const p of previous) {
    const found = findReusableLayer(p, { source: w.source, recipe });
    if (!found) continue;
    const descriptor: Descriptor = { digest: found.digest, size: found.size, mediaType: found.mediaType };
    return {
      diffId: found.diffId,
      digest: found.digest,
      size: found.size,
      mediaType: found.mediaType,
      annotations: found.annotations,
      createdBy: w.createdBy,
      comment: w.source,
      origin: 'reused',
      inTargets: p.target !== undefined ? [p.target] : [],
      uploadedBytes: 0,
      blob: { digest: found.digest, size: found.size, open: () => p.fetch(descriptor) },
    };
  }
  return undefined;
}

function ready(
  w: WantedLayer,
  d: LayerDigests,
  o: { blob: BlobSource | undefined; uploadedBytes: number; inTargets: string[] },
): ReadyLayer {
  return {
    diffId: d.diffId,
    digest: d.digest,
    size: d.size,
    mediaType: d.mediaType,
    annotations: layerSourceAnnotations(w.source, recipe),
    createdBy: w.createdBy,
    comment: w.source,
    origin: 'built',
    inTargets: o.inTargets,
    uploadedBytes: o.uploadedBytes,
    ...(o.blob ? { blob: o.blob } : {}),
  };
}

/** The registry configuration layer: a few hundred bytes, built in memory and uploaded unless present. */
async function small(ctx: LayerContext, w: WantedLayer): Promise<ReadyLayer> {
  const bytes = Buffer.from(w.configText ?? '');
  const layer = await buildLayer(
    [{ path: 'package-registry/config.yml', type: 'file', size: bytes.length, content: bytes }],
    { level: 1 },
  );
  let uploadedBytes = 0;
  if (ctx.push) {
    const outcome = await ctx.push.client.uploadBlob(ctx.push.repository, layer, () => layer.open());
    if (outcome === 'uploaded') {
      uploadedBytes = layer.size;
      ctx.progress.uploaded();
    }
  }
  const blob: BlobSource = { digest: layer.digest, size: layer.size, open: () => layer.open() };
  return ready(w, layer, { blob, uploadedBytes, inTargets: ctx.push ? [ctx.push.target] : [] });
}

/** A package layer: built from git and streamed into its destinations as it is compressed. */
async function streamed(
  ctx: LayerContext,
  w: WantedLayer,
  signal: AbortSignal,
  temps: string[],
  workers: LayerWorkers,
): Promise<ReadyLayer> {
  const files = sortForTar(await layerFiles(ctx.repoDir, w.commit!, ctx.reader.packagesRoot, w.plan!));
  const fileDir = ctx.layoutDir
    ? join(ctx.layoutDir, 'blobs', 'sha256')
    : ctx.keep
      ? (ctx.tmpDir ?? tmpdir())
      : undefined;
  const file = fileDir ? new BlobFile(fileDir, ctx.layoutDir !== undefined) : undefined;
  let current: { layer: LayerStream; tar: number; out: number } | undefined;
  const stop = (): void => {
    current?.layer.stream.destroy(new OperationError('stopped: another layer failed'));
  };
  signal.addEventListener('abort', stop);
  // One attempt: a fresh build from git (never a replay from memory), teed into the file when there is one.
  const attempt = (): { stream: Readable; digest: Promise<{ digest: Digest; size: number }> } => {
    if (current) ctx.progress.retracted(current.tar, current.out);
    const state = {
      tar: 0,
      out: 0,
      layer: workers.build(
        { repoDir: ctx.repoDir, files, level: LEVEL, storeHint: STORE_HINT },
        {
          onTarBytes: (n) => {
            state.tar += n;
            ctx.progress.tar(n);
          },
        },
      ),
    };
    current = state;
    const stream = Readable.from(
      counted(state.layer.stream, file, (n) => {
        state.out += n;
        ctx.progress.compressed(n);
      }),
    );
    return { stream, digest: state.layer.result };
  };
  try {
    let uploadedBytes = 0;
    if (ctx.push) {
      const sent = await ctx.push.client.uploadStream(ctx.push.repository, attempt);
      uploadedBytes = sent.size;
      ctx.progress.uploaded();
    } else {
      for await (const chunk of attempt().stream) void chunk;
    }
    const digests = await current!.layer.result;
    if (uploadedBytes > 0 && digests.size !== uploadedBytes)
      throw new OperationError(`layer ${w.source}: ${uploadedBytes} bytes uploaded, ${digests.size} built`);
    let blob: BlobSource | undefined;
    if (file) {
      const path = await file.commit(digests.digest);
      if (!ctx.layoutDir) temps.push(path);
      blob = { digest: digests.digest, size: digests.size, open: () => createReadStream(path) };
    }
    return ready(w, digests, { blob, uploadedBytes, inTargets: ctx.push ? [ctx.push.target] : [] });
  } catch (error) {
    await file?.abort();
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** Passes the compressed stream on, writing it to `file` first (with backpressure from both). */
async function* counted(
  stream: Readable,
  file: BlobFile | undefined,
  onBytes: (n: number) => void,
): AsyncGenerator<Buffer> {
  await file?.begin();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    await file?.write(chunk);
    onBytes(chunk.length);
    yield chunk;
  }
}

/**
 * A blob being written under a temp name, renamed once its digest is known: into a layout's blob directory
 * (`blobs/sha256/<hex>`, where the layout writer then finds it), or kept as a temp file for an archive.
 */
class BlobFile {
  private fh: FileHandle | undefined;
  private path: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly contentAddressed: boolean,
  ) {}

  async begin(): Promise<void> {
    await this.abort();
    await mkdir(this.dir, { recursive: true });
    this.path = join(this.dir, `.partial-${randomBytes(8).toString('hex')}`);
    this.fh = await open(this.path, 'wx', 0o600);
  }

  async write(chunk: Buffer): Promise<void> {
    let off = 0;
    while (off < chunk.length) off += (await this.fh!.write(chunk, off)).bytesWritten;
  }

  async commit(digest: Digest): Promise<string> {
    await this.fh?.close();
    this.fh = undefined;
    const from = this.path!;
    this.path = undefined;
    if (!this.contentAddressed) return from;
    const to = join(this.dir, digestHex(digest));
    await rename(from, to);
    return to;
  }

  async abort(): Promise<void> {
    await this.fh?.close().catch(() => undefined);
    this.fh = undefined;
    if (this.path) await rm(this.path, { force: true });
    this.path = undefined;
  }
}

/** Runs `jobs` with at most `limit` at a time; the first failure aborts the rest and is thrown. */
async function pool(
  jobs: readonly (() => Promise<void>)[],
  limit: number,
  abort: AbortController,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, async () => {
      while (next < jobs.length && !failure) {
        const job = jobs[next++]!;
        try {
          await job();
        } catch (error) {
          failure ??= { error };
          abort.abort();
        }
      }
    }),
  );
  if (failure) throw failure.error;
}
