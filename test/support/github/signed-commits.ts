// "Require signed commits" for plain git pushes: a pre-receive hook on the bare repository refuses a push to a
// protected branch that brings commits GitHub did not sign, with GitHub's GH006 message. API ref updates are
// checked by the fake itself (`GitHubState.unsignedCommits`).
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifiedCommitsFile } from './state.js';

const program = String.raw`'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const protectedBranches = JSON.parse(fs.readFileSync(path.join(__dirname, 'signed-branches.json'), 'utf8'));
let verified = new Set();
try {
  verified = new Set(fs.readFileSync(path.join(__dirname, '..', '${verifiedCommitsFile}'), 'utf8').split('\n'));
} catch {}
let refused = false;
for (const line of fs.readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
  const [, next, ref] = line.split(' ');
  const branch = ref.replace(/^refs\/heads\//, '');
  if (!protectedBranches.includes(branch) || /^0+$/.test(next)) continue;
  const commits = execFileSync('git', ['rev-list', next, '--not', '--all'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  if (commits.some((c) => !verified.has(c))) {
    process.stderr.write('error: GH006: Protected branch update failed for ' + ref + '.\n');
    process.stderr.write('error: Commits must have verified signatures.\n');
    refused = true;
  }
}
process.exit(refused ? 1 : 0);
`;

/** Installs (or updates) the hook for `branches`. */
export async function requireSignedCommitsOnPush(bareRepo: string, branches: string[]): Promise<void> {
  await writeFile(join(bareRepo, 'hooks', 'signed-branches.json'), JSON.stringify(branches));
  const hook = join(bareRepo, 'hooks', 'pre-receive');
  await writeFile(hook, `#!${process.execPath}\n${program}`);
  await chmod(hook, 0o755);
}
