// Operating the channels with the publish-image action, as the runner runs it, against two real Distribution 2.8
// registries with their own htpasswd users (one Docker config holding both): scheduled runs that publish every
// channel to both, rebuild on a new base build under the same tag (reusing every package layer) and change nothing
// when nothing is new; the served index in the summary and outputs; a rollback with its rollout. Read back with
// skopeo.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult, TargetResult } from '../../src/publish-image/engine.js';
import type { ReleaseResult } from '../../src/publish-image/release.js';
import type { RollbackResult } from '../../src/publish-image/rollback.js';
import type { ServedListing } from '../../src/publish-image/served.js';
import { RegistryClient } from '../../src/registry/index.js';
import { RegistryReader } from '../support/faults/registry-reader.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';
import { seedBaseImage, skopeoInspect, startRegistry, type TestRegistry } from '../support/registry/index.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';

const owner = 'acme';
const repo = 'package-storage';
const users = { a: ['alice', 'alice-secret-pass'], b: ['bob', 'bob-secret-pass'] } as const;

let a: TestRegistry;
let b: TestRegistry;
let origin: StorageOrigin;
let dockerConfig: string;
let kubectl: string;
let calls: string;
let images: string;
const base = (): string => `${a.host}/package-registry/package-registry`;
const creds = (r: TestRegistry): string => (r === a ? users.a.join(':') : users.b.join(':'));

async function scheduled(inputs: Record<string, string>): Promise<ActionRun> {
  const sha = await origin.rev('main');
  const workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main', sha });
  const run = await runAction({
    action: 'publish-image',
    inputs: { image: images, 'base-image': base(), ...inputs },
    eventName: 'schedule',
    // What GitHub puts in a schedule event: no repository, the ref is the default branch.
    payload: { schedule: '17 3 * * *' },
    workspace,
    repository: `${owner}/${repo}`,
    sha,
    ref: 'refs/heads/main',
    env: { DOCKER_CONFIG: dockerConfig },
    timeoutMs: 120_000,
  });
  for (const secret of [users.a[1], users.b[1]])
    expect(
      [run.stdout.replace(new RegExp(`::add-mask::${secret}`, 'g'), ''), run.stderr, run.summary].join('\n'),
    ).not.toContain(secret);
  return run;
}

const digest = async (r: TestRegistry, ref: string): Promise<string> =>
  (await skopeoInspect(`${r.host}/${ref}`, { creds: creds(r) })).json.Digest as string;
/** Every tag of the image repository on `r` and the digest it names. */
async function tagsOn(r: TestRegistry): Promise<Map<string, string>> {
  const [username, password] = r === a ? users.a : users.b;
  const reader = new RegistryReader(r.host, { username, password });
  try {
    return await reader.tagDigests('acme/distribution');
  } finally {
    reader.close();
  }
}
const imagesOf = (run: ActionRun): ImageResult[] => JSON.parse(run.outputs.images!) as ImageResult[];

beforeAll(async () => {
  [a, b] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { [users.a[0]]: users.a[1] } }),
    startRegistry({ auth: 'htpasswd', users: { [users.b[0]]: users.b[1] } }),
  ]);
  const credentials = { username: users.a[0], password: users.a[1] };
  await seedBaseImage({
    host: a.host,
    repository: 'package-registry/package-registry',
    client: { credentials },
    tag: 'v1.15.0',
  });
  dockerConfig = await tempDir('docker-config');
  await mkdir(dockerConfig, { recursive: true });
  await writeFile(
    join(dockerConfig, 'config.json'),
    JSON.stringify({
      auths: Object.fromEntries(
        [a, b].map((r) => [r.host, { auth: Buffer.from(creds(r)).toString('base64') }]),
      ),
    }),
  );
  const dir = await tempDir('kubectl');
  calls = join(dir, 'calls.jsonl');
  kubectl = join(dir, 'kubectl');
  await writeFile(
    kubectl,
    `#!${process.execPath}\nconst fs = require('node:fs');\nfs.appendFileSync(${JSON.stringify(calls)}, JSON.stringify(process.argv.slice(2)) + '\\n');\nconsole.log('deployment.apps/' + process.argv[5] + ' restarted');\n`,
    { mode: 0o755 },
  );
  await writeFile(calls, '');
  origin = await StorageOrigin.create({
    branches: {
      production: [
        { name: 'nginx', version: '1.5.0', seed: 1 },
        { name: 'system', version: '1.19.5', seed: 2 },
      ],
      staging: [{ name: 'system', version: '1.19.5', seed: 2 }],
      snapshot: [{ name: 'apm', version: '8.1.0-rc1', seed: 4 }],
    },
  });
  images = `${a.host}/acme/distribution, ${b.host}/acme/distribution`;
}, 60_000);
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
  await cleanupTempDirs();
});

describe('publish-image action: scheduled runs, mirrors, the served index', () => {
  it('a scheduled run publishes every channel to both registries, each with its own Docker config entry', async () => {
    const run = await scheduled({});
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect((JSON.parse(run.outputs.registries!) as TargetResult[]).map((t) => [t.host, t.status])).toEqual([
      [a.host, 'published'],
      [b.host, 'published'],
    ]);
    const published = imagesOf(run);
    expect(published.map((i) => `${i.name} ${i.channel}`)).toEqual(
      [`${a.host}/acme/distribution`, `${b.host}/acme/distribution`].flatMap((n) =>
        ['production', 'staging', 'snapshot'].map((c) => `${n} ${c}`),
      ),
    );
    for (const i of published.slice(0, 3)) {
      expect(i.why).toEqual(['no image under :' + i.channel + ' yet']);
      expect(await digest(a, `acme/distribution:${i.channel}`)).toBe(i.digest);
      expect(await digest(b, `acme/distribution:${i.channel}`)).toBe(i.digest);
    }
  });

  it('lists what each channel serves in the outputs and, collapsed, in the summary', async () => {
    const run = await scheduled({ index: 'all' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const listings = JSON.parse(run.outputs.index!) as ServedListing[];
    const rows = (l: ServedListing) => l.packages.map((p) => `${p.name}@${p.version} ${p.channel}`);
    expect(listings.map((l) => l.channel)).toEqual(['production', 'staging', 'snapshot']);
    expect(rows(listings[2]!)).toEqual([
      'apm@8.1.0-rc1 snapshot',
      'nginx@1.5.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'system@1.19.5 production',
    ]);
    // staging's system/1.19.5 is the same tree as production's, and not served: the production copy wins.
    expect(listings[1]!.skipped).toEqual([
      expect.objectContaining({ name: 'system', version: '1.19.5', channel: 'staging' }),
    ]);
    expect(run.summary).toMatch(/<details><summary>snapshot serves 5 package versions<\/summary>/);
    expect(run.summary).toContain('<td>apm</td><td>8.1.0-rc1</td><td>snapshot</td><td>beta</td>');
  });

  it('a new base build under the same tag: every channel is rebuilt, every package layer reused, and the summary says why', async () => {
    const before = imagesOf(await scheduled({ index: 'false' }));
    const credentials = { username: users.a[0], password: users.a[1] };
    // A new build of the registry image, pushed under the same version tag (Docker media types: other digests).
    const client = new RegistryClient(a.host, { credentials });
    const old = await client.headManifest('package-registry/package-registry', 'v1.15.0');
    client.close();
    const rebuilt = await seedBaseImage({
      host: a.host,
      repository: 'package-registry/package-registry',
      format: 'docker',
      client: { credentials },
      tag: 'v1.15.0',
    });
    const run = await scheduled({
      'rollout-deployments': 'package-registry-{channel}-vanilla',
      'rollout-kubectl': kubectl,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const after = imagesOf(run);
    const why = `base ${base()}:v1.15.0 ${old!.digest.slice(7, 19)} -> ${rebuilt.platforms.amd64.digest.slice(7, 19)}`;
    for (const [i, image] of after.entries()) {
      expect(image.why, `${image.name} ${image.channel}`).toEqual([why]);
      expect(image.digest).not.toBe(before[i]!.digest);
      expect(image.layers.built).toBe(0); // every package and config layer reused
      expect(image.layers.reused).toBe(image.layers.total - image.layers.base);
      // The commit tag keeps naming the first image built from that commit; the channel tag moved.
      expect(image.keptTags).toEqual([image.commit]);
      expect(await digest(image.name.startsWith(a.host) ? a : b, `acme/distribution:${image.channel}`)).toBe(
        image.digest,
      );
    }
    expect(run.summary).toContain(why.replace('->', '-&gt;'));
    // One restart per channel, however many repositories the image was pushed to.
    const rollouts = JSON.parse(run.outputs.rollouts!) as Array<{ channel: string }>;
    expect(rollouts.map((r) => r.channel)).toEqual(['production', 'staging', 'snapshot']);
    expect((await readFile(calls, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('a scheduled run with nothing new changes nothing: no tag moved, nothing uploaded, no rollout', async () => {
    await writeFile(calls, '');
    const before = await Promise.all([tagsOn(a), tagsOn(b)]);
    const run = await scheduled({
      'rollout-deployments': 'package-registry-{channel}-vanilla',
      'rollout-kubectl': kubectl,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await Promise.all([tagsOn(a), tagsOn(b)])).toEqual(before);
    expect(before[0].size).toBeGreaterThan(6); // three channel tags, their commit tags, referrers tags
    for (const image of imagesOf(run)) {
      expect(image.why).toEqual([]);
      expect(image.unchangedTags).toContain(image.channel);
      expect(image.bytesUploaded).toBe(0);
    }
    expect(run.outputs['bytes-uploaded']).toBe('0');
    expect(JSON.parse(run.outputs.rollouts!)).toEqual([]);
    expect(await readFile(calls, 'utf8')).toBe('');
    expect(run.summary).toContain('unchanged');
  });
});

describe('publish-image action: rollback-to', () => {
  it('rolls a channel back on both registries by digest, rolls it out, and reports from which digest to which', async () => {
    const previous = await origin.rev('snapshot');
    await origin.commit('snapshot', { add: [{ name: 'apm', version: '8.1.0-rc2', seed: 5 }] });
    const published = await scheduled({ channels: 'snapshot', index: 'false' });
    expect(published.exitCode, published.stdout + published.stderr).toBe(0);
    const current = imagesOf(published)[0]!.digest;
    const target = await digest(a, `acme/distribution:${previous}`);
    await writeFile(calls, '');
    const run = await scheduled({
      channels: 'snapshot',
      'rollback-to': previous.slice(0, 12),
      'rollout-deployments': 'package-registry-{channel}-vanilla',
      'rollout-kubectl': kubectl,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const result = JSON.parse(run.outputs.rollback!) as RollbackResult;
    expect(result.commit).toBe(previous);
    expect(result.targets.map((t) => [t.status, t.from?.digest, t.to.digest])).toEqual([
      ['moved', current, target],
      ['moved', current, target],
    ]);
    expect(run.outputs.digest).toBe(target);
    expect(await digest(a, 'acme/distribution:snapshot')).toBe(target);
    expect(await digest(b, 'acme/distribution:snapshot')).toBe(target);
    expect(
      (await readFile(calls, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as string[]),
    ).toEqual([
      ['rollout', 'restart', 'deployment', 'package-registry-snapshot-vanilla', '-n', 'package-registry'],
    ]);
    expect(run.summary).toContain(`Rollback of snapshot to ${previous.slice(0, 12)}`);
    expect(run.summary).toContain(current);

    // A scheduled run of the same tips keeps the rollback.
    const kept = await scheduled({ index: 'false' });
    expect(kept.exitCode, kept.stdout + kept.stderr).toBe(0);
    expect(kept.annotations.filter((x) => x.level === 'warning').map((x) => x.message)).toEqual([
      expect.stringMatching(/:snapshot stays at .*: snapshot was rolled back from/),
      expect.stringMatching(/:snapshot stays at .*: snapshot was rolled back from/),
    ]);
    expect(await digest(b, 'acme/distribution:snapshot')).toBe(target);

    // The next publish of a newer commit moves it forward again, on both registries.
    await origin.commit('snapshot', { add: [{ name: 'apm', version: '8.1.0-rc3', seed: 6 }] });
    const forward = await scheduled({ channels: 'snapshot', index: 'false' });
    expect(forward.exitCode, forward.stdout + forward.stderr).toBe(0);
    const newer = imagesOf(forward)[0]!;
    expect(newer.commit).toBe(await origin.rev('snapshot'));
    expect(await digest(a, 'acme/distribution:snapshot')).toBe(newer.digest);
    expect(await digest(b, 'acme/distribution:snapshot')).toBe(newer.digest);

    // A rollback to the tip undoes one and leaves no record: a rebuild of that same tip (here with a label added,
    // so another digest) moves the tag again.
    const back = await scheduled({ channels: 'snapshot', 'rollback-to': previous, index: 'false' });
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    const undo = await scheduled({ channels: 'snapshot', 'rollback-to': newer.commit, index: 'false' });
    expect(undo.exitCode, undo.stdout + undo.stderr).toBe(0);
    expect((JSON.parse(undo.outputs.rollback!) as RollbackResult).targets.map((t) => t.to.digest)).toEqual([
      newer.digest,
      newer.digest,
    ]);
    const relabelled = await scheduled({
      channels: 'snapshot',
      index: 'false',
      labels: 'org.example.rebuilt=1',
    });
    expect(relabelled.exitCode, relabelled.stdout + relabelled.stderr).toBe(0);
    expect(relabelled.annotations.filter((x) => x.level === 'warning')).toEqual([]);
    const rebuilt = imagesOf(relabelled)[0]!;
    expect(rebuilt.digest).not.toBe(newer.digest);
    expect(await digest(a, 'acme/distribution:snapshot')).toBe(rebuilt.digest);
  });

  it('refuses a commit of another channel, a rollback without exactly one channel, and an unknown index mode before publishing', async () => {
    const production = await origin.rev('production');
    const refused = await scheduled({ channels: 'snapshot', 'rollback-to': production });
    expect(refused.exitCode).toBe(1);
    expect(refused.annotations.map((x) => x.message).join('\n')).toContain(
      `${production.slice(0, 12)} is not on the first-parent history of snapshot`,
    );
    const usage = await scheduled({ 'rollback-to': production });
    expect(usage.exitCode).toBe(2);
    expect(usage.annotations.at(-1)?.message).toBe(
      'rollback-to needs `channels` naming exactly the one channel to roll back',
    );
    const before = await tagsOn(a);
    const badIndex = await scheduled({ index: 'yes' });
    expect(badIndex.exitCode).toBe(2);
    expect(badIndex.annotations.at(-1)?.message).toBe('index: "yes" is not newest, all or false');
    expect(await tagsOn(a)).toEqual(before);
  });
});

describe('publish-image action: release tags on every mirror', () => {
  it('tags <image>:<version> in both repositories by digest, and refuses before any write when one points elsewhere', async () => {
    const tip = await origin.rev('production');
    const image = await digest(a, `acme/distribution:${tip}`);
    const run = await scheduled({ 'release-versions': '8.15.0' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const [released] = JSON.parse(run.outputs.releases!) as ReleaseResult[];
    expect(released).toMatchObject({ version: '8.15.0', commit: tip, gitTag: 'created' });
    expect(
      [released!.image, ...(released!.mirrors ?? [])].map((i) => [i!.reference, i!.digest, i!.operation]),
    ).toEqual([
      [`${a.host}/acme/distribution:8.15.0`, image, 'tagged'],
      [`${b.host}/acme/distribution:8.15.0`, image, 'tagged'],
    ]);
    expect(run.outputs.tags!.split('\n')).toEqual([
      `${a.host}/acme/distribution:8.15.0`,
      `${b.host}/acme/distribution:8.15.0`,
    ]);
    expect(await digest(b, 'acme/distribution:8.15.0')).toBe(image);
    expect(run.summary).toContain(`${b.host}/acme/distribution:8.15.0 (tagged)`);

    // 8.16.0 already names another image on the mirror: nothing is tagged on either registry.
    const other = await digest(b, 'acme/distribution:snapshot');
    const [username, password] = users.b;
    const client = new RegistryClient(b.host, { credentials: { username, password } });
    const manifest = await client.getManifest('acme/distribution', other);
    await client.putManifest('acme/distribution', '8.16.0', manifest.bytes, manifest.mediaType);
    client.close();
    const refused = await scheduled({ 'release-versions': '8.16.0' });
    expect(refused.exitCode).toBe(1);
    expect(refused.annotations.at(-1)?.message).toContain(
      `${b.host}/acme/distribution:8.16.0 already points at ${other}`,
    );
    expect((await tagsOn(a)).has('8.16.0')).toBe(false);
    expect(await digest(b, 'acme/distribution:8.16.0')).toBe(other);
  });
});
