// The publish-image action's inputs, read and checked once, before anything is fetched or pushed: a wrong value is a
// usage error (exit 2) that names the input. Checks that need the policy or the event (a channel's name, release
// versions from a pushed tag, which mode the inputs ask for) are the target's (target.ts).
import * as core from '@actions/core';
import { configPath } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { CredentialsInReferenceError, secretForms, splitUserinfo } from '../registry/index.js';
import type { Platform } from '../oci/types.js';
import { booleanInput, listInput, requiredInput } from '../runner/inputs.js';
import { safeLine } from '../runner/sanitize.js';
import { parsePlatforms } from './base.js';
import { parseExtraMetadata, type ExtraMetadata } from './metadata.js';
import { parseReleaseList } from './release.js';
import { validNamespace } from './rollout.js';

/** What the served index shows: the newest version of each package, every served version, or nothing. */
export const indexModes = ['newest', 'all', 'false'] as const;
export type IndexMode = (typeof indexModes)[number];

export interface RolloutInputs {
  /** `rollout-deployments`: a `{channel}` template and/or `channel=deployment` lines; empty = no rollout. */
  deployments: string;
  kubectl: string;
  namespace: string;
}

export interface PublishInputs {
  /** Where actions/checkout put the repository, relative to the workspace (or absolute). */
  repositoryPath: string;
  /** The policy file's path on the default branch. */
  config: string;
  /** Target repositories, comma- or newline-separated (mirrors), as given. */
  image: string;
  baseImage: string;
  /** For the first image's registry; only a pair counts (a username alone leaves the Docker config in charge). */
  username: string;
  password: string;
  insecure: boolean;
  platforms: Platform[];
  metadata: ExtraMetadata;
  push: boolean;
  /** Relative to the workspace (or absolute); empty = not written. */
  layout: string;
  archive: string;
  /** Empty: each channel's Dockerfile pin. */
  registryVersion: string;
  sbom: boolean;
  forceChannelTags: boolean;
  /** As given: checked against the policy by the target. */
  channels: string[];
  index: IndexMode;
  /** Empty: no rollback. */
  rollbackTo: string;
  rollout: RolloutInputs;
  /** `release-versions`, normalized; `release-file` is read from the default branch by the target. */
  releaseVersions: string[];
  releaseFile: string;
}

/** Masks a secret in every spelling it can take in a log (raw, URL- and JSON-encoded, base64 of `user:secret`). */
function maskSecret(secret: string, username?: string): void {
  for (const form of secretForms(secret, username)) core.setSecret(form);
}

/** A reference with userinfo is refused before anything uses it; its password is masked in case it was logged. */
function refuseCredentials(input: string, reference: string): void {
  const found = splitUserinfo(reference);
  if (!found) return;
  const colon = found.userinfo.indexOf(':');
  const secret = colon === -1 ? found.userinfo : found.userinfo.slice(colon + 1);
  if (secret) maskSecret(secret, colon === -1 ? undefined : found.userinfo.slice(0, colon));
  throw new UsageError(`${input}: ${new CredentialsInReferenceError(found.redacted).message}`);
}

function indexMode(): IndexMode {
  const value = core.getInput('index') || 'newest';
  if (!(indexModes as readonly string[]).includes(value))
    throw new UsageError(`index: ${JSON.stringify(safeLine(value))} is not newest, all or false`);
  return value as IndexMode;
}

function rolloutInputs(): RolloutInputs {
  const rollout = {
    deployments: core.getInput('rollout-deployments'),
    kubectl: core.getInput('rollout-kubectl') || 'kubectl',
    namespace: core.getInput('rollout-namespace') || 'package-registry',
  };
  // The namespace matters only when something is restarted; each deployment name is checked per channel (target).
  if (rollout.deployments) validNamespace(rollout.namespace);
  return rollout;
}

export function readInputs(): PublishInputs {
  const password = core.getInput('password');
  const username = core.getInput('username');
  if (password) maskSecret(password, username || undefined);
  if (password && !username) throw new UsageError('`password` needs `username`');
  const image = requiredInput('image');
  const baseImage = requiredInput('base-image');
  for (const one of image.split(/[,\n]/)) refuseCredentials('image', one.trim());
  refuseCredentials('base-image', baseImage);
  return {
    repositoryPath: core.getInput('repository-path') || '.',
    config: core.getInput('config') || configPath,
    image,
    baseImage,
    username,
    password,
    platforms: parsePlatforms(core.getInput('platforms')),
    metadata: parseExtraMetadata(core.getInput('labels'), core.getInput('annotations')),
    push: booleanInput('push', true),
    insecure: booleanInput('insecure-registry'),
    layout: core.getInput('layout'),
    archive: core.getInput('archive'),
    registryVersion: core.getInput('registry-version'),
    sbom: booleanInput('sbom', true),
    releaseVersions: parseReleaseList(core.getInput('release-versions')),
    releaseFile: core.getInput('release-file'),
    index: indexMode(),
    rollbackTo: core.getInput('rollback-to'),
    rollout: rolloutInputs(),
    channels: listInput('channels'),
    forceChannelTags: booleanInput('force-channel-tags'),
  };
}
