// The CLI's validate command against real git repositories built with plumbing (no working trees).
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { manifestYaml } from '../support/manifests.js';
import { StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

interface Run {
  code: number;
  out: string;
  err: string;
  json?: {
    result: string;
    violations: Array<Record<string, unknown>>;
    notices: Array<Record<string, unknown>>;
  };
}

async function cli(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const run: Run = { code, out: out.join('\n'), err: err.join('\n') };
  if (args.includes('--json') && code < 2) run.json = JSON.parse(run.out) as Run['json'];
  return run;
}

const nginx15: VersionSpec = { name: 'nginx', version: '1.5.0', seed: 1 };
const nginx16: VersionSpec = {
  name: 'nginx',
  version: '1.6.0',
  seed: 2,
  manifest: {
    name: 'nginx',
    version: '1.6.0',
    release: 'ga',
    kibana: { range: '^7.16.0 || ^8.0.0', spelling: 'dotted', quote: 'double' },
  },
};
const system = (version: string, seed = 3): VersionSpec => ({
  name: 'system',
  version,
  seed,
  manifest: { name: 'system', version, kibana: { range: '>=7.10.0', spelling: 'nested', quote: 'single' } },
});
const apmRc: VersionSpec = { name: 'apm', version: '8.0.0-rc1', seed: 4 };

let origin: StorageOrigin;
let repo: string;
let branchCounter = 0;

/** A new branch off `from` with one commit; returns its name. */
async function change(from: string, c: Parameters<StorageOrigin['commit']>[1]): Promise<string> {
  const branch = `change-${++branchCounter}`;
  await origin.commit(branch, { parent: from, ...c });
  return branch;
}

async function validate(base: string, head: string, ...extra: string[]): Promise<Run> {
  return cli(['validate', '--repo', repo, '--base', base, '--head', head, '--json', ...extra]);
}

const rules = (r: Run): string[] =>
  (r.json?.violations ?? []).map((v) => `${String(v.rule)} ${String(v.package)}@${String(v.version)}`);

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [nginx15, system('1.19.5')],
      staging: [nginx16, system('1.20.0')],
      snapshot: [nginx16, system('1.20.0'), apmRc, { name: 'nginx', version: '1.7.0', seed: 5 }],
    },
  });
  repo = origin.bare;
});
afterAll(cleanupTempDirs);

describe('package-storage validate', () => {
  it('passes a promotion from snapshot to staging', async () => {
    const head = await change('staging', { add: [apmRc] });
    const r = await validate(
      'staging',
      head,
      '--title',
      '[staging] Promote packages from snapshot (apm-8.0.0-rc1)',
    );
    expect(r.json).toMatchObject({ result: 'pass', violations: [] });
    expect(r.code).toBe(0);
  });

  it('passes a promotion from staging to production and its cleanup of staging', async () => {
    const promoted = await change('production', { add: [nginx16] });
    expect((await validate('production', promoted)).code).toBe(0);
    // Once production holds the identical tree, staging may drop it.
    await origin.setRef('refs/heads/production', await origin.rev(promoted));
    const cleanup = await change('staging', { removeVersions: [{ name: 'nginx', version: '1.6.0' }] });
    const r = await validate(
      'staging',
      cleanup,
      '--title',
      '[staging] Remove promoted packages (nginx-1.6.0)',
    );
    expect(r.code).toBe(0);
    expect(r.json!.notices).toEqual([
      expect.objectContaining({ rule: 'removal', severity: 'notice', package: 'nginx', version: '1.6.0' }),
    ]);
    await origin.setRef('refs/heads/production', `${promoted}~1`);
  });

  it('fails an overwrite and a removal on production with exit 1', async () => {
    const head = await change('production', {
      add: [{ ...nginx15, seed: 99 }],
      removeVersions: [{ name: 'system', version: '1.19.5' }],
    });
    const r = await validate('production', head, '--title', '[production] Fix things');
    expect(r.code).toBe(1);
    expect(r.json!.result).toBe('fail');
    expect(rules(r)).toEqual(['not-promoted nginx@1.5.0', 'overwrite nginx@1.5.0', 'removal system@1.19.5']);
    for (const v of r.json!.violations)
      expect(Object.keys(v)).toEqual(
        expect.arrayContaining(['rule', 'severity', 'package', 'version', 'path', 'message']),
      );
  });

  it('fails a version that skips staging, and an older version on production', async () => {
    const skipped = await change('production', { add: [{ name: 'nginx', version: '1.7.0', seed: 5 }] });
    const r = await validate('production', skipped);
    expect(rules(r)).toEqual(['not-promoted nginx@1.7.0']);
    expect(String(r.json!.violations[0]!.message)).toContain('promote it through staging first');

    const older = await change('production', { add: [system('1.19.4')] });
    expect(rules(await validate('production', older))).toEqual([
      'not-promoted system@1.19.4',
      'version-increment system@1.19.4',
    ]);
  });

  it('fails a snapshot version shadowed by a different production copy', async () => {
    const head = await change('snapshot', { add: [{ ...nginx15, seed: 42 }] });
    expect(rules(await validate('snapshot', head))).toEqual(['shadowed nginx@1.5.0']);
  });

  it('allows snapshot overwrites and removals', async () => {
    const head = await change('snapshot', {
      add: [{ name: 'nginx', version: '1.7.0', seed: 77 }],
      removeVersions: [{ name: 'apm', version: '8.0.0-rc1' }],
    });
    expect((await validate('snapshot', head, '--title', '[snapshot] Update nginx')).code).toBe(0);
  });

  it('turns a staging overwrite and its skipped stage into notices with --exception', async () => {
    const head = await change('staging', { add: [{ ...nginx16, seed: 8 }] });
    expect(rules(await validate('staging', head))).toEqual([
      'not-promoted nginx@1.6.0',
      'overwrite nginx@1.6.0',
    ]);
    const r = await validate('staging', head, '--exception');
    expect(rules(r)).toEqual([]);
    expect(r.json!.notices).toEqual([
      expect.objectContaining({
        rule: 'not-promoted',
        severity: 'notice',
        exception: { rule: 'not-promoted', source: 'approval', via: 'cli', by: 'command line' },
      }),
      expect.objectContaining({
        rule: 'overwrite',
        severity: 'notice',
        exception: expect.objectContaining({ via: 'cli' }),
      }),
    ]);
  });

  it('never lifts an overwrite on production, even with --exception', async () => {
    const head = await change('production', { add: [{ ...nginx15, seed: 11 }] });
    const r = await validate('production', head, '--exception');
    expect(rules(r)).toEqual(['overwrite nginx@1.5.0']);
    expect(String(r.json!.violations[0]!.message)).toContain('never overwritten');
  });

  it('reports manifest problems with the manifest line', async () => {
    const bad = manifestYaml({
      name: 'nginx',
      version: '1.8.0',
      release: 'stable',
      kibana: { range: '^8.0.0 ||| x', spelling: 'nested', quote: 'double' },
    });
    const head = await change('snapshot', {
      add: [{ name: 'nginx', version: '1.8.0', manifest: bad.text.replace('name: nginx', 'name: nginx_ng') }],
    });
    const r = await validate('snapshot', head);
    expect(r.code).toBe(1);
    // One finding for the version's manifest, each problem in it with its own line.
    const manifest = r.json!.violations.filter((v) => v.rule === 'manifest');
    expect(manifest).toHaveLength(1);
    expect(manifest[0]).toMatchObject({ path: 'packages/nginx/1.8.0/manifest.yml', count: 3 });
    const details = manifest[0]!.details as Array<{ message: string; line: number | null }>;
    const byMessage = (text: string): { line: number | null } | undefined =>
      details.find((d) => d.message.includes(text));
    expect(byMessage('`name` is "nginx_ng"')).toMatchObject({ line: bad.lines.name });
    expect(byMessage('`release` must be one of')).toMatchObject({ line: bad.lines.release });
    expect(byMessage('not a valid version range')).toMatchObject({
      line: bad.lines['conditions.kibana.version'],
    });
  });

  it('accepts realistic manifests: prerelease versions, both condition spellings, quoting styles', async () => {
    const specs: VersionSpec[] = [
      ['0.1.0-dev.1', 'dotted', 'none', '^8.0.0'],
      ['1.1.0-preview1', 'nested', 'single', '^7.14.1 || ^8.0.0'],
      ['2.11.10-beta.1', 'dotted', 'double', '>=7.10.0'],
      ['8.3.0-dev1', 'nested', 'double', '^7.17.6 || ^8.3.0'],
    ].map(([version, spelling, quote, range]) => ({
      name: 'windows_edr',
      version: version!,
      manifest: {
        name: 'windows_edr',
        version: version!,
        kibana: { range: range!, spelling: spelling as 'dotted', quote: quote as 'none' },
      },
    }));
    const head = await change('snapshot', { add: specs });
    const r = await validate('snapshot', head, '--title', '[snapshot] Add windows_edr');
    expect(r.json).toMatchObject({ result: 'pass', violations: [] });
  });

  it('catches bad layout: a symlink, a non-UTF-8 name, a _dev path, a non-semver directory, a huge file', async () => {
    const head = await change('snapshot', {
      files: {
        'packages/nginx/1.7.0/docs/passwd': { symlink: '/etc/passwd' },
        'packages/nginx/1.7.0/_dev/build/build.yml': 'dependencies: {}\n',
        'packages/nginx/1.0/manifest.yml': 'name: nginx\n',
        'packages/nginx/1.7.0/img/huge.bin': { random: 3 * 1024 * 1024, seed: 1 },
      },
      rawFiles: [
        {
          path: Buffer.from([...Buffer.from('packages/nginx/1.7.0/docs/'), 0xff, 0xfe, 0x2e, 0x6d, 0x64]),
          content: 'x',
        },
      ],
    });
    const dir = await tempDir('config');
    await writeFile(join(dir, 'limits.yml'), 'limits:\n  file-bytes: 2097152\n');
    const r = await validate('snapshot', head, '--config', join(dir, 'limits.yml'));
    // One finding per version and rule.
    const found = r.json!.violations.map(
      (v) => `${String(v.rule)} ${String(v.package)}@${String(v.version)}: ${String(v.message)}`,
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^layout nginx@1\.0: "packages\/nginx\/1\.0\/manifest\.yml": version directory "1\.0" is not strict semver/,
      ),
      expect.stringMatching(
        /^forbidden-path nginx@1\.7\.0: "packages\/nginx\/1\.7\.0\/_dev\/build\/build\.yml": matches/,
      ),
      expect.stringMatching(
        /^layout nginx@1\.7\.0: 2 layout problems in nginx@1\.7\.0: .*not valid UTF-8.*"packages\/nginx\/1\.7\.0\/docs\/passwd": a symbolic link|^layout nginx@1\.7\.0: 2 layout problems in nginx@1\.7\.0: "packages\/nginx\/1\.7\.0\/docs\/passwd": a symbolic link.*not valid UTF-8/,
      ),
      expect.stringMatching(
        /^size nginx@1\.7\.0: "packages\/nginx\/1\.7\.0\/img\/huge\.bin": the file is larger than the limit of 2097152 bytes \(3145728 bytes\)/,
      ),
    ]);
  });

  it('checks the title prefix and never echoes control characters', async () => {
    const head = await change('snapshot', { add: [{ name: 'nginx', version: '1.9.0' }] });
    const title = 'Add $(rm -rf /) `id`\n::set-output name=result::pass\u001b[31m';
    const r = await cli(['validate', '--repo', repo, '--base', 'snapshot', '--head', head, '--title', title]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('PR title must start with "[snapshot]"');
    for (const line of r.out.split('\n')) {
      expect(line.trimStart().startsWith('::')).toBe(false);
      expect(line).not.toContain('\u001b');
    }
  });

  it('reads the policy from the default branch, and --config over it', async () => {
    await origin.commit('main', {
      files: { '.github/package-storage.yml': 'title-prefix: "({branch})"\nrules:\n  shadowed: warning\n' },
    });
    try {
      const head = await change('snapshot', { add: [{ ...nginx15, seed: 43 }] });
      const r = await validate('snapshot', head, '--title', '(snapshot) Add nginx');
      expect(r.code).toBe(0);
      expect(r.json!.violations).toEqual([
        expect.objectContaining({ rule: 'shadowed', severity: 'warning' }),
      ]);

      const dir = await tempDir('config');
      await writeFile(join(dir, 'policy.yml'), 'rules:\n  shadowed: off\n');
      const withFile = await validate(
        'snapshot',
        head,
        '--config',
        join(dir, 'policy.yml'),
        '--title',
        '[snapshot] Add nginx',
      );
      expect(withFile.json).toMatchObject({ result: 'pass', violations: [] });
    } finally {
      await origin.commit('main', { files: { '.github/package-storage.yml': null } });
    }
  });

  it('works in a clone where the channels are only remote-tracking branches', async () => {
    const head = await change('staging', { add: [apmRc] });
    const clone = await tempDir('clone');
    await git(['clone', '--quiet', '--no-checkout', origin.bare, clone]);
    const r = await cli([
      'validate',
      '--repo',
      clone,
      '--base',
      'staging',
      '--head',
      `origin/${head}`,
      '--json',
    ]);
    expect(r.json).toMatchObject({ result: 'pass' });
  });

  it.each([
    [['validate', '--repo', '/nonexistent', '--base', 'snapshot', '--head', 'x'], /is not a git repository/],
    [['validate', '--base', 'snapshot'], /--head is required/],
    [
      ['validate', '--head', 'x', '--base', 'main', '--repo', '<repo>'],
      /main is not a channel branch \(channels: production on production/,
    ],
    [
      ['validate', '--head', 'no-such-rev', '--base', 'snapshot', '--repo', '<repo>'],
      /--head no-such-rev is not a commit/,
    ],
    [
      [
        'validate',
        '--head',
        'main',
        '--base',
        'snapshot',
        '--repo',
        '<repo>',
        '--config',
        '/nonexistent.yml',
      ],
      /cannot read the policy file/,
    ],
    [['validate', '--unknown'], /Unknown option '--unknown'/],
    [['bogus'], /unknown command "bogus"/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await cli(args.map((a) => (a === '<repo>' ? repo : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on an invalid policy file, naming the key', async () => {
    const dir = await tempDir('config');
    await writeFile(join(dir, 'bad.yml'), 'channels:\n  - name: production\n    overwrite: sometimes\n');
    const r = await cli([
      'validate',
      '--repo',
      repo,
      '--base',
      'snapshot',
      '--head',
      'snapshot',
      '--config',
      join(dir, 'bad.yml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'channels[0].overwrite: must be one of allow, exception, never (got "sometimes")',
    );
  });

  it('runs as the installed bin (the committed bundle)', () => {
    const result = spawnSync(
      process.execPath,
      [
        'bin/package-storage.js',
        'validate',
        '--repo',
        repo,
        '--base',
        'snapshot',
        '--head',
        'snapshot',
        '--json',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ result: 'pass', violations: [] });
  });
});
