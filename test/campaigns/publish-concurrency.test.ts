// publish-image under concurrency: two runs for the same channel at the same time (the shipped CLI, two processes),
// and a publish racing a promotion merge (the bundled action while the channel branches move on origin). A gate
// proxy in front of the registry holds requests so the interesting interleavings happen on every run, not by luck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/index.js';
import { runCliProcess, type CliProcessResult } from '../support/faults/cli-process.js';
import { startGateProxy, type GateProxy } from '../support/faults/gate-proxy.js';
import { diffFiles, filesAtCommit, filesInRootfs } from '../support/faults/image-content.js';
import { RegistryReader } from '../support/faults/registry-reader.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { seedBaseImage, startRegistry, unpackImage, type TestRegistry } from '../support/registry/index.js';
import { runAction } from '../support/run-action.js';
import { checkoutLikeActions, StorageOrigin } from '../support/storage-origin.js';
import { pushPayload } from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const CHANNELS = ['production', 'staging', 'snapshot'];

let registry: TestRegistry;
/** One gate per concurrent run (same registry behind both), so the gate knows which run sent a request. */
let gate: GateProxy;
let gateB: GateProxy;
let reader: RegistryReader;
let origin: StorageOrigin;
let cloneA: string;
let cloneB: string;
let counter = 0;

beforeAll(async () => {
  registry = await startRegistry();
  [gate, gateB] = await Promise.all([
    startGateProxy({ target: registry.host }),
    startGateProxy({ target: registry.host }),
  ]);
  reader = new RegistryReader(registry.host);
  await seedBaseImage({ host: registry.host, repository: 'package-registry/package-registry' });
  const client = new RegistryClient(registry.host);
  const index = await client.getManifest('package-registry/package-registry', 'multi');
  await client.putManifest('package-registry/package-registry', 'v1.15.0', index.bytes, index.mediaType);
  client.close();
  origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.5.0', seed: 1 }],
      staging: [{ name: 'apm', version: '8.0.0', seed: 2 }],
      snapshot: [
        { name: 'apm', version: '8.1.0-rc1', seed: 3 },
        { name: 'system', version: '2.0.0', seed: 4 },
      ],
    },
  });
  [cloneA, cloneB] = await Promise.all([tempDir('clone-a'), tempDir('clone-b')]);
  await Promise.all([
    git(['clone', '--quiet', origin.bare, cloneA]),
    git(['clone', '--quiet', origin.bare, cloneB]),
  ]);
});

afterAll(async () => {
  reader?.close();
  await Promise.all([gate?.stop(), gateB?.stop()]);
  await registry?.stop();
  await cleanupTempDirs();
});

interface Published {
  run: CliProcessResult;
  images?: Array<{ channel: string; commit: string; digest: string; tags: string[]; keptTags: string[] }>;
}

function publish(clone: string, repository: string, via: GateProxy): Promise<Published> {
  return runCliProcess([
    'publish-image',
    '--repo',
    clone,
    '--channel',
    'snapshot',
    '--image',
    `${via.host}/${repository}`,
    // The same base reference for both runs: it is recorded in the image (io.package-storage.base).
    '--base-image',
    `${gate.host}/package-registry/package-registry`,
    '--push',
    '--json',
  ]).then((run) => ({
    run,
    ...(run.code === 0 ? { images: (JSON.parse(run.stdout) as { images: Published['images'] }).images } : {}),
  }));
}

/** A run either succeeded or ended with one clear line about a lease or an immutable tag, never a stack. */
function expectCleanOutcome(p: Published): void {
  expect(p.run.stderr).not.toMatch(/\n\s+at /);
  if (p.run.code === 0) return;
  const lines = p.run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^package-storage publish-image: .*(already points at|lease|conflict|kept moving)/,
  );
}

async function newSnapshotVersion(): Promise<string> {
  const n = ++counter;
  return origin.commit('snapshot', { add: [{ name: 'kafka', version: `1.${n}.0`, seed: 100 + n }] });
}

async function fetchClone(clone: string): Promise<void> {
  await git(['-C', clone, 'fetch', '--quiet', 'origin']);
}

/** Every tag of `repository` names a complete image (nothing here deletes, so each check is final). */
async function expectAllTagsComplete(repository: string): Promise<Map<string, string>> {
  const tags = await reader.tagDigests(repository);
  for (const [tag, digest] of tags) {
    const check = await reader.checkImage(repository, digest);
    expect(check.complete, `${tag}: ${check.problems.join('; ')}`).toBe(true);
    if (/^sha256-/.test(tag)) continue; // the SBOM referrers index of an image
    if (/^[0-9a-f]{40}$/.test(tag)) expect(check.labels['org.opencontainers.image.revision']).toBe(tag);
    else expect(check.labels['io.package-storage.channel']).toBe(tag);
  }
  return tags;
}

describe('two publish runs for the same channel at the same time', () => {
  it('same commit: both runs push the same image; one complete image under the channel and commit tags', async () => {
    const repository = 'acme/same-commit';
    const commit = await newSnapshotVersion();
    await Promise.all([fetchClone(cloneA), fetchClone(cloneB)]);
    // Both runs check the commit tag (absent), then both PUT it: each PUT waits until the other run's arrived.
    const put = { method: 'PUT', path: new RegExp(`/v2/${repository}/manifests/${commit}$`) };
    // A whole publish (plan, layers, blobs) runs before the held PUT arrives: on a loaded 2-core CI machine that
    // can take longer than the gate's default 20 s.
    const held = Promise.all([gate.hold(put, 1, 90_000), gateB.hold(put, 1, 90_000)]);
    const runs = Promise.all([publish(cloneA, repository, gate), publish(cloneB, repository, gateB)]);
    const [[fromA], [fromB]] = await held;
    fromB!.release();
    fromA!.release();
    const [a, b] = await runs;
    for (const p of [a, b]) {
      expectCleanOutcome(p);
      expect(p.run.code, p.run.stderr).toBe(0);
    }
    const digest = a.images![0]!.digest;
    expect(b.images![0]!.digest).toBe(digest);
    const tags = await expectAllTagsComplete(repository);
    expect(tags.get('snapshot')).toBe(digest);
    expect(tags.get(commit)).toBe(digest);
  });

  it('different commits: the channel tag names one of the two complete images, each commit tag its own', async () => {
    const repository = 'acme/two-commits';
    // Three rounds: the channel tag PUTs of both runs held and released newest first, oldest first, or not held.
    for (const order of ['newest first', 'oldest first', 'free race'] as const) {
      const older = await newSnapshotVersion();
      await fetchClone(cloneA);
      const newer = await newSnapshotVersion();
      await fetchClone(cloneB);
      // Both runs HEAD the channel tag (the old image) before either PUT lands, then both PUT it.
      const put = { method: 'PUT', path: new RegExp(`/v2/${repository}/manifests/snapshot$`) };
      const held =
        order === 'free race'
          ? undefined
          : Promise.all([gate.hold(put, 1, 90_000), gateB.hold(put, 1, 90_000)]);
      const runs = Promise.all([publish(cloneA, repository, gate), publish(cloneB, repository, gateB)]);
      if (held) {
        const [[olderPut], [newerPut]] = await held;
        const first = order === 'newest first' ? newerPut! : olderPut!;
        const second = order === 'newest first' ? olderPut! : newerPut!;
        first.release();
        // The first PUT lands before the second goes.
        await first.answered;
        second.release();
      }
      const [a, b] = await runs;
      for (const p of [a, b]) expectCleanOutcome(p);
      const tags = await expectAllTagsComplete(repository);
      const digests = new Map<string, string>();
      for (const [p, commit] of [
        [a, older],
        [b, newer],
      ] as const) {
        if (p.run.code !== 0) continue;
        const image = p.images![0]!;
        expect(image.commit).toBe(commit);
        digests.set(commit, image.digest);
        expect(tags.get(commit), `commit tag ${commit} (${order})`).toBe(image.digest);
      }
      expect(digests.size, 'at least one run succeeded').toBeGreaterThan(0);
      expect([...digests.values()]).toContain(tags.get('snapshot'));
      // The older run landing last moves the channel tag back to the older commit's image (last writer wins;
      // the example workflows serialize publishes with a concurrency group). The other way round it must end new.
      if (order === 'oldest first') expect(tags.get('snapshot')).toBe(digests.get(newer));
      const winner = (await reader.checkImage(repository, tags.get('snapshot')!)).commits?.snapshot;
      console.log(
        `two runs, different commits (${order}): snapshot tag on the ${winner === newer ? 'newer' : 'older'} commit's image`,
      );
    }
  });
  it('same channel commit, staging moved in between: the commit tag names one complete image of that commit', async () => {
    const repository = 'acme/same-commit-new-upstream';
    const commit = await newSnapshotVersion();
    await fetchClone(cloneA);
    await origin.commit('staging', {
      add: [{ name: 'redis', version: `7.${++counter}.0`, seed: 300 + counter }],
    });
    await fetchClone(cloneB);
    // Both images are of snapshot `commit` (the snapshot image also holds staging, which differs): both runs find
    // the commit tag absent and both PUT it. The registry has no conditional PUT: the later one wins.
    const put = { method: 'PUT', path: new RegExp(`/v2/${repository}/manifests/${commit}$`) };
    const held = Promise.all([gate.hold(put, 1, 90_000), gateB.hold(put, 1, 90_000)]);
    const runs = Promise.all([publish(cloneA, repository, gate), publish(cloneB, repository, gateB)]);
    const [[fromA], [fromB]] = await held;
    fromA!.release();
    await fromA!.answered;
    fromB!.release();
    const [a, b] = await runs;
    for (const p of [a, b]) {
      expectCleanOutcome(p);
      expect(p.run.code, p.run.stderr).toBe(0);
    }
    const [dA, dB] = [a.images![0]!.digest, b.images![0]!.digest];
    expect(dA).not.toBe(dB);
    const tags = await expectAllTagsComplete(repository);
    expect([dA, dB]).toContain(tags.get(commit));
    expect([dA, dB]).toContain(tags.get('snapshot'));
    const stale = [a, b].filter(
      (p) => p.images![0]!.digest !== tags.get(commit) && p.images![0]!.keptTags.length === 0,
    );
    console.log(
      `same snapshot commit, two upstreams: commit tag on run ${tags.get(commit) === dA ? 'A' : 'B'}'s image; ${stale.length} run(s) reported the commit tag on an image it no longer names`,
    );
  });
});

describe('a publish racing a promotion merge', () => {
  /** A promotion of a new snapshot version to staging merges, then the cleanup removes it from snapshot. */
  async function promoteAndClean(name: string, version: string, seed: number): Promise<void> {
    await origin.commit('staging', {
      add: [{ name, version, seed }],
      message: `[staging] Promote ${name}-${version}`,
    });
    await origin.commit('snapshot', {
      removeVersions: [{ name, version }],
      message: `[snapshot] Remove ${name}`,
    });
  }

  it.each([
    ['when the action starts (the push event is stale)', 'start'],
    ['after the action read git (its first registry request)', 'first request'],
    ['during the blob uploads', 'first upload'],
    ['just before the channel tag moves', 'channel tag'],
  ] as const)(
    'the image holds exactly the trees of the commits in its label: branch moved %s',
    async (_what, when) => {
      const n = ++counter;
      const name = 'mysql';
      const version = `3.${n}.0`;
      // The version to be promoted is on snapshot; a push to staging triggers the publish of staging + snapshot.
      await origin.commit('snapshot', { add: [{ name, version, seed: 500 + n }] });
      const stagingTip = await origin.commit('staging', {
        files: { [`deployment/notes-${n}.md`]: `${n}\n` },
      });
      const repository = `acme/promotion-race-${n}`;
      const workspace = await checkoutLikeActions({
        origin: origin.bare,
        ref: 'refs/heads/staging',
        sha: stagingTip,
      });
      const rules = {
        'first request': { path: /^\/v2\// },
        'first upload': { method: 'POST', path: new RegExp(`/v2/${repository}/blobs/uploads/`) },
        'channel tag': { method: 'PUT', path: new RegExp(`/v2/${repository}/manifests/staging$`) },
      };
      const before = {
        production: await origin.rev('production'),
        staging: stagingTip,
        snapshot: await origin.rev('snapshot'),
      };
      let moved: Promise<void> | undefined;
      if (when === 'start') await promoteAndClean(name, version, 500 + n);
      else moved = gate.before(rules[when], () => promoteAndClean(name, version, 500 + n));
      const run = await runAction({
        action: 'publish-image',
        inputs: {
          image: `${gate.host}/${repository}`,
          'base-image': `${gate.host}/package-registry/package-registry`,
        },
        eventName: 'push',
        payload: pushPayload({
          ref: 'refs/heads/staging',
          before: '0000000000000000000000000000000000000000',
          after: stagingTip,
          owner,
          repo,
          defaultBranch: 'main',
        }),
        workspace,
        repository: `${owner}/${repo}`,
        sha: stagingTip,
        ref: 'refs/heads/staging',
        timeoutMs: 120_000,
      });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      await moved;
      const images = JSON.parse(run.outputs.images!) as Array<{
        channel: string;
        digest: string;
        commit: string;
      }>;
      expect(images.map((i) => i.channel)).toEqual(['staging', 'snapshot']);
      for (const image of images) {
        const check = await reader.checkImage(repository, image.digest);
        expect(check.complete, check.problems.join('; ')).toBe(true);
        const commits = check.commits!;
        expect(Object.keys(commits).sort()).toEqual(
          CHANNELS.slice(0, CHANNELS.indexOf(image.channel) + 1).sort(),
        );
        expect(commits[image.channel]).toBe(image.commit);
        // Tips are read once, before anything else: a move after that is the next run's business.
        if (when !== 'start')
          for (const [c, sha] of Object.entries(commits)) expect(sha).toBe(before[c as 'staging']);
        const expected = new Map<string, string>();
        for (const [channel, commit] of Object.entries(commits))
          for (const [p, oid] of await filesAtCommit(origin.bare, commit, channel)) expected.set(p, oid);
        const unpacked = await unpackImage(`${registry.host}/${repository}@${image.digest}`);
        try {
          expect(diffFiles(expected, await filesInRootfs(unpacked.rootfs))).toEqual([]);
        } finally {
          await unpacked.cleanup();
        }
        // The promoted version is in the image exactly where the label's commits have it.
        const inStaging = [...expected.keys()].some((p) =>
          p.startsWith(`packages/staging/${name}/${version}/`),
        );
        expect(inStaging).toBe(when === 'start');
      }
    },
  );
});
