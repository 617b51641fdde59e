// Registry authentication state for one host: lazily learnt from the first 401 challenge. Bearer: tokens from the
// realm (several scopes per request, cached per scope set until expiry); Basic: credentials on every request.

import { mergeScopes, parseWwwAuthenticate, scopesCover } from './challenge.js';
import { describeCredentials, type Credentials } from './credentials.js';
import { RegistryError, bodyText, type SecretSet } from './errors.js';
import { isLoopbackHost } from './reference.js';
import { isRetryableStatus, networkError, parseRetryAfter, readBody, type Transport } from './transport.js';

export type AuthEvent = { type: 'token'; scopes: string[]; realm: string };

export interface AuthenticatorOptions {
  host: string;
  /** Whether plain-HTTP realms are acceptable (the registry itself is insecure or on loopback). */
  allowHttpRealm: boolean;
  transport: Transport;
  secrets: SecretSet;
  getCredentials: () => Promise<Credentials | undefined>;
  clientId: string;
  /** Where credentials would have come from, for "no credentials" errors (e.g. the Docker config path). */
  credentialSources: string;
  onEvent?: (e: AuthEvent) => void;
}

interface CachedToken {
  scopes: string[];
  header: string;
  expiresAt: number;
}

const DEFAULT_TOKEN_TTL_S = 60;
/** Tokens are dropped this long before they expire so a request never starts with a token about to lapse. */
const EXPIRY_MARGIN_MS = 10_000;

export class Authenticator {
  private mode: 'unknown' | 'basic' | 'bearer' = 'unknown';
  private bearer: { realm: URL; service?: string } | undefined;
  private tokens: CachedToken[] = [];
  private readonly inflight = new Map<string, Promise<CachedToken>>();
  private readonly o: AuthenticatorOptions;

  constructor(o: AuthenticatorOptions) {
    this.o = o;
  }

  /** The Authorization header to send for a request needing `scopes`, or undefined while no challenge was seen. */
  async authorization(scopes: string[], repository?: string): Promise<string | undefined> {
    if (this.mode === 'basic') return this.basicHeader(repository);
    if (this.mode === 'bearer') return (await this.token(mergeScopes(scopes), false, repository)).header;
    return undefined;
  }

  /**
   * Handles a 401. Returns true when the request should be sent again (new token, or Basic now known), false when
   * retrying cannot help (credentials were already sent and rejected).
   */
  async onUnauthorized(
    wwwAuthenticate: string | string[] | undefined,
    scopes: string[],
    sentAuthorization: boolean,
    repository?: string,
  ): Promise<boolean> {
    const challenges = parseWwwAuthenticate(wwwAuthenticate);
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    if (bearer?.params.realm) {
      const realm = this.checkRealm(bearer.params.realm, repository);
      this.mode = 'bearer';
      this.bearer = bearer.params.service ? { realm, service: bearer.params.service } : { realm };
      const need = mergeScopes([...scopes, ...(bearer.params.scope ? [bearer.params.scope] : [])]);
      if (sentAuthorization) {
        // The token we sent was rejected (expired, or insufficient_scope): forget every token it could have been.
        this.tokens = this.tokens.filter((t) => !scopesCover(t.scopes, mergeScopes(scopes)));
      }
      await this.token(need, true, repository);
      return true;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      if (this.mode === 'basic' && sentAuthorization) return false;
      this.mode = 'basic';
      await this.basicHeader(repository); // throws a clear error when there is nothing to send
      return true;
    }
    return false;
  }

  /** Text for a final 401/403: who we were, so the user knows what to fix. */
  async describeIdentity(): Promise<string> {
    let creds: Credentials | undefined;
    try {
      creds = await this.o.getCredentials();
    } catch {
      creds = undefined;
    }
    return creds
      ? `sent credentials of ${describeCredentials(creds)} were rejected or lack access`
      : this.noCredentials();
  }

  private noCredentials(): string {
    return `no credentials were found for ${this.o.host} in ${this.o.credentialSources} (credential helpers are not supported)`;
  }

  private checkRealm(realm: string, repository?: string): URL {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw this.error(
        repository,
        'CHALLENGE_INVALID',
        `invalid Bearer realm "${this.o.secrets.clean(realm, 200)}"`,
      );
    }
    const httpOk = url.protocol === 'http:' && (this.o.allowHttpRealm || isLoopbackHost(url.host));
    if (url.protocol !== 'https:' && !httpOk) {
      throw this.error(
        repository,
        'CHALLENGE_INVALID',
        `refusing to send credentials to non-HTTPS token realm ${url.origin} of a secure registry`,
      );
    }
    return url;
  }

  private async basicHeader(repository?: string): Promise<string> {
    const creds = await this.credentials(repository);
    if (!creds || !('password' in creds)) {
      throw this.error(
        repository,
        'UNAUTHORIZED',
        creds
          ? 'registry wants Basic auth, but only an identity token is configured'
          : `registry requires authentication; ${this.noCredentials()}`,
        401,
      );
    }
    return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
  }

  private async credentials(repository?: string): Promise<Credentials | undefined> {
    let creds: Credentials | undefined;
    try {
      creds = await this.o.getCredentials();
    } catch (e) {
      throw this.error(repository, 'CREDENTIALS', e instanceof Error ? e.message : String(e));
    }
    if (creds) {
      // With the user name: the Basic credential (to the registry or the token server) is a form of it.
      if ('password' in creds) this.o.secrets.add(creds.password, creds.username);
      else this.o.secrets.add(creds.identityToken);
    }
    return creds;
  }

  private async token(scopes: string[], force: boolean, repository?: string): Promise<CachedToken> {
    const now = Date.now();
    this.tokens = this.tokens.filter((t) => t.expiresAt > now);
    if (!force) {
      const hit = this.tokens.find((t) => scopesCover(t.scopes, scopes));
      if (hit) return hit;
    }
    const key = scopes.join(' ');
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = this.fetchToken(scopes, repository).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private async fetchToken(scopes: string[], repository?: string): Promise<CachedToken> {
    const bearer = this.bearer;
    if (!bearer) throw new Error('internal: token requested before a Bearer challenge');
    const creds = await this.credentials(repository);
    const url = new URL(bearer.realm.href);
    const headers: Record<string, string> = { Accept: 'application/json' };
    let method = 'GET';
    let body: Buffer | undefined;
    if (creds && 'identityToken' in creds) {
      // OAuth2 refresh-token grant (distribution docs/spec/auth/oauth.md): the only way to use identity tokens.
      method = 'POST';
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken });
      if (bearer.service) form.set('service', bearer.service);
      form.set('client_id', this.o.clientId);
      if (scopes.length) form.set('scope', scopes.join(' '));
      body = Buffer.from(form.toString());
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else {
      if (bearer.service) url.searchParams.set('service', bearer.service);
      for (const s of scopes) url.searchParams.append('scope', s);
      if (creds)
        headers.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    }
    const operation = `token request to ${url.origin}${url.pathname}`;
    // The token request has its own retries; once they are spent, the request that needed the token must not
    // start them all over again (nested loops multiplied the attempts).
    const token = await this.retryToken(operation, async () => {
      const ctx = { host: this.o.host, repository, operation };
      let res;
      let bytes: Buffer;
      try {
        res = await this.o.transport.send(body ? { method, url, headers, body } : { method, url, headers });
        bytes = await readBody(res.body, 1 << 20);
      } catch (e) {
        throw networkError(e, ctx);
      }
      if (res.status !== 200) {
        const retryable = isRetryableStatus(res.status);
        const who = creds ? describeCredentials(creds) : 'anonymous';
        const detail =
          res.status === 401 || res.status === 403
            ? `${operation} rejected ${who}: ${this.o.secrets.clean(bodyText(bytes), 200) || 'no detail'}`
            : `${operation} answered ${res.status}`;
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        throw new RegistryError({
          host: this.o.host,
          ...(repository ? { repository } : {}),
          operation: 'authenticate',
          status: res.status,
          code: res.status === 401 || res.status === 403 ? 'UNAUTHORIZED' : 'TOKEN_SERVER_ERROR',
          detail,
          retryable,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        });
      }
      return this.parseTokenResponse(bytes, operation, repository);
    });
    this.o.secrets.add(token.token);
    const cached: CachedToken = {
      scopes,
      header: `Bearer ${token.token}`,
      expiresAt: Date.now() + Math.max(token.expiresIn * 1000 - EXPIRY_MARGIN_MS, 1000),
    };
    this.tokens.push(cached);
    this.o.onEvent?.({ type: 'token', scopes, realm: `${url.origin}${url.pathname}` });
    return cached;
  }

  private async retryToken<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await this.o.transport.retry(operation, attempt);
    } catch (e) {
      throw e instanceof RegistryError ? e.final() : e;
    }
  }

  private parseTokenResponse(bytes: Buffer, operation: string, repository?: string) {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw this.error(repository, 'TOKEN_SERVER_ERROR', `${operation} answered something that is not JSON`);
    }
    const o = (json ?? {}) as Record<string, unknown>;
    const token = typeof o.token === 'string' && o.token ? o.token : o.access_token;
    if (typeof token !== 'string' || !token) {
      throw this.error(
        repository,
        'TOKEN_SERVER_ERROR',
        `${operation} answered without "token" or "access_token"`,
      );
    }
    // expires_in defaults to 60 s and should never be lower (token.md), so shorter values are treated as 60.
    const expiresIn =
      typeof o.expires_in === 'number' && o.expires_in > DEFAULT_TOKEN_TTL_S
        ? o.expires_in
        : DEFAULT_TOKEN_TTL_S;
    return { token, expiresIn };
  }

  private error(
    repository: string | undefined,
    code: string,
    detail: string,
    status?: number,
  ): RegistryError {
    return new RegistryError({
      host: this.o.host,
      ...(repository ? { repository } : {}),
      operation: 'authenticate',
      code,
      detail: this.o.secrets.clean(detail, 600),
      ...(status !== undefined ? { status } : {}),
    });
  }
}
