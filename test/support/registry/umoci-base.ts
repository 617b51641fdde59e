// A two-platform package-registry base made with independent tools: umoci builds one image per platform in an
// OCI layout (its own layers, configs and manifests, no code of ours), the index over them is plain JSON written
// into the same layout, and skopeo pushes the whole index (`copy --all --preserve-digests`).
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run } from './exec.js';
import { skopeoCopy } from './skopeo.js';
import { ensureRegistryTools } from './tools.js';

export interface UmociPlatform {
  architecture: 'amd64' | 'arm64';
  /** The platform manifest's digest. */
  digest: string;
  /** Its layer digests (the base layers). */
  layers: string[];
}

export interface UmociBase {
  /** `<host>/<repository>:<tag>`. */
  ref: string;
  indexDigest: string;
  platforms: UmociPlatform[];
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: { architecture: string; os: string; variant?: string };
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Builds linux/amd64 + linux/arm64 images with umoci and pushes their index to `<host>/<repository>:<tag>`. */
export async function seedUmociBase(o: {
  host: string;
  repository: string;
  tag: string;
}): Promise<UmociBase> {
  await ensureRegistryTools();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pkgstore-umoci-'));
  const layout = path.join(dir, 'layout');
  try {
    await run('umoci', ['init', '--layout', layout]);
    for (const arch of ['amd64', 'arm64'] as const) {
      const image = `${layout}:${arch}`;
      await run('umoci', ['new', '--image', image]);
      await run('umoci', [
        'config',
        '--image',
        image,
        '--architecture',
        arch,
        '--os',
        'linux',
        '--created',
        '2024-01-01T00:00:00Z',
        '--config.workingdir',
        '/package-registry',
        '--config.entrypoint',
        './package-registry',
        '--config.exposedports',
        '8080/tcp',
        '--config.env',
        'EPR_ADDRESS=0.0.0.0:8080',
        '--config.label',
        `org.opencontainers.image.title=package-registry test base (${arch})`,
        '--history.created',
        '2024-01-01T00:00:00Z',
      ]);
      const bundle = path.join(dir, `bundle-${arch}`);
      await run('umoci', ['unpack', '--rootless', '--image', image, bundle]);
      const rootfs = path.join(bundle, 'rootfs');
      await mkdir(path.join(rootfs, 'etc'), { recursive: true });
      await mkdir(path.join(rootfs, 'package-registry'), { recursive: true });
      await writeFile(path.join(rootfs, 'etc/os-release'), `PRETTY_NAME="umoci test base (${arch})"\n`);
      const binary = path.join(rootfs, 'package-registry/package-registry');
      await writeFile(binary, `#!/bin/sh\n# stand-in for the ${arch} package-registry binary; never run\n`);
      await chmod(binary, 0o755);
      await writeFile(
        path.join(rootfs, 'package-registry/config.yml'),
        'package_paths:\n  - /packages/package-registry\n',
      );
      await run('umoci', [
        'repack',
        '--image',
        image,
        '--history.created',
        '2024-01-01T00:00:00Z',
        '--history.created_by',
        `test base files (${arch})`,
        bundle,
      ]);
    }
    // The index: the two umoci manifests, as umoci listed them in index.json, with their platforms.
    const indexJson = JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8')) as {
      manifests: Descriptor[];
    };
    const platforms: UmociPlatform[] = [];
    const entries: Descriptor[] = [];
    for (const arch of ['amd64', 'arm64'] as const) {
      const d = indexJson.manifests.find(
        (m) => m.annotations?.['org.opencontainers.image.ref.name'] === arch,
      );
      if (!d) throw new Error(`umoci left no ${arch} image in ${layout}`);
      const manifest = JSON.parse(
        await readFile(path.join(layout, 'blobs/sha256', d.digest.slice('sha256:'.length)), 'utf8'),
      ) as { layers: Descriptor[] };
      platforms.push({ architecture: arch, digest: d.digest, layers: manifest.layers.map((l) => l.digest) });
      entries.push({
        mediaType: d.mediaType,
        digest: d.digest,
        size: d.size,
        platform: { architecture: arch, os: 'linux', ...(arch === 'arm64' ? { variant: 'v8' } : {}) },
      });
    }
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: entries,
      }),
    );
    const indexDigest = sha256(index);
    await writeFile(path.join(layout, 'blobs/sha256', indexDigest.slice('sha256:'.length)), index);
    indexJson.manifests.push({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: indexDigest,
      size: index.length,
      annotations: { 'org.opencontainers.image.ref.name': 'multi' },
    });
    await writeFile(path.join(layout, 'index.json'), JSON.stringify(indexJson));
    const ref = `${o.host}/${o.repository}:${o.tag}`;
    await skopeoCopy(`oci:${layout}:multi`, ref, { all: true, preserveDigests: true });
    return { ref, indexDigest, platforms };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
