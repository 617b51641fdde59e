// `package-storage audit` on generated repositories with a known state and a known history: every finding of the
// state report, and the verdict of every replayed commit, asserted. Real git, one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanupTempDirs } from '../support/git.js';
import { distributionFiles, manifestYaml } from '../support/manifests.js';
import { StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const v = (name: string, version: string, seed: number, o: Partial<VersionSpec> = {}): VersionSpec => ({
  name,
  version,
  seed,
  fileMode: '100755',
  ...o,
});

afterAll(cleanupTempDirs);

describe('audit: the state across channels', () => {
  let origin: StorageOrigin;
  beforeAll(async () => {
    origin = await StorageOrigin.create({
      branches: {
        production: [v('nginx', '1.5.0', 1), v('apm', '8.1.0', 2), v('system', '1.19.5', 3)],
        staging: [v('system', '1.19.5', 3, { fileMode: '100644' }), v('nginx', '1.6.0', 4)],
        snapshot: [
          v('apm', '8.1.0', 99), // same version, other content than production's (shadowed: production's is served)
          v('nginx', '1.6.0', 4), // identical to staging: a pending cleanup
          v('mysql', '1.0.0', 5, {
            files: { 'data_stream/log/elasticsearch/ingest-pipeline/default.yml': '---\n' },
          }),
          v('redis', '1.0.0', 6, { manifest: manifestYaml({ name: 'redis', version: '1.0.1' }).text }),
        ],
      },
    });
    await origin.commit('production', {
      files: {
        'packages/snapshot/0.0.1/manifest.yml': 'name: snapshot\n',
        'packages/aws/7.17-dev1/manifest.yml': 'name: aws\nversion: 7.17-dev1\n',
        'packages/nginx-1.0.0/manifest.yml': 'name: nginx\nversion: 1.0.0\n',
        Dockerfile: distributionFiles('production', { registryVersion: 'v1.16.0' }).Dockerfile!,
      },
    });
  });

  it('lists conflicts, pending cleanups, misplaced markers, legacy layouts, refusals and drift (--json)', async () => {
    const r = await cli(['audit', '--repo', origin.bare, '--json']);
    expect(r.code, r.err).toBe(0);
    const audit = JSON.parse(r.out) as Record<string, unknown[]> & { drift: boolean };
    const copies = [
      { channel: 'production', tree: expect.any(String) },
      { channel: 'snapshot', tree: expect.any(String) },
    ];
    expect(audit.conflicts).toEqual([
      { name: 'apm', version: '8.1.0', copies, served: 'production' },
      // The leaked marker differs from snapshot's own: production's copy is what a snapshot registry serves.
      { name: 'snapshot', version: '0.0.1', copies, served: 'production' },
    ]);
    expect(audit.pendingCleanups).toEqual([
      { name: 'system', version: '1.19.5', channel: 'staging', identicalIn: 'production', modesDiffer: true },
      { name: 'nginx', version: '1.6.0', channel: 'snapshot', identicalIn: 'staging', modesDiffer: false },
    ]);
    expect(audit.misplacedMarkers).toEqual([
      { name: 'snapshot', version: '0.0.1', channel: 'production', markerOf: ['snapshot'] },
    ]);
    expect(audit.legacy).toEqual([
      { name: 'aws', version: '7.17-dev1', channel: 'production', kind: 'not-semver' },
      { name: 'nginx-1.0.0', version: '', channel: 'production', kind: 'flat' },
    ]);
    expect(
      (audit.refused as Array<Record<string, unknown>>).map(
        (f) => `${String(f.channel)} ${String(f.rule)} ${String(f.package)}@${String(f.version)}`,
      ),
    ).toEqual([
      'production manifest snapshot@0.0.1',
      'snapshot layout mysql@1.0.0',
      'snapshot manifest redis@1.0.0',
    ]);
    expect(audit.drift).toBe(true);
    expect(audit.channels).toEqual([
      expect.objectContaining({ channel: 'production', registry: 'v1.16.0' }),
      expect.objectContaining({ channel: 'staging', registry: 'v1.15.0' }),
      expect.objectContaining({ channel: 'snapshot', registry: 'v1.15.0' }),
    ]);
  });

  it('prints the same as text', async () => {
    const r = await cli(['audit', '--repo', origin.bare]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('same version, different content: 2');
    expect(r.out).toContain('  apm@8.1.0: production ');
    expect(r.out).toContain('pending cleanups (identical in a more stable channel): 2');
    expect(r.out).toContain('  staging system@1.19.5 (in production, file modes differ)');
    expect(r.out).toContain('legacy layouts: 2');
    expect(r.out).toContain(
      'registry versions differ between channels: production v1.16.0, staging v1.15.0, snapshot v1.15.0',
    );
  });
});

describe('audit --history: commit dates RFC 3339 cannot write', () => {
  let origin: StorageOrigin;
  beforeAll(async () => {
    origin = await StorageOrigin.create({ branches: { production: [], staging: [], snapshot: [] } });
    // Anyone can date a commit: year 10,000, and year 3,170,843 (past what JavaScript's Date can hold at all).
    await origin.commit('production', {
      add: [v('nginx', '1.0.0', 1)],
      message: 'Year 10000 (#1)',
      date: 253_402_300_800,
    });
    await origin.commit('production', {
      add: [v('nginx', '1.1.0', 2)],
      message: 'Far future (#2)',
      date: 99_999_999_999_999,
    });
    await origin.commit('production', {
      add: [v('nginx', '1.2.0', 3)],
      message: 'Today (#3)',
      date: 1_700_000_000,
    });
  });

  it('clamps them to 9999-12-31T23:59:59Z instead of failing or writing a non-RFC 3339 date', async () => {
    const args = [
      'audit',
      '--repo',
      origin.bare,
      '--history',
      'production~3..production',
      '--channel',
      'production',
    ];
    const json = await cli([...args, '--json']);
    expect(json.code, json.err).toBe(0);
    const report = JSON.parse(json.out) as {
      commits: Array<{ subject: string; date: string; verdict: string }>;
    };
    expect(report.commits.map((c) => [c.subject, c.date, c.verdict])).toEqual([
      ['Year 10000 (#1)', '9999-12-31T23:59:59Z', 'fail'],
      ['Far future (#2)', '9999-12-31T23:59:59Z', 'fail'],
      // Control: a date in range is written as it is.
      ['Today (#3)', '2023-11-14T22:13:20Z', 'fail'],
    ]);
    const text = await cli(args);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/fail [0-9a-f]{12} 9999-12-31 \[not-promoted\] Far future \(#2\)/);
    expect(text.out).toMatch(/fail [0-9a-f]{12} 2023-11-14 \[not-promoted\] Today \(#3\)/);
  });
});

describe('audit --history: a replay with a known verdict per commit', () => {
  let origin: StorageOrigin;
  /** Each production commit and the verdict validate must give it, oldest first. */
  const expected: Array<{ subject: string; verdict: string; errors: string[]; warnings?: string[] }> = [];

  beforeAll(async () => {
    origin = await StorageOrigin.create({ branches: { production: [], staging: [], snapshot: [] } });
    expected.push({
      subject: '[production] Set up the production distribution',
      verdict: 'pass',
      errors: [],
    });
    const commit = async (
      branch: string,
      change: Parameters<StorageOrigin['commit']>[1],
      verdict?: { verdict: string; errors: string[]; warnings?: string[] },
    ): Promise<void> => {
      await origin.commit(branch, change);
      if (branch === 'production' && verdict) expected.push({ subject: change.message!, ...verdict });
    };
    await commit('staging', { add: [v('nginx', '1.0.0', 1)], message: 'staging: nginx 1.0.0' });
    await commit(
      'production',
      { add: [v('nginx', '1.0.0', 1)], message: 'Copy packages from staging to production (#1)' },
      { verdict: 'pass', errors: [] },
    );
    // Skips staging: staging gets 1.1.0 only later, and the replay sees staging as of this commit's date.
    await commit(
      'production',
      { add: [v('nginx', '1.1.0', 2)], message: 'Promote nginx 1.1.0 (#2)' },
      { verdict: 'fail', errors: ['not-promoted'] },
    );
    await commit('staging', {
      add: [v('nginx', '1.1.0', 2), v('aws', '2.0.0', 3, { fileMode: '100644' })],
      message: 'staging: nginx 1.1.0, aws',
    });
    // Copied by the old tool with other file modes than staging's: identical content, a pass.
    await commit(
      'production',
      { add: [v('aws', '2.0.0', 3)], message: 'Copy packages from staging to production (#3)' },
      { verdict: 'pass', errors: [] },
    );
    await commit(
      'production',
      { add: [v('nginx', '1.0.0', 9)], message: 'Fix nginx 1.0.0 in place (#4)' },
      { verdict: 'fail', errors: ['not-promoted', 'overwrite'] },
    );
    await commit(
      'production',
      { removeVersions: [{ name: 'aws', version: '2.0.0' }], message: 'Remove aws 2.0.0 (legal) (#5)' },
      { verdict: 'fail', errors: ['removal'] },
    );
    await commit('staging', { add: [v('nginx', '0.9.0', 4)], message: 'staging: nginx 0.9.0' });
    await commit(
      'production',
      { add: [v('nginx', '0.9.0', 4)], message: 'Backport nginx 0.9.0 (#6)' },
      { verdict: 'fail', errors: ['version-increment'] },
    );
    await commit(
      'production',
      {
        files: { Dockerfile: distributionFiles('production', { registryVersion: 'v1.16.0' }).Dockerfile! },
        message: '[production] Update Package Registry to v1.16.0 (#7)',
      },
      { verdict: 'warning', errors: [], warnings: ['registry-version'] },
    );
  });

  it("asserts every commit's verdict, and the table by rule (--json)", async () => {
    const r = await cli([
      'audit',
      '--repo',
      origin.bare,
      '--history',
      '..production',
      '--channel',
      'production',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as {
      commits: Array<{ subject: string; verdict: string; errors: string[]; warnings: string[] }>;
      byRule: Record<string, { errors: number; warnings: number }>;
    };
    // The main branch's initial commit is the production branch's root.
    expect(report.commits.map((c) => c.subject)).toEqual([
      'Initial commit',
      ...expected.map((e) => e.subject),
    ]);
    expect(
      report.commits
        .slice(1)
        .map((c) => ({ subject: c.subject, verdict: c.verdict, errors: c.errors, warnings: c.warnings })),
    ).toEqual(
      expected.map((e) => ({
        subject: e.subject,
        verdict: e.verdict,
        errors: e.errors,
        warnings: e.warnings ?? [],
      })),
    );
    expect(report.byRule).toEqual({
      'not-promoted': { errors: 2, warnings: 0 },
      overwrite: { errors: 1, warnings: 0 },
      removal: { errors: 1, warnings: 0 },
      'version-increment': { errors: 1, warnings: 0 },
      'registry-version': { errors: 0, warnings: 1 },
    });
  });

  it('with --titles also checks each subject against the title prefix', async () => {
    const r = await cli([
      'audit',
      '--repo',
      origin.bare,
      '--history',
      'production~3..production',
      '--channel',
      'production',
      '--titles',
      '--json',
    ]);
    const report = JSON.parse(r.out) as { commits: Array<{ subject: string; errors: string[] }> };
    expect(report.commits.map((c) => `${c.subject}: ${c.errors.join(',')}`)).toEqual([
      'Remove aws 2.0.0 (legal) (#5): removal,title-prefix',
      'Backport nginx 0.9.0 (#6): title-prefix,version-increment',
      '[production] Update Package Registry to v1.16.0 (#7): ',
    ]);
  });

  it('prints a table by rule and the failing commits', async () => {
    const r = await cli([
      'audit',
      '--repo',
      origin.bare,
      '--history',
      '..production',
      '--channel',
      'production',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('production ..production: 9 commits, 4 would fail, 1 with warnings, 4 pass');
    expect(r.out).toMatch(/ {2}not-promoted +2 +0/);
    expect(r.out).toMatch(
      /fail [0-9a-f]{12} \d{4}-\d\d-\d\d \[version-increment\] Backport nginx 0\.9\.0 \(#6\)/,
    );
  });

  it.each([
    [['audit', '--history', '..production'], /--history needs --channel/],
    [['audit', '--channel', 'production'], /--channel goes with --history/],
    [['audit', '--history', 'production', '--channel', 'production'], /give a range REV\.\.REV/],
    [
      ['audit', '--history', '..production', '--channel', 'nowhere'],
      /nowhere is not a channel \(channels: production on production/,
    ],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await cli([...args, '--repo', origin.bare]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
