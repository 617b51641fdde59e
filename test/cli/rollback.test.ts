// `package-storage rollback` against two real Distribution 2.8 registries (the image mirrored on both), read back
// with skopeo: the tag goes to the commit's image by digest, stays there through re-runs of the same tip and
// through other channels' publishes, and moves forward again with the next newer commit. Refusals move nothing:
// among them a commit tag someone else pushed (labels, referrers and all) and mirrors that disagree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { PublishResult } from '../../src/publish-image/engine.js';
import type { RollbackResult } from '../../src/publish-image/rollback.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import type { Descriptor } from '../../src/oci/types.js';
import { RegistryClient } from '../../src/registry/index.js';
import {
  forgeImage,
  listReferrers,
  pushArtifact,
  repointArtifact,
  seedBaseImage,
  skopeoInspect,
  startRegistry,
  type TestRegistry,
} from '../support/registry/index.js';
import { StorageOrigin } from '../support/storage-origin.js';

let a: TestRegistry;
let b: TestRegistry;
let origin: StorageOrigin;
let clone: string;
let imageA: string;
let imageB: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function publish(channel: string, images: string, ...more: string[]): Promise<PublishResult> {
  const r = await cli(
    'publish-image',
    '--repo',
    clone,
    '--channel',
    channel,
    '--image',
    images,
    '--base-image',
    `${a.host}/package-registry/package-registry`,
    '--push',
    '--json',
    ...more,
  );
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as PublishResult;
}

async function rollback(
  to: string,
  images = `${imageA},${imageB}`,
): Promise<{ code: number; result?: RollbackResult; err: string }> {
  const r = await cli(
    'rollback',
    '--repo',
    clone,
    '--channel',
    'snapshot',
    '--to',
    to,
    '--image',
    images,
    '--json',
  );
  return {
    code: r.code,
    err: r.err,
    ...(r.code === 0 ? { result: JSON.parse(r.out) as RollbackResult } : {}),
  };
}

/** A new snapshot commit on the origin, fetched into the clone. */
async function snapshotCommit(version: string, seed: number): Promise<string> {
  const sha = await origin.commit('snapshot', { add: [{ name: 'apm', version, seed }] });
  await git(['-C', clone, 'fetch', '--quiet', 'origin']);
  return sha;
}

async function digest(ref: string): Promise<string> {
  return (await skopeoInspect(ref)).json.Digest as string;
}

let s1: string;
let s2: string;
let s3: string;

beforeAll(async () => {
  [a, b] = await Promise.all([startRegistry(), startRegistry()]);
  await seedBaseImage({ host: a.host, repository: 'package-registry/package-registry', tag: 'v1.15.0' });
  origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.5.0', seed: 1 }],
      staging: [],
      snapshot: [{ name: 'apm', version: '8.1.0-rc1', seed: 2 }],
    },
  });
  clone = await tempDir('rollback-clone');
  await git(['clone', '--quiet', origin.bare, clone]);
  imageA = `${a.host}/acme/distribution`;
  imageB = `${b.host}/acme/distribution`;
  // s1 is published to A only (before the mirror existed); s2 and s3 to both.
  s1 = await origin.rev('snapshot');
  await publish('snapshot', imageA);
  s2 = await snapshotCommit('8.1.0-rc2', 3);
  await publish('snapshot', `${imageA},${imageB}`);
  s3 = await snapshotCommit('8.1.0-rc3', 4);
  await publish('snapshot', `${imageA},${imageB}`);
}, 120_000);
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
  await cleanupTempDirs();
});

describe('package-storage rollback', () => {
  it('refuses a commit without a published image in one of the targets, moving no tag anywhere', async () => {
    const before = [await digest(`${imageA}:snapshot`), await digest(`${imageB}:snapshot`)];
    const r = await rollback(s1.slice(0, 10));
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain('rollback of snapshot refused; no tag was changed');
    expect(r.err).toContain(
      `${imageB}:${s1} does not exist: no image was published for snapshot ${s1.slice(0, 12)}`,
    );
    expect([await digest(`${imageA}:snapshot`), await digest(`${imageB}:snapshot`)]).toEqual(before);
  });

  it('refuses a commit that is not on the first-parent history of the channel, and names no commit', async () => {
    const production = await origin.rev('production');
    const r = await rollback(production);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${production.slice(0, 12)} is not on the first-parent history of snapshot`);
    // A commit that only came in through the second parent of a merge is not a state the channel was at.
    const side = await origin.commit('refs/heads/side', {
      parent: s3,
      lease: null,
      add: [{ name: 'apm', version: '8.1.0-side', seed: 9 }],
    });
    const g = (...args: string[]): Promise<string> => git(['--git-dir', origin.bare, ...args]);
    const merge = (
      await g('commit-tree', `${side}^{tree}`, '-p', s3, '-p', side, '-m', '[snapshot] Merge side')
    ).trim();
    await g('update-ref', 'refs/heads/snapshot', merge, s3);
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const viaMerge = await rollback(side);
    expect(viaMerge.code).toBe(1);
    expect(viaMerge.err).toContain(`${side.slice(0, 12)} is not on the first-parent history of snapshot`);
    const unknown = await rollback('no-such-commit');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--to "no-such-commit" names no commit here');
  });

  it('moves the tag to the commit image by digest on both registries, and says from which digest', async () => {
    const s3Image = await digest(`${imageA}:${s3}`);
    const s2Image = await digest(`${imageA}:${s2}`);
    expect(await digest(`${imageB}:${s2}`)).toBe(s2Image); // the mirror holds the same bytes
    const r = await rollback(s2.slice(0, 12));
    expect(r.code, r.err).toBe(0);
    const result = r.result!;
    expect(result).toMatchObject({ channel: 'snapshot', branch: 'snapshot', tag: 'snapshot', commit: s2 });
    expect(
      result.targets.map((t) => [t.image, t.status, t.from?.digest, t.to.digest, t.from?.commit]),
    ).toEqual([
      [imageA, 'moved', s3Image, s2Image, s3],
      [imageB, 'moved', s3Image, s2Image, s3],
    ]);
    expect(await digest(`${imageA}:snapshot`)).toBe(s2Image);
    expect(await digest(`${imageB}:snapshot`)).toBe(s2Image);
    // Again: nothing to do.
    const again = await rollback(s2);
    expect(again.result!.targets.map((t) => t.status)).toEqual(['unchanged', 'unchanged']);
    // The record is a referrer of the image (Distribution 2.8: in the sha256-<hex> tag's index).
    const referrers = (await skopeoInspect(`${imageA}:sha256-${s2Image.slice(7)}`, { raw: true })).json as {
      manifests: Array<{ artifactType: string; annotations: Record<string, string> }>;
    };
    expect(referrers.manifests).toEqual([
      expect.objectContaining({ artifactType: 'application/spdx+json' }),
      expect.objectContaining({
        artifactType: 'application/vnd.package-storage.rollback.v1+json',
        annotations: expect.objectContaining({
          'io.package-storage.rollback.channel': 'snapshot',
          'io.package-storage.rollback.from': await origin.rev('snapshot'),
          'io.package-storage.rollback.to': s2,
        }),
      }),
    ]);
  });

  it('keeps the rollback through a re-run of the same tip and a publish of another channel', async () => {
    const s2Image = await digest(`${imageA}:${s2}`);
    const rerun = await publish('snapshot', `${imageA},${imageB}`);
    expect(rerun.images.map((i) => i.keptTags)).toEqual([['snapshot'], ['snapshot']]);
    expect(rerun.images[0]!.notes[0]).toMatch(
      /stays at sha256:[0-9a-f]{64}: snapshot was rolled back from [0-9a-f]{12} to [0-9a-f]{12}/,
    );
    await origin.commit('production', { add: [{ name: 'nginx', version: '1.6.0', seed: 5 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const chain = await publish('production', `${imageA},${imageB}`, '--chain');
    const snap = chain.images.filter((i) => i.channel === 'snapshot');
    // The channel tag stays rolled back; the commit tag keeps the first image built from that commit.
    expect(snap.map((i) => i.keptTags)).toEqual([
      [await origin.rev('snapshot'), 'snapshot'],
      [await origin.rev('snapshot'), 'snapshot'],
    ]);
    expect(chain.images.filter((i) => i.channel === 'production').map((i) => i.keptTags)).toEqual([[], []]);
    expect(await digest(`${imageA}:snapshot`)).toBe(s2Image);
    expect(await digest(`${imageB}:snapshot`)).toBe(s2Image);
  });

  it('the next publish of a newer commit moves the tag forward again, on both registries', async () => {
    const s4 = await snapshotCommit('8.1.0-rc4', 6);
    const r = await publish('snapshot', `${imageA},${imageB}`);
    expect(r.images.map((i) => [i.name, i.keptTags, i.commit])).toEqual([
      [imageA, [], s4],
      [imageB, [], s4],
    ]);
    expect(await digest(`${imageA}:snapshot`)).toBe(r.images[0]!.digest);
    expect(await digest(`${imageB}:snapshot`)).toBe(r.images[0]!.digest);
    // Against the rolled-back image the tag named: both channels moved since that one was built.
    expect(r.images[0]!.why).toEqual([
      expect.stringMatching(/^production [0-9a-f]{12} -> [0-9a-f]{12}$/),
      `snapshot ${s2.slice(0, 12)} -> ${s4.slice(0, 12)}`,
    ]);
  });
});

// The registry is not trusted: a tag or a referrers list anyone who can push may have written proves nothing.
describe('rollback and publish trust no registry', () => {
  const repo = 'acme/distribution';
  /** The newest snapshot commit published to both registries' acme/distribution. */
  let published: string;
  let ca: RegistryClient;
  let cb: RegistryClient;
  beforeAll(() => {
    ca = new RegistryClient(a.host);
    cb = new RegistryClient(b.host);
  });
  afterAll(() => {
    ca.close();
    cb.close();
  });

  it('a rollback record only listed under the referrers tag does not hold the channel tag back', async () => {
    // Listed against the image the tag names: "rolled back from a commit the channel never had", which would keep
    // the tag there for good if the listing were believed. The record exists, but about another image.
    const current = await digest(`${imageA}:snapshot`);
    const record = {
      'io.package-storage.rollback.channel': 'snapshot',
      'io.package-storage.rollback.from': await origin.rev('production'),
      'io.package-storage.rollback.to': await origin.rev('snapshot'),
      'org.opencontainers.image.created': '2099-01-01T00:00:00Z',
    };
    const forged = await pushArtifact(ca, repo, {
      artifactType: 'application/vnd.package-storage.rollback.v1+json',
      subject: {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${'ab'.repeat(32)}`,
        size: 512,
      },
      annotations: record,
    });
    await listReferrers(ca, repo, current, [forged]);
    const next = await snapshotCommit('8.1.0-rc5', 7);
    const r = await publish('snapshot', `${imageA},${imageB}`);
    expect(r.images.map((i) => [i.keptTags, i.commit])).toEqual([
      [[], next],
      [[], next],
    ]);
    expect(await digest(`${imageA}:snapshot`)).toBe(r.images[0]!.digest);
    published = next;
  });

  it('refuses a rollback when the mirrors’ commit tags name different images, moving nothing', async () => {
    // Both images are publish-image's own (labels, SBOM) for the same commit, built with different labels.
    const split = 'acme/split';
    const tip = await origin.rev('snapshot');
    for (const [host, mirror] of [
      [a.host, 'a'],
      [b.host, 'b'],
    ] as const)
      await publish('snapshot', `${host}/${split}`, '--label', `org.example.mirror=${mirror}`);
    await snapshotCommit('8.1.0-rc6', 8);
    await publish('snapshot', `${a.host}/${split},${b.host}/${split}`);
    const before = [await digest(`${a.host}/${split}:snapshot`), await digest(`${b.host}/${split}:snapshot`)];
    const [da, db] = [await digest(`${a.host}/${split}:${tip}`), await digest(`${b.host}/${split}:${tip}`)];
    expect(da).not.toBe(db);
    const r = await rollback(tip, `${a.host}/${split},${b.host}/${split}`);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain('rollback of snapshot refused; no tag was changed');
    expect(r.err).toContain(
      `the targets' ${tip.slice(0, 12)} tags name different images (${a.host}/${split}: ${da}, ${b.host}/${split}: ${db})`,
    );
    expect([
      await digest(`${a.host}/${split}:snapshot`),
      await digest(`${b.host}/${split}:snapshot`),
    ]).toEqual(before);
  });

  it('refuses a commit tag someone pushed for a commit never published, whatever its labels and referrers say', async () => {
    const never = await snapshotCommit('8.1.0-rc7', 9);
    const before = [await digest(`${imageA}:snapshot`), await digest(`${imageB}:snapshot`)];
    // The same forgery on both mirrors: one digest, labels that name the commit and the channel exactly.
    const claims = {
      'org.opencontainers.image.revision': never,
      'io.package-storage.channel': 'snapshot',
      'io.package-storage.commits': JSON.stringify({ snapshot: never }),
    };
    const forged = await forgeImage(ca, repo, published, claims, never);
    expect((await forgeImage(cb, repo, published, claims, never)).digest).toBe(forged.digest);
    const labelsOnly = await rollback(never);
    expect(labelsOnly.code, labelsOnly.err).toBe(1);
    expect(labelsOnly.err).toContain(
      `${imageA}:${never} (${forged.digest}) is not an image publish-image made for snapshot ${never.slice(0, 12)}: no SBOM of package-storage-actions for this image and channel, and no record of a rollback to it, is attached`,
    );

    // Then referrers: the real SBOM of the published image listed as the forgery's (its subject is another image),
    // that SBOM copied and pointed at the forgery (it describes another digest), and a record of a rollback to it
    // whose subject is another image.
    const real = await digest(`${imageA}:${published}`);
    for (const client of [ca, cb]) {
      const listing = JSON.parse(
        (await client.getManifest(repo, real.replace(':', '-'))).bytes.toString(),
      ) as { manifests: Descriptor[] };
      const sbom = listing.manifests.find((d) => d.artifactType === 'application/spdx+json')!;
      const copied = await repointArtifact(client, repo, sbom.digest, forged);
      const record = await pushArtifact(client, repo, {
        artifactType: 'application/vnd.package-storage.rollback.v1+json',
        subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: real, size: 1 },
        annotations: {
          'io.package-storage.rollback.channel': 'snapshot',
          'io.package-storage.rollback.from': published,
          'io.package-storage.rollback.to': never,
          'org.opencontainers.image.created': '2030-01-01T00:00:00Z',
        },
      });
      await listReferrers(client, repo, forged.digest, [sbom, copied, record]);
    }
    const withReferrers = await rollback(never);
    expect(withReferrers.code, withReferrers.err).toBe(1);
    expect(withReferrers.err).toContain(
      `${imageB}:${never} (${forged.digest}) is not an image publish-image made`,
    );
    expect([await digest(`${imageA}:snapshot`), await digest(`${imageB}:snapshot`)]).toEqual(before);
  });
});
