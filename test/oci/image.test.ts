import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImage,
  canonicalJson,
  findReusableLayer,
  formatCreated,
  layerSourceAnnotations,
  layerSourceOf,
  ociLayerMediaType,
  type BaseImage,
  type NewLayer,
} from '../../src/oci/image.js';
import { buildLayer, layerRecipe } from '../../src/oci/layer.js';
import { readOciLayoutImage } from '../../src/oci/layout.js';
import type { ImageConfig } from '../../src/oci/types.js';
import { TempDirs } from '../support/oci/exec.js';
import { makeBaseLayout, type SyntheticBase } from '../support/oci/base-image.js';

const temp = new TempDirs();
let dockerBase: SyntheticBase;
let base: BaseImage;
let layer: NewLayer;

beforeAll(async () => {
  dockerBase = await makeBaseLayout(join(await temp.make('oci-image-'), 'base'), { docker: true });
  base = await readOciLayoutImage(dockerBase.dir, 'base');
  const built = await buildLayer([
    {
      path: 'packages/production/nginx/1.0.0/manifest.yml',
      type: 'file',
      content: Buffer.from('name: nginx\n'),
    },
  ]);
  layer = {
    ...built,
    annotations: layerSourceAnnotations('git-tree:4b825dc642cb6eb9a060e54bf8d69288fbee4904', layerRecipe()),
    createdBy: 'COPY git-tree:4b825dc6 /packages/production',
  };
});
afterAll(() => temp.cleanup());

const sha = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

const options = {
  created: 1_700_000_000,
  labels: { 'package-registry': 'v1.15.0', version: 'v1.16.0' },
  env: { EPR_ADDRESS: '0.0.0.0:8080', EPR_DISABLE_PACKAGE_VALIDATION: 'true' },
  workingDir: '/package-registry',
};

describe('image assembly', () => {
  it('reads a Docker v2 base from a layout and converts its layers to OCI types, keeping digests', () => {
    expect(base.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    const img = buildImage(base, [layer], options);
    expect(img.manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(img.manifest.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(img.manifest.layers).toEqual([
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: dockerBase.layer.digest,
        size: dockerBase.layer.size,
      },
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: layer.digest,
        size: layer.size,
        annotations: layer.annotations,
      },
    ]);
    expect(img.config.rootfs.diff_ids).toEqual([dockerBase.diffId, layer.diffId]);
  });

  it('extends the base config: created, history, labels, env, workdir; unknown fields kept', () => {
    const { config } = buildImage(base, [layer], options);
    expect(config.created).toBe('2023-11-14T22:13:20Z');
    expect(config.history).toEqual([
      { created: '2024-05-01T10:20:30Z', created_by: 'COPY . /package-registry # buildkit' },
      { created: '2023-11-14T22:13:20Z', created_by: 'COPY git-tree:4b825dc6 /packages/production' },
    ]);
    expect(config.config?.Labels).toEqual({
      'org.opencontainers.image.title': 'package-registry',
      'package-registry': 'v1.15.0',
      version: 'v1.16.0',
    });
    expect(config.config?.Env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'EPR_ADDRESS=0.0.0.0:8080',
      'EPR_DISABLE_PACKAGE_VALIDATION=true',
    ]);
    expect(config.config?.Entrypoint).toEqual(['./package-registry']);
    expect(config.config?.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(config.docker_version).toBe('24.0.7');
    const removed = buildImage(base, [], { env: { EPR_ADDRESS: null } });
    expect(removed.config.config?.Env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ]);
    expect(removed.config.created).toBe('1970-01-01T00:00:00Z');
  });

  it('serialises canonical JSON and hashes the exact bytes', () => {
    const img = buildImage(base, [layer], options);
    for (const [bytes, value] of [
      [img.configBytes, img.config],
      [img.manifestBytes, img.manifest],
    ] as const) {
      expect(bytes.toString()).not.toMatch(/\n|": /);
      expect(canonicalJson(JSON.parse(bytes.toString()))).toEqual(bytes);
      expect(JSON.parse(bytes.toString())).toEqual(value);
    }
    expect(img.configDescriptor).toEqual({
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha(img.configBytes),
      size: img.configBytes.length,
    });
    expect(img.digest).toBe(sha(img.manifestBytes));
    expect(img.manifestDescriptor).toEqual({
      mediaType: img.manifest.mediaType,
      digest: img.digest,
      size: img.manifestBytes.length,
    });
    expect(canonicalJson({ b: [1, 'x', null, undefined], a: { d: true, c: undefined } }).toString()).toBe(
      '{"a":{"d":true},"b":[1,"x",null,null]}',
    );
    expect(() => canonicalJson({ a: NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/cannot serialise function/);
  });

  it('is deterministic: two builds (and a base config with other key order) give the same manifest digest', () => {
    const a = buildImage(base, [layer], options);
    const b = buildImage(base, [layer], { ...options });
    expect(b.manifestBytes).toEqual(a.manifestBytes);
    const reordered = Object.fromEntries(Object.entries(base.config).reverse()) as ImageConfig;
    expect(buildImage({ ...base, config: reordered }, [layer], options).digest).toBe(a.digest);
    expect(buildImage(base, [layer], { ...options, created: 1_700_000_001 }).digest).not.toBe(a.digest);
  });

  it('end to end: two builds from differently ordered and chunked trees give the same manifest digest', async () => {
    const files = Array.from({ length: 40 }, (_, i) => ({
      path: `packages/production/p${i % 5}/1.${i}.0/manifest.yml`,
      bytes: Buffer.from(`name: p${i % 5}\nversion: 1.${i}.0\n`.repeat(50)),
    }));
    const build = async (order: typeof files, chunk: number) => {
      const l = await buildLayer(
        order.map((f) => ({
          path: f.path,
          type: 'file' as const,
          size: f.bytes.length,
          content: () =>
            Readable.from(
              Array.from({ length: Math.ceil(f.bytes.length / chunk) }, (_, j) =>
                f.bytes.subarray(j * chunk, (j + 1) * chunk),
              ),
            ),
        })),
        { mtime: 1_700_000_000 },
      );
      return buildImage(
        base,
        [{ ...l, annotations: layerSourceAnnotations('git-tree:x'), createdBy: 'COPY x /packages' }],
        options,
      );
    };
    const first = await build(files, 1000);
    const second = await build([...files].reverse(), 17);
    expect(second.digest).toBe(first.digest);
    expect(second.manifestBytes).toEqual(first.manifestBytes);
  });

  it('builds from scratch with a platform', () => {
    const img = buildImage(undefined, [layer], {
      platform: { architecture: 'arm64', os: 'linux', variant: 'v8' },
    });
    expect(img.config).toMatchObject({ architecture: 'arm64', os: 'linux', variant: 'v8' });
    expect(img.config.rootfs.diff_ids).toEqual([layer.diffId]);
  });

  it('refuses host paths in history, labels and annotations', () => {
    const cwd = process.cwd();
    expect(() => buildImage(base, [{ ...layer, createdBy: `COPY ${cwd}/packages /packages` }])).toThrow(
      /host path/,
    );
    expect(() => buildImage(base, [{ ...layer, comment: `from ${join(tmpdir(), 'x')}` }])).toThrow(
      /host path/,
    );
    expect(() => buildImage(base, [layer], { labels: { src: cwd } })).toThrow(
      /label "src" contains a host path/,
    );
    expect(() => buildImage(base, [layer], { annotations: { src: `${cwd}/x` } })).toThrow(/host path/);
    // image paths and look-alikes are fine
    expect(() => buildImage(base, [{ ...layer, createdBy: `COPY x /packages${cwd}x` }])).not.toThrow();
  });

  it('rejects inconsistent bases and unknown layer types', () => {
    expect(() => buildImage({ ...base, layers: [] }, [layer])).toThrow(/1 diff_ids for 0 layers/);
    expect(() => buildImage(base, [{ ...layer, mediaType: 'application/x-tar' }])).toThrow(
      /unsupported layer media type/,
    );
    expect(ociLayerMediaType('application/vnd.docker.image.rootfs.foreign.diff.tar.gzip')).toBe(
      'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    );
    expect(() => formatCreated('yesterday')).toThrow(/RFC 3339/);
    expect(formatCreated(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)))).toBe('2024-01-02T03:04:05.600Z');
  });
});

describe('layer sources', () => {
  it('finds a reusable layer of a previous image and rebuilds the same manifest from it', () => {
    const previous = buildImage(base, [layer], options);
    const source = 'git-tree:4b825dc642cb6eb9a060e54bf8d69288fbee4904';
    expect(layerSourceOf(previous.manifest.layers[1] ?? { annotations: {} })).toEqual({
      source,
      recipe: layerRecipe(),
    });
    const reuse = findReusableLayer(previous, { source, recipe: layerRecipe() });
    expect(reuse).toMatchObject({ diffId: layer.diffId, digest: layer.digest, size: layer.size, index: 1 });
    expect(findReusableLayer(previous, { source, recipe: layerRecipe({ mtime: 1 }) })).toBeUndefined();
    expect(findReusableLayer(previous, { source: 'git-tree:other', recipe: layerRecipe() })).toBeUndefined();
    expect(
      findReusableLayer({ manifest: previous.manifest, config: base.config }, { source }),
    ).toBeUndefined();
    if (!reuse) throw new Error('unreachable');
    const again = buildImage(base, [{ ...reuse, createdBy: layer.createdBy }], options);
    expect(again.digest).toBe(previous.digest);
  });
});
