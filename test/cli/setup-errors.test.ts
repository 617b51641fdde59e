// Setup problems are usage errors (exit 2) found before anything is written. A channel the policy names but the
// repository lacks is not a failure a retry could fix: every command that needs the branch says which one and what
// to do; validate alone goes on (it compares trees, and a missing branch holds nothing). A bad image reference is
// refused before release makes any git tag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { StorageOrigin } from '../support/storage-origin.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let clone: string;

beforeAll(async () => {
  // snapshot and production exist; staging, between them, was never created.
  const origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.5.0', seed: 1 }],
      snapshot: [
        { name: 'nginx', version: '1.5.0', seed: 1 },
        { name: 'nginx', version: '1.6.0', seed: 2 },
      ],
    },
  });
  clone = await tempDir('clone');
  await git(['clone', '--quiet', origin.bare, clone]);
});
afterAll(cleanupTempDirs);

const missingStaging =
  'the staging branch (staging) does not exist: create it, or remove the channel from the policy file';

describe('a channel branch the repository lacks', () => {
  it.each([
    ['promote into it', ['promote', '--from', 'snapshot', '--to', 'staging', '--packages', 'nginx@1.6.0']],
    ['promote out of it', ['promote', '--from', 'staging', '--to', 'production', '--packages', 'nginx']],
    ['clean it up', ['cleanup', '--channel', 'staging']],
    [
      'publish its image',
      [
        'publish-image',
        '--channel',
        'staging',
        '--image',
        'localhost:1/x',
        '--base-image',
        'localhost:1/base',
        '--registry-version',
        'v1.15.0',
        '--layout',
        'out',
      ],
    ],
  ])('%s: exit 2, naming the branch and what to do', async (_what, args) => {
    const r = await cli([...args.slice(0, 1), '--repo', clone, ...args.slice(1)]);
    expect(r.err).toContain(missingStaging);
    expect(r.code).toBe(2);
  });

  it('validate goes on and says the branch is treated as empty', async () => {
    const r = await cli([
      'validate',
      '--repo',
      clone,
      '--base',
      'snapshot',
      '--head',
      'origin/snapshot',
      '--title',
      '[snapshot] nothing',
    ]);
    expect(r.err).toBe('');
    expect(r.out).toContain('no branch for staging; treated as empty');
    expect(r.code).toBe(0);
  });
});

describe('release with a bad image reference', () => {
  it('is a usage error before any git tag is made', async () => {
    const r = await cli([
      'release',
      '--repo',
      clone,
      '--versions',
      '8.15.0',
      '--image',
      'localhost:1/UPPER/Bad',
      '--base-image',
      'localhost:1/base',
    ]);
    expect(r.err).toContain('image "localhost:1/UPPER/Bad"');
    expect(r.code).toBe(2);
    expect((await git(['-C', clone, 'tag', '--list'])).trim()).toBe('');
  });
});
