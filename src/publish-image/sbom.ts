// The SBOM of a channel image: an SPDX 2.3 JSON document listing every package version the image serves (name,
// version, channel, the version's content identity and git tree), attached to the image as an OCI artifact whose
// `subject` is the image (distribution-spec 1.1 referrers). Registries with the referrers API index it
// themselves (they answer the manifest PUT with `OCI-Subject`); on the others (Distribution 2.8) the client keeps
// the `sha256-<hex>` tag holding the referrers index, as the spec's fallback says. Either way it is read back
// with plain registry calls: referrers (or that tag) → artifact manifest → SBOM blob.
import { Readable } from 'node:stream';
import { contentIdentity } from '../core/identity.js';
import { packagePath } from '../core/image-plan.js';
import { isDigest, sha256Digest } from '../oci/digest.js';
import { canonicalJson } from '../oci/image.js';
import {
  MediaType,
  type Descriptor,
  type Digest,
  type ImageIndex,
  type ImageManifest,
} from '../oci/types.js';
import { isNotFound, referrersTag, RegistryError, type RegistryClient } from '../registry/index.js';
import type { AssembledImage } from './assemble.js';
import { versionFiles } from './content.js';
import { createdTime } from './metadata.js';

export const SPDX_MEDIA_TYPE = 'application/spdx+json';
/** On the artifact manifest (and so on its referrers entry): which SBOMs are ours. */
export const SBOM_ANNOTATION = 'io.package-storage.sbom';
const SBOM_CREATOR = 'Tool: package-storage-actions';
export const EMPTY_CONFIG = Buffer.from('{}');
export const EMPTY_DESCRIPTOR: Descriptor = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: sha256Digest(EMPTY_CONFIG),
  size: EMPTY_CONFIG.length,
};

export interface ServedPackage {
  channel: string;
  name: string;
  version: string;
  tree: string;
  /** core/identity.ts: blob per path, modes ignored. */
  identity: string;
}

/**
 * Every package version the image serves, with its content identity: one `git ls-tree -r` per included channel
 * (at the commit the image was built from), one version's file list in memory at a time.
 */
export async function servedPackages(
  image: AssembledImage,
  repoDir: string,
  packagesRoot: string,
): Promise<ServedPackage[]> {
  const out: ServedPackage[] = [];
  for (const [channel, commit] of Object.entries(image.job.plan.commits)) {
    const versions = image.job.plan.layers.filter((l) => l.channel === channel).flatMap((l) => l.versions);
    const identities = new Array<string>(versions.length);
    await versionFiles(repoDir, commit, packagesRoot, versions, (i, files) => {
      identities[i] = contentIdentity(files);
    });
    versions.forEach((v, i) =>
      out.push({ channel, name: v.name, version: v.version, tree: v.tree, identity: identities[i]! }),
    );
  }
  const order = new Map(Object.keys(image.job.plan.commits).map((c, i) => [c, i]));
  return out.sort(
    (a, b) =>
      (order.get(a.channel) ?? 0) - (order.get(b.channel) ?? 0) ||
      (a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : a.version < b.version
            ? -1
            : a.version > b.version
              ? 1
              : 0),
  );
}

/** `pkg:oci/<name>@<digest>?repository_url=<host>/<path>` (the purl of a container image). */
function imagePurl(display: string, digest: Digest): string {
  const name = display.slice(display.lastIndexOf('/') + 1);
  return `pkg:oci/${name}@${encodeURIComponent(digest)}?repository_url=${encodeURIComponent(display)}`;
}

/** The SPDX 2.3 document (canonical JSON) for an image. Deterministic: the same image gives the same bytes. */
export function spdxDocument(o: {
  image: AssembledImage;
  display: string;
  packages: readonly ServedPackage[];
}): Buffer {
  const { image, display, packages } = o;
  const channel = image.job.channel.name;
  const hex = image.digest.slice('sha256:'.length);
  const doc = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${display}:${channel}@${image.digest}`,
    documentNamespace: `https://spdx.org/spdxdocs/package-storage-${channel}-${hex}`,
    creationInfo: {
      created: createdTime(image.job.plan.created),
      creators: ['Tool: package-storage-actions'],
    },
    packages: [
      {
        SPDXID: 'SPDXRef-Image',
        name: display,
        versionInfo: image.digest,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'CONTAINER',
        externalRefs: [
          {
            referenceCategory: 'PACKAGE-MANAGER',
            referenceType: 'purl',
            referenceLocator: imagePurl(display, image.digest),
          },
        ],
      },
      ...packages.map((p, i) => ({
        SPDXID: `SPDXRef-Package-${i + 1}`,
        name: p.name,
        versionInfo: p.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        sourceInfo: `channel ${p.channel}, served from ${packagePath(p.channel)}/${p.name}/${p.version}`,
        externalRefs: [
          {
            referenceCategory: 'OTHER',
            referenceType: 'package-storage-channel',
            referenceLocator: p.channel,
          },
          {
            referenceCategory: 'OTHER',
            referenceType: 'package-storage-content-identity',
            referenceLocator: p.identity,
          },
          // The version's git tree id is its Software Heritage directory id (SHA-1 repositories).
          ...(/^[0-9a-f]{40}$/.test(p.tree)
            ? [
                {
                  referenceCategory: 'PERSISTENT-ID',
                  referenceType: 'swh',
                  referenceLocator: `swh:1:dir:${p.tree}`,
                },
              ]
            : []),
        ],
      })),
    ],
    relationships: [
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'SPDXRef-Image',
      },
      ...packages.map((_, i) => ({
        spdxElementId: 'SPDXRef-Image',
        relationshipType: 'CONTAINS',
        relatedSpdxElement: `SPDXRef-Package-${i + 1}`,
      })),
    ],
  };
  return canonicalJson(doc);
}

export interface SbomArtifact {
  manifest: ImageManifest & { artifactType: string; subject: Descriptor };
  manifestBytes: Buffer;
  descriptor: Descriptor & { artifactType: string };
  sbom: Buffer;
  sbomDescriptor: Descriptor;
}

/** The OCI 1.1 artifact manifest carrying `sbom`, with the image as its subject. */
export function sbomArtifact(sbom: Buffer, image: AssembledImage): SbomArtifact {
  const sbomDescriptor: Descriptor = {
    mediaType: SPDX_MEDIA_TYPE,
    digest: sha256Digest(sbom),
    size: sbom.length,
    annotations: { 'org.opencontainers.image.title': 'sbom.spdx.json' },
  };
  const annotations = {
    'org.opencontainers.image.created': createdTime(image.job.plan.created),
    [SBOM_ANNOTATION]: 'spdx-2.3',
  };
  const manifest = {
    schemaVersion: 2 as const,
    mediaType: MediaType.ociManifest,
    artifactType: SPDX_MEDIA_TYPE,
    config: EMPTY_DESCRIPTOR,
    layers: [sbomDescriptor],
    subject: {
      mediaType: image.top.descriptor.mediaType,
      digest: image.digest,
      size: image.top.descriptor.size,
    },
    annotations,
  };
  const manifestBytes = canonicalJson(manifest);
  return {
    manifest,
    manifestBytes,
    descriptor: {
      mediaType: MediaType.ociManifest,
      digest: sha256Digest(manifestBytes),
      size: manifestBytes.length,
      artifactType: SPDX_MEDIA_TYPE,
      annotations,
    },
    sbom,
    sbomDescriptor,
  };
}

/** The referrers of `subject` as listed: through the referrers API, else the fallback tag; [] when there are none. */
export async function referrersOf(
  client: RegistryClient,
  repo: string,
  subject: Digest,
): Promise<Descriptor[]> {
  const listed = await client.listReferrers(repo, subject);
  if (listed) return listed;
  const tagged = await client.findManifest(repo, referrersTag(subject));
  if (!tagged || tagged.mediaType !== MediaType.ociIndex) return [];
  return (tagged.manifest as ImageIndex).manifests;
}

/** A referrer as its own manifest says (fetched by digest), not as a list claimed it. */
export interface CheckedReferrer {
  /** Built from the manifest: its media type, digest, size, artifact type and annotations. */
  descriptor: Descriptor & { artifactType?: string };
  manifest: ImageManifest;
}

/**
 * The referrers of `subject` that really are: each listed entry `want` picks is fetched by digest (the client checks
 * the digest) and kept only when its manifest exists in `repo` and names `subject` as its subject. Anyone who can
 * push can list anything under the fallback tag (`sha256-<hex>`), and a registry's referrers API is the registry's
 * word: neither is taken as proof of what an artifact is or says.
 */
export async function checkedReferrers(
  client: RegistryClient,
  repo: string,
  subject: Digest,
  want: (listed: Descriptor) => boolean = () => true,
): Promise<CheckedReferrer[]> {
  const out: CheckedReferrer[] = [];
  const seen = new Set<string>();
  for (const listed of await referrersOf(client, repo, subject)) {
    if (!want(listed) || !isDigest(listed.digest) || seen.has(listed.digest)) continue;
    seen.add(listed.digest);
    const found = await client.findManifest(repo, listed.digest);
    if (!found || found.mediaType !== MediaType.ociManifest) continue;
    const manifest = found.manifest as ImageManifest;
    if (manifest.subject?.digest !== subject) continue;
    const artifactType = manifest.artifactType ?? manifest.config.mediaType;
    out.push({
      descriptor: {
        mediaType: found.mediaType,
        digest: found.digest,
        size: found.bytes.length,
        artifactType,
        ...(manifest.annotations ? { annotations: manifest.annotations } : {}),
      },
      manifest,
    });
  }
  return out;
}

/** What an SBOM of ours must say to count for an image: its digest and channel, and with a plan its versions. */
export interface SbomExpectation {
  digest: Digest;
  channel: string;
  /** Every package version served, as `sbomPackageKeys` gives them; omitted, the list is not compared. */
  packages?: readonly string[];
}

/** `<channel> <name> <version> <tree>` per version (tree empty where the SBOM has no swh id), sorted. */
export function sbomPackageKeys(
  versions: ReadonlyArray<{ channel: string; name: string; version: string; tree: string }>,
): string[] {
  return versions
    .map((v) => `${v.channel} ${v.name} ${v.version} ${/^[0-9a-f]{40}$/.test(v.tree) ? v.tree : ''}`)
    .sort();
}

/** The versions an image's plan serves, keyed as {@link sbomPackageKeys}. */
export function planPackageKeys(image: AssembledImage): string[] {
  return sbomPackageKeys(
    image.job.plan.layers.flatMap((l) => l.versions.map((v) => ({ channel: l.channel, ...v }))),
  );
}

interface SpdxPackage {
  SPDXID?: unknown;
  name?: unknown;
  versionInfo?: unknown;
  externalRefs?: Array<{ referenceType?: unknown; referenceLocator?: unknown }>;
}

/** Whether `doc` is the SPDX document this tool writes for the image `expect` describes. */
export function isOurSbom(doc: unknown, expect: SbomExpectation): boolean {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as {
    spdxVersion?: unknown;
    documentNamespace?: unknown;
    creationInfo?: { creators?: unknown };
    packages?: unknown;
  };
  const hex = expect.digest.slice('sha256:'.length);
  const creators = d.creationInfo?.creators;
  if (
    d.spdxVersion !== 'SPDX-2.3' ||
    d.documentNamespace !== `https://spdx.org/spdxdocs/package-storage-${expect.channel}-${hex}` ||
    !Array.isArray(creators) ||
    !creators.includes(SBOM_CREATOR) ||
    !Array.isArray(d.packages)
  )
    return false;
  const [image, ...served] = d.packages as SpdxPackage[];
  if (image?.SPDXID !== 'SPDXRef-Image' || image.versionInfo !== expect.digest) return false;
  if (!expect.packages) return true;
  const ref = (p: SpdxPackage, type: string): string => {
    const found = p.externalRefs?.find((r) => r.referenceType === type)?.referenceLocator;
    return typeof found === 'string' ? found : '';
  };
  const keys = sbomPackageKeys(
    served.map((p) => ({
      channel: ref(p, 'package-storage-channel'),
      name: String(p.name),
      version: String(p.versionInfo),
      tree: ref(p, 'swh').replace(/^swh:1:dir:/, ''),
    })),
  );
  return keys.length === expect.packages.length && keys.every((k, i) => k === expect.packages![i]);
}

/** Largest SBOM read back to check it (a production image's lists a few thousand versions in well under this). */
const MAX_SBOM_BYTES = 64 << 20;

/**
 * The digest of an SBOM of ours attached to `expect.digest`, checked: the artifact's own manifest (its subject, type
 * and one SPDX layer), and the document itself read back and found to describe this image ({@link isOurSbom}).
 * undefined when none is; a listed entry that only claims to be one is not.
 */
export async function findSbom(
  client: RegistryClient,
  repo: string,
  expect: SbomExpectation,
): Promise<Digest | undefined> {
  const candidates = await checkedReferrers(
    client,
    repo,
    expect.digest,
    (d) => d.artifactType === SPDX_MEDIA_TYPE,
  );
  for (const { descriptor, manifest } of candidates) {
    const layer = manifest.layers[0];
    if (
      descriptor.artifactType !== SPDX_MEDIA_TYPE ||
      descriptor.annotations?.[SBOM_ANNOTATION] === undefined ||
      manifest.layers.length !== 1 ||
      layer?.mediaType !== SPDX_MEDIA_TYPE ||
      !isDigest(layer.digest) ||
      layer.size > MAX_SBOM_BYTES
    )
      continue;
    let doc: unknown;
    try {
      doc = JSON.parse(
        (await client.getBlobBytes(repo, layer.digest, { maxBytes: MAX_SBOM_BYTES })).toString(),
      );
    } catch (error) {
      if (error instanceof SyntaxError || (error instanceof RegistryError && isNotFound(error))) continue;
      throw error;
    }
    if (isOurSbom(doc, expect)) return descriptor.digest;
  }
  return undefined;
}

/** An OCI 1.1 artifact whose `subject` is an image: its manifest, and the blobs it refers to. */
export interface ReferrerArtifact {
  subject: Digest;
  manifestBytes: Buffer;
  descriptor: Descriptor;
  blobs: ReadonlyArray<readonly [Descriptor, Buffer]>;
}

/**
 * Pushes an artifact (blobs, then the manifest by digest) and, when the registry did not index the subject itself,
 * adds it to the `sha256-<hex>` referrers index (keeping the entries others put there, e.g. attestations).
 * `uploadedBytes` counts the blobs sent (manifests are not counted, as for images).
 */
export async function attachReferrer(
  client: RegistryClient,
  repo: string,
  artifact: ReferrerArtifact,
): Promise<{ digest: Digest; via: 'referrers-api' | 'tag'; uploadedBytes: number }> {
  let uploadedBytes = 0;
  for (const [d, bytes] of artifact.blobs)
    if ((await client.uploadBlob(repo, d, () => Readable.from([bytes]))) === 'uploaded')
      uploadedBytes += d.size;
  const put = await client.putManifestInfo(
    repo,
    artifact.descriptor.digest,
    artifact.manifestBytes,
    MediaType.ociManifest,
  );
  if (put.subjectHandled) return { digest: put.digest, via: 'referrers-api', uploadedBytes };
  const tag = referrersTag(artifact.subject);
  // What the tag lists already is read and checked, entry by entry: referrers of this image (attestations, other
  // tools' SBOMs) stay, described as their manifests say; anything else listed there (someone else's artifact, an
  // entry with no manifest) is dropped. A listed SBOM was never the proof ours is attached: ours is pushed anyway.
  const others = (
    await checkedReferrers(client, repo, artifact.subject, (d) => d.digest !== artifact.descriptor.digest)
  ).map((r) => r.descriptor);
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [...others, artifact.descriptor],
  };
  await client.putManifest(repo, tag, canonicalJson(index), MediaType.ociIndex);
  return { digest: put.digest, via: 'tag', uploadedBytes };
}

/** The SBOM artifact attached to its image (see {@link attachReferrer}). */
export function attachSbom(
  client: RegistryClient,
  repo: string,
  artifact: SbomArtifact,
): Promise<{ digest: Digest; via: 'referrers-api' | 'tag'; uploadedBytes: number }> {
  return attachReferrer(client, repo, {
    subject: artifact.manifest.subject.digest,
    manifestBytes: artifact.manifestBytes,
    descriptor: artifact.descriptor,
    blobs: [
      [EMPTY_DESCRIPTOR, EMPTY_CONFIG],
      [artifact.sbomDescriptor, artifact.sbom],
    ],
  });
}
