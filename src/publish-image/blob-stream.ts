// The blobs of one layer, in order, from one `git cat-file --batch` process, and the tar entries made of them:
// one request per file, whose answer header carries the size the tar header needs, and whose content is streamed
// on as it arrives (no copy, no buffering of whole files). Requests are all written at once. Output is read ahead
// up to a few MB, so git keeps inflating while the tar and gzip stages work (a bare 64 KB pipe made the two wait
// for each other: measured 2.7x slower); beyond that reading pauses and git blocks on the full pipe, so memory
// stays bounded whatever the file sizes. One process per layer also spreads git's inflating over the cores when
// layers are built side by side.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { OperationError } from '../core/errors.js';
import { gitEnv } from '../git/git.js';
import { COMPRESSED_MAGIC_BYTES, isCompressedFormat } from '../oci/layer.js';
import type { TarEntry } from '../oci/tar.js';
import type { FileRef } from './content.js';

/** Below this size a stored segment saves too little to be worth its two sync flushes. */
const MIN_STORED_BYTES = 2048;

export interface StreamedBlob {
  oid: string;
  size: number;
  /** The first bytes of the content (up to the requested peek length, fewer for smaller blobs). */
  head: Buffer;
  /** The content; must be read to its end before the next blob is asked for. */
  content: AsyncIterable<Buffer>;
}

const LF = 0x0a;
/** Output read ahead of the consumer before the pipe is left to fill up. */
const READ_AHEAD = 4 << 20;

export class BlobStream {
  private readonly child: ChildProcessWithoutNullStreams;
  /** Chunks read from git and not yet consumed; `head` is the next (shift() would be O(n) per chunk). */
  private queue: Buffer[] = [];
  private head = 0;
  private queued = 0;
  private ended = false;
  private wake: (() => void) | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private stderr = '';
  private exited: Promise<number | null>;
  private index = 0;
  private closed = false;

  constructor(
    repoDir: string,
    private readonly oids: readonly string[],
    private readonly peek = 16,
  ) {
    for (const oid of oids)
      if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid)) throw new OperationError(`not an object id: ${oid}`);
    // --buffer: git's output is block-buffered (no flush per object), since every request is known up front.
    this.child = spawn('git', ['-c', 'core.fsmonitor=false', 'cat-file', '--batch', '--buffer'], {
      cwd: repoDir,
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.on('data', (b: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += b.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      this.child.once('close', (code) => resolve(code));
      this.child.once('error', () => resolve(null));
    });
    this.child.stdin.on('error', () => undefined);
    this.child.stdin.end(oids.length > 0 ? `${oids.join('\n')}\n` : '');
    const stdout = this.child.stdout;
    stdout.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      this.queued += chunk.length;
      if (this.queued >= READ_AHEAD) stdout.pause();
      this.notify();
    });
    const end = (): void => {
      this.ended = true;
      this.notify();
    };
    stdout.once('end', end);
    stdout.once('close', end);
    stdout.once('error', end);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The next chunk git sent, or undefined at its end. */
  private async take(): Promise<Buffer | undefined> {
    while (this.head === this.queue.length) {
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const chunk = this.queue[this.head]!;
    this.queue[this.head++] = undefined as unknown as Buffer;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    this.queued -= chunk.length;
    if (this.queued < READ_AHEAD / 2 && this.child.stdout.isPaused()) this.child.stdout.resume();
    return chunk;
  }

  /** The next blob, in request order; undefined after the last. */
  async next(): Promise<StreamedBlob | undefined> {
    if (this.closed) throw new OperationError('the blob stream was closed');
    if (this.index >= this.oids.length) return undefined;
    const wanted = this.oids[this.index++]!;
    const header = await this.line();
    const [oid, type, sizeText] = header.split(' ');
    if (type === 'missing' || oid !== wanted)
      throw new OperationError(
        type === 'missing'
          ? `blob ${wanted} is not available in the repository (a partial clone missing it?)`
          : `git cat-file answered ${JSON.stringify(header.slice(0, 80))} for ${wanted}`,
      );
    if (type !== 'blob') throw new OperationError(`object ${wanted} is a ${type}, not a blob`);
    const size = Number(sizeText);
    if (!Number.isSafeInteger(size) || size < 0)
      throw new OperationError(`git cat-file gave an invalid size for ${wanted}`);
    await this.fill(Math.min(size, this.peek));
    const head = Buffer.from(this.pending.subarray(0, Math.min(size, this.peek)));
    return { oid, size, head, content: this.content(size) };
  }

  private async *content(size: number): AsyncGenerator<Buffer> {
    let left = size;
    while (left > 0) {
      if (this.pending.length === 0) await this.fill(1);
      const part = this.pending.subarray(0, Math.min(left, this.pending.length));
      this.pending = this.pending.subarray(part.length);
      left -= part.length;
      yield part;
    }
    await this.fill(1);
    if (this.pending[0] !== LF) throw new OperationError('git cat-file output is out of step');
    this.pending = this.pending.subarray(1);
  }

  private async line(): Promise<string> {
    for (;;) {
      const eol = this.pending.indexOf(LF);
      if (eol !== -1) {
        const text = this.pending.subarray(0, eol).toString('utf8');
        this.pending = this.pending.subarray(eol + 1);
        return text;
      }
      if (this.pending.length > 4096) throw new OperationError('git cat-file sent an overlong header');
      await this.fill(this.pending.length + 1);
    }
  }

  /** Reads until at least `bytes` are pending (joining chunks only for the small peeks and headers). */
  private async fill(bytes: number): Promise<void> {
    while (this.pending.length < bytes) {
      const value = await this.take();
      if (value === undefined) {
        const code = await this.exited;
        throw new OperationError(
          `git cat-file ended early (exit ${code})${this.stderr ? `: ${this.stderr.trim().split('\n')[0]}` : ''}`,
        );
      }
      this.pending = this.pending.length === 0 ? value : Buffer.concat([this.pending, value]);
    }
  }

  /** Stops the process (also mid-stream, when the layer build is abandoned). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    this.child.stdout.resume();
    this.queue = [];
    this.head = 0;
    this.pending = Buffer.alloc(0);
    await this.exited;
  }
}

/**
 * Tar entries for a layer, in tar order, each read with one `git cat-file` request whose answer gives the size
 * (for the tar header) and then the content, streamed. Content in an already-compressed format gets `storeHint`.
 */
export async function* streamedEntries(
  repoDir: string,
  files: readonly FileRef[],
  storeHint: string,
): AsyncGenerator<TarEntry> {
  const blobs = new BlobStream(
    repoDir,
    files.map((f) => f.oid),
    COMPRESSED_MAGIC_BYTES,
  );
  try {
    for (const f of files) {
      const blob = await blobs.next();
      if (!blob) throw new OperationError(`git cat-file ended before ${f.path}`);
      yield {
        path: f.path,
        type: 'file',
        mode: f.mode === '100755' ? 0o755 : 0o644,
        size: blob.size,
        content: () => blob.content,
        ...(blob.size >= MIN_STORED_BYTES && isCompressedFormat(blob.head) ? { hint: storeHint } : {}),
      };
    }
  } finally {
    await blobs.close();
  }
}
