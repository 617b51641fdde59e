// Package layers built on worker threads: byte for byte the layer built in this thread (stored and deflated
// segments, executables, empty and multi-MB files), never more than the credit ahead of a consumer that does not
// read, stopped mid-stream without leaving git running (and the worker reusable), git's and the worker's own
// failures as clear errors in this thread.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../../src/core/errors.js';
import { streamLayer } from '../../src/oci/layer.js';
import { streamedEntries } from '../../src/publish-image/blob-stream.js';
import { sortForTar, type FileRef } from '../../src/publish-image/content.js';
import { CHUNK_BYTES, CREDIT, LayerWorkers, type LayerJob } from '../../src/publish-image/layer-workers.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const HINT = 'compressed';
let repo: string;
let files: FileRef[];
let big: FileRef[];

async function blob(bytes: Buffer): Promise<string> {
  return (await git(['-C', repo, 'hash-object', '-w', '--stdin'], { input: bytes })).trim();
}

function text(lines: number, seed: string): Buffer {
  return Buffer.from(
    Array.from({ length: lines }, (_, i) => `- name: ${seed}_${i}\n  type: keyword\n`).join(''),
  );
}

beforeAll(async () => {
  repo = await tempDir('layer-workers');
  await git(['init', '--quiet', repo]);
  const contents: Array<[string, string, Buffer]> = [
    ['packages/production/a/1.0.0/manifest.yml', '100755', text(20, 'a')],
    ['packages/production/a/1.0.0/empty', '100644', Buffer.alloc(0)],
    ['packages/production/a/1.0.0/img/shot.png', '100755', Buffer.concat([PNG, randomBytes(300_000)])],
    ['packages/production/a/1.0.0/img/tiny.png', '100644', Buffer.concat([PNG, randomBytes(100)])],
    ['packages/production/b/2.0.0/fields.yml', '100755', text(60_000, 'b')],
    ['packages/production/b/2.0.0/noise.bin', '100644', randomBytes(2_000_000)],
    [
      'packages/production/b/2.0.0/zz.zip',
      '100755',
      Buffer.concat([Buffer.from('504b0304', 'hex'), randomBytes(3_000_000)]),
    ],
  ];
  const refs: FileRef[] = [];
  for (const [path, mode, bytes] of contents) refs.push({ path, mode, oid: await blob(bytes) });
  files = sortForTar(refs);
  // Far more compressed bytes than the credit lets a worker send ahead.
  big = [
    {
      path: 'packages/production/c/1.0.0/big.png',
      mode: '100644',
      oid: await blob(Buffer.concat([PNG, randomBytes(24 << 20)])),
    },
  ];
});
afterAll(cleanupTempDirs);

const job = (f: readonly FileRef[]): LayerJob => ({ repoDir: repo, files: f, level: 1, storeHint: HINT });

async function drain(stream: Readable): Promise<{ sha: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha: `sha256:${hash.digest('hex')}`, size };
}

/** `git cat-file` processes this test process started (the workers' ones included: they are its children). */
function catFiles(): number {
  const out = execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('cat-file')).length;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('LayerWorkers', () => {
  it('builds byte for byte the layer this thread builds, and its digests', async () => {
    const here = streamLayer(streamedEntries(repo, files, HINT), { level: 1, sorted: true, storeHint: HINT });
    const local = await drain(here.stream);
    const expected = await here.result;
    const workers = new LayerWorkers(2);
    try {
      let tarBytes = 0;
      const there = workers.build(job(files), { onTarBytes: (n) => (tarBytes += n) });
      const remote = await drain(there.stream);
      const digests = await there.result;
      expect(digests).toEqual(expected);
      expect(remote).toEqual({ sha: expected.digest, size: expected.size });
      expect(local).toEqual(remote);
      expect(tarBytes).toBe(expected.uncompressedSize);
      // Layers side by side on the two workers, and again on the same workers.
      const twice = await Promise.all([0, 1, 2].map(() => drain(workers.build(job(files)).stream)));
      expect(twice).toEqual([remote, remote, remote]);
    } finally {
      await workers.close();
    }
  });

  it.each(['dist/cli/layer-worker.js', 'actions/publish-image/dist/layer-worker.js'])(
    'the committed worker %s builds the same bytes',
    async (script) => {
      const here = streamLayer(streamedEntries(repo, files, HINT), {
        level: 1,
        sorted: true,
        storeHint: HINT,
      });
      await drain(here.stream);
      const workers = new LayerWorkers(1, fileURLToPath(new URL(`../../${script}`, import.meta.url)));
      try {
        const there = workers.build(job(files));
        await drain(there.stream);
        expect(await there.result).toEqual(await here.result);
      } finally {
        await workers.close();
      }
    },
  );

  it('sends no more than its credit ahead of a consumer that does not read', async () => {
    const workers = new LayerWorkers(1);
    try {
      let tarBytes = 0;
      const { stream, result } = workers.build(job(big), { onTarBytes: (n) => (tarBytes += n) });
      stream.pause();
      stream.resume();
      stream.pause();
      // Once the worker has filled its credit, nothing more arrives however long the consumer waits.
      let last = -1;
      let steady = 0;
      for (let i = 0; i < 400 && steady < 8; i++) {
        await new Promise((r) => setTimeout(r, 25));
        steady = stream.readableLength === last && last > 0 ? steady + 1 : 0;
        last = stream.readableLength;
      }
      expect(stream.readableLength).toBeGreaterThan(0);
      expect(stream.readableLength).toBeLessThanOrEqual((CREDIT + 1) * CHUNK_BYTES + 65_536);
      // What the worker read from git is bounded by the same credit (plus the pipes' and deflate's buffers).
      expect(tarBytes).toBeLessThan(8 << 20);
      stream.resume();
      const got = await drain(stream);
      const digests = await result;
      expect(got).toEqual({ sha: digests.digest, size: digests.size });
    } finally {
      await workers.close();
    }
  });

  it('stops a build mid-stream: git ends, the result fails, and the worker builds the next layer', async () => {
    const workers = new LayerWorkers(1);
    try {
      const first = workers.build(job(big));
      await new Promise<void>((resolve) => first.stream.once('data', () => resolve()));
      first.stream.on('error', () => undefined);
      first.stream.destroy(new Error('upload failed'));
      await expect(first.result).rejects.toThrow('upload failed');
      const next = workers.build(job(files));
      const got = await drain(next.stream);
      expect(got.sha).toBe((await next.result).digest);
      await until(() => catFiles() === 0);
      expect(catFiles()).toBe(0);
    } finally {
      await workers.close();
    }
  });

  it("passes git's failure on as an OperationError naming the blob", async () => {
    const workers = new LayerWorkers(1);
    try {
      const missing = '0123456789012345678901234567890123456789';
      const { stream, result } = workers.build(
        job([...files, { path: 'packages/production/x/1.0.0/gone', mode: '100644', oid: missing }]),
      );
      const read = drain(stream);
      await expect(read).rejects.toBeInstanceOf(OperationError);
      await expect(result).rejects.toThrow(`blob ${missing} is not available in the repository`);
    } finally {
      await workers.close();
    }
  });

  it('fails every build clearly when the worker cannot start, and never hangs', async () => {
    const workers = new LayerWorkers(1, join(repo, 'no-such-worker.js'));
    try {
      const builds = [workers.build(job(files)), workers.build(job(files))];
      for (const b of builds) {
        await expect(drain(b.stream)).rejects.toThrow(/a layer worker (failed|exited)/);
        await expect(b.result).rejects.toBeInstanceOf(OperationError);
      }
    } finally {
      await workers.close();
    }
  });

  it('fails builds still running when closed', async () => {
    const workers = new LayerWorkers(1);
    const { stream, result } = workers.build(job(big));
    const failed = new Promise<Error>((resolve) => stream.once('error', resolve));
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    await workers.close();
    expect((await failed).message).toBe('the layer workers were closed');
    await expect(result).rejects.toThrow('the layer workers were closed');
    expect(stream.destroyed).toBe(true);
    await until(() => catFiles() === 0);
    expect(catFiles()).toBe(0);
  });
});
