// A day in the life of a storage repository, end to end: real git, the contract-checked GitHub API, a real registry.
// A package enters snapshot by PR, is promoted to staging and production with cleanup after each merge, images are
// rebuilt along the chain, a stack release tag gets its image, and every bad step in between is rejected by the
// required check. After every publish, each image is unpacked independently and must serve exactly the expected set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/index.js';
import { StorageFlows, servedPackages } from '../support/flows.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs, git } from '../support/git.js';
import { seedBaseImage, skopeoInspect, startRegistry, type TestRegistry } from '../support/registry/index.js';
import type { ActionRun } from '../support/run-action.js';
import { StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

const nginx16: VersionSpec = {
  name: 'nginx',
  version: '1.6.0',
  seed: 16,
  manifest: {
    name: 'nginx',
    version: '1.6.0',
    release: 'ga',
    kibana: { range: '^8.10.0', spelling: 'dotted', quote: 'double' },
  },
};

let registry: TestRegistry;
let origin: StorageOrigin;
let gh: FakeGitHub;
let flows: StorageFlows;
let image: string;
let base: string;

const ok = (run: ActionRun): ActionRun => {
  expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
};

async function publish(branch: string, before: string): Promise<string[]> {
  const run = ok(await flows.publishOnPush(branch, before, { image, 'base-image': base }));
  return (JSON.parse(run.outputs.images!) as Array<{ channel: string }>).map((i) => i.channel);
}

async function served(): Promise<Record<string, string[]>> {
  const [production, staging, snapshot] = await Promise.all(
    ['production', 'staging', 'snapshot'].map((c) => servedPackages(`${image}:${c}`)),
  );
  return { production: production!, staging: staging!, snapshot: snapshot! };
}

beforeAll(async () => {
  registry = await startRegistry();
  await seedBaseImage({ host: registry.host, repository: 'package-registry/package-registry' });
  const client = new RegistryClient(registry.host);
  const index = await client.getManifest('package-registry/package-registry', 'multi');
  await client.putManifest('package-registry/package-registry', 'v1.15.0', index.bytes, index.mediaType);
  client.close();
  origin = await StorageOrigin.create({
    branches: {
      production: [
        { name: 'nginx', version: '1.5.0', seed: 15 },
        { name: 'system', version: '1.19.5', seed: 195 },
      ],
      staging: [],
      snapshot: [],
    },
  });
  gh = await startFakeGitHub({
    owner: 'acme',
    repo: 'package-storage',
    bareRepo: origin.bare,
    defaultBranch: 'main',
  });
  flows = new StorageFlows(origin, gh, 'acme', 'package-storage');
  image = `${registry.host}/acme/distribution`;
  base = `${registry.host}/package-registry/package-registry`;
});
afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
  await registry.stop();
  await cleanupTempDirs();
});

describe('a day in the life of a storage repository', () => {
  it('goes from a snapshot PR to a stack release, rejecting every bad step', async () => {
    // Morning: the images as they stand.
    expect(await publish('production', '')).toEqual(['production', 'staging', 'snapshot']);
    const markers = ['snapshot@0.0.1 <- snapshot', 'staging@0.0.1 <- staging'];
    const start = ['nginx@1.5.0 <- production', 'system@1.19.5 <- production'];
    expect(await served()).toEqual({
      production: start,
      staging: [...start, markers[1]!].sort(),
      snapshot: [...start, ...markers].sort(),
    });

    // 1. A new version enters snapshot by PR.
    const add = await flows.openPull(
      'snapshot',
      'add-nginx-1.6.0',
      '[snapshot] Update "nginx" package to version 1.6.0',
      { add: [nginx16] },
    );
    expect(ok(await flows.validatePull(add)).outputs.result).toBe('pass');
    let before = await origin.rev('snapshot');
    await gh.mergePull(add, 'squash');
    expect(await publish('snapshot', before)).toEqual(['snapshot']);
    expect((await served()).snapshot).toContain('nginx@1.6.0 <- snapshot');

    // Bad steps, each blocked by the required check: an overwrite on production, a skipped stage.
    const overwrite = await flows.openPull('production', 'fix-nginx-1.5.0', '[production] Fix nginx docs', {
      add: [{ name: 'nginx', version: '1.5.0', seed: 99 }],
    });
    const overwriteRun = await flows.validatePull(overwrite);
    expect(overwriteRun.outputs.result).toBe('fail');
    expect(overwriteRun.annotations.some((a) => a.message.startsWith('[overwrite]'))).toBe(true);
    gh.closePull(overwrite);
    const skip = await flows.openPull(
      'production',
      'skip-staging',
      '[production] Promote packages from snapshot (nginx-1.6.0)',
      { add: [nginx16] },
    );
    const skipRun = await flows.validatePull(skip);
    expect(skipRun.outputs.result).toBe('fail');
    expect(skipRun.annotations.some((a) => a.message.includes('promote it through staging first'))).toBe(
      true,
    );
    gh.closePull(skip);

    // 2. Promote to staging: PR, check, merge; images along the chain; cleanup of snapshot (a direct commit).
    const toStaging = ok(await flows.promote({ from: 'snapshot', to: 'staging', packages: 'nginx@1.6.0' }));
    const p1 = Number(toStaging.outputs['pull-request-number']);
    expect(ok(await flows.validatePull(p1)).outputs.result).toBe('pass');
    before = await origin.rev('staging');
    await gh.mergePull(p1, 'squash');
    expect(ok(await flows.validatePush('staging', before)).outputs.result).toBe('pass');
    expect(await publish('staging', before)).toEqual(['staging', 'snapshot']);
    const snapshotBefore = await origin.rev('snapshot');
    const cleanSnapshot = ok(await flows.cleanupAfterPush('staging', before));
    expect(cleanSnapshot.outputs).toMatchObject({ operation: 'updated', branch: 'snapshot' });
    expect(ok(await flows.validatePush('snapshot', snapshotBefore)).outputs.result).toBe('pass');
    await publish('snapshot', snapshotBefore);
    let now = await served();
    expect(now.staging).toContain('nginx@1.6.0 <- staging');
    expect(now.snapshot).toContain('nginx@1.6.0 <- staging'); // still served, now from staging
    expect(now.production).toEqual(start);

    // Bad step: removing from staging before production has it (the race the old flow had).
    const early = await flows.openPull(
      'staging',
      'early-cleanup',
      '[staging] Remove promoted packages (nginx-1.6.0)',
      {
        removeVersions: [{ name: 'nginx', version: '1.6.0' }],
      },
    );
    expect((await flows.validatePull(early)).outputs.result).toBe('fail');
    gh.closePull(early);

    // 3. Promote to production; the merge rebuilds all three images; cleanup of staging is a PR.
    const toProduction = ok(
      await flows.promote({ from: 'staging', to: 'production', packages: 'nginx@latest' }),
    );
    const p2 = Number(toProduction.outputs['pull-request-number']);
    expect(gh.pulls.get(p2)!.title).toBe('[production] Promote packages from staging (nginx-1.6.0)');
    expect(ok(await flows.validatePull(p2)).outputs.result).toBe('pass');
    before = await origin.rev('production');
    await gh.mergePull(p2, 'merge');
    expect(await publish('production', before)).toEqual(['production', 'staging', 'snapshot']);
    const cleanStaging = ok(await flows.cleanupAfterPush('production', before));
    const p3 = Number(cleanStaging.outputs['pull-request-number']);
    expect(gh.pulls.get(p3)!.title).toBe('[staging] Remove promoted packages (nginx-1.6.0)');
    expect(ok(await flows.validatePull(p3)).outputs.result).toBe('pass');
    const stagingBefore = await origin.rev('staging');
    await gh.mergePull(p3, 'squash');
    expect(await publish('staging', stagingBefore)).toEqual(['staging', 'snapshot']);
    const end = ['nginx@1.5.0 <- production', 'nginx@1.6.0 <- production', 'system@1.19.5 <- production'];
    now = await served();
    expect(now).toEqual({
      production: end,
      staging: [...end, markers[1]!].sort(),
      snapshot: [...end, ...markers].sort(),
    });

    // 4. The stack release: a git tag at production's tip and its image, by digest, no rebuild.
    const released = ok(
      await flows.publishRelease({ image, 'base-image': base, 'release-versions': '8.15.0' }),
    );
    const [r] = JSON.parse(released.outputs.releases!) as Array<{
      version: string;
      commit: string;
      gitTag: string;
      image: { digest: string; built: boolean };
    }>;
    expect(r).toMatchObject({
      version: '8.15.0',
      commit: await origin.rev('production'),
      gitTag: 'created',
      image: { built: false },
    });
    expect((await git(['--git-dir', origin.bare, 'rev-parse', 'refs/tags/8.15.0'])).trim()).toBe(
      await origin.rev('production'),
    );
    const productionDigest = (await skopeoInspect(`${image}:production`)).json.Digest;
    expect(r!.image.digest).toBe(productionDigest);
    expect(await servedPackages(`${image}:8.15.0`)).toEqual(end);
    // Re-running the release job is a no-op.
    const rerun = ok(await flows.publishRelease({ image, 'base-image': base, 'release-versions': '8.15.0' }));
    expect(JSON.parse(rerun.outputs.releases!)).toEqual([
      expect.objectContaining({
        gitTag: 'existing',
        image: expect.objectContaining({ operation: 'unchanged' }),
      }),
    ]);
    // One long story of about 25 bundle runs: a harness limit for a loaded machine, not a timing assertion.
  }, 300_000);
});
