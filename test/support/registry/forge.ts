// What someone who can push to a repository (but is not publish-image) can put there: an image whose labels claim
// any commit, a referrers fallback tag (`sha256-<hex>`) listing anything, and copies of real artifacts pointed at
// another subject. Written with plain registry calls, for the tests that check such things are not believed.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Descriptor, ImageManifest } from '../../../src/oci/types.js';
import type { RegistryClient } from '../../../src/registry/index.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** What an artifact says it is about (any digest: the forger chooses). */
type Subject = { mediaType: string; digest: string; size: number };

const digestOf = (bytes: Buffer): `sha256:${string}` =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * A copy of the first platform image of `from` with `labels` merged into its configuration, pushed under `tag`
 * (the same layers, so every blob is there): an image that says what the forger wants.
 */
export async function forgeImage(
  client: RegistryClient,
  repo: string,
  from: string,
  labels: Record<string, string>,
  tag: string,
): Promise<Descriptor> {
  const image = await client.resolveImage(repo, from, 'first');
  const config = JSON.parse(image.configBytes.toString()) as { config?: { Labels?: Record<string, string> } };
  config.config = { ...config.config, Labels: { ...config.config?.Labels, ...labels } };
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDescriptor = {
    ...image.manifest.config,
    digest: digestOf(configBytes),
    size: configBytes.length,
  };
  await client.uploadBlob(repo, configDescriptor, () => Readable.from([configBytes]));
  const manifest: ImageManifest = { ...image.manifest, mediaType: OCI_MANIFEST, config: configDescriptor };
  const bytes = Buffer.from(JSON.stringify(manifest));
  await client.putManifest(repo, tag, bytes, OCI_MANIFEST);
  return { mediaType: OCI_MANIFEST, digest: digestOf(bytes), size: bytes.length };
}

/** The referrers fallback tag of `subject`, made to list `entries` (what a client without the API reads). */
export async function listReferrers(
  client: RegistryClient,
  repo: string,
  subject: string,
  entries: Descriptor[],
): Promise<void> {
  const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries };
  await client.putManifest(repo, subject.replace(':', '-'), Buffer.from(JSON.stringify(index)), OCI_INDEX);
}

/** Pushes an artifact manifest by digest; the entry a referrers list would have for it. */
async function pushByDigest(
  client: RegistryClient,
  repo: string,
  manifest: { artifactType?: string; annotations?: Record<string, string>; [field: string]: unknown },
): Promise<Descriptor> {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = await client.putManifest(repo, digestOf(bytes), bytes, OCI_MANIFEST);
  return {
    mediaType: OCI_MANIFEST,
    digest,
    size: bytes.length,
    ...(manifest.artifactType ? { artifactType: manifest.artifactType } : {}),
    ...(manifest.annotations ? { annotations: manifest.annotations } : {}),
  };
}

/** A real artifact (an SBOM, a rollback record) copied with its subject pointed at `subject`; its listing entry. */
export async function repointArtifact(
  client: RegistryClient,
  repo: string,
  artifact: string,
  subject: Subject,
): Promise<Descriptor> {
  const found = await client.getManifest(repo, artifact);
  return pushByDigest(client, repo, { ...(found.manifest as ImageManifest), subject });
}

/** An artifact of `artifactType` about `subject` (empty config and layer, `annotations` on it), pushed by digest. */
export async function pushArtifact(
  client: RegistryClient,
  repo: string,
  o: { artifactType: string; subject: Subject; annotations: Record<string, string> },
): Promise<Descriptor> {
  const empty = Buffer.from('{}');
  const emptyDescriptor = {
    mediaType: 'application/vnd.oci.empty.v1+json',
    digest: digestOf(empty),
    size: 2,
  };
  await client.uploadBlob(repo, emptyDescriptor, () => Readable.from([empty]));
  return pushByDigest(client, repo, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: emptyDescriptor,
    layers: [emptyDescriptor],
    ...o,
  });
}
