// Stage 4 for disks: the images as an OCI layout or as one air-gapped archive (an OCI layout and a `docker save`
// archive at once). Built layers are already in the layout's blob directory (or a temp file) from the layer
// stage; base layers and reused layers are fetched from where they live.
import type { Readable } from 'node:stream';
import { OperationError } from '../core/errors.js';
import { writeImageArchive, type ArchiveImage } from '../oci/archive.js';
import { writeOciLayout, type FetchBlob } from '../oci/layout.js';
import type { Descriptor, Digest } from '../oci/types.js';
import { stored, type AssembledImage } from './assemble.js';

function storedImages(images: readonly AssembledImage[], repository: string): ArchiveImage[] {
  return images.map((a) => ({
    image: stored(a),
    refs: [...a.job.tags.moving, ...a.job.tags.immutable, ...a.job.tags.release],
    blobs: a.layers.flatMap((l) => (l.blob ? [l.blob] : [])),
    repository,
  }));
}

/** Blobs no image holds locally: base layers (from the base's registry or layout) and reused layers. */
function fetcher(images: readonly AssembledImage[]): FetchBlob {
  const sources = new Map<Digest, () => Promise<Readable>>();
  for (const a of images) {
    for (const l of a.layers) {
      const blob = l.blob;
      if (blob) sources.set(l.digest, () => Promise.resolve(blob.open()));
    }
    for (const p of a.job.platforms)
      for (const d of p.image?.layers ?? []) sources.set(d.digest, () => a.job.base.fetchBlob(d));
  }
  return (descriptor: Descriptor) => {
    const open = sources.get(descriptor.digest);
    return open ? open() : Promise.reject(new OperationError(`no source for blob ${descriptor.digest}`));
  };
}

export async function writeLayout(
  dir: string,
  images: readonly AssembledImage[],
  repository: string,
): Promise<void> {
  await writeOciLayout(dir, storedImages(images, repository), { fetchBlob: fetcher(images) });
}

export async function writeArchive(
  file: string,
  images: readonly AssembledImage[],
  repository: string,
): Promise<{ digest: Digest; size: number }> {
  return writeImageArchive(file, storedImages(images, repository), { fetchBlob: fetcher(images) });
}
