// publish-image against a real registry (Distribution 2.8), read back with skopeo and umoci.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { PublishResult } from '../../src/publish-image/engine.js';
import { RegistryClient } from '../../src/registry/index.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import {
  seedBaseImage,
  skopeoCopy,
  skopeoInspect,
  startRegistry,
  unpackImage,
  type TestRegistry,
} from '../support/registry/index.js';
import { checkoutLikeActions, StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

const production: VersionSpec[] = [
  { name: 'nginx', version: '1.5.0', seed: 1 },
  { name: 'nginx', version: '1.6.0', seed: 2 },
  { name: 'system', version: '1.19.5', seed: 3 },
  { name: 'aws', version: '2.0.0', seed: 4, packageOptions: { pngBytes: 200_000 } },
];
const staging: VersionSpec[] = [{ name: 'apm', version: '8.0.0', seed: 5 }];
const snapshot: VersionSpec[] = [
  { name: 'apm', version: '8.1.0-rc1', seed: 6 },
  { name: 'nginx', version: '1.7.0', seed: 7 },
];

let registry: TestRegistry;
let origin: StorageOrigin;
let clone: string;
let image: string;

async function publish(
  ...args: string[]
): Promise<{ code: number; result?: PublishResult; err: string; out: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['publish-image', ...args, '--json'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return {
    code,
    err: err.join('\n'),
    out: out.join('\n'),
    ...(code === 0 ? { result: JSON.parse(out.join('\n')) as PublishResult } : {}),
  };
}

const base = (): string => `${registry.host}/package-registry/package-registry`;

beforeAll(async () => {
  registry = await startRegistry();
  const seeded = await seedBaseImage({
    host: registry.host,
    repository: 'package-registry/package-registry',
  });
  // The registry version tag the channels pin (Dockerfile ARG PACKAGE_REGISTRY=v1.15.0), as a manifest list.
  const client = new RegistryClient(registry.host);
  const index = await client.getManifest('package-registry/package-registry', 'multi');
  await client.putManifest('package-registry/package-registry', 'v1.15.0', index.bytes, index.mediaType);
  client.close();
  expect(seeded.indexDigest).toBe(index.digest);
  origin = await StorageOrigin.create({ branches: { production, staging, snapshot } });
  clone = await tempDir('clone');
  await git(['clone', '--quiet', origin.bare, clone]);
  image = `${registry.host}/acme/distribution`;
});
afterAll(async () => {
  await registry.stop();
  await cleanupTempDirs();
});

describe('publish-image', () => {
  it('builds the chain production -> staging -> snapshot and pushes it', async () => {
    const r = await publish(
      '--repo',
      clone,
      '--channel',
      'production',
      '--chain',
      '--image',
      image,
      '--base-image',
      base(),
      '--push',
    );
    expect(r.code, r.err).toBe(0);
    const [prod, stag, snap] = r.result!.images;
    expect(r.result!.images.map((i) => i.channel)).toEqual(['production', 'staging', 'snapshot']);
    expect(prod!.tags).toEqual([`${image}:production`, `${image}:${await origin.rev('production')}`]);

    // Independent read-back: tags, labels, layers, diff ids.
    const inspected = await skopeoInspect(`${image}:snapshot`);
    expect(inspected.json.Digest).toBe(snap!.digest);
    const labels = inspected.json.Labels as Record<string, string>;
    expect(labels).toMatchObject({
      'package-registry': 'v1.15.0',
      'org.opencontainers.image.revision': await origin.rev('snapshot'),
      'io.package-storage.channel': 'snapshot',
    });
    expect(JSON.parse(labels['io.package-storage.commits']!)).toEqual({
      production: await origin.rev('production'),
      staging: await origin.rev('staging'),
      snapshot: await origin.rev('snapshot'),
    });
    const raw = await skopeoInspect(`${image}:snapshot`, { raw: true });
    const manifest = raw.json as { layers: Array<{ digest: string }> };
    const config = (await skopeoInspect(`${image}:snapshot`, { config: true })).json as {
      rootfs: { diff_ids: string[] };
      history: Array<{ created_by?: string }>;
    };
    expect(config.rootfs.diff_ids).toHaveLength(manifest.layers.length);
    expect(manifest.layers).toHaveLength(snap!.layers.total);
    expect(config.history.some((h) => h.created_by?.includes('/packages/production layer'))).toBe(true);

    // Production's layers are the same blobs in all three images.
    const layersOf = async (tag: string): Promise<string[]> =>
      (
        (await skopeoInspect(`${image}:${tag}`, { raw: true })).json as { layers: Array<{ digest: string }> }
      ).layers.map((l) => l.digest);
    const [p, s, n] = await Promise.all([layersOf('production'), layersOf('staging'), layersOf('snapshot')]);
    const productionLayers = p.slice(0, -1); // the last layer is the registry configuration
    expect(s.slice(0, productionLayers.length)).toEqual(productionLayers);
    expect(n.slice(0, productionLayers.length)).toEqual(productionLayers);
    expect(stag!.layers.reused).toBeGreaterThanOrEqual(prod!.layers.built - 1);

    // The files, after unpacking with umoci.
    const unpacked = await unpackImage(`${image}:snapshot`);
    try {
      const files = await readdir(join(unpacked.rootfs, 'packages'));
      expect(files.sort()).toEqual(['production', 'snapshot', 'staging']);
      expect((await unpacked.readFile('/packages/production/nginx/1.5.0/manifest.yml')).toString()).toContain(
        'version: 1.5.0',
      );
      expect((await unpacked.readFile('/packages/snapshot/apm/8.1.0-rc1/manifest.yml')).toString()).toContain(
        '8.1.0-rc1',
      );
      expect((await unpacked.readFile('/packages/staging/staging/0.0.1/manifest.yml')).toString()).toContain(
        'name: staging',
      );
      const registryConfig = (await unpacked.readFile('/package-registry/config.yml')).toString();
      expect(registryConfig).toContain(
        'package_paths:\n  - /packages/production\n  - /packages/staging\n  - /packages/snapshot\n',
      );
      expect((await unpacked.readFile('/package-registry/package-registry')).length).toBeGreaterThan(0);
    } finally {
      await unpacked.cleanup();
    }
    const productionConfig = await unpackImage(`${image}:production`);
    try {
      expect((await productionConfig.readFile('/package-registry/config.yml')).toString()).toMatch(
        /package_paths:\n {2}- \/packages\/production\n(?! {2}-)/,
      );
      await expect(productionConfig.readFile('/packages/snapshot')).rejects.toThrow();
    } finally {
      await productionConfig.cleanup();
    }
  });

  it('a re-run uploads nothing and moves no tag', async () => {
    const r = await publish(
      '--repo',
      clone,
      '--channel',
      'production',
      '--chain',
      '--image',
      image,
      '--base-image',
      base(),
      '--push',
    );
    expect(r.code, r.err).toBe(0);
    for (const i of r.result!.images) {
      expect(i.bytesUploaded).toBe(0);
      expect(i.layers.built).toBe(0);
      expect(i.unchangedTags.sort()).toEqual([i.branch, i.commit].sort());
    }
  });

  it('gives the same digests from another checkout, written as an OCI layout', async () => {
    const workspace = await checkoutLikeActions({
      origin: origin.bare,
      ref: 'refs/heads/snapshot',
      fetchDepth: 0,
    });
    const layout = join(await tempDir('layout'), 'oci');
    const pushed = await publish(
      '--repo',
      clone,
      '--channel',
      'snapshot',
      '--image',
      image,
      '--base-image',
      base(),
      '--push',
    );
    const written = await publish(
      '--repo',
      workspace,
      '--channel',
      'snapshot',
      '--image',
      image,
      '--base-image',
      base(),
      '--layout',
      layout,
    );
    expect(written.code, written.err).toBe(0);
    expect(written.result!.images[0]!.digest).toBe(pushed.result!.images[0]!.digest);
    const fromLayout = await skopeoInspect(`oci:${layout}:snapshot`, { raw: true });
    const fromRegistry = await skopeoInspect(`${image}:snapshot`, { raw: true });
    expect(fromLayout.stdout.equals(fromRegistry.stdout)).toBe(true);
  });

  it('a one-package change rebuilds one small layer and reuses every other', async () => {
    const before = await publish(
      '--repo',
      clone,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base(),
      '--push',
    );
    await origin.commit('production', { add: [{ name: 'system', version: '1.20.0', seed: 8 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const r = await publish(
      '--repo',
      clone,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base(),
      '--push',
    );
    expect(r.code, r.err).toBe(0);
    const prod = r.result!.images[0]!;
    // One package layer; the config layer is unchanged (same package paths).
    expect(prod.layers).toMatchObject({ built: 1, uploaded: 1 });
    // Every other layer is reused: the new version lands in one existing layer (rebuilt) or in a new one.
    const previous = before.result!.images[0]!.layers;
    expect(prod.layers.reused + prod.layers.built).toBe(prod.layers.total - prod.layers.base);
    expect(prod.layers.reused).toBeGreaterThanOrEqual(previous.total - previous.base - 1);
    const compressed = (
      (await skopeoInspect(`${image}:production`, { raw: true })).json as { layers: Array<{ size: number }> }
    ).layers.reduce((n, l) => n + l.size, 0);
    expect(prod.bytesUploaded).toBeLessThan(compressed * 0.25);
  });

  it('fails on an immutable tag that points elsewhere, moving no tag', async () => {
    const client = new RegistryClient(registry.host);
    const sha = await origin.rev('staging');
    const other = await client.getManifest('package-registry/package-registry', 'single');
    await skopeoCopy(`${base()}:single`, `${image}:${sha}`, { preserveDigests: true });
    const stagingBefore = await client.headManifest('acme/distribution', 'staging');
    await origin.commit('staging', { files: { 'deployment/notes.md': 'x\n' } });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    // staging's new tip is not the conflicting one: make the conflict on the new tip's tag.
    await client.putManifest('acme/distribution', await origin.rev('staging'), other.bytes, other.mediaType);
    const r = await publish(
      '--repo',
      clone,
      '--channel',
      'staging',
      '--image',
      image,
      '--base-image',
      base(),
      '--push',
    );
    expect(r.code).toBe(3);
    expect(r.err).toContain(`already points at ${other.digest}`);
    expect(r.err).toContain('No tag was changed.');
    expect((await client.headManifest('acme/distribution', 'staging'))!.digest).toBe(stagingBefore!.digest);
    client.close();
  });

  it('writes an air-gapped archive that is an OCI layout and a docker save archive', async () => {
    const file = join(await tempDir('archive'), 'distribution.tar');
    const r = await publish(
      '--repo',
      clone,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base(),
      '--archive',
      file,
    );
    expect(r.code, r.err).toBe(0);
    const digest = r.result!.images[0]!.digest;
    expect((await skopeoInspect(`oci-archive:${file}:production`)).json.Digest).toBe(digest);
    const docker = await skopeoInspect(`docker-archive:${file}:${image}:production`);
    expect((docker.json.Labels as Record<string, string>)['package-registry']).toBe('v1.15.0');
    const again = join(await tempDir('archive'), 'distribution.tar');
    await publish(
      '--repo',
      clone,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base(),
      '--archive',
      again,
    );
    expect((await readFile(again)).equals(await readFile(file))).toBe(true);
  });

  it('works from a trees-only clone, fetching the blobs it needs in one request', async () => {
    const workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' });
    await git([
      '-C',
      workspace,
      'fetch',
      '--quiet',
      '--filter=blob:none',
      '--depth=1',
      'origin',
      '+refs/heads/*:refs/remotes/origin/*',
    ]);
    const layout = join(await tempDir('layout'), 'oci');
    const r = await publish(
      '--repo',
      workspace,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base(),
      '--layout',
      layout,
    );
    expect(r.code, r.err).toBe(0);
    const expected = await publish(
      '--repo',
      clone,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base(),
      '--layout',
      join(await tempDir('layout'), 'oci'),
    );
    expect(r.result!.images[0]!.digest).toBe(expected.result!.images[0]!.digest);
  });

  it.each([
    [['--channel', 'nope'], 2, 'unknown channel "nope"'],
    [['--channel', 'production', '--registry-version', 'latest'], 2, 'is not a version such as v1.15.0'],
    [
      ['--channel', 'production', '--image', '127.0.0.1:5000/acme/Distribution'],
      2,
      'image "127.0.0.1:5000/acme/Distribution"',
    ],
    [['--channel', 'production', '--base-image', '127.0.0.1:1/none'], 3, 'registry 127.0.0.1:1'],
  ])('fails clearly for %j', async (args, code, message) => {
    const argv = ['--repo', clone, '--image', image, '--base-image', base(), '--push', ...args];
    const r = await publish(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
