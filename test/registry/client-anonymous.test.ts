// The registry client against a real Distribution 2.8 without auth: blob push paths (HEAD skip, mount, streaming
// upload), manifests by tag/digest, index resolution, error reporting, and read-back with skopeo + umoci.

import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError, type RegistryEvent } from '../../src/registry/index.js';
import { MediaType, type Digest } from '../../src/oci/types.js';
import {
  buildLayer,
  seedBaseImage,
  sha256,
  skopeoInspect,
  startRegistry,
  unpackImage,
  type SeededBaseImage,
  type TestRegistry,
} from '../support/registry/index.js';

let registry: TestRegistry;
let base: SeededBaseImage;
let events: RegistryEvent[] = [];
let client: RegistryClient;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  base = await seedBaseImage({ host: registry.host });
  client = new RegistryClient(registry.host, { insecure: true, onEvent: (e) => events.push(e) });
});

afterAll(async () => {
  client?.close();
  await registry?.stop();
});

/** A blob produced in 64 KiB chunks, so the PATCH really streams. */
function randomBlob(size: number) {
  const bytes = randomBytes(size);
  const open = () =>
    Readable.from(
      (function* () {
        for (let i = 0; i < size; i += 65536) yield bytes.subarray(i, i + 65536);
      })(),
    );
  return { bytes, open, descriptor: { mediaType: 'application/octet-stream', digest: sha256(bytes), size } };
}

function requestsOf(es: RegistryEvent[]): string[] {
  return es.flatMap((e) => (e.type === 'request' ? [`${e.method} ${e.status ?? e.error}`] : []));
}

describe('blobs', () => {
  it('uploads with POST + one streaming PATCH + PUT, then skips it after HEAD', async () => {
    const blob = randomBlob(3 * 1024 * 1024 + 17);
    events = [];
    let opened = 0;
    const open = () => {
      opened++;
      return blob.open();
    };
    expect(await client.uploadBlob('app/blobs', blob.descriptor, open)).toBe('uploaded');
    expect(requestsOf(events)).toEqual(['HEAD 404', 'POST 202', 'PATCH 202', 'PUT 201']);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'blob-uploaded',
        digest: blob.descriptor.digest,
        bytes: blob.bytes.length,
      }),
    );
    expect(opened).toBe(1);

    events = [];
    expect(await client.uploadBlob('app/blobs', blob.descriptor, open)).toBe('exists');
    expect(requestsOf(events)).toEqual(['HEAD 200']);
    expect(opened).toBe(1);

    expect(await client.blobExists('app/blobs', blob.descriptor.digest)).toEqual({ size: blob.bytes.length });
    expect((await client.getBlobBytes('app/blobs', blob.descriptor.digest)).equals(blob.bytes)).toBe(true);
    const hash = createHash('sha256');
    for await (const chunk of await client.getBlob('app/blobs', blob.descriptor.digest))
      hash.update(chunk as Buffer);
    expect(`sha256:${hash.digest('hex')}`).toBe(blob.descriptor.digest);
  });

  it('streams a blob of unknown size and digest: one chunked PATCH, the digest given at the end', async () => {
    const blob = randomBlob(2 * 1024 * 1024 + 5);
    events = [];
    const sent = await client.uploadStream('app/streamed', () => blob.open());
    expect(sent).toEqual({ digest: blob.descriptor.digest, size: blob.bytes.length });
    expect(requestsOf(events)).toEqual(['POST 202', 'PATCH 202', 'PUT 201']);
    expect((await client.getBlobBytes('app/streamed', sent.digest)).equals(blob.bytes)).toBe(true);
    // A source that hashes itself is trusted for the digest, and checked for the size.
    const other = randomBlob(70_000);
    const self = await client.uploadStream('app/streamed', () => ({
      stream: other.open(),
      digest: Promise.resolve({ digest: other.descriptor.digest, size: other.bytes.length }),
    }));
    expect(self.digest).toBe(other.descriptor.digest);
    await expect(
      client.uploadStream('app/streamed', () => ({
        stream: other.open(),
        digest: Promise.resolve({ digest: other.descriptor.digest, size: 1 }),
      })),
    ).rejects.toThrow(/SIZE_MISMATCH: the source says 1 bytes, 70000 were sent/);
  });

  it('does not retry a streamed upload whose source fails, and reports the source error as it is', async () => {
    let opened = 0;
    const failing = () => {
      opened++;
      return new Readable({
        read() {
          this.destroy(new Error('git cat-file ended early (exit 128)'));
        },
      });
    };
    await expect(client.uploadStream('app/streamed', failing)).rejects.toThrow(
      'git cat-file ended early (exit 128)',
    );
    expect(opened).toBe(1);
  });

  it('uploads an empty blob', async () => {
    const empty = { mediaType: 'application/octet-stream', digest: sha256(Buffer.alloc(0)), size: 0 };
    expect(await client.uploadBlob('app/blobs', empty, () => Readable.from([]))).toBe('uploaded');
    expect((await client.getBlobBytes('app/blobs', empty.digest)).length).toBe(0);
  });

  it('mounts a blob from another repository without reading the source', async () => {
    const layer = base.platforms.amd64.layers[1]!;
    events = [];
    const result = await client.uploadBlob(
      'app/mounted',
      layer.descriptor,
      () => {
        throw new Error('must not be opened');
      },
      { mountFrom: [base.repository] },
    );
    expect(result).toBe('mounted');
    expect(requestsOf(events)).toEqual(['HEAD 404', 'POST 201']);
    expect(await client.blobExists('app/mounted', layer.descriptor.digest)).toEqual({
      size: layer.descriptor.size,
    });
  });

  it('falls back to uploading when the mount source lacks the blob (uses the 202 session)', async () => {
    const blob = randomBlob(1000);
    events = [];
    expect(
      await client.uploadBlob('app/fallback', blob.descriptor, blob.open, { mountFrom: ['no/such-repo'] }),
    ).toBe('uploaded');
    expect(requestsOf(events)).toEqual(['HEAD 404', 'POST 202', 'PATCH 202', 'PUT 201']);
  });

  it('refuses a source whose bytes do not match the descriptor, before committing', async () => {
    const blob = randomBlob(2000);
    const wrongDigest = { ...blob.descriptor, digest: sha256('something else') };
    events = [];
    const err = await client.uploadBlob('app/blobs', wrongDigest, blob.open).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).code).toBe('DIGEST_MISMATCH');
    expect(requestsOf(events)).not.toContain('PUT 201');

    const short = { ...blob.descriptor, size: 2500 };
    const err2 = await client.uploadBlob('app/blobs', short, blob.open).catch((e: unknown) => e);
    expect((err2 as RegistryError).code).toBe('SIZE_MISMATCH');
    expect((err2 as RegistryError).message).toMatch(/has 2000 bytes, expected 2500/);
    expect(await client.blobExists('app/blobs', blob.descriptor.digest)).toBeUndefined();
  });

  it('reports a failing source as SOURCE_ERROR without retrying it', async () => {
    const blob = randomBlob(4000);
    let opened = 0;
    const failing = () => {
      opened++;
      return new Readable({
        read() {
          this.destroy(Object.assign(new Error('EIO: disk on fire'), { code: 'EIO' }));
        },
      });
    };
    const err = await client.uploadBlob('app/blobs', blob.descriptor, failing).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', attempts: 1 });
    expect((err as Error).message).toMatch(
      /upload blob sha256:\w+ failed: SOURCE_ERROR: reading the blob source: EIO/,
    );
    expect(opened).toBe(1);
  });
});

describe('manifests', () => {
  it('reads by tag and by digest, and HEADs with the full Accept list', async () => {
    const byTag = await client.getManifest(base.repository, 'single');
    expect(byTag.digest).toBe(base.platforms.amd64.digest);
    expect(byTag.mediaType).toBe(MediaType.ociManifest);
    expect(byTag.bytes.equals(base.platforms.amd64.manifestBytes)).toBe(true);
    const byDigest = await client.getManifest(base.repository, base.platforms.amd64.digest);
    expect(byDigest.digest).toBe(base.platforms.amd64.digest);
    // OCI index stored: Distribution 2.8 answers 404 unless Accept names OCI types, so this checks our Accept too.
    expect(await client.headManifest(base.repository, 'multi')).toEqual({
      digest: base.indexDigest,
      mediaType: MediaType.ociIndex,
      size: expect.any(Number) as number,
    });
    expect(await client.headManifest(base.repository, 'no-such-tag')).toBeUndefined();
    expect(await client.listTags(base.repository)).toEqual(expect.arrayContaining(['multi', 'single']));
    expect(await client.listTags('never/pushed')).toEqual([]);
  });

  it('follows an OCI index to linux/amd64 (or another platform) and parses the config', async () => {
    const img = await client.resolveImage(base.repository, 'multi');
    expect(img.index?.digest).toBe(base.indexDigest);
    expect(img.digest).toBe(base.platforms.amd64.digest);
    expect(img.config.config?.Entrypoint).toEqual(['./package-registry']);
    expect(img.config.config?.WorkingDir).toBe('/package-registry');
    expect(img.config.config?.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(img.config.rootfs.diff_ids).toEqual(base.platforms.amd64.layers.map((l) => l.diffId));

    const arm = await client.getManifest(base.repository, 'multi', {
      platform: { os: 'linux', architecture: 'arm64' },
    });
    expect(arm.digest).toBe(base.platforms.arm64.digest);

    const single = await client.resolveImage(base.repository, 'single');
    expect(single.index).toBeUndefined();
    expect(single.config.architecture).toBe('amd64');

    const err = await client
      .resolveImage(base.repository, 'multi', { os: 'linux', architecture: 's390x' })
      .catch((e: unknown) => e);
    expect((err as RegistryError).code).toBe('PLATFORM_NOT_FOUND');
    expect((err as RegistryError).message).toContain('linux/amd64, linux/arm64/v8');
  });

  it('resolves a Docker manifest list the same way', async () => {
    const docker = await seedBaseImage({
      host: registry.host,
      repository: 'base/docker-format',
      format: 'docker',
    });
    const img = await client.resolveImage(docker.repository, 'multi');
    expect(img.index?.mediaType).toBe(MediaType.dockerManifestList);
    expect(img.mediaType).toBe(MediaType.dockerManifest);
    expect(img.digest).toBe(docker.platforms.amd64.digest);
  });

  it('reports registry errors as one line with host, repository, operation and code', async () => {
    const layer = await buildLayer([{ name: 'x.txt', content: 'never uploaded' }]);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        config: base.platforms.amd64.configDescriptor,
        layers: [layer.descriptor],
      }),
    );
    const err = await client
      .putManifest('app/broken', 'v1', manifest, MediaType.ociManifest)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    const e = err as RegistryError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('MANIFEST_BLOB_UNKNOWN');
    expect(e.message).toContain(
      `registry ${registry.host} repository app/broken: PUT manifest v1 failed: 400`,
    );
    expect(e.message).not.toContain('\n');

    const missing = await client.getManifest(base.repository, 'nope').catch((x: unknown) => x);
    expect(missing).toMatchObject({ status: 404, code: 'MANIFEST_UNKNOWN' });

    const mismatch = await client
      .putManifest('app/broken', 'v1', manifest, MediaType.dockerManifest)
      .catch((x: unknown) => x);
    expect((mismatch as RegistryError).code).toBe('MANIFEST_INVALID');
  });
});

describe('read-back with skopeo and umoci', () => {
  it('pushes an image whose digest skopeo confirms and whose files umoci unpacks', async () => {
    const repo = 'app/snapshot';
    const baseImg = await client.resolveImage(base.repository, 'multi');
    const layer = await buildLayer([
      { name: 'packages/' },
      { name: 'packages/package-registry/' },
      { name: 'packages/package-registry/nginx-1.2.3.zip', content: 'zip bytes' },
    ]);
    const results = [];
    for (const l of baseImg.manifest.layers) {
      results.push(
        await client.uploadBlob(repo, l, () => Readable.from([]), { mountFrom: [base.repository] }),
      );
    }
    results.push(await client.uploadBlob(repo, layer.descriptor, () => Readable.from([layer.bytes])));
    const config = {
      ...baseImg.config,
      rootfs: { type: 'layers', diff_ids: [...baseImg.config.rootfs.diff_ids, layer.diffId] },
    };
    const configBytes = Buffer.from(JSON.stringify(config));
    const configDesc = {
      mediaType: MediaType.ociConfig,
      digest: sha256(configBytes),
      size: configBytes.length,
    };
    results.push(await client.uploadBlob(repo, configDesc, () => Readable.from([configBytes])));
    expect(results).toEqual(['mounted', 'mounted', 'uploaded', 'uploaded']);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        config: configDesc,
        layers: [...baseImg.manifest.layers, layer.descriptor],
      }),
    );
    const digest: Digest = await client.putManifest(repo, 'v1', manifest, MediaType.ociManifest);
    expect(await client.putManifest(repo, 'latest', manifest, MediaType.ociManifest)).toBe(digest);

    const raw = await skopeoInspect(`${registry.host}/${repo}:v1`, { raw: true });
    expect(sha256(raw.stdout)).toBe(digest);
    const info = await skopeoInspect(`${registry.host}/${repo}:latest`);
    expect(info.json.Digest).toBe(digest);
    expect(info.json.Layers).toHaveLength(3);
    const cfg = await skopeoInspect(`${registry.host}/${repo}:v1`, { config: true, raw: true });
    expect(sha256(cfg.stdout)).toBe(configDesc.digest);
    const index = await skopeoInspect(base.indexRef, { raw: true });
    expect(sha256(index.stdout)).toBe(base.indexDigest);

    const unpacked = await unpackImage(`${registry.host}/${repo}:v1`);
    try {
      expect((await unpacked.readFile('/package-registry/config.yml')).toString()).toBe(
        base.files['/package-registry/config.yml'],
      );
      expect((await unpacked.readFile('/packages/package-registry/nginx-1.2.3.zip')).toString()).toBe(
        'zip bytes',
      );
    } finally {
      await unpacked.cleanup();
    }
  });
});
