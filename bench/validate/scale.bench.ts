// bench/validate/scale: a repository shaped like the real production branch (1,920 versions, ~128k files, most
// files 100755, 650 first-parent commits): the validate action's peak memory on a push that creates the branch
// (every file is touched) against an ordinary push, and `audit --history` over all 650 commits in one process
// against one validate process per commit.
// BENCH_BASELINE_ACTIONS=<a directory holding validate/action.yml and its dist/> also measures another build's action.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateStorageRepo } from '../generate/storage.js';
import { cleanupTempDirs, git } from '../../test/support/git.js';
import { probeMemory } from '../../test/support/hostile/measure.js';
import { runAction } from '../../test/support/run-action.js';
import { checkoutLikeActions } from '../../test/support/storage-origin.js';
import { pushPayload } from '../../test/support/webhooks.js';
import { median, table, timeCommand } from '../util.js';

const root = resolve('bench/out/validate');
const cli = resolve('bin/package-storage.js');
const ZERO = '0'.repeat(40);
const baselineActions = process.env.BENCH_BASELINE_ACTIONS
  ? resolve(process.env.BENCH_BASELINE_ACTIONS)
  : undefined;

afterAll(cleanupTempDirs);

async function repository(): Promise<string> {
  const dir = join(root, 'storage-128k-v2.git');
  if (!existsSync(join(dir, 'refs/heads/production'))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const { stats } = await generateStorageRepo({
      dir,
      versions: 2_400,
      filesPerVersion: 69,
      // Two versions a commit: production's 1,920 versions make ~960 first-parent commits, 650 of them replayed.
      commitsPerBranch: 960,
      fileMode: '100755',
      seed: 11,
    });
    console.log(
      `generated: production ${stats.perBranch.production} versions, ${stats.files} files in all, ${stats.commits} commits, in ${(stats.ms / 1000).toFixed(1)} s`,
    );
  }
  return dir;
}

const count = async (bare: string, rev: string): Promise<number> =>
  (await git(['--git-dir', bare, 'ls-tree', '-r', '--name-only', rev, '--', 'packages']))
    .split('\n')
    .filter(Boolean).length;

/** The bundled validate action on a push to production, with its peak memory. */
async function push(
  bare: string,
  before: string,
  after: string,
  actionsDir?: string,
): Promise<{ mb: number; code: number | null }> {
  const workspace = await checkoutLikeActions({ origin: bare, ref: 'refs/heads/production', sha: after });
  const probe = await probeMemory();
  const run = await runAction({
    action: 'validate',
    mode: 'bundle',
    eventName: 'push',
    payload: pushPayload({
      ref: 'refs/heads/production',
      before,
      after,
      owner: 'acme',
      repo: 'storage',
      defaultBranch: 'main',
    }),
    workspace,
    repository: 'acme/storage',
    sha: after,
    ref: 'refs/heads/production',
    env: probe.env,
    timeoutMs: 600_000,
    ...(actionsDir ? { actionsDir } : {}),
  });
  const memory = await probe.finish();
  return { mb: memory.nodeMaxRssMb ?? NaN, code: run.exitCode };
}

it('memory: a push creating a branch of 128k files vs an ordinary push', async () => {
  const bare = await repository();
  const tip = (await git(['--git-dir', bare, 'rev-parse', 'production'])).trim();
  const parent = (await git(['--git-dir', bare, 'rev-parse', 'production^'])).trim();
  const files = await count(bare, tip);
  const touched = (await git(['--git-dir', bare, 'diff-tree', '-r', '--name-only', parent, tip]))
    .split('\n')
    .filter(Boolean).length;
  const small = await push(bare, parent, tip);
  const created = await push(bare, ZERO, tip);
  const base = baselineActions ? await push(bare, ZERO, tip, baselineActions) : undefined;
  const perFile = ((created.mb - small.mb) * 1024 * 1024) / (files - touched);
  console.log(
    `\n${table([
      ['push', 'files touched', 'peak RSS (node)', 'exit'],
      ['an ordinary push (one commit)', touched, `${small.mb} MB`, small.code ?? '-'],
      ['creating the branch', files, `${created.mb} MB`, created.code ?? '-'],
      ...(base ? [['creating the branch, baseline build', files, `${base.mb} MB`, base.code ?? '-']] : []),
    ])}\nmemory per file touched: ${(perFile / 1024).toFixed(2)} KB (target ≤ 1.5 KB); peak ${created.mb} MB (target < 250 MB)\n`,
  );
  expect(created.mb).toBeLessThan(250);
  expect(perFile).toBeLessThan(1.5 * 1024);
});

it('audit --history: 650 commits of production in one process vs a validate process per commit', async () => {
  const bare = await repository();
  const commits = Number(
    (await git(['--git-dir', bare, 'rev-list', '--first-parent', '--count', 'production'])).trim(),
  );
  const range = `production~${Math.min(650, commits - 1)}..production`;
  const audit = timeCommand(process.execPath, [
    cli,
    'audit',
    '--repo',
    bare,
    '--history',
    range,
    '--channel',
    'production',
    '--json',
  ]);
  expect(audit.status, audit.stderr).toBe(0);
  const report = JSON.parse(audit.stdout) as { commits: Array<{ sha: string; verdict: string }> };
  // The same check with a process (and a reader) per commit, as a replay without a shared reader goes; sampled.
  const sample = report.commits.filter((_, i) => i % 65 === 0);
  const perProcess: number[] = [];
  for (const c of sample) {
    const r = timeCommand(process.execPath, [
      cli,
      'audit',
      '--repo',
      bare,
      '--history',
      `${c.sha}^..${c.sha}`,
      '--channel',
      'production',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    perProcess.push(r.ms);
  }
  const perCommit = audit.ms / report.commits.length;
  console.log(
    `\n${table([
      ['case', 'commits', 'total', 'per commit'],
      [
        'audit --history (one process, one reader)',
        report.commits.length,
        `${(audit.ms / 1000).toFixed(1)} s`,
        `${perCommit.toFixed(1)} ms`,
      ],
      ['one process per commit (sampled)', sample.length, '-', `${median(perProcess).toFixed(0)} ms`],
    ])}\nverdicts: ${['pass', 'warning', 'fail'].map((v) => `${v} ${report.commits.filter((c) => c.verdict === v).length}`).join(', ')}; target: 650 commits < 60 s\n`,
  );
  expect(audit.ms).toBeLessThan(60_000);
});
