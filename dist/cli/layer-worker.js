import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/core/errors.ts
// Errors that end a run with a clear one-line message instead of a stack trace. Exit codes follow the CLI
// contract: 1 = policy violations, 2 = usage or configuration error, 3 = an operation failed (git, API, registry).
class UsageError extends Error {
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** The policy file is invalid; the message names the key. */
class ConfigError extends UsageError {
    key;
    constructor(message, key) {
        // One line, whatever the file held: the actions show the first line of an error.
        super(message.replace(/\r\n|\r|\n/g, '\\n'));
        this.key = key;
        this.name = 'ConfigError';
    }
}
/** An expected operational failure (git, GitHub API, registry) with a message meant for the user. */
class errors_OperationError extends Error {
    exitCode = 3;
    constructor(message, options) {
        super(message, options);
        this.name = 'OperationError';
    }
}
/** The plan could not be carried out as asked; nothing was written. Exit code 1, like policy violations. */
class RefusedError extends Error {
    refusals;
    exitCode = 1;
    constructor(message, refusals) {
        super(`${message}:\n${refusals.map((r) => `  - ${r.message}`).join('\n')}`);
        this.refusals = refusals;
        this.name = 'RefusedError';
    }
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** 1 = refused by policy, 2 = usage or configuration, 3 = anything else that failed. */
function exitCodeOf(error) {
    const code = error?.exitCode;
    return typeof code === 'number' && code >= 1 && code <= 3 ? code : 3;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/oci/tar.ts
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


class TarError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'TarError';
    }
}
const BLOCK = 512;
const MAX_OCTAL_11 = 0o77777777777; // largest value of a 12-byte USTAR numeric field
const SLASH = 0x2f;
const PAX_PSEUDO_NAME = Buffer.from('././@PaxHeader');
const EMPTY = Buffer.alloc(0);
/** Printable, escaped rendering of a name for error messages (names are untrusted). */
function showName(name) {
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
function toBytes(value, what) {
    if (typeof value === 'string') {
        // Buffer.from would silently turn a lone surrogate into U+FFFD and change the name.
        if (/\p{Cs}/u.test(value))
            throw new TarError('EPATH', `${what} contains a lone UTF-16 surrogate: ${showName(value)}`);
        return Buffer.from(value, 'utf8');
    }
    return Buffer.from(value); // copy: the caller may reuse its buffer
}
/** Validates a path and returns its bytes without a trailing slash. */
function normalizeTarPath(path, type = 'file') {
    let b = toBytes(path, 'path');
    if (type === 'dir' && b.length > 1 && b[b.length - 1] === SLASH)
        b = b.subarray(0, -1);
    if (b.length === 0)
        throw new TarError('EPATH', 'empty path');
    if (b[0] === SLASH)
        throw new TarError('EPATH', `absolute path: ${showName(b)}`);
    if (b.includes(0))
        throw new TarError('EPATH', `path contains NUL: ${showName(b)}`);
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
function tarName(path, type) {
    const p = normalizeTarPath(path, type);
    return type === 'dir' ? Buffer.concat([p, Buffer.from('/')]) : p;
}
/** Comparator for entries in tar order, for callers that sort their own listings. */
function compareTarEntries(a, b) {
    return Buffer.compare(tarName(a.path, a.type), tarName(b.path, b.type));
}
function checkSize(size, name) {
    if (!Number.isSafeInteger(size) || size < 0)
        throw new TarError('ESIZE', `invalid size ${size} for ${showName(name)}`);
    // Larger files would need a PAX size record or base-256; no package file comes near 8 GiB.
    if (size > MAX_OCTAL_11)
        throw new TarError('ESIZE', `file too large for a USTAR header (>= 8 GiB): ${showName(name)}`);
}
function prepare(e) {
    if (e === null || typeof e !== 'object')
        throw new TarError('EENTRY', 'tar entry is not an object');
    if (e.type !== 'file' && e.type !== 'dir' && e.type !== 'symlink') {
        throw new TarError('EENTRY', `unsupported entry type ${JSON.stringify(String(e.type)).slice(0, 40)}`);
    }
    const path = normalizeTarPath(e.path, e.type);
    const name = e.type === 'dir' ? Buffer.concat([path, Buffer.from('/')]) : path;
    if (e.type === 'dir' || e.type === 'symlink') {
        if (e.content !== undefined)
            throw new TarError('EENTRY', `${e.type} with content: ${showName(name)}`);
        if (e.size !== undefined && e.size !== 0)
            throw new TarError('EENTRY', `${e.type} with a size: ${showName(name)}`);
    }
    if (e.type === 'dir') {
        if (e.linkname !== undefined)
            throw new TarError('EENTRY', `directory with a linkname: ${showName(name)}`);
        return { path, name, type: 'dir', mode: 0o755, size: 0, content: undefined, linkname: EMPTY };
    }
    if (e.type === 'symlink') {
        if (e.linkname === undefined)
            throw new TarError('EENTRY', `symlink without linkname: ${showName(name)}`);
        const linkname = toBytes(e.linkname, 'linkname');
        if (linkname.length === 0 || linkname.includes(0)) {
            throw new TarError('EPATH', `invalid symlink target for ${showName(name)}: ${showName(linkname)}`);
        }
        return { path, name, type: 'symlink', mode: 0o777, size: 0, content: undefined, linkname };
    }
    if (e.linkname !== undefined)
        throw new TarError('EENTRY', `file with a linkname: ${showName(name)}`);
    const mode = e.mode !== undefined && (e.mode & 0o100) !== 0 ? 0o755 : 0o644;
    let size;
    if (e.content instanceof Uint8Array) {
        if (e.size !== undefined && e.size !== e.content.length) {
            throw new TarError('ESIZE', `size ${e.size} differs from content length ${e.content.length}: ${showName(name)}`);
        }
        size = e.content.length;
    }
    else if (e.content === undefined) {
        if (e.size !== undefined && e.size !== 0)
            throw new TarError('ESIZE', `size ${e.size} without content: ${showName(name)}`);
        size = 0;
    }
    else {
        if (e.size === undefined)
            throw new TarError('ESIZE', `streamed content needs a size: ${showName(name)}`);
        size = e.size;
    }
    checkSize(size, name);
    return { path, name, type: 'file', mode, size, content: e.content, linkname: EMPTY, hint: e.hint };
}
const NONE = [];
/**
 * Collects bytes into fixed-size chunks; a full chunk is handed out and never touched again. Returns the chunks
 * completed by each call (usually none): arrays, not generators, because this runs for every header and every
 * content chunk of every entry.
 */
class Chunker {
    size;
    buf;
    pos = 0;
    constructor(size) {
        this.size = size;
        this.buf = Buffer.allocUnsafe(size);
    }
    write(data) {
        // Fast path: fits in the current chunk without completing it.
        if (this.pos + data.length < this.size) {
            this.buf.set(data, this.pos);
            this.pos += data.length;
            return NONE;
        }
        const full = [];
        let off = 0;
        while (off < data.length) {
            const n = Math.min(this.size - this.pos, data.length - off);
            this.buf.set(data.subarray(off, off + n), this.pos);
            this.pos += n;
            off += n;
            if (this.pos === this.size)
                full.push(this.take());
        }
        return full;
    }
    zeros(count) {
        if (this.pos + count < this.size) {
            this.buf.fill(0, this.pos, this.pos + count);
            this.pos += count;
            return NONE;
        }
        const full = [];
        while (count > 0) {
            const n = Math.min(this.size - this.pos, count);
            this.buf.fill(0, this.pos, this.pos + n);
            this.pos += n;
            count -= n;
            if (this.pos === this.size)
                full.push(this.take());
        }
        return full;
    }
    rest() {
        return this.pos > 0 ? this.buf.subarray(0, this.pos) : undefined;
    }
    /** Hands out the partial chunk (if any) and starts a new one. */
    flush() {
        if (this.pos === 0)
            return NONE;
        const part = this.buf.subarray(0, this.pos);
        this.buf = Buffer.allocUnsafe(this.size);
        this.pos = 0;
        return [part];
    }
    take() {
        const full = this.buf;
        this.buf = Buffer.allocUnsafe(this.size);
        this.pos = 0;
        return full;
    }
}
function writeOctal(h, offset, length, value) {
    // Digits written by hand, right to left: toString(8) + padStart + write cost more per header than all the rest.
    let v = value;
    for (let i = offset + length - 2; i >= offset; i--) {
        h[i] = 0x30 + (v % 8);
        v = Math.floor(v / 8);
    }
    if (v !== 0)
        throw new TarError('ESIZE', `value ${value} does not fit a ${length}-byte tar field`);
    h[offset + length - 1] = 0;
}
/** What every header has in common: uid/gid 0, magic "ustar\0" + version "00", empty uname/gname, devices 0. */
const HEADER_TEMPLATE = (() => {
    const h = Buffer.alloc(BLOCK);
    writeOctal(h, 108, 8, 0); // uid
    writeOctal(h, 116, 8, 0); // gid
    h.write('ustar\u000000', 257, 'ascii');
    writeOctal(h, 329, 8, 0); // devmajor
    writeOctal(h, 337, 8, 0); // devminor
    return h;
})();
function encodeHeader(f, h = Buffer.alloc(BLOCK)) {
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
    for (let i = 0; i < BLOCK; i++)
        sum += h[i];
    writeOctal(h, 148, 7, sum); // six digits and a NUL,
    h[155] = 0x20; // then a space
    return h;
}
function isAscii(b) {
    for (let i = 0; i < b.length; i++)
        if (b[i] >= 0x80)
            return false;
    return true;
}
/** USTAR name/prefix split with the longest prefix that fits (as Go's archive/tar does). */
function splitUstar(name) {
    if (name.length <= 100)
        return { prefix: EMPTY, name };
    for (let i = Math.min(155, name.length - 2); i > 0; i--) {
        if (name[i] !== SLASH)
            continue;
        if (name.length - i - 1 > 100)
            return undefined; // a shorter prefix only makes the rest longer
        return { prefix: name.subarray(0, i), name: name.subarray(i + 1) };
    }
    return undefined;
}
function paxRecord(key, value) {
    const base = Buffer.byteLength(key) + value.length + 3; // ' ', '=', '\n'
    let digits = 1;
    while (String(base + digits).length !== digits)
        digits++;
    return Buffer.concat([Buffer.from(`${base + digits} ${key}=`), value, Buffer.from('\n')]);
}
function asciiFallback(b, max) {
    const out = Buffer.from(b.subarray(0, max));
    for (let i = 0; i < out.length; i++)
        if ((out[i] ?? 0) >= 0x80)
            out[i] = 0x5f; // '_'
    return out;
}
function nameKind(b, nonUtf8) {
    if (isAscii(b))
        return 'ascii';
    if ((0,external_node_buffer_namespaceObject.isUtf8)(b))
        return 'utf8';
    if (nonUtf8 === 'reject')
        throw new TarError('EUTF8', `name is not valid UTF-8: ${showName(b)}`);
    return 'binary';
}
function encodeEntryHeaders(p, mtime, nonUtf8, scratch) {
    const records = [];
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
    if (binaryRecord)
        records.unshift(paxRecord('hdrcharset', Buffer.from('BINARY')));
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
    if (records.length === 0)
        return encodeHeader(fields, scratch);
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
async function openContent(content) {
    return typeof content === 'function' ? await content() : content;
}
function resolveOptions(options) {
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
async function sortedPrepared(entries) {
    const all = [];
    for await (const e of entries)
        all.push(prepare(e));
    all.sort((a, b) => Buffer.compare(a.name, b.name));
    return all;
}
/**
 * Encodes entries as a deterministic tar stream (see the file comment for the exact format), yielding
 * fixed-size chunks. File contents are streamed, one entry at a time.
 */
async function* tarChunks(entries, options = {}) {
    for await (const segment of tarSegments(entries, options))
        yield segment.chunk;
}
/**
 * {@link tarChunks} with the content of hinted entries in segments of their own, labelled with the hint. Without
 * hints the chunks are exactly those of tarChunks; a hint only splits chunks at the content's start and end.
 */
async function* tarSegments(entries, options = {}) {
    const opts = resolveOptions(options);
    const out = new Chunker(opts.chunkSize);
    // Per generator (not module-level): two tar streams may interleave at their yields.
    const scratch = Buffer.alloc(BLOCK);
    const seen = new Map(); // latin1 key = the exact path bytes
    let last;
    const order = (name, what) => {
        if (last !== undefined && Buffer.compare(last, name) >= 0) {
            throw new TarError('ENOTSORTED', `tar entries not in order: ${what} ${showName(name)} after ${showName(last)} (sort by tar name bytes, directories with a trailing "/")`);
        }
        last = name;
    };
    let checkedParent; // all ancestors of the previous entry exist as directories
    // Sorted input is prepared as it streams (no wrapping generator: it runs once per entry).
    const sorted = opts.sorted ? undefined : await sortedPrepared(entries);
    for await (const item of sorted ?? entries) {
        const p = sorted ? item : prepare(item);
        // Parents first: any ancestor not seen yet is emitted as a directory.
        const parentEnd = p.path.lastIndexOf(SLASH);
        const parentPath = p.path.subarray(0, Math.max(parentEnd, 0));
        const sameParent = checkedParent !== undefined && parentPath.equals(checkedParent);
        for (let i = sameParent ? -1 : p.path.indexOf(SLASH); i !== -1; i = p.path.indexOf(SLASH, i + 1)) {
            const parent = p.path.subarray(0, i);
            const key = parent.toString('latin1');
            const kind = seen.get(key);
            if (kind === 'dir')
                continue;
            if (kind !== undefined) {
                throw new TarError('ENOTDIR', `parent ${showName(parent)} of ${showName(p.name)} is a ${kind}, not a directory`);
            }
            const dir = {
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
        if (p.type !== 'file' || p.content === undefined)
            continue;
        const hint = p.size > 0 ? p.hint : undefined;
        if (hint !== undefined)
            for (const chunk of out.flush())
                yield { chunk };
        if (p.content instanceof Uint8Array) {
            for (const chunk of out.write(p.content))
                yield { chunk, hint };
        }
        else {
            let written = 0;
            // for await takes sync iterables too: no wrapping generator per entry.
            for await (const chunk of await openContent(p.content)) {
                if (!(chunk instanceof Uint8Array)) {
                    throw new TarError('EENTRY', `content of ${showName(p.name)} yielded a non-byte chunk (string or object mode?)`);
                }
                written += chunk.length;
                if (written > p.size) {
                    throw new TarError('ESIZE', `content of ${showName(p.name)} is longer than its size ${p.size}`);
                }
                for (const full of out.write(chunk))
                    yield { chunk: full, hint };
            }
            if (written !== p.size) {
                throw new TarError('ESIZE', `content of ${showName(p.name)} has ${written} bytes, size says ${p.size}`);
            }
        }
        if (hint !== undefined)
            for (const chunk of out.flush())
                yield { chunk, hint };
        for (const chunk of out.zeros((BLOCK - (p.size % BLOCK)) % BLOCK))
            yield { chunk };
    }
    for (const chunk of out.zeros(2 * BLOCK))
        yield { chunk };
    const rest = out.rest();
    if (rest)
        yield { chunk: rest };
}
/** {@link tarChunks} as a byte stream. */
function createTarStream(entries, options = {}) {
    return Readable.from(tarChunks(entries, options), { objectMode: false });
}

;// CONCATENATED MODULE: ./src/oci/types.ts
// OCI image-spec and Docker v2 manifest shapes shared by the image builder (src/oci) and the registry
// client (src/registry). Only the fields we read or write are typed; unknown fields are preserved as-is
// because a manifest's digest is the hash of its exact bytes.
const types_MediaType = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    ociLayerTar: 'application/vnd.oci.image.layer.v1.tar',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
    ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
};
/** Annotation keys written by src/oci (OCI pre-defined keys plus containerd's image-name key and our own). */
const Annotation = {
    /** OCI layout: the tag of an index.json entry (tag only, no repository: OCI image-spec annotations.md). */
    refName: 'org.opencontainers.image.ref.name',
    /** containerd / Docker >= 25 `docker load`: the full image reference of an index.json entry. */
    containerdImageName: 'io.containerd.image.name',
    /** Our layer annotation: what a layer was built from (e.g. a git tree id), to find reusable layers later. */
    layerSource: 'io.package-storage.layer.source',
    /** Our layer annotation: how the layer was built (tar format version, mtime, destination), see layer.ts. */
    layerRecipe: 'io.package-storage.layer.recipe',
};
/** Every manifest type we can read, in the order we prefer it (sent as the Accept list). */
const manifestAccept = [
    types_MediaType.ociIndex,
    types_MediaType.ociManifest,
    types_MediaType.dockerManifestList,
    types_MediaType.dockerManifest,
];

;// CONCATENATED MODULE: ./src/oci/layer.ts
// Layer builder: tar -> gzip -> temp file (or memory), hashing the tar (diff_id) and the gzip (digest) in one pass
// (src/oci/README.md, "gzip"). gzip level 1 by default: 2.4x faster than level 6 for ~7% more bytes, and what
// go-containerregistry uses. node:zlib writes a fixed gzip header (MTIME 0, no FNAME, OS 03), so the digest depends
// only on the tar bytes, the level and the zlib build (Node upgrades may change it; reuse is keyed on diff_id).










/** Bumped whenever tar.ts changes the bytes it writes for the same entries (part of {@link layerRecipe}). */
const TAR_FORMAT_VERSION = 1;
const GZIP_CHUNK = 64 * 1024;
function makeLayer(fields) {
    const { path, bytes } = fields;
    return {
        ...fields,
        open: () => bytes !== undefined
            ? Readable.from([bytes], { objectMode: false })
            : createReadStream(path ?? '', { highWaterMark: 1024 * 1024 }),
        descriptor(annotations) {
            const d = { mediaType: fields.mediaType, digest: fields.digest, size: fields.size };
            if (annotations && Object.keys(annotations).length > 0)
                d.annotations = { ...annotations };
            return d;
        },
        dispose: async () => {
            if (path !== undefined)
                await rm(path, { force: true });
        },
    };
}
async function writeAll(fh, chunk) {
    let off = 0;
    while (off < chunk.length) {
        const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
        off += bytesWritten;
    }
}
/** Compresses an existing tar stream into a layer (see {@link buildLayer}). */
async function compressLayer(tar, options = {}) {
    const level = options.level ?? 1;
    if (!Number.isInteger(level) || level < 0 || level > 9)
        throw new Error(`invalid gzip level ${level}`);
    const tarHash = createHash('sha256');
    let uncompressedSize = 0;
    const gzip = createGzip({ level, chunkSize: GZIP_CHUNK });
    const fed = pipeline(tar, async function* hashTar(source) {
        for await (const chunk of source) {
            tarHash.update(chunk);
            uncompressedSize += chunk.length;
            yield chunk;
        }
    }, gzip, { signal: options.signal });
    const [kept] = await Promise.all([keepBlob(gzip, options), fed]);
    return makeLayer({
        diffId: `sha256:${tarHash.digest('hex')}`,
        digest: kept.digest,
        size: kept.size,
        uncompressedSize,
        mediaType: options.mediaType ?? MediaType.ociLayerGzip,
        ...(kept.path !== undefined ? { path: kept.path } : { bytes: kept.bytes }),
    });
}
/** Keeps a blob in memory, or in a temp file once it exceeds the memory threshold; hashes it on the way. */
async function keepBlob(source, options) {
    const threshold = options.memoryThreshold ?? 4 * 1024 * 1024;
    const hash = createHash('sha256');
    let size = 0;
    const memory = [];
    let fh;
    let path;
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
                for (const m of memory.splice(0))
                    await writeAll(fh, m);
            }
        }
        await fh?.close();
        fh = undefined;
    }
    catch (err) {
        await fh?.close().catch(() => undefined);
        if (path !== undefined)
            await rm(path, { force: true });
        throw err;
    }
    const digest = `sha256:${hash.digest('hex')}`;
    return path !== undefined ? { digest, size, path } : { digest, size, bytes: Buffer.concat(memory) };
}
/**
 * Builds a reproducible gzip layer from tar entries (tar.ts), streaming file contents, and keeps it in memory or a
 * temp file. Same bytes as {@link streamLayer} with the same options.
 */
async function buildLayer(entries, options = {}) {
    const { stream, result } = streamLayer(entries, options);
    let kept;
    try {
        kept = await keepBlob(stream, options);
    }
    catch (error) {
        stream.destroy();
        await result.catch(() => undefined);
        throw error;
    }
    const digests = await result;
    return makeLayer({
        ...digests,
        ...(kept.path !== undefined ? { path: kept.path } : { bytes: kept.bytes }),
    });
}
/**
 * Tar → gzip as a stream, hashing the tar (diff_id) and the gzip (digest) on the way, so the layer can be uploaded
 * or written while it is being built and no temp file is needed. Nothing is buffered beyond the stream's
 * high-water marks: a slow consumer slows the build down.
 */
function streamLayer(entries, options = {}) {
    const level = options.level ?? 1;
    if (!Number.isInteger(level) || level < 0 || level > 9)
        throw new Error(`invalid gzip level ${level}`);
    const tarHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const gzHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let uncompressedSize = 0;
    let crc = 0;
    let size = 0;
    // Raw deflate framed as gzip by hand: node's params() (the level switch) only works on deflate streams, and
    // zlib's gzip wrapper is just this header and trailer, so the bytes are exactly createGzip's.
    const deflate = (0,external_node_zlib_namespaceObject.createDeflateRaw)({ level, chunkSize: GZIP_CHUNK });
    const out = new external_node_stream_namespaceObject.PassThrough({ highWaterMark: GZIP_CHUNK * 4 });
    let finished = false;
    const emit = (chunk) => {
        gzHash.update(chunk);
        size += chunk.length;
        if (!out.write(chunk)) {
            deflate.pause();
            out.once('drain', () => deflate.resume());
        }
    };
    const result = new Promise((resolve, reject) => {
        const fail = (error) => {
            reject(error);
            deflate.destroy();
            if (!out.destroyed)
                out.destroy(error);
        };
        emit(gzipHeader(level));
        deflate.on('data', emit);
        let fed = Promise.resolve();
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
                    mediaType: options.mediaType ?? types_MediaType.ociLayerGzip,
                });
            }, reject);
        });
        deflate.once('error', fail);
        // The consumer gave up (an upload failed): stop reading the sources.
        out.once('close', () => {
            if (!finished)
                fail(new Error('layer stream closed before its end'));
        });
        fed = feed(deflate, tarSegments(entries, options), level, options, (chunk) => {
            tarHash.update(chunk);
            crc = (0,external_node_zlib_namespaceObject.crc32)(chunk, crc);
            uncompressedSize += chunk.length;
            options.onTarBytes?.(chunk.length);
        }).catch((error) => {
            fail(error instanceof Error ? error : new Error(String(error)));
            throw error;
        });
        fed.catch(() => undefined);
    });
    result.catch(() => undefined);
    return { stream: out, result };
}
/** zlib's gzip header: no name, MTIME 0, XFL from the level (4 fastest, 2 best), OS 3 (Unix). */
function gzipHeader(level) {
    const xfl = level === 9 ? 2 : level < 2 ? 4 : 0;
    return Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, xfl, 0x03]);
}
/** Resolves on 'drain', or when the stream closes first (the next write then sees it destroyed). */
function drained(stream) {
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
    });
}
async function feed(deflate, segments, level, options, onChunk) {
    let current = level;
    try {
        for await (const { chunk, hint } of segments) {
            if (deflate.destroyed)
                throw new Error('layer stream closed before its end');
            onChunk(chunk);
            const want = hint !== undefined && hint === options.storeHint ? 0 : level;
            if (want !== current) {
                // Every byte written so far must be compressed with the old level before the switch (node's params()
                // flushes, then changes the parameters in the flush callback; writes queued meanwhile would race it).
                await new Promise((resolve) => deflate.params(want, external_node_zlib_namespaceObject.constants.Z_DEFAULT_STRATEGY, resolve));
                current = want;
            }
            if (!deflate.write(chunk))
                await drained(deflate);
        }
    }
    catch (error) {
        await segments.return(undefined);
        throw error;
    }
    deflate.end();
}
// Magic numbers of formats that are compressed already (deflate or stronger): gzip level 1 spends about twice the
// CPU on such bytes as on text and saves nothing. Images (PNG, JPEG, GIF, WebP), archives and compressed streams.
const compressedMagic = [
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
const COMPRESSED_MAGIC_BYTES = 12;
/** Whether content starting with `head` is in a format that is compressed already. */
function isCompressedFormat(head) {
    return compressedMagic.some(([offset, magic]) => head.length >= offset + magic.length && magic.every((b, i) => head[offset + i] === b));
}
/**
 * A short description of everything besides the entries that decides a layer's diff_id, for the
 * `io.package-storage.layer.recipe` annotation: a layer is only reused when source and recipe both match.
 */
function layerRecipe(options = {}) {
    const parts = [`tar=${TAR_FORMAT_VERSION}`, `mtime=${options.mtime ?? 0}`];
    if (options.extra !== undefined)
        parts.push(options.extra);
    return parts.join(';');
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/git/git.ts
// Runs git with an argument list (never a shell) and the environment a CI job needs: no prompts, no pager,
// no repository-configured helpers that could run code (fsmonitor), and C locale so messages can be matched.


const safetyConfig = (/* unused pure expression or super */ null && ([
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'protocol.file.allow=always',
]));
function gitEnv(extra) {
    return {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_PAGER: 'cat',
        GIT_ASKPASS: '',
        SSH_ASKPASS: '',
        LC_ALL: 'C',
        GIT_OPTIONAL_LOCKS: '0',
        ...extra,
    };
}
function gitRaw(args, options) {
    return new Promise((resolve, reject) => {
        const child = spawn('git', [...safetyConfig, ...args], {
            cwd: options.cwd,
            env: gitEnv(options.env),
            // No input: no pipe. Ending an empty pipe to a git that already exited raises EPIPE, and building that
            // error's stack loads the bundle's source map (tens of milliseconds per CLI run).
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        });
        const out = [];
        const err = [];
        const onStdout = options.onStdout;
        child.stdout.on('data', onStdout ?? ((chunk) => out.push(chunk)));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => reject(new OperationError(`git could not be started: ${error.message}`, { cause: error })));
        child.on('close', (code) => {
            const result = {
                code: code ?? -1,
                stdout: Buffer.concat(out),
                stderr: Buffer.concat(err).toString('utf8'),
            };
            if (result.code === 0 || options.okCodes?.includes(result.code))
                resolve(result);
            else
                reject(new GitError(args, result));
        });
        if (child.stdin) {
            child.stdin.on('error', () => undefined); // git may exit before reading all input; the exit code tells
            child.stdin.end(options.input);
        }
    });
}
async function git(args, options) {
    return (await gitRaw(args, options)).stdout.toString('utf8');
}
class GitError extends errors_OperationError {
    args;
    result;
    constructor(args, result) {
        const detail = result.stderr
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.length > 0 && !l.startsWith('hint:'))
            .slice(0, 3)
            .join(' / ');
        super(`git ${args
            .filter((a) => !a.startsWith('-c') && !a.includes('='))
            .slice(0, 2)
            .join(' ')} failed (exit ${result.code}): ${detail || 'no message'}`);
        this.args = args;
        this.result = result;
        this.name = 'GitError';
    }
}
async function revParse(cwd, rev) {
    const result = await gitRaw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
        cwd,
        okCodes: [1, 128],
    });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
async function isGitRepository(cwd) {
    try {
        const result = await gitRaw(['rev-parse', '--git-dir'], { cwd, okCodes: [128] });
        return result.code === 0;
    }
    catch {
        return false;
    }
}
const emptyTreeId = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const zeroId = /^0+$/;
/** `refs/heads/<branch>` -> `<branch>`; undefined for any other ref (tags, pull refs). */
function branchOfRef(ref) {
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

;// CONCATENATED MODULE: ./src/publish-image/blob-stream.ts
// The blobs of one layer, in order, from one `git cat-file --batch` process, and the tar entries made of them:
// one request per file, whose answer header carries the size the tar header needs, and whose content is streamed
// on as it arrives (no copy, no buffering of whole files). Requests are all written at once. Output is read ahead
// up to a few MB, so git keeps inflating while the tar and gzip stages work (a bare 64 KB pipe made the two wait
// for each other: measured 2.7x slower); beyond that reading pauses and git blocks on the full pipe, so memory
// stays bounded whatever the file sizes. One process per layer also spreads git's inflating over the cores when
// layers are built side by side.




/** Below this size a stored segment saves too little to be worth its two sync flushes. */
const MIN_STORED_BYTES = 2048;
const LF = 0x0a;
/** Output read ahead of the consumer before the pipe is left to fill up. */
const READ_AHEAD = 4 << 20;
class BlobStream {
    oids;
    peek;
    child;
    /** Chunks read from git and not yet consumed; `head` is the next (shift() would be O(n) per chunk). */
    queue = [];
    head = 0;
    queued = 0;
    ended = false;
    wake;
    pending = Buffer.alloc(0);
    stderr = '';
    exited;
    index = 0;
    closed = false;
    constructor(repoDir, oids, peek = 16) {
        this.oids = oids;
        this.peek = peek;
        for (const oid of oids)
            if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid))
                throw new errors_OperationError(`not an object id: ${oid}`);
        // --buffer: git's output is block-buffered (no flush per object), since every request is known up front.
        this.child = (0,external_node_child_process_namespaceObject.spawn)('git', ['-c', 'core.fsmonitor=false', 'cat-file', '--batch', '--buffer'], {
            cwd: repoDir,
            env: gitEnv(),
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        this.child.stderr.on('data', (b) => {
            if (this.stderr.length < 4096)
                this.stderr += b.toString('utf8');
        });
        this.exited = new Promise((resolve) => {
            this.child.once('close', (code) => resolve(code));
            this.child.once('error', () => resolve(null));
        });
        this.child.stdin.on('error', () => undefined);
        this.child.stdin.end(oids.length > 0 ? `${oids.join('\n')}\n` : '');
        const stdout = this.child.stdout;
        stdout.on('data', (chunk) => {
            this.queue.push(chunk);
            this.queued += chunk.length;
            if (this.queued >= READ_AHEAD)
                stdout.pause();
            this.notify();
        });
        const end = () => {
            this.ended = true;
            this.notify();
        };
        stdout.once('end', end);
        stdout.once('close', end);
        stdout.once('error', end);
    }
    notify() {
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
    /** The next chunk git sent, or undefined at its end. */
    async take() {
        while (this.head === this.queue.length) {
            if (this.ended)
                return undefined;
            await new Promise((resolve) => (this.wake = resolve));
        }
        const chunk = this.queue[this.head];
        this.queue[this.head++] = undefined;
        if (this.head === this.queue.length) {
            this.queue = [];
            this.head = 0;
        }
        this.queued -= chunk.length;
        if (this.queued < READ_AHEAD / 2 && this.child.stdout.isPaused())
            this.child.stdout.resume();
        return chunk;
    }
    /** The next blob, in request order; undefined after the last. */
    async next() {
        if (this.closed)
            throw new errors_OperationError('the blob stream was closed');
        if (this.index >= this.oids.length)
            return undefined;
        const wanted = this.oids[this.index++];
        const header = await this.line();
        const [oid, type, sizeText] = header.split(' ');
        if (type === 'missing' || oid !== wanted)
            throw new errors_OperationError(type === 'missing'
                ? `blob ${wanted} is not available in the repository (a partial clone missing it?)`
                : `git cat-file answered ${JSON.stringify(header.slice(0, 80))} for ${wanted}`);
        if (type !== 'blob')
            throw new errors_OperationError(`object ${wanted} is a ${type}, not a blob`);
        const size = Number(sizeText);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new errors_OperationError(`git cat-file gave an invalid size for ${wanted}`);
        await this.fill(Math.min(size, this.peek));
        const head = Buffer.from(this.pending.subarray(0, Math.min(size, this.peek)));
        return { oid, size, head, content: this.content(size) };
    }
    async *content(size) {
        let left = size;
        while (left > 0) {
            if (this.pending.length === 0)
                await this.fill(1);
            const part = this.pending.subarray(0, Math.min(left, this.pending.length));
            this.pending = this.pending.subarray(part.length);
            left -= part.length;
            yield part;
        }
        await this.fill(1);
        if (this.pending[0] !== LF)
            throw new errors_OperationError('git cat-file output is out of step');
        this.pending = this.pending.subarray(1);
    }
    async line() {
        for (;;) {
            const eol = this.pending.indexOf(LF);
            if (eol !== -1) {
                const text = this.pending.subarray(0, eol).toString('utf8');
                this.pending = this.pending.subarray(eol + 1);
                return text;
            }
            if (this.pending.length > 4096)
                throw new errors_OperationError('git cat-file sent an overlong header');
            await this.fill(this.pending.length + 1);
        }
    }
    /** Reads until at least `bytes` are pending (joining chunks only for the small peeks and headers). */
    async fill(bytes) {
        while (this.pending.length < bytes) {
            const value = await this.take();
            if (value === undefined) {
                const code = await this.exited;
                throw new errors_OperationError(`git cat-file ended early (exit ${code})${this.stderr ? `: ${this.stderr.trim().split('\n')[0]}` : ''}`);
            }
            this.pending = this.pending.length === 0 ? value : Buffer.concat([this.pending, value]);
        }
    }
    /** Stops the process (also mid-stream, when the layer build is abandoned). */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.child.exitCode === null && this.child.signalCode === null)
            this.child.kill();
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
async function* streamedEntries(repoDir, files, storeHint) {
    const blobs = new BlobStream(repoDir, files.map((f) => f.oid), COMPRESSED_MAGIC_BYTES);
    try {
        for (const f of files) {
            const blob = await blobs.next();
            if (!blob)
                throw new errors_OperationError(`git cat-file ended before ${f.path}`);
            yield {
                path: f.path,
                type: 'file',
                mode: f.mode === '100755' ? 0o755 : 0o644,
                size: blob.size,
                content: () => blob.content,
                ...(blob.size >= MIN_STORED_BYTES && isCompressedFormat(blob.head) ? { hint: storeHint } : {}),
            };
        }
    }
    finally {
        await blobs.close();
    }
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/publish-image/layer-workers.ts
// Package layers built on worker threads. A layer's whole build (its own `git cat-file`, the tar, the deflate with
// its level switches, the CRC and both SHA-256s) runs in a worker (layer-worker.ts), so builds run on all cores and
// this thread is left with the uploads. The worker sends the compressed bytes back as transferred buffers, at most
// a few MB ahead of what the consumer took (credit given back as chunks are read), so a slow upload slows the build
// and memory stays bounded. What comes out is byte for byte what streamLayer gives in this thread: the worker runs
// that same code.






/** Compressed chunks a worker may have sent that the consumer has not read yet (each up to CHUNK_BYTES). */
const CREDIT = 8;
/** The worker joins deflate's 64 KB output into chunks of about this size (fewer messages). */
const CHUNK_BYTES = 256 * 1024;
const YOUNG_GENERATION_MB = 4;
/** The worker script beside this module: layer-worker.ts from source, layer-worker.js beside a bundle. */
function workerScript() {
    const here = fileURLToPath(import.meta.url);
    return join(dirname(here), `layer-worker${extname(here)}`);
}
let shared;
/**
 * The process's layer workers, with room for `size` builds at once: one set for every publish of the process, so
 * that a run publishing several times (the tests; a release, then a channel) starts each worker once.
 */
function layerWorkers(size) {
    shared ??= new LayerWorkers(size);
    shared.grow(size);
    return shared;
}
/**
 * Layer workers, started when first needed and reused for every layer. Each runs one layer at a time; builds beyond
 * `size` wait for a free worker. An idle worker does not keep the process alive.
 */
class LayerWorkers {
    size;
    script;
    slots = [];
    waiting = [];
    nextId = 1;
    closed = false;
    constructor(size = availableParallelism(), script = workerScript()) {
        this.size = size;
        this.script = script;
        this.grow(size);
    }
    /** Room for at least `size` builds at once (a run asking for more layers side by side). */
    grow(size) {
        if (!Number.isInteger(size) || size < 1)
            throw new Error(`invalid number of layer workers: ${size}`);
        this.size = Math.max(this.size, size);
    }
    /** A layer built on a worker, as {@link streamLayer} gives it; destroying the stream stops the build. */
    build(job, o = {}) {
        const id = this.nextId++;
        let slot;
        let requested = false;
        let owed = 0;
        let settle;
        const result = new Promise((resolve, reject) => (settle = { resolve, reject }));
        result.catch(() => undefined);
        const post = (message) => slot?.worker.postMessage(message);
        const fail = (error) => {
            settle?.reject(error);
            settle = undefined;
            if (!stream.destroyed)
                stream.destroy(error);
        };
        const running = {
            id,
            onMessage: (m) => {
                if (m.type === 'data') {
                    if (m.tarBytes > 0)
                        o.onTarBytes?.(m.tarBytes);
                    if (stream.destroyed)
                        return;
                    if (stream.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength)))
                        post({ type: 'credit', id, chunks: 1 });
                    else
                        owed++;
                    return;
                }
                const done = slot;
                slot = undefined;
                if (done)
                    this.release(done);
                if (m.type === 'done') {
                    if (m.tarBytes > 0)
                        o.onTarBytes?.(m.tarBytes);
                    settle?.resolve(m.digests);
                    settle = undefined;
                    if (!stream.destroyed)
                        stream.push(null);
                    return;
                }
                const error = m.operational ? new OperationError(m.message) : new Error(m.message);
                if (!m.operational)
                    error.name = m.name;
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
                    if (this.closed)
                        return fail(new Error('the layer workers were closed'));
                    this.assign(running, (s) => {
                        slot = s;
                        post({ type: 'build', id, ...job });
                    });
                }
                else if (owed > 0) {
                    post({ type: 'credit', id, chunks: owed });
                    owed = 0;
                }
            },
            destroy: (error, callback) => {
                // The consumer gave up (an upload failed, another layer failed): the worker stops reading git, and its
                // slot is free once it has said so. A build still waiting for a worker just leaves the queue.
                if (slot)
                    post({ type: 'stop', id });
                else
                    this.unqueue(running);
                settle?.reject(error ?? new Error('layer stream closed before its end'));
                settle = undefined;
                callback(error);
            },
        });
        return { stream, result };
    }
    /** Stops every worker; builds still running or waiting fail. */
    async close() {
        this.closed = true;
        const slots = this.slots.splice(0);
        const gone = new Error('the layer workers were closed');
        for (const w of this.waiting.splice(0))
            w.job.onCrash(gone);
        for (const s of slots)
            s.job?.onCrash(gone);
        await Promise.all(slots.map((s) => s.worker.terminate()));
    }
    /** Gives `job` a free worker now, a new one while there are fewer than `size`, or the next one freed. */
    assign(job, start) {
        const free = this.slots.find((s) => s.job === undefined) ??
            (this.slots.length < this.size ? this.spawn() : undefined);
        if (!free) {
            this.waiting.push({ job, start });
            return;
        }
        this.occupy(free, job);
        start(free);
    }
    occupy(slot, job) {
        slot.job = job;
        slot.worker.ref();
    }
    unqueue(job) {
        const i = this.waiting.findIndex((w) => w.job === job);
        if (i !== -1)
            this.waiting.splice(i, 1);
    }
    release(slot) {
        slot.job = undefined;
        if (!this.slots.includes(slot))
            return;
        const next = this.waiting.shift();
        if (!next) {
            slot.worker.unref();
            return;
        }
        this.occupy(slot, next.job);
        next.start(slot);
    }
    spawn() {
        // The worker's errors come back as messages; its stdout and stderr stay piped to ours (Node's own warnings):
        // captured and never read, they would fill up and stall the worker (seen: a publish that never ended). A small
        // young generation: nearly everything a build allocates is a short-lived buffer (git's reads, deflate's
        // output), freed sooner by more frequent scavenges (at production scale: peak RSS 298 MB with V8's default,
        // 242 MB with this, same time).
        const worker = new Worker(this.script, {
            resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        });
        const slot = { worker, job: undefined };
        this.slots.push(slot);
        worker.on('message', (m) => {
            if (slot.job?.id === m.id)
                slot.job.onMessage(m);
        });
        const crash = (error) => {
            const i = this.slots.indexOf(slot);
            if (i === -1)
                return;
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
        worker.on('error', (error) => crash(new OperationError(`a layer worker failed: ${error.message}`)));
        worker.on('exit', (code) => {
            if (!this.closed)
                crash(new OperationError(`a layer worker exited (code ${code})`));
        });
        return slot;
    }
}

;// CONCATENATED MODULE: ./src/publish-image/layer-worker.ts
// A layer worker's thread (started by layer-workers.ts): builds one layer at a time with streamLayer, from its own
// `git cat-file`, and sends the compressed bytes to the parent in chunks of about CHUNK_BYTES, never more than
// CREDIT chunks ahead of what the parent has read. A stop ends the build (and git) and frees the worker.





const port = external_node_worker_threads_namespaceObject.parentPort;
if (!port)
    throw new Error('layer-worker.js runs as a worker thread of publish-image');
/** The build running. The parent sends the next one only after this one's last message (done or failed). */
let current;
const send = (message, transfer) => port.postMessage(message, transfer);
port.on('message', (m) => {
    if (m.type === 'build') {
        const { id, repoDir, files, level, storeHint } = m;
        if (current)
            send({ type: 'failed', id, name: 'Error', message: 'layer worker busy', operational: false });
        else
            void build(id, { repoDir, files, level, storeHint });
        return;
    }
    if (current?.id !== m.id)
        return;
    if (m.type === 'credit')
        current.credit += m.chunks;
    else
        current.stop();
    const wake = current.wake;
    current.wake = undefined;
    wake?.();
});
async function build(id, job) {
    let tarBytes = 0;
    const layer = streamLayer(streamedEntries(job.repoDir, job.files, job.storeHint), {
        level: job.level,
        sorted: true,
        storeHint: job.storeHint,
        onTarBytes: (n) => (tarBytes += n),
    });
    const state = {
        id,
        credit: CREDIT,
        stopped: false,
        wake: undefined,
        stop: () => {
            state.stopped = true;
            layer.stream.destroy(new errors_OperationError('stopped'));
        },
    };
    current = state;
    const flush = async (parts, bytes) => {
        while (state.credit === 0 && !state.stopped)
            await new Promise((resolve) => (state.wake = resolve));
        if (state.stopped)
            throw new errors_OperationError('stopped');
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
        let parts = [];
        let bytes = 0;
        for await (const part of layer.stream) {
            parts.push(part);
            bytes += part.length;
            if (bytes < CHUNK_BYTES)
                continue;
            await flush(parts, bytes);
            parts = [];
            bytes = 0;
        }
        if (bytes > 0)
            await flush(parts, bytes);
        const digests = await layer.result;
        send({ type: 'done', id, digests, tarBytes });
    }
    catch (error) {
        layer.stream.destroy();
        await layer.result.catch(() => undefined);
        const e = error instanceof Error ? error : new Error(String(error));
        send({ type: 'failed', id, name: e.name, message: e.message, operational: e instanceof errors_OperationError });
    }
    finally {
        current = undefined;
    }
}


//# sourceMappingURL=layer-worker.js.map
