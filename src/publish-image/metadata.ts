// What each image says about itself: the `org.opencontainers.image.*` keys docker/metadata-action sets, as config
// labels and as manifest (and index) annotations, plus our own keys, plus what the operator adds (`labels`,
// `annotations` inputs). Every value is a function of the commits, the policy and the inputs, never of the run
// (event, time, runner), so the same commits always give the same image digest.
import { UsageError } from '../core/errors.js';
import type { ImagePlan } from '../core/image-plan.js';
import { rfc3339 } from '../core/time.js';
import { carriesCredentials, publicUrl } from '../registry/index.js';

export const OciKey = {
  created: 'org.opencontainers.image.created',
  source: 'org.opencontainers.image.source',
  url: 'org.opencontainers.image.url',
  revision: 'org.opencontainers.image.revision',
  version: 'org.opencontainers.image.version',
  title: 'org.opencontainers.image.title',
  description: 'org.opencontainers.image.description',
  licenses: 'org.opencontainers.image.licenses',
  baseName: 'org.opencontainers.image.base.name',
  baseDigest: 'org.opencontainers.image.base.digest',
} as const;

export const StorageKey = {
  channel: 'io.package-storage.channel',
  commits: 'io.package-storage.commits',
  base: 'io.package-storage.base',
  registryVersion: 'package-registry',
} as const;

/** Extra metadata from the operator; `index:` / `manifest:` prefixes pick where an annotation goes. */
export interface ExtraMetadata {
  labels: Record<string, string>;
  manifestAnnotations: Record<string, string>;
  indexAnnotations: Record<string, string>;
}

export const noExtraMetadata: ExtraMetadata = { labels: {}, manifestAnnotations: {}, indexAnnotations: {} };

// OCI annotation and Docker label keys: reverse-DNS style, no whitespace or `=`.
const keyPattern = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;

function entries(text: string, what: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq === -1 ? line : line.slice(0, eq).trim();
    if (eq === -1 || key === '')
      throw new UsageError(`${what}: ${JSON.stringify(line.slice(0, 80))} is not key=value (one per line)`);
    const value = line.slice(eq + 1).trim();
    if (value.length > 4096)
      throw new UsageError(`${what}: the value of ${key} is longer than 4096 characters`);
    if (carriesCredentials(value))
      throw new UsageError(
        `${what}: the value of ${key} holds a URL with credentials (user:password@, or a token, password or signature in its query); an image shows its labels and annotations to everyone who can pull it`,
      );
    out.push([key, value]);
  }
  return out;
}

function checkKey(key: string, what: string): string {
  if (!keyPattern.test(key))
    throw new UsageError(
      `${what}: ${JSON.stringify(key.slice(0, 80))} is not a valid key (letters, digits, . _ / -, e.g. org.example.team)`,
    );
  return key;
}

/** `labels` and `annotations` inputs (one `key=value` per line; annotations may start with `manifest:` or `index:`). */
export function parseExtraMetadata(labels: string, annotations: string): ExtraMetadata {
  const extra: ExtraMetadata = { labels: {}, manifestAnnotations: {}, indexAnnotations: {} };
  for (const [key, value] of entries(labels, 'labels')) extra.labels[checkKey(key, 'labels')] = value;
  for (const [rawKey, value] of entries(annotations, 'annotations')) {
    const m = /^(manifest|index):(.*)$/.exec(rawKey);
    const key = checkKey(m ? m[2]! : rawKey, 'annotations');
    if (!m || m[1] === 'manifest') extra.manifestAnnotations[key] = value;
    if (!m || m[1] === 'index') extra.indexAnnotations[key] = value;
  }
  return extra;
}

export interface MetadataInput {
  plan: ImagePlan;
  registryVersion: string;
  /** Repository web address (`https://github.com/acme/package-storage`), if known. */
  sourceUrl?: string;
  /** `org.opencontainers.image.version`: the release version, else `<channel>-<commit prefix>`. */
  version?: string;
  /** The base as referenced (`docker.elastic.co/package-registry/package-registry:v1.15.0`), if any. */
  baseName?: string;
  extra: ExtraMetadata;
}

/** `created` from a commit time: RFC 3339, clamped into its years (a commit can claim any date). */
export function createdTime(seconds: number): string {
  return rfc3339(seconds);
}

/** Keys shared by labels and annotations; base.digest is the platform's base manifest, or the base index. */
function common(o: MetadataInput & { baseDigest?: string }): Record<string, string> {
  const { plan } = o;
  const channel = plan.channel.name;
  const others = Object.keys(plan.commits).filter((c) => c !== channel);
  // Whoever passes it (a remote URL, GITHUB_SERVER_URL), no userinfo, query or fragment reaches the image.
  const source = o.sourceUrl ? publicUrl(o.sourceUrl) : undefined;
  return {
    [OciKey.created]: createdTime(plan.created),
    [OciKey.revision]: plan.commit,
    [OciKey.version]: o.version ?? `${channel}-${plan.commit.slice(0, 12)}`,
    [OciKey.title]: `package-storage ${channel} distribution`,
    [OciKey.description]: `package-registry ${o.registryVersion} serving the ${channel} channel${others.length ? ` and ${others.join(', ')}` : ''}`,
    ...(source ? { [OciKey.source]: source, [OciKey.url]: source } : {}),
    ...(o.baseName ? { [OciKey.baseName]: o.baseName } : {}),
    ...(o.baseDigest ? { [OciKey.baseDigest]: o.baseDigest } : {}),
  };
}

/** Config labels of one platform image. */
export function imageLabels(o: MetadataInput & { baseDigest?: string }): Record<string, string> {
  return {
    ...common(o),
    [StorageKey.registryVersion]: o.registryVersion,
    [StorageKey.channel]: o.plan.channel.name,
    [StorageKey.commits]: JSON.stringify(o.plan.commits),
    ...(o.baseName && o.baseDigest ? { [StorageKey.base]: `${o.baseName}@${o.baseDigest}` } : {}),
    ...o.extra.labels,
  };
}

/** Manifest annotations of one platform image. */
export function manifestAnnotations(o: MetadataInput & { baseDigest?: string }): Record<string, string> {
  return { ...common(o), ...o.extra.manifestAnnotations };
}

/** Index annotations. */
export function indexAnnotations(o: MetadataInput & { baseDigest?: string }): Record<string, string> {
  return { ...common(o), ...o.extra.indexAnnotations };
}
