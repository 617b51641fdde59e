// What counts as exactly a promotion or a cleanup (the helper validate can use to say so in its summary).
import { describe, expect, it } from 'vitest';
import { holdingsOf, type VersionChange } from '../../src/core/change.js';
import { exactChange } from '../../src/core/exact-change.js';
import { channelByName, defaultPolicy } from '../../src/core/policy.js';

const policy = defaultPolicy();
const staging = channelByName(policy, 'staging')!;
const holdings = new Map([
  [
    'snapshot',
    holdingsOf([
      { name: 'nginx', version: '1.6.0', tree: 't-nginx' },
      { name: 'apm', version: '8.0.0', tree: 't-apm' },
    ]),
  ],
  ['production', holdingsOf([{ name: 'aws', version: '1.0.0', tree: 't-aws' }])],
]);
const added = (name: string, version: string, after: string): VersionChange => ({
  name,
  version,
  kind: 'added',
  after,
});
const removed = (name: string, version: string, before: string): VersionChange => ({
  name,
  version,
  kind: 'removed',
  before,
});
const base = { policy, channel: staging, holdings, pathsOutsideVersions: 0 };

describe('exactChange', () => {
  it.each([
    [
      'a promotion of the source trees on promote/snapshot-to-staging',
      'promote/snapshot-to-staging',
      [added('nginx', '1.6.0', 't-nginx'), added('apm', '8.0.0', 't-apm')],
      { kind: 'promotion', from: 'snapshot', to: 'staging' },
    ],
    [
      'a cleanup of versions production holds identically',
      'cleanup/staging',
      [removed('aws', '1.0.0', 't-aws')],
      { kind: 'cleanup', channel: 'staging' },
    ],
    [
      'an added version whose tree differs from the source',
      'promote/snapshot-to-staging',
      [added('nginx', '1.6.0', 't-other')],
      undefined,
    ],
    [
      'a removal on the promotion branch',
      'promote/snapshot-to-staging',
      [added('nginx', '1.6.0', 't-nginx'), removed('aws', '1.0.0', 't-aws')],
      undefined,
    ],
    [
      'a cleanup removing what no more stable channel holds',
      'cleanup/staging',
      [removed('nginx', '1.6.0', 't-nginx')],
      undefined,
    ],
    ['the right content on another branch', 'my-branch', [added('nginx', '1.6.0', 't-nginx')], undefined],
    ['nothing at all', 'promote/snapshot-to-staging', [], undefined],
  ] as const)('%s', (_, headBranch, changes, expected) => {
    expect(exactChange({ ...base, headBranch, changes: [...changes] })).toEqual(expected);
  });

  it('is not exact when anything outside the version directories changes', () => {
    expect(
      exactChange({
        ...base,
        headBranch: 'promote/snapshot-to-staging',
        changes: [added('nginx', '1.6.0', 't-nginx')],
        pathsOutsideVersions: 1,
      }),
    ).toBeUndefined();
  });

  it('uses the given content identity', () => {
    const same = (a: string, b: string) => a.replace('-mode', '') === b.replace('-mode', '');
    expect(
      exactChange({
        ...base,
        headBranch: 'promote/snapshot-to-staging',
        changes: [added('nginx', '1.6.0', 't-nginx-mode')],
        same,
      }),
    ).toEqual({ kind: 'promotion', from: 'snapshot', to: 'staging' });
  });
});
