// Protocol corners Distribution 2.8 with filesystem storage never exercises, against a scripted fake registry:
// insufficient_scope asking for more than we requested (re-auth with the union), `token`-only answers, blob
// redirects to another host (no Authorization forwarded), relative upload Locations with opaque queries.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError } from '../../src/registry/index.js';
import { sha256 } from '../support/registry/index.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
}

// Hermetic: never the machine's own ~/.docker/config.json.
const NO_CONFIG = '/nonexistent/docker/config.json';
const blob = Buffer.from('blob served from object storage');
const blobDigest = sha256(blob);
const forbiddenDigest = sha256('forbidden');
let registry: http.Server;
let storage: http.Server;
let regHost = '';
let storageHost = '';
const seen: Seen[] = [];
const storageSeen: Seen[] = [];
const tokenRequests: string[][] = [];
const tokens = new Map<string, string[]>();

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function challenge(scope: string, error?: string): string {
  return `Bearer realm="http://${regHost}/token",service="fake",scope="${scope}"${error ? `,error="${error}"` : ''}`;
}

beforeAll(async () => {
  storage = http.createServer((req, res) => {
    storageSeen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    if (req.url?.includes('forbidden')) {
      res
        .writeHead(403, { 'Content-Type': 'application/xml' })
        .end('<Error><Code>AccessDenied</Code></Error>');
      return;
    }
    res.writeHead(200, { 'Content-Length': String(blob.length) }).end(blob);
  });
  registry = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${regHost}`);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    req.resume();
    req.on('end', () => {
      if (url.pathname === '/token') {
        const scopes = url.searchParams.getAll('scope');
        tokenRequests.push(scopes);
        const token = `tok-${tokens.size + 1}`;
        tokens.set(token, scopes);
        // Only `token`, no access_token: both spellings must be accepted.
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ token, expires_in: 300 }));
        return;
      }
      const granted = tokens.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '');
      const deny = (scope: string, error?: string) =>
        res
          .writeHead(401, { 'WWW-Authenticate': challenge(scope, error), 'Content-Type': 'application/json' })
          .end(
            JSON.stringify({
              errors: [{ code: error ? 'DENIED' : 'UNAUTHORIZED', message: 'auth required' }],
            }),
          );
      if (!granted) return deny('repository:dst:pull');
      if (url.pathname === '/v2/dst/tags/list') {
        // This registry also wants catalog access for listing: more than the client knew to ask for.
        if (!granted.includes('registry:catalog:*')) return deny('registry:catalog:*', 'insufficient_scope');
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ name: 'dst', tags: ['a', 'b'] }));
        return;
      }
      if (req.method === 'GET' && url.pathname === `/v2/dst/blobs/${blobDigest}`) {
        res.writeHead(307, { Location: `http://${storageHost}/bucket/blob?sig=s3cr3t-signature` }).end();
        return;
      }
      if (req.method === 'GET' && url.pathname === `/v2/dst/blobs/${forbiddenDigest}`) {
        res
          .writeHead(307, { Location: `http://${storageHost}/forbidden?X-Amz-Signature=s3cr3t-signature` })
          .end();
        return;
      }
      if (req.method === 'HEAD' && url.pathname.startsWith('/v2/dst/blobs/')) {
        res.writeHead(404).end();
        return;
      }
      if (req.method === 'POST' && url.pathname === '/v2/dst/blobs/uploads/') {
        res.writeHead(202, { Location: '/upload/u1?_state=a%2Fb%3D%3D', Range: '0-0' }).end();
        return;
      }
      if (req.method === 'PATCH' && url.pathname === '/upload/u1') {
        res.writeHead(202, { Location: 'u1?_state=next%3D' }).end();
        return;
      }
      if (req.method === 'PUT' && url.pathname === '/upload/u1') {
        res.writeHead(201, { 'Docker-Content-Digest': url.searchParams.get('digest') ?? '' }).end();
        return;
      }
      res.writeHead(404).end();
    });
  });
  [regHost, storageHost] = await Promise.all([listen(registry), listen(storage)]);
});

afterAll(async () => {
  registry.closeAllConnections();
  storage.closeAllConnections();
  await Promise.all([new Promise((r) => registry.close(r)), new Promise((r) => storage.close(r))]);
});

describe('protocol corners (fake registry)', () => {
  it('re-authenticates once with the union of scopes on insufficient_scope, then reuses the token', async () => {
    const client = new RegistryClient(regHost, { insecure: true, dockerConfigPath: NO_CONFIG });
    expect(await client.listTags('dst')).toEqual(['a', 'b']);
    expect(tokenRequests).toEqual([['repository:dst:pull'], ['registry:catalog:*', 'repository:dst:pull']]);
    expect(await client.listTags('dst')).toEqual(['a', 'b']);
    expect(tokenRequests).toHaveLength(2);
    client.close();
  });

  it('follows a blob redirect to another host without forwarding Authorization', async () => {
    const client = new RegistryClient(regHost, { insecure: true, dockerConfigPath: NO_CONFIG });
    seen.length = 0;
    storageSeen.length = 0;
    expect((await client.getBlobBytes('dst', blobDigest)).equals(blob)).toBe(true);
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      authorization: expect.stringMatching(/^Bearer tok-/) as string,
    });
    expect(storageSeen).toEqual([{ method: 'GET', url: '/bucket/blob?sig=s3cr3t-signature' }]);

    const err = await client.getBlobBytes('dst', forbiddenDigest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).status).toBe(403);
    expect((err as RegistryError).message).not.toContain('s3cr3t');
    client.close();
  });

  it('resolves relative upload Locations and keeps their opaque query when appending the digest', async () => {
    const client = new RegistryClient(regHost, { insecure: true, dockerConfigPath: NO_CONFIG });
    seen.length = 0;
    const bytes = Buffer.from('relative location upload');
    const desc = { mediaType: 'application/octet-stream', digest: sha256(bytes), size: bytes.length };
    expect(await client.uploadBlob('dst', desc, () => Readable.from([bytes]))).toBe('uploaded');
    expect(seen.map((s) => `${s.method} ${s.url}`).filter((s) => !s.startsWith('GET /token'))).toEqual([
      `HEAD /v2/dst/blobs/${desc.digest}`, // unauthenticated: learns the challenge
      `HEAD /v2/dst/blobs/${desc.digest}`,
      'POST /v2/dst/blobs/uploads/',
      'PATCH /upload/u1?_state=a%2Fb%3D%3D',
      `PUT /upload/u1?_state=next%3D&digest=${encodeURIComponent(desc.digest)}`,
    ]);
    client.close();
  });
});
