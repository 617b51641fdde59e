// package-storage promote / cleanup on real git: a bare origin and a maintainer's clone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { pushWithLease } from '../../src/git/write.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

interface Plan {
  branch: string;
  commit: string | null;
  packages: Array<{ name: string; version: string; tree: string }>;
  operation: string;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const specs: VersionSpec[] = [
  { name: 'nginx', version: '1.6.0', seed: 1 },
  { name: 'apm', version: '8.0.0-rc1', seed: 2 },
  { name: 'aws_ec2', version: '1.0.0', seed: 3 },
  { name: 'aws_s3', version: '1.1.0', seed: 4 },
  { name: 'aws_s3', version: '1.2.0', seed: 5 },
  { name: 'system', version: '1.0.0', seed: 6 },
];

let origin: StorageOrigin;
let clone: string;

async function promote(...args: string[]): Promise<{ code: number; plan?: Plan; out: string; err: string }> {
  const r = await cli(['promote', '--repo', clone, ...args, '--json']);
  return { ...r, ...(r.code === 0 ? { plan: JSON.parse(r.out) as Plan } : {}) };
}

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: { production: [{ name: 'nginx', version: '1.5.0', seed: 9 }], staging: [], snapshot: specs },
  });
  clone = await tempDir('clone');
  await git(['clone', '--quiet', origin.bare, clone]);
});
afterAll(cleanupTempDirs);

describe('package-storage promote', () => {
  it('copies the selected trees into a local promotion branch, and is idempotent', async () => {
    const first = await promote(
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'nginx@1.6.0, apm@8.0.0-rc1,aws_*@latest',
    );
    expect(first.code, first.err).toBe(0);
    expect(first.plan).toMatchObject({ branch: 'promote/snapshot-to-staging', operation: 'created' });
    expect(first.plan!.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'apm@8.0.0-rc1',
      'aws_ec2@1.0.0',
      'aws_s3@1.2.0',
      'nginx@1.6.0',
    ]);
    for (const p of first.plan!.packages) {
      expect(p.tree).toBe(await origin.treeId('snapshot', `packages/${p.name}/${p.version}`));
      expect(
        (
          await git(['-C', clone, 'rev-parse', `promote/snapshot-to-staging:packages/${p.name}/${p.version}`])
        ).trim(),
      ).toBe(p.tree);
    }
    // Everything staging had is still there, and the parent is staging's tip.
    expect((await git(['-C', clone, 'rev-parse', 'promote/snapshot-to-staging^'])).trim()).toBe(
      await origin.rev('staging'),
    );
    expect(
      (await git(['-C', clone, 'ls-tree', '--name-only', 'promote/snapshot-to-staging:packages'])).split(
        '\n',
      ),
    ).toContain('staging');

    const again = await promote(
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'nginx@1.6.0,apm@8.0.0-rc1,aws_*@latest',
    );
    expect(again.plan).toMatchObject({ operation: 'unchanged', commit: first.plan!.commit });

    const validate = await cli([
      'validate',
      '--repo',
      clone,
      '--base',
      'staging',
      '--head',
      'promote/snapshot-to-staging',
      '--title',
      '[staging] x',
      '--json',
    ]);
    expect(JSON.parse(validate.out)).toMatchObject({ result: 'pass' });
  });

  it('updates the branch for a different selection', async () => {
    const r = await promote('--from', 'snapshot', '--to', 'staging', '--packages', 'system');
    expect(r.plan).toMatchObject({ operation: 'updated' });
    expect(r.plan!.packages.map((p) => p.name)).toEqual(['system']);
    const tree = await git(['-C', clone, 'ls-tree', '--name-only', 'promote/snapshot-to-staging:packages']);
    expect(tree.split('\n').filter(Boolean).sort()).toEqual(['staging', 'system']);
  });

  it('pushes with --push and reports unchanged on a re-run', async () => {
    const pushed = await promote(
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'nginx@1.6.0',
      '--push',
    );
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.plan!.operation).toMatch(/created|updated/);
    expect(await origin.rev('promote/snapshot-to-staging')).toBe(pushed.plan!.commit);
    const again = await promote(
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'nginx@1.6.0',
      '--push',
    );
    expect(again.plan).toMatchObject({ operation: 'unchanged' });
  });

  it('rebuilds on the new tip when the target moved', async () => {
    const before = await origin.rev('promote/snapshot-to-staging');
    await origin.commit('staging', { files: { 'deployment/notes.md': 'moved\n' } });
    const r = await promote('--from', 'snapshot', '--to', 'staging', '--packages', 'nginx@1.6.0', '--push');
    expect(r.plan!.operation).toBe('updated');
    expect(r.plan!.commit).not.toBe(before);
    expect((await git(['--git-dir', origin.bare, 'rev-parse', 'promote/snapshot-to-staging^'])).trim()).toBe(
      await origin.rev('staging'),
    );
  });

  it('reports none when everything is already promoted', async () => {
    await origin.commit('production', { add: [{ name: 'system', version: '1.0.0', seed: 6 }] });
    await origin.commit('staging', { add: [{ name: 'system', version: '1.0.0', seed: 6 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    await git(['-C', clone, 'branch', '-f', 'staging', 'origin/staging']);
    const r = await promote('--from', 'snapshot', '--to', 'staging', '--packages', 'system@1.0.0');
    expect(r.plan).toMatchObject({ operation: 'none', commit: null, packages: [] });
  });

  it.each([
    [['--packages', 'nginx@9.9.9'], 1, 'nginx@9.9.9 is not in the source channel (it has 1.6.0)'],
    [['--packages', 'nope@latest'], 1, 'package nope is not in the source channel'],
    [['--packages', 'gcp_*@latest'], 1, 'no package name matches gcp_*'],
    [['--packages', 'nginx-1.6.0'], 2, 'the name must be a package name or a glob'],
    [['--packages', 'nginx@v1.6.0'], 2, 'the version must be strict semver'],
  ])('refuses %j (exit %i)', async (args, code, message) => {
    const r = await cli(['promote', '--repo', clone, '--from', 'snapshot', '--to', 'staging', ...args]);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  it('refuses a skipped stage and a conflicting version, writing nothing', async () => {
    const skipped = await cli([
      'promote',
      '--repo',
      clone,
      '--from',
      'snapshot',
      '--to',
      'production',
      '--packages',
      'nginx@1.6.0',
    ]);
    expect(skipped.code).toBe(2);
    expect(skipped.err).toContain(
      'snapshot -> production is not an allowed promotion (allowed: snapshot -> staging, staging -> production)',
    );

    await origin.commit('staging', { add: [{ name: 'aws_ec2', version: '1.0.0', seed: 77 }] });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    await git(['-C', clone, 'branch', '-f', 'staging', 'origin/staging']);
    const before = (await git(['-C', clone, 'rev-parse', 'promote/snapshot-to-staging'])).trim();
    const conflict = await cli([
      'promote',
      '--repo',
      clone,
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'aws_ec2@1.0.0,nginx@1.6.0',
    ]);
    expect(conflict.code).toBe(1);
    expect(conflict.err).toMatch(
      /aws_ec2@1.0.0 is already in staging with different content .* release a new version instead/,
    );
    expect((await git(['-C', clone, 'rev-parse', 'promote/snapshot-to-staging'])).trim()).toBe(before);
  });

  it('refuses a version that would fail the validate rules', async () => {
    await origin.commit('snapshot', {
      files: { 'packages/broken/1.0.0/manifest.yml': 'name: broken\nversion: 1.0.1\n' },
    });
    await git(['-C', clone, 'fetch', '--quiet', 'origin']);
    await git(['-C', clone, 'branch', '-f', 'snapshot', 'origin/snapshot']);
    const r = await cli([
      'promote',
      '--repo',
      clone,
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'broken@1.0.0',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the result would fail the validate check on staging');
    expect(r.err).toContain(
      '[manifest] packages/broken/1.0.0/manifest.yml:2: `version` is "1.0.1" but the version directory is "1.0.0"',
    );
  });
});

describe('package-storage cleanup', () => {
  it('removes exactly the versions a more stable channel holds with the identical tree', async () => {
    // Land the promotion of nginx 1.6.0 into staging, as a merged PR would.
    const promoted = await promote(
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'nginx@1.6.0',
      '--push',
    );
    await origin.setRef('refs/heads/staging', promoted.plan!.commit!);
    const r = await cli(['cleanup', '--repo', clone, '--channel', 'snapshot', '--push', '--json']);
    expect(r.code, r.err).toBe(0);
    const plan = JSON.parse(r.out) as Plan;
    expect(plan.branch).toBe('cleanup/snapshot');
    // nginx 1.6.0 is in staging; system 1.0.0 is in staging and production; aws_ec2 1.0.0 in staging differs.
    expect(plan.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['nginx@1.6.0', 'system@1.0.0']);
    const left = await origin.listVersions('cleanup/snapshot');
    expect(left.map((v) => `${v.name}@${v.version}`).sort()).toEqual([
      'apm@8.0.0-rc1',
      'aws_ec2@1.0.0',
      'aws_s3@1.1.0',
      'aws_s3@1.2.0',
      'broken@1.0.0',
      'snapshot@0.0.1',
    ]);
    const validate = await cli([
      'validate',
      '--repo',
      origin.bare,
      '--base',
      'snapshot',
      '--head',
      'cleanup/snapshot',
      '--json',
    ]);
    expect(JSON.parse(validate.out)).toMatchObject({ result: 'pass' });
    expect(
      (await cli(['cleanup', '--repo', clone, '--channel', 'snapshot', '--push', '--json'])).out,
    ).toContain('"operation":"unchanged"');
  });

  it('has nothing to do on production', async () => {
    const r = await cli(['cleanup', '--repo', clone, '--channel', 'production', '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ operation: 'none', packages: [] });
  });
});

describe('push with a lease', () => {
  it('is refused as stale when the remote branch moved', async () => {
    const work = await tempDir('lease');
    await git(['clone', '--quiet', origin.bare, work]);
    const tip = (await git(['-C', work, 'rev-parse', 'origin/snapshot'])).trim();
    const moved = await origin.commit('snapshot', { files: { 'NOTES.md': 'someone else\n' } });
    const result = await pushWithLease(work, { commit: `${tip}`, branch: 'snapshot', expected: tip });
    expect(result.status).toBe('stale');
    expect(await origin.rev('snapshot')).toBe(moved);
    expect(
      (await pushWithLease(work, { commit: tip, branch: 'lease-new', expected: undefined })).status,
    ).toBe('pushed');
    // "Must not exist" fails once it exists with another commit; the same commit again is a no-op.
    const other = (await git(['-C', work, 'rev-parse', 'origin/staging'])).trim();
    expect(
      (await pushWithLease(work, { commit: other, branch: 'lease-new', expected: undefined })).status,
    ).toBe('stale');
    expect(
      (await pushWithLease(work, { commit: tip, branch: 'lease-new', expected: undefined })).status,
    ).toBe('pushed');
  });
});
