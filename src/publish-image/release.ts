// Stack release tags: a git tag per released stack version at the most stable channel's tip (never moved once it
// exists), and the image <image>:<version> pointing, by digest, at the published image of that tag's commit.
import semver from 'semver';
import { OperationError, UsageError } from '../core/errors.js';
import { missingBranchError, type Policy } from '../core/policy.js';
import { gitRaw, revParse } from '../git/git.js';
import { fetch, fetchBranches } from '../git/remote.js';
import { RegistryError } from '../registry/index.js';
import type { Digest } from '../oci/types.js';
import { targetsOf, type Target } from './plan.js';
import { safeLine } from '../runner/sanitize.js';
import { imageReference, type ClientFor } from './base.js';
import { publishImages, type PublishRequest } from './engine.js';

/**
 * `8.15.0`, `v8.15.0` -> `8.15.0`; `8.16.0-rc1` kept; anything that is not plain semver is a usage error (it
 * doubles as an image tag and a git tag): no leading zeros (`08.15.0` would sort and compare as another version
 * than it reads), no build metadata (`+` is not allowed in image tags).
 */
export function normalizeReleaseVersion(input: string): string {
  const version = input.trim().replace(/^v/, '');
  const plain = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version) && semver.valid(version) === version;
  if (!plain || version.length > 128)
    throw new UsageError(
      `invalid release version ${JSON.stringify(safeLine(input.slice(0, 140)))}: expected plain semver X.Y.Z with an optional -prerelease and no leading zeros (e.g. 8.15.0, 8.16.0-rc1)`,
    );
  return version;
}

/** Versions from a list input or a file: commas, whitespace or lines; `#` starts a comment. Deduplicated, in order. */
export function parseReleaseList(text: string): string[] {
  const versions = text
    .split('\n')
    .map((l) => l.replace(/#.*$/, ''))
    .flatMap((l) => l.split(/[,\s]+/))
    .filter(Boolean)
    .map(normalizeReleaseVersion);
  return [...new Set(versions)];
}

export interface ReleaseResult {
  version: string;
  commit: string;
  gitTag: 'created' | 'existing';
  image?: {
    reference: string;
    digest: string;
    /** The image repository and the digest, as actions/attest-build-provenance takes them. */
    'subject-name': string;
    'subject-digest': string;
    operation: 'tagged' | 'unchanged' | 'retagged';
    built: boolean;
  };
  /** The same tag in the other target repositories (mirrors), in `image` order. */
  mirrors?: Array<NonNullable<ReleaseResult['image']>>;
}

export interface ReleaseRequest {
  repoDir: string;
  policy: Policy;
  versions: string[];
  /** Push created git tags to origin (the action always does; the CLI with --push). */
  pushTags: boolean;
  /** Tip of the most stable channel the new tags point at. */
  stableTip: string;
  /** Image publication; without it only git tags are made. */
  image?: Omit<
    PublishRequest,
    'channels' | 'tips' | 'push' | 'repoDir' | 'policy' | 'layoutDir' | 'archiveFile'
  > & { clientFor: ClientFor };
  log?: (line: string) => void;
}

/** The commits the tags of `versions` point at (peeled), in one request to origin or from local refs. */
async function existingTags(
  repoDir: string,
  versions: readonly string[],
  remote: boolean,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!remote) {
    for (const version of versions) {
      const commit = await revParse(repoDir, `refs/tags/${version}`);
      if (commit) found.set(version, commit);
    }
    return found;
  }
  if (versions.length === 0) return found;
  const refs = versions.flatMap((v) => [`refs/tags/${v}`, `refs/tags/${v}^{}`]);
  const result = await gitRaw(['ls-remote', '--tags', 'origin', ...refs], { cwd: repoDir });
  const lines = result.stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
  for (const version of versions) {
    const ref = `refs/tags/${version}`;
    // An annotated tag lists its commit as `<ref>^{}`.
    const peeled = lines.find(([, r]) => r === `${ref}^{}`) ?? lines.find(([, r]) => r === ref);
    if (peeled?.[0]) found.set(version, peeled[0]);
  }
  return found;
}

async function existingTag(repoDir: string, version: string, remote: boolean): Promise<string | undefined> {
  return (await existingTags(repoDir, [version], remote)).get(version);
}

async function createTag(
  repoDir: string,
  version: string,
  commit: string,
  push: boolean,
): Promise<'created' | 'existing'> {
  const ref = `refs/tags/${version}`;
  if (!push) {
    // `update-ref <ref> <new> ''`: fails if the tag appeared meanwhile; never moves an existing one.
    await gitRaw(['update-ref', ref, commit, ''], { cwd: repoDir });
    return 'created';
  }
  const result = await gitRaw(['push', '--porcelain', '--no-verify', 'origin', `${commit}:${ref}`], {
    cwd: repoDir,
    okCodes: [1],
  });
  if (result.code === 0) {
    await gitRaw(['update-ref', ref, commit], { cwd: repoDir });
    return 'created';
  }
  // Someone else created it first: it is now an existing tag (and is never moved).
  if (await existingTag(repoDir, version, true)) return 'existing';
  throw new OperationError(`pushing tag ${version} failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
}

export async function release(request: ReleaseRequest): Promise<ReleaseResult[]> {
  const { repoDir, policy } = request;
  const log = request.log ?? ((): void => undefined);
  const stable = policy.channels[0]!;
  const results: ReleaseResult[] = [];
  // Every image reference is checked before anything is written: a bad one is a usage error, never a git tag
  // left without its image tag.
  if (request.image) {
    targetsOf(request.image.image);
    imageReference(request.image.baseImage, 'base image');
  }
  const known = await existingTags(repoDir, request.versions, request.pushTags);
  for (const version of request.versions) {
    let commit = known.get(version);
    let gitTag: ReleaseResult['gitTag'] = 'existing';
    if (!commit) {
      gitTag = await createTag(repoDir, version, request.stableTip, request.pushTags);
      commit = gitTag === 'created' ? request.stableTip : await existingTag(repoDir, version, true);
      if (!commit) throw new OperationError(`tag ${version} vanished while creating it`);
      log(
        gitTag === 'created'
          ? `tag ${version}: created at ${commit} (${stable.branch})`
          : `tag ${version}: made by someone else meanwhile`,
      );
    } else log(`tag ${version}: exists at ${commit}`);
    const result: ReleaseResult = { version, commit, gitTag };
    if (request.image) {
      const { image, mirrors } = await releaseImage(request, version, commit, log);
      result.image = image;
      if (mirrors.length > 0) result.mirrors = mirrors;
    }
    results.push(result);
  }
  return results;
}

type ReleaseImage = NonNullable<ReleaseResult['image']>;

/** `<target>:<version>` pointed at the target's image of `commit` (by digest). */
async function tagRelease(
  request: ReleaseRequest,
  target: Target,
  version: string,
  source: { digest: Digest },
  built: boolean,
  log: (line: string) => void,
): Promise<ReleaseImage> {
  const client = request.image!.clientFor(target.host);
  const repo = target.repository;
  const reference = `${target.display}:${version}`;
  const existing = await client.headManifest(repo, version);
  const subject = { 'subject-name': target.display, 'subject-digest': source.digest };
  if (existing?.digest === source.digest)
    return { reference, digest: source.digest, ...subject, operation: 'unchanged', built };
  if (existing && !request.policy.release.allowOverwrite)
    throw new OperationError(
      `${reference} already points at ${existing.digest}, not at the image of tag ${version} (${source.digest}); release tags are not moved unless the policy sets release.allow-overwrite`,
    );
  try {
    const manifest = await client.getManifest(repo, source.digest);
    await client.putManifest(repo, version, manifest.bytes, manifest.mediaType);
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    throw new OperationError(
      `tagging ${reference}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  log(`${reference} -> ${source.digest}${existing ? ` (moved from ${existing.digest})` : ''}`);
  return { reference, digest: source.digest, ...subject, operation: existing ? 'retagged' : 'tagged', built };
}

/**
 * The release image tag in every target repository (the first is `image`, the others `mirrors`): each checked
 * before any is written, the commit's image built once for all targets where one lacks it.
 */
async function releaseImage(
  request: ReleaseRequest,
  version: string,
  commit: string,
  log: (line: string) => void,
): Promise<{ image: ReleaseImage; mirrors: ReleaseImage[] }> {
  const image = request.image!;
  const targets = targetsOf(image.image);
  const sources = async () =>
    Promise.all(targets.map((t) => image.clientFor(t.host).headManifest(t.repository, commit)));
  let found = await sources();
  let built = false;
  if (found.some((f) => !f)) {
    // The commit's image was never published (or was deleted): build it, without moving the channel's tag.
    log(`image of ${commit} not found: building it`);
    const stable = request.policy.channels[0]!;
    const hasCommit = await revParse(request.repoDir, commit);
    if (!hasCommit) await fetch(request.repoDir, [commit], { depth: 1, treesOnly: true });
    const result = await publishImages({
      ...image,
      repoDir: request.repoDir,
      policy: request.policy,
      channels: [stable.name],
      tips: new Map([[stable.branch, commit]]),
      push: true,
      movingTags: false,
    });
    const failed = result.targets.find((t) => t.status === 'failed');
    if (failed)
      throw new OperationError(
        `building the image of ${commit} failed on ${failed.image}: ${failed.error ?? ''}`,
      );
    built = true;
    found = await sources();
  }
  const missing = targets.find((_, i) => !found[i]);
  if (missing)
    throw new OperationError(
      `the image of ${commit} is still missing in ${missing.display} after building it`,
    );
  for (const [i, t] of targets.entries()) {
    const existing = await image.clientFor(t.host).headManifest(t.repository, version);
    if (existing && existing.digest !== found[i]!.digest && !request.policy.release.allowOverwrite)
      throw new OperationError(
        `${t.display}:${version} already points at ${existing.digest}, not at the image of tag ${version} (${found[i]!.digest}); release tags are not moved unless the policy sets release.allow-overwrite`,
      );
  }
  const tagged: ReleaseImage[] = [];
  for (const [i, t] of targets.entries())
    tagged.push(await tagRelease(request, t, version, found[i]!, built, log));
  return { image: tagged[0]!, mirrors: tagged.slice(1) };
}

/** Current tip of the most stable channel on origin, fetched (trees only) so a tag can point at it. */
export async function stableTipOnOrigin(repoDir: string, policy: Policy): Promise<string> {
  const branch = policy.channels[0]!.branch;
  const tip = (await fetchBranches(repoDir, [branch], { treesOnly: true })).get(branch);
  if (!tip) throw missingBranchError(policy.channels[0]!);
  return tip;
}
