// One long-lived `git cat-file --batch-command --buffer` process serves every object read and every size lookup, so
// reading a few hundred trees and manifests costs one process start instead of hundreds (see the README's
// performance section). A git older than 2.36 has no --batch-command: then `--batch` and `--batch-check` serve them
// (two processes), found out from the first process's refusal, with the requests already queued sent again.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { OperationError } from '../core/errors.js';
import { gitEnv } from './git.js';

export interface GitObject {
  oid: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  size: number;
  content: Buffer;
}

export interface TreeEntry {
  mode: string;
  /** Entry name (invalid UTF-8 shown with replacement characters; the bytes are in `rawName`). */
  name: string;
  rawName: Buffer;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
  /** The name's bytes are not valid UTF-8. */
  invalid?: boolean;
}

/**
 * A parsed entry. The raw name is kept only when it is not valid UTF-8 (otherwise it is the name's UTF-8): a tree
 * cache of 100,000 entries then holds strings, not 100,000 small buffers.
 */
class ParsedEntry implements TreeEntry {
  constructor(
    readonly mode: string,
    readonly name: string,
    readonly oid: string,
    readonly type: TreeEntry['type'],
    private readonly raw?: Buffer,
  ) {}

  get rawName(): Buffer {
    return this.raw ?? Buffer.from(this.name, 'utf8');
  }

  get invalid(): boolean {
    return this.raw !== undefined;
  }
}

interface Pending {
  resolve: (o: GitObject | undefined) => void;
  reject: (e: Error) => void;
  checkOnly: boolean;
  spec: string;
}

/** `command`: one process for contents and sizes (git ≥ 2.36); `contents`/`sizes`: the older two-process split. */
type BatchMode = 'command' | 'contents' | 'sizes';

const modeArgs: Record<BatchMode, string[]> = {
  command: ['--batch-command', '--buffer'],
  contents: ['--batch'],
  sizes: ['--batch-check'],
};

class BatchProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  /** Unparsed output: joined only when a header or an object spans chunks (never once per chunk). */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Requests are written once per tick: thousands of small writes to the pipe cost more than the reads. */
  private outgoing: string[] = [];
  /** Pending requests in order; `head` is the next to answer (Array#shift would make n answers cost O(n²)). */
  private queue: Pending[] = [];
  private head = 0;
  private failure: Error | undefined;
  private stderr = '';
  /** Whether any answer arrived: a refusal of --batch-command comes before any. */
  private answered = false;

  /**
   * `unsupported` is called instead of failing the queued requests when git refuses `--batch-command` (too old),
   * with those requests, to be sent again another way.
   */
  constructor(
    cwd: string,
    private readonly mode: BatchMode,
    unsupported?: (queued: Pending[]) => void,
  ) {
    this.child = spawn('git', ['-c', 'core.fsmonitor=false', 'cat-file', ...modeArgs[mode]], {
      cwd,
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.answered = true;
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      this.drain();
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    const fail = (error: Error): void => {
      this.failure = error;
      for (const p of this.queue.slice(this.head)) p.reject(error);
      this.queue = [];
      this.head = 0;
    };
    this.child.on('error', (e) =>
      fail(new OperationError(`git cat-file could not be started: ${e.message}`)),
    );
    this.child.on('close', (code) => {
      // 129 is git's usage error: an option this git does not know.
      if (unsupported && code === 129 && !this.answered && /batch-command/.test(this.stderr)) {
        const queued = this.queue.slice(this.head);
        this.failure = new OperationError('git cat-file --batch-command is not supported by this git');
        this.queue = [];
        this.head = 0;
        unsupported(queued);
        return;
      }
      if (this.queue.length > this.head)
        fail(
          new OperationError(
            `git cat-file exited (${code}) early: ${this.stderr.trim().split('\n')[0] ?? ''}`,
          ),
        );
    });
    this.child.stdin.on('error', () => undefined);
  }

  private next(): void {
    this.head++;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /** The first chunk holding at least `bytes` (joining chunks only when needed). */
  private firstChunk(bytes: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= bytes || this.chunks.length === 1) return first;
    const joined = Buffer.concat(this.chunks, this.buffered);
    this.chunks = [joined];
    return joined;
  }

  private consume(bytes: number): void {
    const first = this.chunks[0]!;
    const rest = first.subarray(bytes);
    if (rest.length > 0) this.chunks[0] = rest;
    else this.chunks.shift();
    this.buffered -= bytes;
  }

  private drain(): void {
    while (this.queue.length > this.head && this.buffered > 0) {
      const pending = this.queue[this.head]!;
      let buffer = this.firstChunk(1);
      let eol = buffer.indexOf(10);
      if (eol === -1) {
        if (this.chunks.length === 1) return;
        buffer = this.firstChunk(this.buffered);
        eol = buffer.indexOf(10);
        if (eol === -1) return;
      }
      const header = buffer.subarray(0, eol).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.consume(eol + 1);
        this.next();
        pending.resolve(undefined);
        continue;
      }
      const [oid, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (pending.checkOnly) {
        this.consume(eol + 1);
        this.next();
        pending.resolve({ oid: oid!, type: type as GitObject['type'], size, content: Buffer.alloc(0) });
        continue;
      }
      const total = eol + 1 + size + 1;
      if (this.buffered < total) return;
      buffer = this.firstChunk(total);
      // A view, not a copy: the chunk is released once the caller drops the content.
      const content = buffer.subarray(eol + 1, eol + 1 + size);
      this.consume(total);
      this.next();
      pending.resolve({ oid: oid!, type: type as GitObject['type'], size, content });
    }
  }

  enqueue(pending: Pending): void {
    if (this.failure) return pending.reject(this.failure);
    if (/[\n\r]/.test(pending.spec))
      return pending.reject(new OperationError('object name contains a line break'));
    this.queue.push(pending);
    const line =
      this.mode === 'command'
        ? `${pending.checkOnly ? 'info' : 'contents'} ${pending.spec}\n`
        : `${pending.spec}\n`;
    if (this.outgoing.push(line) === 1)
      queueMicrotask(() => {
        // With --buffer, git answers a batch when told to flush (else once per request: a write per answer).
        if (this.mode === 'command') this.outgoing.push('flush\n');
        const lines = this.outgoing.join('');
        this.outgoing = [];
        this.child.stdin.write(lines);
      });
  }

  /**
   * Ends the process's input. Nothing waits for it to exit: a short command (the CLI) ends as soon as its own work
   * is done, and git exits by itself on the end of its input.
   */
  close(): void {
    this.child.stdin.end();
    // Unreferenced, not destroyed: requests still in flight are answered while anything else keeps the process up.
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr])
      (stream as { unref?: () => void }).unref?.();
  }
}

/** Parsed tree entries kept at most (least recently used first out): memory stays bounded on any repository. */
export const defaultTreeCacheEntries = 100_000;

/** Reads git objects by id or `<rev>:<path>` through persistent batch processes. */
export class ObjectReader {
  /** The one `--batch-command` process, until git turns out not to have it. */
  private command: BatchProcess | undefined;
  private legacy = false;
  private batch: BatchProcess | undefined;
  private check: BatchProcess | undefined;
  private readonly trees = new Map<string, TreeEntry[]>();
  /** Trees requested and not answered yet: a second request for one waits for the first. */
  private readonly inFlight = new Map<string, Promise<TreeEntry[] | undefined>>();
  private cachedEntries = 0;

  constructor(
    private readonly cwd: string,
    private readonly cacheEntries = defaultTreeCacheEntries,
  ) {}

  read(spec: string): Promise<GitObject | undefined> {
    return this.request(spec, false);
  }

  /** Type and size without the content (no blob is read). */
  info(spec: string): Promise<Omit<GitObject, 'content'> | undefined> {
    return this.request(spec, true);
  }

  /** The commit `rev` names (`<rev>^{commit}`), as `git rev-parse --verify` would; undefined when none. */
  async commitId(rev: string): Promise<string | undefined> {
    if (rev.length === 0) return undefined;
    const found = await this.info(`${rev}^{commit}`);
    return found?.type === 'commit' ? found.oid : undefined;
  }

  /**
   * Starts the batch process now rather than at the first read, so that git starts while the caller does other
   * work (the CLI lists refs meanwhile).
   */
  start(): void {
    if (!this.legacy) this.command ??= this.spawnCommand();
  }

  private request(spec: string, checkOnly: boolean): Promise<GitObject | undefined> {
    return new Promise((resolve, reject) => this.send({ resolve, reject, checkOnly, spec }));
  }

  private send(pending: Pending): void {
    if (!this.legacy) {
      this.command ??= this.spawnCommand();
      return this.command.enqueue(pending);
    }
    if (pending.checkOnly) {
      this.check ??= new BatchProcess(this.cwd, 'sizes');
      this.check.enqueue(pending);
    } else {
      this.batch ??= new BatchProcess(this.cwd, 'contents');
      this.batch.enqueue(pending);
    }
  }

  private spawnCommand(): BatchProcess {
    return new BatchProcess(this.cwd, 'command', (queued) => {
      this.legacy = true;
      this.command = undefined;
      for (const pending of queued) this.send(pending);
    });
  }

  /**
   * A tree's entries, parsed once and kept (least recently used out). Callers may ask for many trees without
   * awaiting each: the requests are pipelined to the one batch process.
   */
  tree(oid: string): Promise<TreeEntry[] | undefined> {
    const cached = this.trees.get(oid);
    if (cached) {
      // Most recently used last.
      this.trees.delete(oid);
      this.trees.set(oid, cached);
      return Promise.resolve(cached);
    }
    let pending = this.inFlight.get(oid);
    if (!pending) {
      pending = this.readTree(oid).finally(() => this.inFlight.delete(oid));
      this.inFlight.set(oid, pending);
    }
    return pending;
  }

  private async readTree(oid: string): Promise<TreeEntry[] | undefined> {
    const object = await this.read(oid);
    if (!object) return undefined;
    if (object.type !== 'tree') throw new OperationError(`object ${oid} is a ${object.type}, not a tree`);
    const entries = parseTree(object.content, oid.length === 64 ? 32 : 20);
    if (!this.trees.has(oid)) {
      this.trees.set(oid, entries);
      this.cachedEntries += entries.length + 1;
      for (const [key, value] of this.trees) {
        if (this.cachedEntries <= this.cacheEntries) break;
        this.trees.delete(key);
        this.cachedEntries -= value.length + 1;
      }
    }
    return entries;
  }

  /** Tree id of the commit `rev`. */
  async rootTree(rev: string): Promise<string | undefined> {
    const commit = await this.read(rev.endsWith('^{tree}') ? rev : `${rev}^{tree}`);
    return commit?.type === 'tree' ? commit.oid : undefined;
  }

  /** Walks `path` (slash-separated, UTF-8 names) down from a tree; undefined when a segment is absent. */
  async lookup(treeOid: string, path: string): Promise<TreeEntry | undefined> {
    let entry: TreeEntry | undefined = {
      mode: '040000',
      name: '',
      rawName: Buffer.alloc(0),
      oid: treeOid,
      type: 'tree',
    };
    for (const segment of path.split('/').filter((s) => s.length > 0)) {
      if (entry?.type !== 'tree') return undefined;
      const entries = await this.tree(entry.oid);
      entry = entries?.find((e) => e.name === segment);
      if (!entry) return undefined;
    }
    return entry;
  }

  close(): void {
    this.command?.close();
    this.batch?.close();
    this.check?.close();
  }
}

// ignoreBOM: a leading U+FEFF is part of the name (the bytes must round-trip).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeName(raw: Buffer): { name: string; valid: boolean } {
  try {
    return { name: utf8.decode(raw), valid: true };
  } catch {
    return { name: raw.toString('utf8'), valid: false };
  }
}

/** The modes git writes, shared instead of one string per entry. */
const modes = new Map(['100644', '100755', '040000', '120000', '160000'].map((m) => [m, m]));

export function parseTree(content: Buffer, hashBytes = 20): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(32, offset);
    const nul = content.indexOf(0, space);
    if (space === -1 || nul === -1) throw new OperationError('malformed tree object');
    const text = content.subarray(offset, space).toString('ascii').padStart(6, '0');
    const mode = modes.get(text) ?? text;
    const rawName = content.subarray(space + 1, nul);
    const { name, valid } = decodeName(rawName);
    const oid = content.subarray(nul + 1, nul + 1 + hashBytes).toString('hex');
    offset = nul + 1 + hashBytes;
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    // A copy of invalid bytes only: the content is a view into a large read buffer that must not be kept alive.
    entries.push(new ParsedEntry(mode, name, oid, type, valid ? undefined : Buffer.from(rawName)));
  }
  return entries;
}
