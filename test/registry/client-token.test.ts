// The registry client against Distribution 2.8 with token (Bearer) auth, the flow of GHCR and Elastic's registry:
// several scopes in one token request (mount sources included), token caching, anonymous pull-only tokens,
// identity tokens (OAuth2) from the Docker config file, and clear errors.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError } from '../../src/registry/index.js';
import { MediaType } from '../../src/oci/types.js';
import {
  seedBaseImage,
  sha256,
  skopeoInspect,
  startRegistry,
  type SeededBaseImage,
  type TestRegistry,
} from '../support/registry/index.js';

const USER = 'ci-user';
const PASSWORD = 'token-Secret-0815';
let registry: TestRegistry;
let base: SeededBaseImage;
let tmp: string;
const creds = { username: USER, password: PASSWORD };

beforeAll(async () => {
  registry = await startRegistry({ auth: 'token', users: { [USER]: PASSWORD } });
  base = await seedBaseImage({ host: registry.host, client: { credentials: creds } });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pkgstore-token-'));
});

afterAll(async () => {
  await registry?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function blob(text: string) {
  const bytes = Buffer.from(text);
  return {
    open: () => Readable.from([bytes]),
    desc: { mediaType: 'application/octet-stream', digest: sha256(bytes), size: bytes.length },
  };
}

describe('token (Bearer) auth', () => {
  it('asks for push on the target and pull on the mount source in one token request, then reuses it', async () => {
    const client = new RegistryClient(registry.host, { credentials: creds });
    const before = registry.tokenRequests.length;
    const [l0, l1] = base.platforms.amd64.layers;
    expect(
      await client.uploadBlob('app/token', l0!.descriptor, () => Readable.from([]), {
        mountFrom: [base.repository],
      }),
    ).toBe('mounted');
    expect(
      await client.uploadBlob('app/token', l1!.descriptor, () => Readable.from([]), {
        mountFrom: [base.repository],
      }),
    ).toBe('mounted');
    const b = blob('token auth upload');
    expect(await client.uploadBlob('app/token', b.desc, b.open)).toBe('uploaded');
    const m = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        config: { mediaType: MediaType.ociConfig, digest: b.desc.digest, size: b.desc.size },
        layers: [l0!.descriptor, l1!.descriptor],
      }),
    );
    const digest = await client.putManifest('app/token', 'v1', m, MediaType.ociManifest);
    client.close();

    const requests = registry.tokenRequests.slice(before);
    // One token covers mounts, upload and manifest: the first request already named both repositories.
    expect(requests).toEqual([
      {
        method: 'GET',
        user: USER,
        scopes: ['repository:app/token:pull,push', `repository:${base.repository}:pull`],
        granted: ['repository:app/token:pull,push', `repository:${base.repository}:pull`],
      },
    ]);
    const info = await skopeoInspect(`${registry.host}/app/token:v1`, {
      creds: `${USER}:${PASSWORD}`,
      raw: true,
    });
    expect(sha256(info.stdout)).toBe(digest);
  });

  it('pulls anonymously with a pull-only token and fails a push clearly after one re-auth', async () => {
    const client = new RegistryClient(registry.host, { dockerConfigPath: path.join(tmp, 'missing.json') });
    const img = await client.resolveImage(base.repository, 'multi');
    expect(img.digest).toBe(base.platforms.amd64.digest);

    const before = registry.tokenRequests.length;
    const b = blob('anonymous push attempt');
    const err = await client.uploadBlob('anon/push', b.desc, b.open).catch((e: unknown) => e);
    client.close();
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).status).toBe(401);
    expect((err as RegistryError).message).toMatch(
      /^registry 127\.0\.0\.1:\d+ repository anon\/push: .* failed: 401 UNAUTHORIZED/,
    );
    expect((err as RegistryError).message).toContain('no credentials were found');
    const asked = registry.tokenRequests.slice(before);
    expect(asked.every((r) => r.user === undefined)).toBe(true);
    expect(asked.at(-1)?.scopes).toEqual(['repository:anon/push:pull,push']);
    expect(asked.at(-1)?.granted).toEqual(['repository:anon/push:pull']);
  });

  it('rejects a wrong password at the token endpoint without echoing it', async () => {
    const wrong = 'not-the-Password-42';
    const client = new RegistryClient(registry.host, { credentials: { username: USER, password: wrong } });
    const err = await client.getManifest(base.repository, 'multi').catch((e: unknown) => e);
    client.close();
    expect(err).toBeInstanceOf(RegistryError);
    const e = err as RegistryError;
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.status).toBe(401);
    expect(e.message).toContain(
      `registry ${registry.host} repository ${base.repository}: authenticate failed: 401`,
    );
    expect(e.message).toContain(`rejected user "${USER}"`);
    expect(e.message).not.toContain(wrong);
    expect(e.attempts).toBe(1);
  });

  it('uses an identitytoken from the Docker config file (OAuth2 refresh-token grant, access_token only)', async () => {
    const identityToken = registry.identityTokens[USER]!;
    const dir = await mkdtemp(path.join(tmp, 'idt-'));
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          [registry.host]: { auth: Buffer.from('<token>:').toString('base64'), identitytoken: identityToken },
        },
      }),
    );
    const client = new RegistryClient(registry.host, { env: { DOCKER_CONFIG: dir } });
    const before = registry.tokenRequests.length;
    const b = blob('identity token upload');
    expect(await client.uploadBlob('app/idt', b.desc, b.open)).toBe('uploaded');
    client.close();
    expect(registry.tokenRequests.slice(before)).toEqual([
      {
        method: 'POST',
        user: USER,
        scopes: ['repository:app/idt:pull,push'],
        granted: ['repository:app/idt:pull,push'],
      },
    ]);
  });
});
