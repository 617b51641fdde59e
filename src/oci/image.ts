// Image assembly: base image + new layers -> deterministic config and OCI manifest (src/oci/README.md, "Image").
//
// Choices:
// - The output is always an OCI image manifest with an OCI config media type. Docker v2 base layers
//   (`application/vnd.docker.image.rootfs.diff.tar.gzip`) are relabelled as OCI gzip layers; the bytes, digest and
//   size stay the same (the two types are byte-compatible, skopeo/buildah convert the same way), so base blobs are
//   still shared with and mountable from the base repository. Mixing Docker layer types into an OCI manifest is
//   what we avoid: the image-spec does not list them.
// - JSON is canonical: object keys sorted (by UTF-16 code units, recursively), no whitespace, undefined members
//   dropped. The base config is re-serialised that way, unknown fields included, so the config digest does not
//   depend on the order in which the base registry wrote its keys.
// - Everything time-like is the given `created` (default the epoch); strings we add to history, labels and
//   annotations are checked for host paths (checkout dir, temp dir, home, runner dirs), which would make the
//   digest depend on the machine.
import { homedir, tmpdir } from 'node:os';
import { sha256Digest } from './digest.js';
import {
  Annotation,
  MediaType,
  type Descriptor,
  type Digest,
  type HistoryEntry,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from './types.js';

/** The base image as read from a registry or layout: its config, its manifest's layers and media type. */
export interface BaseImage {
  config: ImageConfig;
  layers: Descriptor[];
  /** Media type of the base manifest (OCI or Docker v2); informational, layers are converted either way. */
  mediaType?: string;
}

/** A layer to append: a built Layer (layer.ts) or a reused descriptor from a previous image. */
export interface NewLayer {
  diffId: Digest;
  digest: Digest;
  size: number;
  mediaType: string;
  /** Descriptor annotations, e.g. {@link layerSourceAnnotations}. */
  annotations?: Record<string, string>;
  /** history[].created_by; default `package-storage publish-image`. Must not contain host paths. */
  createdBy?: string;
  comment?: string;
}

export interface ImageOptions {
  /** config.created and history[].created: a Date, Unix seconds or an RFC 3339 string. Default the epoch. */
  created?: Date | number | string;
  /** Merged over the base labels. */
  labels?: Record<string, string>;
  /** Set (string) or remove (null) environment variables; existing ones keep their position. */
  env?: Record<string, string | null>;
  workingDir?: string;
  entrypoint?: string[];
  cmd?: string[];
  user?: string;
  /** Manifest annotations. */
  annotations?: Record<string, string>;
  /** Platform of an image without base. Default linux/amd64. */
  platform?: Platform;
}

export interface BuiltImage {
  config: ImageConfig;
  configBytes: Buffer;
  configDescriptor: Descriptor;
  manifest: ImageManifest;
  manifestBytes: Buffer;
  manifestDescriptor: Descriptor;
  /** The manifest digest (what a registry reports for the pushed tag). */
  digest: Digest;
}

export const DEFAULT_CREATED_BY = 'package-storage publish-image';

// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON

function canonical(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonical JSON: non-finite number at ${path}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v: unknown, i) => (v === undefined ? 'null' : canonical(v, `${path}[${i}]`))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = obj[key];
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonical(v, `${path}.${key}`)}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new Error(`canonical JSON: cannot serialise ${typeof value} at ${path}`);
}

/** Canonical JSON bytes: sorted keys, no whitespace, UTF-8. */
export function canonicalJson(value: unknown): Buffer {
  return Buffer.from(canonical(value, '$'), 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** RFC 3339 in UTC without fractional seconds when they are zero (`1970-01-01T00:00:00Z`). */
export function formatCreated(created: Date | number | string = 0): string {
  if (typeof created === 'string') {
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(created) ||
      isNaN(Date.parse(created))
    ) {
      throw new Error(`created is not an RFC 3339 timestamp: ${JSON.stringify(created.slice(0, 60))}`);
    }
    return created;
  }
  const date = typeof created === 'number' ? new Date(created * 1000) : created;
  if (isNaN(date.getTime())) throw new Error('created is not a valid date');
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

function hostPaths(): string[] {
  const env = process.env;
  const candidates = [
    process.cwd(),
    tmpdir(),
    homedir(),
    env.GITHUB_WORKSPACE,
    env.RUNNER_TEMP,
    env.RUNNER_TOOL_CACHE,
    env.RUNNER_WORKSPACE,
  ];
  return [
    ...new Set(
      candidates
        .filter((p): p is string => p !== undefined && p.length > 1)
        .map((p) => p.replace(/\/+$/, '')),
    ),
  ];
}

/** Throws when `text` mentions a directory of this machine (which would make digests machine-dependent). */
export function assertNoHostPath(text: string, what: string): void {
  for (const p of hostPaths()) {
    let i = text.indexOf(p);
    while (i !== -1) {
      const next = text[i + p.length];
      const before = i === 0 ? undefined : text[i - 1];
      if ((next === undefined || !/[\w.-]/.test(next)) && (before === undefined || !/[\w.-]/.test(before))) {
        throw new Error(
          `${what} contains a host path (${p}); it would make the image digest machine-dependent`,
        );
      }
      i = text.indexOf(p, i + 1);
    }
  }
}

const layerTypeMap: Record<string, string> = {
  [MediaType.dockerLayerGzip]: MediaType.ociLayerGzip,
  [MediaType.dockerForeignLayerGzip]: MediaType.ociLayerNondistributableGzip,
  [MediaType.ociLayerGzip]: MediaType.ociLayerGzip,
  [MediaType.ociLayerTar]: MediaType.ociLayerTar,
  [MediaType.ociLayerZstd]: MediaType.ociLayerZstd,
  [MediaType.ociLayerNondistributableGzip]: MediaType.ociLayerNondistributableGzip,
};

/** The OCI media type for a (Docker or OCI) layer media type; same bytes, same digest. */
export function ociLayerMediaType(mediaType: string): string {
  const mapped = layerTypeMap[mediaType];
  if (mapped === undefined)
    throw new Error(`unsupported layer media type ${JSON.stringify(mediaType.slice(0, 100))}`);
  return mapped;
}

function convertDescriptor(d: Descriptor): Descriptor {
  const out: Descriptor = { mediaType: ociLayerMediaType(d.mediaType), digest: d.digest, size: d.size };
  if (d.annotations && Object.keys(d.annotations).length > 0) out.annotations = { ...d.annotations };
  if (d.urls) out.urls = [...d.urls];
  return out;
}

function checkStrings(record: Record<string, string> | undefined, what: string): void {
  for (const [k, v] of Object.entries(record ?? {})) {
    if (typeof v !== 'string') throw new Error(`${what} ${JSON.stringify(k)} is not a string`);
    assertNoHostPath(`${k}=${v}`, `${what} ${JSON.stringify(k)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Assembly

/** Appends layers to a base image (or builds from scratch when `base` is undefined). Pure and deterministic. */
export function buildImage(
  base: BaseImage | undefined,
  layers: readonly NewLayer[],
  options: ImageOptions = {},
): BuiltImage {
  const created = formatCreated(options.created);
  const platform = options.platform ?? { architecture: 'amd64', os: 'linux' };
  const baseConfig: ImageConfig = base
    ? (JSON.parse(JSON.stringify(base.config)) as ImageConfig)
    : { architecture: platform.architecture, os: platform.os, rootfs: { type: 'layers', diff_ids: [] } };
  if (!base && platform.variant !== undefined) baseConfig.variant = platform.variant;
  const baseDiffIds = baseConfig.rootfs?.diff_ids ?? [];
  const baseLayers = base?.layers ?? [];
  if (baseDiffIds.length !== baseLayers.length) {
    throw new Error(
      `base image is inconsistent: ${baseDiffIds.length} diff_ids for ${baseLayers.length} layers`,
    );
  }

  const history: HistoryEntry[] = [...(baseConfig.history ?? [])];
  for (const [i, l] of layers.entries()) {
    const entry: HistoryEntry = { created, created_by: l.createdBy ?? DEFAULT_CREATED_BY };
    assertNoHostPath(entry.created_by ?? '', `layer ${i} created_by`);
    if (l.comment !== undefined) {
      assertNoHostPath(l.comment, `layer ${i} comment`);
      entry.comment = l.comment;
    }
    checkStrings(l.annotations, `layer ${i} annotation`);
    history.push(entry);
  }
  checkStrings(options.labels, 'label');
  checkStrings(options.annotations, 'manifest annotation');

  const runConfig = { ...(baseConfig.config ?? {}) };
  if (options.labels) runConfig.Labels = { ...(runConfig.Labels ?? {}), ...options.labels };
  if (options.env) {
    const env = [...(runConfig.Env ?? [])];
    for (const [name, value] of Object.entries(options.env)) {
      if (name.length === 0 || name.includes('='))
        throw new Error(`invalid environment variable name ${JSON.stringify(name)}`);
      const at = env.findIndex((e) => e === name || e.startsWith(`${name}=`));
      if (value === null) {
        if (at !== -1) env.splice(at, 1);
      } else if (at !== -1) env[at] = `${name}=${value}`;
      else env.push(`${name}=${value}`);
    }
    runConfig.Env = env;
  }
  if (options.workingDir !== undefined) runConfig.WorkingDir = options.workingDir;
  if (options.entrypoint !== undefined) runConfig.Entrypoint = [...options.entrypoint];
  if (options.cmd !== undefined) runConfig.Cmd = [...options.cmd];
  if (options.user !== undefined) runConfig.User = options.user;

  const config: ImageConfig = {
    ...baseConfig,
    created,
    config: runConfig,
    rootfs: { type: 'layers', diff_ids: [...baseDiffIds, ...layers.map((l) => l.diffId)] },
    history,
  };
  const configBytes = canonicalJson(config);
  const configDescriptor: Descriptor = {
    mediaType: MediaType.ociConfig,
    digest: sha256Digest(configBytes),
    size: configBytes.length,
  };

  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: configDescriptor,
    layers: [
      ...baseLayers.map(convertDescriptor),
      ...layers.map((l) =>
        convertDescriptor({
          mediaType: l.mediaType,
          digest: l.digest,
          size: l.size,
          annotations: l.annotations,
        }),
      ),
    ],
  };
  if (options.annotations && Object.keys(options.annotations).length > 0)
    manifest.annotations = { ...options.annotations };
  const manifestBytes = canonicalJson(manifest);
  const digest = sha256Digest(manifestBytes);
  return {
    config,
    configBytes,
    configDescriptor,
    manifest,
    manifestBytes,
    manifestDescriptor: { mediaType: MediaType.ociManifest, digest, size: manifestBytes.length },
    digest,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Layer sources: find layers of a previous image that can be reused instead of rebuilt

export interface LayerSource {
  /** What the layer was built from, e.g. `git-tree:<id>:/packages/production`. */
  source: string;
  /** How it was built (layer.ts `layerRecipe()`); reuse needs an equal recipe. */
  recipe?: string;
}

/** Descriptor annotations recording a layer's source (`io.package-storage.layer.source`) and recipe. */
export function layerSourceAnnotations(source: string, recipe?: string): Record<string, string> {
  if (source.length === 0) throw new Error('empty layer source');
  const a: Record<string, string> = { [Annotation.layerSource]: source };
  if (recipe !== undefined) a[Annotation.layerRecipe] = recipe;
  return a;
}

/** Reads back {@link layerSourceAnnotations}. */
export function layerSourceOf(descriptor: Pick<Descriptor, 'annotations'>): LayerSource | undefined {
  const source = descriptor.annotations?.[Annotation.layerSource];
  if (source === undefined) return undefined;
  const recipe = descriptor.annotations?.[Annotation.layerRecipe];
  return recipe === undefined ? { source } : { source, recipe };
}

/** A layer of a previous image, ready to pass to {@link buildImage} as a NewLayer. */
export interface ReusableLayer extends NewLayer {
  annotations: Record<string, string>;
  /** Position in the previous image's layers. */
  index: number;
}

/**
 * Finds the layer of a previous image (same repository, read back from the registry or a layout) built from
 * `want.source` with the same recipe. Returns its descriptor and diff_id, so the caller can skip the rebuild and
 * mount/copy the existing blob. Undefined when absent or when the previous image is inconsistent.
 */
export function findReusableLayer(
  previous: { manifest: Pick<ImageManifest, 'layers'>; config: Pick<ImageConfig, 'rootfs'> },
  want: LayerSource,
): ReusableLayer | undefined {
  const layers = previous.manifest.layers;
  const diffIds = previous.config.rootfs?.diff_ids ?? [];
  if (layers.length !== diffIds.length) return undefined;
  for (const [index, d] of layers.entries()) {
    const got = layerSourceOf(d);
    if (!got || got.source !== want.source || got.recipe !== want.recipe) continue;
    const diffId = diffIds[index];
    if (diffId === undefined) return undefined;
    return {
      diffId,
      digest: d.digest,
      size: d.size,
      mediaType: ociLayerMediaType(d.mediaType),
      annotations: { ...d.annotations },
      index,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Index: one manifest per platform

/** An OCI image index over platform images (image.ts BuiltImage), canonical like everything else. */
export interface BuiltIndex {
  index: ImageIndex;
  indexBytes: Buffer;
  descriptor: Descriptor;
  digest: Digest;
  images: BuiltImage[];
}

/** The platform an image config declares (architecture, os, variant, os.version). */
export function configPlatform(config: ImageConfig): Platform {
  const p: Platform = { architecture: config.architecture, os: config.os };
  if (typeof config.variant === 'string' && config.variant !== '') p.variant = config.variant;
  if (typeof config['os.version'] === 'string' && config['os.version'] !== '')
    p['os.version'] = config['os.version'];
  return p;
}

/**
 * Index over `images` in the given order. Each entry's platform is the given one (e.g. as the base's index listed
 * it, variant included), else the one the image's config declares.
 */
export function buildIndex(
  images: readonly BuiltImage[],
  annotations?: Record<string, string>,
  platforms?: readonly (Platform | undefined)[],
): BuiltIndex {
  if (images.length === 0) throw new Error('an index needs at least one image');
  checkStrings(annotations, 'index annotation');
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: images.map((image, i) => ({
      ...image.manifestDescriptor,
      platform: platforms?.[i] ?? configPlatform(image.config),
    })),
  };
  if (annotations && Object.keys(annotations).length > 0) index.annotations = { ...annotations };
  const indexBytes = canonicalJson(index);
  const digest = sha256Digest(indexBytes);
  return {
    index,
    indexBytes,
    descriptor: { mediaType: MediaType.ociIndex, digest, size: indexBytes.length },
    digest,
    images: [...images],
  };
}
