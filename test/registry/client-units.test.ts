// Registry client pieces that need no registry: references, tag sanitising, challenges and scopes, Docker config
// credentials, Retry-After and backoff, redaction, manifest validation.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/registry/auth.js';
import { mergeScopes, parseScope, parseWwwAuthenticate, scopesCover } from '../../src/registry/challenge.js';
import {
  credentialsFromDockerConfig,
  defaultDockerConfigPath,
  normalizeAuthKey,
  parseDockerConfig,
  resolveCredentials,
} from '../../src/registry/credentials.js';
import {
  carriesCredentials,
  publicUrl,
  RegistryError,
  SecretSet,
  oneLine,
  redact,
  secretForms,
} from '../../src/registry/errors.js';
import {
  formatImageReference,
  isLoopbackHost,
  isValidRepository,
  isValidTag,
  manifestReference,
  parseImageReference,
  sanitizeTag,
} from '../../src/registry/reference.js';
import {
  Transport,
  backoffDelay,
  defaultRetryPolicy,
  parseRetryAfter,
} from '../../src/registry/transport.js';
import { RegistryClient, parseManifest } from '../../src/registry/index.js';
import { MediaType } from '../../src/oci/types.js';

const D = `sha256:${'a'.repeat(64)}` as const;

describe('parseImageReference', () => {
  it.each([
    ['nginx', { registry: 'docker.io', apiHost: 'registry-1.docker.io', repository: 'library/nginx' }],
    ['nginx:1.25', { registry: 'docker.io', repository: 'library/nginx', tag: '1.25' }],
    [
      'elastic/package-registry:v1.2.3',
      { registry: 'docker.io', repository: 'elastic/package-registry', tag: 'v1.2.3' },
    ],
    [
      'docker.elastic.co/package-registry/distribution:snapshot',
      {
        registry: 'docker.elastic.co',
        apiHost: 'docker.elastic.co',
        repository: 'package-registry/distribution',
        tag: 'snapshot',
      },
    ],
    ['ghcr.io/elastic/package-storage', { registry: 'ghcr.io', repository: 'elastic/package-storage' }],
    [
      '127.0.0.1:5000/test/tiny:v1',
      { registry: '127.0.0.1:5000', apiHost: '127.0.0.1:5000', repository: 'test/tiny', tag: 'v1' },
    ],
    ['localhost/a/b', { registry: 'localhost', repository: 'a/b' }],
    ['localhost:5000/a', { registry: 'localhost:5000', repository: 'a' }],
    ['[::1]:5000/a/b:c', { registry: '[::1]:5000', repository: 'a/b', tag: 'c' }],
    [`ghcr.io/a/b@${D}`, { registry: 'ghcr.io', repository: 'a/b', digest: D }],
    [`ghcr.io/a/b:t@${D}`, { registry: 'ghcr.io', repository: 'a/b', tag: 't', digest: D }],
    [
      'index.docker.io/library/alpine',
      { registry: 'index.docker.io', apiHost: 'registry-1.docker.io', repository: 'library/alpine' },
    ],
    ['my_org/app__x.y-z', { registry: 'docker.io', repository: 'my_org/app__x.y-z' }],
  ])('%s', (input, expected) => {
    expect(parseImageReference(input)).toMatchObject(expected);
  });

  it.each([
    ['', /empty/],
    ['Nginx', /invalid repository name "library\/Nginx"/],
    ['ghcr.io/Elastic/x', /invalid repository/],
    ['ghcr.io/a//b', /invalid repository/],
    ['ghcr.io/a/b-', /invalid repository/],
    ['ghcr.io/a/b:-bad', /invalid tag "-bad"/],
    [`ghcr.io/a/b:${'t'.repeat(129)}`, /invalid tag/],
    ['ghcr.io/a/b@sha256:abc', /invalid digest/],
    ['gh_cr.io/a/b', /invalid registry host/],
  ])('rejects %j', (input, message) => {
    expect(() => parseImageReference(input)).toThrow(message);
  });

  it('formats and picks the manifest reference', () => {
    const r = parseImageReference('ghcr.io/a/b');
    expect(manifestReference(r)).toBe('latest');
    expect(formatImageReference({ ...r, tag: 'v1' })).toBe('ghcr.io/a/b:v1');
    expect(manifestReference(parseImageReference(`ghcr.io/a/b:t@${D}`))).toBe(D);
  });

  it('validates names and tags per the spec grammar', () => {
    expect(isValidRepository('a/b.c/d_e/f__g/h-i/j--k')).toBe(true);
    expect(isValidRepository('a/b_/c')).toBe(false);
    expect(isValidRepository('a/b___c')).toBe(false);
    expect(isValidRepository(`${'a'.repeat(256)}`)).toBe(false);
    expect(isValidTag('7.9.0')).toBe(true);
    expect(isValidTag('0123456789abcdef0123456789abcdef01234567')).toBe(true);
    expect(isValidTag('_x')).toBe(true);
    expect(isValidTag('.x')).toBe(false);
    expect(isValidTag('a'.repeat(128))).toBe(true);
    expect(isValidTag('a/b')).toBe(false);
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1:5000')).toBe(true);
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('localhost:80')).toBe(true);
    expect(isLoopbackHost('[::1]:5000')).toBe(true);
    expect(isLoopbackHost('ghcr.io')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });
});

describe('sanitizeTag', () => {
  it.each([
    ['feature/foo', 'feature-foo'],
    ['7.9.0', '7.9.0'],
    ['release/8.x+build', 'release-8.x-build'],
    ['-leading', '_leading'],
    ['.hidden', '_hidden'],
    ['ünïcode', '_n-code'],
    ['a b', 'a-b'],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeTag(input)).toBe(expected);
    expect(isValidTag(sanitizeTag(input))).toBe(true);
  });

  it('caps at 128 characters and refuses empty input', () => {
    expect(sanitizeTag('x'.repeat(300))).toHaveLength(128);
    expect(() => sanitizeTag('')).toThrow(/empty/);
  });
});

describe('WWW-Authenticate and scopes', () => {
  it('parses Bearer challenges with scopes, errors and escapes', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:push,pull repository:c:pull",error="insufficient_scope"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example.com/token',
          service: 'registry.example.com',
          scope: 'repository:a/b:push,pull repository:c:pull',
          error: 'insufficient_scope',
        },
      },
    ]);
    expect(parseWwwAuthenticate('Basic realm="test-realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'test-realm' } },
    ]);
    expect(parseWwwAuthenticate('bearer Realm=https://x/t, Service="s\\"q"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://x/t', service: 's"q' } },
    ]);
    expect(parseWwwAuthenticate(['Basic realm="a"', 'Bearer realm="b"']).map((c) => c.scheme)).toEqual([
      'basic',
      'bearer',
    ]);
    expect(parseWwwAuthenticate('Basic realm="a", Bearer realm="b",service="s"')).toEqual([
      { scheme: 'basic', params: { realm: 'a' } },
      { scheme: 'bearer', params: { realm: 'b', service: 's' } },
    ]);
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
    expect(parseWwwAuthenticate('=,,"')).toEqual([]);
  });

  it('merges and compares scopes', () => {
    expect(parseScope('repository:a/b:pull,push')).toEqual({
      type: 'repository',
      name: 'a/b',
      actions: ['pull', 'push'],
    });
    expect(
      mergeScopes(['repository:a:push', 'repository:a:pull repository:b:pull', 'registry:catalog:*']),
    ).toEqual(['registry:catalog:*', 'repository:a:pull,push', 'repository:b:pull']);
    expect(scopesCover(['repository:a:pull,push'], ['repository:a:pull'])).toBe(true);
    expect(scopesCover(['repository:a:pull'], ['repository:a:pull,push'])).toBe(false);
    expect(scopesCover(['repository:a:*'], ['repository:a:delete'])).toBe(true);
    expect(scopesCover(['repository:a:pull,push'], ['repository:a:push', 'repository:b:pull'])).toBe(false);
  });

  it('refuses to send credentials to a plain-HTTP realm of a secure registry', async () => {
    const transport = new Transport({ timeoutMs: 1000, retry: defaultRetryPolicy, userAgent: 't' });
    const auth = new Authenticator({
      host: 'registry.example.com',
      allowHttpRealm: false,
      transport,
      secrets: new SecretSet(),
      getCredentials: () => Promise.resolve({ username: 'u', password: 'secret-pass' }),
      clientId: 't',
      credentialSources: 'the explicit options',
    });
    await expect(
      auth.onUnauthorized('Bearer realm="http://auth.example.com/token"', [], false),
    ).rejects.toThrow(/refusing to send credentials to non-HTTPS token realm http:\/\/auth\.example\.com/);
    transport.close();
  });
});

describe('Docker config credentials', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('decodes auth, username/password and identitytoken entries', () => {
    const cfg = parseDockerConfig(
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hub-user:hub:pass') },
          'ghcr.io': { auth: b64('gh-user:ghp_token') },
          'registry.example.com': { username: 'u', password: 'p' },
          'idt.example.com': { auth: b64('<token>:'), identitytoken: 'refresh-me' },
          'empty.example.com': {},
        },
      }),
      'cfg.json',
    );
    expect(credentialsFromDockerConfig(cfg, 'registry-1.docker.io', 'cfg.json')).toEqual({
      username: 'hub-user',
      password: 'hub:pass',
    });
    expect(credentialsFromDockerConfig(cfg, 'ghcr.io', 'cfg.json')).toEqual({
      username: 'gh-user',
      password: 'ghp_token',
    });
    expect(credentialsFromDockerConfig(cfg, 'registry.example.com', 'cfg.json')).toEqual({
      username: 'u',
      password: 'p',
    });
    expect(credentialsFromDockerConfig(cfg, 'idt.example.com', 'cfg.json')).toEqual({
      identityToken: 'refresh-me',
      username: '<token>',
    });
    expect(credentialsFromDockerConfig(cfg, 'empty.example.com', 'cfg.json')).toBeUndefined();
    expect(credentialsFromDockerConfig(cfg, 'other.example.com', 'cfg.json')).toBeUndefined();
  });

  it('normalises keys: scheme, path, case', () => {
    expect(normalizeAuthKey('https://index.docker.io/v1/')).toBe('index.docker.io');
    expect(normalizeAuthKey('HTTP://Reg.Example:5000/v2/')).toBe('reg.example:5000');
    expect(normalizeAuthKey('ghcr.io')).toBe('ghcr.io');
  });

  it('explains that credential helpers are not supported', () => {
    const helpers = parseDockerConfig(JSON.stringify({ credHelpers: { 'ghcr.io': 'gh' } }), 'c.json');
    expect(() => credentialsFromDockerConfig(helpers, 'ghcr.io', 'c.json')).toThrow(
      /credential helper "gh", which is not supported/,
    );
    const store = parseDockerConfig(
      JSON.stringify({ auths: { 'ghcr.io': {} }, credsStore: 'desktop' }),
      'c.json',
    );
    expect(() => credentialsFromDockerConfig(store, 'ghcr.io', 'c.json')).toThrow(
      /credential helper "desktop"/,
    );
    // A store that does not mention the host means: no credentials for it.
    expect(credentialsFromDockerConfig(store, 'quay.io', 'c.json')).toBeUndefined();
  });

  it('reports broken files without echoing their content', () => {
    expect(() => parseDockerConfig('{"auths": {"x": {"auth": "c2VjcmV0', '/cfg.json')).toThrow(
      /^Docker config \/cfg\.json is not valid JSON$/,
    );
    expect(() => parseDockerConfig('[]', 'f')).toThrow(/not a JSON object/);
    expect(() =>
      credentialsFromDockerConfig(
        parseDockerConfig('{"auths":{"h":{"auth":"bm9jb2xvbg=="}}}', 'f'),
        'h',
        'f',
      ),
    ).toThrow(/not base64 of user:password/);
  });

  it('finds the file via DOCKER_CONFIG or HOME, and treats a missing file as anonymous', async () => {
    expect(defaultDockerConfigPath({ DOCKER_CONFIG: '/x/y' })).toBe('/x/y/config.json');
    expect(defaultDockerConfigPath({ HOME: '/home/u' })).toBe('/home/u/.docker/config.json');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pkgstore-unit-'));
    try {
      await writeFile(
        path.join(dir, 'config.json'),
        JSON.stringify({ auths: { 'ghcr.io': { auth: b64('a:b') } } }),
      );
      expect(await resolveCredentials('ghcr.io', { env: { DOCKER_CONFIG: dir } })).toEqual({
        username: 'a',
        password: 'b',
      });
      expect(
        await resolveCredentials('ghcr.io', { env: { DOCKER_CONFIG: path.join(dir, 'none') } }),
      ).toBeUndefined();
      const explicit = { username: 'e', password: 'f' };
      expect(
        await resolveCredentials('ghcr.io', { credentials: explicit, env: { DOCKER_CONFIG: dir } }),
      ).toBe(explicit);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Retry-After and backoff', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('parses delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 3 ', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(['5', '9'], now)).toBe(5000);
  });

  it.each([undefined, '', '-1', '1.5', 'soon', 'tomorrow GMT'])('ignores %j', (v) => {
    expect(parseRetryAfter(v, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    const p = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, p, () => 0)).toBe(50);
    expect(backoffDelay(1, p, () => 1)).toBe(100);
    expect(backoffDelay(3, p, () => 1)).toBe(400);
    expect(backoffDelay(10, p, () => 1)).toBe(1000);
    expect(backoffDelay(10, p, () => 0)).toBe(500);
  });
});

describe('errors and redaction', () => {
  it('builds one-line messages', () => {
    const e = new RegistryError({
      host: 'ghcr.io',
      repository: 'elastic/x',
      operation: 'PUT manifest v1',
      status: 400,
      code: 'MANIFEST_BLOB_UNKNOWN',
      detail: 'blob unknown\nto registry',
    });
    expect(e.message).toBe(
      'registry ghcr.io repository elastic/x: PUT manifest v1 failed: 400 MANIFEST_BLOB_UNKNOWN: blob unknown to registry',
    );
    expect(e).toMatchObject({
      status: 400,
      code: 'MANIFEST_BLOB_UNKNOWN',
      retryable: false,
      name: 'RegistryError',
    });
    expect(oneLine('a\u202eb\u0007c')).toBe('a b c');
    expect(oneLine('x'.repeat(50), 10)).toHaveLength(10);
  });

  it('scrubs credentials', () => {
    expect(redact('Authorization: Bearer eyJ.abc.def')).toBe('Authorization: Bearer [REDACTED]');
    expect(redact('Basic dXNlcjpwYXNz')).toBe('Basic [REDACTED]');
    // Every URL loses its userinfo, query and fragment; free-text credential parameters their values.
    expect(redact('https://user:pw@host/x')).toBe('https://host/x');
    expect(redact('see (https://host/x?X-Amz-Signature=abc&ok=1#f), then')).toBe(
      'see (https://host/x), then',
    );
    expect(redact('realm //ghp_abc@github.com/x')).toBe('realm //[REDACTED]@github.com/x');
    expect(redact('token=abc&access_token=def ok=1')).toBe('token=[REDACTED]&access_token=[REDACTED] ok=1');
    const s = new SecretSet();
    s.add('hunter22');
    s.add('ab'); // too short to scrub safely
    expect(s.redact('pw hunter22 and ab')).toBe('pw [REDACTED] and ab');
  });

  it('knows every spelling of a secret, and masks each once', () => {
    expect(secretForms('p w:"x"', 'me')).toEqual([
      'p w:"x"',
      'p%20w%3A%22x%22',
      'p+w%3A%22x%22',
      'p w:\\"x\\"',
      Buffer.from('me:p w:"x"').toString('base64'),
    ]);
    expect(secretForms('plain')).toEqual(['plain']);
    const masked: string[] = [];
    const s = new SecretSet((v) => masked.push(v));
    s.add('p w:"x"', 'me');
    s.add('p w:"x"', 'me');
    expect(masked).toEqual(secretForms('p w:"x"', 'me'));
    // The longest form first: the base64 of `me:secret` goes whole, not around a shorter form inside it.
    expect(s.clean(`Basic ${Buffer.from('me:p w:"x"').toString('base64')} p%20w%3A%22x%22 x`)).toBe(
      'Basic [REDACTED] [REDACTED] x',
    );
  });

  it('makes URLs public: no userinfo, query or fragment', () => {
    expect(publicUrl('https://x-access-token:ghp_1@github.com/acme/repo?access_token=1#top')).toBe(
      'https://github.com/acme/repo',
    );
    expect(publicUrl('https://github.example:8443/acme/repo')).toBe('https://github.example:8443/acme/repo');
    expect(publicUrl('not a url?token=1')).toBe('not a url');
    expect(carriesCredentials('see https://example.com/docs?page=2#x')).toBe(false);
    expect(carriesCredentials('https://example.com/x?Access_Token=1')).toBe(true);
    expect(carriesCredentials('clone https://ghp_1@github.com/acme/x')).toBe(true);
  });
});

describe('manifest validation', () => {
  const invalid = (d: string) => new Error(d);
  const manifest = {
    schemaVersion: 2,
    config: { mediaType: MediaType.ociConfig, digest: D, size: 1 },
    layers: [],
  };

  it('takes the type from Content-Type and rejects a contradicting body', () => {
    const withType = Buffer.from(JSON.stringify({ ...manifest, mediaType: MediaType.ociManifest }));
    expect(parseManifest(withType, MediaType.ociManifest, invalid).mediaType).toBe(MediaType.ociManifest);
    expect(() => parseManifest(withType, MediaType.dockerManifest, invalid)).toThrow(
      /Content-Type is application\/vnd\.docker\.distribution\.manifest\.v2\+json but the manifest says/,
    );
  });

  it('handles untyped OCI documents, schema 1 and junk', () => {
    expect(parseManifest(Buffer.from(JSON.stringify(manifest)), 'application/json', invalid).mediaType).toBe(
      MediaType.ociManifest,
    );
    expect(
      parseManifest(Buffer.from('{"schemaVersion":2,"manifests":[]}'), undefined, invalid).mediaType,
    ).toBe(MediaType.ociIndex);
    expect(() => parseManifest(Buffer.from('{"schemaVersion":1}'), undefined, invalid)).toThrow(
      /schemaVersion 1/,
    );
    expect(() => parseManifest(Buffer.from('nope'), undefined, invalid)).toThrow(/not a JSON object/);
    expect(() =>
      parseManifest(Buffer.from('{"schemaVersion":2,"layers":[]}'), MediaType.ociManifest, invalid),
    ).toThrow(/without a valid config/);
  });
});

describe('RegistryClient construction', () => {
  it('uses https unless insecure or loopback, and maps docker.io', () => {
    expect(new RegistryClient('ghcr.io').baseUrl.href).toBe('https://ghcr.io/');
    expect(new RegistryClient('docker.io').host).toBe('registry-1.docker.io');
    expect(new RegistryClient('127.0.0.1:5000').baseUrl.href).toBe('http://127.0.0.1:5000/');
    expect(new RegistryClient('127.0.0.1:5000', { insecure: false }).baseUrl.protocol).toBe('https:');
    expect(new RegistryClient('reg.internal:5000', { insecure: true }).baseUrl.protocol).toBe('http:');
    expect(() => new RegistryClient('bad host')).toThrow(/invalid registry host/);
  });
});
