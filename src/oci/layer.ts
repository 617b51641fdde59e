// Layer builder: tar -> gzip -> temp file (or memory), hashing the tar (diff_id) and the gzip (digest) in one pass
// (src/oci/README.md, "gzip"). gzip level 1 by default: 2.4x faster than level 6 for ~7% more bytes, and what
// go-containerregistry uses. node:zlib writes a fixed gzip header (MTIME 0, no FNAME, OS 03), so the digest depends
// only on the tar bytes, the level and the zlib build (Node upgrades may change it; reuse is keyed on diff_id).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw, createGzip, type DeflateRaw } from 'node:zlib';
import { tarSegments, type TarEntry, type TarOptions } from './tar.js';
import { MediaType, type Descriptor, type Digest } from './types.js';

/** Bumped whenever tar.ts changes the bytes it writes for the same entries (part of {@link layerRecipe}). */
export const TAR_FORMAT_VERSION = 1;

export interface LayerOptions extends TarOptions {
  /** gzip level, default 1. */
  level?: number;
  /** Directory for the compressed layer when it exceeds `memoryThreshold`. Default os.tmpdir(). */
  tmpDir?: string;
  /** Compressed layers up to this many bytes stay in memory. Default 4 MiB. */
  memoryThreshold?: number;
  /** Descriptor media type. Default OCI gzip layer. */
  mediaType?: string;
  signal?: AbortSignal;
}

/** A compressed layer: the bytes plus everything a manifest and config need. */
export interface Layer {
  /** sha256 of the uncompressed tar (config.rootfs.diff_ids). */
  readonly diffId: Digest;
  /** sha256 of the compressed blob (manifest.layers[].digest). */
  readonly digest: Digest;
  /** Compressed size in bytes. */
  readonly size: number;
  readonly uncompressedSize: number;
  readonly mediaType: string;
  /** Temp file holding the blob (large layers), or undefined when `bytes` is set. */
  readonly path?: string;
  /** The blob, for layers below the memory threshold. */
  readonly bytes?: Buffer;
  /** A fresh stream of the compressed blob; may be called any number of times. */
  open(): Readable;
  descriptor(annotations?: Record<string, string>): Descriptor;
  /** Deletes the temp file, if any. */
  dispose(): Promise<void>;
}

const GZIP_CHUNK = 64 * 1024;

function makeLayer(fields: Omit<Layer, 'open' | 'descriptor' | 'dispose'>): Layer {
  const { path, bytes } = fields;
  return {
    ...fields,
    open: () =>
      bytes !== undefined
        ? Readable.from([bytes], { objectMode: false })
        : createReadStream(path ?? '', { highWaterMark: 1024 * 1024 }),
    descriptor(annotations) {
      const d: Descriptor = { mediaType: fields.mediaType, digest: fields.digest, size: fields.size };
      if (annotations && Object.keys(annotations).length > 0) d.annotations = { ...annotations };
      return d;
    },
    dispose: async () => {
      if (path !== undefined) await rm(path, { force: true });
    },
  };
}

async function writeAll(fh: FileHandle, chunk: Buffer): Promise<void> {
  let off = 0;
  while (off < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
    off += bytesWritten;
  }
}

/** Compresses an existing tar stream into a layer (see {@link buildLayer}). */
export async function compressLayer(
  tar: AsyncIterable<Uint8Array>,
  options: LayerOptions = {},
): Promise<Layer> {
  const level = options.level ?? 1;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new Error(`invalid gzip level ${level}`);
  const tarHash = createHash('sha256');
  let uncompressedSize = 0;
  const gzip = createGzip({ level, chunkSize: GZIP_CHUNK });
  const fed = pipeline(
    tar,
    async function* hashTar(source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        tarHash.update(chunk);
        uncompressedSize += chunk.length;
        yield chunk;
      }
    },
    gzip,
    { signal: options.signal },
  );
  const [kept] = await Promise.all([keepBlob(gzip, options), fed]);
  return makeLayer({
    diffId: `sha256:${tarHash.digest('hex')}`,
    digest: kept.digest,
    size: kept.size,
    uncompressedSize,
    mediaType: options.mediaType ?? MediaType.ociLayerGzip,
    ...(kept.path !== undefined ? { path: kept.path } : { bytes: kept.bytes! }),
  });
}

/** Keeps a blob in memory, or in a temp file once it exceeds the memory threshold; hashes it on the way. */
async function keepBlob(
  source: AsyncIterable<Buffer>,
  options: Pick<LayerOptions, 'tmpDir' | 'memoryThreshold'>,
): Promise<{ digest: Digest; size: number; path?: string; bytes?: Buffer }> {
  const threshold = options.memoryThreshold ?? 4 * 1024 * 1024;
  const hash = createHash('sha256');
  let size = 0;
  const memory: Buffer[] = [];
  let fh: FileHandle | undefined;
  let path: string | undefined;
  try {
    for await (const chunk of source) {
      hash.update(chunk);
      size += chunk.length;
      if (fh) {
        await writeAll(fh, chunk);
        continue;
      }
      memory.push(chunk);
      if (size > threshold) {
        path = join(options.tmpDir ?? tmpdir(), `layer-${randomBytes(8).toString('hex')}.tar.gz`);
        fh = await open(path, 'wx', 0o600);
        for (const m of memory.splice(0)) await writeAll(fh, m);
      }
    }
    await fh?.close();
    fh = undefined;
  } catch (err) {
    await fh?.close().catch(() => undefined);
    if (path !== undefined) await rm(path, { force: true });
    throw err;
  }
  const digest: Digest = `sha256:${hash.digest('hex')}`;
  return path !== undefined ? { digest, size, path } : { digest, size, bytes: Buffer.concat(memory) };
}

/**
 * Builds a reproducible gzip layer from tar entries (tar.ts), streaming file contents, and keeps it in memory or a
 * temp file. Same bytes as {@link streamLayer} with the same options.
 */
export async function buildLayer(
  entries: AsyncIterable<TarEntry> | Iterable<TarEntry>,
  options: LayerOptions & Pick<StreamLayerOptions, 'storeHint'> = {},
): Promise<Layer> {
  const { stream, result } = streamLayer(entries, options);
  let kept;
  try {
    kept = await keepBlob(stream as AsyncIterable<Buffer>, options);
  } catch (error) {
    stream.destroy();
    await result.catch(() => undefined);
    throw error;
  }
  const digests = await result;
  return makeLayer({
    ...digests,
    ...(kept.path !== undefined ? { path: kept.path } : { bytes: kept.bytes! }),
  });
}

/** What a streamed layer turned out to be, known once its stream has ended. */
export interface LayerDigests {
  diffId: Digest;
  digest: Digest;
  size: number;
  uncompressedSize: number;
  mediaType: string;
}

export interface LayerStream {
  /** The compressed blob; consume it once (an upload, a file). Destroying it stops the build. */
  stream: Readable;
  /** Settles after the stream ended (or failed). */
  result: Promise<LayerDigests>;
}

export interface StreamLayerOptions extends TarOptions {
  level?: number;
  mediaType?: string;
  /**
   * Entries with this {@link TarEntry.hint} are stored (deflate level 0) instead of compressed: already-compressed
   * files (PNG, JPEG, zip…) cost gzip level 1 about twice the CPU of text and shrink by nothing. The switch is a
   * deflate sync flush at the content's start and end (5 bytes each), at positions fixed by the entries, so the
   * blob stays reproducible.
   */
  storeHint?: string;
  /** Uncompressed bytes as they are compressed (progress). */
  onTarBytes?: (bytes: number) => void;
}

/**
 * Tar → gzip as a stream, hashing the tar (diff_id) and the gzip (digest) on the way, so the layer can be uploaded
 * or written while it is being built and no temp file is needed. Nothing is buffered beyond the stream's
 * high-water marks: a slow consumer slows the build down.
 */
export function streamLayer(
  entries: AsyncIterable<TarEntry> | Iterable<TarEntry>,
  options: StreamLayerOptions = {},
): LayerStream {
  const level = options.level ?? 1;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new Error(`invalid gzip level ${level}`);
  const tarHash = createHash('sha256');
  const gzHash = createHash('sha256');
  let uncompressedSize = 0;
  let crc = 0;
  let size = 0;
  // Raw deflate framed as gzip by hand: node's params() (the level switch) only works on deflate streams, and
  // zlib's gzip wrapper is just this header and trailer, so the bytes are exactly createGzip's.
  const deflate = createDeflateRaw({ level, chunkSize: GZIP_CHUNK });
  const out = new PassThrough({ highWaterMark: GZIP_CHUNK * 4 });
  let finished = false;
  const emit = (chunk: Buffer): void => {
    gzHash.update(chunk);
    size += chunk.length;
    if (!out.write(chunk)) {
      deflate.pause();
      out.once('drain', () => deflate.resume());
    }
  };
  const result = new Promise<LayerDigests>((resolve, reject) => {
    const fail = (error: Error): void => {
      reject(error);
      deflate.destroy();
      if (!out.destroyed) out.destroy(error);
    };
    emit(gzipHeader(level));
    deflate.on('data', emit);
    let fed: Promise<void> = Promise.resolve();
    deflate.once('end', () => {
      fed.then(() => {
        const trailer = Buffer.alloc(8);
        trailer.writeUInt32LE(crc >>> 0, 0);
        trailer.writeUInt32LE(uncompressedSize % 2 ** 32, 4);
        emit(trailer);
        finished = true;
        out.end();
        resolve({
          diffId: `sha256:${tarHash.digest('hex')}`,
          digest: `sha256:${gzHash.digest('hex')}`,
          size,
          uncompressedSize,
          mediaType: options.mediaType ?? MediaType.ociLayerGzip,
        });
      }, reject);
    });
    deflate.once('error', fail);
    // The consumer gave up (an upload failed): stop reading the sources.
    out.once('close', () => {
      if (!finished) fail(new Error('layer stream closed before its end'));
    });
    fed = feed(deflate, tarSegments(entries, options), level, options, (chunk) => {
      tarHash.update(chunk);
      crc = crc32(chunk, crc);
      uncompressedSize += chunk.length;
      options.onTarBytes?.(chunk.length);
    }).catch((error: unknown) => {
      fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    });
    fed.catch(() => undefined);
  });
  result.catch(() => undefined);
  return { stream: out, result };
}

/** zlib's gzip header: no name, MTIME 0, XFL from the level (4 fastest, 2 best), OS 3 (Unix). */
function gzipHeader(level: number): Buffer {
  const xfl = level === 9 ? 2 : level < 2 ? 4 : 0;
  return Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, xfl, 0x03]);
}

/** Resolves on 'drain', or when the stream closes first (the next write then sees it destroyed). */
function drained(stream: DeflateRaw): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

async function feed(
  deflate: DeflateRaw,
  segments: AsyncGenerator<{ chunk: Buffer; hint?: string }>,
  level: number,
  options: StreamLayerOptions,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  let current = level;
  try {
    for await (const { chunk, hint } of segments) {
      if (deflate.destroyed) throw new Error('layer stream closed before its end');
      onChunk(chunk);
      const want = hint !== undefined && hint === options.storeHint ? 0 : level;
      if (want !== current) {
        // Every byte written so far must be compressed with the old level before the switch (node's params()
        // flushes, then changes the parameters in the flush callback; writes queued meanwhile would race it).
        await new Promise<void>((resolve) => deflate.params(want, constants.Z_DEFAULT_STRATEGY, resolve));
        current = want;
      }
      if (!deflate.write(chunk)) await drained(deflate);
    }
  } catch (error) {
    await segments.return(undefined);
    throw error;
  }
  deflate.end();
}

// Magic numbers of formats that are compressed already (deflate or stronger): gzip level 1 spends about twice the
// CPU on such bytes as on text and saves nothing. Images (PNG, JPEG, GIF, WebP), archives and compressed streams.
const compressedMagic: ReadonlyArray<readonly [number, readonly number[]]> = [
  [0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], // PNG
  [0, [0xff, 0xd8, 0xff]], // JPEG
  [0, [0x47, 0x49, 0x46, 0x38]], // GIF8
  [8, [0x57, 0x45, 0x42, 0x50]], // RIFF....WEBP
  [0, [0x50, 0x4b, 0x03, 0x04]], // zip (jar, docx, …)
  [0, [0x1f, 0x8b]], // gzip
  [0, [0x28, 0xb5, 0x2f, 0xfd]], // zstd
  [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]], // xz
  [0, [0x42, 0x5a, 0x68]], // bzip2
  [0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
  [0, [0x77, 0x4f, 0x46, 0x32]], // woff2
];

/** How many leading bytes {@link isCompressedFormat} looks at. */
export const COMPRESSED_MAGIC_BYTES = 12;

/** Whether content starting with `head` is in a format that is compressed already. */
export function isCompressedFormat(head: Uint8Array): boolean {
  return compressedMagic.some(
    ([offset, magic]) =>
      head.length >= offset + magic.length && magic.every((b, i) => head[offset + i] === b),
  );
}

/**
 * A short description of everything besides the entries that decides a layer's diff_id, for the
 * `io.package-storage.layer.recipe` annotation: a layer is only reused when source and recipe both match.
 */
export function layerRecipe(options: Pick<TarOptions, 'mtime'> & { extra?: string } = {}): string {
  const parts = [`tar=${TAR_FORMAT_VERSION}`, `mtime=${options.mtime ?? 0}`];
  if (options.extra !== undefined) parts.push(options.extra);
  return parts.join(';');
}
