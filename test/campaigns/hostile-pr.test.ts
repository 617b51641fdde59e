// Hostile pull requests through the bundled validate action, run the way a storage repository runs it: a fork's PR
// under pull_request_target (the workspace holds the base branch; the action fetches the merge ref itself). Links,
// odd and raw tree entries, YAML bombs, a huge file and a huge version, workflow commands in the title and the
// manifest, a PR rewriting the policy, hook and submodule bait. Each must end in a clear violation (rule and file) in
// bounded memory and work (durations are printed, never asserted: timings live in bench/), with nothing untrusted
// reaching the log as a workflow command and nothing executed.
import { existsSync } from 'node:fs';
import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { cleanupTempDirs, tempDir } from '../support/git.js';
import { tracedGitCommands } from '../support/hostile/measure.js';
import {
  expectOnlyOwnCommands,
  hostilePull,
  itemsOf,
  violationsOf,
  type HostilePullOptions,
  type HostileRepo,
  type HostileRun,
} from '../support/hostile/pull.js';
import {
  commitTreeOnBranch,
  rootTreeOf,
  spliceTree,
  TREE_MODE,
  writeBlob,
  writeRawTree,
  type RawEntry,
} from '../support/hostile/raw-tree.js';
import { manifestYaml } from '../support/manifests.js';
import type { ActionRun } from '../support/run-action.js';
import { StorageOrigin, type VersionSpec } from '../support/storage-origin.js';

const owner = 'acme';
const repo = 'package-storage';
const TRUSTED_POLICY =
  '# The trusted policy: the built-in rules, with its own exception label so its source shows.\nexception-label: storage-exception\n';

let origin: StorageOrigin;
let gh: FakeGitHub;
let r: HostileRepo;
/** Every "would-be executed" payload in this file touches a file in here; it must stay empty. */
let markers: string;
const measured: Array<{ case: string; seconds: number; nodeMb?: number; groupMb?: number; child?: string }> =
  [];

beforeAll(async () => {
  origin = await StorageOrigin.create({
    branches: {
      production: [{ name: 'nginx', version: '1.5.0', seed: 1 }],
      staging: [{ name: 'nginx', version: '1.6.0', seed: 2 }],
      snapshot: [{ name: 'nginx', version: '1.6.0', seed: 2 }],
    },
    mainFiles: { '.github/package-storage.yml': TRUSTED_POLICY },
  });
  // Incompressible test blobs are stored and served as they are: zlib would only cost time here.
  await appendFile(join(origin.bare, 'config'), '[core]\n\tcompression = 0\n[pack]\n\tcompression = 0\n');
  gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
  r = { origin, gh, owner, repo };
  markers = await tempDir('hostile-markers');
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  expect(await readdir(markers), 'a hostile payload was executed').toEqual([]);
});
afterAll(async () => {
  if (measured.length > 0) console.table(measured);
  await gh.close();
  await cleanupTempDirs();
});

async function pull(name: string, o: HostilePullOptions): Promise<HostileRun> {
  const h = await hostilePull(r, o);
  measured.push({
    case: name,
    seconds: Math.round(h.run.durationMs / 100) / 10,
    ...(h.memory.nodeMaxRssMb !== undefined ? { nodeMb: h.memory.nodeMaxRssMb } : {}),
    ...(h.memory.groupPeakRssMb !== undefined ? { groupMb: h.memory.groupPeakRssMb } : {}),
    ...(h.memory.biggestChild !== undefined ? { child: h.memory.biggestChild } : {}),
  });
  expectOnlyOwnCommands(h.run);
  // The policy always comes from the default branch.
  expect(h.run.stdout).toContain('policy: main:.github/package-storage.yml');
  return h;
}

/** `rule path` of every file or problem the violations cover, sorted. */
const found = (run: ActionRun): string[] =>
  itemsOf(run)
    .map((v) => `${v.rule} ${v.path ?? '-'}`)
    .sort();

function expectFailure(run: ActionRun, expected: string[]): void {
  expect(run.exitCode, run.stdout + run.stderr).toBe(1);
  expect(run.outputs.result).toBe('fail');
  expect(found(run)).toEqual([...expected].sort());
  // Every violation is also an annotation on its file.
  for (const v of violationsOf(run))
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining(`[${v.rule}]`) }),
    );
}

/** Workflow commands, shell substitutions and line breaks; `label` names the marker file a shell would create. */
const evil = (label: string): string =>
  `x\n::set-output name=result::pass\n::add-mask::${label}\n::stop-commands::tok-${label}\n::error::fake ${label}\n` +
  `##[set-output name=result;]pass\r::warning::cr %0A::set-output name=result::pass ` +
  `$(touch ${markers}/${label}) \`touch ${markers}/${label}-bt\` ; touch ${markers}/${label}-semi`;

/** A minimal valid version (manifest and README only, so few blobs to fetch), plus `files`. */
const small = (
  name: string,
  version: string,
  o: { manifest?: string; files?: VersionSpec['files'] } = {},
): VersionSpec => ({
  name,
  version,
  generate: false,
  manifest: o.manifest ?? manifestYaml({ name, version }).text,
  files: { 'docs/README.md': `# ${name}\n`, ...o.files },
});

describe('links', () => {
  it('a link out of the package, one climbing up, a linked directory, a linked version and a linked manifest', async () => {
    const { run } = await pull('symlinks', {
      base: 'snapshot',
      title: '[snapshot] Add links 1.0.0 and 1.2.0',
      change: {
        add: [
          small('links', '1.0.0', {
            files: {
              'link-passwd': { symlink: '/etc/passwd' },
              'kibana/up': { symlink: '../../..' },
              assets: { symlink: '/etc' },
            },
          }),
          small('links', '1.2.0', { files: { 'manifest.yml': { symlink: '/etc/passwd' } } }),
        ],
        files: { 'packages/links/1.1.0': { symlink: '../../../../etc' } },
      },
    });
    expectFailure(run, [
      'layout packages/links/1.0.0/assets',
      'layout packages/links/1.0.0/kibana/up',
      'layout packages/links/1.0.0/link-passwd',
      'layout packages/links/1.1.0',
      'layout packages/links/1.2.0/manifest.yml',
      'manifest packages/links/1.2.0/manifest.yml',
    ]);
    const messages = itemsOf(run).map((v) => v.message);
    expect(
      messages.filter((m) => m.includes('a symbolic link; packages may not contain links')),
    ).toHaveLength(4);
    expect(messages).toContain(
      '"packages/links/1.1.0": a file directly in packages/links/, outside any version directory',
    );
    // The linked manifest is read as the link's own blob ("/etc/passwd"), never through the link.
    expect(messages).toContain('manifest.yml must be a YAML mapping');
    for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)])
      expect(text).not.toMatch(/root:x?:0:0/);
  });
});

describe('file names', () => {
  it('control characters, line breaks, non-UTF-8 bytes and workflow commands in names', async () => {
    const bad = [
      'docs/a\nb.md',
      'docs/esc\u001b[31mred\u001b[0m.md',
      'docs/cr\r::error::fake.md',
      'docs/tab\tname.md',
      'docs/del\u007f.md',
      'docs/x\n::set-output name=result::pass\n::add-mask::hidden\n::stop-commands::tok.md',
    ];
    // Odd but legal names: no violation, and still no command.
    const legal = [
      'docs/::set-output name=result::pass',
      'docs/%0A::add-mask::x%0D.md',
      'docs/##[set-output name=x;]y.md',
      'docs/a..b.md',
      'docs/$(id) `id`.md',
      'docs/nel\u0085 ls\u2028 ps\u2029.md',
    ];
    const raw = (tail: number[]): Buffer =>
      Buffer.concat([Buffer.from('packages/names/1.0.0/docs/'), Buffer.from(tail)]);
    const { run } = await pull('file names', {
      base: 'snapshot',
      title: '[snapshot] Add names 1.0.0',
      change: {
        add: [
          small('names', '1.0.0', {
            files: Object.fromEntries([...bad, ...legal].map((p) => [p, `${p}\n`])),
          }),
        ],
        files: { 'packages/x<img src=x onerror=alert(1)>.md': 'html\n' },
        rawFiles: [
          { path: raw([...Buffer.from('caf'), 0xe9, ...Buffer.from('.md')]), content: 'latin1\n' },
          { path: raw([0xff, 0xfe, ...Buffer.from('\n::set-output name=result::pass')]), content: 'x\n' },
        ],
      },
    });
    expectFailure(run, [
      ...bad.map((p) => `layout packages/names/1.0.0/${p}`),
      'layout packages/names/1.0.0/docs/caf\ufffd.md',
      // Both not UTF-8 and holding a line break: two findings.
      'layout packages/names/1.0.0/docs/\ufffd\ufffd\n::set-output name=result::pass',
      'layout packages/names/1.0.0/docs/\ufffd\ufffd\n::set-output name=result::pass',
      'layout packages/x<img src=x onerror=alert(1)>.md',
    ]);
    const byPath = new Map(itemsOf(run).map((v) => [v.path, v.message]));
    expect(byPath.get('packages/names/1.0.0/docs/a\nb.md')).toContain(
      'the file name contains control characters',
    );
    expect(byPath.get('packages/names/1.0.0/docs/caf\ufffd.md')).toContain(
      'the file name is not valid UTF-8',
    );
    // The misplaced file gets its own summary row: escaped, never markup.
    expect(run.summary).toContain('x&lt;img src=x onerror=alert(1)&gt;.md');
    expect(run.summary).not.toContain('<img');
  });

  it('`..`, `.` and slashes in raw tree entries are layout violations', async () => {
    const g = origin.bare;
    const { run } = await pull('raw tree entries', {
      base: 'snapshot',
      title: '[snapshot] Add raw_entries 1.0.0',
      build: async (head, baseSha) => {
        await origin.commit(head, { parent: baseSha, add: [small('raw_entries', '1.0.0')] });
        const blob = await writeBlob(g, 'root:x:0:0:root:/root:/bin/sh\n');
        const inner = await writeRawTree(g, [{ mode: '100644', name: 'passwd', oid: blob }]);
        let tree = await spliceTree(
          g,
          await rootTreeOf(g, head),
          ['packages', 'raw_entries', '1.0.0'],
          [
            { mode: TREE_MODE, name: '..', oid: inner },
            { mode: TREE_MODE, name: '.', oid: inner },
            { mode: '100644', name: '../../../../tmp/evil', oid: blob },
            { mode: '100644', name: 'a..b.md', oid: blob },
          ],
        );
        tree = await spliceTree(g, tree, ['packages'], [{ mode: TREE_MODE, name: '..', oid: inner }]);
        await commitTreeOnBranch(g, { branch: head, parent: baseSha, tree, message: 'raw entries' });
      },
    });
    expectFailure(run, [
      'layout packages/../passwd',
      'layout packages/raw_entries/1.0.0/../../../../tmp/evil',
      'layout packages/raw_entries/1.0.0/../passwd',
      'layout packages/raw_entries/1.0.0/./passwd',
      // and the crafted entries themselves, from the tree reads
      'layout packages/..',
      'layout packages/raw_entries/1.0.0/.',
      'layout packages/raw_entries/1.0.0/..',
      'layout packages/raw_entries/1.0.0/../../../../tmp/evil',
    ]);
    expect(itemsOf(run).filter((v) => String(v.message).includes('git never writes'))).toHaveLength(4);
    const messages = itemsOf(run).map((v) => v.message);
    expect(messages.filter((m) => m.endsWith('empty, "." or ".." path segment'))).toHaveLength(3);
    expect(messages).toContain('"packages/../passwd": package name ".." must match ^[a-z0-9_]+$');
  });

  // Regression (was a bug): validate trusts tree entry names. An entry named `nginx/1.5.0` directly in `packages/` yields the same
  // `git diff-tree` paths as a real version directory, so the path rules see a well-formed version; but
  // StorageReader.holdings() (src/git/storage.ts) looks package directories up by entry name, so the rewritten
  // version never shows up as a change: on production, rewriting nginx@1.5.0 this way passes (result pass, exit 0,
  // 0 version changes). Expected: a violation (layout: entry names with "/", or the overwrite). GitHub's strict
  // fsck on push (`fullPathname`) rejects such trees, so the hole needs a host that accepts them.
  it('an entry name with a slash cannot smuggle a rewritten version into production', async () => {
    const g = origin.bare;
    const { run } = await pull('slash in an entry name', {
      base: 'production',
      title: '[production] Promote packages from staging (nginx-1.5.0)',
      build: async (head, baseSha) => {
        const manifest = await writeBlob(g, manifestYaml({ name: 'nginx', version: '1.5.0' }).text);
        const readme = await writeBlob(g, '# rewritten\n');
        const docs = await writeRawTree(g, [{ mode: '100644', name: 'README.md', oid: readme }]);
        const version = await writeRawTree(g, [
          { mode: '100644', name: 'manifest.yml', oid: manifest },
          { mode: TREE_MODE, name: 'docs', oid: docs },
        ]);
        const tree = await spliceTree(
          g,
          await rootTreeOf(g, baseSha),
          ['packages'],
          [{ mode: TREE_MODE, name: 'nginx/1.5.0', oid: version }],
        );
        await commitTreeOnBranch(g, { branch: head, parent: baseSha, tree, message: 'ghost' });
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(violationsOf(run).map((v) => v.rule)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(layout|overwrite)$/)]),
    );
  });
});

/** A manifest that is fine but for `body`. */
const manifestWith = (name: string, version: string, body: string): string =>
  `format_version: 1.0.0\nname: ${name}\ntitle: Bomb\nversion: ${version}\ndescription: Bomb.\n${body}`;

describe('YAML bombs', () => {
  it('billion laughs: refused at the first alias, quickly and in little memory', async () => {
    const lines = [`lol0: &l0 [${Array.from({ length: 9 }, () => '"lol"').join(', ')}]`];
    for (let i = 1; i <= 9; i++)
      lines.push(`lol${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
    lines.push('merged:\n  <<: *l9');
    const h = await pull('billion laughs', {
      base: 'snapshot',
      title: '[snapshot] Add laughs 1.0.0',
      change: {
        add: [small('laughs', '1.0.0', { manifest: manifestWith('laughs', '1.0.0', lines.join('\n')) })],
      },
    });
    expectFailure(h.run, ['manifest packages/laughs/1.0.0/manifest.yml']);
    expect(violationsOf(h.run)[0]).toMatchObject({
      message: 'manifest.yml is not valid YAML: YAML aliases (*name) are not allowed in manifest.yml',
      line: 7,
    });
    expect(h.memory.nodeMaxRssMb ?? 0).toBeLessThan(256);
  });

  it('10,000 levels of flow sequences, flow mappings and block sequences', async () => {
    const depth = 10_000;
    const bodies: Record<string, string> = {
      '1.0.0': `nested: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
      '1.1.0': `nested: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`,
      '1.2.0': `nested:\n${'- '.repeat(depth)}x\n`,
    };
    const h = await pull('10,000 levels', {
      base: 'snapshot',
      title: '[snapshot] Add deep 1.0.0, 1.1.0 and 1.2.0',
      change: {
        add: Object.entries(bodies).map(([version, body]) =>
          small('deep', version, { manifest: manifestWith('deep', version, body) }),
        ),
      },
    });
    expectFailure(
      h.run,
      Object.keys(bodies).map((v) => `manifest packages/deep/${v}/manifest.yml`),
    );
    for (const v of violationsOf(h.run))
      expect(v.message).toBe('manifest.yml is not valid YAML: nesting deeper than 64 levels');
    expect(h.memory.nodeMaxRssMb ?? 0).toBeLessThan(256);
  });
});

/** A version tree written directly: `manifest.yml`, `docs/README.md` and `bulk` holding `files` files. */
async function bulkVersion(
  name: string,
  o: { files: number; bulk: string; distinct?: boolean },
): Promise<string> {
  const g = origin.bare;
  const perDir = 500;
  const same = await writeBlob(g, '{}\n');
  const dirs: RawEntry[] = [];
  for (let d = 0; d * perDir < o.files; d++) {
    const entries: RawEntry[] = [];
    for (let f = d * perDir; f < Math.min(o.files, (d + 1) * perDir); f++)
      entries.push({
        mode: '100644',
        name: `f${String(f).padStart(6, '0')}.json`,
        oid: o.distinct ? await writeBlob(g, `{"file":${f}}\n`) : same,
      });
    dirs.push({
      mode: TREE_MODE,
      name: `d${String(d).padStart(4, '0')}`,
      oid: await writeRawTree(g, entries),
    });
  }
  const bulk = await writeRawTree(g, dirs);
  const docs = await writeRawTree(g, [
    { mode: '100644', name: 'README.md', oid: await writeBlob(g, '# Bulk\n') },
  ]);
  const manifest = await writeBlob(g, manifestYaml({ name, version: '1.0.0' }).text);
  return writeRawTree(g, [
    { mode: '100644', name: 'manifest.yml', oid: manifest },
    { mode: TREE_MODE, name: 'docs', oid: docs },
    { mode: TREE_MODE, name: o.bulk, oid: bulk },
  ]);
}

/** A head branch adding `packages/<name>/1.0.0` as the given tree. */
const addVersionTree =
  (name: string, tree: () => Promise<string>) =>
  async (head: string, baseSha: string): Promise<void> => {
    const root = await spliceTree(
      origin.bare,
      await rootTreeOf(origin.bare, baseSha),
      ['packages', name],
      [{ mode: TREE_MODE, name: '1.0.0', oid: await tree() }],
    );
    await commitTreeOnBranch(origin.bare, {
      branch: head,
      parent: baseSha,
      tree: root,
      message: `Add ${name}`,
    });
  };

// The two big cases load different things (git and the disk; node): run them side by side. Each test uses its
// own package name and head branch.
describe.concurrent('size', () => {
  it('a 150 MB incompressible file: a size violation, without holding the file in memory', async () => {
    const bytes = 150 * 2 ** 20;
    const h = await pull('150 MB file', {
      base: 'snapshot',
      title: '[snapshot] Add huge 1.0.0',
      change: { add: [small('huge', '1.0.0', { files: { 'data/blob.bin': { random: bytes, seed: 7 } } })] },
      timeoutMs: 90_000,
    });
    expectFailure(h.run, ['size packages/huge/1.0.0/data/blob.bin']);
    expect(violationsOf(h.run)[0]?.message).toBe(
      `"packages/huge/1.0.0/data/blob.bin": the file is larger than the limit of 104857600 bytes (${bytes} bytes)`,
    );
    expect(h.memory.nodeMaxRssMb ?? 0).toBeLessThan(256);
  }, 120_000);

  it('a version with 100,000 files: a size violation in bounded time and memory', async () => {
    const h = await pull('100,000 files', {
      base: 'snapshot',
      title: '[snapshot] Add many 1.0.0',
      // The bulk sorts after docs/, so the README is listed before the file limit stops the listing.
      build: addVersionTree('many', () => bulkVersion('many', { files: 100_000, bulk: 'kibana' })),
      timeoutMs: 90_000,
    });
    expectFailure(h.run, ['size packages/many/1.0.0']);
    expect(violationsOf(h.run)[0]?.message).toBe(
      'many@1.0.0 has more than 20000 files (the limit); it was not read further',
    );
    expect(h.memory.nodeMaxRssMb ?? 0).toBeLessThan(768);
  }, 120_000);

  // Regression (was a bug): when a version has more files than `limits.files-per-version`, StorageReader.versionContent
  // (src/git/storage.ts) stops listing, and validateChange (src/core/validate.ts) then checks `docs/README.md`
  // against the truncated list: a README sorting after the cut-off (here after `data/`) is reported missing.
  // Observed: [manifest "docs/README.md is missing", size]; expected: the size violation only.
  it('a version over the file limit is not also reported as missing its README', async () => {
    const h = await pull('20,001 files, README after the cut-off', {
      base: 'snapshot',
      title: '[snapshot] Add cutoff 1.0.0',
      build: addVersionTree('cutoff', () => bulkVersion('cutoff', { files: 20_001, bulk: 'data' })),
      timeoutMs: 90_000,
    });
    expectFailure(h.run, ['size packages/cutoff/1.0.0']);
  }, 120_000);

  // Regression (was a bug): under pull_request_target every changed blob is fetched by its own `git fetch`. The first fetch
  // (loadPolicy -> fetchBranches with treesOnly, src/git/remote.ts) uses --filter=blob:none, which turns the
  // checkout into a partial clone (remote.origin.promisor, partialclonefilter=blob:none), so the later fetch of
  // refs/pull/<n>/merge is blob-less too; StorageReader.addSizes (src/git/storage.ts) then asks `git cat-file
  // --batch-check` for each blob's size and git lazily fetches each missing blob with a separate process and round
  // trip. Observed: one `git fetch` per changed file (~300 here; 100,000 distinct files would mean 100,000 fetches).
  // Expected: the merge commit's blobs in one fetch (e.g. an explicit --no-filter / --filter=blob:limit on it).
  it('the fetches a PR costs do not grow with its number of files', async () => {
    const trace = join(await tempDir('hostile-trace'), 'trace2.json');
    const h = await pull('300 distinct files', {
      base: 'snapshot',
      title: '[snapshot] Add lazy 1.0.0',
      build: addVersionTree('lazy', () =>
        bulkVersion('lazy', { files: 300, bulk: 'kibana', distinct: true }),
      ),
      env: { GIT_TRACE2_EVENT: trace },
      timeoutMs: 90_000,
    });
    expect(h.run.exitCode, h.run.stdout).toBe(0);
    const fetches = (await tracedGitCommands(trace)).filter((argv) => argv.includes('fetch'));
    expect(fetches.length).toBeLessThanOrEqual(8);
  }, 120_000);
});

describe('workflow commands in the title and the manifest', () => {
  it('a failing PR stays failing: outputs untouched, no masks, nothing run', async () => {
    const manifest = manifestYaml({
      name: evil('name'),
      version: evil('version'),
      formatVersion: evil('format'),
      release: evil('release'),
      title: evil('title'),
      description: evil('description'),
      extra: `conditions:\n  kibana.version: ${JSON.stringify(evil('kibana'))}\n`,
    }).text;
    const { run } = await pull('commands (fail)', {
      base: 'snapshot',
      title: evil('pr-title'),
      change: { add: [small('commands', '1.0.0', { manifest })] },
    });
    const manifestPath = 'manifest packages/commands/1.0.0/manifest.yml';
    expectFailure(run, [
      manifestPath,
      manifestPath,
      manifestPath,
      manifestPath,
      manifestPath,
      'title-prefix -',
    ]);
    // The untrusted text is in the messages (sanitised), on one line, its `::` broken.
    const title = violationsOf(run).find((v) => v.rule === 'title-prefix');
    expect(title?.message).toContain('::set-output name=result::pass');
    const annotation = run.annotations.find((a) => a.message.startsWith('[title-prefix]'));
    expect(annotation?.message).not.toMatch(/[\n\r]/);
    expect(annotation?.message).not.toContain('::set-output');
  });

  it('a passing PR stays passing: no fake error, no command', async () => {
    const manifest = manifestYaml({
      name: 'calm',
      version: '1.0.0',
      title: evil('calm-title'),
      description: evil('calm-description'),
    }).text;
    const { run } = await pull('commands (pass)', {
      base: 'snapshot',
      title: `[snapshot] Add calm 1.0.0 ${evil('calm-pr').replace('pass', 'fail')}`,
      change: { add: [small('calm', '1.0.0', { manifest })] },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(violationsOf(run)).toEqual([]);
    expect(run.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
  });
});

describe('nothing in the PR is trusted or run', () => {
  it('a PR turning every rule off is still checked with the default branch policy', async () => {
    const everythingOff = [
      'rules:',
      ...[
        'title-prefix',
        'layout',
        'forbidden-path',
        'manifest',
        'size',
        'overwrite',
        'removal',
        'version-increment',
        'shadowed',
        'not-promoted',
      ].map((id) => `  ${id}: off`),
      'forbidden-paths: []',
      'limits: { manifest-bytes: 1000000000, file-bytes: 1000000000000, files-per-version: 100000000 }',
      'channels:',
      '  - { name: production, arrival: direct, overwrite: allow, removal: allow, version-increment: false }',
      '',
    ].join('\n');
    const { run } = await pull('policy in the PR', {
      base: 'production',
      title: 'Rewrite nginx 1.5.0',
      change: {
        add: [
          {
            name: 'nginx',
            version: '1.5.0',
            seed: 99,
            manifest: { name: 'nginx', version: '1.5.0', release: 'preview' },
            files: { '_dev/build/build.yml': 'dependencies: {}\n' },
          },
        ],
        files: { '.github/package-storage.yml': everythingOff },
      },
    });
    expectFailure(run, [
      'forbidden-path packages/nginx/1.5.0/_dev/build/build.yml',
      'manifest packages/nginx/1.5.0/manifest.yml',
      'not-promoted packages/nginx/1.5.0',
      'overwrite packages/nginx/1.5.0',
      'title-prefix -',
    ]);
  });

  it('hook-like paths, .gitmodules, a submodule and a .git/config in the PR are never run or checked out', async () => {
    const g = origin.bare;
    const hook = (label: string): string => `#!/bin/sh\ntouch ${markers}/${label}\n`;
    const h = await pull('hooks and submodules', {
      base: 'snapshot',
      title: '[snapshot] Add hooks 1.0.0',
      build: async (head, baseSha) => {
        await origin.commit(head, {
          parent: baseSha,
          add: [small('hooks', '1.0.0', { files: { vendor: { submodule: baseSha } } })],
          files: {
            '.gitmodules': `[submodule "vendor"]\n\tpath = packages/hooks/1.0.0/vendor\n\turl = ext::sh -c touch% ${markers}/submodule\n`,
            '.gitattributes': '* filter=pwn diff=pwn merge=pwn\n',
            '.githooks/post-checkout': { mode: '100755', content: hook('githooks') },
          },
        });
        const hooks: RawEntry[] = [];
        for (const name of [
          'post-checkout',
          'post-merge',
          'pre-push',
          'reference-transaction',
          'fsmonitor-watchman',
        ])
          hooks.push({ mode: '100755', name, oid: await writeBlob(g, hook(`hook-${name}`)) });
        const config = await writeBlob(
          g,
          `[core]\n\thooksPath = .githooks\n\tfsmonitor = touch ${markers}/fsmonitor\n[filter "pwn"]\n\tsmudge = touch ${markers}/smudge\n`,
        );
        const dotGit = await writeRawTree(g, [
          { mode: TREE_MODE, name: 'hooks', oid: await writeRawTree(g, hooks) },
          { mode: '100644', name: 'config', oid: config },
        ]);
        let tree = await spliceTree(
          g,
          await rootTreeOf(g, head),
          [],
          [{ mode: TREE_MODE, name: '.git', oid: dotGit }],
        );
        tree = await spliceTree(
          g,
          tree,
          ['packages', 'hooks', '1.0.0'],
          [{ mode: TREE_MODE, name: '.git', oid: dotGit }],
        );
        await commitTreeOnBranch(g, { branch: head, parent: baseSha, tree, message: 'hooks' });
      },
    });
    expect(h.run.exitCode, h.run.stdout + h.run.stderr).toBe(1);
    expect(found(h.run)).toContain('layout packages/hooks/1.0.0/vendor');
    expect(itemsOf(h.run).find((v) => v.path === 'packages/hooks/1.0.0/vendor')?.message).toContain(
      'a submodule; packages may not contain submodules',
    );
    // Nothing of the PR reached the working tree (the afterEach checks that no payload ran).
    for (const p of ['packages/hooks', '.gitmodules', '.githooks', '.gitattributes'])
      expect(existsSync(join(h.workspace, p)), p).toBe(false);
  });
});
