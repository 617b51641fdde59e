// Runs every committed bundle as the runner would, in an empty directory, and checks it starts and fails the
// way it should there: this catches bundles that build but cannot load (e.g. unresolved ESM imports).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'smoke-'));
const files = Object.fromEntries(
  ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH'].map((k) => [
    k,
    join(dir, k),
  ]),
);
for (const f of Object.values(files)) writeFileSync(f, '');
writeFileSync(join(dir, 'event.json'), JSON.stringify({ repository: { default_branch: 'main' } }));

const env = {
  PATH: process.env.PATH,
  HOME: dir,
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'smoke/test',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: join(dir, 'event.json'),
  GITHUB_WORKSPACE: dir,
  RUNNER_TEMP: dir,
  ...files,
};

const checks = [
  {
    name: 'actions/validate',
    args: [join(root, 'actions/validate/dist/index.js')],
    code: 2,
    expect: `::error::no git repository at ${dir}: run actions/checkout before this action`,
  },
  {
    name: 'actions/promote',
    args: [join(root, 'actions/promote/dist/index.js')],
    code: 2,
    expect: `::error::no git repository at ${dir}: run actions/checkout before this action`,
  },
  {
    name: 'actions/publish-image',
    args: [join(root, 'actions/publish-image/dist/index.js')],
    // Its required inputs, as a workflow gives them: the run gets past reading its inputs to the checkout.
    env: {
      INPUT_IMAGE: 'ghcr.io/acme/distribution',
      'INPUT_BASE-IMAGE': 'docker.elastic.co/package-registry/package-registry',
    },
    code: 2,
    expect: `::error::no git repository at ${dir}: run actions/checkout before this action`,
  },
  {
    name: 'actions/publish-image (no inputs)',
    args: [join(root, 'actions/publish-image/dist/index.js')],
    code: 2,
    expect: '::error::input `image` is required',
  },
  {
    name: 'cli --help',
    args: [join(root, 'bin/package-storage.js'), '--help'],
    code: 0,
    expect: 'usage: package-storage',
  },
  {
    // The build stamp is in: a bundle without it would say "running from source".
    name: 'cli --version',
    args: [join(root, 'bin/package-storage.js'), '--version'],
    code: 0,
    expect: '(hash of the sources this bundle was built from)',
  },
  {
    name: 'cli validate -h',
    args: [join(root, 'bin/package-storage.js'), 'validate', '-h'],
    code: 0,
    expect: 'usage: package-storage validate',
  },
  {
    name: 'cli validate (usage error)',
    args: [join(root, 'bin/package-storage.js'), 'validate', '--repo', dir],
    code: 2,
    expect: '--base is required',
  },
];

let failures = 0;
for (const check of checks) {
  const result = spawnSync(process.execPath, check.args, {
    cwd: dir,
    env: { ...env, ...check.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  const ok = result.status === check.code && output.includes(check.expect);
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${check.name} (exit ${result.status})`);
  if (!ok) console.log(output.split('\n').slice(0, 10).join('\n'));
}
rmSync(dir, { recursive: true, force: true });
process.exitCode = failures === 0 ? 0 : 1;
