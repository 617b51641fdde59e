// Air-gapped image archive: ONE uncompressed tar that is both an OCI image layout and a `docker save` archive
// (the layout Docker >= 25 writes; src/oci/README.md, "Archive"):
//
//   blobs/sha256/<hex>   every manifest, config and layer blob, layers kept gzip-compressed (registry bytes)
//   index.json           one entry per image and tag: `io.containerd.image.name` = `<repository>:<tag>` (containerd
//                        image store, Docker >= 25), `org.opencontainers.image.ref.name` = `<tag>` (OCI layout; the
//                        tag only, as containerd's exporter writes it)
//   manifest.json        `[{Config, RepoTags, Layers}]` with paths into blobs/ (classic `docker load`, skopeo
//                        `docker-archive:`)
//   oci-layout
//
// The tar comes from tar.ts (sorted names, mtime fixed, uid/gid 0), the JSON files are canonical, and blobs are
// content-addressed, so the same images always give the same archive bytes. Blob streams are verified against
// their descriptors while they are written.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { digestHex } from './digest.js';
import { canonicalJson } from './image.js';
import {
  OCI_LAYOUT_FILE,
  assertRefName,
  assertRepository,
  indexEntry,
  planBlobs,
  platformImages,
  verifyBlob,
  type FetchBlob,
  type LayoutImage,
  type StoredImage,
  type StoredIndex,
} from './layout.js';
import { createTarStream, tarChunks, type TarEntry } from './tar.js';
import { MediaType, type Digest, type ImageIndex } from './types.js';

export interface ArchiveImage extends LayoutImage {
  /** Image repository without tag, e.g. `docker.elastic.co/package-registry/distribution`. */
  repository: string;
  /** Tags (`refs`), each becomes `<repository>:<tag>` in RepoTags and in `io.containerd.image.name`. */
  refs: readonly string[];
}

export interface ArchiveOptions {
  fetchBlob?: FetchBlob;
  /** mtime of the archive entries, seconds since the epoch. Default 0. */
  mtime?: number;
}

/** One entry of `manifest.json` (the `docker save` format). */
export interface DockerArchiveManifestEntry {
  Config: string;
  RepoTags: string[];
  Layers: string[];
}

const tagPattern = /^\w[\w.-]{0,127}$/;

export function assertTag(tag: string): void {
  if (!tagPattern.test(tag)) throw new Error(`invalid image tag ${JSON.stringify(tag.slice(0, 140))}`);
}

const blobPath = (digest: Digest): string => `blobs/sha256/${digestHex(digest)}`;

/**
 * The image `docker load` (classic store) gets for a multi-platform image: manifest.json has no platforms, so one
 * image per tag; linux/amd64 when the index has it, else the first. The OCI side (index.json) keeps every platform.
 */
export function defaultPlatformImage(image: StoredImage | StoredIndex): StoredImage {
  const images = platformImages(image);
  return images.find((i) => i.config.os === 'linux' && i.config.architecture === 'amd64') ?? images[0]!;
}

/** The `manifest.json` entries for the images. */
export function dockerArchiveManifest(images: readonly ArchiveImage[]): DockerArchiveManifestEntry[] {
  return images.map(({ image: top, repository, refs }) => {
    const image = defaultPlatformImage(top);
    return {
      Config: blobPath(image.manifest.config.digest),
      RepoTags: refs.map((tag) => `${repository}:${tag}`),
      Layers: image.manifest.layers.map((l) => blobPath(l.digest)),
    };
  });
}

/** The archive's `index.json`. */
export function archiveIndex(images: readonly ArchiveImage[]): ImageIndex {
  return {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: images.flatMap(({ image, repository, refs }) =>
      refs.map((tag) => indexEntry(image, tag, repository)),
    ),
  };
}

function validate(images: readonly ArchiveImage[]): void {
  if (images.length === 0) throw new Error('an image archive needs at least one image');
  const tags = new Set<string>();
  for (const { repository, refs } of images) {
    assertRepository(repository);
    if (refs.length === 0) throw new Error(`image ${repository} has no tags`);
    for (const tag of refs) {
      assertTag(tag);
      assertRefName(tag);
      // ref.name holds the tag only, so two images with one tag would make `oci-archive:<file>:<tag>` ambiguous.
      if (tags.has(tag)) throw new Error(`tag ${JSON.stringify(tag)} used twice in one archive`);
      tags.add(tag);
    }
  }
}

/** The archive as tar entries, already in tar order, with blob contents as (verifying) factories. */
export function imageArchiveEntries(
  images: readonly ArchiveImage[],
  options: ArchiveOptions = {},
): TarEntry[] {
  validate(images);
  const blobs = planBlobs(images, options.fetchBlob).sort((a, b) =>
    a.descriptor.digest < b.descriptor.digest ? -1 : a.descriptor.digest > b.descriptor.digest ? 1 : 0,
  );
  const json = (value: unknown): Buffer => canonicalJson(value);
  // JSON.stringify keeps docker's key order (Config, RepoTags, Layers); the content is ours, so it is stable.
  const manifestJson = Buffer.from(JSON.stringify(dockerArchiveManifest(images)), 'utf8');
  return [
    { path: 'blobs', type: 'dir' },
    { path: 'blobs/sha256', type: 'dir' },
    ...blobs.map((b): TarEntry => ({
      path: blobPath(b.descriptor.digest),
      type: 'file',
      size: b.descriptor.size,
      content: async () => verifyBlob(await b.open(), b.descriptor),
    })),
    { path: 'index.json', type: 'file', content: json(archiveIndex(images)) },
    { path: 'manifest.json', type: 'file', content: manifestJson },
    { path: 'oci-layout', type: 'file', content: OCI_LAYOUT_FILE },
  ];
}

/** The archive as a byte stream. */
export function createImageArchive(images: readonly ArchiveImage[], options: ArchiveOptions = {}): Readable {
  return createTarStream(imageArchiveEntries(images, options), { sorted: true, mtime: options.mtime ?? 0 });
}

/** Writes the archive to `file` (atomically: temp name, then rename) and returns its digest and size. */
export async function writeImageArchive(
  file: string,
  images: readonly ArchiveImage[],
  options: ArchiveOptions = {},
): Promise<{ digest: Digest; size: number }> {
  const entries = imageArchiveEntries(images, options);
  const hash = createHash('sha256');
  let size = 0;
  const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    await pipeline(
      tarChunks(entries, { sorted: true, mtime: options.mtime ?? 0 }),
      async function* measure(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(tmp),
    );
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}
