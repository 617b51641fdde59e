// Package layers built on worker threads. A layer's whole build (its own `git cat-file`, the tar, the deflate with
// its level switches, the CRC and both SHA-256s) runs in a worker (layer-worker.ts), so builds run on all cores and
// this thread is left with the uploads. The worker sends the compressed bytes back as transferred buffers, at most
// a few MB ahead of what the consumer took (credit given back as chunks are read), so a slow upload slows the build
// and memory stays bounded. What comes out is byte for byte what streamLayer gives in this thread: the worker runs
// that same code.
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OperationError } from '../core/errors.js';
import type { LayerDigests, LayerStream } from '../oci/layer.js';
import type { FileRef } from './content.js';

/** What a worker is asked to build: the options of streamLayer that decide the bytes, and the files. */
export interface LayerJob {
  repoDir: string;
  files: readonly FileRef[];
  level: number;
  storeHint: string;
}

export type ToWorker =
  | ({ type: 'build'; id: number } & LayerJob)
  /** The consumer took `chunks` more chunks: the worker may send that many more. */
  | { type: 'credit'; id: number; chunks: number }
  | { type: 'stop'; id: number };

export type FromWorker =
  | { type: 'data'; id: number; chunk: Uint8Array; tarBytes: number }
  | { type: 'done'; id: number; digests: LayerDigests; tarBytes: number }
  | { type: 'failed'; id: number; name: string; message: string; operational: boolean };

/** Compressed chunks a worker may have sent that the consumer has not read yet (each up to CHUNK_BYTES). */
export const CREDIT = 8;
/** The worker joins deflate's 64 KB output into chunks of about this size (fewer messages). */
export const CHUNK_BYTES = 256 * 1024;

const YOUNG_GENERATION_MB = 4;

/** The worker script beside this module: layer-worker.ts from source, layer-worker.js beside a bundle. */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), `layer-worker${extname(here)}`);
}

interface Slot {
  worker: Worker;
  /** The job it runs; its terminal message (done, failed) frees the slot. */
  job: Running | undefined;
}

interface Running {
  id: number;
  onMessage(message: FromWorker): void;
  onCrash(error: Error): void;
}

let shared: LayerWorkers | undefined;

/**
 * The process's layer workers, with room for `size` builds at once: one set for every publish of the process, so
 * that a run publishing several times (the tests; a release, then a channel) starts each worker once.
 */
export function layerWorkers(size: number): LayerWorkers {
  shared ??= new LayerWorkers(size);
  shared.grow(size);
  return shared;
}

/**
 * Layer workers, started when first needed and reused for every layer. Each runs one layer at a time; builds beyond
 * `size` wait for a free worker. An idle worker does not keep the process alive.
 */
export class LayerWorkers {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<{ job: Running; start(slot: Slot): void }> = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private size: number = availableParallelism(),
    private readonly script: string = workerScript(),
  ) {
    this.grow(size);
  }

  /** Room for at least `size` builds at once (a run asking for more layers side by side). */
  grow(size: number): void {
    if (!Number.isInteger(size) || size < 1) throw new Error(`invalid number of layer workers: ${size}`);
    this.size = Math.max(this.size, size);
  }

  /** A layer built on a worker, as {@link streamLayer} gives it; destroying the stream stops the build. */
  build(job: LayerJob, o: { onTarBytes?: (bytes: number) => void } = {}): LayerStream {
    const id = this.nextId++;
    let slot: Slot | undefined;
    let requested = false;
    let owed = 0;
    let settle: { resolve(d: LayerDigests): void; reject(e: Error): void } | undefined;
    const result = new Promise<LayerDigests>((resolve, reject) => (settle = { resolve, reject }));
    result.catch(() => undefined);
    const post = (message: ToWorker): void => slot?.worker.postMessage(message);
    const fail = (error: Error): void => {
      settle?.reject(error);
      settle = undefined;
      if (!stream.destroyed) stream.destroy(error);
    };
    const running: Running = {
      id,
      onMessage: (m) => {
        if (m.type === 'data') {
          if (m.tarBytes > 0) o.onTarBytes?.(m.tarBytes);
          if (stream.destroyed) return;
          if (stream.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength)))
            post({ type: 'credit', id, chunks: 1 });
          else owed++;
          return;
        }
        const done = slot;
        slot = undefined;
        if (done) this.release(done);
        if (m.type === 'done') {
          if (m.tarBytes > 0) o.onTarBytes?.(m.tarBytes);
          settle?.resolve(m.digests);
          settle = undefined;
          if (!stream.destroyed) stream.push(null);
          return;
        }
        const error = m.operational ? new OperationError(m.message) : new Error(m.message);
        if (!m.operational) error.name = m.name;
        fail(error);
      },
      onCrash: (error) => {
        slot = undefined;
        fail(error);
      },
    };
    const stream = new Readable({
      highWaterMark: CHUNK_BYTES,
      read: () => {
        if (!requested) {
          requested = true;
          if (this.closed) return fail(new Error('the layer workers were closed'));
          this.assign(running, (s) => {
            slot = s;
            post({ type: 'build', id, ...job });
          });
        } else if (owed > 0) {
          post({ type: 'credit', id, chunks: owed });
          owed = 0;
        }
      },
      destroy: (error, callback) => {
        // The consumer gave up (an upload failed, another layer failed): the worker stops reading git, and its
        // slot is free once it has said so. A build still waiting for a worker just leaves the queue.
        if (slot) post({ type: 'stop', id });
        else this.unqueue(running);
        settle?.reject(error ?? new Error('layer stream closed before its end'));
        settle = undefined;
        callback(error);
      },
    });
    return { stream, result };
  }

  /** Stops every worker; builds still running or waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    const gone = new Error('the layer workers were closed');
    for (const w of this.waiting.splice(0)) w.job.onCrash(gone);
    for (const s of slots) s.job?.onCrash(gone);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Gives `job` a free worker now, a new one while there are fewer than `size`, or the next one freed. */
  private assign(job: Running, start: (slot: Slot) => void): void {
    const free =
      this.slots.find((s) => s.job === undefined) ??
      (this.slots.length < this.size ? this.spawn() : undefined);
    if (!free) {
      this.waiting.push({ job, start });
      return;
    }
    this.occupy(free, job);
    start(free);
  }

  private occupy(slot: Slot, job: Running): void {
    slot.job = job;
    slot.worker.ref();
  }

  private unqueue(job: Running): void {
    const i = this.waiting.findIndex((w) => w.job === job);
    if (i !== -1) this.waiting.splice(i, 1);
  }

  private release(slot: Slot): void {
    slot.job = undefined;
    if (!this.slots.includes(slot)) return;
    const next = this.waiting.shift();
    if (!next) {
      slot.worker.unref();
      return;
    }
    this.occupy(slot, next.job);
    next.start(slot);
  }

  private spawn(): Slot {
    // The worker's errors come back as messages; its stdout and stderr stay piped to ours (Node's own warnings):
    // captured and never read, they would fill up and stall the worker (seen: a publish that never ended). A small
    // young generation: nearly everything a build allocates is a short-lived buffer (git's reads, deflate's
    // output), freed sooner by more frequent scavenges (at production scale: peak RSS 298 MB with V8's default,
    // 242 MB with this, same time).
    const worker = new Worker(this.script, {
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, job: undefined };
    this.slots.push(slot);
    worker.on('message', (m: FromWorker) => {
      if (slot.job?.id === m.id) slot.job.onMessage(m);
    });
    const crash = (error: Error): void => {
      const i = this.slots.indexOf(slot);
      if (i === -1) return;
      this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = undefined;
      job?.onCrash(error);
      // A build waiting for a worker gets a fresh one.
      const next = this.waiting.shift();
      if (next) {
        const fresh = this.spawn();
        this.occupy(fresh, next.job);
        next.start(fresh);
      }
    };
    worker.on('error', (error: Error) =>
      crash(new OperationError(`a layer worker failed: ${error.message}`)),
    );
    worker.on('exit', (code) => {
      if (!this.closed) crash(new OperationError(`a layer worker exited (code ${code})`));
    });
    return slot;
  }
}
