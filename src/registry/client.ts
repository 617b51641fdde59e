// OCI distribution client: blobs (HEAD → mount → POST + one streaming PATCH + PUT ?digest=), manifests (full Accept
// list, exact bytes, digest checks), tags. Modelled on go-containerregistry's remote.Write; the protocol as
// Distribution 2.8 speaks it is in src/registry/README.md.

import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { isDigest } from '../oci/digest.js';
import {
  MediaType,
  manifestAccept,
  type Descriptor,
  type Digest,
  type ImageIndex,
  type ImageManifest,
  type ImageConfig,
  type Platform,
} from '../oci/types.js';
import { Authenticator, type AuthEvent } from './auth.js';
import { repositoryScope } from './challenge.js';
import { defaultDockerConfigPath, resolveCredentials, type Credentials } from './credentials.js';
import {
  RegistryError,
  SecretSet,
  bodyText,
  codeForStatus,
  displayUrl,
  parseRegistryErrors,
} from './errors.js';
import {
  declaredMediaType,
  formatPlatform,
  imagePlatforms,
  isIndexMediaType,
  parseConfig,
  parseJson,
  parseManifest,
  selectPlatform,
  sha256Digest,
} from './manifest.js';
import {
  assertDigest,
  assertManifestReference,
  assertRepository,
  isLoopbackHost,
  isValidRegistryHost,
  registryApiHost,
} from './reference.js';
import {
  Transport,
  defaultProgressDeadline,
  defaultRetryPolicy,
  drain,
  isRetryableStatus,
  networkError,
  parseRetryAfter,
  readBody,
  type ProgressDeadline,
  type RequestBody,
  type RetryPolicy,
  type SentResponse,
  type TransportEvent,
} from './transport.js';
import { BlobVerifier } from './verify.js';

export type RegistryEvent =
  | TransportEvent
  | AuthEvent
  | { type: 'blob-exists'; repository: string; digest: Digest; size: number }
  | { type: 'blob-mounted'; repository: string; digest: Digest; from: string }
  | { type: 'mount-failed'; repository: string; digest: Digest; from: string; reason: string }
  | { type: 'blob-uploaded'; repository: string; digest: Digest; bytes: number; attempts: number }
  | { type: 'manifest-pushed'; repository: string; reference: string; digest: Digest; mediaType: string };

export interface RegistryClientOptions {
  /** Plain HTTP. Defaults to true for loopback hosts (127.0.0.0/8, localhost, [::1]) and false otherwise. */
  insecure?: boolean;
  credentials?: Credentials;
  /** Docker config file to read credentials from; default `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`. */
  dockerConfigPath?: string;
  /** Environment used to locate the Docker config (default process.env). */
  env?: NodeJS.ProcessEnv;
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
  /** Idle timeout per attempt in ms (default 30 000): a connection with no bytes moving this long is abandoned. */
  timeoutMs?: number;
  /**
   * The progress deadline (default 64 KiB per 30 s): an attempt the registry holds up moving fewer bytes than this
   * in an interval is abandoned (and retried), so one trickling registry fails on its own instead of stalling.
   */
  progress?: ProgressDeadline;
  /**
   * Scales every wait of the client (idle timeout, progress interval, retry backoff and Retry-After) so tests
   * exercise them without waiting minutes. Default: `PACKAGE_STORAGE_REGISTRY_TIME_SCALE`, else 1.
   */
  timeScale?: number;
  /** Learns every secret the client handles (passwords, identity and bearer tokens), e.g. to mask them in logs. */
  onSecret?: (secret: string) => void;
  /** Reporting hook: requests, retries, token fetches, blobs skipped/mounted/uploaded, manifests pushed. */
  onEvent?: (e: RegistryEvent) => void;
}

export interface ManifestResult {
  digest: Digest;
  mediaType: string;
  bytes: Buffer;
  manifest: ImageManifest | ImageIndex;
}

export interface ResolvedImage {
  repository: string;
  reference: string;
  /** Set when the reference named an index / manifest list. */
  index?: { digest: Digest; mediaType: string; manifest: ImageIndex };
  digest: Digest;
  mediaType: string;
  bytes: Buffer;
  manifest: ImageManifest;
  config: ImageConfig;
  configBytes: Buffer;
}

export type UploadResult = 'exists' | 'mounted' | 'uploaded';

/** A streamed upload's source: bytes, or bytes plus their digest once they have all been produced. */
export type StreamSource = Readable | { stream: Readable; digest: Promise<{ digest: Digest; size: number }> };

interface Call {
  operation: string;
  repository: string;
  method: string;
  url: URL;
  scopes: string[];
  ok: number[];
  headers?: Record<string, string>;
  body?: RequestBody;
  followRedirects?: boolean;
}

const MAX_MANIFEST_BYTES = 16 << 20;
const MAX_ERROR_BODY = 64 << 10;
const DEFAULT_MAX_BLOB_BYTES = 64 << 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CLIENT_ID = 'package-storage-actions';

export class RegistryClient {
  /** API host (`registry-1.docker.io` for docker.io). */
  readonly host: string;
  readonly baseUrl: URL;
  private readonly transport: Transport;
  private readonly auth: Authenticator;
  private readonly secrets: SecretSet;
  private readonly emit: (e: RegistryEvent) => void;

  constructor(registryHost: string, o: RegistryClientOptions = {}) {
    const host = registryApiHost(registryHost);
    if (!isValidRegistryHost(host)) throw new TypeError(`invalid registry host "${registryHost}"`);
    this.host = host;
    const insecure = o.insecure ?? isLoopbackHost(host);
    this.baseUrl = new URL(`${insecure ? 'http' : 'https'}://${host}/`);
    const listener = o.onEvent;
    this.emit = (e) => {
      try {
        listener?.(e);
      } catch {
        // A reporting hook must never break a push.
      }
    };
    const scale = timeScaleOf(o);
    const progress = o.progress ?? defaultProgressDeadline;
    this.transport = new Transport({
      timeoutMs: Math.max(1, Math.round((o.timeoutMs ?? 30_000) * scale)),
      progress: { bytes: progress.bytes, intervalMs: Math.max(1, Math.round(progress.intervalMs * scale)) },
      ...(scale !== 1 ? { sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms * scale)) } : {}),
      retry: { ...defaultRetryPolicy, ...o.retry },
      userAgent: o.userAgent ?? `${CLIENT_ID}/0.1 node/${process.version}`,
      onEvent: this.emit,
    });
    let credentials: Promise<Credentials | undefined> | undefined;
    this.secrets = new SecretSet(o.onSecret);
    const getCredentials = () =>
      (credentials ??= resolveCredentials(host, {
        ...(o.credentials ? { credentials: o.credentials } : {}),
        ...(o.dockerConfigPath ? { dockerConfigPath: o.dockerConfigPath } : {}),
        ...(o.env ? { env: o.env } : {}),
      }));
    if (o.credentials) {
      if ('password' in o.credentials) this.secrets.add(o.credentials.password, o.credentials.username);
      else this.secrets.add(o.credentials.identityToken);
    }
    this.auth = new Authenticator({
      host,
      allowHttpRealm: insecure,
      transport: this.transport,
      secrets: this.secrets,
      getCredentials,
      clientId: CLIENT_ID,
      credentialSources: o.credentials
        ? 'the explicit options'
        : `the Docker config file ${o.dockerConfigPath ?? defaultDockerConfigPath(o.env)}`,
      onEvent: this.emit,
    });
  }

  /** Closes pooled keep-alive connections. */
  close(): void {
    this.transport.close();
  }

  // ---- blobs ----

  async blobExists(repo: string, digest: Digest): Promise<{ size: number } | undefined> {
    return this.blobExistsWith(repo, digest, [pullScope(repo)]);
  }

  /**
   * Makes sure the blob is in `repo`: skipped when it exists, mounted from one of `mountFrom` (same registry), or
   * uploaded from `open()` — re-opened from the start on every retry. The content is checked against `desc` while
   * streaming, and the registry's digest is compared with ours.
   */
  async uploadBlob(
    repo: string,
    desc: Pick<Descriptor, 'digest' | 'size'>,
    open: () => Readable,
    o: { mountFrom?: string[] } = {},
  ): Promise<UploadResult> {
    assertRepository(repo);
    assertDigest(desc.digest);
    const sources = [...new Set(o.mountFrom ?? [])].filter((r) => r !== repo);
    sources.forEach(assertRepository);
    // One token covering the whole operation: push on the target and pull on every mount source (skopeo does too).
    const scopes = [pushScope(repo), ...sources.map(pullScope)];
    const existing = await this.blobExistsWith(repo, desc.digest, scopes);
    if (existing) {
      this.emit({ type: 'blob-exists', repository: repo, digest: desc.digest, size: existing.size });
      return 'exists';
    }
    let preopened: URL | undefined;
    for (const [i, from] of sources.entries()) {
      const r = await this.tryMount(repo, desc.digest, from, scopes);
      if (r === 'mounted') {
        this.emit({ type: 'blob-mounted', repository: repo, digest: desc.digest, from });
        return 'mounted';
      }
      if (r instanceof URL) {
        if (i === sources.length - 1) preopened = r;
        else await this.cancelUpload(repo, r, scopes);
      }
    }
    const operation = `upload blob ${desc.digest}`;
    let attempts = 0;
    await this.transport.retry(`${operation} to ${repo}`, async (attempt) => {
      attempts = attempt;
      const location = preopened ?? (await this.startUpload(repo, scopes, operation));
      preopened = undefined;
      const next = await this.patchBlob(repo, location, desc, open, scopes, operation);
      await this.commitBlob(repo, next, desc.digest, scopes, operation);
    });
    this.emit({ type: 'blob-uploaded', repository: repo, digest: desc.digest, bytes: desc.size, attempts });
    return 'uploaded';
  }

  /**
   * Uploads a blob whose digest is known only at its end (a layer being built): POST, one streaming PATCH without
   * Content-Length (chunked), then `PUT ?digest=` with the digest hashed on the way. A failed attempt is retried
   * with a fresh `open()` — the source is rebuilt, never replayed from memory; when an attempt failed after the
   * whole blob was sent, the registry is asked first whether it has it. Resolves with the blob's digest and size.
   */
  async uploadStream(
    repo: string,
    open: (attempt: number) => StreamSource,
    o: { onAttempt?: (attempt: number) => void } = {},
  ): Promise<{ digest: Digest; size: number }> {
    assertRepository(repo);
    const scopes = [pushScope(repo)];
    const operation = 'upload a streamed blob';
    let sent: { digest: Digest; size: number } | undefined;
    let attempts = 0;
    const result = await this.transport.retry(`${operation} to ${repo}`, async (attempt) => {
      attempts = attempt;
      o.onAttempt?.(attempt);
      if (sent && (await this.blobExistsWith(repo, sent.digest, scopes))) return sent;
      const location = await this.startUpload(repo, scopes, operation);
      const streamed = await this.patchStream(repo, location, open, attempt, scopes, operation);
      sent = streamed.blob;
      await this.commitBlob(repo, streamed.next, sent.digest, scopes, `upload blob ${sent.digest}`);
      return sent;
    });
    this.emit({
      type: 'blob-uploaded',
      repository: repo,
      digest: result.digest,
      bytes: result.size,
      attempts,
    });
    return result;
  }

  /** The blob as a stream, verified against its digest (the stream errors on mismatch). Redirects are followed. */
  async getBlob(repo: string, digest: Digest): Promise<Readable> {
    assertRepository(repo);
    assertDigest(digest);
    const call = this.blobGetCall(repo, digest);
    return this.request(call, (res) => {
      const size = contentLength(res);
      const verifier = new BlobVerifier({ digest, size }, (code, detail) => this.fail(call, code, detail));
      // Mid-stream failures reach the reader as RegistryErrors (TIMEOUT, NETWORK) like everything else.
      res.body.once('error', (e) => verifier.destroy(this.netError(e, call) as Error));
      verifier.once('close', () => res.body.destroy());
      return Promise.resolve(res.body.pipe(verifier));
    });
  }

  async getBlobBytes(repo: string, digest: Digest, o: { maxBytes?: number } = {}): Promise<Buffer> {
    assertRepository(repo);
    assertDigest(digest);
    const call = this.blobGetCall(repo, digest);
    return this.request(call, async (res) => {
      const bytes = await readBody(res.body, o.maxBytes ?? DEFAULT_MAX_BLOB_BYTES);
      const got = sha256Digest(bytes);
      if (got !== digest) throw this.fail(call, 'DIGEST_MISMATCH', `content hashes to ${got}`);
      return bytes;
    });
  }

  // ---- manifests ----

  /**
   * GET a manifest or index by tag or digest. With `platform`, an index is followed to that platform's manifest.
   * The digest is verified when pulling by digest; a body whose mediaType contradicts Content-Type is rejected.
   */
  async getManifest(
    repo: string,
    reference: string,
    o: { platform?: Platform } = {},
  ): Promise<ManifestResult> {
    const top = await this.fetchManifest(repo, reference);
    if (!o.platform || !isIndexMediaType(top.mediaType)) return top;
    return this.platformManifest(repo, reference, top.manifest as ImageIndex, o.platform);
  }

  /**
   * Follows an index to the platform manifest and fetches + parses the config blob. `'first'` takes the index's
   * first real platform (attestation entries skipped), for reading what every platform shares.
   */
  async resolveImage(
    repo: string,
    reference: string,
    platform: Platform | 'first' = { os: 'linux', architecture: 'amd64' },
  ): Promise<ResolvedImage> {
    const top = await this.fetchManifest(repo, reference);
    let index: ResolvedImage['index'];
    let m = top;
    if (isIndexMediaType(top.mediaType)) {
      index = { digest: top.digest, mediaType: top.mediaType, manifest: top.manifest as ImageIndex };
      const want = platform === 'first' ? imagePlatforms(index.manifest)[0]?.platform : platform;
      m = await this.platformManifest(
        repo,
        reference,
        index.manifest,
        want ?? { os: 'none', architecture: 'none' },
      );
    }
    const manifest = m.manifest as ImageManifest;
    assertDigest(manifest.config.digest);
    const call = this.blobGetCall(repo, manifest.config.digest);
    const configBytes = await this.getBlobBytes(repo, manifest.config.digest, { maxBytes: 8 << 20 });
    if (configBytes.length !== manifest.config.size) {
      throw this.fail(
        call,
        'SIZE_MISMATCH',
        `config is ${configBytes.length} bytes, manifest says ${manifest.config.size}`,
      );
    }
    const config = parseConfig(configBytes, manifest, (detail) => this.fail(call, 'CONFIG_INVALID', detail));
    return {
      repository: repo,
      reference,
      ...(index ? { index } : {}),
      digest: m.digest,
      mediaType: m.mediaType,
      bytes: m.bytes,
      manifest,
      config,
      configBytes,
    };
  }

  /** HEAD with the full Accept list; undefined when the manifest does not exist. */
  async headManifest(
    repo: string,
    reference: string,
  ): Promise<{ digest: Digest; mediaType: string; size: number } | undefined> {
    const call = this.manifestCall(repo, reference, 'HEAD');
    call.ok = [200, 404];
    const head = await this.request(call, async (res) => {
      await drain(res.body);
      if (res.status === 404) return null;
      const digest = headerValue(res, 'docker-content-digest');
      return {
        digest: digest && isDigest(digest) ? digest : undefined,
        mediaType: mediaTypeOf(res) ?? '',
        size: contentLength(res) ?? -1,
      };
    });
    if (head === null) return undefined;
    if (head.digest && head.mediaType && head.size >= 0) {
      if (isDigest(reference) && head.digest !== reference) {
        throw this.fail(call, 'DIGEST_MISMATCH', `registry reports ${head.digest}`);
      }
      return { digest: head.digest, mediaType: head.mediaType, size: head.size };
    }
    // Docker-Content-Digest is optional (spec L49–52): fall back to GET and hash.
    const m = await this.fetchManifest(repo, reference);
    return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
  }

  /** PUT the exact bytes with Content-Type = mediaType; returns their digest, checked against the registry's. */
  async putManifest(repo: string, reference: string, bytes: Buffer, mediaType: string): Promise<Digest> {
    return (await this.putManifestInfo(repo, reference, bytes, mediaType)).digest;
  }

  /**
   * {@link putManifest}, also telling whether the registry took care of the manifest's `subject`: a registry with
   * the referrers API answers with an `OCI-Subject` header (distribution-spec 1.1); without it, the client must
   * maintain the `sha256-<hex>` referrers tag itself.
   */
  async putManifestInfo(
    repo: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<{ digest: Digest; subjectHandled: boolean }> {
    assertRepository(repo);
    assertManifestReference(reference);
    const digest = sha256Digest(bytes);
    const call = this.manifestCall(repo, reference, 'PUT');
    call.scopes = [pushScope(repo)];
    call.ok = [200, 201, 202];
    call.headers = { 'Content-Type': mediaType };
    call.body = bytes;
    if (isDigest(reference) && reference !== digest) {
      throw this.fail(call, 'DIGEST_MISMATCH', `the bytes hash to ${digest}`);
    }
    const declared = declaredMediaType(bytes);
    if (declared !== undefined && declared !== mediaType) {
      throw this.fail(call, 'MANIFEST_INVALID', `manifest mediaType is ${declared}, not ${mediaType}`);
    }
    const subjectHandled = await this.request(call, async (res) => {
      await drain(res.body);
      const reported = headerValue(res, 'docker-content-digest');
      if (reported && reported !== digest) {
        throw this.fail(call, 'DIGEST_MISMATCH', `registry stored ${reported}, we sent ${digest}`);
      }
      return headerValue(res, 'oci-subject') !== undefined;
    });
    this.emit({ type: 'manifest-pushed', repository: repo, reference, digest, mediaType });
    return { digest, subjectHandled };
  }

  /** GET by tag or digest; undefined when the registry does not have it (404 / MANIFEST_UNKNOWN / NAME_UNKNOWN). */
  async findManifest(repo: string, reference: string): Promise<ManifestResult | undefined> {
    try {
      return await this.getManifest(repo, reference);
    } catch (e) {
      if (e instanceof RegistryError && isNotFound(e)) return undefined;
      throw e;
    }
  }

  /**
   * The referrers of `digest` through the referrers API (`GET /v2/<name>/referrers/<digest>`), optionally filtered
   * by artifact type; undefined when the registry has no referrers API (Distribution 2.8 answers 404) — then the
   * `sha256-<hex>` tag holds them (see {@link referrersTag}).
   */
  async listReferrers(
    repo: string,
    digest: Digest,
    artifactType?: string,
  ): Promise<Descriptor[] | undefined> {
    assertRepository(repo);
    assertDigest(digest);
    const url = new URL(`/v2/${repo}/referrers/${digest}`, this.baseUrl);
    if (artifactType) url.searchParams.set('artifactType', artifactType);
    const call: Call = {
      operation: `list referrers of ${digest}`,
      repository: repo,
      method: 'GET',
      url,
      scopes: [pullScope(repo)],
      ok: [200, 404],
      headers: { Accept: MediaType.ociIndex },
    };
    return this.request(call, async (res) => {
      const body = await readBody(res.body, MAX_MANIFEST_BYTES);
      if (res.status === 404) return undefined;
      const json = parseJson(body) as { manifests?: unknown } | undefined;
      if (!json || !Array.isArray(json.manifests))
        throw this.fail(call, 'MANIFEST_INVALID', 'the referrers answer is not an image index');
      return json.manifests as Descriptor[];
    });
  }

  /** All tags of a repository (following `Link` pagination); [] when the repository does not exist. */
  async listTags(repo: string): Promise<string[]> {
    assertRepository(repo);
    const tags: string[] = [];
    let url: URL | undefined = new URL(`/v2/${repo}/tags/list?n=1000`, this.baseUrl);
    for (let page = 0; url && page < 1000; page++) {
      const call: Call = {
        operation: 'list tags',
        repository: repo,
        method: 'GET',
        url,
        scopes: [pullScope(repo)],
        ok: [200, 404],
        headers: { Accept: 'application/json' },
      };
      const r: { tags: string[]; next: URL | undefined } = await this.request(call, async (res) => {
        const body = await readBody(res.body, MAX_MANIFEST_BYTES);
        if (res.status === 404) {
          const code = parseRegistryErrors(body)[0]?.code;
          if (code === 'NAME_UNKNOWN') return { tags: [], next: undefined };
          throw this.httpError(call, res, body);
        }
        const json = parseJson(body) as { tags?: unknown } | undefined;
        const list = Array.isArray(json?.tags)
          ? json.tags.filter((t): t is string => typeof t === 'string')
          : [];
        return { tags: list, next: nextLink(res, call.url) };
      });
      tags.push(...r.tags);
      url = r.next;
    }
    return tags;
  }

  // ---- internals: blob upload steps ----

  private async blobExistsWith(repo: string, digest: Digest, scopes: string[]) {
    assertRepository(repo);
    assertDigest(digest);
    const call: Call = {
      operation: `check blob ${digest}`,
      repository: repo,
      method: 'HEAD',
      url: new URL(`/v2/${repo}/blobs/${digest}`, this.baseUrl),
      scopes,
      ok: [200, 404],
      followRedirects: true,
    };
    return this.request(call, async (res) => {
      await drain(res.body);
      return res.status === 200 ? { size: contentLength(res) ?? -1 } : undefined;
    });
  }

  /** 'mounted', an upload URL (the registry opened a session instead), or undefined when the mount failed. */
  private async tryMount(repo: string, digest: Digest, from: string, scopes: string[]) {
    const url = new URL(
      `/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`,
      this.baseUrl,
    );
    const call: Call = {
      operation: `mount blob ${digest} from ${from}`,
      repository: repo,
      method: 'POST',
      url,
      scopes,
      ok: [201, 202],
    };
    try {
      return await this.request(call, async (res): Promise<'mounted' | URL> => {
        await drain(res.body);
        if (res.status === 201) {
          const reported = headerValue(res, 'docker-content-digest');
          if (reported && reported !== digest)
            throw this.fail(call, 'DIGEST_MISMATCH', `registry mounted ${reported}`);
          return 'mounted';
        }
        return this.location(call, res);
      });
    } catch (e) {
      // Registries may refuse or not support mounts (ggcr#1404): fall back to uploading.
      if (!(e instanceof RegistryError)) throw e;
      this.emit({ type: 'mount-failed', repository: repo, digest, from, reason: `${e.code}: ${e.detail}` });
      return undefined;
    }
  }

  private async cancelUpload(repo: string, location: URL, scopes: string[]): Promise<void> {
    const call: Call = {
      operation: 'cancel upload',
      repository: repo,
      method: 'DELETE',
      url: location,
      scopes,
      ok: [200, 202, 204, 404],
    };
    try {
      await this.request(call, (res) => drain(res.body), 1);
    } catch {
      // Abandoned sessions are purged by the registry; nothing to do.
    }
  }

  private async startUpload(repo: string, scopes: string[], operation: string): Promise<URL> {
    const call: Call = {
      operation,
      repository: repo,
      method: 'POST',
      url: new URL(`/v2/${repo}/blobs/uploads/`, this.baseUrl),
      scopes,
      ok: [202],
    };
    const res = await this.exchange(call);
    await drain(res.body);
    return this.location(call, res);
  }

  private async patchBlob(
    repo: string,
    location: URL,
    desc: Pick<Descriptor, 'digest' | 'size'>,
    open: () => Readable,
    scopes: string[],
    operation: string,
  ): Promise<URL> {
    const call = patchCall(repo, location, scopes, operation);
    let verifier: BlobVerifier | undefined;
    call.headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(desc.size) };
    call.body = () => {
      const v = new BlobVerifier(desc, (code, detail) => this.fail(call, code, `source ${detail}`));
      verifier = v;
      const sourceFailed = (e: unknown) => {
        // A source that is itself a download (a base layer from another registry) can fail transiently; then the
        // upload is retried from the start like any other transient failure.
        const transient = e instanceof RegistryError && e.retryable;
        v.failure ??= new RegistryError({
          host: this.host,
          repository: call.repository,
          operation: call.operation,
          code: 'SOURCE_ERROR',
          detail: this.secrets.clean(`reading the blob source: ${(e as Error).message}`, 600),
          retryable: transient,
        });
        return v.failure;
      };
      let source: Readable;
      try {
        source = open();
      } catch (e) {
        throw sourceFailed(e);
      }
      // Runs before pipeline's own handling, so the failure is known by the time the request errors. A source torn
      // down because the request failed (its error comes after the verifier was destroyed, often as a bare
      // "Premature close") leaves the request's error to decide, as in patchStream: that one may be retried.
      source.once('error', (e) => {
        if (!v.destroyed) sourceFailed(e);
      });
      return pipeline(source, v, () => undefined);
    };
    return this.sendBody(call, () => verifier?.failure);
  }

  /**
   * Sends a PATCH whose body streams from a source, and returns the upload's next Location. A failure the source
   * itself reported (`sourceFailure()`) wins over the request error it caused.
   */
  private async sendBody(call: Call, sourceFailure: () => Error | undefined): Promise<URL> {
    let res: SentResponse;
    try {
      res = await this.exchange(call);
    } catch (e) {
      throw sourceFailure() ?? e;
    }
    await drain(res.body);
    const sendError = await res.requestDone;
    const failure = sourceFailure();
    if (failure !== undefined) throw failure;
    if (sendError) throw this.netError(sendError, call);
    return headerValue(res, 'location') ? this.location(call, res) : call.url;
  }

  private async patchStream(
    repo: string,
    location: URL,
    open: (attempt: number) => StreamSource,
    attempt: number,
    scopes: string[],
    operation: string,
  ): Promise<{ next: URL; blob: { digest: Digest; size: number } }> {
    const call = patchCall(repo, location, scopes, operation);
    const hash = createHash('sha256');
    let size = 0;
    let sourceError: Error | undefined;
    let known: Promise<{ digest: Digest; size: number }> | undefined;
    // No Content-Length: node sends the body chunked, as docker and go-containerregistry stream layers.
    call.headers = { 'Content-Type': 'application/octet-stream' };
    call.body = () => {
      const opened = open(attempt);
      const source = 'stream' in opened ? opened.stream : opened;
      // A source that hashes itself (a layer being built) is not hashed twice.
      known = 'stream' in opened ? opened.digest : undefined;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          if (!known) hash.update(chunk);
          size += chunk.length;
          cb(null, chunk);
        },
      });
      // The source's own failure (git, the build) ends the upload as it is; a source torn down because the
      // request failed (its error comes after the counter was destroyed) leaves the request's error to decide.
      source.once('error', (e) => {
        if (!counter.destroyed) sourceError ??= e;
      });
      return pipeline(source, counter, () => undefined);
    };
    const next = await this.sendBody(call, () => sourceError);
    if (!known) return { next, blob: { digest: `sha256:${hash.digest('hex')}`, size } };
    const blob = await known;
    if (blob.size !== size)
      throw this.fail(call, 'SIZE_MISMATCH', `the source says ${blob.size} bytes, ${size} were sent`);
    return { next, blob };
  }

  private async commitBlob(repo: string, location: URL, digest: Digest, scopes: string[], operation: string) {
    // The Location may carry opaque state in its query (spec L239–288): append, never rebuild.
    const url = new URL(location.href);
    url.search = `${url.search ? `${url.search}&` : '?'}digest=${encodeURIComponent(digest)}`;
    const call: Call = { operation, repository: repo, method: 'PUT', url, scopes, ok: [201, 204] };
    const res = await this.exchange(call);
    await drain(res.body);
    const reported = headerValue(res, 'docker-content-digest');
    if (reported && reported !== digest)
      throw this.fail(call, 'DIGEST_MISMATCH', `registry stored ${reported}`);
  }

  private location(call: Call, res: SentResponse): URL {
    const loc = headerValue(res, 'location');
    if (!loc) throw this.fail(call, 'LOCATION_MISSING', `${res.status} without a Location header`);
    try {
      return new URL(loc, res.url);
    } catch {
      throw this.fail(call, 'LOCATION_INVALID', 'unparseable Location header');
    }
  }

  // ---- internals: manifests ----

  private manifestCall(repo: string, reference: string, method: string): Call {
    assertRepository(repo);
    assertManifestReference(reference);
    return {
      operation: `${method} manifest ${reference}`,
      repository: repo,
      method,
      url: new URL(`/v2/${repo}/manifests/${reference}`, this.baseUrl),
      scopes: [pullScope(repo)],
      ok: [200],
      headers: { Accept: manifestAccept.join(', ') },
    };
  }

  private async fetchManifest(repo: string, reference: string): Promise<ManifestResult> {
    const call = this.manifestCall(repo, reference, 'GET');
    return this.request(call, async (res) => {
      const bytes = await readBody(res.body, MAX_MANIFEST_BYTES);
      const digest = sha256Digest(bytes);
      if (isDigest(reference) && digest !== reference) {
        throw this.fail(call, 'DIGEST_MISMATCH', `content hashes to ${digest}`);
      }
      const { mediaType, manifest } = parseManifest(bytes, mediaTypeOf(res), (detail) =>
        this.fail(call, 'MANIFEST_INVALID', detail),
      );
      return { digest, mediaType, bytes, manifest };
    });
  }

  /** The manifest `index` lists for `want`, fetched by digest (nested indexes are not followed). */
  private async platformManifest(
    repo: string,
    reference: string,
    index: ImageIndex,
    want: Platform,
  ): Promise<ManifestResult> {
    const chosen = selectPlatform(index, want);
    if (!chosen) {
      const available = index.manifests.map((d) => formatPlatform(d.platform)).join(', ');
      throw this.fail(
        this.manifestCall(repo, reference, 'GET'),
        'PLATFORM_NOT_FOUND',
        `no ${formatPlatform(want)} manifest in index (has: ${available || 'none'})`,
      );
    }
    assertDigest(chosen.digest);
    const m = await this.fetchManifest(repo, chosen.digest);
    if (isIndexMediaType(m.mediaType)) {
      throw this.fail(
        this.manifestCall(repo, chosen.digest, 'GET'),
        'UNSUPPORTED',
        'nested index is not supported',
      );
    }
    return m;
  }

  private blobGetCall(repo: string, digest: Digest): Call {
    return {
      operation: `GET blob ${digest}`,
      repository: repo,
      method: 'GET',
      url: new URL(`/v2/${repo}/blobs/${digest}`, this.baseUrl),
      scopes: [pullScope(repo)],
      ok: [200],
      followRedirects: true,
    };
  }

  // ---- internals: exchanges and errors ----

  /** Retries `exchange` + `handle` as a unit (body read failures are retried too). */
  private request<T>(call: Call, handle: (res: SentResponse) => Promise<T>, attempts?: number): Promise<T> {
    return this.transport.retry(
      `${call.operation} (${call.repository})`,
      async () => {
        const res = await this.exchange(call);
        try {
          return await handle(res);
        } catch (e) {
          res.body.destroy();
          throw this.netError(e, call);
        }
      },
      attempts,
    );
  }

  /** One attempt: authorization (one re-auth on 401), redirects (no Authorization to other origins). */
  private async exchange(call: Call): Promise<SentResponse> {
    let url = call.url;
    // A 401 to an unauthenticated request only tells us the scheme; a rejected credential gets one more try.
    let discovered = false;
    let reauthed = false;
    for (let redirects = 0; ;) {
      const sameOrigin = url.origin === this.baseUrl.origin;
      const authz = sameOrigin ? await this.auth.authorization(call.scopes, call.repository) : undefined;
      const headers = { ...call.headers, ...(authz ? { Authorization: authz } : {}) };
      let res: SentResponse;
      try {
        res = await this.transport.send({
          method: call.method,
          url,
          headers,
          ...(call.body ? { body: call.body } : {}),
        });
      } catch (e) {
        throw this.netError(e, call);
      }
      if (call.ok.includes(res.status)) return res;
      if (res.status === 401 && sameOrigin && !(authz ? reauthed : discovered)) {
        const body = await this.readErrorBody(res);
        if (authz) reauthed = true;
        else discovered = true;
        const retry = await this.auth.onUnauthorized(
          res.headers['www-authenticate'],
          call.scopes,
          authz !== undefined,
          call.repository,
        );
        if (retry) continue;
        throw await this.authError(call, res, body);
      }
      if (call.followRedirects && REDIRECT_STATUSES.has(res.status) && res.headers.location) {
        await drain(res.body);
        if (++redirects > 5) throw this.fail(call, 'TOO_MANY_REDIRECTS', `last hop ${displayUrl(url)}`);
        url = new URL(res.headers.location, url);
        continue;
      }
      const body = await this.readErrorBody(res);
      if (res.status === 401 || res.status === 403) throw await this.authError(call, res, body);
      throw this.httpError(call, res, body);
    }
  }

  private async readErrorBody(res: SentResponse): Promise<Buffer> {
    try {
      return await readBody(res.body, MAX_ERROR_BODY);
    } catch {
      res.body.destroy();
      return Buffer.alloc(0);
    }
  }

  private async authError(call: Call, res: SentResponse, body: Buffer): Promise<RegistryError> {
    const e = this.httpError(call, res, body);
    return e.withDetail(`${e.detail}; ${await this.auth.describeIdentity()}`);
  }

  private httpError(call: Call, res: SentResponse, body: Buffer): RegistryError {
    const clean = (text: string, max: number): string => this.secrets.clean(text, max);
    const errors = parseRegistryErrors(body, clean);
    const first = errors[0];
    const code = first?.code ?? codeForStatus(res.status);
    let detail = first ? [first.message, first.detail].filter(Boolean).join(' ') : '';
    if (errors.length > 1) {
      detail += ` (+${errors.length - 1} more: ${errors
        .slice(1, 6)
        .map((e) => [e.code, e.detail].filter(Boolean).join(' '))
        .join(', ')})`;
    }
    if (!detail) detail = clean(bodyText(body), 200) || `HTTP ${res.status}`;
    const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
    return new RegistryError({
      host: this.host,
      repository: call.repository,
      operation: call.operation,
      status: res.status,
      code,
      // Cleaned again whole: a secret could straddle two of the registry's fields.
      detail: this.secrets.clean(detail, 600),
      retryable: isRetryableStatus(res.status),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }

  private fail(call: Call, code: string, detail: string): RegistryError {
    return new RegistryError({
      host: this.host,
      repository: call.repository,
      operation: call.operation,
      code,
      detail: this.secrets.clean(detail, 600),
    });
  }

  /** Node system errors become RegistryErrors (retryable when they are transient); bugs pass through untouched. */
  private netError(e: unknown, call: Call): unknown {
    if (e instanceof RegistryError) return e;
    if (typeof (e as NodeJS.ErrnoException | undefined)?.code !== 'string') return e;
    const err = networkError(e, { host: this.host, repository: call.repository, operation: call.operation });
    return err.withDetail(this.secrets.redact(err.detail));
  }
}

function timeScaleOf(o: RegistryClientOptions): number {
  if (o.timeScale !== undefined) return o.timeScale;
  const fromEnv = process.env.PACKAGE_STORAGE_REGISTRY_TIME_SCALE;
  const value = Number(fromEnv);
  return fromEnv && Number.isFinite(value) && value > 0 ? value : 1;
}

/** Whether a registry error means "no such manifest / repository". */
export function isNotFound(e: RegistryError): boolean {
  return e.status === 404 || e.code === 'MANIFEST_UNKNOWN' || e.code === 'NAME_UNKNOWN';
}

/** The tag that holds an image's referrers on registries without the referrers API (distribution-spec 1.1). */
export function referrersTag(digest: Digest): string {
  return digest.replace(':', '-');
}

function pullScope(repo: string): string {
  return repositoryScope(repo, ['pull']);
}

function pushScope(repo: string): string {
  return repositoryScope(repo, ['pull', 'push']);
}

function headerValue(res: SentResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function contentLength(res: SentResponse): number | undefined {
  const v = headerValue(res, 'content-length');
  return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
}

function mediaTypeOf(res: SentResponse): string | undefined {
  const ct = headerValue(res, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  return ct || undefined;
}

/** Next page from `Link: </v2/…?last=x&n=…>; rel="next"`. */
function nextLink(res: SentResponse, base: URL): URL | undefined {
  const link = headerValue(res, 'link');
  const m = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link) : null;
  return m?.[1] ? new URL(m[1], base) : undefined;
}

/** A PATCH to an upload session; the caller gives its body (a verified blob, or a layer being built). */
function patchCall(repository: string, url: URL, scopes: string[], operation: string): Call {
  return { operation, repository, method: 'PATCH', url, scopes, ok: [202, 204] };
}
