// Table-driven tests of the pure policy core: (policy, holdings, change) -> findings.
import { describe, expect, it } from 'vitest';
import { holdingsOf, type ChangedPath, type Holdings, type VersionContent } from '../../src/core/change.js';
import { parsePolicy } from '../../src/core/config.js';
import type { Finding } from '../../src/core/finding.js';
import { channelByName, defaultPolicy, type Policy } from '../../src/core/policy.js';
import { validateChange, type ValidationInput } from '../../src/core/validate.js';

type State = Record<string, string>; // "name@version" -> tree

function holdings(state: State): Holdings {
  return holdingsOf(
    Object.entries(state).map(([key, tree]) => {
      const [name, version] = key.split('@') as [string, string];
      return { name, version, tree };
    }),
  );
}

const manifestFor = (name: string, version: string): string =>
  `format_version: 1.0.0\nname: ${name}\ntitle: T\nversion: ${version}\ndescription: D\n`;

interface Case {
  channel: string;
  channels?: Record<string, State>;
  before?: State;
  after: State;
  extraPaths?: ChangedPath[];
  title?: string;
  headBranch?: string;
  exception?: boolean;
  policy?: Policy;
}

function run(c: Case): Finding[] {
  const policy = c.policy ?? defaultPolicy();
  const channel = channelByName(policy, c.channel)!;
  const before = c.before ?? c.channels?.[c.channel] ?? {};
  const all = new Map<string, Holdings>();
  for (const ch of policy.channels)
    all.set(ch.name, holdings(ch.name === c.channel ? before : (c.channels?.[ch.name] ?? {})));
  const paths: ChangedPath[] = [...(c.extraPaths ?? [])];
  const content = new Map<string, VersionContent>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(c.after)])) {
    const [name, version] = key.split('@') as [string, string];
    if (before[key] === c.after[key]) continue;
    const path = `packages/${name}/${version}/manifest.yml`;
    paths.push({
      path,
      status: before[key] === undefined ? 'added' : c.after[key] === undefined ? 'deleted' : 'modified',
      oldMode: '100644',
      newMode: '100644',
      oldBlob: 'a',
      newBlob: 'b',
    });
    if (c.after[key] !== undefined)
      content.set(key, {
        files: [
          { path: 'manifest.yml', mode: '100644', blob: 'b' },
          { path: 'docs/README.md', mode: '100644', blob: 'c' },
        ],
        truncated: false,
        manifest: { size: 10, text: manifestFor(name, version) },
      });
  }
  const input: ValidationInput = {
    policy,
    channel,
    exceptionApproved: c.exception ?? false,
    paths,
    holdings: all,
    after: holdings(c.after),
    content,
    ...(c.title !== undefined ? { title: c.title } : {}),
    ...(c.headBranch !== undefined ? { headBranch: c.headBranch } : {}),
  };
  return validateChange(input).findings;
}

const summary = (findings: Finding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.package ?? ''}@${f.version ?? ''}`);

describe('channel rules', () => {
  it.each<[string, Case, string[]]>([
    // snapshot: anything goes, except shadowing a more stable copy.
    ['snapshot add', { channel: 'snapshot', after: { 'nginx@1.0.0': 't1' } }, []],
    [
      'snapshot overwrite',
      { channel: 'snapshot', before: { 'nginx@1.0.0': 't1' }, after: { 'nginx@1.0.0': 't2' } },
      [],
    ],
    ['snapshot removal', { channel: 'snapshot', before: { 'nginx@1.0.0': 't1' }, after: {} }, []],
    [
      'snapshot add shadowed by production',
      {
        channel: 'snapshot',
        channels: { production: { 'nginx@1.0.0': 'tp' } },
        after: { 'nginx@1.0.0': 't1' },
      },
      ['error shadowed nginx@1.0.0'],
    ],
    [
      'snapshot add identical to production is not shadowed',
      {
        channel: 'snapshot',
        channels: { production: { 'nginx@1.0.0': 't1' } },
        after: { 'nginx@1.0.0': 't1' },
      },
      [],
    ],
    [
      'cleanup removal before the promotion landed',
      { channel: 'snapshot', before: { 'nginx@1.0.0': 't1' }, after: {}, headBranch: 'cleanup/snapshot' },
      ['error removal nginx@1.0.0'],
    ],
    [
      'cleanup removal after the promotion landed',
      {
        channel: 'snapshot',
        channels: { staging: { 'nginx@1.0.0': 't1' } },
        before: { 'nginx@1.0.0': 't1' },
        after: {},
        headBranch: 'cleanup/snapshot',
      },
      ['notice removal nginx@1.0.0'],
    ],
    // staging: by promotion from snapshot only; overwrite and removal by exception.
    [
      'staging promotion',
      { channel: 'staging', channels: { snapshot: { 'nginx@1.0.0': 't1' } }, after: { 'nginx@1.0.0': 't1' } },
      [],
    ],
    [
      'staging direct add',
      { channel: 'staging', after: { 'nginx@1.0.0': 't1' } },
      ['error not-promoted nginx@1.0.0'],
    ],
    [
      'staging add differing from snapshot',
      { channel: 'staging', channels: { snapshot: { 'nginx@1.0.0': 't0' } }, after: { 'nginx@1.0.0': 't1' } },
      ['error not-promoted nginx@1.0.0'],
    ],
    [
      'staging overwrite without exception',
      {
        channel: 'staging',
        channels: { snapshot: { 'nginx@1.0.0': 't2' } },
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't2' },
      },
      ['error overwrite nginx@1.0.0'],
    ],
    [
      'staging overwrite with exception',
      {
        channel: 'staging',
        channels: { snapshot: { 'nginx@1.0.0': 't2' } },
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't2' },
        exception: true,
      },
      ['notice overwrite nginx@1.0.0'],
    ],
    [
      'staging removal without exception',
      { channel: 'staging', before: { 'nginx@1.0.0': 't1' }, after: {} },
      ['error removal nginx@1.0.0'],
    ],
    [
      'staging removal with exception',
      { channel: 'staging', before: { 'nginx@1.0.0': 't1' }, after: {}, exception: true },
      ['notice removal nginx@1.0.0'],
    ],
    [
      'staging removal after promotion to production',
      {
        channel: 'staging',
        channels: { production: { 'nginx@1.0.0': 't1' } },
        before: { 'nginx@1.0.0': 't1' },
        after: {},
      },
      ['notice removal nginx@1.0.0'],
    ],
    [
      'staging removal when production holds different content',
      {
        channel: 'staging',
        channels: { production: { 'nginx@1.0.0': 'tx' } },
        before: { 'nginx@1.0.0': 't1' },
        after: {},
      },
      ['error removal nginx@1.0.0'],
    ],
    // production: by promotion from staging; never overwritten or removed; versions only grow.
    [
      'production promotion',
      {
        channel: 'production',
        channels: { staging: { 'nginx@1.1.0': 't1' } },
        before: { 'nginx@1.0.0': 't0' },
        after: { 'nginx@1.0.0': 't0', 'nginx@1.1.0': 't1' },
      },
      [],
    ],
    [
      'production skipping staging',
      {
        channel: 'production',
        channels: { snapshot: { 'nginx@1.1.0': 't1' } },
        after: { 'nginx@1.1.0': 't1' },
      },
      ['error not-promoted nginx@1.1.0'],
    ],
    [
      'production overwrite even with exception',
      {
        channel: 'production',
        channels: { staging: { 'nginx@1.0.0': 't2' } },
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't2' },
        exception: true,
      },
      ['error overwrite nginx@1.0.0'],
    ],
    [
      'production removal',
      { channel: 'production', before: { 'nginx@1.0.0': 't1' }, after: {}, exception: true },
      ['error removal nginx@1.0.0'],
    ],
    [
      'production older version',
      {
        channel: 'production',
        channels: { staging: { 'nginx@1.0.0': 't1' } },
        before: { 'nginx@1.1.0': 't0' },
        after: { 'nginx@1.1.0': 't0', 'nginx@1.0.0': 't1' },
      },
      ['error version-increment nginx@1.0.0'],
    ],
    [
      'production prerelease of an existing release',
      {
        channel: 'production',
        channels: { staging: { 'nginx@8.0.0-rc1': 't1' } },
        before: { 'nginx@8.0.0': 't0' },
        after: { 'nginx@8.0.0': 't0', 'nginx@8.0.0-rc1': 't1' },
      },
      ['error version-increment nginx@8.0.0-rc1'],
    ],
    [
      'production release after its prerelease',
      {
        channel: 'production',
        channels: { staging: { 'nginx@8.0.0': 't1' } },
        before: { 'nginx@8.0.0-rc1': 't0' },
        after: { 'nginx@8.0.0-rc1': 't0', 'nginx@8.0.0': 't1' },
      },
      [],
    ],
  ])('%s', (_, c, expected) => {
    expect(summary(run(c))).toEqual(expected);
  });

  it('a policy exception for name@version counts like an approved label', () => {
    const policy = parsePolicy(
      'exceptions:\n  - package: nginx@1.0.0\n    channel: staging\n    rules: [removal]\n    reason: yanked\n',
    );
    const findings = run({ channel: 'staging', before: { 'nginx@1.0.0': 't1' }, after: {}, policy });
    expect(summary(findings)).toEqual(['notice removal nginx@1.0.0']);
    expect(findings[0]!.message).toContain('yanked');
    // ...but not for another rule or channel
    expect(
      summary(
        run({
          channel: 'staging',
          channels: { snapshot: { 'nginx@1.0.0': 't2' } },
          before: { 'nginx@1.0.0': 't1' },
          after: { 'nginx@1.0.0': 't2' },
          policy,
        }),
      ),
    ).toEqual(['error overwrite nginx@1.0.0']);
  });

  it('rule settings turn errors into warnings or silence them, per channel too', () => {
    const policy = parsePolicy(
      'rules:\n  not-promoted: warning\nchannels:\n  - name: production\n  - name: staging\n    rules:\n      not-promoted: off\n  - name: snapshot\n',
    );
    expect(summary(run({ channel: 'staging', after: { 'nginx@1.0.0': 't1' }, policy }))).toEqual([]);
    expect(summary(run({ channel: 'production', after: { 'nginx@1.0.0': 't1' }, policy }))).toEqual([
      'warning not-promoted nginx@1.0.0',
    ]);
  });

  it('explains a skipped stage', () => {
    const [finding] = run({
      channel: 'production',
      channels: { snapshot: { 'nginx@1.1.0': 't1' } },
      after: { 'nginx@1.1.0': 't1' },
    });
    expect(finding!.message).toContain('it is in snapshot: promote it through staging first');
  });
});

describe('title and path rules', () => {
  const added: Case = { channel: 'snapshot', after: { 'nginx@1.0.0': 't1' } };
  it.each([
    ['[snapshot] Add nginx 1.0.0', []],
    ['Add nginx 1.0.0', ['error title-prefix @']],
    ['[staging] Add nginx', ['error title-prefix @']],
    ['$(curl evil) `id` ::set-output name=x::y\n[snapshot]', ['error title-prefix @']],
  ])('title %j', (title, expected) => {
    expect(summary(run({ ...added, title }))).toEqual(expected);
  });

  const path = (p: string, mode = '100644'): ChangedPath => ({
    path: p,
    status: 'added',
    oldMode: '000000',
    newMode: mode,
    oldBlob: '0',
    newBlob: 'b',
  });
  it.each<[string, ChangedPath, string[]]>([
    ['outside packages', path('Dockerfile'), []],
    ['file directly under packages', path('packages/README.md'), ['error layout @']],
    ['file outside a version dir', path('packages/nginx/notes.txt'), ['error layout nginx@']],
    ['upper-case name', path('packages/Nginx/1.0.0/manifest.yml'), ['error layout Nginx@']],
    ['name with dash', path('packages/my-pkg/1.0.0/manifest.yml'), ['error layout my-pkg@']],
    ['non-semver version dir', path('packages/nginx/1.0/manifest.yml'), ['error layout nginx@1.0']],
    ['v-prefixed version dir', path('packages/nginx/v1.0.0/manifest.yml'), ['error layout nginx@v1.0.0']],
    [
      '_dev directory',
      path('packages/nginx/1.0.0/_dev/build/build.yml'),
      ['error forbidden-path nginx@1.0.0'],
    ],
    ['_dev at the top', path('_dev/notes.md'), ['error forbidden-path @']],
    ['symlink', path('packages/nginx/1.0.0/docs/link', '120000'), ['error layout nginx@1.0.0']],
    ['submodule', path('packages/nginx/1.0.0/vendor', '160000'), ['error layout nginx@1.0.0']],
    [
      'dash in an inner directory',
      path('packages/nginx/1.0.0/data_stream/access-logs/manifest.yml'),
      ['error layout nginx@1.0.0'],
    ],
    ['newline in a name', path('packages/nginx/1.0.0/docs/a\nb.md'), ['error layout nginx@1.0.0']],
    [
      'huge file',
      { ...path('packages/nginx/1.0.0/img/big.png'), size: 200 * 1024 * 1024 },
      ['error size nginx@1.0.0'],
    ],
  ])('%s', (_, changed, expected) => {
    const findings = run({ ...added, extraPaths: [changed] }).filter(
      (f) => f.rule !== 'manifest' || expected.length === 0,
    );
    expect(
      summary(
        findings.filter((f) => !(f.package === 'nginx' && f.version === '1.0.0' && f.rule === 'manifest')),
      ),
    ).toEqual(expected);
  });

  it('deleting a forbidden or misplaced file is welcome', () => {
    const deleted: ChangedPath = {
      path: 'packages/nginx/1.0.0/_dev/x',
      status: 'deleted',
      oldMode: '100644',
      newMode: '000000',
      oldBlob: 'a',
      newBlob: '0',
    };
    expect(run({ channel: 'snapshot', after: {}, extraPaths: [deleted] })).toEqual([]);
  });
});
