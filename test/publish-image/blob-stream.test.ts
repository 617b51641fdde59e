// The per-layer `git cat-file --batch` stream: sizes from the answer headers, contents streamed in request order,
// clear errors for what is not a blob, and a process that stops when the layer build is abandoned.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStream } from '../../src/publish-image/blob-stream.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';

let repo: string;
const blobs: Array<{ oid: string; bytes: Buffer }> = [];
let tree: string;

beforeAll(async () => {
  repo = await tempDir('blob-stream');
  await git(['init', '--quiet', repo]);
  // Sizes around the pipe and read-ahead sizes: empty, tiny, 64 KiB +/- 1, several MB.
  for (const size of [0, 1, 11, 65_535, 65_536, 65_537, 5 * 1024 * 1024 + 3]) {
    const bytes = randomBytes(size);
    const oid = (await git(['-C', repo, 'hash-object', '-w', '--stdin'], { input: bytes })).trim();
    blobs.push({ oid, bytes });
  }
  tree = (await git(['-C', repo, 'write-tree'])).trim();
});
afterAll(cleanupTempDirs);

async function readAll(
  stream: BlobStream,
  count: number,
): Promise<Array<{ size: number; head: Buffer; bytes: Buffer }>> {
  const out = [];
  for (let i = 0; i < count; i++) {
    const b = (await stream.next())!;
    const parts: Buffer[] = [];
    for await (const c of b.content) parts.push(c);
    out.push({ size: b.size, head: b.head, bytes: Buffer.concat(parts) });
  }
  return out;
}

describe('BlobStream', () => {
  it('streams every requested blob in order with its size, the same blob twice included', async () => {
    const order = [...blobs, blobs[3]!, blobs[0]!];
    const stream = new BlobStream(
      repo,
      order.map((b) => b.oid),
      12,
    );
    const got = await readAll(stream, order.length);
    expect(await stream.next()).toBeUndefined();
    await stream.close();
    got.forEach((g, i) => {
      expect(g.size).toBe(order[i]!.bytes.length);
      expect(g.bytes.equals(order[i]!.bytes)).toBe(true);
      expect(g.head.equals(order[i]!.bytes.subarray(0, 12))).toBe(true);
    });
  });

  it('names a missing object and an object that is not a blob', async () => {
    const missing = new BlobStream(repo, ['0123456789012345678901234567890123456789']);
    await expect(missing.next()).rejects.toThrow(
      'blob 0123456789012345678901234567890123456789 is not available in the repository',
    );
    await missing.close();
    const notBlob = new BlobStream(repo, [tree]);
    await expect(notBlob.next()).rejects.toThrow(`object ${tree} is a tree, not a blob`);
    await notBlob.close();
    expect(() => new BlobStream(repo, ['HEAD'])).toThrow('not an object id: HEAD');
  });

  it('can be closed half-way through a large blob, ending the git process', async () => {
    const big = blobs.at(-1)!;
    const stream = new BlobStream(repo, [big.oid, big.oid, big.oid]);
    const first = (await stream.next())!;
    const it = first.content[Symbol.asyncIterator]();
    expect((await it.next()).done).toBe(false);
    await stream.close(); // resolves once git has exited
    await expect(stream.next()).rejects.toThrow('the blob stream was closed');
  });
});
