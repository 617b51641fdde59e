// publish-image against a real registry (Distribution 2.8), read back with skopeo, umoci and plain HTTP. The base is
// a two-platform image made with umoci and pushed by skopeo, so nothing about the base comes from our code.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { contentIdentity } from '../../src/core/identity.js';
import type { Descriptor } from '../../src/oci/types.js';
import type { PublishResult } from '../../src/publish-image/engine.js';
import { RegistryClient } from '../../src/registry/index.js';
import { RegistryReader } from '../support/faults/registry-reader.js';
import { cleanupTempDirs, git, gitBuffer, tempDir } from '../support/git.js';
import {
  listReferrers,
  pushArtifact,
  seedUmociBase,
  skopeoCopy,
  skopeoInspect,
  startRegistry,
  unpackImage,
  type TestRegistry,
  type UmociBase,
} from '../support/registry/index.js';
import { checkoutLikeActions, StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

const production: VersionSpec[] = [
  { name: 'nginx', version: '1.5.0', seed: 1 },
  { name: 'nginx', version: '1.6.0', seed: 2 },
  { name: 'system', version: '1.19.5', seed: 3 },
  { name: 'aws', version: '2.0.0', seed: 4, packageOptions: { pngBytes: 200_000 } },
];
const staging: VersionSpec[] = [{ name: 'apm', version: '8.0.0', seed: 5 }];
const snapshot: VersionSpec[] = [
  { name: 'apm', version: '8.1.0-rc1', seed: 6 },
  { name: 'nginx', version: '1.7.0', seed: 7 },
];

let registry: TestRegistry;
let reader: RegistryReader;
let baseImage: UmociBase;
let origin: StorageOrigin;
let clone: string;
let image: string;

async function publish(
  ...args: string[]
): Promise<{ code: number; result?: PublishResult; err: string; out: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const json = !args.includes('--no-json');
  const code = await main(
    ['publish-image', ...args.filter((a) => a !== '--no-json'), ...(json ? ['--json'] : [])],
    {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    },
  );
  return {
    code,
    err: err.join('\n'),
    out: out.join('\n'),
    ...(code === 0 && json ? { result: JSON.parse(out.join('\n')) as PublishResult } : {}),
  };
}

const base = (): string => `${registry.host}/package-registry/package-registry`;
const common = (): string[] => ['--repo', clone, '--image', image, '--base-image', base()];

interface RawIndex {
  mediaType: string;
  manifests: Array<{ digest: string; platform: { architecture: string; os: string; variant?: string } }>;
  annotations?: Record<string, string>;
}
interface RawManifest {
  layers: Array<{ digest: string; annotations?: Record<string, string> }>;
  annotations?: Record<string, string>;
}

/** Commits `files` onto `branch` of the bare origin with the given committer/author date (Unix seconds). */
async function commitAt(
  branch: string,
  date: number,
  files: Record<string, string>,
  parent?: string,
): Promise<string> {
  const env = {
    GIT_INDEX_FILE: join(origin.bare, `index-${date}`),
    GIT_AUTHOR_DATE: `@${date} +0000`,
    GIT_COMMITTER_DATE: `@${date} +0000`,
  };
  const from = parent ?? (await origin.rev(branch));
  const g = (args: string[], input?: string): Promise<string> =>
    git(['--git-dir', origin.bare, ...args], { env, ...(input !== undefined ? { input } : {}) });
  await g(['read-tree', from]);
  for (const [path, content] of Object.entries(files)) {
    const blob = (await g(['hash-object', '-w', '--stdin'], content)).trim();
    await g(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
  }
  const tree = (await g(['write-tree'])).trim();
  const commit = (await g(['commit-tree', tree, '-p', from, '-m', `[${branch}] dated ${date}`])).trim();
  await g(['update-ref', `refs/heads/${branch}`, commit]);
  return commit;
}

beforeAll(async () => {
  registry = await startRegistry();
  reader = new RegistryReader(registry.host);
  // The registry version tag the channels pin (Dockerfile ARG PACKAGE_REGISTRY=v1.15.0): a two-platform index.
  baseImage = await seedUmociBase({
    host: registry.host,
    repository: 'package-registry/package-registry',
    tag: 'v1.15.0',
  });
  origin = await StorageOrigin.create({ branches: { production, staging, snapshot } });
  clone = await tempDir('clone');
  await git(['clone', '--quiet', origin.bare, clone]);
  image = `${registry.host}/acme/distribution`;
});
afterAll(async () => {
  reader.close();
  await registry.stop();
  await cleanupTempDirs();
});

describe('publish-image', () => {
  it('builds the chain production -> staging -> snapshot for both base platforms, sharing the package layers', async () => {
    const r = await publish(...common(), '--channel', 'production', '--chain', '--push');
    expect(r.code, r.err).toBe(0);
    const [prod, stag, snap] = r.result!.images;
    expect(r.result!.images.map((i) => i.channel)).toEqual(['production', 'staging', 'snapshot']);
    expect(prod!.tags).toEqual([`${image}:production`, `${image}:${await origin.rev('production')}`]);
    expect(prod!.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(prod!.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64/v8']);

    // The index as stored, read by skopeo: one manifest per base platform, in the base's order.
    const raw = await skopeoInspect(`${image}:snapshot`, { raw: true });
    expect(`sha256:${createHash('sha256').update(raw.stdout).digest('hex')}`).toBe(snap!.digest);
    const index = raw.json as unknown as RawIndex;
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map((m) => m.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux', variant: 'v8' },
    ]);
    const perPlatform = await Promise.all(
      index.manifests.map(
        async (m) =>
          (await skopeoInspect(`${image}@${m.digest}`, { raw: true })).json as unknown as RawManifest,
      ),
    );
    // Each platform image: its own base layers first, then the very same package and config layers.
    const [amd64, arm64] = perPlatform.map((m) => m.layers.map((l) => l.digest));
    expect(amd64!.slice(0, baseImage.platforms[0]!.layers.length)).toEqual(baseImage.platforms[0]!.layers);
    expect(arm64!.slice(0, baseImage.platforms[1]!.layers.length)).toEqual(baseImage.platforms[1]!.layers);
    const packageLayers = amd64!.slice(baseImage.platforms[0]!.layers.length);
    expect(arm64!.slice(baseImage.platforms[1]!.layers.length)).toEqual(packageLayers);
    expect(packageLayers).toHaveLength(snap!.layers.total - snap!.layers.base);

    // skopeo resolves the index per platform (--override-arch) to images with their own base digest label.
    const inspectedArm = await skopeoInspect(`${image}:snapshot`, { overrideArch: 'arm64' });
    expect(inspectedArm.json.Architecture).toBe('arm64');
    expect(inspectedArm.json.Digest).toBe(snap!.digest); // skopeo reports the digest of what the tag names
    const armLabels = inspectedArm.json.Labels as Record<string, string>;
    expect(armLabels['org.opencontainers.image.base.digest']).toBe(baseImage.platforms[1]!.digest);
    const labels = (await skopeoInspect(`${image}:snapshot`)).json.Labels as Record<string, string>;
    expect(labels['org.opencontainers.image.base.digest']).toBe(baseImage.platforms[0]!.digest);

    // Production's layers are the same blobs in all three images.
    const layersOf = async (tag: string): Promise<string[]> => {
      const top = (await skopeoInspect(`${image}:${tag}`, { raw: true })).json as unknown as RawIndex;
      return (
        (await skopeoInspect(`${image}@${top.manifests[0]!.digest}`, { raw: true }))
          .json as unknown as RawManifest
      ).layers.map((l) => l.digest);
    };
    const [p, s] = await Promise.all([layersOf('production'), layersOf('staging')]);
    const productionLayers = p.slice(0, -1); // the last layer is the registry configuration
    expect(s.slice(0, productionLayers.length)).toEqual(productionLayers);
    expect(amd64!.slice(0, productionLayers.length)).toEqual(productionLayers);
    expect(stag!.layers.reused).toBeGreaterThanOrEqual(prod!.layers.built - 1);

    // The files of the arm64 image, unpacked with umoci.
    const unpacked = await unpackImage(`${image}:snapshot`, { overrideArch: 'arm64' });
    try {
      expect((await readdir(join(unpacked.rootfs, 'packages'))).sort()).toEqual([
        'production',
        'snapshot',
        'staging',
      ]);
      expect((await unpacked.readFile('/packages/production/nginx/1.5.0/manifest.yml')).toString()).toContain(
        'version: 1.5.0',
      );
      expect((await unpacked.readFile('/packages/snapshot/apm/8.1.0-rc1/manifest.yml')).toString()).toContain(
        '8.1.0-rc1',
      );
      expect((await unpacked.readFile('/etc/os-release')).toString()).toContain('(arm64)');
      expect((await unpacked.readFile('/package-registry/config.yml')).toString()).toContain(
        'package_paths:\n  - /packages/production\n  - /packages/staging\n  - /packages/snapshot\n',
      );
    } finally {
      await unpacked.cleanup();
    }
  });

  it('labels and annotates the images the way docker/metadata-action does, plus what the operator adds', async () => {
    const labels = (await skopeoInspect(`${image}:staging`)).json.Labels as Record<string, string>;
    const revision = await origin.rev('staging');
    const created = Number(
      (await git(['--git-dir', origin.bare, 'show', '-s', '--format=%ct', 'production'])).trim(),
    );
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': revision,
      'org.opencontainers.image.version': `staging-${revision.slice(0, 12)}`,
      'org.opencontainers.image.title': 'package-storage staging distribution',
      'org.opencontainers.image.base.name': `${base()}:v1.15.0`,
      'package-registry': 'v1.15.0',
      'io.package-storage.channel': 'staging',
    });
    // created is the newest commit time of the channels the image serves (never the time of the run).
    const stagingTime = Number(
      (await git(['--git-dir', origin.bare, 'show', '-s', '--format=%ct', 'staging'])).trim(),
    );
    expect(Date.parse(labels['org.opencontainers.image.created']!) / 1000).toBe(
      Math.max(created, stagingTime),
    );
    expect(labels['org.opencontainers.image.description']).toContain(
      'serving the staging channel and production',
    );
    const index = (await skopeoInspect(`${image}:staging`, { raw: true })).json as unknown as RawIndex;
    expect(index.annotations).toMatchObject({
      'org.opencontainers.image.revision': revision,
      'org.opencontainers.image.base.name': `${base()}:v1.15.0`,
      'org.opencontainers.image.base.digest': baseImage.indexDigest,
    });
    const manifest = (await skopeoInspect(`${image}@${index.manifests[0]!.digest}`, { raw: true }))
      .json as unknown as RawManifest;
    expect(manifest.annotations?.['org.opencontainers.image.base.digest']).toBe(
      baseImage.platforms[0]!.digest,
    );

    // --label, --annotation (manifest: / index: pick one), --platform: one platform is one plain manifest.
    const r = await publish(
      ...common().map((a) => (a === image ? `${registry.host}/acme/labelled` : a)),
      '--channel',
      'production',
      '--push',
      '--platform',
      'linux/arm64',
      '--label',
      'org.opencontainers.image.licenses=Elastic-2.0',
      '--label',
      'org.example.team=ecosystem',
      '--annotation',
      'manifest:org.example.reviewed=yes',
    );
    expect(r.code, r.err).toBe(0);
    const single = await skopeoInspect(`${registry.host}/acme/labelled:production`, { raw: true });
    expect((single.json as { mediaType?: string }).mediaType).toBe(
      'application/vnd.oci.image.manifest.v1+json',
    );
    expect((single.json as unknown as RawManifest).annotations?.['org.example.reviewed']).toBe('yes');
    const extra = await skopeoInspect(`${registry.host}/acme/labelled:production`, { overrideArch: 'arm64' });
    expect(extra.json.Architecture).toBe('arm64');
    expect(extra.json.Labels).toMatchObject({
      'org.opencontainers.image.licenses': 'Elastic-2.0',
      'org.example.team': 'ecosystem',
    });
    const bad = await publish(...common(), '--channel', 'production', '--push', '--platform', 'linux/s390x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('has no linux/s390x image (it has: linux/amd64, linux/arm64/v8)');
  });

  it('attaches an SPDX SBOM to each image, found through the referrers fallback tag with plain registry calls', async () => {
    const snap = await skopeoInspect(`${image}:snapshot`, { raw: true });
    const subject = `sha256:${createHash('sha256').update(snap.stdout).digest('hex')}`;
    // Distribution 2.8 has no referrers API: the client keeps the `sha256-<hex>` tag (distribution-spec 1.1).
    const referrers = await reader.manifest('acme/distribution', subject.replace(':', '-'));
    expect(referrers?.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    const entries = (
      JSON.parse(referrers!.bytes.toString()) as {
        manifests: Array<{ digest: string; artifactType: string }>;
      }
    ).manifests;
    expect(entries).toEqual([expect.objectContaining({ artifactType: 'application/spdx+json' })]);
    const artifact = await reader.manifest('acme/distribution', entries[0]!.digest);
    const m = JSON.parse(artifact!.bytes.toString()) as {
      artifactType: string;
      subject: { digest: string };
      layers: Array<{ digest: string; mediaType: string }>;
    };
    expect(m.artifactType).toBe('application/spdx+json');
    expect(m.subject.digest).toBe(subject);
    const sbom = JSON.parse((await reader.blob('acme/distribution', m.layers[0]!.digest))!.toString()) as {
      spdxVersion: string;
      packages: Array<{
        name: string;
        versionInfo: string;
        externalRefs?: Array<{ referenceType: string; referenceLocator: string }>;
      }>;
      relationships: Array<{ relationshipType: string }>;
    };
    expect(sbom.spdxVersion).toBe('SPDX-2.3');
    const served = sbom.packages.filter((p) => p.name !== image);
    expect(served.map((p) => `${p.name}@${p.versionInfo}`).sort()).toEqual(
      [...production, ...staging, ...snapshot]
        .map((v) => `${v.name}@${v.version}`)
        .concat(['snapshot@0.0.1', 'staging@0.0.1'])
        .sort(),
    );
    // The content identity of nginx 1.5.0, recomputed here from git's own listing of the version directory.
    const listing = await gitBuffer([
      '--git-dir',
      origin.bare,
      'ls-tree',
      '-r',
      '-z',
      'production:packages/nginx/1.5.0',
    ]);
    const files = listing
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => ({
        path: line.slice(line.indexOf('\t') + 1),
        blob: line.split(' ')[2]!.split('\t')[0]!,
      }));
    const nginx = served.find((p) => p.name === 'nginx' && p.versionInfo === '1.5.0')!;
    const refs = Object.fromEntries(nginx.externalRefs!.map((e) => [e.referenceType, e.referenceLocator]));
    expect(refs['package-storage-content-identity']).toBe(contentIdentity(files));
    expect(refs['package-storage-channel']).toBe('production');
    expect(refs.swh).toBe(`swh:1:dir:${await origin.treeId('production', 'packages/nginx/1.5.0')}`);
    expect(sbom.relationships.filter((x) => x.relationshipType === 'CONTAINS')).toHaveLength(served.length);
  });

  it('a referrers tag made before the image, listing someone else’s SBOM, is checked and merged: ours is attached', async () => {
    const squatted = 'acme/sbom-squatted';
    const target = `${registry.host}/${squatted}`;
    const client = new RegistryClient(registry.host);
    const push = (channel: string) =>
      publish(...common().map((a) => (a === image ? target : a)), '--channel', channel, '--push');
    try {
      // The snapshot image's digest is known before it is pushed (reproducible); production's is pushed first.
      const subject = (await skopeoInspect(`${image}:snapshot`)).json.Digest as string;
      const production = await push('production');
      expect(production.code, production.err).toBe(0);
      const theirs = production.result!.images[0]!.sbom!.digest;
      const listed = (
        await client.getManifest(squatted, production.result!.images[0]!.digest.replace(':', '-'))
      ).manifest as { manifests: Descriptor[] };
      const foreign = listed.manifests.find((d) => d.digest === theirs)!;
      expect(foreign.annotations?.['io.package-storage.sbom']).toBe('spdx-2.3');
      // Someone's genuine referrer of the snapshot image (an attestation) is listed too, and must stay.
      const attestation = await pushArtifact(client, squatted, {
        artifactType: 'application/vnd.example.attestation+json',
        subject: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: subject, size: 1 },
        annotations: { 'org.example.kind': 'provenance' },
      });
      await listReferrers(client, squatted, subject, [foreign, attestation]);

      const r = await push('snapshot');
      expect(r.code, r.err).toBe(0);
      const snap = r.result!.images[0]!;
      expect(snap.digest).toBe(subject);
      expect(snap.sbom?.via).toBe('tag');
      expect(snap.sbom?.digest).not.toBe(theirs);
      const index = (await reader.manifest(squatted, subject.replace(':', '-')))!;
      const entries = (JSON.parse(index.bytes.toString()) as { manifests: Descriptor[] }).manifests;
      expect(entries.map((d) => d.digest)).toEqual([attestation.digest, snap.sbom!.digest]);
      const ours = JSON.parse((await reader.manifest(squatted, snap.sbom!.digest))!.bytes.toString()) as {
        subject: { digest: string };
        layers: Array<{ digest: string }>;
      };
      expect(ours.subject.digest).toBe(subject);
      const doc = JSON.parse((await reader.blob(squatted, ours.layers[0]!.digest))!.toString()) as {
        packages: Array<{ versionInfo: string }>;
      };
      expect(doc.packages[0]!.versionInfo).toBe(subject);

      // A re-run finds ours, read back and checked, and attaches nothing.
      const again = await push('snapshot');
      expect(again.result!.images[0]!.sbom).toEqual({ digest: snap.sbom!.digest, via: 'existing' });
    } finally {
      client.close();
    }
  });

  it('a remote URL with a token gives the labels, annotations and SBOM its public part only; a label with one is refused', async () => {
    const token = 'ghp_SourceUrlToken0123456789';
    const withToken = await tempDir('clone-token-remote');
    await git(['clone', '--quiet', origin.bare, withToken]);
    await git([
      '-C',
      withToken,
      'remote',
      'set-url',
      'origin',
      `https://x-access-token:${token}@github.example/acme/package-storage.git?access_token=${token}#main`,
    ]);
    const target = `${registry.host}/acme/source-url`;
    const r = await publish(
      ...common().map((a) => (a === clone ? withToken : a === image ? target : a)),
      '--channel',
      'production',
      '--push',
    );
    expect(r.code, r.err).toBe(0);
    const labels = (await skopeoInspect(`${target}:production`)).json.Labels as Record<string, string>;
    expect(labels['org.opencontainers.image.source']).toBe('https://github.example/acme/package-storage');
    expect(labels['org.opencontainers.image.url']).toBe('https://github.example/acme/package-storage');
    // Nothing the image or its referrers hold carries the token: every manifest, config and SBOM read back.
    const repo = 'acme/source-url';
    const index = (await reader.manifest(repo, 'production'))!;
    const documents = [index.bytes];
    for (const m of (JSON.parse(index.bytes.toString()) as RawIndex).manifests) {
      const manifest = (await reader.manifest(repo, m.digest))!;
      const config = (JSON.parse(manifest.bytes.toString()) as { config: { digest: string } }).config;
      documents.push(manifest.bytes, (await reader.blob(repo, config.digest))!);
    }
    const subject = `sha256:${createHash('sha256').update(index.bytes).digest('hex')}`;
    const referrers = (await reader.manifest(repo, subject.replace(':', '-')))!;
    for (const entry of (JSON.parse(referrers.bytes.toString()) as RawIndex).manifests) {
      const artifact = (await reader.manifest(repo, entry.digest))!;
      documents.push(
        artifact.bytes,
        (await reader.blob(repo, (JSON.parse(artifact.bytes.toString()) as RawManifest).layers[0]!.digest))!,
      );
    }
    expect(documents.length).toBeGreaterThan(5);
    for (const d of documents) expect(d.toString()).not.toContain(token);
    expect(r.out + r.err).not.toContain(token);

    const refused = await publish(
      ...common(),
      '--channel',
      'production',
      '--push',
      '--label',
      `org.opencontainers.image.documentation=https://docs.example/x?access_token=${token}`,
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      'labels: the value of org.opencontainers.image.documentation holds a URL with credentials',
    );
    expect(refused.err).not.toContain(token);
  });

  it('a re-run uploads nothing and moves no tag', async () => {
    const r = await publish(...common(), '--channel', 'production', '--chain', '--push');
    expect(r.code, r.err).toBe(0);
    for (const i of r.result!.images) {
      expect(i.bytesUploaded).toBe(0);
      expect(i.layers.built).toBe(0);
      expect(i.unchangedTags.sort()).toEqual([i.branch, i.commit].sort());
      expect(i.sbom?.via).toBe('existing');
    }
  });

  it('gives the same digests from another checkout, written as an OCI layout with the index', async () => {
    const workspace = await checkoutLikeActions({
      origin: origin.bare,
      ref: 'refs/heads/snapshot',
      fetchDepth: 0,
    });
    const layout = join(await tempDir('layout'), 'oci');
    const pushed = await publish(...common(), '--channel', 'snapshot', '--push');
    const written = await publish(
      '--repo',
      workspace,
      '--channel',
      'snapshot',
      '--image',
      image,
      '--base-image',
      base(),
      '--layout',
      layout,
    );
    expect(written.code, written.err).toBe(0);
    expect(written.result!.images[0]!.digest).toBe(pushed.result!.images[0]!.digest);
    const fromLayout = await skopeoInspect(`oci:${layout}:snapshot`, { raw: true });
    const fromRegistry = await skopeoInspect(`${image}:snapshot`, { raw: true });
    expect(fromLayout.stdout.equals(fromRegistry.stdout)).toBe(true);
    // The layout holds both platforms: skopeo reads the arm64 image out of it.
    expect((await skopeoInspect(`oci:${layout}:snapshot`, { overrideArch: 'arm64' })).json.Architecture).toBe(
      'arm64',
    );
  });

  it('a one-package change rebuilds one small layer, reused by both platforms', async () => {
    const before = await publish(...common(), '--channel', 'production', '--push');
    await origin.commit('production', { add: [{ name: 'system', version: '1.20.0', seed: 8 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const r = await publish(...common(), '--channel', 'production', '--push');
    expect(r.code, r.err).toBe(0);
    const prod = r.result!.images[0]!;
    expect(prod.layers).toMatchObject({ built: 1, uploaded: 1 });
    const previous = before.result!.images[0]!.layers;
    expect(prod.layers.reused + prod.layers.built).toBe(prod.layers.total - prod.layers.base);
    expect(prod.layers.reused).toBeGreaterThanOrEqual(previous.total - previous.base - 1);
    const top = (await skopeoInspect(`${image}:production`, { raw: true })).json as unknown as RawIndex;
    const layers = (
      (await skopeoInspect(`${image}@${top.manifests[0]!.digest}`, { raw: true })).json as unknown as {
        layers: Array<{ size: number; digest: string }>;
      }
    ).layers;
    const compressed = layers.reduce((n, l) => n + l.size, 0);
    expect(prod.bytesUploaded).toBeLessThan(compressed * 0.25);
  });

  it('moves the channel tag forward in git ancestry, never by dates: a future-dated commit does not freeze it', async () => {
    const repo = 'acme/ancestry';
    const target = `${registry.host}/${repo}`;
    const run = (...extra: string[]) =>
      publish(
        '--repo',
        clone,
        '--image',
        target,
        '--base-image',
        base(),
        '--channel',
        'production',
        '--push',
        ...extra,
      );
    const digestOf = async (): Promise<string | undefined> =>
      (await reader.manifest(repo, 'production'))?.digest;
    expect((await run()).code).toBe(0);
    // A commit dated 2100: the image's created label is in the future.
    const future = await commitAt('production', 4_102_444_800, { 'deployment/notes.md': 'future\n' });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const a = await run();
    expect(a.code, a.err).toBe(0);
    expect(await digestOf()).toBe(a.result!.images[0]!.digest);
    // The next commit is dated normally, earlier than its parent: it descends from it, so the tag moves.
    const next = await commitAt('production', 1_700_000_000, { 'deployment/notes.md': 'present\n' });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const b = await run();
    expect(b.code, b.err).toBe(0);
    expect(b.result!.images[0]!.keptTags).toEqual([]);
    expect(await digestOf()).toBe(b.result!.images[0]!.digest);
    expect((await skopeoInspect(`${target}:production`)).json.Labels).toMatchObject({
      'org.opencontainers.image.revision': next,
    });
    // A commit that does not descend from the tag's (the branch rewritten from before `next`): the tag stays.
    const rewritten = await commitAt(
      'production',
      1_700_000_100,
      { 'deployment/notes.md': 'rewritten\n' },
      future,
    );
    await git(['-C', clone, 'fetch', '--quiet', '--force', 'origin']);
    const c = await run('--no-json');
    expect(c.code, c.err).toBe(0);
    expect(await digestOf()).toBe(b.result!.images[0]!.digest);
    expect(c.out).toContain(`${target}:production (kept)`);
    expect(c.out).toMatch(
      new RegExp(
        `note: ${target}:production stays at sha256:[0-9a-f]{64}: production ${rewritten.slice(0, 12)} does not descend from ${next.slice(0, 12)}`,
      ),
    );
    // The commit tag of the rewritten commit was still made: the image exists, only the channel tag waits.
    expect(await reader.manifest(repo, rewritten)).toBeDefined();
    // Moving it anyway is explicit.
    const d = await run('--force-channel-tags');
    expect(d.code, d.err).toBe(0);
    expect(await digestOf()).toBe(d.result!.images[0]!.digest);
  });

  it("a commit dated past year 9999 gives the image RFC 3339's last second as its created time, and says so", async () => {
    const repo = 'acme/far-future';
    const target = `${registry.host}/${repo}`;
    const tip = await origin.rev('production');
    // Year 3,170,843: past what JavaScript's Date holds, and RFC 3339 has four-digit years only.
    await commitAt('production', 99_999_999_999_999, { 'deployment/notes.md': 'far future\n' });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    try {
      const r = await publish(
        '--repo',
        clone,
        '--image',
        target,
        '--base-image',
        base(),
        '--channel',
        'production',
        '--push',
      );
      expect(r.code, r.err).toBe(0);
      const inspected = (await skopeoInspect(`${target}:production`)).json;
      expect(inspected.Labels).toMatchObject({ 'org.opencontainers.image.created': '9999-12-31T23:59:59Z' });
      expect(inspected.Created).toBe('9999-12-31T23:59:59Z');
      expect(r.result!.images[0]!.notes).toContainEqual(
        expect.stringContaining(
          "claims a date outside RFC 3339's years 0000-9999 (99999999999999 s since 1970)",
        ),
      );
    } finally {
      await origin.setRef('refs/heads/production', tip);
      await git(['-C', clone, 'fetch', '--quiet', '--force', 'origin']);
    }
  });

  it('fails on an immutable tag that points elsewhere, moving no tag', async () => {
    const client = new RegistryClient(registry.host);
    const stagingBefore = await client.headManifest('acme/distribution', 'staging');
    await origin.commit('staging', { files: { 'deployment/notes.md': 'x\n' } });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    // Something else already sits under the new staging commit's tag.
    const other = await client.getManifest(
      'package-registry/package-registry',
      baseImage.platforms[0]!.digest,
    );
    await skopeoCopy(`${base()}@${other.digest}`, `${image}:${await origin.rev('staging')}`, {
      preserveDigests: true,
    });
    const r = await publish(...common(), '--channel', 'staging', '--push');
    expect(r.code).toBe(3);
    expect(r.err).toContain(`already points at ${other.digest}`);
    expect(r.err).toContain('No tag was changed.');
    expect((await client.headManifest('acme/distribution', 'staging'))!.digest).toBe(stagingBefore!.digest);
    client.close();
  });

  it('writes an air-gapped archive that is an OCI layout (with the index) and a docker save archive', async () => {
    const file = join(await tempDir('archive'), 'distribution.tar');
    const r = await publish(...common(), '--channel', 'production', '--archive', file);
    expect(r.code, r.err).toBe(0);
    const digest = r.result!.images[0]!.digest;
    expect((await skopeoInspect(`oci-archive:${file}:production`, { raw: true })).json.mediaType).toBe(
      'application/vnd.oci.image.index.v1+json',
    );
    const arm = await skopeoInspect(`oci-archive:${file}:production`, { overrideArch: 'arm64' });
    expect(arm.json.Architecture).toBe('arm64');
    expect(arm.json.Digest).toBe(digest);
    // docker load (classic store) gets the linux/amd64 image.
    const docker = await skopeoInspect(`docker-archive:${file}:${image}:production`);
    expect(docker.json.Architecture).toBe('amd64');
    expect((docker.json.Labels as Record<string, string>)['package-registry']).toBe('v1.15.0');
    const again = join(await tempDir('archive'), 'distribution.tar');
    await publish(...common(), '--channel', 'production', '--archive', again);
    expect((await readFile(again)).equals(await readFile(file))).toBe(true);
    // And the archive can be pushed as it is, digests preserved.
    await skopeoCopy(`oci-archive:${file}:production`, `${registry.host}/acme/from-archive:production`, {
      all: true,
      preserveDigests: true,
    });
    expect((await reader.manifest('acme/from-archive', 'production'))?.digest).toBe(digest);
  });

  it('works from a trees-only clone, fetching the blobs it needs in one request', async () => {
    const workspace = await checkoutLikeActions({ origin: origin.bare, ref: 'refs/heads/main' });
    await git([
      '-C',
      workspace,
      'fetch',
      '--quiet',
      '--filter=blob:none',
      '--depth=1',
      'origin',
      '+refs/heads/*:refs/remotes/origin/*',
    ]);
    const r = await publish(
      '--repo',
      workspace,
      '--channel',
      'production',
      '--image',
      image,
      '--base-image',
      base(),
      '--layout',
      join(await tempDir('layout'), 'oci'),
    );
    expect(r.code, r.err).toBe(0);
    const expected = await publish(
      ...common(),
      '--channel',
      'production',
      '--layout',
      join(await tempDir('layout'), 'oci'),
    );
    expect(r.result!.images[0]!.digest).toBe(expected.result!.images[0]!.digest);
  });

  it('reports progress while it builds: one line per layer when stderr is not a terminal', async () => {
    await origin.commit('snapshot', { add: [{ name: 'kafka', version: '3.0.0', seed: 11 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    const r = await publish(...common(), '--channel', 'snapshot', '--push', '--no-json');
    expect(r.code, r.err).toBe(0);
    const lines = r.err.split('\n');
    expect(lines).toContain('building 1 layer');
    expect(lines.at(-1)).toMatch(
      /^layers 1\/1 built, \d+ uploaded; [0-9.]+ MB read, [0-9.]+ MB compressed; [0-9.]+ MB\/s$/,
    );
    expect(r.out).toContain('SBOM: sha256:');
  });

  it.each([
    [['--channel', 'nope'], 2, 'unknown channel "nope"'],
    [['--channel', 'production', '--registry-version', 'latest'], 2, 'is not a version such as v1.15.0'],
    [
      ['--channel', 'production', '--image', '127.0.0.1:5000/acme/Distribution'],
      2,
      'image "127.0.0.1:5000/acme/Distribution"',
    ],
    [['--channel', 'production', '--base-image', '127.0.0.1:1/none'], 3, 'registry 127.0.0.1:1'],
    [['--channel', 'production', '--platform', 'amd64'], 2, 'platform "amd64" is not os/arch[/variant]'],
    [
      ['--channel', 'production', '--label', 'no-equals-sign'],
      2,
      'labels: "no-equals-sign" is not key=value',
    ],
    [['--channel', 'production', '--jobs', '0'], 2, '--jobs "0": give a whole number from 1 to 64'],
  ])('fails clearly for %j', async (args, code, message) => {
    const argv = ['--repo', clone, '--image', image, '--base-image', base(), '--push', ...args];
    const r = await publish(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['--image', 'ci-user:s3cret-Passw0rd@127.0.0.1:5000/acme/distribution'],
    ['--image', 'https://ci-user:s3cret-Passw0rd@127.0.0.1:5000/acme/distribution'],
    ['--base-image', 'ci-user:s3cret/Passw0rd@docker.elastic.co/package-registry/package-registry'],
    [
      '--base-image',
      'ci-user:s3cret-Passw0rd@docker.elastic.co/package-registry/package-registry@sha256:abc',
    ],
  ])('refuses credentials in %s without echoing the password', async (flag, ref) => {
    const argv = [
      '--repo',
      clone,
      '--image',
      image,
      '--base-image',
      base(),
      '--channel',
      'production',
      '--push',
    ];
    argv[argv.indexOf(flag) + 1] = ref;
    const r = await publish(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${flag}: image reference "`);
    expect(r.err).toContain('***@');
    expect(r.err).toContain('contains credentials');
    expect(r.err).not.toContain('s3cret');
    expect(r.err).not.toContain('ci-user');
    expect(r.out).toBe('');
  });

  it('refuses a policy whose channel branches would share an image tag', async () => {
    const policy = [
      'channels:',
      '  - name: production',
      '    branch: rel/prod',
      '    arrival: direct',
      '  - name: staging',
      '    branch: rel-prod',
      '    arrival: direct',
      '',
    ].join('\n');
    const other = await StorageOrigin.create({
      branches: { 'rel/prod': [{ name: 'nginx', version: '1.0.0', seed: 1 }], 'rel-prod': [] },
      mainFiles: { '.github/package-storage.yml': policy },
    });
    const work = await tempDir('collide');
    await git(['clone', '--quiet', other.bare, work]);
    const r = await publish(
      '--repo',
      work,
      '--image',
      image,
      '--base-image',
      base(),
      '--channel',
      'production',
      '--push',
    );
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain('channel branches rel/prod and rel-prod would both be tagged "rel-prod"');
  });
});
