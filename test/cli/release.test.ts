// Stack release tags: git tags at the most stable channel's tip and image tags by digest, against a real registry.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { normalizeReleaseVersion, parseReleaseList } from '../../src/publish-image/release.js';
import { RegistryClient } from '../../src/registry/index.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { seedBaseImage, skopeoInspect, startRegistry, type TestRegistry } from '../support/registry/index.js';
import { StorageOrigin } from '../support/storage-origin.js';

let registry: TestRegistry;
let origin: StorageOrigin;
let clone: string;
let image: string;
let base: string;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tagOf = async (repo: string, tag: string): Promise<string> =>
  (await git(['-C', repo, 'rev-parse', `refs/tags/${tag}^{commit}`])).trim();

beforeAll(async () => {
  registry = await startRegistry();
  await seedBaseImage({ host: registry.host, repository: 'package-registry/package-registry' });
  const client = new RegistryClient(registry.host);
  const index = await client.getManifest('package-registry/package-registry', 'multi');
  await client.putManifest('package-registry/package-registry', 'v1.15.0', index.bytes, index.mediaType);
  client.close();
  origin = await StorageOrigin.create({
    branches: { production: [{ name: 'nginx', version: '1.5.0', seed: 1 }], staging: [], snapshot: [] },
  });
  clone = await tempDir('clone');
  await git(['clone', '--quiet', origin.bare, clone]);
  image = `${registry.host}/acme/distribution`;
  base = `${registry.host}/package-registry/package-registry`;
});
afterAll(async () => {
  await registry.stop();
  await cleanupTempDirs();
});

describe('release versions', () => {
  it.each([
    ['8.15.0', '8.15.0'],
    ['v8.15.0', '8.15.0'],
    [' 8.16.0-rc1 ', '8.16.0-rc1'],
    ['7.9.0-SNAPSHOT', '7.9.0-SNAPSHOT'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeReleaseVersion(input)).toBe(expected);
  });
  it.each([
    '8.15',
    '8.15.0.1',
    'latest',
    '8.15.0+build',
    'v',
    '8.15.0-',
    '../8.15.0',
    '8.15.0;rm -rf /',
    // Not plain semver: leading zeros would read as one version and compare as another.
    '08.15.0',
    '8.015.0',
    '8.15.00',
    '8.16.0-rc.01',
  ])('rejects %j', (input) => {
    expect(() => normalizeReleaseVersion(input)).toThrow(/invalid release version/);
  });
  it('reads lists and files with comments, deduplicated', () => {
    expect(parseReleaseList('# released\n8.15.0\nv8.15.0, 8.16.0  # latest\n\n')).toEqual([
      '8.15.0',
      '8.16.0',
    ]);
  });
});

describe('package-storage release', () => {
  it('exits 2 on an invalid version, creating nothing', async () => {
    const r = await cli(['release', '--repo', clone, '--versions', '8.15.0,8.15']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('invalid release version "8.15"');
    expect((await git(['-C', clone, 'tag', '--list'])).trim()).toBe('');
  });

  it('exits 2 on a version with a leading zero, making no git tag and no image tag', async () => {
    const r = await cli([
      'release',
      '--repo',
      clone,
      '--versions',
      '8.15.1,08.15.0',
      '--push',
      '--image',
      image,
      '--base-image',
      base,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('invalid release version "08.15.0"');
    expect(r.err).toContain('no leading zeros');
    expect((await git(['-C', clone, 'tag', '--list'])).trim()).toBe('');
    expect((await git(['ls-remote', '--tags', origin.bare])).trim()).toBe('');
    const client = new RegistryClient(registry.host);
    expect(await client.listTags('acme/distribution')).not.toContain('8.15.1');
    client.close();
  });

  it('creates tags at the production tip, pushes them, and never moves them', async () => {
    const tip = await origin.rev('production');
    const r = await cli(['release', '--repo', clone, '--versions', '8.15.0', '--push', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ releases: [{ version: '8.15.0', commit: tip, gitTag: 'created' }] });
    expect((await git(['--git-dir', origin.bare, 'rev-parse', 'refs/tags/8.15.0'])).trim()).toBe(tip);
    // production moves on; a re-run keeps the tag where it was
    await origin.commit('production', { add: [{ name: 'nginx', version: '1.6.0', seed: 2 }] });
    const again = await cli(['release', '--repo', clone, '--versions', '8.15.0,8.16.0', '--push', '--json']);
    const releases = (
      JSON.parse(again.out) as { releases: Array<{ version: string; commit: string; gitTag: string }> }
    ).releases;
    expect(releases).toEqual([
      { version: '8.15.0', commit: tip, gitTag: 'existing' },
      { version: '8.16.0', commit: await origin.rev('production'), gitTag: 'created' },
    ]);
    expect((await git(['--git-dir', origin.bare, 'rev-parse', 'refs/tags/8.15.0'])).trim()).toBe(tip);
  });

  it('points <image>:<version> at the image of the tag commit, building it without moving the channel tag', async () => {
    // Publish the current production image (the 8.16.0 commit); 8.15.0's commit has no image yet.
    await git(['-C', clone, 'fetch', '--quiet', '--tags', 'origin']);
    const published = await cli([
      'publish-image',
      '--repo',
      clone,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base,
      '--push',
      '--json',
    ]);
    expect(published.code, published.err).toBe(0);
    const productionDigest = (JSON.parse(published.out) as { images: Array<{ digest: string }> }).images[0]!
      .digest;

    const r = await cli([
      'release',
      '--repo',
      clone,
      '--versions',
      '8.15.0,8.16.0',
      '--push',
      '--image',
      image,
      '--base-image',
      base,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const [old, current] = (
      JSON.parse(r.out) as {
        releases: Array<{ image: { digest: string; operation: string; built: boolean } }>;
      }
    ).releases;
    expect(current!.image).toMatchObject({ digest: productionDigest, operation: 'tagged', built: false });
    expect(old!.image).toMatchObject({ operation: 'tagged', built: true });
    expect((await skopeoInspect(`${image}:8.15.0`)).json.Digest).toBe(old!.image.digest);
    expect((await skopeoInspect(`${image}:${await tagOf(clone, '8.15.0')}`)).json.Digest).toBe(
      old!.image.digest,
    );
    expect((await skopeoInspect(`${image}:production`)).json.Digest).toBe(productionDigest);

    const again = await cli([
      'release',
      '--repo',
      clone,
      '--versions',
      '8.15.0,8.16.0',
      '--push',
      '--image',
      image,
      '--base-image',
      base,
      '--json',
    ]);
    expect(
      (JSON.parse(again.out) as { releases: Array<{ image: { operation: string } }> }).releases.map(
        (x) => x.image.operation,
      ),
    ).toEqual(['unchanged', 'unchanged']);
  });

  it('refuses to move an image tag that points elsewhere unless the policy allows it', async () => {
    const client = new RegistryClient(registry.host);
    const other = await client.getManifest('acme/distribution', '8.15.0');
    const current = await client.getManifest('acme/distribution', '8.16.0');
    await client.putManifest('acme/distribution', '8.16.0', other.bytes, other.mediaType);
    const refused = await cli([
      'release',
      '--repo',
      clone,
      '--versions',
      '8.16.0',
      '--image',
      image,
      '--base-image',
      base,
    ]);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain(
      'release tags are not moved unless the policy sets release.allow-overwrite',
    );
    expect((await client.headManifest('acme/distribution', '8.16.0'))!.digest).toBe(other.digest);

    const dir = await tempDir('policy');
    await writeFile(join(dir, 'policy.yml'), 'release:\n  allow-overwrite: true\n');
    const allowed = await cli([
      'release',
      '--repo',
      clone,
      '--versions',
      '8.16.0',
      '--image',
      image,
      '--base-image',
      base,
      '--config',
      join(dir, 'policy.yml'),
      '--json',
    ]);
    expect(allowed.code, allowed.err).toBe(0);
    expect(allowed.out).toContain('"operation":"retagged"');
    expect((await client.headManifest('acme/distribution', '8.16.0'))!.digest).toBe(current.digest);
    client.close();
  });
});
