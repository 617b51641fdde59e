// validate and promote on a repository shaped like a real storage repository: most files 100755, copies whose
// modes were flipped by old promotions, legacy version directories (`7.17-dev1`, the flat `<name>-<version>/`),
// `-` in asset directories, backports, legal removals, both condition spellings. Real git, the CLI's engine.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';
import { manifestYaml, packageFiles } from '../support/manifests.js';
import { StorageOrigin, type CommitChange, type VersionSpec } from '../support/storage-origin.js';

interface Json {
  result: string;
  violations: Array<Record<string, unknown>>;
  notices: Array<Record<string, unknown>>;
  changes: Array<Record<string, unknown>>;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string; json?: Json }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const text = out.join('\n');
  return {
    code,
    out: text,
    err: err.join('\n'),
    ...(args.includes('--json') && code < 2 ? { json: JSON.parse(text) as Json } : {}),
  };
}

const exec = '100755' as const;
const spec = (name: string, version: string, seed: number, o: Partial<VersionSpec> = {}): VersionSpec => ({
  name,
  version,
  seed,
  fileMode: exec,
  manifest: {
    name,
    version,
    kibana:
      seed % 2 === 0
        ? { range: '^7.16.0 || ^8.0.0', spelling: 'dotted', quote: 'double' }
        : { range: '^7.9.0', spelling: 'nested', quote: 'single' },
  },
  ...o,
});

let origin: StorageOrigin;
let counter = 0;

async function change(from: string, c: CommitChange): Promise<string> {
  const branch = `change-${++counter}`;
  await origin.commit(branch, { parent: from, ...c });
  return branch;
}

const validate = (base: string, head: string, ...extra: string[]): ReturnType<typeof cli> =>
  cli(['validate', '--repo', origin.bare, '--base', base, '--head', head, '--json', ...extra]);

const rules = (r: { json?: Json }): string[] =>
  (r.json?.violations ?? []).map((v) => `${String(v.rule)} ${String(v.package)}@${String(v.version)}`);
const noticeRules = (r: { json?: Json }): string[] =>
  (r.json?.notices ?? []).map((v) => `${String(v.rule)} ${String(v.package)}@${String(v.version)}`);

/** A legacy file: written directly to a branch as old history left it. */
const legacy = (
  dir: string,
  name: string,
  version: string,
): Record<string, { mode: '100755'; content: string }> =>
  Object.fromEntries(
    Object.entries(packageFiles({ name, version, seed: 9 })).map(([p, c]) => [
      `${dir}/${p}`,
      { mode: exec, content: typeof c === 'string' ? c : c.toString('latin1') },
    ]),
  );

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [spec('nginx', '1.5.0', 1), spec('aws', '8.0.0', 2), spec('system', '1.19.5', 3)],
      staging: [spec('nginx', '1.6.0', 4)],
      // Snapshot's copy of nginx 1.6.0 is byte-identical to staging's but 100644: an old promotion flipped modes.
      snapshot: [
        spec('nginx', '1.6.0', 4, { fileMode: '100644' }),
        spec('nginx', '1.7.0', 5, { fileMode: '100644' }),
      ],
    },
  });
  // Early history left a non-semver version and an old flat directory on production.
  await origin.commit('production', {
    files: {
      ...legacy('packages/aws/7.17-dev1', 'aws', '7.17-dev1'),
      ...legacy('packages/nginx-1.0.0', 'nginx', '1.0.0'),
    },
    message: 'legacy content',
  });
});
afterAll(cleanupTempDirs);

describe('modes are not content', () => {
  it('a promotion to staging of a 100644 snapshot copy written 100755 passes, with a notice', async () => {
    const head = await change('staging', { add: [spec('nginx', '1.7.0', 5)] });
    const r = await validate(
      'staging',
      head,
      '--title',
      '[staging] Promote packages from snapshot (nginx-1.7.0)',
    );
    expect(r.json).toMatchObject({ result: 'pass', violations: [] });
    expect(noticeRules(r)).toEqual(['not-promoted nginx@1.7.0']);
    expect(String(r.json!.notices[0]!.message)).toContain('only file modes differ');
  });

  it('with identity: tree the same promotion fails', async () => {
    const head = await change('staging', { add: [spec('nginx', '1.7.0', 5)] });
    const dir = await tempDir('config');
    await writeFile(join(dir, 'policy.yml'), 'identity: tree\n');
    const r = await validate('staging', head, '--config', join(dir, 'policy.yml'));
    expect(rules(r)).toEqual(['not-promoted nginx@1.7.0']);
  });

  it('a chmod of a production version is no overwrite', async () => {
    const head = await change('production', { add: [spec('nginx', '1.5.0', 1, { fileMode: '100644' })] });
    const r = await validate('production', head);
    expect(r.json).toMatchObject({ result: 'pass', violations: [] });
    expect(noticeRules(r)).toEqual(['overwrite nginx@1.5.0']);
  });

  it("promote finds staging already holds snapshot's copy, and cleanup removes it from snapshot", async () => {
    const clone = await tempDir('clone');
    const { git } = await import('../support/git.js');
    await git(['clone', '--quiet', '--no-checkout', origin.bare, clone]);
    for (const b of ['production', 'staging', 'snapshot'])
      await git(['-C', clone, 'branch', '-f', b, `origin/${b}`]);
    const promote = await cli([
      'promote',
      '--repo',
      clone,
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'nginx@1.6.0',
      '--json',
    ]);
    expect(promote.code, promote.err).toBe(0);
    expect(JSON.parse(promote.out)).toMatchObject({ operation: 'none', packages: [] });
    const cleanup = await cli(['cleanup', '--repo', clone, '--channel', 'snapshot', '--json']);
    expect(cleanup.code, cleanup.err).toBe(0);
    expect(JSON.parse(cleanup.out)).toMatchObject({
      packages: [expect.objectContaining({ name: 'nginx', version: '1.6.0' })],
    });
  });
});

describe('registry-exact rules', () => {
  it('refuses `-` in an asset directory, naming the registry check; `_` passes', async () => {
    const bad = await change('snapshot', {
      add: [
        spec('mysql', '1.0.0', 6, {
          files: {
            'data_stream/log/elasticsearch/ingest-pipeline/default.yml': { mode: exec, content: '---\n' },
          },
        }),
      ],
    });
    const r = await validate('snapshot', bad);
    expect(rules(r)).toEqual(['layout mysql@1.0.0']);
    expect(String(r.json!.violations[0]!.message)).toContain(
      'the registry refuses any directory inside a package whose name contains "-"',
    );
    const good = await change('snapshot', { add: [spec('mysql', '1.0.1', 6)] });
    expect((await validate('snapshot', good)).json).toMatchObject({ result: 'pass' });
  });

  it('refuses a YAML merge key in manifest.yml', async () => {
    const text = `${manifestYaml({ name: 'redis', version: '1.0.0' }).text}<<: { title: Other }\n`;
    const head = await change('snapshot', { add: [spec('redis', '1.0.0', 7, { manifest: text })] });
    const r = await validate('snapshot', head);
    expect(rules(r)).toEqual(['manifest redis@1.0.0']);
    expect(String(r.json!.violations[0]!.message)).toContain('YAML merge key');
  });

  it('1.5.0+build1 is the same version as 1.5.0 on production', async () => {
    const head = await change('production', { add: [spec('nginx', '1.5.0+build1', 8)] });
    const r = await validate('production', head);
    expect(rules(r)).toEqual([
      'not-promoted nginx@1.5.0+build1',
      'overwrite nginx@1.5.0+build1',
      'version-increment nginx@1.5.0+build1',
    ]);
  });
});

describe('legacy content on production', () => {
  it('validates normally: a promotion next to a non-semver directory and a flat directory passes (never exit 3)', async () => {
    const staging = await origin.rev('staging');
    await origin.commit('staging', { add: [spec('aws', '8.1.0', 10)] });
    try {
      const head = await change('production', { add: [spec('aws', '8.1.0', 10)] });
      const r = await validate(
        'production',
        head,
        '--title',
        '[production] Promote packages from staging (aws-8.1.0)',
      );
      expect(r.code, r.err).toBe(0);
      expect(noticeRules(r)).toEqual(['version-increment aws@7.17-dev1']);
    } finally {
      await origin.setRef('refs/heads/staging', staging);
    }
  });

  it('deleting a legacy version directory or a flat directory is a removal', async () => {
    const head = await change('production', {
      removeVersions: [
        { name: 'aws', version: '7.17-dev1' },
        { name: 'nginx-1.0.0', version: '' },
      ],
      files: { 'packages/nginx-1.0.0': null },
    });
    const r = await validate('production', head);
    expect(r.code).toBe(1);
    expect(rules(r)).toEqual(['removal aws@7.17-dev1', 'removal nginx-1.0.0@null']);
  });

  it('a legal removal from production passes with an approved exception', async () => {
    const head = await change('production', { removeVersions: [{ name: 'system', version: '1.19.5' }] });
    expect(rules(await validate('production', head))).toEqual(['removal system@1.19.5']);
    const r = await validate('production', head, '--exception');
    expect(r.code).toBe(0);
    expect(r.json!.notices).toContainEqual(
      expect.objectContaining({ rule: 'removal', exception: expect.objectContaining({ via: 'cli' }) }),
    );
  });

  it('a backport (7.17.x after 8.0.0) with a policy-file exception', async () => {
    const staging = await origin.rev('staging');
    await origin.commit('staging', { add: [spec('aws', '7.17.5', 11)] });
    try {
      const head = await change('production', { add: [spec('aws', '7.17.5', 11)] });
      expect(rules(await validate('production', head))).toEqual(['version-increment aws@7.17.5']);
      const dir = await tempDir('config');
      await writeFile(
        join(dir, 'policy.yml'),
        'exceptions:\n  - package: aws@7.17.5\n    channel: production\n    rules: [version-increment]\n    reason: 7.17 users need the fix\n',
      );
      const r = await validate('production', head, '--config', join(dir, 'policy.yml'));
      expect(r.code).toBe(0);
      expect(r.json!.notices).toContainEqual(
        expect.objectContaining({
          rule: 'version-increment',
          exception: { rule: 'version-increment', source: 'policy', reason: '7.17 users need the fix' },
        }),
      );
    } finally {
      await origin.setRef('refs/heads/staging', staging);
    }
  });
});

describe('markers, frozen channels, conflicts', () => {
  it('a marker arriving on production is refused as a marker; promote refuses to promote one', async () => {
    const head = await change('production', {
      files: Object.fromEntries(
        Object.entries({ 'manifest.yml': 'x', 'docs/README.md': 'x' }).map(([p]) => [
          `packages/snapshot/0.0.1/${p}`,
          'name: snapshot\n',
        ]),
      ),
    });
    const r = await validate('production', head);
    expect(rules(r)).toContain('marker snapshot@0.0.1');
    expect(rules(r)).not.toContain('not-promoted snapshot@0.0.1');

    const promote = await cli([
      'promote',
      '--repo',
      origin.bare,
      '--from',
      'snapshot',
      '--to',
      'staging',
      '--packages',
      'snapshot@0.0.1',
    ]);
    expect(promote.code).toBe(1);
    expect(promote.err).toContain('snapshot@0.0.1 is the marker package of snapshot');
  });

  it('a frozen channel refuses any package change', async () => {
    const dir = await tempDir('config');
    await writeFile(
      join(dir, 'policy.yml'),
      'channels:\n  - name: production\n    frozen: true\n  - name: staging\n  - name: snapshot\n',
    );
    const head = await change('production', { removeVersions: [{ name: 'system', version: '1.19.5' }] });
    const r = await validate('production', head, '--config', join(dir, 'policy.yml'));
    expect(rules(r)).toEqual(['frozen system@1.19.5', 'removal system@1.19.5']);
  });

  it('a merge conflict is a finding naming the files (exit 1)', async () => {
    const head = await change('snapshot', {
      files: { 'deployment/package-registry.yml': 'package_paths: [/x]\n' },
    });
    await origin.commit('snapshot', {
      files: { 'deployment/package-registry.yml': 'package_paths: [/y]\n' },
    });
    const r = await validate('snapshot', head);
    expect(r.code).toBe(1);
    expect(r.json!.violations).toEqual([
      expect.objectContaining({ rule: 'merge-conflict', path: 'deployment/package-registry.yml' }),
    ]);
  });
});
