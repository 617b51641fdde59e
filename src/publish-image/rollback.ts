// Rolling a channel back: its tag is pointed, by digest, at the image already published for an earlier commit of
// the channel (the commit tag `<image>:<sha>` names it), in every target repository. Only a commit on the channel
// branch's first-parent history (a state the channel was actually at) is accepted, and only to an image that
// publish-image made for it: labels naming that commit and channel, and an SBOM of ours or an earlier rollback
// record attached (read back and checked: a registry, or anyone who can push a tag, is not taken at its word), the
// same image in every target. Every target is checked before any tag moves.
//
// A rollback deliberately points the tag at an ancestor, which the forward-only rule of publish would undo on the
// next run of the same tip (a scheduled run, another channel's push). So each rollback leaves a record with the
// image, as an OCI referrer (`artifactType` below, its fields in annotations): "channel C rolled back from commit F
// to commit T". While the tag names an image with such a record, publish moves it only to an image of a commit that
// descends from F and is not F: the next normal publish of a newer commit. A rollback to the tip itself undoes one
// and leaves no record.
import { OperationError, RefusedError, UsageError, type Refusal } from '../core/errors.js';
import { channelByName, type Policy } from '../core/policy.js';
import { sha256Digest } from '../oci/digest.js';
import { canonicalJson } from '../oci/image.js';
import { MediaType, type Descriptor, type Digest } from '../oci/types.js';
import { isNotFound, RegistryError, type RegistryClient } from '../registry/index.js';
import type { Ancestry } from './ancestry.js';
import type { ClientFor } from './base.js';
import { OciKey, StorageKey } from './metadata.js';
import { channelTags, targetsOf, type Target } from './plan.js';
import { attachReferrer, checkedReferrers, EMPTY_CONFIG, EMPTY_DESCRIPTOR, findSbom } from './sbom.js';

export const ROLLBACK_ARTIFACT_TYPE = 'application/vnd.package-storage.rollback.v1+json';

const Key = {
  channel: 'io.package-storage.rollback.channel',
  from: 'io.package-storage.rollback.from',
  to: 'io.package-storage.rollback.to',
  fromDigest: 'io.package-storage.rollback.from-digest',
  created: 'org.opencontainers.image.created',
} as const;

export interface RollbackRecord {
  channel: string;
  /** The channel commit rolled back from (the branch tip then). */
  from: string;
  /** The commit rolled back to. */
  to: string;
  /** When (ISO 8601). */
  at: string;
  /** What the tag named before, if anything. */
  fromDigest?: string;
}

/** The record artifact: an empty OCI artifact whose annotations hold the record, with the image as its subject. */
export function rollbackArtifact(
  subject: Descriptor,
  record: RollbackRecord,
): { manifestBytes: Buffer; descriptor: Descriptor } {
  const annotations: Record<string, string> = {
    [Key.created]: record.at,
    [Key.channel]: record.channel,
    [Key.from]: record.from,
    [Key.to]: record.to,
    ...(record.fromDigest ? { [Key.fromDigest]: record.fromDigest } : {}),
  };
  const manifestBytes = canonicalJson({
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    artifactType: ROLLBACK_ARTIFACT_TYPE,
    config: EMPTY_DESCRIPTOR,
    layers: [EMPTY_DESCRIPTOR],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations,
  });
  return {
    manifestBytes,
    descriptor: {
      mediaType: MediaType.ociManifest,
      digest: sha256Digest(manifestBytes),
      size: manifestBytes.length,
      artifactType: ROLLBACK_ARTIFACT_TYPE,
      annotations,
    },
  };
}

const commitPattern = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The rollback records attached to `subject`: each record's own manifest, fetched by digest and naming `subject`
 * (what a referrers list says about a record is not taken on trust: a forged entry would freeze a channel tag).
 */
export async function rollbackRecords(
  client: RegistryClient,
  repo: string,
  subject: Digest,
): Promise<RollbackRecord[]> {
  const records: RollbackRecord[] = [];
  const listed = await checkedReferrers(
    client,
    repo,
    subject,
    (d) => d.artifactType === ROLLBACK_ARTIFACT_TYPE,
  );
  for (const { descriptor: d } of listed) {
    const a = d.annotations ?? {};
    if (d.artifactType !== ROLLBACK_ARTIFACT_TYPE) continue;
    const [channel, from, to, at] = [a[Key.channel], a[Key.from], a[Key.to], a[Key.created]];
    if (!channel || !from || !to || !at || !commitPattern.test(from) || !commitPattern.test(to)) continue;
    records.push({ channel, from, to, at, ...(a[Key.fromDigest] ? { fromDigest: a[Key.fromDigest] } : {}) });
  }
  return records;
}

/** The latest rollback of `channel` recorded on `subject`, if any. */
export async function activeRollback(
  client: RegistryClient,
  repo: string,
  subject: Digest,
  channel: string,
): Promise<RollbackRecord | undefined> {
  const records = (await rollbackRecords(client, repo, subject)).filter((r) => r.channel === channel);
  return records.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).at(-1);
}

export interface RollbackRequest {
  repoDir: string;
  policy: Policy;
  channel: string;
  /** The commit to roll back to (full or abbreviated, any revision naming a commit). */
  to: string;
  /** The channel branch's tip. */
  tip: string;
  /** Target repositories, comma- or newline-separated (mirrors). */
  image: string;
  clientFor: ClientFor;
  ancestry: Ancestry;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface RollbackTargetResult {
  image: string;
  /** `<image>:<channel tag>` */
  reference: string;
  status: 'moved' | 'unchanged' | 'failed';
  /** What the tag named before (absent when the tag did not exist). */
  from?: { digest: Digest; commit?: string };
  /** The image rolled back to (absent when the target failed before it was found). */
  to: { digest?: Digest; commit: string };
  error?: string;
}

export interface RollbackResult {
  channel: string;
  branch: string;
  tag: string;
  /** The commit rolled back to (full). */
  commit: string;
  /** The branch tip it was rolled back from. */
  tip: string;
  targets: RollbackTargetResult[];
}

interface Checked {
  target: Target;
  client: RegistryClient;
  image: { digest: Digest; mediaType: string; size: number };
  current?: { digest: Digest; commit?: string };
}

/** The labels of an image (its first platform's configuration). */
async function labelsOf(
  client: RegistryClient,
  repo: string,
  reference: string,
): Promise<Record<string, string>> {
  const image = await client.resolveImage(repo, reference, 'first');
  return image.config.config?.Labels ?? {};
}

/** The label `io.package-storage.commits` as an object, or undefined. */
function commitsIn(labels: Record<string, string>): Record<string, unknown> | undefined {
  const label = labels[StorageKey.commits];
  if (!label) return undefined;
  try {
    const parsed = JSON.parse(label) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the image under `<sha>` is not one publish-image made for `channel` at `commit`, or undefined when it is:
 * its labels name that commit (revision, channel, the channel's commit), and what it carries says publish-image
 * made it: an SBOM of ours describing this digest and channel, or the record of an earlier rollback to it (both
 * read back and checked). Labels alone can be written by anyone who can push.
 */
async function notOurs(
  client: RegistryClient,
  repo: string,
  digest: Digest,
  channel: string,
  commit: string,
): Promise<string | undefined> {
  const labels = await labelsOf(client, repo, digest);
  const commits = commitsIn(labels);
  const says = {
    revision: labels[OciKey.revision] ?? null,
    channel: labels[StorageKey.channel] ?? null,
    commit: commits?.[channel] ?? null,
  };
  if (says.revision !== commit || says.channel !== channel || says.commit !== commit)
    return `its labels do not name ${channel} ${commit.slice(0, 12)} (revision ${JSON.stringify(says.revision)}, channel ${JSON.stringify(says.channel)}, ${StorageKey.commits}[${channel}] ${JSON.stringify(says.commit)})`;
  if (await findSbom(client, repo, { digest, channel })) return undefined;
  const records = await rollbackRecords(client, repo, digest);
  if (records.some((r) => r.channel === channel && r.to === commit)) return undefined;
  return `no SBOM of package-storage-actions for this image and channel, and no record of a rollback to it, is attached (an image published with the SBOM turned off cannot be rolled back to)`;
}

async function checkTarget(
  target: Target,
  client: RegistryClient,
  channel: string,
  tag: string,
  commit: string,
): Promise<Checked | Refusal> {
  const repo = target.repository;
  const image = await client.headManifest(repo, commit);
  if (!image)
    return {
      message: `${target.display}:${commit} does not exist: no image was published for ${channel} ${commit.slice(0, 12)}; publish that commit first or pick another one`,
    };
  const why = await notOurs(client, repo, image.digest, channel, commit);
  if (why)
    return {
      message: `${target.display}:${commit} (${image.digest}) is not an image publish-image made for ${channel} ${commit.slice(0, 12)}: ${why}`,
    };
  const current = await client.headManifest(repo, tag);
  let currentCommit: string | undefined;
  if (current)
    try {
      const c = commitsIn(await labelsOf(client, repo, current.digest))?.[channel];
      if (typeof c === 'string') currentCommit = c;
    } catch (error) {
      if (!(error instanceof RegistryError && (isNotFound(error) || error.code === 'PLATFORM_NOT_FOUND')))
        throw error;
    }
  return {
    target,
    client,
    image,
    ...(current
      ? { current: { digest: current.digest, ...(currentCommit ? { commit: currentCommit } : {}) } }
      : {}),
  };
}

/** Mirrors whose `<sha>` tags name different images: a refusal listing each, or undefined when they agree. */
function disagreement(checked: readonly Checked[], commit: string): Refusal | undefined {
  const digests = new Set(checked.map((c) => c.image.digest));
  if (digests.size <= 1) return undefined;
  return {
    message: `the targets' ${commit.slice(0, 12)} tags name different images (${checked.map((c) => `${c.target.display}: ${c.image.digest}`).join(', ')}); a rollback moves every mirror to one image, so none was moved`,
  };
}

export async function rollback(request: RollbackRequest): Promise<RollbackResult> {
  const { policy } = request;
  const log = request.log ?? ((): void => undefined);
  const channel = channelByName(policy, request.channel);
  if (!channel)
    throw new UsageError(
      `unknown channel "${request.channel}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`,
    );
  const targets = targetsOf(request.image);
  const tag = channelTags(policy).get(channel.name)!;
  const commit = await request.ancestry.resolveCommit(request.to, request.tip);
  if (!commit)
    throw new UsageError(
      `--to ${JSON.stringify(request.to.slice(0, 80))} names no commit here: give a commit of the ${channel.branch} branch (full or abbreviated sha)`,
    );
  if (!(await request.ancestry.onFirstParentHistory(commit, request.tip)))
    throw new RefusedError(`rollback of ${channel.name} refused`, [
      {
        message: `${commit.slice(0, 12)} is not on the first-parent history of ${channel.branch} (tip ${request.tip.slice(0, 12)}): roll back only to a commit the channel was at`,
      },
    ]);

  // Every target is checked before any tag moves.
  const checked: Checked[] = [];
  const refusals: Refusal[] = [];
  const results: RollbackTargetResult[] = [];
  for (const target of targets) {
    const client = request.clientFor(target.host);
    try {
      const c = await checkTarget(target, client, channel.name, tag, commit);
      if ('message' in c) refusals.push(c);
      else checked.push(c);
    } catch (error) {
      if (targets.length === 1) throw error;
      results.push(failed(target, tag, commit, error));
    }
  }
  const split = disagreement(checked, commit);
  if (split) refusals.push(split);
  if (refusals.length > 0)
    throw new RefusedError(`rollback of ${channel.name} refused; no tag was changed`, refusals);

  const at = (request.now?.() ?? new Date()).toISOString();
  for (const c of checked) {
    const repo = c.target.repository;
    const base: Omit<RollbackTargetResult, 'status'> = {
      image: c.target.display,
      reference: `${c.target.display}:${tag}`,
      ...(c.current ? { from: c.current } : {}),
      to: { digest: c.image.digest, commit },
    };
    if (c.current?.digest === c.image.digest) {
      results.push({ ...base, status: 'unchanged' });
      continue;
    }
    try {
      // The record first: from the moment the tag names the image, publish runs see why. Rolling back to the tip
      // undoes a rollback: no record, the forward-only rule alone applies again.
      if (commit !== request.tip) {
        const record = rollbackArtifact(
          { mediaType: c.image.mediaType, digest: c.image.digest, size: c.image.size },
          {
            channel: channel.name,
            from: request.tip,
            to: commit,
            at,
            ...(c.current ? { fromDigest: c.current.digest } : {}),
          },
        );
        await attachReferrer(c.client, repo, {
          subject: c.image.digest,
          ...record,
          blobs: [[EMPTY_DESCRIPTOR, EMPTY_CONFIG]],
        });
      }
      const manifest = await c.client.getManifest(repo, c.image.digest);
      await c.client.putManifest(repo, tag, manifest.bytes, manifest.mediaType);
      log(
        `${base.reference}: ${c.current?.digest ?? '(none)'} -> ${c.image.digest} (${channel.name} ${commit.slice(0, 12)})`,
      );
      results.push({ ...base, status: 'moved' });
    } catch (error) {
      if (targets.length === 1) throw error;
      results.push({ ...base, status: 'failed', error: messageOf(error) });
    }
  }
  const order = new Map(targets.map((t, i) => [t.display, i]));
  results.sort((a, b) => order.get(a.image)! - order.get(b.image)!);
  return { channel: channel.name, branch: channel.branch, tag, commit, tip: request.tip, targets: results };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function failed(target: Target, tag: string, commit: string, error: unknown): RollbackTargetResult {
  return {
    image: target.display,
    reference: `${target.display}:${tag}`,
    status: 'failed',
    to: { commit },
    error: messageOf(error),
  };
}

/** Fails when any target failed (after every target was tried and reported). */
export function assertRolledBack(result: RollbackResult): void {
  const bad = result.targets.filter((t) => t.status === 'failed');
  if (bad.length > 0)
    throw new OperationError(
      `rollback of ${result.channel} failed on ${bad.map((t) => `${t.image} (${t.error ?? 'failed'})`).join(', ')}; the other targets were rolled back`,
    );
}
