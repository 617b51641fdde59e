// Renders the job summaries of a failing and a passing validate run into docs/ as GitHub shows them (the README
// shows both). The runs are realistic scenarios from the test support code (test/support/validate-scenarios.ts:
// a generated storage repository, the fake GitHub API, the action run in-process), written as Markdown by
// test/docs/validate-summaries.render.ts, then rendered with scripts/render-summary.js.
// Usage: node scripts/validate-summaries.js   (npm run docs:summaries)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'validate-summaries-'));
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (${result.status})`);
    process.exit(1);
  }
};
try {
  run(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/docs/vitest.config.ts'],
    {
      SUMMARY_DIR: dir,
    },
  );
  for (const [name, title] of [
    ['validate-summary-failing', 'validate — Summary (a PR into production that skips staging)'],
    ['validate-summary-passing', 'validate — Summary (the promotion PR promote opened)'],
  ])
    run(process.execPath, [
      join(root, 'scripts/render-summary.js'),
      join(dir, `${name}.md`),
      join(root, 'docs', `${name}.png`),
      '--title',
      title,
    ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
