import { createHash, randomBytes } from 'node:crypto';
import { access, readdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLayer, isCompressedFormat, layerRecipe, streamLayer } from '../../src/oci/layer.js';
import type { TarEntry } from '../../src/oci/tar.js';
import { run, TempDirs } from '../support/oci/exec.js';

const temp = new TempDirs();
let tmpDir: string;
beforeAll(async () => {
  tmpDir = await temp.make('oci-layer-');
});
afterAll(() => temp.cleanup());

const sha = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function text(i: number): Buffer {
  return Buffer.from(`name: pkg${i}\nversion: 1.${i}.0\ndescription: package number ${i}\n`.repeat(40));
}

function tree(order: 'forward' | 'reverse' = 'forward', chunk = 0): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let i = 0; i < 60; i++) {
    const bytes = text(i);
    const content =
      chunk === 0
        ? bytes
        : () =>
            Readable.from(
              Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, j) =>
                bytes.subarray(j * chunk, (j + 1) * chunk),
              ),
            );
    entries.push({
      path: `packages/pkg${i % 7}/1.${i}.0/manifest.yml`,
      type: 'file',
      size: bytes.length,
      content,
    });
  }
  entries.push({ path: 'packages/pkg0/img.png', type: 'file', content: Buffer.alloc(300_000, 0xab) });
  return order === 'reverse' ? entries.reverse() : entries;
}

describe('layer builder', () => {
  it('hashes tar (diff_id) and gzip (digest) in one pass; independent gunzip agrees', async () => {
    const layer = await buildLayer(tree(), { tmpDir });
    expect(layer.bytes).toBeDefined();
    expect(layer.path).toBeUndefined();
    const gz = await readAll(layer.open());
    expect(gz.length).toBe(layer.size);
    expect(sha(gz)).toBe(layer.digest);
    // gzip header: magic, deflate, no flags (no FNAME), MTIME 0, XFL 4 (fastest, level 1), OS 3
    expect(gz.subarray(0, 10).toString('hex')).toBe('1f8b0800000000000403');
    const tar = (await run('gzip', ['-dc'], { input: gz })).stdout;
    expect(tar.length).toBe(layer.uncompressedSize);
    expect(sha(tar)).toBe(layer.diffId);
    expect(layer.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
    expect(layer.descriptor({ a: 'b' })).toEqual({
      mediaType: layer.mediaType,
      digest: layer.digest,
      size: layer.size,
      annotations: { a: 'b' },
    });
    expect(layer.descriptor()).not.toHaveProperty('annotations');
  });

  it('is deterministic across input order and chunking, and in memory vs on disk', async () => {
    const a = await buildLayer(tree('forward'), { tmpDir });
    const b = await buildLayer(tree('reverse', 997), { tmpDir, memoryThreshold: 0 });
    const c = await buildLayer(tree('reverse', 64 * 1024 + 3), { tmpDir, memoryThreshold: 10_000 });
    for (const l of [b, c]) {
      expect([l.diffId, l.digest, l.size, l.uncompressedSize]).toEqual([
        a.diffId,
        a.digest,
        a.size,
        a.uncompressedSize,
      ]);
    }
    expect(b.path).toMatch(/layer-[0-9a-f]{16}\.tar\.gz$/);
    expect((await readAll(b.open())).equals(a.bytes ?? Buffer.alloc(0))).toBe(true);
    expect((await readAll(b.open())).length).toBe(a.size); // open() can be called again
    await b.dispose();
    await c.dispose();
    await expect(access(b.path ?? '')).rejects.toThrow();
    const level6 = await buildLayer(tree(), { tmpDir, level: 6 });
    expect(level6.diffId).toBe(a.diffId);
    expect(level6.digest).not.toBe(a.digest);
  });

  it('removes its temp file when the tar stream fails', async () => {
    const dir = await temp.make('oci-layer-fail-');
    const failing: TarEntry[] = [
      { path: 'big', type: 'file', content: Buffer.alloc(2_000_000, 1) },
      {
        path: 'broken',
        type: 'file',
        size: 10,
        content: () =>
          Readable.from(
            (async function* () {
              yield Buffer.alloc(5);
              await Promise.resolve();
              throw new Error('disk on fire');
            })(),
          ),
      },
    ];
    await expect(buildLayer(failing, { tmpDir: dir, memoryThreshold: 0 })).rejects.toThrow('disk on fire');
    expect(await readdir(dir)).toEqual([]);
  });

  it('stores already-compressed content instead of deflating it, changing the gzip bytes but not the tar', async () => {
    // A PNG-like file (incompressible after its signature) between texts: hinted, it is stored.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(400_000)]);
    const entries = (hint?: string): TarEntry[] => [
      { path: 'a/manifest.yml', type: 'file', content: text(1) },
      { path: 'a/img/shot.png', type: 'file', content: png, ...(hint ? { hint } : {}) },
      { path: 'a/zz.yml', type: 'file', content: text(2) },
    ];
    const plain = await buildLayer(entries(), { tmpDir, storeHint: 'stored' });
    const stored = await buildLayer(entries('stored'), { tmpDir, storeHint: 'stored' });
    const again = await buildLayer(entries('stored'), { tmpDir, storeHint: 'stored' });
    expect(stored.diffId).toBe(plain.diffId);
    expect(stored.digest).not.toBe(plain.digest);
    expect([again.digest, again.size]).toEqual([stored.digest, stored.size]);
    const gz = await readAll(stored.open());
    // Valid gzip for gzip itself and for GNU tar, with the exact tar inside.
    await run('gzip', ['-t'], { input: gz });
    const tar = (await run('gzip', ['-dc'], { input: gz })).stdout;
    expect(sha(tar)).toBe(stored.diffId);
    expect((await run('tar', ['-tzvf', '-'], { input: gz })).stdout.toString()).toContain('a/img/shot.png');
    // The PNG bytes appear verbatim in the blob: stored deflate blocks. Deflating them saves nothing anyway.
    expect(gz.includes(png.subarray(1000, 1100))).toBe(true);
    expect(stored.size).toBeLessThanOrEqual(plain.size + 20);
  });

  it('streams the same bytes it keeps, with the digests known at the end', async () => {
    const kept = await buildLayer(tree(), { tmpDir });
    const { stream, result } = streamLayer(tree(), {});
    const bytes = await readAll(stream);
    const digests = await result;
    expect(digests).toEqual({
      diffId: kept.diffId,
      digest: kept.digest,
      size: kept.size,
      uncompressedSize: kept.uncompressedSize,
      mediaType: kept.mediaType,
    });
    expect(sha(bytes)).toBe(kept.digest);
  });

  it('stops reading its sources when the consumer goes away', async () => {
    let pulled = 0;
    const endless = (async function* () {
      for (let i = 0; ; i++) {
        await Promise.resolve();
        pulled++;
        yield {
          path: `f/${String(i).padStart(9, '0')}`,
          type: 'file' as const,
          content: randomBytes(64 * 1024),
        };
      }
    })();
    const { stream, result } = streamLayer(endless, { sorted: true });
    for await (const chunk of stream) {
      void chunk;
      stream.destroy();
      break;
    }
    await expect(result).rejects.toThrow(/closed before its end/);
    const after = pulled;
    await new Promise((r) => setTimeout(r, 50));
    expect(pulled).toBe(after);
  });

  it.each([
    ['89504e470d0a1a0a0000000d', true],
    ['ffd8ffe000104a4649460001', true],
    ['474946383961', true],
    ['52494646aaaaaaaa57454250', true],
    ['504b0304', true],
    ['1f8b08', true],
    ['28b52ffd', true],
    ['fd377a585a00', true],
    ['425a6839', true],
    ['377abcaf271c', true],
    ['774f4632', true],
    ['6e616d653a206e67696e78', false], // "name: nginx"
    ['7b226b223a317d', false], // {"k":1}
    ['89504e47', false], // a truncated PNG signature
  ])('%s is already compressed: %s', (head, expected) => {
    expect(isCompressedFormat(Buffer.from(head, 'hex'))).toBe(expected);
  });

  it('describes its recipe for layer reuse', () => {
    expect(layerRecipe()).toBe('tar=1;mtime=0');
    expect(layerRecipe({ mtime: 1_700_000_000, extra: 'dest=/packages/production' })).toBe(
      'tar=1;mtime=1700000000;dest=/packages/production',
    );
  });
});
