// publish-image with several target repositories on real Distribution 2.8 registries: two repositories on one
// registry (the second mounts every blob from the first), one on another registry, and one behind the fault proxy
// failing mid-run (error statuses, resets, a trickle a byte at a time). Read back with skopeo and an independent
// reader: same digests everywhere, every tag on a complete image after a failure, the failure reported per
// registry, and an unchanged re-run writes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { PublishResult } from '../../src/publish-image/engine.js';
import { RegistryReader } from '../support/faults/registry-reader.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import {
  seedBaseImage,
  skopeoInspect,
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type TestRegistry,
} from '../support/registry/index.js';
import { StorageOrigin } from '../support/storage-origin.js';

let a: TestRegistry;
let b: TestRegistry;
let c: TestRegistry;
let proxy: FaultProxy;
let origin: StorageOrigin;
let clone: string;
const repo = 'acme/distribution';

async function publish(images: string[]): Promise<{ code: number; result: PublishResult; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    [
      'publish-image',
      ...['--repo', clone, '--channel', 'production', '--chain', '--push', '--json'],
      ...['--image', images.join(','), '--base-image', `${a.host}/package-registry/package-registry`],
    ],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, err: err.join('\n'), result: JSON.parse(out.join('\n')) as PublishResult };
}

const digest = async (ref: string): Promise<string> => (await skopeoInspect(ref)).json.Digest as string;

/** Every tag of the repository names a complete image (independent reader). */
async function expectConsistent(host: string): Promise<Map<string, string>> {
  const reader = new RegistryReader(host);
  try {
    const tags = await reader.tagDigests(repo);
    for (const [tag, d] of tags) {
      if (tag.startsWith('sha256-')) continue;
      const check = await reader.checkImage(repo, d);
      expect(check.problems, `${host}/${repo}:${tag}`).toEqual([]);
      expect(check.complete).toBe(true);
    }
    return tags;
  } finally {
    reader.close();
  }
}

beforeAll(async () => {
  [a, b, c] = await Promise.all([startRegistry(), startRegistry(), startRegistry()]);
  proxy = await startFaultProxy({ target: c.host });
  await seedBaseImage({ host: a.host, repository: 'package-registry/package-registry', tag: 'v1.15.0' });
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
  clone = await tempDir('mirrors-clone');
  await git(['clone', '--quiet', origin.bare, clone]);
}, 60_000);
afterAll(async () => {
  await proxy.stop();
  await Promise.all([a.stop(), b.stop(), c.stop()]);
  await cleanupTempDirs();
});

describe('publish-image to mirrors', () => {
  it('builds once; the second repository of a registry mounts every blob, the other registry gets each once', async () => {
    const targets = [`${a.host}/${repo}`, `${a.host}/acme/mirror`, `${b.host}/${repo}`];
    const { code, result, err } = await publish(targets);
    expect(code, err).toBe(0);
    expect(result.targets.map((t) => [t.image, t.status])).toEqual(targets.map((t) => [t, 'published']));
    expect(result.images.map((i) => `${i.name} ${i.channel}`)).toEqual(
      targets.flatMap((t) => ['production', 'staging', 'snapshot'].map((ch) => `${t} ${ch}`)),
    );
    const byTarget = (t: string) => result.images.filter((i) => i.name === t);
    // The same image bytes in every repository, read back by skopeo.
    for (const ch of ['production', 'staging', 'snapshot']) {
      const want = byTarget(targets[0]!).find((i) => i.channel === ch)!.digest;
      for (const t of targets) expect(await digest(`${t}:${ch}`), `${t}:${ch}`).toBe(want);
    }
    const sum = (t: string, f: (i: PublishResult['images'][number]) => number) =>
      byTarget(t).reduce((n, i) => n + f(i), 0);
    // The first repository got the package layers streamed (base layers mounted from the base repository).
    const packageLayers = sum(targets[0]!, (i) => i.layers.uploaded);
    expect(packageLayers).toBeGreaterThan(0);
    expect(sum(targets[0]!, (i) => i.layers.mounted)).toBeGreaterThan(0);
    // Same registry: no layer uploaded, every layer mounted (only its own SBOM, which names it, is new bytes).
    expect(sum(targets[1]!, (i) => i.layers.uploaded)).toBe(0);
    expect(sum(targets[1]!, (i) => i.layers.mounted)).toBe(
      packageLayers + sum(targets[0]!, (i) => i.layers.mounted),
    );
    // Another registry: every layer uploaded once (base layers too), nothing mounted.
    expect(sum(targets[2]!, (i) => i.layers.uploaded)).toBe(
      packageLayers + sum(targets[0]!, (i) => i.layers.mounted),
    );
    expect(sum(targets[2]!, (i) => i.layers.mounted)).toBe(0);
    await expectConsistent(b.host);
  });

  it('a registry failing mid-run (at the channel tags) leaves its tags on complete images, is reported, exit 3', async () => {
    await origin.commit('snapshot', { add: [{ name: 'apm', version: '8.1.0-rc2', seed: 5 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const failing = `${proxy.host}/${repo}`;
    proxy.setFaults([
      {
        method: 'PUT',
        path: new RegExp(`^/v2/${repo}/manifests/snapshot$`),
        occurrences: [1, 2, 3, 4, 5, 6],
        action: { type: 'status', status: 503 },
      },
    ]);
    const targets = [`${a.host}/${repo}`, failing, `${b.host}/${repo}`];
    const { code, result, err } = await publish(targets);
    expect(code).toBe(3);
    expect(err).toContain(`package-storage publish-image: ${failing} failed: moving channel tags:`);
    expect(result.targets.map((t) => t.status)).toEqual(['published', 'failed', 'published']);
    expect(result.targets[1]!.error).toMatch(/^moving channel tags: .*503/);
    expect(proxy.injected.length).toBeGreaterThan(1);
    const snap = result.images.find((i) => i.name === targets[0] && i.channel === 'snapshot')!;
    expect(await digest(`${targets[0]}:snapshot`)).toBe(snap.digest);
    expect(await digest(`${targets[2]}:snapshot`)).toBe(snap.digest);
    // The failing registry: production and staging are there, snapshot was never tagged; every tag complete.
    const tags = await expectConsistent(c.host);
    expect(tags.has('production') && tags.has('staging')).toBe(true);
    expect(tags.has('snapshot')).toBe(false);
    expect(tags.get(snap.commit)).toBe(snap.digest); // the commit tag was written before the channel tags
  });

  it('a failure while uploading moves none of that registry’s tags; the next run converges; then a re-run writes nothing', async () => {
    await origin.commit('staging', { add: [{ name: 'apm', version: '8.0.1', seed: 6 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const failing = `${proxy.host}/${repo}`;
    const before = await expectConsistent(c.host);
    proxy.setFaults([
      {
        method: 'PATCH',
        path: new RegExp(`^/v2/${repo}/blobs/uploads/`),
        occurrences: Array.from({ length: 40 }, (_, i) => i + 1),
        action: { type: 'reset', afterBytes: 100 },
      },
    ]);
    const targets = [`${a.host}/${repo}`, failing, `${b.host}/${repo}`];
    const failed = await publish(targets);
    expect(failed.code).toBe(3);
    expect(failed.result.targets[1]!.error).toMatch(/^uploading blobs: /);
    expect(await expectConsistent(c.host)).toEqual(before);

    proxy.setFaults([]);
    const converged = await publish(targets);
    expect(converged.code, converged.err).toBe(0);
    for (const ch of ['production', 'staging', 'snapshot'])
      expect(await digest(`${failing}:${ch}`)).toBe(await digest(`${targets[0]}:${ch}`));

    proxy.setFaults([]);
    const again = await publish(targets);
    expect(again.code, again.err).toBe(0);
    expect(again.result.bytesUploaded).toBe(0);
    for (const i of again.result.images) {
      expect(i.why).toEqual([]);
      // A commit tag may stay on the first image built from its commit; the channel tags are all unchanged.
      expect(i.keptTags).not.toContain(i.channel);
      expect(i.unchangedTags).toContain(i.channel);
    }
    // Nothing but reads reached the proxied registry.
    expect(proxy.requests.filter((r) => !['GET', 'HEAD'].includes(r.method))).toEqual([]);
  });

  it('a registry that trickles a byte at a time fails alone at its progress deadline; the others finish and tag', async () => {
    // The deadline (and every other wait of the client) scaled down: 64 KiB per 3 s instead of per 30 s.
    vi.stubEnv('PACKAGE_STORAGE_REGISTRY_TIME_SCALE', '0.1');
    await origin.commit('snapshot', { add: [{ name: 'apm', version: '8.1.0-rc3', seed: 7 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const failing = `${proxy.host}/${repo}`;
    const before = await expectConsistent(c.host);
    // Every answer with a body the SBOM phase reads comes a byte a second: the connection is never idle (3 s), and
    // without the deadline each answer would take 19 s.
    proxy.setFaults([
      {
        method: 'GET',
        path: /\/referrers\/|\/manifests\/sha256-/,
        occurrences: Array.from({ length: 50 }, (_, i) => i + 1),
        action: { type: 'trickle-response', everyMs: 1000 },
      },
    ]);
    const targets = [`${a.host}/${repo}`, failing, `${b.host}/${repo}`];
    const { code, result, err } = await publish(targets);
    expect(code, err).toBe(3);
    expect(result.targets.map((t) => t.status)).toEqual(['published', 'failed', 'published']);
    expect(result.targets[1]!.error).toMatch(
      /^attaching SBOMs: .*TOO_SLOW: stalled: the registry moved \d+ bytes in 3 s, under the progress deadline of 65536 bytes per 3 s \(gave up after 5 attempts\)$/,
    );
    expect(proxy.injected.length).toBe(5);
    // The healthy registries have the new snapshot image under its channel tag, as read back by skopeo.
    const snap = result.images.find((i) => i.name === targets[0] && i.channel === 'snapshot')!;
    expect(snap.why).not.toEqual([]);
    for (const t of [targets[0]!, targets[2]!]) expect(await digest(`${t}:snapshot`)).toBe(snap.digest);
    // The trickling one kept its channel tags; what it got (the commit tag) names a complete image.
    const after = await expectConsistent(c.host);
    for (const ch of ['production', 'staging', 'snapshot']) expect(after.get(ch)).toBe(before.get(ch));
    expect(after.get(snap.commit)).toBe(snap.digest);
  });
});
