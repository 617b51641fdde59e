// OCI image layout on disk (image-spec image-layout.md): `oci-layout`, `index.json`, `blobs/sha256/<hex>`.
//
// Blobs come from local sources (our built layers: anything with `digest`, `size` and `open()`) or from a fetch
// callback `(descriptor) => Promise<Readable>` (base layers: the registry client plugs in here, or
// {@link layoutBlobFetcher} to copy from another layout). Writing is incremental: a blob already present with
// the right size is skipped; new blobs are written to a temp name, verified (size and sha256) and renamed, and
// index.json is replaced last, so an interrupted run never leaves an index pointing at a missing blob.
// Unreferenced old blobs are left in place (no garbage collection).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { digestHex, isDigest, sha256Digest } from './digest.js';
import { canonicalJson, type BaseImage } from './image.js';
import {
  Annotation,
  MediaType,
  type Descriptor,
  type Digest,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from './types.js';

/** A blob we can produce ourselves (layer.ts Layer satisfies this). */
export interface BlobSource {
  digest: Digest;
  size: number;
  open(): Readable | Promise<Readable>;
}

/** Streams a blob we do not have locally (e.g. a base layer, from the registry). */
export type FetchBlob = (descriptor: Descriptor) => Promise<Readable>;

/** The parts of an image (image.ts BuiltImage satisfies this) needed to store it. */
export interface StoredImage {
  manifest: ImageManifest;
  manifestBytes: Buffer;
  manifestDescriptor: Descriptor;
  config: ImageConfig;
  configBytes: Buffer;
}

/** A multi-platform image: its index plus the platform images it lists (image.ts BuiltIndex satisfies this). */
export interface StoredIndex {
  index: ImageIndex;
  indexBytes: Buffer;
  descriptor: Descriptor;
  images: readonly StoredImage[];
}

export function isStoredIndex(image: StoredImage | StoredIndex): image is StoredIndex {
  return 'images' in image;
}

/** The platform images of a stored image or index. */
export function platformImages(image: StoredImage | StoredIndex): readonly StoredImage[] {
  return isStoredIndex(image) ? image.images : [image];
}

export interface LayoutImage {
  /** One image, or an index over several platform images. */
  image: StoredImage | StoredIndex;
  /** Tags; each becomes one index.json entry with `org.opencontainers.image.ref.name`. */
  refs: readonly string[];
  /** Local blobs, e.g. the layers just built; any other layer is fetched. */
  blobs?: readonly BlobSource[];
  /**
   * Image repository without tag (`docker.elastic.co/package-registry/distribution`). When set, index entries also
   * get `io.containerd.image.name` = `<repository>:<ref>`, the name containerd / Docker >= 25 import them under.
   */
  repository?: string;
}

export interface WriteLayoutOptions {
  fetchBlob?: FetchBlob;
  /** Keep index.json entries of an existing layout whose ref is not rewritten. Default true. */
  keepExistingRefs?: boolean;
}

export interface WriteLayoutResult {
  index: ImageIndex;
  /** Blobs written by this call (not present before). */
  written: Digest[];
  /** Blobs already present with the right size. */
  skipped: Digest[];
}

export const OCI_LAYOUT_FILE = canonicalJson({ imageLayoutVersion: '1.0.0' });

// image-spec annotations.md: ref ::= component ("/" component)*, component ::= alphanum (separator alphanum)*
const refPattern =
  /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/;

export function assertRefName(ref: string): void {
  if (!refPattern.test(ref)) throw new Error(`invalid OCI ref name ${JSON.stringify(ref.slice(0, 140))}`);
}

export function platformOf(
  config: Pick<ImageConfig, 'architecture' | 'os'> & { variant?: unknown },
): Platform {
  const p: Platform = { architecture: config.architecture, os: config.os };
  if (typeof config.variant === 'string') p.variant = config.variant;
  return p;
}

/** index.json descriptor of one image (or index) under one ref (and, with a repository, its containerd name). */
export function indexEntry(image: StoredImage | StoredIndex, ref: string, repository?: string): Descriptor {
  const annotations: Record<string, string> = { [Annotation.refName]: ref };
  if (repository !== undefined) annotations[Annotation.containerdImageName] = `${repository}:${ref}`;
  if (isStoredIndex(image))
    return {
      mediaType: image.descriptor.mediaType,
      digest: image.descriptor.digest,
      size: image.descriptor.size,
      annotations,
    };
  return {
    mediaType: image.manifest.mediaType ?? image.manifestDescriptor.mediaType,
    digest: image.manifestDescriptor.digest,
    size: image.manifestDescriptor.size,
    annotations,
    platform: platformOf(image.config),
  };
}

// distribution/reference: optional domain[:port]/ then lowercase path components.
const domainPart =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?';
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const repositoryPattern = new RegExp(`^${domainPart}${pathComponent}(?:/${pathComponent})*$`);

export function assertRepository(repository: string): void {
  if (repository.length > 255 || !repositoryPattern.test(repository)) {
    throw new Error(`invalid image repository ${JSON.stringify(repository.slice(0, 260))}`);
  }
}

interface PlannedBlob {
  descriptor: Descriptor;
  open: () => Promise<Readable>;
}

/** Every blob the images need (manifest, config, layers), deduplicated, in first-use order. */
export function planBlobs(images: readonly LayoutImage[], fetchBlob?: FetchBlob): PlannedBlob[] {
  // Local sources of all images first: a layer one image fetches may be local for another.
  const local = new Map(images.flatMap(({ blobs }) => (blobs ?? []).map((b) => [b.digest, b] as const)));
  const plan = new Map<Digest, PlannedBlob>();
  const all: StoredImage[] = [];
  for (const { image } of images) {
    if (isStoredIndex(image)) {
      const bytes = image.indexBytes;
      plan.set(image.descriptor.digest, {
        descriptor: image.descriptor,
        open: () => Promise.resolve(bufferStream(bytes)),
      });
    }
    all.push(...platformImages(image));
  }
  for (const image of all) {
    plan.set(image.manifestDescriptor.digest, {
      descriptor: image.manifestDescriptor,
      open: () => Promise.resolve(bufferStream(image.manifestBytes)),
    });
    const configBytes = image.configBytes;
    plan.set(image.manifest.config.digest, {
      descriptor: image.manifest.config,
      open: () => Promise.resolve(bufferStream(configBytes)),
    });
    for (const layer of image.manifest.layers) {
      if (plan.has(layer.digest)) continue;
      const source = local.get(layer.digest);
      if (source) {
        if (source.size !== layer.size) {
          throw new Error(`blob ${layer.digest}: local size ${source.size} != ${layer.size}`);
        }
        plan.set(layer.digest, { descriptor: layer, open: async () => source.open() });
      } else if (fetchBlob) {
        plan.set(layer.digest, { descriptor: layer, open: () => fetchBlob(layer) });
      } else {
        throw new Error(`blob ${layer.digest} is neither local nor fetchable (no fetchBlob callback given)`);
      }
    }
  }
  return [...plan.values()];
}

export function bufferStream(bytes: Buffer): Readable {
  return Readable.from([bytes], { objectMode: false });
}

/**
 * Hashes a blob stream while passing it through and fails at its end if size or digest differ from the
 * descriptor (a corrupt or truncated base layer must not end up in a layout or archive).
 */
export async function* verifyBlob(
  source: AsyncIterable<Uint8Array>,
  descriptor: Descriptor,
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > descriptor.size)
      throw new Error(`blob ${descriptor.digest} is larger than its descriptor size ${descriptor.size}`);
    hash.update(chunk);
    yield chunk;
  }
  if (size !== descriptor.size)
    throw new Error(`blob ${descriptor.digest} has ${size} bytes, descriptor says ${descriptor.size}`);
  const got = `sha256:${hash.digest('hex')}`;
  if (got !== descriptor.digest) throw new Error(`blob ${descriptor.digest} has digest ${got}`);
}

async function existingSize(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

async function readIndex(dir: string): Promise<ImageIndex | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, 'index.json'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const index = JSON.parse(text) as ImageIndex;
  if (index.schemaVersion !== 2 || !Array.isArray(index.manifests))
    throw new Error(`${dir}/index.json is not an OCI index`);
  return index;
}

/** Writes (or updates) an OCI image layout in `dir` holding `images` under their refs. */
export async function writeOciLayout(
  dir: string,
  images: readonly LayoutImage[],
  options: WriteLayoutOptions = {},
): Promise<WriteLayoutResult> {
  const refs = new Set<string>();
  for (const { refs: imageRefs, repository } of images) {
    if (repository !== undefined) assertRepository(repository);
    for (const ref of imageRefs) {
      assertRefName(ref);
      if (refs.has(ref)) throw new Error(`ref ${JSON.stringify(ref)} given twice`);
      refs.add(ref);
    }
  }
  const plan = planBlobs(images, options.fetchBlob);
  const blobDir = join(dir, 'blobs', 'sha256');
  await mkdir(blobDir, { recursive: true });
  const written: Digest[] = [];
  const skipped: Digest[] = [];
  for (const blob of plan) {
    const { digest, size } = blob.descriptor;
    const path = join(blobDir, digestHex(digest));
    if ((await existingSize(path)) === size) {
      skipped.push(digest);
      continue;
    }
    await writeAtomically(path, async (tmp) => {
      const stream = await blob.open();
      await pipeline(
        stream,
        (src: AsyncIterable<Uint8Array>) => verifyBlob(src, blob.descriptor),
        createWriteStream(tmp),
      );
    });
    written.push(digest);
  }

  const previous = options.keepExistingRefs === false ? undefined : await readIndex(dir);
  const kept = (previous?.manifests ?? []).filter((d) => {
    const ref = d.annotations?.[Annotation.refName];
    return ref === undefined || !refs.has(ref);
  });
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [
      ...kept,
      ...images.flatMap(({ image, refs: imageRefs, repository }) =>
        imageRefs.map((ref) => indexEntry(image, ref, repository)),
      ),
    ],
  };
  if ((await existingSize(join(dir, 'oci-layout'))) === undefined) {
    await writeAtomically(join(dir, 'oci-layout'), (tmp) => writeFile(tmp, OCI_LAYOUT_FILE));
  }
  await writeAtomically(join(dir, 'index.json'), (tmp) => writeFile(tmp, canonicalJson(index)));
  return { index, written, skipped };
}

/** Reads blobs of an existing layout, e.g. to pack it into an archive or to use it as a base. */
export function layoutBlobFetcher(dir: string): FetchBlob {
  return (descriptor) =>
    Promise.resolve(createReadStream(join(dir, 'blobs', 'sha256', digestHex(descriptor.digest))));
}

export interface LayoutImageRead extends StoredImage, BaseImage {
  mediaType: string;
  layers: Descriptor[];
}

/** A layout entry: one image, or an index with its platform images (nested indexes are not followed). */
export type LayoutTopRead =
  | { kind: 'manifest'; image: LayoutImageRead }
  | {
      kind: 'index';
      descriptor: Descriptor;
      indexBytes: Buffer;
      index: ImageIndex;
      images: LayoutImageRead[];
    };

function layoutEntry(index: ImageIndex, dir: string, ref: string | undefined): Descriptor {
  const matches = index.manifests.filter(
    (d) => ref === undefined || d.annotations?.[Annotation.refName] === ref,
  );
  if (matches.length !== 1) {
    throw new Error(
      `${dir}: ${matches.length === 0 ? 'no' : 'more than one'} image ${ref === undefined ? '' : `for ref ${JSON.stringify(ref)} `}in index.json`,
    );
  }
  return matches[0] as Descriptor;
}

function layoutBlobReader(dir: string): (d: Descriptor) => Promise<Buffer> {
  return async (d) => {
    if (!isDigest(d.digest)) throw new Error(`invalid digest in ${dir}`);
    const bytes = await readFile(join(dir, 'blobs', 'sha256', digestHex(d.digest)));
    if (bytes.length !== d.size || sha256Digest(bytes) !== d.digest)
      throw new Error(`blob ${d.digest} in ${dir} is corrupt`);
    return bytes;
  };
}

/** Reads the image or index of a layout under `ref` (or the only entry), verifying every digest read. */
export async function readOciLayout(dir: string, ref?: string): Promise<LayoutTopRead> {
  const top = await readIndex(dir);
  if (!top) throw new Error(`${dir} has no index.json`);
  const desc = layoutEntry(top, dir, ref);
  if (desc.mediaType !== MediaType.ociIndex && desc.mediaType !== MediaType.dockerManifestList)
    return { kind: 'manifest', image: await readManifestAt(dir, desc) };
  const indexBytes = await layoutBlobReader(dir)(desc);
  const index = JSON.parse(indexBytes.toString('utf8')) as ImageIndex;
  if (index.schemaVersion !== 2 || !Array.isArray(index.manifests))
    throw new Error(`${dir}: ${desc.digest} is not an image index`);
  const images: LayoutImageRead[] = [];
  for (const d of index.manifests) {
    // Attestation manifests (buildx) and other non-images carry no real platform.
    if (!d.platform || d.platform.os === 'unknown') continue;
    images.push(await readManifestAt(dir, d));
  }
  return { kind: 'index', descriptor: desc, indexBytes, index, images };
}

/**
 * Reads one image of a layout by ref (or the only image when `ref` is omitted), verifying manifest and config
 * digests. Accepts OCI and Docker v2 manifests; for an index, its linux/amd64 image (else the first).
 */
export async function readOciLayoutImage(dir: string, ref?: string): Promise<LayoutImageRead> {
  const top = await readOciLayout(dir, ref);
  if (top.kind === 'manifest') return top.image;
  const image =
    top.images.find((i) => i.config.os === 'linux' && i.config.architecture === 'amd64') ?? top.images[0];
  if (!image) throw new Error(`${dir}: the index for ${ref ?? 'its entry'} lists no image`);
  return image;
}

async function readManifestAt(dir: string, desc: Descriptor): Promise<LayoutImageRead> {
  const readBlob = layoutBlobReader(dir);
  const manifestBytes = await readBlob(desc);
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as ImageManifest;
  const mediaType = manifest.mediaType ?? desc.mediaType;
  if (mediaType !== MediaType.ociManifest && mediaType !== MediaType.dockerManifest) {
    throw new Error(`${dir}: unsupported manifest media type ${JSON.stringify(mediaType)}`);
  }
  const configBytes = await readBlob(manifest.config);
  const config = JSON.parse(configBytes.toString('utf8')) as ImageConfig;
  return {
    manifest,
    manifestBytes,
    manifestDescriptor: { mediaType, digest: desc.digest, size: desc.size },
    config,
    configBytes,
    mediaType,
    layers: manifest.layers,
  };
}
