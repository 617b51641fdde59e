// bench/validate/objects: the object reader answers queued requests in linear time. A change of 100,000 files
// queues one size request per file at once; answering n queued requests once cost O(n²) (Array#shift). The same
// 200,000 answers in one batch and in 20 batches of 10,000 must cost about the same.
import { afterAll, expect, it } from 'vitest';
import { ObjectReader } from '../../src/git/objects.js';
import { cleanupTempDirs } from '../../test/support/git.js';
import { StorageOrigin } from '../../test/support/storage-origin.js';
import { table } from '../util.js';

afterAll(cleanupTempDirs);

it('object reader: 200,000 queued requests in one batch vs 20 batches of 10,000', async () => {
  const origin = await StorageOrigin.create({ branches: { snapshot: [] } });
  const reader = new ObjectReader(origin.bare);
  const oid = (await reader.info('main'))!.oid;
  const time = async (n: number): Promise<number> => {
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, () => reader.info(oid)));
    return performance.now() - started;
  };
  try {
    await time(1_000);
    let batches = 0;
    for (let i = 0; i < 20; i++) batches += await time(10_000);
    const once = await time(200_000);
    console.log(
      `\n${table([
        ['case', 'ms'],
        ['20 batches of 10,000', batches.toFixed(0)],
        ['one batch of 200,000', once.toFixed(0)],
      ])}\nratio one / batches: ${(once / batches).toFixed(2)}x (linear ≈ 1)\n`,
    );
    expect(once / batches).toBeLessThan(2.5);
  } finally {
    reader.close();
  }
});
