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

/** Shorter secrets are not scrubbed from messages (they would garble them); the actions still mask them. */
export const MIN_SECRET_LENGTH = 4;

/**
 * Every spelling in which a secret can reach a message or a log: as sent (raw), in a URL (`encodeURIComponent`),
 * in a form body (`URLSearchParams`, spaces as `+`), inside a JSON string, and, with the user name, the base64 of
 * `user:secret` that a Basic header and a Docker config `auth` carry. The actions mask each one (the runner masks
 * whole values only); the client scrubs each one from its messages.
 */
export function secretForms(value: string, username?: string): string[] {
  const forms = [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ s: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
  ];
  if (username !== undefined) forms.push(Buffer.from(`${username}:${value}`).toString('base64'));
  return [...new Set(forms)];
}

/** Secrets known to one client (passwords, identity tokens, bearer tokens); scrubbed from every message. */
export class SecretSet {
  private readonly values = new Set<string>();

  /** `onAdd` learns every new secret (the actions mask them in the runner's log). */
  constructor(private readonly onAdd?: (secret: string) => void) {}

  /** A secret and its derived forms ({@link secretForms}); `username` adds the Basic credential of the pair. */
  add(value: string | undefined, username?: string): void {
    // Very short values would garble messages more than they protect; real secrets are longer.
    if (!value || value.length < MIN_SECRET_LENGTH) return;
    for (const form of secretForms(value, username)) {
      if (this.values.has(form)) continue;
      this.values.add(form);
      this.onAdd?.(form);
    }
  }

  /** Every known secret and the generic patterns of {@link redact} replaced; longest first, so no part is left. */
  redact(text: string): string {
    let out = redact(text);
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join(REDACTED);
    return out;
  }

  /**
   * Untrusted text made fit for a message: redacted first, then on one line and cut to `max`. In this order only:
   * cut first, a secret straddling the cut would keep its first characters, which no redaction recognises.
   */
  clean(text: string, max = 300): string {
    return oneLine(this.redact(text), max);
  }
}

// A URL in free text: a scheme, `//`, then everything up to whitespace or a quote/bracket that ends it.
const URL_IN_TEXT = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>`]+/g;

/**
 * A URL fit for labels, annotations, summaries and messages: no userinfo, no query, no fragment (a token in
 * `?access_token=` or `user:token@` is a credential whatever the host). Text that is not a URL comes back with
 * anything from `?` or `#` on removed, and userinfo removed.
 */
export function publicUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed && parsed.host !== '') return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return url.replace(/[?#].*$/s, '').replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, '$1');
}

// Query (or free-text `name=value`) parameters that carry credentials or signatures.
const CREDENTIAL_PARAMS = [
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
  'passwd',
  'secret',
  'client_secret',
  'api_key',
  'apikey',
  'signature',
  'sig',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
];
const CREDENTIAL_PARAM = new RegExp(`([?&;\\s]|^)((?:${CREDENTIAL_PARAMS.join('|')})=)[^&\\s"]+`, 'gi');

/** Generic scrubbing: auth headers, every URL's userinfo, query and fragment, and credential-like parameters. */
export function redact(text: string): string {
  return text
    .replace(URL_IN_TEXT, (found) => {
      // Punctuation that ends a sentence or a parenthesis is the text's, not the URL's.
      const tail = /[).,;:!?]*$/.exec(found)![0];
      return publicUrl(found.slice(0, found.length - tail.length)) + tail;
    })
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`)
    .replace(/\/\/[^/\s@]+@/g, `//${REDACTED}@`)
    .replace(CREDENTIAL_PARAM, `$1$2${REDACTED}`);
}

/** Whether a URL in `text` has userinfo or a query parameter that names a credential (a token, a signature). */
export function carriesCredentials(text: string): boolean {
  for (const [found] of text.matchAll(URL_IN_TEXT)) {
    let url: URL;
    try {
      url = new URL(found);
    } catch {
      continue;
    }
    if (url.username || url.password) return true;
    for (const name of url.searchParams.keys())
      if (CREDENTIAL_PARAMS.includes(name.toLowerCase())) return true;
  }
  return false;
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

/**
 * The spec's `{"errors":[{code,message,detail}]}`, tolerant of anything else. Each text goes through `clean` whole
 * (a client passes its {@link SecretSet.clean}, which redacts before it cuts).
 */
export function parseRegistryErrors(
  body: Buffer,
  clean: (text: string, max: number) => string = oneLine,
): RegistryErrorEntry[] {
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
      if (typeof e.code === 'string') out.code = clean(e.code, 60);
      if (typeof e.message === 'string') out.message = clean(e.message, 300);
      if (typeof e.detail === 'string') out.detail = clean(e.detail, 200);
      else if (e.detail !== undefined && e.detail !== null) out.detail = clean(JSON.stringify(e.detail), 200);
      return out;
    });
}

/**
 * A response body as text for a message: JSON re-serialized (so a secret inside a string has the one escaped
 * spelling {@link secretForms} knows, whatever escaping the server used), anything else as UTF-8.
 */
export function bodyText(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
