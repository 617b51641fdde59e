// Manifest, index and config documents: media types, validation, platform selection. Pure functions.

import {
  MediaType,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from '../oci/types.js';

const INDEX_TYPES = new Set<string>([MediaType.ociIndex, MediaType.dockerManifestList]);
const MANIFEST_TYPES = new Set<string>([MediaType.ociManifest, MediaType.dockerManifest]);

export { sha256Digest } from '../oci/digest.js';

export function isIndexMediaType(mediaType: string): boolean {
  return INDEX_TYPES.has(mediaType);
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The `mediaType` a manifest declares about itself, if any. */
export function declaredMediaType(bytes: Buffer): string | undefined {
  const json = parseJson(bytes) as { mediaType?: unknown } | undefined;
  return typeof json?.mediaType === 'string' ? json.mediaType : undefined;
}

/** Validates manifest JSON against its media type (Content-Type, else the body's own mediaType). */
export function parseManifest(
  bytes: Buffer,
  contentType: string | undefined,
  invalid: (detail: string) => Error,
): { mediaType: string; manifest: ImageManifest | ImageIndex } {
  const json = parseJson(bytes);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid('body is not a JSON object');
  const o = json as Record<string, unknown>;
  if (o.schemaVersion !== 2) {
    throw invalid(`schemaVersion ${JSON.stringify(o.schemaVersion)} is not supported (only schema 2 / OCI)`);
  }
  const declared = typeof o.mediaType === 'string' ? o.mediaType : undefined;
  const known = (t: string | undefined) => t !== undefined && (INDEX_TYPES.has(t) || MANIFEST_TYPES.has(t));
  let mediaType: string;
  if (known(contentType)) {
    mediaType = contentType as string;
    if (declared !== undefined && declared !== mediaType) {
      throw invalid(`Content-Type is ${mediaType} but the manifest says mediaType ${declared}`);
    }
  } else if (known(declared)) {
    mediaType = declared as string;
  } else if (contentType && contentType !== 'application/json' && contentType !== 'text/plain') {
    throw invalid(`unsupported manifest type ${contentType}`);
  } else {
    // Untyped OCI documents (umoci omits mediaType): tell them apart by shape.
    mediaType = Array.isArray(o.manifests) ? MediaType.ociIndex : MediaType.ociManifest;
  }
  if (INDEX_TYPES.has(mediaType)) {
    if (!Array.isArray(o.manifests) || !o.manifests.every(isDescriptor))
      throw invalid('index without valid manifests[]');
  } else if (!isDescriptor(o.config) || !Array.isArray(o.layers) || !o.layers.every(isDescriptor)) {
    throw invalid('manifest without a valid config and layers[]');
  }
  return { mediaType, manifest: json as ImageManifest | ImageIndex };
}

function isDescriptor(d: unknown): d is Descriptor {
  if (typeof d !== 'object' || d === null) return false;
  const o = d as Record<string, unknown>;
  return typeof o.mediaType === 'string' && typeof o.digest === 'string' && typeof o.size === 'number';
}

/** Parses a config blob and checks it matches the manifest (one diff_id per layer). */
export function parseConfig(
  bytes: Buffer,
  manifest: ImageManifest,
  invalid: (detail: string) => Error,
): ImageConfig {
  const json = parseJson(bytes);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid('config is not a JSON object');
  const c = json as ImageConfig;
  if (c.rootfs?.type !== 'layers' || !Array.isArray(c.rootfs.diff_ids))
    throw invalid('config has no rootfs.diff_ids');
  if (c.rootfs.diff_ids.length !== manifest.layers.length) {
    throw invalid(
      `config has ${c.rootfs.diff_ids.length} diff_ids but the manifest has ${manifest.layers.length} layers`,
    );
  }
  return c;
}

function defaultVariant(arch: string): string | undefined {
  return arch === 'arm64' ? 'v8' : arch === 'arm' ? 'v7' : undefined;
}

/** The first manifest in `index` for `want` (variant compared only when asked for; arm64 means v8). */
export function selectPlatform(index: ImageIndex, want: Platform): Descriptor | undefined {
  const variant = (p: Platform) => p.variant ?? defaultVariant(p.architecture);
  return index.manifests.find((d) => {
    const p = d.platform;
    if (!p || p.os !== want.os || p.architecture !== want.architecture) return false;
    return want.variant === undefined || variant(p) === variant(want);
  });
}

/**
 * The entries of an index that are images for a real platform, in index order: buildx's attestation manifests
 * (`unknown/unknown`, `vnd.docker.reference.type`) and entries without a platform are left out.
 */
export function imagePlatforms(index: ImageIndex): Array<Descriptor & { platform: Platform }> {
  return index.manifests.filter(
    (d): d is Descriptor & { platform: Platform } =>
      d.platform !== undefined &&
      d.platform.os !== 'unknown' &&
      d.platform.architecture !== 'unknown' &&
      d.annotations?.['vnd.docker.reference.type'] === undefined &&
      !INDEX_TYPES.has(d.mediaType),
  );
}

export function formatPlatform(p: Platform | undefined): string {
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : '?';
}
