import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareTarEntries,
  createTarStream,
  tarChunks,
  tarSegments,
  TarError,
  type TarEntry,
  type TarOptions,
} from '../../src/oci/tar.js';
import { run, TempDirs } from '../support/oci/exec.js';
import { gnuTarList, walkTree, type ListedEntry } from '../support/oci/tar-read.js';
import { tarRoundTripProperty } from '../support/oci/tar-property.js';

const temp = new TempDirs();
let work: string;
beforeAll(async () => {
  work = await temp.make('oci-tar-');
});
afterAll(() => temp.cleanup());

async function tarBytes(
  entries: Iterable<TarEntry> | AsyncIterable<TarEntry>,
  options?: TarOptions,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of tarChunks(entries, options)) parts.push(c);
  return Buffer.concat(parts);
}

let n = 0;
async function writeTar(entries: Iterable<TarEntry>, options?: TarOptions): Promise<string> {
  const file = join(work, `t${n++}.tar`);
  await writeFile(file, await tarBytes(entries, options));
  return file;
}

async function extract(file: string): Promise<string> {
  const dir = join(work, `x${n++}`);
  await mkdir(dir);
  await run('tar', ['-xf', file, '-C', dir]);
  return dir;
}

const names = (entries: ListedEntry[]): string[] => entries.map((e) => e.name.toString('utf8'));
const long = (c: string, len: number): string => c.repeat(len);

describe('tar writer: GNU tar read-back', () => {
  it('writes sorted entries with implied parents, fixed owner, mtime and modes', async () => {
    const file = await writeTar(
      [
        {
          path: 'packages/nginx/1.0.0/manifest.yml',
          type: 'file',
          content: Buffer.from('name: nginx\n'),
          mode: 0o100664,
        },
        {
          path: 'packages/nginx/1.0.0/bin/run.sh',
          type: 'file',
          content: Buffer.from('#!/bin/sh\n'),
          mode: 0o100775,
        },
        { path: 'packages/nginx-ext/x', type: 'file', content: Buffer.from('x') },
        { path: 'packages/nginx/1.0.0/docs/README.md', type: 'symlink', linkname: '../manifest.yml' },
        { path: 'packages/empty.txt', type: 'file' },
        { path: 'packages/emptydir', type: 'dir', mode: 0o700 },
      ],
      { mtime: 1_664_625_600 },
    );
    const { entries, stderr } = await gnuTarList(file);
    expect(stderr).toBe('');
    expect(names(entries)).toEqual([
      'packages/',
      'packages/empty.txt',
      'packages/emptydir/',
      'packages/nginx-ext/',
      'packages/nginx-ext/x',
      'packages/nginx/',
      'packages/nginx/1.0.0/',
      'packages/nginx/1.0.0/bin/',
      'packages/nginx/1.0.0/bin/run.sh',
      'packages/nginx/1.0.0/docs/',
      'packages/nginx/1.0.0/docs/README.md',
      'packages/nginx/1.0.0/manifest.yml',
    ]);
    for (const e of entries) {
      expect([e.uid, e.gid, e.mtime]).toEqual([0, 0, '2022-10-01 12:00:00']);
    }
    const byName = new Map(entries.map((e) => [e.name.toString('utf8'), e]));
    expect(byName.get('packages/emptydir/')?.perms).toBe('drwxr-xr-x');
    expect(byName.get('packages/nginx/1.0.0/bin/run.sh')?.perms).toBe('-rwxr-xr-x');
    expect(byName.get('packages/nginx/1.0.0/manifest.yml')?.perms).toBe('-rw-r--r--');
    expect(byName.get('packages/empty.txt')?.size).toBe(0);
    const link = byName.get('packages/nginx/1.0.0/docs/README.md');
    expect([link?.perms, link?.linkname?.toString()]).toEqual(['lrwxrwxrwx', '../manifest.yml']);

    const tree = await walkTree(await extract(file));
    expect(tree.get('packages/nginx/1.0.0/docs/README.md')?.linkname?.toString()).toBe('../manifest.yml');
    expect(tree.get('packages/nginx/1.0.0/bin/run.sh')?.mode).toBe(0o755);
    expect(tree.get('packages/nginx')?.mtime).toBe(1_664_625_600);
  });

  it('sorts by tar name bytes, like git: "a-b" < "a/" < "a/b" < "a0"', async () => {
    const file = await writeTar([
      { path: 'a0', type: 'file' },
      { path: 'a/b', type: 'file' },
      { path: 'a-b', type: 'file' },
      { path: 'B', type: 'file' },
      { path: 'é', type: 'file' },
    ]);
    expect(names((await gnuTarList(file)).entries)).toEqual(['B', 'a-b', 'a/', 'a/b', 'a0', 'é']);
  });

  it('handles long names (prefix split > 100, PAX > 255), deep nesting, UTF-8 and non-UTF-8 names', async () => {
    const split = `packages/${long('d', 90)}/${long('f', 99)}`; // 199 bytes: USTAR prefix + name
    const pax = `packages/${long('a', 120)}/${long('b', 120)}/${long('c', 30)}.yml`; // > 255: PAX path
    const deep = Array.from({ length: 120 }, (_, i) => `l${i}`).join('/') + '/leaf.txt';
    const utf8 = 'packages/ünïcødé/日本語/файл.md';
    const raw = Buffer.concat([
      Buffer.from('packages/raw-'),
      Buffer.from([0xff, 0xc3, 0x28]),
      Buffer.from('.bin'),
    ]);
    const rawLong = Buffer.concat([
      Buffer.from(`packages/${long('r', 150)}/`),
      Buffer.from([0xfe, 0xed]),
      Buffer.from(long('s', 120)),
    ]);
    const longLink = `../${long('t', 150)}`;
    const entries: TarEntry[] = [
      { path: split, type: 'file', content: Buffer.from('split') },
      { path: pax, type: 'file', content: Buffer.from('pax') },
      { path: deep, type: 'file', content: Buffer.from('deep') },
      { path: utf8, type: 'file', content: Buffer.from('utf8') },
      { path: raw, type: 'file', content: Buffer.from('raw') },
      { path: rawLong, type: 'file', content: Buffer.from('raw long') },
      { path: 'packages/longlink', type: 'symlink', linkname: longLink },
      { path: 'packages/utf8link', type: 'symlink', linkname: 'ünïcødé' },
    ];
    const file = await writeTar(entries);
    const { entries: listed, stderr } = await gnuTarList(file);
    // hdrcharset=BINARY (only on the too-long non-UTF-8 name) is unknown to GNU tar 1.34: a warning, bytes kept.
    expect(stderr.trim().split('\n')).toEqual(["tar: Ignoring unknown extended header keyword 'hdrcharset'"]);
    const listedNames = listed.map((e) => e.name.toString('latin1'));
    for (const p of [split, pax, deep, utf8])
      expect(listedNames).toContain(Buffer.from(p).toString('latin1'));
    expect(listedNames).toContain(raw.toString('latin1'));
    expect(listedNames).toContain(rawLong.toString('latin1'));
    expect(listed.find((e) => e.name.toString() === 'packages/longlink')?.linkname?.toString()).toBe(
      longLink,
    );

    const tree = await walkTree(await extract(file));
    expect(tree.get(Buffer.from(pax).toString('latin1'))?.size).toBe(3);
    expect(tree.get(Buffer.from(deep).toString('latin1'))?.size).toBe(4);
    expect(tree.get(Buffer.from(utf8).toString('latin1'))?.type).toBe('file');
    expect(tree.get(raw.toString('latin1'))?.size).toBe(3);
    expect(tree.get(rawLong.toString('latin1'))?.size).toBe(8);
    expect(tree.get('packages/utf8link')?.linkname?.toString()).toBe('ünïcødé');
    expect([...tree.keys()].filter((k) => k.includes('PaxHeader'))).toEqual([]);

    // the header bytes: the PAX header carries only path/linkpath (never atime/ctime/mtime)
    const bytes = await readFile(file);
    expect(bytes.includes('atime=')).toBe(false);
    expect(bytes.includes('ctime=')).toBe(false);
    expect(bytes.includes('mtime=')).toBe(false);
    expect(bytes.includes('././@PaxHeader')).toBe(true);
  });

  it("rejects non-UTF-8 names with nonUtf8Names: 'reject'", async () => {
    const raw = Buffer.from([0x61, 0xff]);
    await expect(tarBytes([{ path: raw, type: 'file' }], { nonUtf8Names: 'reject' })).rejects.toMatchObject({
      code: 'EUTF8',
      message: 'name is not valid UTF-8: "a\\xff"',
    });
    await expect(
      tarBytes([{ path: 'ok', type: 'file' }], { nonUtf8Names: 'reject' }),
    ).resolves.toBeInstanceOf(Buffer);
  });

  it('streams a 50 MB file without buffering it, in odd-sized chunks', async () => {
    const size = 50 * 1024 * 1024 + 123;
    const expected = createHash('sha256');
    let produced = 0;
    let maxAhead = 0;
    let consumed = 0;
    function* chunks(): Generator<Buffer> {
      const block = Buffer.alloc(65_521);
      for (let i = 0; produced < size; i++) {
        block.fill(i % 251);
        const piece = Buffer.from(block.subarray(0, Math.min(block.length - (i % 7), size - produced)));
        produced += piece.length;
        maxAhead = Math.max(maxAhead, produced - consumed);
        expected.update(piece);
        yield piece;
      }
    }
    const file = join(work, 'big.tar');
    await pipeline(
      createTarStream([
        {
          path: 'packages/big.bin',
          type: 'file',
          size,
          content: () => Readable.from(chunks(), { objectMode: false }),
        },
        { path: 'packages/after.txt', type: 'file', content: Buffer.from('after') },
      ]),
      async function* count(source: AsyncIterable<Buffer>) {
        for await (const c of source) {
          consumed += c.length;
          yield c;
        }
      },
      createWriteStream(file),
    );
    // lazily pulled: never more than a few chunks ahead of the consumer
    expect(maxAhead).toBeLessThan(4 * 1024 * 1024);
    const dir = await extract(file);
    const got = createHash('sha256');
    for await (const c of createReadStream(join(dir, 'packages/big.bin'))) got.update(c as Buffer);
    expect(got.digest('hex')).toBe(expected.digest('hex'));
    expect(await readFile(join(dir, 'packages/after.txt'), 'utf8')).toBe('after');
  });

  it('property: generated trees round-trip through GNU tar (sorted, parents first, same content)', async () => {
    const numRuns = Number(process.env.OCI_TAR_FUZZ_RUNS ?? 30);
    await fc.assert(tarRoundTripProperty(work), { numRuns });
  });
});

describe('tar writer: determinism', () => {
  const tree = (): TarEntry[] => [
    { path: 'p/a.yml', type: 'file', content: Buffer.from('a: 1\n'.repeat(1000)) },
    { path: 'p/b/c.png', type: 'file', content: Buffer.alloc(70_000, 7), mode: 0o755 },
    { path: 'p/b/link', type: 'symlink', linkname: 'c.png' },
  ];
  const chunked = (entries: TarEntry[], size: number): TarEntry[] =>
    entries.map((e) => {
      if (!(e.content instanceof Uint8Array)) return e;
      const bytes = Buffer.from(e.content);
      return {
        ...e,
        size: bytes.length,
        content: () =>
          Readable.from(
            Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
              bytes.subarray(i * size, (i + 1) * size),
            ),
          ),
      };
    });

  it('gives identical bytes for any input order and any input chunking', async () => {
    const reference = await tarBytes(tree());
    expect(await tarBytes(tree().reverse())).toEqual(reference);
    expect(await tarBytes(chunked(tree(), 61))).toEqual(reference);
    expect(await tarBytes(chunked(tree().reverse(), 4093))).toEqual(reference);
    expect(await tarBytes([...tree()].sort(compareTarEntries), { sorted: true })).toEqual(reference);
    expect(reference.length % 512).toBe(0);
    expect(reference.subarray(-1024).equals(Buffer.alloc(1024))).toBe(true);
  });

  it('pulls sorted input lazily (entries are not collected first)', async () => {
    let produced = 0;
    async function* entries(): AsyncGenerator<TarEntry> {
      for (let i = 0; i < 1000; i++) {
        produced++;
        await Promise.resolve();
        yield {
          path: `d/f${String(i).padStart(4, '0')}`,
          type: 'file',
          content: Buffer.alloc(1000, i % 256),
        };
      }
    }
    const it = tarChunks(entries(), { sorted: true });
    await it.next();
    expect(produced).toBeLessThan(200);
    await it.return();
  });

  it('two tar streams consumed in turns do not disturb each other', async () => {
    const options = { chunkSize: 512 };
    const [a, b] = [tarChunks(tree(), options), tarChunks(chunked(tree(), 100), { ...options, mtime: 5 })];
    const parts: [Buffer[], Buffer[]] = [[], []];
    for (let done = [false, false]; !done[0] || !done[1];) {
      for (const [i, gen] of [a, b].entries()) {
        if (done[i]) continue;
        const r = await gen.next();
        if (r.done) done[i] = true;
        else parts[i as 0 | 1].push(r.value);
      }
    }
    expect(Buffer.concat(parts[0])).toEqual(await tarBytes(tree()));
    expect(Buffer.concat(parts[1])).toEqual(await tarBytes(tree(), { mtime: 5 }));
  });

  it('emits fixed-size chunks whatever the input chunking', async () => {
    const sizes: number[] = [];
    for await (const c of tarChunks(chunked(tree(), 333), { chunkSize: 4096 })) sizes.push(c.length);
    expect(sizes.slice(0, -1).every((s) => s === 4096)).toBe(true);
  });

  it('only changes the mtime fields for another epoch', async () => {
    const a = await tarBytes(tree(), { mtime: 0 });
    const b = await tarBytes(tree(), { mtime: 1_700_000_000 });
    expect(a.length).toBe(b.length);
    expect(a.equals(b)).toBe(false);
  });
});

describe('tar writer: errors', () => {
  const expectTarError = async (entries: TarEntry[], code: string, message: RegExp, options?: TarOptions) => {
    const err: unknown = await tarBytes(entries, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TarError);
    expect((err as TarError).code).toBe(code);
    expect((err as TarError).message).toMatch(message);
  };

  it('fails clearly on unsorted input in sorted mode', async () => {
    await expectTarError(
      [
        { path: 'b', type: 'file' },
        { path: 'a', type: 'file' },
      ],
      'ENOTSORTED',
      /not in order: entry "a" after "b"/,
      { sorted: true },
    );
    // a directory listed after its children
    await expectTarError(
      [
        { path: 'a/b', type: 'file' },
        { path: 'a', type: 'dir' },
      ],
      'ENOTSORTED',
      /entry "a\/" after "a\/b"/,
      { sorted: true },
    );
  });

  it('rejects duplicates, file parents and bad paths', async () => {
    await expectTarError(
      [
        { path: 'a', type: 'file' },
        { path: 'a', type: 'dir' },
      ],
      'EDUPLICATE',
      /duplicate path "a"/,
    );
    await expectTarError(
      [
        { path: 'a', type: 'file' },
        { path: 'a/b', type: 'file' },
      ],
      'ENOTDIR',
      /parent "a" of "a\/b" is a file/,
    );
    for (const bad of ['/etc/passwd', 'a/../b', './a', 'a//b', '', 'a/.', 'nul\u0000x']) {
      await expectTarError([{ path: bad, type: 'file' }], 'EPATH', /path/);
    }
    await expectTarError([{ path: 'x\ud800', type: 'file' }], 'EPATH', /lone UTF-16 surrogate/);
  });

  it('checks sizes of streamed content', async () => {
    const stream = (len: number) => () => Readable.from([Buffer.alloc(len)]);
    await expectTarError([{ path: 'f', type: 'file', content: stream(10) }], 'ESIZE', /needs a size/);
    await expectTarError(
      [{ path: 'f', type: 'file', size: 5, content: stream(10) }],
      'ESIZE',
      /longer than its size 5/,
    );
    await expectTarError(
      [{ path: 'f', type: 'file', size: 15, content: stream(10) }],
      'ESIZE',
      /has 10 bytes, size says 15/,
    );
    await expectTarError(
      [{ path: 'f', type: 'file', size: 2, content: Buffer.from('abc') }],
      'ESIZE',
      /differs/,
    );
    await expectTarError([{ path: 'l', type: 'symlink' }], 'EENTRY', /without linkname/);
    await expectTarError([{ path: 'd', type: 'dir', content: Buffer.from('x') }], 'EENTRY', /with content/);
  });
});

describe('tar segments', () => {
  const entries = (hint?: string): TarEntry[] => [
    { path: 'p/a.yml', type: 'file', content: Buffer.alloc(70_000, 0x61) },
    { path: 'p/b.png', type: 'file', content: Buffer.alloc(150_000, 0x62), ...(hint ? { hint } : {}) },
    { path: 'p/c.yml', type: 'file', content: Buffer.alloc(10, 0x63) },
    { path: 'p/empty.png', type: 'file', content: Buffer.alloc(0), ...(hint ? { hint } : {}) },
  ];

  it('are the tar chunks when no entry has a hint', async () => {
    const chunks: Buffer[] = [];
    for await (const c of tarChunks(entries())) chunks.push(c);
    const segments: Buffer[] = [];
    for await (const s of tarSegments(entries())) {
      expect(s.hint).toBeUndefined();
      segments.push(s.chunk);
    }
    expect(segments.map((c) => c.length)).toEqual(chunks.map((c) => c.length));
    expect(Buffer.concat(segments).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("give a hinted entry's content in segments of its own, and the same bytes", async () => {
    const plain: Buffer[] = [];
    for await (const c of tarChunks(entries())) plain.push(c);
    const hinted: Array<{ chunk: Buffer; hint?: string }> = [];
    for await (const s of tarSegments(entries('stored'))) hinted.push(s);
    expect(Buffer.concat(hinted.map((s) => s.chunk)).equals(Buffer.concat(plain))).toBe(true);
    const content = hinted.filter((s) => s.hint === 'stored');
    // Exactly b.png's bytes (the empty file has no content to label), in chunks of at most 64 KiB.
    expect(Buffer.concat(content.map((s) => s.chunk)).equals(Buffer.alloc(150_000, 0x62))).toBe(true);
    expect(content.map((s) => s.chunk.length)).toEqual([65_536, 65_536, 18_928]);
  });
});
