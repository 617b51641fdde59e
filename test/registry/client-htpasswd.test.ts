// The registry client against Distribution 2.8 with htpasswd (bcrypt) Basic auth: explicit credentials, Docker
// config file credentials, and clear errors for wrong or missing credentials.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError, type RegistryEvent } from '../../src/registry/index.js';
import { MediaType } from '../../src/oci/types.js';
import {
  seedBaseImage,
  sha256,
  skopeoInspect,
  startRegistry,
  type TestRegistry,
} from '../support/registry/index.js';

const USER = 'ci-user';
const PASSWORD = 'htpasswd-Secret-4711';
let registry: TestRegistry;
let tmp: string;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'htpasswd', users: { [USER]: PASSWORD } });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pkgstore-dockercfg-'));
});

afterAll(async () => {
  await registry?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function dockerConfig(auths: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'cfg-'));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ auths }));
  return dir;
}

describe('htpasswd (Basic) auth', () => {
  it('pushes and pulls with explicit credentials, sending Basic on every request after the challenge', async () => {
    const events: RegistryEvent[] = [];
    const base = await seedBaseImage({
      host: registry.host,
      client: { credentials: { username: USER, password: PASSWORD }, onEvent: (e) => events.push(e) },
    });
    const statuses = events.flatMap((e) => (e.type === 'request' ? [e.status] : []));
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses.length).toBeGreaterThan(10);

    const info = await skopeoInspect(base.singleRef, { creds: `${USER}:${PASSWORD}` });
    expect(info.json.Digest).toBe(base.platforms.amd64.digest);
    const raw = await skopeoInspect(base.indexRef, { creds: `${USER}:${PASSWORD}`, raw: true });
    expect(sha256(raw.stdout)).toBe(base.indexDigest);
  });

  it('reads credentials from the Docker config file that docker/login-action writes', async () => {
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const dir = await dockerConfig({ [registry.host]: { auth } });
    // Via $DOCKER_CONFIG …
    const viaEnv = new RegistryClient(registry.host, { env: { DOCKER_CONFIG: dir } });
    const blob = Buffer.from('config file credentials');
    const desc = { mediaType: 'application/octet-stream', digest: sha256(blob), size: blob.length };
    expect(await viaEnv.uploadBlob('cfg/env', desc, () => Readable.from([blob]))).toBe('uploaded');
    viaEnv.close();
    // … and via an explicit path, with an http:// key as some tools write it.
    const dir2 = await dockerConfig({ [`http://${registry.host}/v2/`]: { auth } });
    const viaPath = new RegistryClient(registry.host, { dockerConfigPath: path.join(dir2, 'config.json') });
    expect(await viaPath.blobExists('cfg/env', desc.digest)).toEqual({ size: blob.length });
    viaPath.close();
  });

  it('fails clearly, without leaking the password, when the password is wrong', async () => {
    const wrong = 'Wrong-Password-123';
    const client = new RegistryClient(registry.host, { credentials: { username: USER, password: wrong } });
    const err = await client.listTags('base/package-registry').catch((e: unknown) => e);
    client.close();
    expect(err).toBeInstanceOf(RegistryError);
    const e = err as RegistryError;
    expect(e.status).toBe(401);
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.message).toContain(
      `registry ${registry.host} repository base/package-registry: list tags failed: 401`,
    );
    expect(e.message).toContain(`user "${USER}"`);
    expect(e.message).not.toContain(wrong);
    expect(e.message).not.toContain(Buffer.from(`${USER}:${wrong}`).toString('base64'));
    expect(JSON.stringify(e)).not.toContain(wrong);
  });

  it('says where it looked when there are no credentials at all', async () => {
    const dir = await dockerConfig({});
    const client = new RegistryClient(registry.host, { env: { DOCKER_CONFIG: dir } });
    const err = await client
      .putManifest('x/y', 'v1', Buffer.from('{"schemaVersion":2}'), MediaType.ociManifest)
      .catch((e: unknown) => e);
    client.close();
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((err as Error).message).toMatch(
      new RegExp(
        `no credentials were found for ${registry.host} in the Docker config file ${dir}/config.json \\(credential helpers are not supported\\)$`,
      ),
    );
  });

  it('names the credential helper it cannot use', async () => {
    const dir = await mkdtemp(path.join(tmp, 'helper-'));
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: {} }, credsStore: 'desktop' }),
    );
    const client = new RegistryClient(registry.host, { env: { DOCKER_CONFIG: dir } });
    const err = await client.listTags('x/y').catch((e: unknown) => e);
    client.close();
    expect(err).toMatchObject({ code: 'CREDENTIALS' });
    expect((err as Error).message).toMatch(/credential helper "desktop", which is not supported/);
  });
});
