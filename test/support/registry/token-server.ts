// A tiny token server for Distribution's `auth.token` (docs/spec/auth/token.md): RS256 JWTs signed with a key whose
// self-signed certificate (made by `openssl req -x509`) is the registry's rootcertbundle and travels in `x5c`.
// Valid Basic users get what they ask for; anonymous callers get pull only. Every request is recorded.

import { randomUUID, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { run } from './exec.js';

export interface TokenRequest {
  method: 'GET' | 'POST';
  /** Scopes as requested, one entry per `scope` (split on spaces for the OAuth2 form). */
  scopes: string[];
  user?: string;
  /** Granted access, `type:name:actions` per resource. */
  granted: string[];
}

export interface TokenServer {
  host: string;
  realm: string;
  certPath: string;
  requests: TokenRequest[];
  stop(): Promise<void>;
}

export interface TokenServerOptions {
  dir: string;
  users: Record<string, string>;
  /** identity token → user, for the OAuth2 refresh_token grant. */
  identityTokens: Record<string, string>;
  issuer: string;
  service: string;
}

interface Access {
  type: string;
  name: string;
  actions: string[];
}

export async function startTokenServer(o: TokenServerOptions): Promise<TokenServer> {
  const keyPath = path.join(o.dir, 'token-key.pem');
  const certPath = path.join(o.dir, 'token-cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '2',
    '-subj',
    '/CN=test-token-issuer',
  ]);
  const key = await readFile(keyPath, 'utf8');
  const certDer = (await readFile(certPath, 'utf8')).replace(/-----[A-Z ]+-----|\s/g, '');
  const requests: TokenRequest[] = [];

  const issue = (user: string | undefined, scopes: string[]) => {
    const access: Access[] = [];
    for (const s of scopes) {
      const first = s.indexOf(':');
      const last = s.lastIndexOf(':');
      if (first <= 0 || last <= first) continue;
      const type = s.slice(0, first);
      const name = s.slice(first + 1, last);
      const asked = s.slice(last + 1).split(',');
      const actions = user ? asked : asked.filter((a) => a === 'pull' && type === 'repository');
      if (actions.length) access.push({ type, name, actions });
    }
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer] };
    const claims = {
      iss: o.issuer,
      sub: user ?? '',
      aud: o.service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
    return { token, granted: access.map((a) => `${a.type}:${a.name}:${a.actions.join(',')}`) };
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const deny = (status: number, message: string) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message }] }));
      };
      if (url.pathname !== '/token') return deny(404, 'not found');
      if (req.method === 'GET') {
        let user: string | undefined;
        const authz = req.headers.authorization;
        if (authz) {
          const m = /^Basic\s+(.+)$/i.exec(authz);
          const decoded = m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : '';
          const colon = decoded.indexOf(':');
          const name = decoded.slice(0, colon);
          if (colon < 0 || o.users[name] === undefined || o.users[name] !== decoded.slice(colon + 1)) {
            return deny(401, 'invalid username or password');
          }
          user = name;
        }
        if (url.searchParams.get('service') !== o.service) return deny(400, 'unknown service');
        const scopes = url.searchParams.getAll('scope');
        const { token, granted } = issue(user, scopes);
        requests.push({ method: 'GET', scopes, ...(user ? { user } : {}), granted });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            token,
            access_token: token,
            expires_in: 300,
            issued_at: new Date().toISOString(),
          }),
        );
        return;
      }
      if (req.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        let user: string | undefined;
        if (form.get('grant_type') === 'refresh_token')
          user = o.identityTokens[form.get('refresh_token') ?? ''];
        else if (form.get('grant_type') === 'password') {
          const name = form.get('username') ?? '';
          if (o.users[name] !== undefined && o.users[name] === form.get('password')) user = name;
        }
        if (!user) return deny(401, 'invalid grant');
        const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        const { token, granted } = issue(user, scopes);
        requests.push({ method: 'POST', scopes, user, granted });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        // OAuth2 answers carry only access_token (as Elastic's registry does): clients must accept it.
        res.end(JSON.stringify({ access_token: token, expires_in: 300, scope: scopes.join(' ') }));
        return;
      }
      deny(405, 'method not allowed');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    realm: `http://${host}/token`,
    certPath,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}
