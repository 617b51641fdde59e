// `package-storage index` on a real clone of three channel branches shaped like the real ones: both condition
// spellings, quoted and bare ranges, a legacy requirement, duplicates with different trees, markers, prereleases,
// and directories the registry does not serve. Expected listings are worked out by hand from the fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { contentIdentity } from '../../src/core/identity.js';
import type { ServedListing } from '../../src/publish-image/served.js';
import { cleanupTempDirs, git, gitBuffer, tempDir } from '../support/git.js';
import { manifestYaml } from '../support/manifests.js';
import { StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

const k = (
  range: string,
  spelling: 'dotted' | 'nested' = 'dotted',
  quote: 'double' | 'single' | 'none' = 'double',
) => ({
  kibana: { range, spelling, quote },
});
const spec = (name: string, version: string, seed: number, extra: object = {}): VersionSpec => ({
  name,
  version,
  seed,
  manifest: { name, version, ...extra },
});

let origin: StorageOrigin;
let clone: string;

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['index', '--repo', clone, ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

async function json(...args: string[]): Promise<ServedListing> {
  const r = await cli(...args, '--json');
  expect(r.code, r.err.join('\n')).toBe(0);
  return JSON.parse(r.out.join('\n')) as ServedListing;
}

const rows = (l: ServedListing): string[] => l.packages.map((p) => `${p.name}@${p.version} ${p.channel}`);

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [
        spec('nginx', '1.5.0', 1, k('^7.16.0 || ^8.0.0')),
        spec('nginx', '1.6.0', 2, k('^8.0.0', 'dotted', 'single')),
        spec('system', '1.19.5', 3, k('>=7.10.0', 'nested')),
        spec('aws', '2.0.0', 4, k('^7.14.1 || ^8.0.0', 'dotted', 'none')),
        spec('apm', '8.1.0', 5, k('^8.4.0', 'dotted', 'none')),
        spec('old_pkg', '1.0.0', 6, { legacyRequirement: '>=7.3.0 <8.0.0' }),
      ],
      staging: [
        spec('system', '1.19.5', 30, k('>=7.10.0', 'nested')),
        spec('apm', '8.2.0-beta1', 7, { ...k('^8.4.0'), release: 'beta' }),
      ],
      snapshot: [
        spec('apm', '8.1.0', 50, k('^8.4.0', 'dotted', 'none')),
        spec('kafka', '8.3.0-dev1', 8, { ...k('>=8.0.0-0'), release: 'experimental' }),
        {
          name: 'broken',
          version: '1.0.0',
          seed: 9,
          manifest: {
            name: 'broken',
            version: '1.0.0',
            extra: 'conditions:\n  kibana.version: "not a range"',
          },
        },
      ],
    },
  });
  await origin.commit('snapshot', {
    files: {
      'packages/nginx/7.17-dev1/manifest.yml': manifestYaml({ name: 'nginx', version: '7.17-dev1' }).text,
      'packages/nginx/7.17-dev1/docs/README.md': '# nginx\n',
      'packages/nginx-1.0.0/manifest.yml': manifestYaml({ name: 'nginx', version: '1.0.0' }).text,
    },
    message: '[snapshot] old-style directories',
  });
  clone = await tempDir('index-clone');
  await git(['clone', '--quiet', origin.bare, clone]);
});
afterAll(cleanupTempDirs);

describe('package-storage index', () => {
  it('lists the newest version per name from the most stable copy, with its content identity', async () => {
    const listing = await json('--channel', 'snapshot');
    expect(listing.channel).toBe('snapshot');
    expect(rows(listing)).toEqual([
      'apm@8.2.0-beta1 staging',
      'aws@2.0.0 production',
      'kafka@8.3.0-dev1 snapshot',
      'nginx@1.6.0 production',
      'old_pkg@1.0.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'system@1.19.5 production',
    ]);
    // The content identity of the production copy, computed from git's own listing of that tree.
    const listed = (
      await gitBuffer(['--git-dir', origin.bare, 'ls-tree', '-r', '-z', 'production:packages/system/1.19.5'])
    )
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((l) => ({ path: l.slice(l.indexOf('\t') + 1), blob: l.split(' ')[2]!.split('\t')[0]! }));
    const system = listing.packages.find((p) => p.name === 'system')!;
    expect(system).toEqual({
      name: 'system',
      version: '1.19.5',
      channel: 'production',
      content: contentIdentity(listed),
      kibana: '>=7.10.0', // the nested spelling
      release: 'ga',
    });
    expect(listing.packages.find((p) => p.name === 'aws')!.kibana).toBe('^7.14.1 || ^8.0.0');
    expect(listing.packages.find((p) => p.name === 'old_pkg')!.kibana).toBeNull();
    for (const p of listing.packages) expect(p.content).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('says which directories are not served and why', async () => {
    const listing = await json('--channel', 'snapshot');
    expect(
      listing.skipped.map((s) => `${s.channel} ${s.name}/${s.version}: ${s.reason.split(':')[0]}`),
    ).toEqual([
      'snapshot apm/8.1.0: shadowed by the production copy (the registry serves the first copy it finds)',
      'snapshot broken/1.0.0: the registry refuses it',
      'snapshot nginx/7.17-dev1: the version directory is not strict semver',
      'snapshot nginx-1.0.0/: legacy flat directory (<name>-<version>)',
      'staging system/1.19.5: shadowed by the production copy (the registry serves the first copy it finds)',
    ]);
    expect(listing.skipped.find((s) => s.name === 'broken')!.reason).toMatch(/not a valid version range/);
  });

  it('filters by Kibana version like the registry search', async () => {
    expect(rows(await json('--channel', 'snapshot', '--kibana', '7.17.0'))).toEqual([
      'aws@2.0.0 production',
      'nginx@1.5.0 production',
      'old_pkg@1.0.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'system@1.19.5 production',
    ]);
    expect(rows(await json('--channel', 'snapshot', '--kibana', '8.3.0'))).toEqual([
      'aws@2.0.0 production',
      'kafka@8.3.0-dev1 snapshot',
      'nginx@1.6.0 production',
      'old_pkg@1.0.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'system@1.19.5 production',
    ]);
    expect(rows(await json('--channel', 'snapshot', '--kibana', '8.4.0-SNAPSHOT'))).toEqual([
      'kafka@8.3.0-dev1 snapshot',
      'old_pkg@1.0.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
    ]);
  });

  it('--all, --stable-only and other channels', async () => {
    expect(rows(await json('--channel', 'production', '--all', '--kibana', '8.5.0'))).toEqual([
      'apm@8.1.0 production',
      'aws@2.0.0 production',
      'nginx@1.5.0 production',
      'nginx@1.6.0 production',
      'old_pkg@1.0.0 production',
      'system@1.19.5 production',
    ]);
    expect(rows(await json('--channel', 'snapshot', '--stable-only'))).toEqual([
      'apm@8.1.0 production',
      'aws@2.0.0 production',
      'nginx@1.6.0 production',
      'old_pkg@1.0.0 production',
      'system@1.19.5 production',
    ]);
    expect(rows(await json('--channel', 'staging'))).toEqual([
      'apm@8.2.0-beta1 staging',
      'aws@2.0.0 production',
      'nginx@1.6.0 production',
      'old_pkg@1.0.0 production',
      'staging@0.0.1 staging',
      'system@1.19.5 production',
    ]);
  });

  it('prints a table, and a count and the skipped directories on stderr', async () => {
    const r = await cli('--channel', 'staging', '--kibana', '7.17.0');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^name +version +from +release +kibana$/);
    expect(r.out.slice(1).map((l) => l.split(/ +/).slice(0, 3).join(' '))).toEqual([
      'aws 2.0.0 production',
      'nginx 1.5.0 production',
      'old_pkg 1.0.0 production',
      'staging 0.0.1 staging',
      'system 1.19.5 production',
    ]);
    expect(r.out.find((l) => l.startsWith('old_pkg'))).toMatch(/ ga +\*$/);
    expect(r.err[0]).toMatch(
      /^5 package versions served by staging \(production [0-9a-f]{12}, staging [0-9a-f]{12}\); 1 directories not served:$/,
    );
  });

  it('refuses an unknown channel and an invalid Kibana version with one line and exit 2', async () => {
    const unknown = await cli('--channel', 'prod');
    expect(unknown).toMatchObject({ code: 2, out: [] });
    expect(unknown.err).toEqual([
      'package-storage index: unknown channel "prod" (channels: production, staging, snapshot)',
    ]);
    const bad = await cli('--channel', 'snapshot', '--kibana', '8.x');
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([
      'package-storage index: --kibana "8.x" is not a Kibana version: give X.Y.Z, e.g. 8.4.0 or 8.4.0-SNAPSHOT',
    ]);
  });
});
