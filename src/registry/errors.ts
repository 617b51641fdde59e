// Errors raised by the registry client. Messages are single lines that name host, repository, operation and the
// registry's error code; they never carry credentials, tokens or signed URL queries (see redact()).

export interface RegistryErrorInit {
  host: string;
  repository?: string;
  /** What we were doing, e.g. `PUT manifest v1` or `upload blob sha256:…`. */
  operation: string;
  status?: number;
  /** The registry's error code (`MANIFEST_BLOB_UNKNOWN`, `DENIED`…) or one of ours (`NETWORK`, `TIMEOUT`…). */
  code: string;
  detail: string;
  retryable?: boolean;
  retryAfterMs?: number;
  cause?: unknown;
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly host: string;
  readonly repository: string | undefined;
  readonly operation: string;
  readonly status: number | undefined;
  readonly code: string;
  readonly detail: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  /** Attempts made before giving up (1 when the error was not retried). */
  attempts = 1;

  constructor(init: RegistryErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.host = init.host;
    this.repository = init.repository;
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** A copy that retry loops above this one must not retry again (its own retries are spent). */
  final(): RegistryError {
    return this.copy({ retryable: false, retryAfterMs: undefined });
  }

  /** A copy with a different detail (used to append "gave up after N attempts" and auth hints). */
  withDetail(detail: string, attempts = this.attempts): RegistryError {
    return this.copy({ detail }, attempts);
  }

  private copy(changes: Partial<RegistryErrorInit>, attempts = this.attempts): RegistryError {
    const e = new RegistryError({
      host: this.host,
      repository: this.repository,
      operation: this.operation,
      status: this.status,
      code: this.code,
      detail: this.detail,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      cause: this.cause,
      ...changes,
    });
    e.attempts = attempts;
    return e;
  }
}

function formatMessage(i: RegistryErrorInit): string {
  const where = i.repository ? `registry ${i.host} repository ${i.repository}` : `registry ${i.host}`;
  const status = i.status === undefined ? '' : `${i.status} `;
  return oneLine(`${where}: ${i.operation} failed: ${status}${i.code}: ${i.detail}`, 1000);
}

// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Strips control and bidi characters (registry text is untrusted) and caps the length. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(UNSAFE_CHARS, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const REDACTED = '[REDACTED]';

/** Secrets known to one client (passwords, identity tokens, bearer tokens); scrubbed from every message. */
export class SecretSet {
  private readonly values = new Set<string>();

  /** `onAdd` learns every new secret (the actions mask them in the runner's log). */
  constructor(private readonly onAdd?: (secret: string) => void) {}

  add(value: string | undefined): void {
    // Very short values would garble messages more than they protect; real secrets are longer.
    if (!value || value.length < 4 || this.values.has(value)) return;
    // The secret and its URL-encoded form (how it appears in echoed query strings and bodies).
    for (const form of new Set([value, encodeURIComponent(value)])) {
      if (this.values.has(form)) continue;
      this.values.add(form);
      this.onAdd?.(form);
    }
  }

  redact(text: string): string {
    let out = redact(text);
    for (const v of this.values) out = out.split(v).join(REDACTED);
    return out;
  }
}

/** Generic scrubbing: auth headers, URL userinfo and query values that commonly carry credentials or signatures. */
export function redact(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`)
    .replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, `//${REDACTED}@`)
    .replace(
      /([?&](?:token|access_token|refresh_token|password|signature|sig|x-amz-signature|x-amz-credential|x-goog-signature)=)[^&\s"]+/gi,
      `$1${REDACTED}`,
    );
}

/** A URL fit for messages and events: origin and path only (upload/redirect queries may hold signed state). */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** Best-effort short text for a network error (`ECONNRESET socket hang up`). */
export function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code && !err.message.includes(code) ? `${code} ${err.message}` : err.message;
  }
  return String(err);
}

/** Our code for a status without a registry error body. */
export function codeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'DENIED',
    404: 'NOT_FOUND',
    405: 'UNSUPPORTED',
    413: 'TOO_LARGE',
    416: 'RANGE_INVALID',
    429: 'TOOMANYREQUESTS',
  };
  return codes[status] ?? (status >= 500 ? 'UNAVAILABLE' : `HTTP_${status}`);
}

export interface RegistryErrorEntry {
  code?: string;
  message?: string;
  detail?: string;
}

/** The spec's `{"errors":[{code,message,detail}]}`, tolerant of anything else. */
export function parseRegistryErrors(body: Buffer): RegistryErrorEntry[] {
  let json: { errors?: unknown } | undefined;
  try {
    json = JSON.parse(body.toString('utf8')) as { errors?: unknown };
  } catch {
    return [];
  }
  if (!json || !Array.isArray(json.errors)) return [];
  return json.errors
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => {
      const out: RegistryErrorEntry = {};
      if (typeof e.code === 'string') out.code = oneLine(e.code, 60);
      if (typeof e.message === 'string') out.message = oneLine(e.message, 300);
      if (typeof e.detail === 'string') out.detail = oneLine(e.detail, 200);
      else if (e.detail !== undefined && e.detail !== null)
        out.detail = oneLine(JSON.stringify(e.detail), 200);
      return out;
    });
}
