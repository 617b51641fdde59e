// A stand-in for the package-registry base image, written as an OCI layout, so the demo needs no registry or
// network. It holds what the real one's layout looks like (the server binary is a placeholder that is never run).
import { buildImage } from '../../oci/image.js';
import { buildLayer } from '../../oci/layer.js';
import { writeOciLayout } from '../../oci/layout.js';

export async function writeDemoBaseImage(dir: string, tag: string): Promise<void> {
  const files: Array<[string, string]> = [
    [
      'package-registry/package-registry',
      '#!/bin/sh\necho "demo stand-in for the package-registry server"\n',
    ],
    ['package-registry/config.yml', 'package_paths:\n  - /packages/package-registry\n'],
  ];
  const layer = await buildLayer(
    files.map(([path, text]) => ({
      path,
      type: 'file' as const,
      mode: path.endsWith('package-registry') ? 0o755 : 0o644,
      size: Buffer.byteLength(text),
      content: Buffer.from(text),
    })),
  );
  const image = buildImage(
    undefined,
    [
      {
        diffId: layer.diffId,
        digest: layer.digest,
        size: layer.size,
        mediaType: layer.mediaType,
        createdBy: 'demo base image',
      },
    ],
    {
      created: 0,
      workingDir: '/package-registry',
      entrypoint: ['./package-registry'],
      env: { EPR_ADDRESS: '0.0.0.0:8080' },
      labels: { 'org.opencontainers.image.title': 'package-registry (demo stand-in)' },
    },
  );
  await writeOciLayout(dir, [{ image, refs: [tag], blobs: [layer] }]);
  await layer.dispose();
}
