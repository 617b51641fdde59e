// Secrets never leak in part (src/registry/errors.ts, client.ts, auth.ts): a registry or token server that quotes a
// credential back in an error, at any position and in any spelling, against a real RegistryClient over HTTP. Each
// text is redacted before it is cut to its length limit, so no run of four characters of the secret is left where
// a limit fell across it (the bug: the first characters of a password in the message).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError } from '../../src/registry/index.js';
import { MIN_SECRET_LENGTH, SecretSet } from '../../src/registry/errors.js';
import { runs } from '../support/properties/runs.js';

// Secrets and the text around them come from disjoint alphabets (neither shares a character with our own message
// text's capitals), so any four characters of the secret in a message can only come from the secret itself.
const secretChar = fc.constantFrom(...'QXZJKVWqxzjkvw#%^*!~$()[]{}@/+=&?: "\\'.split(''));
const fillerChar = fc.constantFrom(...'abcdefghilmnoprstuy0123456789 .,-_'.split(''));
// Lengths either side of every cut: an entry's message (300), detail (200), the whole detail (600), the message (1000).
const position = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 170, max: 320 }),
  fc.integer({ min: 560, max: 640 }),
  fc.integer({ min: 0, max: 1100 }),
);

type Spelling = 'raw' | 'url' | 'form' | 'json' | 'basic';
type Where = 'message' | 'detail' | 'code' | 'plain body' | 'token server';

interface Case {
  user: string;
  secret: string;
  spelling: Spelling;
  where: Where;
  before: string;
  after: string;
}

const cases: fc.Arbitrary<Case> = fc.record({
  user: fc.constantFrom('ci-user', 'u'),
  secret: fc.string({ unit: secretChar, minLength: MIN_SECRET_LENGTH, maxLength: 120 }),
  spelling: fc.constantFrom<Spelling>('raw', 'url', 'form', 'json', 'basic'),
  where: fc.constantFrom<Where>('message', 'detail', 'code', 'plain body', 'token server'),
  before: position.chain((n) => fc.string({ unit: fillerChar, minLength: n, maxLength: n })),
  after: fc.string({ unit: fillerChar, maxLength: 400 }),
});

function spelled(c: Case): string {
  switch (c.spelling) {
    case 'raw':
      return c.secret;
    case 'url':
      return encodeURIComponent(c.secret);
    case 'form':
      return new URLSearchParams({ p: c.secret }).toString().slice(2);
    case 'json':
      // As a server writes it inside a JSON string by hand (Go escapes <, > and & too: covered by re-serializing).
      return JSON.stringify(c.secret).slice(1, -1);
    case 'basic':
      return Buffer.from(`${c.user}:${c.secret}`).toString('base64');
  }
}

/** The answer the server gives: an error body with the spelled secret at the case's position. */
function errorBody(c: Case): string {
  const text = `${c.before}${spelled(c)}${c.after}`;
  if (c.where === 'plain body') return text;
  const entry = { code: 'DENIED', message: 'denied', detail: 'no detail' };
  if (c.where === 'code') entry.code = text;
  else if (c.where === 'detail') entry.detail = text;
  else entry.message = text;
  // `json` is already escaped for a JSON string: put it in by hand, as a server that builds its JSON itself would.
  if (c.spelling === 'json')
    return `{"errors":[{"code":"DENIED","message":"${c.before}${spelled(c)}${c.after}"}]}`;
  return JSON.stringify({ errors: [entry] });
}

/** Every run of `n` characters of `s`, for `s` itself shorter than `n`. */
function windows(s: string, n: number): string[] {
  if (s.length <= n) return [s];
  return Array.from({ length: s.length - n + 1 }, (_, i) => s.slice(i, i + n));
}

let server: http.Server;
let host: string;
let current: Case | undefined;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    const c = current!;
    if (c.where === 'token server') {
      if (req.url?.startsWith('/token')) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end(errorBody({ ...c, where: 'message' }));
        return;
      }
      res
        .writeHead(401, {
          'Content-Type': 'application/json',
          'WWW-Authenticate': `Bearer realm="http://${host}/token",service="test"`,
        })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
      return;
    }
    res
      .writeHead(400, { 'Content-Type': c.where === 'plain body' ? 'text/plain' : 'application/json' })
      .end(errorBody(c));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('secrets in registry errors', () => {
  it('no four characters of a secret, in any spelling, survive in an error message at any position', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        current = c;
        const client = new RegistryClient(host, {
          credentials: { username: c.user, password: c.secret },
          retry: { attempts: 1 },
        });
        let error: unknown;
        try {
          await client.getManifest('acme/distribution', 'v1');
        } catch (e) {
          error = e;
        } finally {
          client.close();
        }
        expect(error).toBeInstanceOf(RegistryError);
        const message = (error as RegistryError).message;
        // The spelled form is what was sent back; four characters of it must not survive (a base64 spelling mixes
        // with our own letters and digits, so eight there: never by chance in our text).
        const form = spelled(c);
        const n = c.spelling === 'basic' ? 8 : 4;
        for (const part of windows(form, n))
          expect(message, `${JSON.stringify(part)} of the secret`).not.toContain(part);
      }),
      runs(0.5),
    );
  });

  it('SecretSet.clean redacts before it cuts: a secret across the limit leaves nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: secretChar, minLength: MIN_SECRET_LENGTH, maxLength: 80 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (secret, max, at) => {
          const set = new SecretSet();
          set.add(secret);
          const out = set.clean(`${'a'.repeat(at)}${secret}${'b'.repeat(50)}`, max);
          expect(out.length).toBeLessThanOrEqual(max);
          for (const part of windows(secret, 4)) expect(out).not.toContain(part);
        },
      ),
      runs(),
    );
  });
});
