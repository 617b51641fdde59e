// bench/validate: the CLI on generated storage repositories of 2,000 and 20,000 package versions (with a policy
// file on the default branch, as a repository using the check has), for a PR that touches 10 packages. Every case
// runs interleaved in one process so machine noise hits all alike; the ratios are the figures that matter (work
// must grow with the change, not the repository; a small check costs a small multiple of starting node).
// BENCH_BASELINE_CLI=<path of another build's bin or dist/cli/index.js> adds that build side by side (before/after).
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { generateStorageRepo } from '../generate/storage.js';
import { git } from '../../test/support/git.js';
import { packageFiles } from '../../test/support/manifests.js';
import { median, table, timeCommand } from '../util.js';

const root = resolve('bench/out/validate');
const cli = resolve('bin/package-storage.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const baseline = process.env.BENCH_BASELINE_CLI ? resolve(process.env.BENCH_BASELINE_CLI) : undefined;

const policy = [
  'channels:',
  '  - name: production',
  '  - name: staging',
  '  - name: snapshot',
  'rules:',
  '  shadowed: error',
  'exceptions:',
  '  - { package: nginx@1.0.0, channel: staging, rules: [overwrite], reason: rebuilt }',
  '',
].join('\n');

/** The policy file a repository using the check keeps on its default branch (idempotent). */
async function withPolicy(bare: string): Promise<void> {
  const run = (args: string[], input?: string): Promise<string> =>
    git(['--git-dir', bare, ...args], {
      env: { GIT_INDEX_FILE: join(bare, 'bench-policy-index') },
      ...(input ? { input } : {}),
    });
  const has = await run(['ls-tree', '--name-only', 'main', '.github/package-storage.yml']);
  if (has.trim()) return;
  await run(['read-tree', 'main']);
  const blob = (await run(['hash-object', '-w', '--stdin'], policy)).trim();
  await run(['update-index', '--add', '--cacheinfo', `100644,${blob},.github/package-storage.yml`]);
  const tree = (await run(['write-tree'])).trim();
  const commit = (await run(['commit-tree', tree, '-p', 'main', '-m', 'Add the policy'])).trim();
  await run(['update-ref', 'refs/heads/main', commit]);
}

/** A branch off snapshot that adds 5 versions, overwrites 3 and removes 2: 10 touched packages. */
async function makeChange(bare: string): Promise<void> {
  const env = {
    GIT_INDEX_FILE: join(bare, 'bench-index'),
    GIT_AUTHOR_NAME: 'b',
    GIT_AUTHOR_EMAIL: 'b@b',
    GIT_COMMITTER_NAME: 'b',
    GIT_COMMITTER_EMAIL: 'b@b',
  };
  const run = (args: string[], input?: string): Promise<string> =>
    git(['--git-dir', bare, ...args], { env, ...(input ? { input } : {}) });
  const listing = await run(['ls-tree', '-d', '--name-only', 'snapshot:packages']);
  const names = listing.split('\n').filter((n) => n && n !== 'snapshot');
  await run(['read-tree', 'snapshot']);
  const lines: string[] = [];
  for (const [i, name] of names.slice(0, 5).entries()) {
    for (const [file, content] of Object.entries(packageFiles({ name, version: `99.0.${i}`, seed: i }))) {
      const blob = (
        await run(
          ['hash-object', '-w', '--stdin'],
          typeof content === 'string' ? content : content.toString('latin1'),
        )
      ).trim();
      lines.push(`100644 ${blob}\tpackages/${name}/99.0.${i}/${file}`);
    }
  }
  for (const name of names.slice(5, 8)) {
    const version = (await run(['ls-tree', '-d', '--name-only', `snapshot:packages/${name}`])).split(
      '\n',
    )[0]!;
    const blob = (await run(['hash-object', '-w', '--stdin'], `# ${name} ${version}, edited\n`)).trim();
    lines.push(`100644 ${blob}\tpackages/${name}/${version}/docs/README.md`);
  }
  for (const name of names.slice(8, 10)) {
    const version = (await run(['ls-tree', '-d', '--name-only', `snapshot:packages/${name}`])).split(
      '\n',
    )[0]!;
    for (const file of (await run(['ls-tree', '-r', '--name-only', `snapshot:packages/${name}/${version}`]))
      .split('\n')
      .filter(Boolean))
      lines.push(`0 0000000000000000000000000000000000000000\tpackages/${name}/${version}/${file}`);
  }
  await run(['update-index', '--index-info'], `${lines.join('\n')}\n`);
  const tree = (await run(['write-tree'])).trim();
  const commit = (
    await run(['commit-tree', tree, '-p', 'snapshot', '-m', '[snapshot] Update 10 packages'])
  ).trim();
  await run(['update-ref', 'refs/heads/bench-pr', commit]);
}

async function repository(versions: number): Promise<string> {
  const dir = join(root, `storage-${versions}.git`);
  if (!existsSync(join(dir, 'refs/heads/bench-pr'))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const { stats } = await generateStorageRepo({ dir, versions, seed: 7 });
    console.log(
      `generated ${versions} versions: ${stats.files} files, ${stats.names} names in ${(stats.ms / 1000).toFixed(1)} s`,
    );
    await makeChange(dir);
  }
  await withPolicy(dir);
  return dir;
}

it('validate CLI: 2,000 vs 20,000 package versions, a PR touching 10 packages', async () => {
  const small = await repository(2_000);
  const large = await repository(20_000);
  const args = (repo: string, bin = cli): string[] => [
    bin,
    'validate',
    '--repo',
    repo,
    '--base',
    'snapshot',
    '--head',
    'bench-pr',
    '--json',
  ];
  const times: Record<string, number[]> = { small: [], large: [], node: [], baseline: [] };
  for (let i = 0; i < runs + 2; i++) {
    const s = timeCommand(process.execPath, args(small));
    const l = timeCommand(process.execPath, args(large));
    const n = timeCommand(process.execPath, ['-e', '0']);
    const b = baseline ? timeCommand(process.execPath, args(small, baseline)) : undefined;
    expect(s.status, s.stderr).toBe(0);
    expect(l.status, l.stderr).toBe(0);
    const change = JSON.parse(l.stdout) as { changes: unknown[] };
    expect(change.changes).toHaveLength(10);
    if (i < 2) continue; // warm-up: page cache, git's first object reads
    times.small!.push(s.ms);
    times.large!.push(l.ms);
    times.node!.push(n.ms);
    if (b) times.baseline!.push(b.ms);
  }
  const [s, l, n] = [median(times.small!), median(times.large!), median(times.node!)];
  console.log(
    `\n${table([
      ['case', 'median ms', 'runs'],
      ['node -e 0 (process start)', n.toFixed(0), runs],
      ['validate, 2,000 versions', s.toFixed(0), runs],
      ['validate, 20,000 versions', l.toFixed(0), runs],
      ...(baseline ? [['baseline build, 2,000 versions', median(times.baseline!).toFixed(0), runs]] : []),
    ])}\nratio 20,000 / 2,000: ${(l / s).toFixed(2)}x (target ≤ 1.5x); 2,000 versions / node -e 0: ${(s / n).toFixed(2)}x (target ≤ 2.5x)${baseline ? `; baseline / node -e 0: ${(median(times.baseline!) / n).toFixed(2)}x` : ''}\n`,
  );
  expect(l / s).toBeLessThan(1.5);
});
