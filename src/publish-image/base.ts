// The base image (the package-registry server): from a registry (an index resolves to linux/amd64), from an OCI
// layout on disk (`oci:<dir>[:<tag>]`, for air-gapped builds) or `scratch` (none).
import { PassThrough, type Readable } from 'node:stream';
import { OperationError, UsageError } from '../core/errors.js';
import type { BaseImage } from '../oci/image.js';
import { layoutBlobFetcher, readOciLayoutImage, type FetchBlob } from '../oci/layout.js';
import type { Descriptor, Digest } from '../oci/types.js';
import { parseImageReference, RegistryError, type RegistryClient } from '../registry/index.js';

export interface BaseSource {
  /** As given, for reports. */
  reference: string;
  /** For the image label: the registry reference, or `oci-layout:<tag>` (a local path would make digests machine-dependent). */
  label?: string;
  image?: BaseImage;
  digest?: Digest;
  /** Streams a base layer (for layouts, archives and pushes to another registry). */
  fetchBlob: FetchBlob;
  /** Where the base lives when it is in a registry: layers can be mounted when the target is on the same host. */
  registry?: { host: string; repository: string };
}

export type ClientFor = (host: string) => RegistryClient;

/** A readable that streams an async source: registry uploads re-open blobs synchronously on every retry. */
export function lazyStream(open: () => Promise<Readable>): Readable {
  const out = new PassThrough();
  open().then(
    (source) => {
      source.on('error', (e) => out.destroy(e));
      source.pipe(out);
    },
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return out;
}

/** Appends `:<version>` to a base repository given without tag or digest. */
export function baseReference(base: string, registryVersion: string): string {
  if (base === 'scratch' || base.startsWith('oci:')) return base;
  const ref = parseImageReference(base);
  return ref.tag || ref.digest ? base : `${base}:${registryVersion}`;
}

export async function openBase(reference: string, clientFor: ClientFor): Promise<BaseSource> {
  if (reference === 'scratch')
    return {
      reference,
      fetchBlob: (d: Descriptor) =>
        Promise.reject(new OperationError(`blob ${d.digest} is not part of any known image`)),
    };
  if (reference.startsWith('oci:')) {
    const spec = reference.slice(4);
    const colon = spec.lastIndexOf(':');
    const [dir, tag] =
      colon > spec.lastIndexOf('/') ? [spec.slice(0, colon), spec.slice(colon + 1)] : [spec, undefined];
    let image;
    try {
      image = await readOciLayoutImage(dir, tag);
    } catch (error) {
      throw new UsageError(
        `base image ${reference}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return {
      reference,
      label: `oci-layout:${tag ?? 'latest'}`,
      image: {
        config: image.config,
        layers: image.manifest.layers,
        mediaType: image.manifest.mediaType ?? '',
      },
      digest: image.manifestDescriptor.digest,
      fetchBlob: layoutBlobFetcher(dir),
    };
  }
  let ref;
  try {
    ref = parseImageReference(reference);
  } catch (error) {
    throw new UsageError(
      `base image ${JSON.stringify(reference)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const client = clientFor(ref.apiHost);
  try {
    const resolved = await client.resolveImage(ref.repository, ref.digest ?? ref.tag ?? 'latest');
    return {
      reference,
      label: reference,
      image: { config: resolved.config, layers: resolved.manifest.layers, mediaType: resolved.mediaType },
      digest: resolved.digest,
      fetchBlob: (d: Descriptor) => client.getBlob(ref.repository, d.digest),
      registry: { host: ref.apiHost, repository: ref.repository },
    };
  } catch (error) {
    if (
      error instanceof RegistryError &&
      (error.status === 404 || error.code === 'MANIFEST_UNKNOWN' || error.code === 'NAME_UNKNOWN')
    )
      throw new UsageError(`base image ${reference} was not found: ${error.message}`);
    throw error;
  }
}
