// Promotion and cleanup planning (src/core/promotion.ts) as tables: what the source and target hold, what is asked,
// and which versions move, which are already there, and which are refused with what message.
import { describe, expect, it } from 'vitest';
import { holdingsOf, type Holdings } from '../../src/core/change.js';
import type { ContentIdentities } from '../../src/core/identity.js';
import { channelByName, defaultPolicy } from '../../src/core/policy.js';
import {
  cleanupBody,
  cleanupTitle,
  planCleanup,
  planPromotion,
  promotionBody,
  promotionEdge,
  promotionTitle,
} from '../../src/core/promotion.js';
import { parseSpecs, selectVersions } from '../../src/core/selection.js';

const policy = defaultPolicy();

/** `name@version=tree` entries; the tree id defaults to `t-name-version`. */
function holding(...entries: string[]): Holdings {
  return holdingsOf(
    entries.map((e) => {
      const [spec, tree] = e.split('=');
      const at = spec!.lastIndexOf('@');
      const name = spec!.slice(0, at);
      const version = spec!.slice(at + 1);
      return { name, version, tree: tree ?? `t-${name}-${version}` };
    }),
  );
}

const ids = (v: { name: string; version: string }[]): string[] => v.map((x) => `${x.name}@${x.version}`);

interface PromotionRow {
  what: string;
  specs: string[];
  source: Holdings;
  target?: Holdings;
  identities?: ContentIdentities;
  versions?: string[];
  already?: string[];
  /** One message fragment per refusal, in order. */
  refused?: string[];
}

const modesOnlyIdentities: ContentIdentities = new Map([
  ['t-exec', 'sha256:same-bytes'],
  ['t-plain', 'sha256:same-bytes'],
]);

const promotions: PromotionRow[] = [
  {
    what: 'an exact version',
    specs: ['nginx@1.6.0'],
    source: holding('nginx@1.5.0', 'nginx@1.6.0'),
    versions: ['nginx@1.6.0'],
  },
  {
    what: 'a bare name is its latest version by semver precedence, not by spelling (1.10.0 > 1.9.0)',
    specs: ['nginx'],
    source: holding('nginx@1.9.0', 'nginx@1.10.0'),
    versions: ['nginx@1.10.0'],
  },
  {
    what: 'latest ranks a release above its prerelease; a prerelease can be named exactly',
    specs: ['apm@latest', 'endpoint@8.1.0-rc1'],
    source: holding('apm@8.0.0-rc1', 'apm@8.0.0', 'endpoint@8.1.0-rc1'),
    versions: ['apm@8.0.0', 'endpoint@8.1.0-rc1'],
  },
  {
    what: 'a glob takes the latest of every matching name and never a marker',
    specs: ['*@latest'],
    source: holding('aws_ec2@1.0.0', 'aws_ec2@1.1.0', 'aws_s3@2.0.0', 'snapshot@0.0.1'),
    versions: ['aws_ec2@1.1.0', 'aws_s3@2.0.0'],
  },
  {
    what: '* takes every semver version; legacy directories (7.17-dev1) are no version to promote',
    specs: ['system@*'],
    source: holding('system@1.0.0', 'system@1.1.0', 'system@7.17-dev1'),
    versions: ['system@1.0.0', 'system@1.1.0'],
  },
  {
    what: 'two specs choosing the same version promote it once',
    specs: ['nginx@1.6.0', 'nginx@latest', 'ngi*'],
    source: holding('nginx@1.6.0'),
    versions: ['nginx@1.6.0'],
  },
  {
    what: 'a version whose identical tree is in the target is already promoted, not copied again',
    specs: ['nginx@1.6.0', 'apm@8.0.0'],
    source: holding('nginx@1.6.0', 'apm@8.0.0'),
    target: holding('nginx@1.6.0'),
    versions: ['apm@8.0.0'],
    already: ['nginx@1.6.0'],
  },
  {
    what: 'a copy that differs only in file modes is the same content: already promoted',
    specs: ['nginx@1.6.0'],
    source: holding('nginx@1.6.0=t-exec'),
    target: holding('nginx@1.6.0=t-plain'),
    identities: modesOnlyIdentities,
    already: ['nginx@1.6.0'],
  },
  {
    what: 'the same tree ids without identities (identity: tree) still count as identical',
    specs: ['nginx@1.6.0'],
    source: holding('nginx@1.6.0=t-exec'),
    target: holding('nginx@1.6.0=t-plain'),
    refused: ['nginx@1.6.0 is already in staging with different content (tree t-plain, snapshot has t-exec)'],
  },
  {
    what: 'other content under the same version in the target is refused: it would overwrite',
    specs: ['nginx@1.6.0', 'apm@8.0.0'],
    source: holding('nginx@1.6.0=t-new', 'apm@8.0.0'),
    target: holding('nginx@1.6.0=t-old'),
    versions: ['apm@8.0.0'],
    refused: ['nginx@1.6.0 is already in staging with different content', 'release a new version instead'],
  },
  {
    what: 'a marker named exactly is refused with what a marker is',
    specs: ['snapshot@0.0.1'],
    source: holding('snapshot@0.0.1'),
    refused: ['snapshot@0.0.1 is the marker package of snapshot', 'never promoted'],
  },
  {
    what: 'a name the source lacks, a version it lacks (naming what it has), a glob matching nothing',
    specs: ['kafka', 'nginx@2.0.0', 'zz_*'],
    source: holding('nginx@1.5.0', 'nginx@1.6.0'),
    refused: [
      'package kafka is not in the source channel',
      'nginx@2.0.0 is not in the source channel (it has 1.5.0, 1.6.0)',
      'no package name matches zz_*',
    ],
  },
];

describe('planPromotion (snapshot -> staging)', () => {
  it.each(promotions)('$what', (row) => {
    const source = row.source;
    const available = new Map([...source].map(([name, versions]) => [name, [...versions.keys()]]));
    const selection = selectVersions(parseSpecs(row.specs), available, ['snapshot', 'staging']);
    const plan = planPromotion(
      policy,
      'snapshot',
      'staging',
      selection,
      source,
      row.target ?? new Map(),
      row.identities,
    );
    expect(ids(plan.versions)).toEqual(row.versions ?? []);
    expect(ids(plan.alreadyPromoted)).toEqual(row.already ?? []);
    // Messages in order; a refusal may carry two fragments of the row when its message says both.
    const messages = plan.refusals.map((r) => r.message);
    for (const fragment of row.refused ?? [])
      expect(
        messages.some((m) => m.includes(fragment)),
        `${fragment} in ${JSON.stringify(messages)}`,
      ).toBe(true);
    if (!row.refused) expect(messages).toEqual([]);
    // Every moved version carries the source's tree id: promotion copies trees, it never rebuilds them.
    for (const v of plan.versions) expect(v.tree).toBe(source.get(v.name)!.get(v.version));
    expect(plan.branch).toBe('promote/snapshot-to-staging');
  });
});

describe('promotionEdge', () => {
  it.each([
    [
      'snapshot',
      'production',
      'snapshot -> production is not an allowed promotion (allowed: snapshot -> staging, staging -> production)',
    ],
    ['staging', 'snapshot', 'staging -> snapshot is not an allowed promotion'],
    ['nightly', 'staging', 'unknown channel "nightly" (channels: production, staging, snapshot)'],
  ])('%s -> %s is a usage error', (from, to, message) => {
    expect(() => promotionEdge(policy, from, to)).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => promotionEdge(policy, from, to)).toThrow(message);
  });
});

interface CleanupRow {
  what: string;
  channel: string;
  own: Holdings;
  others: Record<string, Holdings>;
  identities?: ContentIdentities;
  /** `name@version>channel it stays served from`. */
  removed: string[];
}

const cleanups: CleanupRow[] = [
  {
    what: 'a version identical in the next channel goes; one that is not promoted stays',
    channel: 'snapshot',
    own: holding('nginx@1.6.0', 'nginx@1.7.0'),
    others: { staging: holding('nginx@1.6.0') },
    removed: ['nginx@1.6.0>staging'],
  },
  {
    what: 'identical in production only (staging already cleaned): it goes, served from production',
    channel: 'snapshot',
    own: holding('apm@8.0.0'),
    others: { staging: holding(), production: holding('apm@8.0.0') },
    removed: ['apm@8.0.0>production'],
  },
  {
    what: 'held by both more stable channels: named after the nearest',
    channel: 'snapshot',
    own: holding('apm@8.0.0'),
    others: { staging: holding('apm@8.0.0'), production: holding('apm@8.0.0') },
    removed: ['apm@8.0.0>staging'],
  },
  {
    what: 'other content under the same version in a more stable channel stays (removing it would change nothing served, but nothing proves it promoted)',
    channel: 'snapshot',
    own: holding('nginx@1.6.0=t-snapshot'),
    others: { staging: holding('nginx@1.6.0=t-staging') },
    removed: [],
  },
  {
    what: 'a copy that differs only in file modes is promoted: it goes',
    channel: 'staging',
    own: holding('nginx@1.6.0=t-exec'),
    others: { production: holding('nginx@1.6.0=t-plain') },
    identities: modesOnlyIdentities,
    removed: ['nginx@1.6.0>production'],
  },
  {
    what: 'markers stay on their channel even when a more stable channel holds the same tree',
    channel: 'snapshot',
    own: holding('snapshot@0.0.1', 'nginx@1.6.0'),
    others: { staging: holding('snapshot@0.0.1', 'nginx@1.6.0') },
    removed: ['nginx@1.6.0>staging'],
  },
  {
    what: 'production has nothing more stable: nothing is ever cleaned from it',
    channel: 'production',
    own: holding('nginx@1.6.0'),
    others: { staging: holding('nginx@1.6.0'), snapshot: holding('nginx@1.6.0') },
    removed: [],
  },
  {
    what: 'removals are listed by name, then version, whatever the order the tree gave',
    channel: 'snapshot',
    own: holding('zeek@1.0.0', 'apm@8.0.0', 'apm@7.17.0'),
    others: { staging: holding('zeek@1.0.0', 'apm@8.0.0', 'apm@7.17.0') },
    removed: ['apm@7.17.0>staging', 'apm@8.0.0>staging', 'zeek@1.0.0>staging'],
  },
];

describe('planCleanup', () => {
  it.each(cleanups)('$what', (row) => {
    const channel = channelByName(policy, row.channel)!;
    const plan = planCleanup(policy, channel, row.own, new Map(Object.entries(row.others)), row.identities);
    expect(plan.versions.map((v) => `${v.name}@${v.version}>${v.promotedTo}`)).toEqual(row.removed);
    expect(plan.branch).toBe(`cleanup/${row.channel}`);
  });
});

describe('the texts that go with a plan', () => {
  const staging = channelByName(policy, 'staging')!;
  const snapshot = channelByName(policy, 'snapshot')!;

  it('titles carry the target branch prefix and fall back to a count when the list is too long', () => {
    const few = [{ name: 'nginx', version: '1.6.0', tree: 't' }];
    expect(promotionTitle({ from: snapshot, to: staging, versions: few })).toBe(
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
    );
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `package_${i}`,
      version: '1.0.0',
      tree: 't',
    }));
    expect(promotionTitle({ from: snapshot, to: staging, versions: many })).toBe(
      '[staging] Promote 40 packages from snapshot',
    );
    expect(
      cleanupTitle({ channel: snapshot, versions: many.map((v) => ({ ...v, promotedTo: 'staging' })) }),
    ).toBe('[snapshot] Remove 40 promoted packages');
  });

  it('bodies escape | in Kibana ranges so the table keeps its columns, and carry a machine-readable marker', () => {
    const plan = planPromotion(
      policy,
      'snapshot',
      'staging',
      { selected: [{ name: 'nginx', version: '1.6.0', specs: ['nginx'] }], problems: [] },
      holding('nginx@1.6.0'),
      new Map(),
    );
    plan.versions[0]!.kibana = '^7.16.0 || ^8.0.0';
    const body = promotionBody(plan);
    const row = body.split('\n').find((l) => l.startsWith('| nginx'))!;
    expect(row).toBe('| nginx | 1.6.0 | `t-nginx-1.6.0` | `^7.16.0 \\|\\| ^8.0.0` |');
    // Four cells: the escaped pipes are not cell boundaries.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
    expect(body).toContain(
      '<!-- package-storage:promote {"from":"snapshot","to":"staging","packages":[{"name":"nginx","version":"1.6.0","tree":"t-nginx-1.6.0"}]} -->',
    );
    const cleanup = planCleanup(
      policy,
      snapshot,
      holding('nginx@1.6.0'),
      new Map([['staging', holding('nginx@1.6.0')]]),
    );
    expect(cleanupBody(cleanup)).toContain('| nginx | 1.6.0 | `t-nginx-1.6.0` | staging |');
  });
});
