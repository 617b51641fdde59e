// Image references `host[:port]/path/name[:tag][@digest]`, with the distribution-spec grammar for names and tags
// and Docker Hub's defaults (docker.io, library/).

import { isDigest } from '../oci/digest.js';
import type { Digest } from '../oci/types.js';

export interface ImageReference {
  /** Registry as written (`docker.io` when omitted), e.g. `ghcr.io`, `127.0.0.1:5000`. */
  registry: string;
  /** Host the API lives on: `registry-1.docker.io` for Docker Hub, else `registry`. */
  apiHost: string;
  /** Repository path, e.g. `library/nginx`, `elastic/package-registry`. */
  repository: string;
  tag?: string;
  digest?: Digest;
}

export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_API = 'registry-1.docker.io';

const pathComponent = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const repositoryRe = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
const tagRe = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const hostRe = new RegExp(
  `^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?$`,
);
const MAX_NAME = 255;

export function isValidRepository(name: string): boolean {
  return name.length <= MAX_NAME && repositoryRe.test(name);
}

export function isValidTag(tag: string): boolean {
  return tagRe.test(tag);
}

export function isValidRegistryHost(host: string): boolean {
  return hostRe.test(host);
}

/** Docker Hub aliases map to its API host; everything else is used as written (lower-cased). */
export function registryApiHost(host: string): string {
  const h = host.toLowerCase();
  return h === DOCKER_HUB || h === 'index.docker.io' ? DOCKER_HUB_API : h;
}

/**
 * An image reference with credentials in it (`user:password@host/repo`, `https://user@host/repo`). Its message
 * shows the reference with the userinfo replaced, so the password is never echoed (nor kept on the error).
 */
export class CredentialsInReferenceError extends TypeError {
  override readonly name = 'CredentialsInReferenceError';
  constructor(readonly redacted: string) {
    super(
      `image reference ${JSON.stringify(redacted)} contains credentials (user:password@); remove them and pass them separately (username/password, --username/--password-stdin, or docker login)`,
    );
  }
}

// A digest at the end, valid or not (`@sha256:abc` is a bad digest, not userinfo); only known algorithms, so that
// `user:pass@host:5000` is not mistaken for one.
const trailingDigest = /@(?:sha256|sha384|sha512|blake3):[A-Za-z0-9=_-]*$/;

/**
 * The userinfo of `ref` and the reference with it replaced (`***@host/repo`), or undefined when there is none. The
 * only `@` a reference may hold starts its trailing digest; any other one ends userinfo (which may itself contain
 * `/`, `:` or `@`), so everything before the last such `@` is userinfo. A scheme such as `https://` is kept.
 */
export function splitUserinfo(ref: string): { userinfo: string; redacted: string } | undefined {
  const input = ref.trim();
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(input)?.[0] ?? '';
  const rest = input.slice(scheme.length);
  const digest = trailingDigest.exec(rest)?.[0] ?? '';
  const named = rest.slice(0, rest.length - digest.length);
  const at = named.lastIndexOf('@');
  if (at === -1) return undefined;
  return { userinfo: named.slice(0, at), redacted: `${scheme}***@${named.slice(at + 1)}${digest}` };
}

/** `***@host/repo` when `ref` carries userinfo, else undefined. */
export function redactedUserinfo(ref: string): string | undefined {
  return splitUserinfo(ref)?.redacted;
}

/** Throws {@link CredentialsInReferenceError} when `ref` carries userinfo. */
export function assertNoCredentials(ref: string): void {
  const redacted = redactedUserinfo(ref);
  if (redacted !== undefined) throw new CredentialsInReferenceError(redacted);
}

/** Parses `host[:port]/path/name[:tag][@digest]`; throws a TypeError naming the problem. */
export function parseImageReference(ref: string): ImageReference {
  // First: every other message below quotes the input, which must never show a password.
  assertNoCredentials(ref);
  const input = ref.trim();
  if (input === '') throw new TypeError('image reference is empty');
  let rest = input;
  let digest: Digest | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const d = rest.slice(at + 1);
    if (!isDigest(d))
      throw new TypeError(`invalid digest in image reference "${input}" (want sha256:<64 hex>)`);
    digest = d;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) throw new TypeError(`invalid tag "${tag}" in image reference "${input}"`);
  }
  let registry = DOCKER_HUB;
  let repository = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    // Same rule as distribution/reference: the first component is a host if it looks like one.
    if (
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase()
    ) {
      registry = first;
      repository = rest.slice(slash + 1);
    }
  }
  if (!isValidRegistryHost(registry))
    throw new TypeError(`invalid registry host "${registry}" in "${input}"`);
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (!isValidRepository(repository)) {
    throw new TypeError(
      `invalid repository name "${repository}" in "${input}" (lowercase letters, digits, separators . _ __ -, components joined by /)`,
    );
  }
  const out: ImageReference = { registry, apiHost: registryApiHost(registry), repository };
  if (tag !== undefined) out.tag = tag;
  if (digest !== undefined) out.digest = digest;
  return out;
}

/** The manifest reference to ask the registry for: digest if pinned, else tag, else `latest`. */
export function manifestReference(r: ImageReference): string {
  return r.digest ?? r.tag ?? 'latest';
}

export function formatImageReference(
  r: Pick<ImageReference, 'registry' | 'repository' | 'tag' | 'digest'>,
): string {
  return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
}

/**
 * Turns arbitrary text (a branch name like `feature/x`) into a valid tag: invalid characters become `-`, a leading
 * `.` or `-` becomes `_`, and the result is cut to 128 characters.
 */
export function sanitizeTag(s: string): string {
  if (s === '') throw new TypeError('cannot make a tag from an empty string');
  let t = s.replace(/[^a-zA-Z0-9._-]/g, '-');
  if (!/^[a-zA-Z0-9_]/.test(t)) t = `_${t.slice(1)}`;
  return t.slice(0, 128);
}

export function assertRepository(name: string): void {
  if (!isValidRepository(name)) throw new TypeError(`invalid repository name "${name}"`);
}

/** A manifest reference is a tag or a digest. */
export function assertManifestReference(ref: string): void {
  if (!isValidTag(ref) && !isDigest(ref)) throw new TypeError(`invalid manifest reference "${ref}"`);
}

export function assertDigest(d: string): asserts d is Digest {
  if (!isDigest(d)) throw new TypeError(`invalid digest "${d}" (want sha256:<64 hex>)`);
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/:[0-9]+$/, '').toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(h);
}
