// Retries and timeouts through a fault-injecting proxy in front of real Distribution 2.8 registries (anonymous and
// token auth): reset mid-blob, 5xx on manifest PUT, 429 + Retry-After, stalled and trickled responses and uploads,
// token endpoint failures.

import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  RegistryClient,
  RegistryError,
  type RegistryClientOptions,
  type RegistryEvent,
} from '../../src/registry/index.js';
import {
  seedBaseImage,
  sha256,
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type SeededBaseImage,
  type TestRegistry,
} from '../support/registry/index.js';
import { MediaType } from '../../src/oci/types.js';

const USER = 'ci-user';
const PASSWORD = 'fault-Secret-99';
let plain: TestRegistry;
let token: TestRegistry;
let plainProxy: FaultProxy;
let tokenProxy: FaultProxy;
let base: SeededBaseImage;
let events: RegistryEvent[];

beforeAll(async () => {
  [plain, token] = await Promise.all([
    startRegistry({ auth: 'none' }),
    startRegistry({ auth: 'token', users: { [USER]: PASSWORD } }),
  ]);
  [plainProxy, tokenProxy] = await Promise.all([
    startFaultProxy({ target: plain.host, faults: [] }),
    startFaultProxy({ target: token.host, faults: [] }),
  ]);
  base = await seedBaseImage({ host: plain.host });
});

afterAll(async () => {
  await Promise.all([plainProxy?.stop(), tokenProxy?.stop()]);
  await Promise.all([plain?.stop(), token?.stop()]);
});

beforeEach(() => {
  events = [];
  plainProxy.setFaults([]);
  tokenProxy.setFaults([]);
});

function client(host: string, o: RegistryClientOptions = {}): RegistryClient {
  return new RegistryClient(host, {
    insecure: true,
    retry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 100 },
    timeoutMs: 2_000,
    onEvent: (e) => events.push(e),
    ...o,
  });
}

function randomBlob(size: number) {
  const bytes = randomBytes(size);
  let opened = 0;
  return {
    bytes,
    get opened() {
      return opened;
    },
    open: () => {
      opened++;
      return Readable.from(
        (function* () {
          for (let i = 0; i < size; i += 65536) yield bytes.subarray(i, i + 65536);
        })(),
      );
    },
    desc: { mediaType: 'application/octet-stream', digest: sha256(bytes), size },
  };
}

const retries = () => events.filter((e) => e.type === 'retry');

describe('retries through the fault proxy (anonymous registry)', () => {
  it('a reset mid-PATCH while the source is still being read is retried, not blamed on the source', async () => {
    // The source is far from its end when the request fails: tearing it down must not count as its own failure
    // (a file or a base layer being downloaded, as publish-image uploads to a second registry).
    plainProxy.setFaults([
      { method: 'PATCH', path: /\/blobs\/uploads\//, action: { type: 'reset', afterBytes: 300_000 } },
    ]);
    const c = client(plainProxy.host);
    const blob = randomBlob(16 * 1024 * 1024);
    expect(await c.uploadBlob('faults/reset-mid-source', blob.desc, blob.open)).toBe('uploaded');
    expect(blob.opened).toBe(2);
    expect(retries()).toEqual([
      expect.objectContaining({ attempt: 1, reason: expect.stringMatching(/^NETWORK/) as string }),
    ]);
    c.close();
  });

  it('restarts a blob upload from the start of the source after a reset mid-PATCH', async () => {
    plainProxy.setFaults([
      { method: 'PATCH', path: /\/blobs\/uploads\//, action: { type: 'reset', afterBytes: 300_000 } },
    ]);
    const c = client(plainProxy.host);
    const blob = randomBlob(1024 * 1024);
    expect(await c.uploadBlob('faults/reset', blob.desc, blob.open)).toBe('uploaded');
    expect(blob.opened).toBe(2);
    expect(plainProxy.injected).toEqual([expect.objectContaining({ method: 'PATCH', action: 'reset' })]);
    expect(plainProxy.requests.map((r) => `${r.method} ${r.status ?? r.fault}`)).toEqual([
      'HEAD 404',
      'POST 202',
      'PATCH reset',
      'POST 202',
      'PATCH 202',
      'PUT 201',
    ]);
    expect(retries()).toEqual([
      expect.objectContaining({ attempt: 1, reason: expect.stringMatching(/^NETWORK/) as string }),
    ]);
    expect((await c.getBlobBytes('faults/reset', blob.desc.digest)).equals(blob.bytes)).toBe(true);
    c.close();
  });

  it('rebuilds a streamed upload from its source after a reset mid-PATCH, never replaying sent bytes', async () => {
    plainProxy.setFaults([
      { method: 'PATCH', path: /\/blobs\/uploads\//, action: { type: 'reset', afterBytes: 200_000 } },
    ]);
    const c = client(plainProxy.host);
    const blob = randomBlob(900_000);
    const attempts: number[] = [];
    const sent = await c.uploadStream('faults/streamed', (attempt) => {
      attempts.push(attempt);
      return blob.open();
    });
    expect(sent.digest).toBe(blob.desc.digest);
    expect(attempts).toEqual([1, 2]);
    expect(plainProxy.requests.map((r) => `${r.method} ${r.status ?? r.fault}`)).toEqual([
      'POST 202',
      'PATCH reset',
      'POST 202',
      'PATCH 202',
      'PUT 201',
    ]);
    expect((await c.getBlobBytes('faults/streamed', sent.digest)).equals(blob.bytes)).toBe(true);
    c.close();
  });

  it('after a streamed upload whose commit failed, asks the registry before sending it again', async () => {
    // The first PUT ?digest= gets a 503 after the registry already has the bytes of the PATCH (not committed).
    plainProxy.setFaults([
      { method: 'PUT', path: /\/blobs\/uploads\//, action: { type: 'status', status: 503 } },
    ]);
    const c = client(plainProxy.host);
    const blob = randomBlob(300_000);
    const sent = await c.uploadStream('faults/streamed-put', () => blob.open());
    expect(sent.digest).toBe(blob.desc.digest);
    expect(plainProxy.requests.map((r) => `${r.method} ${r.status ?? r.fault}`)).toEqual([
      'POST 202',
      'PATCH 202',
      'PUT 503',
      'HEAD 404',
      'POST 202',
      'PATCH 202',
      'PUT 201',
    ]);
    c.close();
  });

  it('retries a manifest PUT answered with 503', async () => {
    plainProxy.setFaults([{ method: 'PUT', path: /\/manifests\//, action: { type: 'status', status: 503 } }]);
    const c = client(plainProxy.host);
    const bytes = base.platforms.amd64.manifestBytes;
    expect(await c.putManifest(base.repository, 'retagged', bytes, MediaType.ociManifest)).toBe(
      base.platforms.amd64.digest,
    );
    expect(plainProxy.injected).toHaveLength(1);
    expect(retries()).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^UNAVAILABLE: injected fault/) as string }),
    ]);
    c.close();
  });

  it('waits as long as Retry-After says on 429', async () => {
    plainProxy.setFaults([
      {
        method: 'GET',
        path: /\/manifests\/single$/,
        action: { type: 'status', status: 429, retryAfter: '1' },
      },
    ]);
    const c = client(plainProxy.host);
    const started = Date.now();
    const m = await c.getManifest(base.repository, 'single');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(m.digest).toBe(base.platforms.amd64.digest);
    expect(retries()).toEqual([expect.objectContaining({ delayMs: 1000 })]);
    c.close();
  });

  it('does not sleep through a Retry-After beyond the limit', async () => {
    plainProxy.setFaults([
      {
        method: 'GET',
        path: /\/manifests\/single$/,
        action: { type: 'status', status: 429, retryAfter: '3600' },
      },
    ]);
    const c = client(plainProxy.host);
    const err = await c.getManifest(base.repository, 'single').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 429, code: 'TOOMANYREQUESTS' });
    expect((err as Error).message).toMatch(/retry after 3600 s, over the 60 s limit/);
    c.close();
  });

  it('times out a stalled response and retries it', async () => {
    plainProxy.setFaults([{ method: 'GET', path: /\/manifests\/single$/, action: { type: 'stall' } }]);
    const c = client(plainProxy.host, { timeoutMs: 700 });
    const started = Date.now();
    const m = await c.getManifest(base.repository, 'single');
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(m.digest).toBe(base.platforms.amd64.digest);
    expect(retries()).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^TIMEOUT: stalled/) as string }),
    ]);
    c.close();
  });

  it('gives up on a registry that keeps stalling, with a clear error', async () => {
    plainProxy.setFaults([
      { method: 'HEAD', path: /\/manifests\//, action: { type: 'stall' }, occurrences: [1, 2] },
    ]);
    const c = client(plainProxy.host, { timeoutMs: 400, retry: { attempts: 2, baseDelayMs: 10 } });
    const err = await c.headManifest(base.repository, 'single').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).code).toBe('TIMEOUT');
    expect((err as RegistryError).message).toMatch(
      new RegExp(
        `^registry ${plainProxy.host} repository ${base.repository}: HEAD manifest single failed: TIMEOUT: stalled: no activity for 400 ms \\(gave up after 2 attempts\\)$`,
      ),
    );
    c.close();
  });

  it('re-reads a blob whose response was cut off', async () => {
    const layer = base.platforms.amd64.layers[1]!;
    plainProxy.setFaults([
      { method: 'GET', path: /\/blobs\/sha256:/, action: { type: 'reset-response', afterBytes: 10 } },
    ]);
    const c = client(plainProxy.host);
    expect((await c.getBlobBytes(base.repository, layer.descriptor.digest)).equals(layer.bytes)).toBe(true);
    expect(plainProxy.injected).toHaveLength(1);
    c.close();
  });

  it('times out a response body that stops mid-way and fetches it again', async () => {
    const layer = base.platforms.amd64.layers[0]!;
    plainProxy.setFaults([
      { method: 'GET', path: /\/blobs\/sha256:/, action: { type: 'stall-response', afterBytes: 5 } },
    ]);
    const c = client(plainProxy.host, { timeoutMs: 500 });
    expect((await c.getBlobBytes(base.repository, layer.descriptor.digest)).equals(layer.bytes)).toBe(true);
    expect(retries()).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^TIMEOUT/) as string }),
    ]);
    c.close();
  });

  it('fails a blob stream that stalls after it was handed out with a TIMEOUT RegistryError', async () => {
    const layer = base.platforms.amd64.layers[0]!;
    plainProxy.setFaults([
      { method: 'GET', path: /\/blobs\/sha256:/, action: { type: 'stall-response', afterBytes: 5 } },
    ]);
    const c = client(plainProxy.host, { timeoutMs: 400 });
    const stream = await c.getBlob(base.repository, layer.descriptor.digest);
    const err = await (async () => {
      for await (const chunk of stream) void chunk;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    c.close();
  });

  it('reports exhausted 5xx retries with the attempt count', async () => {
    plainProxy.setFaults([
      {
        method: 'GET',
        path: /\/tags\/list/,
        action: { type: 'status', status: 500 },
        occurrences: [1, 2, 3, 4],
      },
    ]);
    const c = client(plainProxy.host);
    const err = await c.listTags(base.repository).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 500, code: 'UNAVAILABLE', attempts: 4 });
    expect((err as Error).message).toContain('(gave up after 4 attempts)');
    c.close();
  });
});

// A registry that trickles a byte at a time never leaves the connection idle: only the progress deadline (bytes per
// interval while the registry is the one waited on) ends such an attempt. Our own slowness (a source still being
// built, a reader that pauses) is not the registry's and trips nothing.
describe('the progress deadline', () => {
  const deadline = { bytes: 4096, intervalMs: 500 };

  it('abandons a response trickled a byte at a time and fetches it again', async () => {
    plainProxy.setFaults([
      { method: 'GET', path: /\/manifests\/single$/, action: { type: 'trickle-response', everyMs: 50 } },
    ]);
    const c = client(plainProxy.host, { progress: deadline });
    const m = await c.getManifest(base.repository, 'single');
    expect(m.digest).toBe(base.platforms.amd64.digest);
    expect(plainProxy.injected.map((f) => f.action)).toEqual(['trickle-response']);
    expect(retries()).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(
          /^TOO_SLOW: stalled: the registry moved \d+ bytes in 0\.5 s, under the progress deadline of 4096 bytes per 0\.5 s$/,
        ) as string,
      }),
    ]);
    c.close();
  });

  it('gives up on an upload the registry keeps reading a byte at a time, with a clear error', async () => {
    plainProxy.setFaults([
      {
        method: 'PATCH',
        path: /\/blobs\/uploads\//,
        occurrences: [1, 2],
        action: { type: 'trickle', everyMs: 50 },
      },
    ]);
    const c = client(plainProxy.host, { progress: deadline, retry: { attempts: 2, baseDelayMs: 10 } });
    // Larger than the socket buffers on both sides, so our bytes queue up unsent.
    const blob = randomBlob(32 * 1024 * 1024);
    const err = await c.uploadBlob('faults/trickled', blob.desc, blob.open).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err).toMatchObject({ code: 'TOO_SLOW', attempts: 2 });
    expect((err as Error).message).toMatch(
      /upload blob sha256:[0-9a-f]{64} failed: TOO_SLOW: stalled: the registry moved \d+ bytes in 0\.5 s, .*\(gave up after 2 attempts\)$/,
    );
    expect(await c.blobExists('faults/trickled', blob.desc.digest)).toBeUndefined();
    c.close();
  });

  it('does not blame the registry for a slow source or a reader that pauses', async () => {
    const c = client(plainProxy.host, { progress: deadline });
    // A source that yields 1 KB every 200 ms: far under 4096 bytes per 0.5 s, but the registry takes each at once.
    const chunks = Array.from({ length: 8 }, () => randomBytes(1024));
    const bytes = Buffer.concat(chunks);
    const slow = () =>
      Readable.from(
        (async function* () {
          for (const chunk of chunks) {
            await new Promise((r) => setTimeout(r, 200));
            yield chunk;
          }
        })(),
      );
    const desc = { mediaType: 'application/octet-stream', digest: sha256(bytes), size: bytes.length };
    expect(await c.uploadBlob('faults/slow-source', desc, slow)).toBe('uploaded');
    // A reader that stops for two intervals mid-blob: the registry's bytes wait in our buffers.
    const big = randomBlob(8 * 1024 * 1024);
    expect(await c.uploadBlob('faults/slow-reader', big.desc, big.open)).toBe('uploaded');
    const stream = await c.getBlob('faults/slow-reader', big.desc.digest);
    const got: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (got.length === 4) await new Promise((r) => setTimeout(r, 1200));
      got.push(chunk);
    }
    expect(Buffer.concat(got).equals(big.bytes)).toBe(true);
    expect(retries()).toEqual([]);
    c.close();
  });
});

describe('retries through the fault proxy (token registry)', () => {
  it('survives the token endpoint failing once', async () => {
    tokenProxy.setFaults([{ method: 'GET', path: /\/token\?/, action: { type: 'status', status: 500 } }]);
    const c = client(tokenProxy.host, { credentials: { username: USER, password: PASSWORD } });
    const before = token.tokenRequests.length;
    const blob = randomBlob(5000);
    expect(await c.uploadBlob('faults/token', blob.desc, blob.open)).toBe('uploaded');
    expect(tokenProxy.injected).toEqual([
      expect.objectContaining({
        path: expect.stringMatching(/^\/__upstream\/127\.0\.0\.1:\d+\/token\?/) as string,
      }),
    ]);
    expect(token.tokenRequests.length - before).toBe(1);
    expect(retries()).toEqual([
      expect.objectContaining({ operation: expect.stringMatching(/^token request/) as string }),
    ]);
    c.close();
  });

  it('restarts an authenticated upload after a reset and a 503 on the commit', async () => {
    tokenProxy.setFaults([
      { method: 'PATCH', path: /\/blobs\/uploads\//, action: { type: 'reset', afterBytes: 100_000 } },
      { method: 'PUT', path: /\/blobs\/uploads\/.*digest=/, action: { type: 'status', status: 503 } },
    ]);
    const c = client(tokenProxy.host, { credentials: { username: USER, password: PASSWORD } });
    const blob = randomBlob(400_000);
    expect(await c.uploadBlob('faults/token-reset', blob.desc, blob.open)).toBe('uploaded');
    expect(blob.opened).toBe(3);
    expect(tokenProxy.injected.map((i) => i.action)).toEqual(['reset', 'status']);
    expect(events).toContainEqual(expect.objectContaining({ type: 'blob-uploaded', attempts: 3 }));
    c.close();
  });
});
