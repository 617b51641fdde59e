// The served index against hand-computed answers: precedence (first found wins, most stable channel first), the
// registry's search filters on realistic Kibana ranges, prerelease Kibana versions, and directories the registry
// does not serve.
import fc from 'fast-check';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import type { ManifestFields } from '../../src/core/manifest.js';
import { channelByName, defaultPolicy } from '../../src/core/policy.js';
import {
  kibanaMatches,
  parseKibanaVersion,
  servedIndex,
  type IndexCandidate,
  type IndexOptions,
} from '../../src/core/served-index.js';

const policy = defaultPolicy();
const channel = (name: string) => channelByName(policy, name)!;

let treeCounter = 0;
function v(
  ch: string,
  name: string,
  version: string,
  fields: Partial<ManifestFields> = {},
  tree?: string,
): IndexCandidate {
  return {
    channel: ch,
    name,
    version,
    tree: tree ?? `tree-${ch}-${name}-${version}-${treeCounter++}`,
    manifest: { fields: { name, version, ...fields } },
  };
}

// Shaped like the real branches: ranges and spellings as they occur, duplicates across channels, markers,
// backports, prereleases, legacy and invalid directories.
const candidates: IndexCandidate[] = [
  v('production', 'nginx', '1.5.0', { kibanaRange: '^7.16.0 || ^8.0.0' }),
  v('production', 'nginx', '1.6.0', { kibanaRange: '^8.0.0' }),
  v('production', 'system', '1.19.5', { kibanaRange: '>=7.10.0' }, 'tree-system-prod'),
  v('production', 'aws', '2.0.0', { kibanaRange: '^7.14.1 || ^8.0.0' }),
  v('production', 'aws', '1.9.3', { kibanaRange: '^7.14.1' }), // a backport below the newest
  v('production', 'apm', '8.1.0', { kibanaRange: '^8.4.0' }, 'tree-apm-prod'),
  v('production', 'synthetics', '0.10.3', {}, 'tree-synth-prod'),
  v('production', 'legacy_pkg', '1.0.0', {}), // requirement.kibana.versions only: no effective condition
  v('staging', 'system', '1.19.5', { kibanaRange: '>=7.10.0' }, 'tree-system-staging'),
  v('staging', 'apm', '8.2.0-beta1', { kibanaRange: '^8.4.0', release: 'beta' }),
  v('staging', 'staging', '0.0.1', {}),
  v('snapshot', 'apm', '8.1.0', { kibanaRange: '^8.4.0' }, 'tree-apm-snap'),
  v('snapshot', 'synthetics', '0.10.3', {}, 'tree-synth-snap'),
  v('snapshot', 'kafka', '8.3.0-dev1', { kibanaRange: '>=8.0.0-0', release: 'experimental' }),
  v('snapshot', 'snapshot', '0.0.1', {}),
  v('snapshot', 'nginx', '7.17-dev1', {}),
  v('snapshot', 'nginx-1.0.0', '', {}),
  v('snapshot', 'Bad_Name', '1.0.0', {}),
  {
    channel: 'snapshot',
    name: 'broken',
    version: '1.0.0',
    tree: 'tree-broken',
    manifest: { problem: '`title` is missing or empty' },
  },
];

const listed = (ch: string, o: IndexOptions = {}): string[] =>
  servedIndex(policy, channel(ch), candidates, o).packages.map((p) => `${p.name}@${p.version} ${p.channel}`);

describe('servedIndex: precedence', () => {
  it('snapshot serves the newest version per name, the most stable copy of each', () => {
    expect(listed('snapshot')).toEqual([
      'apm@8.2.0-beta1 staging',
      'aws@2.0.0 production',
      'kafka@8.3.0-dev1 snapshot',
      'legacy_pkg@1.0.0 production',
      'nginx@1.6.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'synthetics@0.10.3 production',
      'system@1.19.5 production',
    ]);
  });

  it('--all lists every served version; a duplicate is served from the most stable channel, with its tree', () => {
    const index = servedIndex(policy, channel('snapshot'), candidates, { all: true });
    expect(index.packages.map((p) => `${p.name}@${p.version} ${p.channel}`)).toEqual([
      'apm@8.1.0 production',
      'apm@8.2.0-beta1 staging',
      'aws@1.9.3 production',
      'aws@2.0.0 production',
      'kafka@8.3.0-dev1 snapshot',
      'legacy_pkg@1.0.0 production',
      'nginx@1.5.0 production',
      'nginx@1.6.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'synthetics@0.10.3 production',
      'system@1.19.5 production',
    ]);
    const apm = index.packages.find((p) => p.name === 'apm' && p.version === '8.1.0')!;
    expect(apm.tree).toBe('tree-apm-prod');
    expect(index.packages.find((p) => p.name === 'system')!.tree).toBe('tree-system-prod');
  });

  it('says why every other directory is not served', () => {
    const index = servedIndex(policy, channel('snapshot'), candidates, { all: true });
    expect(index.skipped.map((s) => [`${s.name}@${s.version} ${s.channel}`, s.reason.split(':')[0]])).toEqual(
      [
        ['Bad_Name@1.0.0 snapshot', 'not in the image'],
        [
          'apm@8.1.0 snapshot',
          'shadowed by the production copy (the registry serves the first copy it finds)',
        ],
        ['broken@1.0.0 snapshot', 'the registry refuses it'],
        ['nginx@7.17-dev1 snapshot', 'the version directory is not strict semver'],
        ['nginx-1.0.0@ snapshot', 'legacy flat directory (<name>-<version>)'],
        [
          'synthetics@0.10.3 snapshot',
          'shadowed by the production copy (the registry serves the first copy it finds)',
        ],
        [
          'system@1.19.5 staging',
          'shadowed by the production copy (the registry serves the first copy it finds)',
        ],
      ],
    );
  });

  it('staging serves production and staging only; production serves production only', () => {
    expect(listed('staging')).toEqual([
      'apm@8.2.0-beta1 staging',
      'aws@2.0.0 production',
      'legacy_pkg@1.0.0 production',
      'nginx@1.6.0 production',
      'staging@0.0.1 staging',
      'synthetics@0.10.3 production',
      'system@1.19.5 production',
    ]);
    expect(listed('production')).toEqual([
      'apm@8.1.0 production',
      'aws@2.0.0 production',
      'legacy_pkg@1.0.0 production',
      'nginx@1.6.0 production',
      'synthetics@0.10.3 production',
      'system@1.19.5 production',
    ]);
    expect(servedIndex(policy, channel('production'), candidates).skipped).toEqual([]);
  });

  it('the result does not depend on the order the candidates come in', () => {
    const reversed = [...candidates].reverse();
    expect(servedIndex(policy, channel('snapshot'), reversed, { all: true })).toEqual(
      servedIndex(policy, channel('snapshot'), candidates, { all: true }),
    );
  });
});

describe('servedIndex: the registry search filters', () => {
  it('--kibana 7.17.0: the 7.x alternatives of || ranges and >= ranges match; the newest match wins per name', () => {
    expect(listed('snapshot', { kibana: '7.17.0' })).toEqual([
      'aws@2.0.0 production', // ^7.14.1 || ^8.0.0
      'legacy_pkg@1.0.0 production', // no condition
      'nginx@1.5.0 production', // ^7.16.0 || ^8.0.0 (1.6.0 is ^8.0.0)
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'synthetics@0.10.3 production',
      'system@1.19.5 production', // >=7.10.0
    ]);
  });

  it('--kibana 8.3.0 excludes the bare ^8.4.0 packages; 8.4.0 includes them', () => {
    expect(listed('snapshot', { kibana: '8.3.0' }).filter((l) => /^(apm|nginx|kafka)@/.test(l))).toEqual([
      'kafka@8.3.0-dev1 snapshot',
      'nginx@1.6.0 production',
    ]);
    expect(listed('snapshot', { kibana: '8.4.0' }).filter((l) => /^(apm|nginx|kafka)@/.test(l))).toEqual([
      'apm@8.2.0-beta1 staging',
      'kafka@8.3.0-dev1 snapshot',
      'nginx@1.6.0 production',
    ]);
    expect(listed('snapshot', { kibana: '7.13.0' })).not.toContain('aws@2.0.0 production');
    expect(listed('snapshot', { kibana: '7.13.0', all: true })).toContain('system@1.19.5 production');
  });

  it('a prerelease Kibana matches only packages without a condition, or ranges that have a prerelease', () => {
    expect(listed('snapshot', { kibana: '8.4.0-SNAPSHOT' })).toEqual([
      'kafka@8.3.0-dev1 snapshot', // >=8.0.0-0: Masterminds compares prereleases when the comparator has one
      'legacy_pkg@1.0.0 production',
      'snapshot@0.0.1 snapshot',
      'staging@0.0.1 staging',
      'synthetics@0.10.3 production',
    ]);
  });

  it('stable only hides experimental, major-0 and prerelease versions, and the newest stable version is shown', () => {
    expect(listed('snapshot', { stableOnly: true })).toEqual([
      'apm@8.1.0 production',
      'aws@2.0.0 production',
      'legacy_pkg@1.0.0 production',
      'nginx@1.6.0 production',
      'system@1.19.5 production',
    ]);
  });

  it('reports the range and the release level as the registry reads them', () => {
    const index = servedIndex(policy, channel('snapshot'), candidates, { all: true });
    const get = (n: string, ver: string) => index.packages.find((p) => p.name === n && p.version === ver)!;
    expect(get('nginx', '1.5.0')).toMatchObject({ kibana: '^7.16.0 || ^8.0.0', release: 'ga' });
    expect(get('synthetics', '0.10.3')).toMatchObject({ kibana: null, release: 'beta' });
    expect(get('kafka', '8.3.0-dev1')).toMatchObject({ release: 'experimental' });
    expect(get('apm', '8.2.0-beta1')).toMatchObject({ release: 'beta' });
  });
});

describe('kibanaMatches (Masterminds semantics)', () => {
  it.each([
    ['^7.16.0 || ^8.0.0', '7.16.0', true],
    ['^7.16.0 || ^8.0.0', '7.15.2', false],
    ['^7.16.0 || ^8.0.0', '8.11.3', true],
    ['^7.16.0 || ^8.0.0', '9.0.0', false],
    ['>=7.10.0', '9.1.0', true],
    ['>=7.10.0', '7.9.3', false],
    ['^7.14.1 || ^8.0.0', '7.14.0', false],
    ['^8.4.0', '8.4.0', true],
    ['^8.4.0', '8.3.9', false],
    ['^8.4.0', '8.4.0-SNAPSHOT', false],
    ['^8.0.0', '8.5.0-rc1', false],
    ['>=8.0.0-0', '8.5.0-rc1', true], // node-semver says false (no prerelease on 8.5.0 in the range)
    ['>=7.10.0, <8.0.0', '7.17.9', true], // comma = AND
    ['>=7.10.0, <8.0.0', '8.0.0', false],
    ['*', '8.0.0', true],
    ['*', '8.0.0-SNAPSHOT', false],
  ])('%s with %s: %s', (range, version, expected) => {
    expect(kibanaMatches(range, version)).toBe(expected);
  });

  it('agrees with node-semver for every release (non-prerelease) Kibana version', () => {
    const ranges = [
      '^7.16.0 || ^8.0.0',
      '>=7.10.0',
      '^7.14.1 || ^8.0.0',
      '^8.4.0',
      '~7.17.0',
      '>=7.10.0 <8.0.0',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...ranges),
        fc.nat(10),
        fc.nat(20),
        fc.nat(12),
        (range, major, minor, patch) => {
          const version = `${major}.${minor}.${patch}`;
          expect(kibanaMatches(range, version)).toBe(semver.satisfies(version, range));
        },
      ),
    );
  });

  it('parseKibanaVersion takes what the registry search takes', () => {
    expect(parseKibanaVersion('8.4.0')).toBe('8.4.0');
    expect(parseKibanaVersion('v8.4.0')).toBe('8.4.0');
    expect(parseKibanaVersion('8.4.0-SNAPSHOT')).toBe('8.4.0-SNAPSHOT');
    expect(parseKibanaVersion('8.4')).toBeUndefined();
    expect(parseKibanaVersion('latest')).toBeUndefined();
  });
});
