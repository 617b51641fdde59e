import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, layerSourceAnnotations, type BaseImage, type BuiltImage } from '../../src/oci/image.js';
import { buildLayer, layerRecipe, type Layer } from '../../src/oci/layer.js';
import {
  layoutBlobFetcher,
  readOciLayoutImage,
  writeOciLayout,
  type FetchBlob,
  type LayoutImage,
} from '../../src/oci/layout.js';
import type { Descriptor, ImageIndex } from '../../src/oci/types.js';
import { run, runJson, TempDirs } from '../support/oci/exec.js';
import { makeBaseLayout, type SyntheticBase } from '../support/oci/base-image.js';

const temp = new TempDirs();
let work: string;
let synthetic: SyntheticBase;
let base: BaseImage;
let layer: Layer;
let image: BuiltImage;
let out: string;
const fetched: string[] = [];
let fetchBlob: FetchBlob;

const sha = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

beforeAll(async () => {
  work = await temp.make('oci-layout-');
  synthetic = await makeBaseLayout(join(work, 'base'));
  base = await readOciLayoutImage(synthetic.dir, 'base');
  const fromBase = layoutBlobFetcher(synthetic.dir);
  fetchBlob = (d) => {
    fetched.push(d.digest);
    return fromBase(d);
  };
  layer = await buildLayer(
    [
      {
        path: 'packages/production/nginx/1.0.0/manifest.yml',
        type: 'file',
        content: Buffer.from('name: nginx\n'),
      },
      { path: 'packages/production/nginx/1.0.0/img/logo.svg', type: 'file', content: Buffer.from('<svg/>') },
      {
        path: 'packages/production/nginx/1.0.0/bin/hook.sh',
        type: 'file',
        mode: 0o100755,
        content: Buffer.from('#!/bin/sh\n'),
      },
      { path: 'packages/production/nginx/latest', type: 'symlink', linkname: '1.0.0' },
    ],
    { tmpDir: work, memoryThreshold: 0 },
  );
  image = buildImage(
    base,
    [
      {
        ...layer,
        annotations: layerSourceAnnotations('git-tree:aaaa', layerRecipe()),
        createdBy: 'COPY packages /packages/production',
      },
    ],
    {
      created: 1_700_000_000,
      labels: { 'package-registry': 'v1.15.0' },
      env: { EPR_ADDRESS: '0.0.0.0:8080' },
    },
  );
  out = join(work, 'layout');
  await writeOciLayout(out, [{ image, refs: ['production', 'abc123'], blobs: [layer] }], { fetchBlob });
});
afterAll(() => temp.cleanup());

interface SkopeoInspect {
  Digest: string;
  Layers: string[];
  Labels: Record<string, string>;
  Env: string[];
  Architecture: string;
  Os: string;
  Created: string;
}

describe('OCI image layout writer', () => {
  it('writes oci-layout, index.json with ref names and platform, and every blob', async () => {
    expect(await readFile(join(out, 'oci-layout'), 'utf8')).toBe('{"imageLayoutVersion":"1.0.0"}');
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as ImageIndex;
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests).toEqual(
      ['production', 'abc123'].map((ref) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: image.digest,
        size: image.manifestBytes.length,
        annotations: { 'org.opencontainers.image.ref.name': ref },
        platform: { architecture: 'amd64', os: 'linux' },
      })),
    );
    const blobs = (await readdir(join(out, 'blobs', 'sha256'))).sort();
    const want = [image.digest, image.configDescriptor.digest, synthetic.layer.digest, layer.digest].map(
      (d) => d.slice(7),
    );
    expect(blobs).toEqual(want.sort());
    for (const hex of blobs)
      expect(sha(await readFile(join(out, 'blobs', 'sha256', hex)))).toBe(`sha256:${hex}`);
    expect(fetched).toEqual([synthetic.layer.digest]);
  });

  it('is read back by skopeo inspect (parsed, --raw, --config --raw)', async () => {
    const info = await runJson<SkopeoInspect>('skopeo', ['inspect', `oci:${out}:production`]);
    expect(info.Digest).toBe(image.digest);
    expect(info.Layers).toEqual([synthetic.layer.digest, layer.digest]);
    expect(info.Labels).toMatchObject({
      'package-registry': 'v1.15.0',
      'org.opencontainers.image.title': 'package-registry',
    });
    expect(info.Env).toContain('EPR_ADDRESS=0.0.0.0:8080');
    expect([info.Architecture, info.Os, info.Created]).toEqual(['amd64', 'linux', '2023-11-14T22:13:20Z']);
    expect((await run('skopeo', ['inspect', '--raw', `oci:${out}:abc123`])).stdout).toEqual(
      image.manifestBytes,
    );
    expect((await run('skopeo', ['inspect', '--config', '--raw', `oci:${out}:production`])).stdout).toEqual(
      image.configBytes,
    );
  });

  it('is copied by skopeo copy oci: -> dir: with digests intact', async () => {
    const dest = join(work, 'dircopy');
    await run('skopeo', ['copy', '--preserve-digests', `oci:${out}:production`, `dir:${dest}`]);
    expect(await readFile(join(dest, 'manifest.json'))).toEqual(image.manifestBytes);
    expect(sha(await readFile(join(dest, layer.digest.slice(7))))).toBe(layer.digest);
  });

  it('is unpacked by umoci with files at /packages/... on top of the base', async () => {
    const bundle = join(work, 'bundle');
    await run('umoci', ['unpack', '--rootless', '--image', `${out}:production`, bundle]);
    const rootfs = join(bundle, 'rootfs');
    expect(await readFile(join(rootfs, 'packages/production/nginx/1.0.0/manifest.yml'), 'utf8')).toBe(
      'name: nginx\n',
    );
    expect((await lstat(join(rootfs, 'packages/production/nginx/1.0.0/bin/hook.sh'))).mode & 0o777).toBe(
      0o755,
    );
    expect(await readlink(join(rootfs, 'packages/production/nginx/latest'))).toBe('1.0.0');
    expect(await readFile(join(rootfs, 'package-registry/config.yml'), 'utf8')).toContain(
      '/packages/package-registry',
    );
    const runtime = JSON.parse(await readFile(join(bundle, 'config.json'), 'utf8')) as {
      process: { env: string[]; cwd: string };
    };
    expect(runtime.process.env).toContain('EPR_ADDRESS=0.0.0.0:8080');
    expect(runtime.process.cwd).toBe('/package-registry');
  });

  it('is incremental: present blobs are skipped (nothing fetched), other refs are kept', async () => {
    fetched.length = 0;
    const staging = await buildLayer([
      { path: 'packages/staging/x/1.0.0/manifest.yml', type: 'file', content: Buffer.from('x') },
    ]);
    const stagingImage = buildImage({ config: image.config, layers: image.manifest.layers }, [staging], {
      created: 1_700_000_100,
    });
    const images: LayoutImage[] = [
      { image, refs: ['production'], blobs: [layer] },
      { image: stagingImage, refs: ['staging'], blobs: [staging] },
    ];
    const result = await writeOciLayout(out, images, { fetchBlob });
    expect(fetched).toEqual([]);
    expect(result.written.sort()).toEqual(
      [stagingImage.digest, stagingImage.configDescriptor.digest, staging.digest].sort(),
    );
    expect(result.skipped).toHaveLength(4);
    const refs = result.index.manifests.map((d) => d.annotations?.['org.opencontainers.image.ref.name']);
    expect(refs).toEqual(['abc123', 'production', 'staging']);
    const info = await runJson<SkopeoInspect>('skopeo', ['inspect', `oci:${out}:staging`]);
    expect(info.Layers).toEqual([synthetic.layer.digest, layer.digest, staging.digest]);
    expect((await runJson<SkopeoInspect>('skopeo', ['inspect', `oci:${out}:abc123`])).Digest).toBe(
      image.digest,
    );
    const again = await writeOciLayout(out, images, { fetchBlob });
    expect(again.written).toEqual([]);
  });

  it('verifies fetched blobs and leaves no partial blob or index behind', async () => {
    const dir = join(work, 'corrupt');
    const bad: FetchBlob = (d: Descriptor) => Promise.resolve(Readable.from([Buffer.alloc(d.size, 1)]));
    await expect(
      writeOciLayout(dir, [{ image, refs: ['production'], blobs: [layer] }], { fetchBlob: bad }),
    ).rejects.toThrow(`blob ${synthetic.layer.digest} has digest`);
    const left = await readdir(join(dir, 'blobs', 'sha256'));
    expect(left).not.toContain(synthetic.layer.digest.slice(7));
    expect(left.some((f) => f.includes('.tmp-'))).toBe(false);
    expect(await readdir(dir)).not.toContain('index.json');
    await expect(writeOciLayout(dir, [{ image, refs: ['production'], blobs: [layer] }])).rejects.toThrow(
      /neither local nor fetchable/,
    );
    await expect(
      writeOciLayout(dir, [{ image, refs: ['bad ref'], blobs: [layer] }], { fetchBlob }),
    ).rejects.toThrow(/invalid OCI ref name/);
    await expect(
      writeOciLayout(dir, [{ image, refs: ['x'], blobs: [layer], repository: 'Bad/Name' }], { fetchBlob }),
    ).rejects.toThrow(/invalid image repository/);
  });

  it('adds io.containerd.image.name when a repository is given', async () => {
    const dir = join(work, 'named');
    const repository = 'docker.elastic.co/package-registry/distribution';
    const result = await writeOciLayout(dir, [{ image, refs: ['production'], blobs: [layer], repository }], {
      fetchBlob,
    });
    expect(result.index.manifests[0]?.annotations).toEqual({
      'io.containerd.image.name': `${repository}:production`,
      'org.opencontainers.image.ref.name': 'production',
    });
    expect((await runJson<SkopeoInspect>('skopeo', ['inspect', `oci:${dir}:production`])).Digest).toBe(
      image.digest,
    );
  });
});
