// Throughput of tar + gzip on a generated ~200 MB package tree A benchmark, not a test:
//   npm run bench:oci
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLayer } from '../../src/oci/layer.js';
import { tarChunks, type TarEntry } from '../../src/oci/tar.js';
import { TempDirs } from '../../test/support/oci/exec.js';

const temp = new TempDirs();
afterAll(() => temp.cleanup());

/** ~14k files, ~70% YAML/Markdown-like text and ~30% incompressible bytes (like the package-storage fixture). */
function packageTree(totalBytes: number): TarEntry[] {
  const words = [
    'name',
    'version',
    'title',
    'description',
    'type',
    'integration',
    'format_version',
    'owner',
    'github',
    'elastic',
    'policy_templates',
    'inputs',
    'logs',
    'metrics',
    'streams',
    'vars',
    'required',
    'show_user',
    'default',
  ];
  let seed = 42;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  let text = '';
  while (text.length < 4 * 1024 * 1024) {
    text += `${'  '.repeat(next() % 4)}${words[next() % words.length]}: ${words[next() % words.length]}-${next() % 10_000}\n`;
  }
  const textPool = Buffer.from(text);
  const randomPool = randomBytes(32 * 1024 * 1024);
  const entries: TarEntry[] = [];
  let total = 0;
  for (let i = 0; total < totalBytes; i++) {
    const binary = i % 10 < 3;
    const size = 2_000 + (next() % 25_000);
    const pool = binary ? randomPool : textPool;
    const start = next() % (pool.length - size);
    const pkg = `pkg${i % 400}`;
    const path = binary
      ? `packages/production/${pkg}/1.${i % 9}.0/img/screenshot-${i}.png`
      : `packages/production/${pkg}/1.${i % 9}.0/data_stream/ds${i % 13}/fields/f${i}.yml`;
    entries.push({ path, type: 'file', content: pool.subarray(start, start + size) });
    total += size;
  }
  return entries;
}

describe('throughput', () => {
  it('tar and tar+gzip on ~200 MB', async () => {
    const entries = packageTree(200 * 1024 * 1024);
    const tmpDir = await temp.make('oci-bench-');
    let t = performance.now();
    let tarBytes = 0;
    for await (const c of tarChunks(entries)) tarBytes += c.length;
    const tarSeconds = (performance.now() - t) / 1000;
    const rows = [`${entries.length} files, tar ${(tarBytes / 1e6).toFixed(1)} MB`];
    rows.push(`tar only: ${tarSeconds.toFixed(2)} s = ${(tarBytes / 1e6 / tarSeconds).toFixed(0)} MB/s`);
    for (const level of [1, 6]) {
      t = performance.now();
      const layer = await buildLayer(entries, { level, tmpDir });
      const s = (performance.now() - t) / 1000;
      rows.push(
        `tar+gzip L${level} to file: ${s.toFixed(2)} s = ${(layer.uncompressedSize / 1e6 / s).toFixed(1)} MB/s, ` +
          `${(layer.size / 1e6).toFixed(1)} MB (${(layer.size / layer.uncompressedSize).toFixed(3)})`,
      );
      expect(layer.uncompressedSize).toBe(tarBytes);
      await layer.dispose();
    }
    console.log(rows.join('\n'));
  }, 300_000);
});
