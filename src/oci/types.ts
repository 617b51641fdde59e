// OCI image-spec and Docker v2 manifest shapes shared by the image builder (src/oci) and the registry
// client (src/registry). Only the fields we read or write are typed; unknown fields are preserved as-is
// because a manifest's digest is the hash of its exact bytes.

export const MediaType = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerTar: 'application/vnd.oci.image.layer.v1.tar',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
} as const;

/** Annotation keys written by src/oci (OCI pre-defined keys plus containerd's image-name key and our own). */
export const Annotation = {
  /** OCI layout: the tag of an index.json entry (tag only, no repository: OCI image-spec annotations.md). */
  refName: 'org.opencontainers.image.ref.name',
  /** containerd / Docker >= 25 `docker load`: the full image reference of an index.json entry. */
  containerdImageName: 'io.containerd.image.name',
  /** Our layer annotation: what a layer was built from (e.g. a git tree id), to find reusable layers later. */
  layerSource: 'io.package-storage.layer.source',
  /** Our layer annotation: how the layer was built (tar format version, mtime, destination), see layer.ts. */
  layerRecipe: 'io.package-storage.layer.recipe',
} as const;

/** Every manifest type we can read, in the order we prefer it (sent as the Accept list). */
export const manifestAccept: readonly string[] = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest,
];

/** `sha256:<64 hex>` */
export type Digest = `sha256:${string}`;

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: Digest;
  size: number;
  annotations?: Record<string, string>;
  platform?: Platform;
  urls?: string[];
  /** OCI 1.1: the artifact type of the manifest described (referrers index entries). */
  artifactType?: string;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  /** OCI 1.1 artifacts (an SBOM, an attestation). */
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  /** OCI 1.1: the manifest this one refers to (what the artifact is about). */
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  architecture: string;
  os: string;
  created?: string;
  config?: {
    Env?: string[];
    Entrypoint?: string[];
    Cmd?: string[];
    WorkingDir?: string;
    ExposedPorts?: Record<string, object>;
    Labels?: Record<string, string>;
    User?: string;
    Healthcheck?: Record<string, unknown>;
    [key: string]: unknown;
  };
  rootfs: { type: 'layers'; diff_ids: Digest[] };
  history?: HistoryEntry[];
  [key: string]: unknown;
}
