// Seeds a small but realistic package-registry "base image" into a test registry with our own client: two gzip
// layers per platform, an index (linux/amd64 + linux/arm64) and a single-arch manifest. Layers are built here with
// tar-stream, independent of the production layer builder in src/oci/.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { RegistryClient, type RegistryClientOptions } from '../../../src/registry/index.js';
import { MediaType, type Descriptor, type Digest, type ImageConfig } from '../../../src/oci/types.js';

export interface TarEntry {
  /** Path without leading slash; directories end with `/`. */
  name: string;
  content?: string | Buffer;
  mode?: number;
}

export interface BuiltLayer {
  /** Gzip bytes (what the registry stores). */
  bytes: Buffer;
  descriptor: Descriptor;
  diffId: Digest;
}

export function sha256(bytes: Buffer | string): Digest {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Deterministic tar (mtime 0, uid/gid 0, given order) → gzip layer. */
export async function buildLayer(
  entries: TarEntry[],
  mediaType: string = MediaType.ociLayerGzip,
): Promise<BuiltLayer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    const common = { mtime: new Date(0), uid: 0, gid: 0, uname: '', gname: '' };
    if (e.name.endsWith('/'))
      pack.entry({ ...common, name: e.name, type: 'directory', mode: e.mode ?? 0o755 });
    else pack.entry({ ...common, name: e.name, type: 'file', mode: e.mode ?? 0o644 }, e.content ?? '');
  }
  pack.finalize();
  await done;
  const tarBytes = Buffer.concat(chunks);
  const bytes = gzipSync(tarBytes, { level: 1 });
  return {
    bytes,
    diffId: sha256(tarBytes),
    descriptor: { mediaType, digest: sha256(bytes), size: bytes.length },
  };
}

export interface SeededPlatform {
  digest: Digest;
  manifestBytes: Buffer;
  config: ImageConfig;
  configDescriptor: Descriptor;
  layers: BuiltLayer[];
}

export interface SeededBaseImage {
  host: string;
  repository: string;
  /** `<host>/<repo>:multi`: the index / manifest list. */
  indexRef: string;
  indexDigest: Digest;
  indexMediaType: string;
  /** `<host>/<repo>:single`: the linux/amd64 manifest on its own. */
  singleRef: string;
  platforms: { amd64: SeededPlatform; arm64: SeededPlatform };
  /** Files of the amd64 image, path → content. */
  files: Record<string, string>;
}

export interface SeedOptions {
  host: string;
  repository?: string;
  /** OCI (default) or Docker v2 media types for manifests, index, config and layers. */
  format?: 'oci' | 'docker';
  client?: RegistryClientOptions;
  /** Also tag the linux/amd64 manifest as `tag` (the registry version the channels pin, e.g. `v1.15.0`). */
  tag?: string;
}

export async function seedBaseImage(o: SeedOptions): Promise<SeededBaseImage> {
  const repository = o.repository ?? 'base/package-registry';
  const docker = o.format === 'docker';
  const types = docker
    ? {
        manifest: MediaType.dockerManifest,
        index: MediaType.dockerManifestList,
        config: MediaType.dockerConfig,
        layer: MediaType.dockerLayerGzip,
      }
    : {
        manifest: MediaType.ociManifest,
        index: MediaType.ociIndex,
        config: MediaType.ociConfig,
        layer: MediaType.ociLayerGzip,
      };
  const client = new RegistryClient(o.host, { insecure: true, ...o.client });
  try {
    const configYml = 'package_paths:\n  - /packages/package-registry\ncache_time.index: 10s\n';
    const files: Record<string, string> = {};
    const build = async (arch: 'amd64' | 'arm64'): Promise<SeededPlatform> => {
      const osRelease = `PRETTY_NAME="Test Base Linux (${arch})"\nID=testbase\n`;
      const script = `#!/bin/sh\n# test stand-in for the package-registry binary (${arch}); never run\necho package-registry\n`;
      const base = await buildLayer(
        [{ name: 'etc/' }, { name: 'etc/os-release', content: osRelease }],
        types.layer,
      );
      const app = await buildLayer(
        [
          { name: 'package-registry/' },
          { name: 'package-registry/package-registry', content: script, mode: 0o755 },
          { name: 'package-registry/config.yml', content: configYml },
        ],
        types.layer,
      );
      if (arch === 'amd64') {
        files['/etc/os-release'] = osRelease;
        files['/package-registry/package-registry'] = script;
        files['/package-registry/config.yml'] = configYml;
      }
      const config: ImageConfig = {
        architecture: arch,
        os: 'linux',
        created: '1970-01-01T00:00:00Z',
        config: {
          Env: [
            'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
            'EPR_ADDRESS=0.0.0.0:8080',
          ],
          Entrypoint: ['./package-registry'],
          WorkingDir: '/package-registry',
          ExposedPorts: { '8080/tcp': {} },
          Labels: { 'org.opencontainers.image.title': 'package-registry test base' },
        },
        rootfs: { type: 'layers', diff_ids: [base.diffId, app.diffId] },
        history: [
          { created: '1970-01-01T00:00:00Z', created_by: 'test base layer' },
          { created: '1970-01-01T00:00:00Z', created_by: 'test package-registry layer' },
        ],
      };
      const configBytes = Buffer.from(JSON.stringify(config));
      const configDescriptor: Descriptor = {
        mediaType: types.config,
        digest: sha256(configBytes),
        size: configBytes.length,
      };
      for (const layer of [base, app]) {
        await client.uploadBlob(repository, layer.descriptor, () => Readable.from([layer.bytes]));
      }
      await client.uploadBlob(repository, configDescriptor, () => Readable.from([configBytes]));
      const manifestBytes = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: types.manifest,
          config: configDescriptor,
          layers: [base.descriptor, app.descriptor],
        }),
      );
      const digest = await client.putManifest(
        repository,
        sha256(manifestBytes),
        manifestBytes,
        types.manifest,
      );
      return { digest, manifestBytes, config, configDescriptor, layers: [base, app] };
    };
    const amd64 = await build('amd64');
    const arm64 = await build('arm64');
    const indexBytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: types.index,
        manifests: [
          {
            mediaType: types.manifest,
            digest: amd64.digest,
            size: amd64.manifestBytes.length,
            platform: { architecture: 'amd64', os: 'linux' },
          },
          {
            mediaType: types.manifest,
            digest: arm64.digest,
            size: arm64.manifestBytes.length,
            platform: { architecture: 'arm64', os: 'linux', variant: 'v8' },
          },
        ],
      }),
    );
    const indexDigest = await client.putManifest(repository, 'multi', indexBytes, types.index);
    await client.putManifest(repository, 'single', amd64.manifestBytes, types.manifest);
    if (o.tag) await client.putManifest(repository, o.tag, amd64.manifestBytes, types.manifest);
    return {
      host: o.host,
      repository,
      indexRef: `${o.host}/${repository}:multi`,
      indexDigest,
      indexMediaType: types.index,
      singleRef: `${o.host}/${repository}:single`,
      platforms: { amd64, arm64 },
      files,
    };
  } finally {
    client.close();
  }
}
