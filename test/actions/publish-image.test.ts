// The bundled publish-image action run as the runner runs it, against real registries with htpasswd and token
// authentication, and behind a fault-injecting proxy. Pushed images are read back with skopeo.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/index.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';
import {
  seedBaseImage,
  skopeoInspect,
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type TestRegistry,
} from '../support/registry/index.js';
import { RegistryReader } from '../support/faults/registry-reader.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';
import { pushPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const user = 'ci-user';
const password = 'ci-secret-password';
const creds = `${user}:${password}`;

let origin: StorageOrigin;

async function seed(registry: TestRegistry): Promise<void> {
  const options = registry.auth === 'none' ? {} : { credentials: { username: user, password } };
  await seedBaseImage({
    host: registry.host,
    repository: 'package-registry/package-registry',
    client: options,
  });
  const client = new RegistryClient(registry.host, options);
  const index = await client.getManifest('package-registry/package-registry', 'multi');
  await client.putManifest('package-registry/package-registry', 'v1.15.0', index.bytes, index.mediaType);
  client.close();
}

async function publishOnPush(
  branch: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const after = await origin.rev(branch);
  const workspace = await checkoutLikeActions({
    origin: origin.bare,
    ref: `refs/heads/${branch}`,
    sha: after,
  });
  const payload = pushPayload({
    ref: `refs/heads/${branch}`,
    before: '0000000000000000000000000000000000000000',
    after,
    owner,
    repo,
    defaultBranch: 'main',
  });
  const run = await runAction({
    action: 'publish-image',
    inputs,
    eventName: 'push',
    payload,
    workspace,
    repository: `${owner}/${repo}`,
    sha: after,
    ref: `refs/heads/${branch}`,
    env,
    timeoutMs: 120_000,
  });
  expect(run.deprecatedCommands).toEqual([]);
  return run;
}

/** The secret appears nowhere but in the `::add-mask::` command that tells the runner to hide it. */
function expectNoSecret(run: ActionRun, secret: string): void {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => l !== `::add-mask::${secret}`)
    .join('\n');
  for (const [what, text] of Object.entries({
    stdout,
    stderr: run.stderr,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
  }))
    expect(text.includes(secret), `${what} contains the secret`).toBe(false);
}

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [
        { name: 'nginx', version: '1.5.0', seed: 1 },
        { name: 'system', version: '1.19.5', seed: 2 },
      ],
      staging: [{ name: 'apm', version: '8.0.0', seed: 3 }],
      snapshot: [{ name: 'apm', version: '8.1.0-rc1', seed: 4 }],
    },
  });
});
afterAll(cleanupTempDirs);

describe('publish-image action with htpasswd auth', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd', users: { [user]: password } });
    await seed(registry);
  });
  afterAll(() => registry.stop());

  it('a push to production rebuilds production, staging and snapshot, and never shows the password', async () => {
    const image = `${registry.host}/acme/distribution`;
    const run = await publishOnPush('production', {
      image,
      'base-image': `${registry.host}/package-registry/package-registry`,
      username: user,
      password,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const images = JSON.parse(run.outputs.images!) as Array<{
      channel: string;
      digest: string;
      tags: string[];
    }>;
    expect(images.map((i) => i.channel)).toEqual(['production', 'staging', 'snapshot']);
    expect(run.outputs.digest).toBe(images[0]!.digest);
    // What actions/attest-build-provenance takes, per image: subject-name and subject-digest.
    expect(JSON.parse(run.outputs.images!)).toEqual(
      images.map((i): unknown =>
        expect.objectContaining({
          name: image,
          'subject-name': image,
          'subject-digest': i.digest,
          channel: i.channel,
        }),
      ),
    );
    expect(run.outputs.tags!.split('\n')).toContain(`${image}:snapshot`);
    expect(Number(run.outputs['bytes-uploaded'])).toBeGreaterThan(0);
    for (const i of images)
      expect((await skopeoInspect(`${image}:${i.channel}`, { creds })).json.Digest).toBe(i.digest);
    expect(run.summary).toContain('package-storage images');
    expect(run.masks).toContain(password);
    expectNoSecret(run, password);
  });

  it('reads credentials from the Docker config that docker/login-action writes', async () => {
    const dockerConfig = await tempDir('docker-config');
    await mkdir(dockerConfig, { recursive: true });
    await writeFile(
      join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth: Buffer.from(creds).toString('base64') } } }),
    );
    const image = `${registry.host}/acme/from-config`;
    const run = await publishOnPush(
      'staging',
      { image, 'base-image': `${registry.host}/package-registry/package-registry` },
      { DOCKER_CONFIG: dockerConfig },
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect((JSON.parse(run.outputs.images!) as Array<{ channel: string }>).map((i) => i.channel)).toEqual([
      'staging',
      'snapshot',
    ]);
    expectNoSecret(run, password);
  });

  it('fails clearly with a wrong password, without printing it', async () => {
    const wrong = 'definitely-wrong-password';
    const run = await publishOnPush('snapshot', {
      image: `${registry.host}/acme/distribution`,
      'base-image': `${registry.host}/package-registry/package-registry`,
      username: user,
      password: wrong,
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.at(-1)?.message).toMatch(/registry 127\.0\.0\.1:\d+ .*(401|UNAUTHORIZED)/);
    expectNoSecret(run, wrong);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('publish-image action with token auth', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', users: { [user]: password } });
    await seed(registry);
  });
  afterAll(() => registry.stop());

  it('gets one token for push on the target and pull on the base, and mounts the base layers', async () => {
    const image = `${registry.host}/acme/distribution`;
    const before = registry.tokenRequests.length;
    const run = await publishOnPush('snapshot', {
      image,
      'base-image': `${registry.host}/package-registry/package-registry`,
      username: user,
      password,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const scopes = registry.tokenRequests.slice(before).flatMap((r) => r.scopes);
    expect(scopes).toEqual(
      expect.arrayContaining([
        'repository:acme/distribution:pull,push',
        'repository:package-registry/package-registry:pull',
      ]),
    );
    expect(run.stdout).toMatch(
      /snapshot: sha256:[0-9a-f]{64} \(no image under :snapshot yet\); \d+ layers uploaded .* 4 mounted/,
    ); // 2 base layers × 2 platforms
    expectNoSecret(run, password);
  });
});

describe('publish-image action behind a faulty registry', () => {
  let registry: TestRegistry;
  let proxy: FaultProxy;
  beforeAll(async () => {
    registry = await startRegistry();
    await seed(registry);
    proxy = await startFaultProxy({ target: registry.host });
  });
  afterAll(async () => {
    await proxy.stop();
    await registry.stop();
  });

  it('recovers from a reset mid-blob, a 503 on the manifest PUT and a 429 with Retry-After', async () => {
    proxy.setFaults([
      { method: 'PATCH', path: /\/blobs\/uploads\//, action: { type: 'reset', afterBytes: 1000 } },
      { method: 'PUT', path: /\/manifests\//, action: { type: 'status', status: 503 } },
      {
        method: 'HEAD',
        path: /\/blobs\//,
        occurrences: [2],
        action: { type: 'status', status: 429, retryAfter: '1' },
      },
    ]);
    const image = `${proxy.host}/acme/faulty`;
    const run = await publishOnPush('production', {
      image,
      'base-image': `${proxy.host}/package-registry/package-registry`,
      channels: 'production',
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(proxy.injected.map((f) => f.action).sort()).toEqual(['reset', 'status', 'status']);
    const digest = (JSON.parse(run.outputs.images!) as Array<{ digest: string }>)[0]!.digest;
    expect((await skopeoInspect(`${registry.host}/acme/faulty:production`)).json.Digest).toBe(digest);
    expect(run.stdout).toContain('registry: retrying');
  });

  it('an upload cut mid-stream on every attempt changes no tag; the next run completes', async () => {
    proxy.setFaults([]);
    const image = `${proxy.host}/acme/cut`;
    const inputs = {
      image,
      'base-image': `${proxy.host}/package-registry/package-registry`,
      channels: 'production',
    };
    const first = await publishOnPush('production', inputs);
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const reader = new RegistryReader(registry.host);
    const before = await reader.tagDigests('acme/cut');
    await origin.commit('production', { add: [{ name: 'nginx', version: '1.9.1', seed: 19 }] });
    // Every PATCH is cut after 2,000 bytes: each attempt rebuilds the layer from git and is cut again.
    proxy.setFaults([
      {
        method: 'PATCH',
        path: /\/blobs\/uploads\//,
        occurrences: Array.from({ length: 20 }, (_, i) => i + 1),
        action: { type: 'reset', afterBytes: 2000 },
      },
    ]);
    const failed = await publishOnPush('production', inputs);
    expect(failed.exitCode).toBe(1);
    expect(failed.annotations.at(-1)?.message).toMatch(
      /upload a streamed blob .*(NETWORK|ECONNRESET).*gave up after 5 attempts/,
    );
    // Five attempts, each starting again at byte 0 of a rebuilt stream.
    expect(proxy.injected.filter((f) => f.method === 'PATCH')).toHaveLength(5);
    expect(await reader.tagDigests('acme/cut')).toEqual(before);
    proxy.setFaults([]);
    const again = await publishOnPush('production', inputs);
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    const result = (JSON.parse(again.outputs.images!) as Array<{ digest: string; commit: string }>)[0]!;
    expect(result.commit).toBe(await origin.rev('production'));
    expect((await reader.manifest('acme/cut', 'production'))?.digest).toBe(result.digest);
    expect((await reader.checkImage('acme/cut', result.digest)).complete).toBe(true);
    reader.close();
  });

  it('leaves the channel tag on the previous complete image when the registry keeps failing', async () => {
    proxy.setFaults([]);
    const image = `${proxy.host}/acme/stubborn`;
    const first = await publishOnPush('snapshot', {
      image,
      'base-image': `${proxy.host}/package-registry/package-registry`,
      channels: 'snapshot',
    });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const previous = (await skopeoInspect(`${registry.host}/acme/stubborn:snapshot`)).json.Digest;
    await origin.commit('snapshot', { add: [{ name: 'nginx', version: '1.9.0', seed: 9 }] });
    // Every manifest PUT fails: blobs may land, no tag may move.
    proxy.setFaults([
      {
        method: 'PUT',
        path: /\/manifests\//,
        occurrences: Array.from({ length: 20 }, (_, i) => i + 1),
        action: { type: 'status', status: 500 },
      },
    ]);
    const failed = await publishOnPush('snapshot', {
      image,
      'base-image': `${proxy.host}/package-registry/package-registry`,
      channels: 'snapshot',
    });
    expect(failed.exitCode).toBe(1);
    expect(failed.annotations.at(-1)?.message).toMatch(/PUT manifest .* 500/);
    expect((await skopeoInspect(`${registry.host}/acme/stubborn:snapshot`)).json.Digest).toBe(previous);
    proxy.setFaults([]);
  });
});

describe('publish-image action: rollout and release tags', () => {
  let registry: TestRegistry;
  let kubectl: string;
  let calls: string;
  beforeAll(async () => {
    registry = await startRegistry();
    await seed(registry);
    // kubectl stand-in: records its argument vector, one JSON line per call (no cluster here).
    const dir = await tempDir('kubectl');
    calls = join(dir, 'calls.jsonl');
    kubectl = join(dir, 'kubectl');
    await writeFile(
      kubectl,
      `#!${process.execPath}\nconst fs = require('node:fs');\nfs.appendFileSync(${JSON.stringify(calls)}, JSON.stringify(process.argv.slice(2)) + '\\n');\nconsole.log('deployment.apps/' + process.argv[5] + ' restarted');\n`,
      { mode: 0o755 },
    );
  });
  afterAll(() => registry.stop());

  it('restarts the deployment of each channel whose image changed, with an argument list', async () => {
    const image = `${registry.host}/acme/rollout`;
    const inputs = {
      image,
      'base-image': `${registry.host}/package-registry/package-registry`,
      'rollout-deployments': 'package-registry-{channel}-vanilla\nproduction=package-registry-prod-vanilla',
      'rollout-namespace': 'package-registry',
      'rollout-kubectl': kubectl,
    };
    const run = await publishOnPush('staging', inputs);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const { readFile } = await import('node:fs/promises');
    const recorded = (await readFile(calls, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    expect(recorded).toEqual([
      ['rollout', 'restart', 'deployment', 'package-registry-staging-vanilla', '-n', 'package-registry'],
      ['rollout', 'restart', 'deployment', 'package-registry-snapshot-vanilla', '-n', 'package-registry'],
    ]);
    expect(JSON.parse(run.outputs.rollouts!)).toEqual([
      expect.objectContaining({
        channel: 'staging',
        deployment: 'package-registry-staging-vanilla',
        exitCode: 0,
      }),
      expect.objectContaining({
        channel: 'snapshot',
        deployment: 'package-registry-snapshot-vanilla',
        exitCode: 0,
      }),
    ]);
    expect(run.summary).toContain('package-registry/package-registry-staging-vanilla');
    // Nothing changed: nothing to restart.
    const again = await publishOnPush('staging', inputs);
    expect(JSON.parse(again.outputs.rollouts!)).toEqual([]);
  });

  it('refuses a deployment name that is not a Kubernetes name', async () => {
    const run = await publishOnPush('snapshot', {
      image: `${registry.host}/acme/rollout-bad`,
      'base-image': `${registry.host}/package-registry/package-registry`,
      'rollout-deployments': 'x; rm -rf / #{channel}',
      'rollout-kubectl': kubectl,
    });
    expect(run.exitCode).toBe(2);
    expect(run.annotations.at(-1)?.message).toContain('is not a valid Kubernetes name');
  });

  it('on a tag push makes the release image from the tag commit by digest', async () => {
    const image = `${registry.host}/acme/release`;
    const base = `${registry.host}/package-registry/package-registry`;
    const published = await publishOnPush('production', {
      image,
      'base-image': base,
      channels: 'production',
    });
    const digest = (JSON.parse(published.outputs.images!) as Array<{ digest: string }>)[0]!.digest;
    const tip = await origin.rev('production');
    await origin.setRef('refs/tags/8.15.0', tip);
    const workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/tags/8.15.0', sha: tip });
    const payload = pushPayload({
      ref: 'refs/tags/8.15.0',
      before: '0000000000000000000000000000000000000000',
      after: tip,
      owner,
      repo,
      defaultBranch: 'main',
    });
    const run = await runAction({
      action: 'publish-image',
      inputs: { image, 'base-image': base },
      eventName: 'push',
      payload,
      workspace,
      repository: `${owner}/${repo}`,
      sha: tip,
      ref: 'refs/tags/8.15.0',
      timeoutMs: 120_000,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.releases!)).toEqual([
      expect.objectContaining({
        version: '8.15.0',
        commit: tip,
        gitTag: 'existing',
        image: expect.objectContaining({ digest, operation: 'tagged', built: false }),
      }),
    ]);
    expect((await skopeoInspect(`${image}:8.15.0`)).json.Digest).toBe(digest);
  });
});

describe('publish-image action: platforms, metadata, SBOM and bad references', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    await seed(registry);
  });
  afterAll(() => registry.stop());

  it('takes platforms, labels and annotations, and attaches the SBOM', async () => {
    const image = `${registry.host}/acme/metadata`;
    const run = await publishOnPush('production', {
      image,
      'base-image': `${registry.host}/package-registry/package-registry`,
      channels: 'production',
      platforms: 'linux/arm64',
      labels: 'org.opencontainers.image.licenses=Elastic-2.0\norg.example.owner=ecosystem',
      annotations: 'index:org.example.only-index=1\norg.example.everywhere=yes',
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const [result] = JSON.parse(run.outputs.images!) as Array<{
      digest: string;
      platforms: Array<{ platform: string }>;
      sbom: { via: string };
    }>;
    expect(result!.platforms.map((p) => p.platform)).toEqual(['linux/arm64/v8']);
    expect(result!.sbom.via).toBe('tag');
    const raw = (await skopeoInspect(`${image}:production`, { raw: true })).json as {
      mediaType: string;
      annotations: Record<string, string>;
    };
    // One platform: a plain manifest, with the manifest annotations only.
    expect(raw.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(raw.annotations['org.example.everywhere']).toBe('yes');
    expect(raw.annotations['org.example.only-index']).toBeUndefined();
    expect(raw.annotations['org.opencontainers.image.source']).toBe(`https://github.com/${owner}/${repo}`);
    const inspected = await skopeoInspect(`${image}:production`, { overrideArch: 'arm64' });
    expect(inspected.json.Labels).toMatchObject({
      'org.opencontainers.image.licenses': 'Elastic-2.0',
      'org.example.owner': 'ecosystem',
      'org.opencontainers.image.url': `https://github.com/${owner}/${repo}`,
    });
    expect(run.summary).toContain('SBOM');
  });

  it('refuses an image reference with credentials, masking the password and never printing it', async () => {
    const secret = 'hunter2-registry-pw';
    const run = await publishOnPush('production', {
      image: `ci-user:${secret}@${registry.host}/acme/leaky`,
      'base-image': `${registry.host}/package-registry/package-registry`,
    });
    expect(run.exitCode).toBe(2);
    expect(run.annotations.at(-1)?.message).toContain(
      `image: image reference "***@${registry.host}/acme/leaky" contains credentials`,
    );
    expect(run.masks).toContain(secret);
    expectNoSecret(run, secret);
    expect(await new RegistryReader(registry.host).tags('acme/leaky')).toEqual([]);
  });
});
