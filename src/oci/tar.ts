// Deterministic tar writer for image layers and image archives (src/oci/README.md, "Tar order", "Header fields", "Names").
//
// Our own USTAR + PAX encoder rather than tar-stream: tar-stream takes names as JS strings (raw non-UTF-8 bytes
// cannot be expressed), defaults mtime to "now", wants one stream per entry (slow for 14k small files) and its PAX
// headers are not under our control. Owning the ~300 lines of header code lets us fix every byte that reaches
// the layer's diff_id.
//
// Output format, per entry:
// - USTAR header, magic "ustar\0" version "00"; uid/gid 0, uname/gname empty, devmajor/devminor 0;
//   mtime fixed (options.mtime, default 0); mode 0644 for files, 0755 for directories and executable files
//   (only the owner-exec bit of the given mode survives, as git keeps it), 0777 for symlinks.
// - Names longer than 100 bytes are split into USTAR prefix/name when possible. Names that still do not fit, and
//   every non-ASCII name, get a PAX `x` header (fixed pseudo-name `././@PaxHeader`, like Python's tarfile)
//   carrying only `path` and/or `linkpath` (never atime/ctime/mtime).
// - Names that are not valid UTF-8 (git allows any bytes but NUL) round-trip by default (`nonUtf8Names: 'binary'`):
//   the raw bytes go into the USTAR name/prefix fields, which carry no character set. Only when such a name is too
//   long for USTAR does it need PAX `path`, which is UTF-8 by spec; then the entry also gets the POSIX
//   `hdrcharset=BINARY` record. Go's archive/tar (containerd, skopeo, umoci) reads that silently and GNU tar 1.34
//   prints "Ignoring unknown extended header keyword" but still restores the exact bytes. `nonUtf8Names: 'reject'`
//   throws a TarError (code EUTF8) for any non-UTF-8 name or symlink target instead.
// - The archive ends with two zero blocks, no further record padding.
//
// Order: entries are emitted sorted by the bytes of their tar name, where a directory's name carries its trailing
// `/` (`a-b` < `a/` < `a/b`). That is exactly git's tree/index order (git compares directories as `name/`), so a
// `git ls-tree -r` listing is already sorted; a prefix always sorts before its extensions, so parents come before
// children, and a missing parent directory can always be inserted just before its first child, even while
// streaming. Either pass entries unsorted (default: only the entry metadata is buffered and sorted; give file
// contents as factories so no file is opened early) or pass `sorted: true` and the writer streams, failing with
// a TarError (code ENOTSORTED) on the first entry that is out of order.
//
// The output is re-chunked into fixed blocks (64 KiB by default), so how the caller's streams are chunked never
// reaches the compressor.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';

export type TarEntryType = 'file' | 'dir' | 'symlink';

type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** File content: bytes, a stream (consumed once), or a factory called when the entry is written. */
export type TarContent = Uint8Array | Readable | (() => ByteSource | Promise<ByteSource>);

export interface TarEntry {
  /** Relative POSIX path (no leading `/`, no `.`/`..`/empty components); a Buffer may hold any bytes but NUL. */
  path: string | Buffer;
  type: TarEntryType;
  /** Only the owner-exec bit (0o100) of a file's mode is used; ignored for directories and symlinks. */
  mode?: number;
  /** Required when `content` is a stream or a factory; must equal the number of bytes it produces. */
  size?: number;
  content?: TarContent;
  /** Symlink target, stored as given (may be absolute or contain `..`). */
  linkname?: string | Buffer;
  /**
   * Opaque label for a file's content, passed through to {@link tarSegments}: the content is emitted in segments
   * of its own (never sharing a chunk with other bytes), e.g. so a compressor can store it instead of deflating it.
   */
  hint?: string;
}

/** A piece of the tar stream; `hint` is set on the content bytes of an entry that has one. */
export interface TarSegment {
  chunk: Buffer;
  hint?: string;
}

export interface TarOptions {
  /** mtime of every entry, seconds since the epoch (e.g. SOURCE_DATE_EPOCH). Default 0. */
  mtime?: number;
  /** Entries arrive in tar order (see above): stream them and validate the order instead of sorting. */
  sorted?: boolean;
  /** What to do with names that are not valid UTF-8. Default 'binary' (PAX hdrcharset=BINARY). */
  nonUtf8Names?: 'binary' | 'reject';
  /** Size of the emitted chunks. Default 64 KiB. */
  chunkSize?: number;
}

export type TarErrorCode = 'EPATH' | 'EENTRY' | 'ENOTSORTED' | 'EDUPLICATE' | 'ENOTDIR' | 'ESIZE' | 'EUTF8';

export class TarError extends Error {
  constructor(
    readonly code: TarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TarError';
  }
}

const BLOCK = 512;
const MAX_OCTAL_11 = 0o77777777777; // largest value of a 12-byte USTAR numeric field
const SLASH = 0x2f;
const PAX_PSEUDO_NAME = Buffer.from('././@PaxHeader');
const EMPTY = Buffer.alloc(0);

/** Printable, escaped rendering of a name for error messages (names are untrusted). */
export function showName(name: Uint8Array | string): string {
  const bytes = typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
  let out = '';
  for (const b of bytes.subarray(0, 300)) {
    out +=
      b >= 0x20 && b < 0x7f && b !== 0x5c && b !== 0x22
        ? String.fromCharCode(b)
        : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `"${out}${bytes.length > 300 ? '…' : ''}"`;
}

function toBytes(value: string | Uint8Array, what: string): Buffer {
  if (typeof value === 'string') {
    // Buffer.from would silently turn a lone surrogate into U+FFFD and change the name.
    if (/\p{Cs}/u.test(value))
      throw new TarError('EPATH', `${what} contains a lone UTF-16 surrogate: ${showName(value)}`);
    return Buffer.from(value, 'utf8');
  }
  return Buffer.from(value); // copy: the caller may reuse its buffer
}

/** Validates a path and returns its bytes without a trailing slash. */
export function normalizeTarPath(path: string | Uint8Array, type: TarEntryType = 'file'): Buffer {
  let b = toBytes(path, 'path');
  if (type === 'dir' && b.length > 1 && b[b.length - 1] === SLASH) b = b.subarray(0, -1);
  if (b.length === 0) throw new TarError('EPATH', 'empty path');
  if (b[0] === SLASH) throw new TarError('EPATH', `absolute path: ${showName(b)}`);
  if (b.includes(0)) throw new TarError('EPATH', `path contains NUL: ${showName(b)}`);
  let start = 0;
  for (let i = 0; i <= b.length; i++) {
    if (i === b.length || b[i] === SLASH) {
      const len = i - start;
      const isDot = len === 1 && b[start] === 0x2e;
      const isDotDot = len === 2 && b[start] === 0x2e && b[start + 1] === 0x2e;
      if (len === 0 || isDot || isDotDot)
        throw new TarError('EPATH', `invalid path component in ${showName(b)}`);
      start = i + 1;
    }
  }
  return b;
}

/** The name an entry gets in the tar (directories end in `/`): the sort key. */
export function tarName(path: string | Uint8Array, type: TarEntryType): Buffer {
  const p = normalizeTarPath(path, type);
  return type === 'dir' ? Buffer.concat([p, Buffer.from('/')]) : p;
}

/** Comparator for entries in tar order, for callers that sort their own listings. */
export function compareTarEntries(
  a: Pick<TarEntry, 'path' | 'type'>,
  b: Pick<TarEntry, 'path' | 'type'>,
): number {
  return Buffer.compare(tarName(a.path, a.type), tarName(b.path, b.type));
}

interface Prepared {
  path: Buffer; // no trailing slash
  name: Buffer; // tar name (sort key)
  type: TarEntryType;
  mode: number;
  size: number;
  content: TarContent | undefined;
  linkname: Buffer;
  hint?: string | undefined;
}

function checkSize(size: number, name: Buffer): void {
  if (!Number.isSafeInteger(size) || size < 0)
    throw new TarError('ESIZE', `invalid size ${size} for ${showName(name)}`);
  // Larger files would need a PAX size record or base-256; no package file comes near 8 GiB.
  if (size > MAX_OCTAL_11)
    throw new TarError('ESIZE', `file too large for a USTAR header (>= 8 GiB): ${showName(name)}`);
}

function prepare(e: TarEntry): Prepared {
  if (e === null || typeof e !== 'object') throw new TarError('EENTRY', 'tar entry is not an object');
  if (e.type !== 'file' && e.type !== 'dir' && e.type !== 'symlink') {
    throw new TarError('EENTRY', `unsupported entry type ${JSON.stringify(String(e.type)).slice(0, 40)}`);
  }
  const path = normalizeTarPath(e.path, e.type);
  const name = e.type === 'dir' ? Buffer.concat([path, Buffer.from('/')]) : path;
  if (e.type === 'dir' || e.type === 'symlink') {
    if (e.content !== undefined) throw new TarError('EENTRY', `${e.type} with content: ${showName(name)}`);
    if (e.size !== undefined && e.size !== 0)
      throw new TarError('EENTRY', `${e.type} with a size: ${showName(name)}`);
  }
  if (e.type === 'dir') {
    if (e.linkname !== undefined)
      throw new TarError('EENTRY', `directory with a linkname: ${showName(name)}`);
    return { path, name, type: 'dir', mode: 0o755, size: 0, content: undefined, linkname: EMPTY };
  }
  if (e.type === 'symlink') {
    if (e.linkname === undefined) throw new TarError('EENTRY', `symlink without linkname: ${showName(name)}`);
    const linkname = toBytes(e.linkname, 'linkname');
    if (linkname.length === 0 || linkname.includes(0)) {
      throw new TarError('EPATH', `invalid symlink target for ${showName(name)}: ${showName(linkname)}`);
    }
    return { path, name, type: 'symlink', mode: 0o777, size: 0, content: undefined, linkname };
  }
  if (e.linkname !== undefined) throw new TarError('EENTRY', `file with a linkname: ${showName(name)}`);
  const mode = e.mode !== undefined && (e.mode & 0o100) !== 0 ? 0o755 : 0o644;
  let size: number;
  if (e.content instanceof Uint8Array) {
    if (e.size !== undefined && e.size !== e.content.length) {
      throw new TarError(
        'ESIZE',
        `size ${e.size} differs from content length ${e.content.length}: ${showName(name)}`,
      );
    }
    size = e.content.length;
  } else if (e.content === undefined) {
    if (e.size !== undefined && e.size !== 0)
      throw new TarError('ESIZE', `size ${e.size} without content: ${showName(name)}`);
    size = 0;
  } else {
    if (e.size === undefined) throw new TarError('ESIZE', `streamed content needs a size: ${showName(name)}`);
    size = e.size;
  }
  checkSize(size, name);
  return { path, name, type: 'file', mode, size, content: e.content, linkname: EMPTY, hint: e.hint };
}

const NONE: readonly Buffer[] = [];

/**
 * Collects bytes into fixed-size chunks; a full chunk is handed out and never touched again. Returns the chunks
 * completed by each call (usually none): arrays, not generators, because this runs for every header and every
 * content chunk of every entry.
 */
class Chunker {
  private buf: Buffer;
  private pos = 0;
  constructor(private readonly size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }
  write(data: Uint8Array): readonly Buffer[] {
    // Fast path: fits in the current chunk without completing it.
    if (this.pos + data.length < this.size) {
      this.buf.set(data, this.pos);
      this.pos += data.length;
      return NONE;
    }
    const full: Buffer[] = [];
    let off = 0;
    while (off < data.length) {
      const n = Math.min(this.size - this.pos, data.length - off);
      this.buf.set(data.subarray(off, off + n), this.pos);
      this.pos += n;
      off += n;
      if (this.pos === this.size) full.push(this.take());
    }
    return full;
  }
  zeros(count: number): readonly Buffer[] {
    if (this.pos + count < this.size) {
      this.buf.fill(0, this.pos, this.pos + count);
      this.pos += count;
      return NONE;
    }
    const full: Buffer[] = [];
    while (count > 0) {
      const n = Math.min(this.size - this.pos, count);
      this.buf.fill(0, this.pos, this.pos + n);
      this.pos += n;
      count -= n;
      if (this.pos === this.size) full.push(this.take());
    }
    return full;
  }
  rest(): Buffer | undefined {
    return this.pos > 0 ? this.buf.subarray(0, this.pos) : undefined;
  }
  /** Hands out the partial chunk (if any) and starts a new one. */
  flush(): readonly Buffer[] {
    if (this.pos === 0) return NONE;
    const part = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    return [part];
  }
  private take(): Buffer {
    const full = this.buf;
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    return full;
  }
}

function writeOctal(h: Buffer, offset: number, length: number, value: number): void {
  // Digits written by hand, right to left: toString(8) + padStart + write cost more per header than all the rest.
  let v = value;
  for (let i = offset + length - 2; i >= offset; i--) {
    h[i] = 0x30 + (v % 8);
    v = Math.floor(v / 8);
  }
  if (v !== 0) throw new TarError('ESIZE', `value ${value} does not fit a ${length}-byte tar field`);
  h[offset + length - 1] = 0;
}

interface HeaderFields {
  name: Buffer;
  prefix: Buffer;
  mode: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: Buffer;
}

/** What every header has in common: uid/gid 0, magic "ustar\0" + version "00", empty uname/gname, devices 0. */
const HEADER_TEMPLATE = ((): Buffer => {
  const h = Buffer.alloc(BLOCK);
  writeOctal(h, 108, 8, 0); // uid
  writeOctal(h, 116, 8, 0); // gid
  h.write('ustar\u000000', 257, 'ascii');
  writeOctal(h, 329, 8, 0); // devmajor
  writeOctal(h, 337, 8, 0); // devminor
  return h;
})();

function encodeHeader(f: HeaderFields, h: Buffer = Buffer.alloc(BLOCK)): Buffer {
  HEADER_TEMPLATE.copy(h);
  f.name.copy(h, 0, 0, 100);
  writeOctal(h, 100, 8, f.mode);
  writeOctal(h, 124, 12, f.size);
  writeOctal(h, 136, 12, f.mtime);
  h[156] = f.typeflag.charCodeAt(0);
  f.linkname.copy(h, 157, 0, 100);
  f.prefix.copy(h, 345, 0, 155);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i] as number;
  writeOctal(h, 148, 7, sum); // six digits and a NUL,
  h[155] = 0x20; // then a space
  return h;
}

function isAscii(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] as number) >= 0x80) return false;
  return true;
}

/** USTAR name/prefix split with the longest prefix that fits (as Go's archive/tar does). */
function splitUstar(name: Buffer): { prefix: Buffer; name: Buffer } | undefined {
  if (name.length <= 100) return { prefix: EMPTY, name };
  for (let i = Math.min(155, name.length - 2); i > 0; i--) {
    if (name[i] !== SLASH) continue;
    if (name.length - i - 1 > 100) return undefined; // a shorter prefix only makes the rest longer
    return { prefix: name.subarray(0, i), name: name.subarray(i + 1) };
  }
  return undefined;
}

function paxRecord(key: string, value: Buffer): Buffer {
  const base = Buffer.byteLength(key) + value.length + 3; // ' ', '=', '\n'
  let digits = 1;
  while (String(base + digits).length !== digits) digits++;
  return Buffer.concat([Buffer.from(`${base + digits} ${key}=`), value, Buffer.from('\n')]);
}

function asciiFallback(b: Buffer, max: number): Buffer {
  const out = Buffer.from(b.subarray(0, max));
  for (let i = 0; i < out.length; i++) if ((out[i] ?? 0) >= 0x80) out[i] = 0x5f; // '_'
  return out;
}

type NameKind = 'ascii' | 'utf8' | 'binary';

function nameKind(b: Buffer, nonUtf8: 'binary' | 'reject'): NameKind {
  if (isAscii(b)) return 'ascii';
  if (isUtf8(b)) return 'utf8';
  if (nonUtf8 === 'reject') throw new TarError('EUTF8', `name is not valid UTF-8: ${showName(b)}`);
  return 'binary';
}

function encodeEntryHeaders(
  p: Prepared,
  mtime: number,
  nonUtf8: 'binary' | 'reject',
  scratch: Buffer,
): Buffer {
  const records: Buffer[] = [];
  let binaryRecord = false;
  // ASCII and raw non-UTF-8 names go into the USTAR fields when they fit; UTF-8 names always use PAX `path`
  // (as GNU tar and Go do), because PAX is where the standard defines a character set.
  const pathKind = nameKind(p.name, nonUtf8);
  let split = pathKind === 'utf8' ? undefined : splitUstar(p.name);
  if (!split) {
    records.push(paxRecord('path', p.name));
    binaryRecord ||= pathKind === 'binary';
    split = splitUstar(asciiFallback(p.name, p.name.length)) ?? {
      prefix: EMPTY,
      name: asciiFallback(p.name, 100),
    };
  }
  let linkname = p.linkname;
  const linkKind = nameKind(p.linkname, nonUtf8);
  if (linkKind === 'utf8' || p.linkname.length > 100) {
    records.unshift(paxRecord('linkpath', p.linkname)); // keys in byte order: hdrcharset, linkpath, path
    binaryRecord ||= linkKind === 'binary';
    linkname = asciiFallback(p.linkname, 100);
  }
  if (binaryRecord) records.unshift(paxRecord('hdrcharset', Buffer.from('BINARY')));
  const typeflag = p.type === 'dir' ? '5' : p.type === 'symlink' ? '2' : '0';
  // Explicit fields: an object spread here cost more than the rest of the header (measured).
  const fields = {
    name: split.name,
    prefix: split.prefix,
    mode: p.mode,
    size: p.size,
    mtime,
    typeflag,
    linkname,
  };
  // Common case: one header, encoded into a scratch block that the caller copies out at once.
  if (records.length === 0) return encodeHeader(fields, scratch);
  const header = encodeHeader(fields);
  const body = Buffer.concat(records);
  const paxHeader = encodeHeader({
    name: PAX_PSEUDO_NAME,
    prefix: EMPTY,
    mode: 0o644,
    size: body.length,
    mtime,
    typeflag: 'x',
    linkname: EMPTY,
  });
  const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
  return Buffer.concat([paxHeader, body, Buffer.alloc(pad), header]);
}

async function openContent(content: Exclude<TarContent, Uint8Array>): Promise<ByteSource> {
  return typeof content === 'function' ? await content() : content;
}

function resolveOptions(options: TarOptions): Required<TarOptions> {
  const mtime = options.mtime ?? 0;
  if (!Number.isSafeInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_11) {
    throw new TarError('EENTRY', `invalid mtime ${mtime} (whole seconds since the epoch expected)`);
  }
  const chunkSize = options.chunkSize ?? 64 * 1024;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < BLOCK)
    throw new TarError('EENTRY', `invalid chunkSize ${chunkSize}`);
  return {
    mtime,
    chunkSize,
    sorted: options.sorted ?? false,
    nonUtf8Names: options.nonUtf8Names ?? 'binary',
  };
}

async function sortedPrepared(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>): Promise<Prepared[]> {
  const all: Prepared[] = [];
  for await (const e of entries) all.push(prepare(e));
  all.sort((a, b) => Buffer.compare(a.name, b.name));
  return all;
}

/**
 * Encodes entries as a deterministic tar stream (see the file comment for the exact format), yielding
 * fixed-size chunks. File contents are streamed, one entry at a time.
 */
export async function* tarChunks(
  entries: AsyncIterable<TarEntry> | Iterable<TarEntry>,
  options: TarOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  for await (const segment of tarSegments(entries, options)) yield segment.chunk;
}

/**
 * {@link tarChunks} with the content of hinted entries in segments of their own, labelled with the hint. Without
 * hints the chunks are exactly those of tarChunks; a hint only splits chunks at the content's start and end.
 */
export async function* tarSegments(
  entries: AsyncIterable<TarEntry> | Iterable<TarEntry>,
  options: TarOptions = {},
): AsyncGenerator<TarSegment, void, undefined> {
  const opts = resolveOptions(options);
  const out = new Chunker(opts.chunkSize);
  // Per generator (not module-level): two tar streams may interleave at their yields.
  const scratch = Buffer.alloc(BLOCK);
  const seen = new Map<string, TarEntryType>(); // latin1 key = the exact path bytes
  let last: Buffer | undefined;

  const order = (name: Buffer, what: string): void => {
    if (last !== undefined && Buffer.compare(last, name) >= 0) {
      throw new TarError(
        'ENOTSORTED',
        `tar entries not in order: ${what} ${showName(name)} after ${showName(last)} (sort by tar name bytes, directories with a trailing "/")`,
      );
    }
    last = name;
  };

  let checkedParent: Buffer | undefined; // all ancestors of the previous entry exist as directories
  // Sorted input is prepared as it streams (no wrapping generator: it runs once per entry).
  const sorted = opts.sorted ? undefined : await sortedPrepared(entries);
  for await (const item of sorted ?? entries) {
    const p = sorted ? (item as Prepared) : prepare(item);
    // Parents first: any ancestor not seen yet is emitted as a directory.
    const parentEnd = p.path.lastIndexOf(SLASH);
    const parentPath = p.path.subarray(0, Math.max(parentEnd, 0));
    const sameParent = checkedParent !== undefined && parentPath.equals(checkedParent);
    for (let i = sameParent ? -1 : p.path.indexOf(SLASH); i !== -1; i = p.path.indexOf(SLASH, i + 1)) {
      const parent = p.path.subarray(0, i);
      const key = parent.toString('latin1');
      const kind = seen.get(key);
      if (kind === 'dir') continue;
      if (kind !== undefined) {
        throw new TarError(
          'ENOTDIR',
          `parent ${showName(parent)} of ${showName(p.name)} is a ${kind}, not a directory`,
        );
      }
      const dir: Prepared = {
        path: parent,
        name: p.name.subarray(0, i + 1), // includes the '/'
        type: 'dir',
        mode: 0o755,
        size: 0,
        content: undefined,
        linkname: EMPTY,
      };
      order(dir.name, 'implied parent directory');
      seen.set(key, 'dir');
      for (const chunk of out.write(encodeEntryHeaders(dir, opts.mtime, opts.nonUtf8Names, scratch)))
        yield { chunk };
    }
    checkedParent = parentPath;
    const key = p.path.toString('latin1');
    // An entry sorting before the previous one is an order error even if its path was seen (e.g. a directory
    // listed after its children, which were given an implied parent).
    if (seen.has(key) && (last === undefined || Buffer.compare(last, p.name) <= 0)) {
      throw new TarError('EDUPLICATE', `duplicate path ${showName(p.path)}`);
    }
    order(p.name, 'entry');
    seen.set(key, p.type);
    for (const chunk of out.write(encodeEntryHeaders(p, opts.mtime, opts.nonUtf8Names, scratch)))
      yield { chunk };
    if (p.type !== 'file' || p.content === undefined) continue;
    const hint = p.size > 0 ? p.hint : undefined;
    if (hint !== undefined) for (const chunk of out.flush()) yield { chunk };
    if (p.content instanceof Uint8Array) {
      for (const chunk of out.write(p.content)) yield { chunk, hint };
    } else {
      let written = 0;
      // for await takes sync iterables too: no wrapping generator per entry.
      for await (const chunk of await openContent(p.content)) {
        if (!(chunk instanceof Uint8Array)) {
          throw new TarError(
            'EENTRY',
            `content of ${showName(p.name)} yielded a non-byte chunk (string or object mode?)`,
          );
        }
        written += chunk.length;
        if (written > p.size) {
          throw new TarError('ESIZE', `content of ${showName(p.name)} is longer than its size ${p.size}`);
        }
        for (const full of out.write(chunk)) yield { chunk: full, hint };
      }
      if (written !== p.size) {
        throw new TarError(
          'ESIZE',
          `content of ${showName(p.name)} has ${written} bytes, size says ${p.size}`,
        );
      }
    }
    if (hint !== undefined) for (const chunk of out.flush()) yield { chunk, hint };
    for (const chunk of out.zeros((BLOCK - (p.size % BLOCK)) % BLOCK)) yield { chunk };
  }
  for (const chunk of out.zeros(2 * BLOCK)) yield { chunk };
  const rest = out.rest();
  if (rest) yield { chunk: rest };
}

/** {@link tarChunks} as a byte stream. */
export function createTarStream(
  entries: AsyncIterable<TarEntry> | Iterable<TarEntry>,
  options: TarOptions = {},
): Readable {
  return Readable.from(tarChunks(entries, options), { objectMode: false });
}
