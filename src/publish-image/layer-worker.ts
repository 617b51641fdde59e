// A layer worker's thread (started by layer-workers.ts): builds one layer at a time with streamLayer, from its own
// `git cat-file`, and sends the compressed bytes to the parent in chunks of about CHUNK_BYTES, never more than
// CREDIT chunks ahead of what the parent has read. A stop ends the build (and git) and frees the worker.
import { parentPort } from 'node:worker_threads';
import { OperationError } from '../core/errors.js';
import { streamLayer } from '../oci/layer.js';
import { streamedEntries } from './blob-stream.js';
import { CHUNK_BYTES, CREDIT, type FromWorker, type LayerJob, type ToWorker } from './layer-workers.js';

interface Build {
  id: number;
  credit: number;
  stopped: boolean;
  /** Wakes a build waiting for credit. */
  wake: (() => void) | undefined;
  stop(): void;
}

const port = parentPort;
if (!port) throw new Error('layer-worker.js runs as a worker thread of publish-image');

/** The build running. The parent sends the next one only after this one's last message (done or failed). */
let current: Build | undefined;

const send = (message: FromWorker, transfer?: ArrayBuffer[]): void => port.postMessage(message, transfer);

port.on('message', (m: ToWorker) => {
  if (m.type === 'build') {
    const { id, repoDir, files, level, storeHint } = m;
    if (current)
      send({ type: 'failed', id, name: 'Error', message: 'layer worker busy', operational: false });
    else void build(id, { repoDir, files, level, storeHint });
    return;
  }
  if (current?.id !== m.id) return;
  if (m.type === 'credit') current.credit += m.chunks;
  else current.stop();
  const wake = current.wake;
  current.wake = undefined;
  wake?.();
});

async function build(id: number, job: LayerJob): Promise<void> {
  let tarBytes = 0;
  const layer = streamLayer(streamedEntries(job.repoDir, job.files, job.storeHint), {
    level: job.level,
    sorted: true,
    storeHint: job.storeHint,
    onTarBytes: (n) => (tarBytes += n),
  });
  const state: Build = {
    id,
    credit: CREDIT,
    stopped: false,
    wake: undefined,
    stop: () => {
      state.stopped = true;
      layer.stream.destroy(new OperationError('stopped'));
    },
  };
  current = state;
  const flush = async (parts: Buffer[], bytes: number): Promise<void> => {
    while (state.credit === 0 && !state.stopped) await new Promise<void>((resolve) => (state.wake = resolve));
    if (state.stopped) throw new OperationError('stopped');
    state.credit--;
    // A copy: deflate's output buffers share memory that must not be moved to another thread.
    const chunk = new Uint8Array(bytes);
    let at = 0;
    for (const p of parts) {
      chunk.set(p, at);
      at += p.length;
    }
    send({ type: 'data', id, chunk, tarBytes }, [chunk.buffer]);
    tarBytes = 0;
  };
  try {
    let parts: Buffer[] = [];
    let bytes = 0;
    for await (const part of layer.stream as AsyncIterable<Buffer>) {
      parts.push(part);
      bytes += part.length;
      if (bytes < CHUNK_BYTES) continue;
      await flush(parts, bytes);
      parts = [];
      bytes = 0;
    }
    if (bytes > 0) await flush(parts, bytes);
    const digests = await layer.result;
    send({ type: 'done', id, digests, tarBytes });
  } catch (error) {
    layer.stream.destroy();
    await layer.result.catch(() => undefined);
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'failed', id, name: e.name, message: e.message, operational: e instanceof OperationError });
  } finally {
    current = undefined;
  }
}
