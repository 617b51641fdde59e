// Table-driven tests of the pure policy core: (policy, holdings, change) -> findings.
import { describe, expect, it } from 'vitest';
import { holdingsOf, type ChangedPath, type Holdings, type VersionContent } from '../../src/core/change.js';
import { parsePolicy } from '../../src/core/config.js';
import type { Finding } from '../../src/core/finding.js';
import { channelByName, defaultPolicy, type Policy } from '../../src/core/policy.js';
import { validateChange, type RegistryVersions, type ValidationInput } from '../../src/core/validate.js';

type State = Record<string, string>; // "name@version" -> tree ("name@" for a legacy flat directory)

function holdings(state: State): Holdings {
  return holdingsOf(
    Object.entries(state).map(([key, tree]) => {
      const at = key.lastIndexOf('@');
      return { name: key.slice(0, at), version: key.slice(at + 1), tree };
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
  /** Files per changed version (default 1: its manifest). */
  files?: number;
  title?: string;
  headBranch?: string;
  exception?: boolean;
  policy?: Policy;
  /** Content identity per tree id (trees differing only by file modes share one). */
  identities?: Record<string, string>;
  /** manifest.yml text per "name@version". */
  manifests?: Record<string, string>;
  registry?: RegistryVersions;
}

function input(c: Case): ValidationInput {
  const policy = c.policy ?? defaultPolicy();
  const channel = channelByName(policy, c.channel)!;
  const before = c.before ?? c.channels?.[c.channel] ?? {};
  const all = new Map<string, Holdings>();
  for (const ch of policy.channels)
    all.set(ch.name, holdings(ch.name === c.channel ? before : (c.channels?.[ch.name] ?? {})));
  const paths: ChangedPath[] = [...(c.extraPaths ?? [])];
  const content = new Map<string, VersionContent>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(c.after)])) {
    const at = key.lastIndexOf('@');
    const [name, version] = [key.slice(0, at), key.slice(at + 1)];
    if (before[key] === c.after[key]) continue;
    const dir = version ? `packages/${name}/${version}` : `packages/${name}`;
    for (let i = 0; i < (c.files ?? 1); i++)
      paths.push({
        path: i === 0 ? `${dir}/manifest.yml` : `${dir}/docs/file-${i}.md`,
        status: before[key] === undefined ? 'added' : c.after[key] === undefined ? 'deleted' : 'modified',
        oldMode: '100644',
        newMode: '100755',
        oldBlob: 'a',
        newBlob: 'b',
      });
    if (c.after[key] !== undefined)
      content.set(key, {
        fileCount: 2,
        truncated: false,
        readme: true,
        manifest: { size: 10, text: c.manifests?.[key] ?? manifestFor(name, version) },
      });
  }
  return {
    policy,
    channel,
    ...(c.exception ? { approval: { by: 'lead', via: 'review' as const } } : {}),
    paths,
    holdings: all,
    after: holdings(c.after),
    content,
    ...(c.identities ? { identities: new Map(Object.entries(c.identities)) } : {}),
    ...(c.registry ? { registry: c.registry } : {}),
    ...(c.title !== undefined ? { title: c.title } : {}),
    ...(c.headBranch !== undefined ? { headBranch: c.headBranch } : {}),
  };
}

function run(c: Case): Finding[] {
  return validateChange(input(c)).findings;
}

const summary = (findings: Finding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.package ?? ''}@${f.version ?? ''}`);

/** Trees t1 and t1x hold the same bytes per path; only file modes differ. */
const modesDiffer = { t1: 'sha256:same', t1x: 'sha256:same' };

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
      { channel: 'production', before: { 'nginx@1.0.0': 't1' }, after: {} },
      ['error removal nginx@1.0.0'],
    ],
    [
      'production removal with an approved exception (legal and security removals)',
      { channel: 'production', before: { 'nginx@1.0.0': 't1' }, after: {}, exception: true },
      ['notice removal nginx@1.0.0'],
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

/** The rest of a path under nginx 1.0.0 whose served path `/packages/snapshot/nginx/1.0.0/<rest>` has `bytes` bytes. */
function servedTo(bytes: number): string {
  const prefix = '/packages/snapshot/nginx/1.0.0/';
  const parts: string[] = [];
  let left = bytes - prefix.length;
  while (left > 201) {
    parts.push('d'.repeat(200));
    left -= 201;
  }
  parts.push('f'.repeat(left));
  return parts.join('/');
}

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
    ['upper-case name', path('packages/Nginx/1.0.0/manifest.yml'), ['error layout Nginx@1.0.0']],
    ['name with dash', path('packages/my-pkg/1.0.0/manifest.yml'), ['error layout my-pkg@1.0.0']],
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
    // A right-to-left override: `docs/\u202egnp.exe` displays as `docs/exe.png`.
    [
      'bidirectional control in a name',
      path('packages/nginx/1.0.0/docs/\u202egnp.exe'),
      ['error layout nginx@1.0.0'],
    ],
    // NAME_MAX and PATH_MAX of the registry host, counted in bytes where the image serves the file.
    ['a name of 255 bytes', path(`packages/nginx/1.0.0/docs/${'é'.repeat(127)}x`), []],
    [
      'a name of 256 bytes',
      path(`packages/nginx/1.0.0/docs/${'é'.repeat(128)}`),
      ['error layout nginx@1.0.0'],
    ],
    ['a path of 4,095 bytes where it is served', path(`packages/nginx/1.0.0/${servedTo(4095)}`), []],
    [
      'a path of 4,096 bytes where it is served',
      path(`packages/nginx/1.0.0/${servedTo(4096)}`),
      ['error layout nginx@1.0.0'],
    ],
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

describe('content identity: file modes are not content', () => {
  it.each<[string, Case, string[]]>([
    [
      'a promotion whose copy differs only by modes is promoted (a notice says so)',
      {
        channel: 'staging',
        channels: { snapshot: { 'nginx@1.0.0': 't1' } },
        after: { 'nginx@1.0.0': 't1x' },
        identities: modesDiffer,
      },
      ['notice not-promoted nginx@1.0.0'],
    ],
    [
      'with `identity: tree` the same promotion is not-promoted',
      {
        channel: 'staging',
        channels: { snapshot: { 'nginx@1.0.0': 't1' } },
        after: { 'nginx@1.0.0': 't1x' },
        policy: parsePolicy('identity: tree\n'),
      },
      ['error not-promoted nginx@1.0.0'],
    ],
    [
      'a mode-only change on production is no overwrite',
      {
        channel: 'production',
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't1x' },
        channels: { staging: { 'nginx@1.0.0': 't1x' } },
        identities: modesDiffer,
      },
      ['notice overwrite nginx@1.0.0'],
    ],
    [
      'a snapshot copy differing from production only by modes is not shadowed',
      {
        channel: 'snapshot',
        channels: { production: { 'nginx@1.0.0': 't1' } },
        after: { 'nginx@1.0.0': 't1x' },
        identities: modesDiffer,
      },
      ['notice shadowed nginx@1.0.0'],
    ],
    [
      'removal after a promotion whose copy differs only by modes is the cleanup',
      {
        channel: 'staging',
        channels: { production: { 'nginx@1.0.0': 't1x' } },
        before: { 'nginx@1.0.0': 't1' },
        after: {},
        headBranch: 'cleanup/staging',
        identities: modesDiffer,
      },
      ['notice removal nginx@1.0.0'],
    ],
    [
      'different bytes are still an overwrite',
      {
        channel: 'production',
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't2' },
        channels: { staging: { 'nginx@1.0.0': 't2' } },
        identities: { ...modesDiffer, t2: 'sha256:other' },
      },
      ['error overwrite nginx@1.0.0'],
    ],
  ])('%s', (_, c, expected) => {
    expect(summary(run(c))).toEqual(expected);
  });
});

describe('version precedence is semver', () => {
  it.each<[string, Case, string[]]>([
    [
      '1.5.0+build1 next to 1.5.0 on production is the same version: overwrite and not an increment',
      {
        channel: 'production',
        channels: { staging: { 'nginx@1.5.0+build1': 't2' } },
        before: { 'nginx@1.5.0': 't1' },
        after: { 'nginx@1.5.0': 't1', 'nginx@1.5.0+build1': 't2' },
      },
      ['error overwrite nginx@1.5.0+build1', 'error version-increment nginx@1.5.0+build1'],
    ],
    [
      '1.5.0+build1 on snapshot with production holding 1.5.0 is shadowed',
      {
        channel: 'snapshot',
        channels: { production: { 'nginx@1.5.0': 't1' } },
        after: { 'nginx@1.5.0+build1': 't2' },
      },
      ['error shadowed nginx@1.5.0+build1'],
    ],
    [
      '... unless it holds the same bytes',
      {
        channel: 'snapshot',
        channels: { production: { 'nginx@1.5.0': 't1' } },
        after: { 'nginx@1.5.0+build1': 't1x' },
        identities: modesDiffer,
      },
      [],
    ],
  ])('%s', (_, c, expected) => {
    expect(summary(run(c))).toEqual(expected);
  });

  it('names the same-version reason', () => {
    const [, increment] = run({
      channel: 'production',
      channels: { staging: { 'nginx@1.5.0+build1': 't2' } },
      before: { 'nginx@1.5.0': 't1' },
      after: { 'nginx@1.5.0': 't1', 'nginx@1.5.0+build1': 't2' },
    });
    expect(increment!.message).toContain('is the same version as nginx@1.5.0 already on production');
  });

  it('a leading-zero version directory is a layout violation, never a crash', () => {
    const findings = run({
      channel: 'production',
      channels: { staging: { 'nginx@01.0.0': 't1' } },
      before: { 'nginx@1.0.0': 't0' },
      after: { 'nginx@1.0.0': 't0', 'nginx@01.0.0': 't1' },
    });
    expect(summary(findings.filter((f) => f.rule === 'layout' || f.rule === 'version-increment'))).toEqual([
      'error layout nginx@01.0.0',
    ]);
    expect(findings.find((f) => f.rule === 'layout')!.message).toContain('not strict semver');
  });
});

describe('legacy content already on a channel', () => {
  it('a non-semver version directory on production is left out of ordering, with a notice', () => {
    const findings = run({
      channel: 'production',
      channels: { staging: { 'nginx@8.1.0': 't3' } },
      before: { 'nginx@7.17-dev1': 't0', 'nginx@8.0.0': 't1' },
      after: { 'nginx@7.17-dev1': 't0', 'nginx@8.0.0': 't1', 'nginx@8.1.0': 't3' },
    });
    expect(summary(findings)).toEqual(['notice version-increment nginx@7.17-dev1']);
    expect(findings[0]!.message).toContain('not a semver version directory');
  });

  it.each<[string, Case, string[]]>([
    [
      'removing a legacy version directory from production is a removal',
      { channel: 'production', before: { 'nginx@7.17-dev1': 't0' }, after: {} },
      ['error removal nginx@7.17-dev1'],
    ],
    [
      '... allowed with an approved exception',
      { channel: 'production', before: { 'nginx@7.17-dev1': 't0' }, after: {}, exception: true },
      ['notice removal nginx@7.17-dev1'],
    ],
    [
      'removing an old flat <name>-<version> directory from production is a removal',
      { channel: 'production', before: { 'nginx-1.0.0@': 't0' }, after: {} },
      ['error removal nginx-1.0.0@'],
    ],
    [
      'changing a legacy directory on production is an overwrite, and a layout violation for what it writes',
      {
        channel: 'production',
        before: { 'nginx@7.17-dev1': 't0' },
        after: { 'nginx@7.17-dev1': 't1' },
        channels: { staging: { 'nginx@7.17-dev1': 't1' } },
      },
      ['error layout nginx@7.17-dev1', 'error overwrite nginx@7.17-dev1'],
    ],
    [
      'deleting a legacy directory on snapshot is allowed',
      { channel: 'snapshot', before: { 'nginx@7.17-dev1': 't0' }, after: {} },
      [],
    ],
  ])('%s', (_, c, expected) => {
    expect(summary(run(c))).toEqual(expected);
  });

  it('one misplaced version with 186 files is one finding with a count and the first paths', () => {
    const findings = run({ channel: 'snapshot', after: { 'nginx@7.17-dev1': 't1' }, files: 186 });
    expect(summary(findings)).toEqual(['error layout nginx@7.17-dev1']);
    const [f] = findings;
    expect(f!.count).toBe(186);
    expect(f!.paths).toHaveLength(5);
    expect(f!.paths![0]).toBe('packages/nginx/7.17-dev1/manifest.yml');
    expect(f!.message).toMatch(
      /^186 layout problems in nginx@7\.17-dev1: version directory "7\.17-dev1" is not strict semver .*\(186 paths: /,
    );
  });

  it('an added flat directory is one layout finding naming the old layout', () => {
    const findings = run({ channel: 'snapshot', after: { 'nginx-1.0.0@': 't1' }, files: 3 });
    expect(summary(findings)).toEqual(['error layout nginx-1.0.0@']);
    expect(findings[0]!.message).toContain('uses the old flat layout <name>-<version>/');
    expect(findings[0]!.count).toBe(3);
  });
});

describe('markers', () => {
  it.each<[string, Case, string[]]>([
    [
      'the snapshot marker arriving on staging',
      {
        channel: 'staging',
        channels: { snapshot: { 'snapshot@0.0.1': 'm1' } },
        before: { 'staging@0.0.1': 'm2' },
        after: { 'staging@0.0.1': 'm2', 'snapshot@0.0.1': 'm1' },
      },
      ['error marker snapshot@0.0.1'],
    ],
    [
      'the snapshot marker arriving on production',
      { channel: 'production', after: { 'snapshot@0.0.1': 'm1' } },
      ['error marker snapshot@0.0.1'],
    ],
    [
      'the staging marker arriving on snapshot',
      { channel: 'snapshot', after: { 'staging@0.0.1': 'm2' } },
      ['error marker staging@0.0.1'],
    ],
    [
      'changing its own marker on snapshot',
      { channel: 'snapshot', before: { 'snapshot@0.0.1': 'm1' }, after: { 'snapshot@0.0.1': 'm3' } },
      [],
    ],
    [
      'removing a leaked marker from production is welcome',
      { channel: 'production', before: { 'snapshot@0.0.1': 'm1' }, after: {} },
      ['notice removal snapshot@0.0.1'],
    ],
    [
      'an approval does not let a marker in',
      { channel: 'production', after: { 'snapshot@0.0.1': 'm1' }, exception: true },
      ['error marker snapshot@0.0.1'],
    ],
  ])('%s', (_, c, expected) => {
    expect(summary(run(c))).toEqual(expected);
  });

  it('says it is a marker', () => {
    const [f] = run({ channel: 'production', after: { 'snapshot@0.0.1': 'm1' } });
    expect(f!.message).toContain('is the marker package of snapshot');
    expect(f!.message).toContain('never promoted');
  });
});

describe('exceptions', () => {
  const approved = { by: 'lead', via: 'review' as const };
  it.each<[string, Case, string]>([
    [
      'version-increment: a backport to production (7.17.x after 8.0.0)',
      {
        channel: 'production',
        channels: { staging: { 'nginx@7.17.5': 't1' } },
        before: { 'nginx@8.0.0': 't0' },
        after: { 'nginx@8.0.0': 't0', 'nginx@7.17.5': 't1' },
      },
      'version-increment',
    ],
    [
      'not-promoted: a hotfix straight to production',
      { channel: 'production', after: { 'nginx@9.0.1': 't1' } },
      'not-promoted',
    ],
    [
      'shadowed',
      {
        channel: 'snapshot',
        channels: { production: { 'nginx@1.0.0': 'tp' } },
        after: { 'nginx@1.0.0': 't1' },
      },
      'shadowed',
    ],
    ['title-prefix', { channel: 'snapshot', after: {}, title: 'Fix things' }, 'title-prefix'],
    [
      'overwrite on staging',
      {
        channel: 'staging',
        channels: { snapshot: { 'nginx@1.0.0': 't2' } },
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't2' },
      },
      'overwrite',
    ],
    [
      'frozen',
      {
        channel: 'snapshot',
        after: { 'nginx@1.0.0': 't1' },
        policy: parsePolicy(
          'channels:\n  - name: production\n  - name: staging\n  - name: snapshot\n    frozen: true\n',
        ),
      },
      'frozen',
    ],
  ])('%s: a violation, lifted by an approval that says who approved', (_, c, rule) => {
    const without = run(c);
    expect(summary(without.filter((f) => f.rule === rule))).toEqual([
      expect.stringMatching(new RegExp(`^error ${rule} `)),
    ]);
    const withApproval = run({ ...c, exception: true }).filter((f) => f.rule === rule);
    expect(withApproval).toHaveLength(1);
    expect(withApproval[0]).toMatchObject({
      severity: 'notice',
      exception: { rule, source: 'approval', via: 'review', by: 'lead' },
    });
    expect(withApproval[0]!.message).toContain(
      'allowed by an exception approved by @lead (an approving review of the head commit)',
    );
  });

  it('a policy-file exception names its reason, for its rule, version and channel only', () => {
    const policy = parsePolicy(
      'exceptions:\n  - package: nginx@7.17.5\n    channel: production\n    rules: [version-increment]\n    reason: backport for 7.17 users\n',
    );
    const backport: Case = {
      channel: 'production',
      channels: { staging: { 'nginx@7.17.5': 't1' } },
      before: { 'nginx@8.0.0': 't0' },
      after: { 'nginx@8.0.0': 't0', 'nginx@7.17.5': 't1' },
      policy,
    };
    const [f] = run(backport);
    expect(f).toMatchObject({
      rule: 'version-increment',
      severity: 'notice',
      exception: { rule: 'version-increment', source: 'policy', reason: 'backport for 7.17 users' },
    });
    // Another version of the same package is not covered.
    expect(
      summary(
        run({
          ...backport,
          channels: { staging: { 'nginx@7.17.6': 't2' } },
          after: { 'nginx@8.0.0': 't0', 'nginx@7.17.6': 't2' },
        }),
      ),
    ).toEqual(['error version-increment nginx@7.17.6']);
  });

  it.each<[string, Case]>([
    [
      'overwrite on production (overwrite: never)',
      {
        channel: 'production',
        channels: { staging: { 'nginx@1.0.0': 't2' } },
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't2' },
      },
    ],
    [
      'removal where the setting is never',
      {
        channel: 'production',
        before: { 'nginx@1.0.0': 't1' },
        after: {},
        policy: parsePolicy(
          'channels:\n  - name: production\n    removal: never\n  - name: staging\n  - name: snapshot\n',
        ),
      },
    ],
    [
      'a layout violation (the registry would refuse the package)',
      {
        channel: 'snapshot',
        after: { 'nginx@1.0.0': 't1' },
        extraPaths: [
          {
            path: 'packages/nginx/1.0.0/data_stream/access-logs/manifest.yml',
            status: 'added',
            oldMode: '000000',
            newMode: '100644',
            oldBlob: '0',
            newBlob: 'b',
          },
        ],
      },
    ],
    [
      'a YAML merge key in the manifest',
      {
        channel: 'snapshot',
        after: { 'nginx@1.0.0': 't1' },
        manifests: { 'nginx@1.0.0': `${manifestFor('nginx', '1.0.0')}<<: {title: X}\n` },
      },
    ],
  ])('nothing lifts %s', (_, c) => {
    const findings = run({ ...c, exception: true });
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(1);
    expect(findings.filter((f) => f.exception)).toEqual([]);
  });

  it('the change verdict is "exception" from the exception field, whatever the message says', () => {
    const result = validateChange({
      ...input({ channel: 'production', before: { 'nginx@1.0.0': 't1' }, after: {} }),
      approval: approved,
    });
    expect(result.changes).toEqual([
      expect.objectContaining({ name: 'nginx', version: '1.0.0', verdict: 'exception', rules: ['removal'] }),
    ]);
    // A package whose name says "exception" and a passing notice is still a pass.
    const named = validateChange(
      input({
        channel: 'staging',
        channels: { production: { 'exception@1.0.0': 't1' } },
        before: { 'exception@1.0.0': 't1' },
        after: {},
      }),
    );
    expect(named.changes[0]).toMatchObject({ verdict: 'pass', rules: [] });
  });
});

describe('frozen channels', () => {
  const policy = parsePolicy(
    'channels:\n  - name: production\n    frozen: true\n  - name: staging\n  - name: snapshot\n',
  );
  it.each<[string, Case, string[]]>([
    [
      'adding a version',
      {
        channel: 'production',
        channels: { staging: { 'nginx@2.0.0': 't2' } },
        after: { 'nginx@2.0.0': 't2' },
        policy,
      },
      ['error frozen nginx@2.0.0'],
    ],
    [
      'changing one (also an overwrite)',
      {
        channel: 'production',
        channels: { staging: { 'nginx@1.0.0': 't2' } },
        before: { 'nginx@1.0.0': 't1' },
        after: { 'nginx@1.0.0': 't2' },
        policy,
      },
      ['error frozen nginx@1.0.0', 'error overwrite nginx@1.0.0'],
    ],
    [
      'removing one',
      { channel: 'production', before: { 'nginx@1.0.0': 't1' }, after: {}, policy },
      ['error frozen nginx@1.0.0', 'error removal nginx@1.0.0'],
    ],
    [
      'a change outside the packages',
      {
        channel: 'production',
        after: {},
        extraPaths: [
          {
            path: 'README.md',
            status: 'modified',
            oldMode: '100644',
            newMode: '100644',
            oldBlob: 'a',
            newBlob: 'b',
          },
        ],
        policy,
      },
      [],
    ],
  ])('%s', (_, c, expected) => {
    expect(summary(run(c))).toEqual(expected);
  });

  it('says images can still be published', () => {
    const [f] = run({ channel: 'production', before: { 'nginx@1.0.0': 't1' }, after: {}, policy });
    expect(f!.message).toMatch(/production is frozen .*images can still be published/);
  });
});

describe('changes outside packages', () => {
  const file = (path: string, status: ChangedPath['status'] = 'modified'): ChangedPath => ({
    path,
    status,
    oldMode: '100644',
    newMode: '100644',
    oldBlob: 'a',
    newBlob: 'b',
  });

  it('a registry version change is a notice naming both versions; drift between channels a warning', () => {
    const findings = run({
      channel: 'staging',
      after: {},
      extraPaths: [file('Dockerfile')],
      registry: {
        changed: true,
        before: 'v1.15.0',
        after: 'v1.16.0',
        others: [
          { channel: 'production', version: 'v1.15.0' },
          { channel: 'snapshot', version: 'v1.16.0' },
        ],
      },
    });
    expect(findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`)).toEqual([
      'warning registry-version: after this change the channels pin different package-registry versions (staging v1.16.0, production v1.15.0, snapshot v1.16.0): the same packages would be validated and served by different registries',
      'notice registry-version: the Dockerfile changes the package-registry that serves staging from v1.15.0 to v1.16.0',
    ]);
  });

  it('a registry version change every channel follows is only the notice', () => {
    const findings = run({
      channel: 'production',
      after: {},
      extraPaths: [file('Dockerfile')],
      registry: {
        changed: true,
        before: 'v1.15.0',
        after: 'v1.16.0',
        others: [
          { channel: 'staging', version: 'v1.16.0' },
          { channel: 'snapshot', version: 'v1.16.0' },
        ],
      },
    });
    expect(summary(findings)).toEqual(['notice registry-version @']);
  });

  it('.github/ on a channel branch is one notice for all its files; off when the policy says so', () => {
    const paths = [file('.github/workflows/evil.yml', 'added'), file('.github/CODEOWNERS', 'added')];
    const findings = run({ channel: 'production', after: {}, extraPaths: paths });
    expect(summary(findings)).toEqual(['notice github-files @']);
    expect(findings[0]!.message).toContain('(2 files: ".github/workflows/evil.yml", ".github/CODEOWNERS")');
    expect(
      run({
        channel: 'production',
        after: {},
        extraPaths: paths,
        policy: parsePolicy('rules:\n  github-files: off\n'),
      }),
    ).toEqual([]);
    expect(
      summary(
        run({
          channel: 'production',
          after: {},
          extraPaths: paths,
          policy: parsePolicy('rules:\n  github-files: error\n'),
        }),
      ),
    ).toEqual(['error github-files @']);
  });
});

describe('registry-exact messages', () => {
  it('a dash in a directory names the registry check, once per version', () => {
    const dashed = (p: string): ChangedPath => ({
      path: `packages/nginx/1.0.0/${p}`,
      status: 'added',
      oldMode: '000000',
      newMode: '100755',
      oldBlob: '0',
      newBlob: 'b',
    });
    const findings = run({
      channel: 'snapshot',
      after: { 'nginx@1.0.0': 't1' },
      extraPaths: [
        dashed('data_stream/log/elasticsearch/ingest-pipeline/default.yml'),
        dashed('data_stream/log/elasticsearch/ingest-pipeline/second.yml'),
        dashed('elasticsearch/ilm-policy/policy.json'),
      ],
    });
    expect(summary(findings)).toEqual(['error layout nginx@1.0.0']);
    expect(findings[0]!.count).toBe(3);
    expect(findings[0]!.message).toContain(
      'directory "ingest-pipeline" contains "-": the registry refuses any directory inside a package whose name contains "-" (its validation since July 2020, when ingest-pipeline became ingest_pipeline)',
    );
    expect(findings[0]!.message).toContain('directory "ilm-policy" contains "-"');
  });

  it('a YAML merge key in manifest.yml is refused with its line', () => {
    const text = `${manifestFor('nginx', '1.0.0')}conditions:\n  <<: {kibana.version: "^8.0.0"}\n`;
    const findings = run({
      channel: 'snapshot',
      after: { 'nginx@1.0.0': 't1' },
      manifests: { 'nginx@1.0.0': text },
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'manifest',
        severity: 'error',
        line: 7,
        message: expect.stringContaining('YAML merge key (`<<`)'),
      }),
    ]);
  });
});
