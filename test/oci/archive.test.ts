import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveIndex,
  dockerArchiveManifest,
  writeImageArchive,
  type ArchiveImage,
} from '../../src/oci/archive.js';
import { buildImage, layerSourceAnnotations, type BuiltImage } from '../../src/oci/image.js';
import { buildLayer, type Layer } from '../../src/oci/layer.js';
import { layoutBlobFetcher, readOciLayoutImage, writeOciLayout } from '../../src/oci/layout.js';
import { run, runJson, TempDirs } from '../support/oci/exec.js';
import { makeBaseLayout, type SyntheticBase } from '../support/oci/base-image.js';
import { gnuTarList } from '../support/oci/tar-read.js';
import type { Descriptor } from '../../src/oci/types.js';

const temp = new TempDirs();
const repository = 'docker.elastic.co/package-registry/distribution';
let work: string;
let synthetic: SyntheticBase;
let production: BuiltImage;
let staging: BuiltImage;
let prodLayer: Layer;
let stagingLayer: Layer;
let images: ArchiveImage[];
let archive: string;
let archiveDigest: string;

const sha = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

beforeAll(async () => {
  work = await temp.make('oci-archive-');
  synthetic = await makeBaseLayout(join(work, 'base'), { docker: true });
  const base = await readOciLayoutImage(synthetic.dir, 'base');
  prodLayer = await buildLayer([
    { path: 'packages/production/a/1.0.0/manifest.yml', type: 'file', content: Buffer.from('a') },
  ]);
  stagingLayer = await buildLayer([
    { path: 'packages/staging/b/2.0.0/manifest.yml', type: 'file', content: Buffer.from('b') },
  ]);
  production = buildImage(base, [{ ...prodLayer, annotations: layerSourceAnnotations('git-tree:1111') }], {
    created: 1_700_000_000,
    labels: { 'package-registry': 'v1.15.0' },
  });
  staging = buildImage({ config: production.config, layers: production.manifest.layers }, [stagingLayer], {
    created: 1_700_000_000,
  });
  images = [
    { image: production, repository, refs: ['production', 'c0ffee'], blobs: [prodLayer] },
    { image: staging, repository, refs: ['staging'], blobs: [stagingLayer] },
  ];
  archive = join(work, 'images.tar');
  const result = await writeImageArchive(archive, images, { fetchBlob: layoutBlobFetcher(synthetic.dir) });
  archiveDigest = result.digest;
  const bytes = await readFile(archive);
  expect([sha(bytes), bytes.length]).toEqual([result.digest, result.size]);
});
afterAll(() => temp.cleanup());

describe('air-gapped image archive', () => {
  it('is deterministic: same images from other blob sources give the same archive bytes', async () => {
    // second run: every blob comes from an OCI layout (as when packing a layout built earlier)
    const layout = join(work, 'layout');
    await writeOciLayout(
      layout,
      images.map(({ image, refs, blobs }) => ({ image, refs, blobs })),
      { fetchBlob: layoutBlobFetcher(synthetic.dir) },
    );
    const again = await writeImageArchive(
      join(work, 'again.tar'),
      images.map(({ image, repository: r, refs }) => ({ image, repository: r, refs })),
      { fetchBlob: layoutBlobFetcher(layout) },
    );
    expect(again.digest).toBe(archiveDigest);
  });

  it('is a plain tar: sorted, owner 0, mtime 0, OCI layout files plus manifest.json', async () => {
    const { entries, stderr } = await gnuTarList(archive);
    expect(stderr).toBe('');
    const names = entries.map((e) => e.name.toString());
    const blobNames = [
      production.digest,
      production.configDescriptor.digest,
      staging.digest,
      staging.configDescriptor.digest,
      synthetic.layer.digest,
      prodLayer.digest,
      stagingLayer.digest,
    ]
      .map((d) => `blobs/sha256/${d.slice(7)}`)
      .sort();
    expect(names).toEqual([
      'blobs/',
      'blobs/sha256/',
      ...blobNames,
      'index.json',
      'manifest.json',
      'oci-layout',
    ]);
    for (const e of entries) expect([e.uid, e.gid, e.mtime]).toEqual([0, 0, '1970-01-01 00:00:00']);

    const manifestJson = (await run('tar', ['-xOf', archive, 'manifest.json'])).stdout.toString();
    expect(JSON.parse(manifestJson)).toEqual([
      {
        Config: `blobs/sha256/${production.configDescriptor.digest.slice(7)}`,
        RepoTags: [`${repository}:production`, `${repository}:c0ffee`],
        Layers: [synthetic.layer.digest, prodLayer.digest].map((d) => `blobs/sha256/${d.slice(7)}`),
      },
      {
        Config: `blobs/sha256/${staging.configDescriptor.digest.slice(7)}`,
        RepoTags: [`${repository}:staging`],
        Layers: [synthetic.layer.digest, prodLayer.digest, stagingLayer.digest].map(
          (d) => `blobs/sha256/${d.slice(7)}`,
        ),
      },
    ]);
    expect(manifestJson).toBe(JSON.stringify(dockerArchiveManifest(images)));
    const index = JSON.parse(
      (await run('tar', ['-xOf', archive, 'index.json'])).stdout.toString(),
    ) as ReturnType<typeof archiveIndex>;
    expect(index.manifests.map((d) => d.annotations)).toEqual([
      {
        'io.containerd.image.name': `${repository}:production`,
        'org.opencontainers.image.ref.name': 'production',
      },
      { 'io.containerd.image.name': `${repository}:c0ffee`, 'org.opencontainers.image.ref.name': 'c0ffee' },
      { 'io.containerd.image.name': `${repository}:staging`, 'org.opencontainers.image.ref.name': 'staging' },
    ]);
  });

  it('is read by skopeo as oci-archive: (same manifest digest and bytes)', async () => {
    const info = await runJson<{ Digest: string; Layers: string[] }>('skopeo', [
      'inspect',
      `oci-archive:${archive}:staging`,
    ]);
    expect(info.Digest).toBe(staging.digest);
    expect(info.Layers).toEqual([synthetic.layer.digest, prodLayer.digest, stagingLayer.digest]);
    expect((await run('skopeo', ['inspect', '--raw', `oci-archive:${archive}:production`])).stdout).toEqual(
      production.manifestBytes,
    );
  });

  it('is read by skopeo as docker-archive: (layers decompressed and checked against diff_ids)', async () => {
    const ref = `docker-archive:${archive}:${repository}:production`;
    const info = await runJson<{ Layers: string[]; Labels: Record<string, string> }>('skopeo', [
      'inspect',
      ref,
    ]);
    // docker-archive reports uncompressed layer digests: the config's diff_ids
    expect(info.Layers).toEqual(production.config.rootfs.diff_ids);
    expect(info.Labels['package-registry']).toBe('v1.15.0');
    const dest = join(work, 'from-docker-archive');
    await run('skopeo', ['copy', ref, `dir:${dest}`]);
    const files = await readdir(dest);
    for (const diffId of production.config.rootfs.diff_ids) expect(files).toContain(diffId.slice(7));
    expect(files).toContain(production.configDescriptor.digest.slice(7));
  });

  it('extracts to an OCI layout that umoci unpacks', async () => {
    const dir = join(work, 'extracted');
    await mkdir(dir);
    await run('tar', ['-xf', archive, '-C', dir]);
    const bundle = join(work, 'bundle');
    await run('umoci', ['unpack', '--rootless', '--image', `${dir}:staging`, bundle]);
    expect(await readFile(join(bundle, 'rootfs/packages/staging/b/2.0.0/manifest.yml'), 'utf8')).toBe('b');
    expect(await readFile(join(bundle, 'rootfs/packages/production/a/1.0.0/manifest.yml'), 'utf8')).toBe('a');
    expect(await readFile(join(bundle, 'rootfs/etc/os-release'), 'utf8')).toContain('Synthetic');
  });

  it('loads into podman (a private store): every tag, the config as the image id, the labels, the files', async () => {
    // What an operator of an air-gapped site does with the archive; a store of its own keeps the host's untouched.
    const store = await temp.make('oci-podman-');
    const podman = (...args: string[]) =>
      run('podman', [
        '--root',
        join(store, 'root'),
        '--runroot',
        join(store, 'run'),
        '--storage-driver',
        'vfs',
        '--cgroup-manager',
        'cgroupfs',
        '--events-backend',
        'none',
        ...args,
      ]);
    const loaded = (await podman('load', '--input', archive)).stdout.toString('utf8');
    for (const tag of ['production', 'c0ffee', 'staging']) expect(loaded).toContain(`${repository}:${tag}`);
    const inspected = JSON.parse(
      (await podman('image', 'inspect', `${repository}:production`, `${repository}:staging`)).stdout.toString(
        'utf8',
      ),
    ) as Array<{ Id: string; Labels: Record<string, string> | null; RootFS: { Layers: string[] } }>;
    expect(inspected.map((i) => `sha256:${i.Id}`)).toEqual([
      production.configDescriptor.digest,
      staging.configDescriptor.digest,
    ]);
    expect(inspected[0]!.Labels).toMatchObject({ 'package-registry': 'v1.15.0' });
    expect(inspected[1]!.RootFS.Layers).toEqual(staging.config.rootfs.diff_ids);
    // The files themselves, from podman's copy: mount-free, by saving the staging image as a plain directory.
    const saved = join(store, 'saved');
    await podman('save', '--format', 'oci-dir', '--output', saved, `${repository}:staging`);
    const bundle = join(store, 'bundle');
    // podman names the saved manifest with the full reference.
    await run('umoci', ['unpack', '--rootless', '--image', `${saved}:${repository}:staging`, bundle]);
    expect(await readFile(join(bundle, 'rootfs/packages/staging/b/2.0.0/manifest.yml'), 'utf8')).toBe('b');
  });

  it('rejects ambiguous tags, bad names and missing blobs', async () => {
    const file = join(work, 'bad.tar');
    const one = images[0] as ArchiveImage;
    await expect(writeImageArchive(file, [one, { ...one, repository: 'other/repo' }])).rejects.toThrow(
      /used twice/,
    );
    await expect(writeImageArchive(file, [{ ...one, repository: 'Upper/Case' }])).rejects.toThrow(
      /invalid image repository/,
    );
    await expect(writeImageArchive(file, [{ ...one, refs: ['-bad'] }])).rejects.toThrow(/invalid image tag/);
    await expect(writeImageArchive(file, [one])).rejects.toThrow(/neither local nor fetchable/);
    const corrupt = (d: Descriptor) => Promise.resolve(Readable.from([Buffer.alloc(d.size)]));
    await expect(writeImageArchive(file, [one], { fetchBlob: corrupt })).rejects.toThrow(
      `blob ${synthetic.layer.digest} has digest`,
    );
    expect((await readdir(work)).filter((f) => f.startsWith('bad.tar'))).toEqual([]);
  });
});
