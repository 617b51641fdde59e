// The base image (the package-registry server): from a registry, from an OCI layout on disk (`oci:<dir>[:<tag>]`,
// for air-gapped builds) or `scratch` (none). A base that is an index gives one platform image per real platform
// it lists (buildx attestation entries are skipped); the package layers are the same for all of them.
import { PassThrough, type Readable } from 'node:stream';
import { OperationError, UsageError } from '../core/errors.js';
import type { BaseImage } from '../oci/image.js';
import { layoutBlobFetcher, readOciLayout, type FetchBlob, type LayoutImageRead } from '../oci/layout.js';
import type { Descriptor, Digest, Platform } from '../oci/types.js';
import {
  formatPlatform,
  imagePlatforms,
  isIndexMediaType,
  isNotFound,
  parseImageReference,
  RegistryError,
  type ImageReference,
  type RegistryClient,
} from '../registry/index.js';

/** One platform of the base. */
export interface BasePlatform {
  platform: Platform;
  /** Undefined for `scratch`. */
  image?: BaseImage;
  /** Digest of this platform's base manifest (`org.opencontainers.image.base.digest` of its image). */
  digest?: Digest;
}

export interface BaseSource {
  /** As given, for reports. */
  reference: string;
  /** For labels: the registry reference, or `oci-layout:<tag>` (a local path would make digests machine-dependent). */
  label?: string;
  /** Digest of what the reference names: the index, or the single manifest. */
  digest?: Digest;
  /** Whether the reference names an index (then the published images are indexes too). */
  isIndex: boolean;
  /** Every platform the base has, in its index order. */
  platforms: BasePlatform[];
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

/** Parses an image reference, turning its problems into usage errors that name the input. */
export function imageReference(reference: string, what: string): ImageReference {
  try {
    return parseImageReference(reference);
  } catch (error) {
    // A reference with credentials has its own message, which never repeats the password.
    if (error instanceof Error && error.name === 'CredentialsInReferenceError')
      throw new UsageError(`${what}: ${error.message}`);
    throw new UsageError(
      `${what} ${JSON.stringify(reference)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Appends `:<version>` to a base repository given without tag or digest. */
export function baseReference(base: string, registryVersion: string): string {
  if (base === 'scratch' || base.startsWith('oci:')) return base;
  const ref = imageReference(base, 'base image');
  return ref.tag || ref.digest ? base : `${base}:${registryVersion}`;
}

const platformPattern = /^([a-z0-9]+)\/([a-z0-9_]+)(?:\/([a-z0-9]+))?$/;

/** `linux/amd64`, `linux/arm64/v8`, comma- or whitespace-separated. */
export function parsePlatforms(text: string): Platform[] {
  const out: Platform[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const m = platformPattern.exec(item);
    if (!m)
      throw new UsageError(
        `platform ${JSON.stringify(item.slice(0, 60))} is not os/arch[/variant], e.g. linux/arm64`,
      );
    out.push({ os: m[1]!, architecture: m[2]!, ...(m[3] ? { variant: m[3] } : {}) });
  }
  return out;
}

const defaultVariant = (p: Platform): string | undefined =>
  p.variant ?? (p.architecture === 'arm64' ? 'v8' : p.architecture === 'arm' ? 'v7' : undefined);

function samePlatform(have: Platform, want: Platform): boolean {
  if (have.os !== want.os || have.architecture !== want.architecture) return false;
  return want.variant === undefined || defaultVariant(have) === defaultVariant(want);
}

/** The base platforms to publish: all of them, or the ones asked for (each must exist). */
export function selectPlatforms(base: BaseSource, wanted: readonly Platform[]): BasePlatform[] {
  if (wanted.length === 0) return base.platforms;
  if (base.platforms.length === 1 && base.platforms[0]!.image === undefined)
    // scratch: the platforms are simply declared.
    return wanted.map((platform) => ({ platform }));
  return wanted.map((w) => {
    const found = base.platforms.find((p) => samePlatform(p.platform, w));
    if (!found)
      throw new UsageError(
        `base image ${base.reference} has no ${formatPlatform(w)} image (it has: ${base.platforms.map((p) => formatPlatform(p.platform)).join(', ') || 'none'})`,
      );
    return found;
  });
}

function fromLayout(image: LayoutImageRead, platform?: Platform): BasePlatform {
  return {
    platform: platform ?? {
      os: image.config.os,
      architecture: image.config.architecture,
      ...(typeof image.config.variant === 'string' ? { variant: image.config.variant } : {}),
    },
    image: { config: image.config, layers: image.manifest.layers, mediaType: image.mediaType },
    digest: image.manifestDescriptor.digest,
  };
}

async function openLayout(reference: string): Promise<BaseSource> {
  const spec = reference.slice(4);
  const colon = spec.lastIndexOf(':');
  const [dir, tag] =
    colon > spec.lastIndexOf('/') ? [spec.slice(0, colon), spec.slice(colon + 1)] : [spec, undefined];
  let top;
  try {
    top = await readOciLayout(dir, tag);
  } catch (error) {
    throw new UsageError(
      `base image ${reference}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const common = { reference, label: `oci-layout:${tag ?? 'latest'}`, fetchBlob: layoutBlobFetcher(dir) };
  if (top.kind === 'manifest')
    return {
      ...common,
      digest: top.image.manifestDescriptor.digest,
      isIndex: false,
      platforms: [fromLayout(top.image)],
    };
  return {
    ...common,
    digest: top.descriptor.digest,
    isIndex: true,
    platforms: top.images.map((image) => fromLayout(image)),
  };
}

export async function openBase(reference: string, clientFor: ClientFor): Promise<BaseSource> {
  if (reference === 'scratch')
    return {
      reference,
      isIndex: false,
      platforms: [{ platform: { os: 'linux', architecture: 'amd64' } }],
      fetchBlob: (d: Descriptor) =>
        Promise.reject(new OperationError(`blob ${d.digest} is not part of any known image`)),
    };
  if (reference.startsWith('oci:')) return openLayout(reference);
  const ref = imageReference(reference, 'base image');
  const client = clientFor(ref.apiHost);
  const repo = ref.repository;
  try {
    const top = await client.getManifest(repo, ref.digest ?? ref.tag ?? 'latest');
    const entries = isIndexMediaType(top.mediaType)
      ? imagePlatforms(top.manifest as { schemaVersion: 2; manifests: Descriptor[] })
      : [];
    if (isIndexMediaType(top.mediaType) && entries.length === 0)
      throw new UsageError(`base image ${reference} is an index without any platform image`);
    const refs = isIndexMediaType(top.mediaType) ? entries.map((e) => e.digest) : [top.digest];
    const platforms = await Promise.all(
      refs.map(async (digest, i): Promise<BasePlatform> => {
        const resolved = await client.resolveImage(repo, digest);
        return {
          platform: entries[i]?.platform ?? {
            os: resolved.config.os,
            architecture: resolved.config.architecture,
            ...(typeof resolved.config.variant === 'string' ? { variant: resolved.config.variant } : {}),
          },
          image: { config: resolved.config, layers: resolved.manifest.layers, mediaType: resolved.mediaType },
          digest: resolved.digest,
        };
      }),
    );
    return {
      reference,
      label: reference,
      digest: top.digest,
      isIndex: isIndexMediaType(top.mediaType),
      platforms,
      fetchBlob: (d: Descriptor) => client.getBlob(repo, d.digest),
      registry: { host: ref.apiHost, repository: repo },
    };
  } catch (error) {
    if (error instanceof RegistryError && isNotFound(error))
      throw new UsageError(`base image ${reference} was not found: ${error.message}`);
    throw error;
  }
}
