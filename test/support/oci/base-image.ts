// A tiny synthetic base image as an OCI image layout, made with independent tools (GNU tar + gzip) and
// hand-written JSON, optionally with Docker v2 media types (as Elastic's registry serves package-registry).
import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Descriptor, Digest, ImageConfig } from '../../../src/oci/types.js';
import { run } from './exec.js';

export interface SyntheticBase {
  dir: string;
  ref: string;
  manifestDigest: Digest;
  config: ImageConfig;
  layer: Descriptor;
  diffId: Digest;
}

const sha = (b: Buffer): Digest => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export async function makeBaseLayout(
  dir: string,
  options: { docker?: boolean; ref?: string } = {},
): Promise<SyntheticBase> {
  const ref = options.ref ?? 'base';
  const rootfs = join(dir, '..', `${dir.split('/').pop() ?? 'base'}-rootfs`);
  await mkdir(join(rootfs, 'etc'), { recursive: true });
  await mkdir(join(rootfs, 'package-registry'), { recursive: true });
  await mkdir(join(rootfs, 'packages', 'package-registry'), { recursive: true });
  await writeFile(join(rootfs, 'etc', 'os-release'), 'NAME="Synthetic"\nID=synthetic\n');
  await writeFile(join(rootfs, 'package-registry', 'package-registry'), '#!/bin/sh\necho package-registry\n');
  await chmod(join(rootfs, 'package-registry', 'package-registry'), 0o755);
  await writeFile(
    join(rootfs, 'package-registry', 'config.yml'),
    'package_paths:\n  - /packages/package-registry\n',
  );

  const tar = (
    await run('tar', [
      '--sort=name',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '--mtime=@0',
      '--format=gnu',
      '-C',
      rootfs,
      '-cf',
      '-',
      'etc',
      'package-registry',
      'packages',
    ])
  ).stdout;
  const gz = (await run('gzip', ['-n', '-6', '-c'], { input: tar })).stdout;
  const diffId = sha(tar);
  const docker = options.docker ?? false;
  const layer: Descriptor = {
    mediaType: docker
      ? 'application/vnd.docker.image.rootfs.diff.tar.gzip'
      : 'application/vnd.oci.image.layer.v1.tar+gzip',
    size: gz.length,
    digest: sha(gz),
  };
  const config: ImageConfig = {
    architecture: 'amd64',
    os: 'linux',
    created: '2024-05-01T10:20:30.123456789Z',
    config: {
      Env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'EPR_ADDRESS=localhost:8080',
      ],
      Entrypoint: ['./package-registry'],
      WorkingDir: '/package-registry',
      ExposedPorts: { '8080/tcp': {} },
      Labels: { 'org.opencontainers.image.title': 'package-registry', version: 'v1.15.0' },
      Healthcheck: { Test: ['CMD-SHELL', 'curl -f http://localhost:8080/health'] },
    },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created: '2024-05-01T10:20:30Z', created_by: 'COPY . /package-registry # buildkit' }],
    ...(docker ? { docker_version: '24.0.7', container_config: { Hostname: 'abc123' } } : {}),
  };
  // Pretty-printed and in a non-canonical key order, like real registries' blobs.
  const configBytes = Buffer.from(JSON.stringify(config, null, 2));
  const manifest = {
    schemaVersion: 2,
    mediaType: docker
      ? 'application/vnd.docker.distribution.manifest.v2+json'
      : 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: docker
        ? 'application/vnd.docker.container.image.v1+json'
        : 'application/vnd.oci.image.config.v1+json',
      size: configBytes.length,
      digest: sha(configBytes),
    },
    layers: [layer],
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 3));
  const manifestDigest = sha(manifestBytes);
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const b of [gz, configBytes, manifestBytes])
    await writeFile(join(dir, 'blobs', 'sha256', sha(b).slice(7)), b);
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion": "1.0.0"}');
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: manifest.mediaType,
          digest: manifestDigest,
          size: manifestBytes.length,
          annotations: { 'org.opencontainers.image.ref.name': ref },
        },
      ],
    }),
  );
  return { dir, ref, manifestDigest, config, layer, diffId };
}
