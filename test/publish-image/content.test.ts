// Layer contents from git trees: the files of the planned version directories only, with image paths, from a
// listing parsed as it streams (thousands of files, far more than one pipe read); links and submodules refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerPlan } from '../../src/core/image-plan.js';
import { layerFiles, versionFiles } from '../../src/publish-image/content.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';

let repo: string;
let commit: string;
const FILES = 3000;

async function mktree(lines: string[]): Promise<string> {
  const tree = (
    await git(['-C', repo, 'mktree', '-z'], { input: lines.map((l) => `${l}\0`).join('') })
  ).trim();
  return tree;
}

beforeAll(async () => {
  repo = await tempDir('content');
  await git(['init', '--quiet', repo]);
  const blob = (await git(['-C', repo, 'hash-object', '-w', '--stdin'], { input: 'x\n' })).trim();
  // One version with thousands of files (long names: the listing is several hundred KB), one small, one unplanned.
  const index = Array.from(
    { length: FILES },
    (_, i) =>
      `100755 ${blob}\tpackages/big/1.0.0/data_stream/${String(i).padStart(5, '0')}-${'n'.repeat(80)}.yml`,
  );
  index.push(
    `100644 ${blob}\tpackages/small/2.0.0/manifest.yml`,
    `100644 ${blob}\tpackages/other/3.0.0/manifest.yml`,
  );
  const env = { GIT_INDEX_FILE: `${repo}/.git/test-index` };
  await git(['-C', repo, 'update-index', '--add', '--index-info'], { env, input: `${index.join('\n')}\n` });
  const tree = (await git(['-C', repo, 'write-tree'], { env })).trim();
  commit = (await git(['-C', repo, 'commit-tree', tree, '-m', 'x'])).trim();
});
afterAll(cleanupTempDirs);

const plan = (versions: Array<[string, string]>): LayerPlan => ({
  channel: 'production',
  bucket: 0,
  buckets: 1,
  source: 'packages/production/0',
  versions: versions.map(([name, version]) => ({ name, version, tree: '' })),
});

describe('layer contents', () => {
  it('lists every file of the planned versions, with image paths and modes, and nothing else', async () => {
    const files = await layerFiles(
      repo,
      commit,
      'packages',
      plan([
        ['big', '1.0.0'],
        ['small', '2.0.0'],
      ]),
    );
    expect(files).toHaveLength(FILES + 1);
    expect(files.filter((f) => f.mode === '100755')).toHaveLength(FILES);
    expect(files.at(-1)).toMatchObject({
      path: 'packages/production/small/2.0.0/manifest.yml',
      mode: '100644',
    });
    expect(files[1234]!.path).toBe(`packages/production/big/1.0.0/data_stream/01234-${'n'.repeat(80)}.yml`);
    expect(files.some((f) => f.path.includes('other'))).toBe(false);
  });

  it('gives each version its files, one version at a time', async () => {
    const seen: Array<[number, number]> = [];
    await versionFiles(
      repo,
      commit,
      'packages',
      [
        { name: 'small', version: '2.0.0' },
        { name: 'big', version: '1.0.0' },
        { name: 'none', version: '0.0.1' },
      ],
      (i, files) => seen.push([i, files.length]),
    );
    expect(seen.sort()).toEqual([
      [0, 1],
      [1, FILES],
      [2, 0],
    ]);
  });

  it('refuses a symbolic link or a submodule in a version directory, naming it', async () => {
    const blob = (await git(['-C', repo, 'hash-object', '-w', '--stdin'], { input: 'target' })).trim();
    const link = await mktree([`120000 blob ${blob}\tlink`]);
    const withLink = await mktree([`040000 tree ${link}\t1.0.0`]);
    const packages = await mktree([`040000 tree ${withLink}\tbad`]);
    const root = await mktree([`040000 tree ${packages}\tpackages`]);
    await expect(layerFiles(repo, root, 'packages', plan([['bad', '1.0.0']]))).rejects.toThrow(
      'packages/bad/1.0.0 contains a symbolic link (packages/bad/1.0.0/link); links are not put into images',
    );
    const sub = await mktree([`160000 commit ${commit}\tvendored`]);
    const withSub = await mktree([`040000 tree ${sub}\t1.0.0`]);
    const root2 = await mktree([`040000 tree ${await mktree([`040000 tree ${withSub}\tbad`])}\tpackages`]);
    await expect(layerFiles(repo, root2, 'packages', plan([['bad', '1.0.0']]))).rejects.toThrow(
      'packages/bad/1.0.0 contains a submodule (packages/bad/1.0.0/vendored); submodules are not put into images',
    );
  });
});
