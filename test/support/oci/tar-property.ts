// Property for the tar writer over generated trees, checked with GNU tar (listing + extraction). Free of vitest
// imports so a separate fuzz run can drive it with many more runs:
//   OCI_TAR_FUZZ_RUNS=2000 npx vitest run test/oci/tar.test.ts -t property
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { compareTarEntries, tarChunks, type TarEntry } from '../../../src/oci/tar.js';
import { run } from './exec.js';
import { gnuTarList, walkTree } from './tar-read.js';

const SLASH = 0x2f;

interface GenLeaf {
  components: Buffer[];
  kind: 'file' | 'symlink' | 'dir';
  content: Uint8Array;
  exec: boolean;
  linkname: Buffer;
  /** 0: Buffer content, else stream chunk size. */
  chunking: number;
}

export interface GeneratedTree {
  entries: TarEntry[];
  /** Expected extracted tree, keyed by latin1 path (implicit parents included). */
  expected: Map<
    string,
    { type: 'file' | 'dir' | 'symlink'; mode: number; sha256?: string; linkname?: Buffer }
  >;
  mtime: number;
  shuffleSeed: number;
}

const shortUnit = fc.constantFrom('a', 'b', 'c', 'Z', '0', '-', '_', '.', '~', ' ', '+', 'é', '日', 'ß');
const asciiUnit = fc.constantFrom('a', 'b', 'x', 'y', '-', '_', '.', '0');
const rawByte = fc.integer({ min: 1, max: 255 }).filter((b) => b !== SLASH && b !== 0x3e); // no '/', no '>' (" -> ")

const component: fc.Arbitrary<Buffer> = fc
  .oneof(
    {
      weight: 10,
      arbitrary: fc.string({ unit: shortUnit, minLength: 1, maxLength: 8 }).map((s) => Buffer.from(s)),
    },
    // long names: push past 100 (prefix split) and 255 bytes (PAX) for the whole path, within NAME_MAX
    {
      weight: 1,
      arbitrary: fc.string({ unit: asciiUnit, minLength: 60, maxLength: 200 }).map((s) => Buffer.from(s)),
    },
    // arbitrary bytes, usually not UTF-8
    { weight: 1, arbitrary: fc.array(rawByte, { minLength: 1, maxLength: 6 }).map((b) => Buffer.from(b)) },
  )
  .filter((b) => !b.equals(Buffer.from('.')) && !b.equals(Buffer.from('..')));

const leaf: fc.Arbitrary<GenLeaf> = fc.record({
  components: fc.array(component, { minLength: 1, maxLength: 7 }),
  kind: fc.constantFrom('file', 'file', 'file', 'symlink', 'dir'),
  content: fc.uint8Array({ maxLength: 1500 }),
  exec: fc.boolean(),
  linkname: fc.oneof(
    fc.string({ unit: shortUnit, minLength: 1, maxLength: 20 }).map((s) => Buffer.from(s)),
    fc.string({ unit: asciiUnit, minLength: 101, maxLength: 160 }).map((s) => Buffer.from(`../${s}`)),
  ),
  chunking: fc.constantFrom(0, 1, 7, 512, 4096),
});

const join0 = (parts: Buffer[]): Buffer =>
  Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from('/'), p])));

function streamOf(bytes: Uint8Array, chunk: number): () => Readable {
  return () => {
    const parts: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunk) parts.push(Buffer.from(bytes.subarray(i, i + chunk)));
    return Readable.from(parts, { objectMode: false });
  };
}

export const generatedTree: fc.Arbitrary<GeneratedTree> = fc
  .record({
    leaves: fc.array(leaf, { minLength: 1, maxLength: 30 }),
    mtime: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4_102_444_800 })),
    shuffleSeed: fc.nat(),
  })
  .map(({ leaves, mtime, shuffleSeed }) => {
    const byPath = new Map<string, GenLeaf>();
    for (const l of leaves) byPath.set(join0(l.components).toString('latin1'), l);
    const parents = new Set<string>();
    for (const l of byPath.values()) {
      for (let i = 1; i < l.components.length; i++)
        parents.add(join0(l.components.slice(0, i)).toString('latin1'));
    }
    const entries: TarEntry[] = [];
    const expected: GeneratedTree['expected'] = new Map();
    for (const p of parents) expected.set(p, { type: 'dir', mode: 0o755 });
    for (const [key, l] of byPath) {
      const path = Buffer.from(key, 'latin1');
      const kind = parents.has(key) ? 'dir' : l.kind;
      if (kind === 'dir') {
        entries.push({ path, type: 'dir', mode: 0o700 });
        expected.set(key, { type: 'dir', mode: 0o755 });
      } else if (kind === 'symlink') {
        entries.push({ path, type: 'symlink', linkname: l.linkname });
        expected.set(key, { type: 'symlink', mode: 0o777, linkname: l.linkname });
      } else {
        const content = l.chunking === 0 ? Buffer.from(l.content) : streamOf(l.content, l.chunking);
        entries.push({
          path,
          type: 'file',
          mode: l.exec ? 0o100775 : 0o100664,
          size: l.content.length,
          content,
        });
        const sha256 = createHash('sha256').update(l.content).digest('hex');
        expected.set(key, { type: 'file', mode: l.exec ? 0o755 : 0o644, sha256 });
      }
    }
    return { entries, expected, mtime, shuffleSeed };
  });

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

// Only root restores the archive's owner on extraction.
const asRoot = process.getuid?.() === 0;

function fail(message: string): never {
  throw new Error(message);
}

/** Checks one generated tree; throws on any mismatch. `workDir` must exist. */
export async function checkTarRoundTrip(tree: GeneratedTree, workDir: string): Promise<void> {
  const dir = join(workDir, `run-${tree.shuffleSeed}-${Math.random().toString(36).slice(2)}`);
  await mkdir(dir, { recursive: true });
  try {
    const unsorted = await collect(
      tarChunks(shuffled(tree.entries, tree.shuffleSeed), { mtime: tree.mtime }),
    );
    const presorted = [...tree.entries].sort(compareTarEntries);
    const streamed = await collect(tarChunks(presorted, { mtime: tree.mtime, sorted: true }));
    if (!unsorted.equals(streamed)) fail('sorted-mode and unsorted-mode output differ');

    const file = join(dir, 'out.tar');
    await writeFile(file, unsorted);
    const { entries } = await gnuTarList(file);
    const seenDirs = new Set<string>();
    const time = new Date(tree.mtime * 1000).toISOString().replace('T', ' ').slice(0, 19);
    for (const [i, e] of entries.entries()) {
      const prev = entries[i - 1];
      if (prev && Buffer.compare(prev.name, e.name) >= 0) fail(`not sorted: ${e.name.toString('latin1')}`);
      if (e.uid !== 0 || e.gid !== 0) fail(`uid/gid ${e.uid}/${e.gid}`);
      if (e.mtime !== time) fail(`mtime ${e.mtime} != ${time}`);
      const isDir = e.perms.startsWith('d');
      const path = isDir ? e.name.subarray(0, -1) : e.name;
      const slash = path.lastIndexOf(SLASH);
      if (slash !== -1 && !seenDirs.has(path.subarray(0, slash).toString('latin1'))) {
        fail(`parent missing before ${path.toString('latin1')}`);
      }
      if (isDir) seenDirs.add(path.toString('latin1'));
      const want =
        tree.expected.get(path.toString('latin1')) ?? fail(`unexpected entry ${path.toString('latin1')}`);
      const perms = {
        dir: 'drwxr-xr-x',
        symlink: 'lrwxrwxrwx',
        file: want.mode === 0o755 ? '-rwxr-xr-x' : '-rw-r--r--',
      };
      if (e.perms !== perms[want.type]) fail(`perms ${e.perms} for ${path.toString('latin1')}`);
      if (want.linkname && !want.linkname.equals(e.linkname ?? Buffer.alloc(0))) fail('linkname differs');
    }
    if (entries.length !== tree.expected.size)
      fail(`listed ${entries.length} entries, expected ${tree.expected.size}`);

    const out = join(dir, 'x');
    await mkdir(out);
    await run('tar', ['-xf', file, '-C', out]);
    const got = await walkTree(out);
    for (const [key, want] of tree.expected) {
      const node = got.get(key) ?? fail(`missing after extraction: ${key}`);
      if (node.type !== want.type) fail(`type ${node.type} != ${want.type} for ${key}`);
      if (want.type !== 'symlink' && node.mode !== want.mode)
        fail(`mode ${node.mode.toString(8)} for ${key}`);
      if (want.type !== 'symlink' && node.mtime !== tree.mtime) fail(`mtime ${node.mtime} for ${key}`);
      if (asRoot && (node.uid !== 0 || node.gid !== 0)) fail(`owner ${node.uid}:${node.gid} for ${key}`);
      if (want.sha256 !== undefined && node.sha256 !== want.sha256) fail(`content differs for ${key}`);
      if (want.linkname && !want.linkname.equals(node.linkname ?? Buffer.alloc(0)))
        fail(`link differs for ${key}`);
    }
    if (got.size !== tree.expected.size)
      fail(`extracted ${got.size} entries, expected ${tree.expected.size}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The round-trip property: any generated tree, in any order, extracts to exactly the expected tree. */
export function tarRoundTripProperty(workDir: string): fc.IAsyncPropertyWithHooks<[GeneratedTree]> {
  return fc.asyncProperty(generatedTree, (tree) => checkTarRoundTrip(tree, workDir));
}
