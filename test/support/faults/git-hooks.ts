// A scripted `pre-receive` hook for a bare test origin: when a push updates a ref matching `match` (the first
// `times` such pushes), it plays a concurrent writer before the push's own ref update: advance a branch, remove a
// version from a branch, move the pushed ref itself (so a lease fails), sleep, kill the pushing action, or reject.
// It is a small Node program (no shell); every push is logged as one JSON line for the test to inspect.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type HookAction =
  /** A commit on `branch` adding or changing `file` (content: the trigger count). */
  | { type: 'advance'; branch: string; file: string }
  /** A commit on `branch` removing the directory `path` (e.g. an exception removal of a version). */
  | { type: 'remove'; branch: string; path: string }
  /** Point the pushed ref at a new commit on top of `onto`'s tip (what a concurrent run would push). */
  | { type: 'move-pushed-ref'; onto: string }
  | { type: 'sleep'; ms: number }
  /** SIGKILL the pusher's whole process group, if its leader's command line contains `guard`. */
  | { type: 'kill'; guard: string }
  | { type: 'reject'; message: string };

export interface HookConfig {
  /** Regular expression for the pushed ref names that trigger the actions. */
  match: string;
  /** How many triggering pushes get the actions (later ones pass untouched). */
  times: number;
  actions: HookAction[];
}

export interface HookLogEntry {
  updates: Array<{ old: string; new: string; ref: string }>;
  /** The 1-based count of triggering pushes, 0 when this push did not trigger. */
  trigger: number;
  acted: boolean;
  /** Branch tips after the actions ran (before the push's own update). */
  tips: Record<string, string>;
  /** Commits the actions created, by branch or ref. */
  created: Array<{ ref: string; commit: string; parent: string }>;
}

const program = String.raw`
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const cfgFile = path.join(__dirname, 'fault-hook.json');
const stateFile = path.join(__dirname, 'fault-hook.state');
const logFile = path.join(__dirname, 'fault-hook.log');
const cfg = JSON.parse(fs.readFileSync(cfgFile, 'utf8'));
const env = { ...process.env };
// Objects of the push are quarantined and refs may not change from inside it; the hook's own objects only build
// on what the repository already has, so it writes straight to the repository.
for (const k of ['GIT_QUARANTINE_PATH', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES']) delete env[k];
Object.assign(env, {
  GIT_AUTHOR_NAME: 'Concurrent Writer', GIT_AUTHOR_EMAIL: 'writer@example.com',
  GIT_COMMITTER_NAME: 'Concurrent Writer', GIT_COMMITTER_EMAIL: 'writer@example.com',
});
const git = (args, o = {}) =>
  execFileSync('git', args, { env: { ...env, ...(o.env || {}) }, input: o.input, encoding: 'utf8' }).trim();
const updates = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean).map((l) => {
  const [o, n, ref] = l.split(' ');
  return { old: o, new: n, ref };
});
const tips = () => {
  const out = {};
  for (const line of git(['for-each-ref', '--format=%(refname:short) %(objectname)', 'refs/heads']).split('\n'))
    if (line) out[line.split(' ')[0]] = line.split(' ')[1];
  return out;
};
const log = (entry) => fs.appendFileSync(logFile, JSON.stringify(entry) + '\n');
const match = new RegExp(cfg.match);
const triggering = updates.filter((u) => match.test(u.ref));
if (triggering.length === 0) {
  log({ updates, trigger: 0, acted: false, tips: tips(), created: [] });
  process.exit(0);
}
const count = (fs.existsSync(stateFile) ? Number(fs.readFileSync(stateFile, 'utf8')) : 0) + 1;
fs.writeFileSync(stateFile, String(count));
if (count > cfg.times) {
  log({ updates, trigger: count, acted: false, tips: tips(), created: [] });
  process.exit(0);
}
const created = [];
const commitOn = (ref, parent, tree, message) => {
  const commit = git(['commit-tree', tree, '-p', parent, '-m', message]);
  git(['update-ref', ref, commit]);
  created.push({ ref, commit, parent });
};
const withIndex = (tip, edit) => {
  const index = path.join(__dirname, 'fault-hook-index-' + process.pid);
  const o = { env: { GIT_INDEX_FILE: index } };
  try {
    git(['read-tree', tip], o);
    edit(o);
    return git(['write-tree'], o);
  } finally {
    fs.rmSync(index, { force: true });
  }
};
for (const a of cfg.actions) {
  if (a.type === 'advance') {
    const tip = git(['rev-parse', 'refs/heads/' + a.branch]);
    const blob = git(['hash-object', '-w', '--stdin'], { input: String(count) + '\n' });
    const tree = withIndex(tip, (o) => git(['update-index', '--add', '--cacheinfo', '100644,' + blob + ',' + a.file], o));
    commitOn('refs/heads/' + a.branch, tip, tree, '[' + a.branch + '] concurrent change ' + count);
  } else if (a.type === 'remove') {
    const tip = git(['rev-parse', 'refs/heads/' + a.branch]);
    const tree = withIndex(tip, (o) => {
      // Mode 0 in --index-info drops the entry (--force-remove would want a work tree).
      const files = execFileSync('git', ['ls-tree', '-r', '-z', '--name-only', tip, '--', a.path], { env, encoding: 'utf8' });
      const records = files.split('\0').filter(Boolean).map((f) => '0 ' + '0'.repeat(40) + '\t' + f + '\0');
      git(['update-index', '-z', '--index-info'], { ...o, input: records.join('') });
    });
    commitOn('refs/heads/' + a.branch, tip, tree, '[' + a.branch + '] remove ' + a.path + ' (approved exception)');
  } else if (a.type === 'move-pushed-ref') {
    const tip = git(['rev-parse', 'refs/heads/' + a.onto]);
    const tree = git(['rev-parse', tip + '^{tree}']);
    for (const u of triggering) commitOn(u.ref, tip, tree, 'concurrent run ' + count);
  } else if (a.type === 'sleep') {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, a.ms);
  } else if (a.type === 'kill') {
    const pgrp = Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[2]);
    const leader = fs.readFileSync('/proc/' + pgrp + '/cmdline', 'utf8');
    log({ updates, trigger: count, acted: true, tips: tips(), created, killed: leader.includes(a.guard) });
    if (leader.includes(a.guard)) process.kill(-pgrp, 'SIGKILL');
    process.exit(1);
  } else if (a.type === 'reject') {
    log({ updates, trigger: count, acted: true, tips: tips(), created });
    process.stderr.write(a.message + '\n');
    process.exit(1);
  }
}
log({ updates, trigger: count, acted: true, tips: tips(), created });
process.exit(0);
`;

/** Installs (or replaces) the scripted pre-receive hook of `bare`, with a fresh trigger count and log. */
export async function installPushHook(bare: string, config: HookConfig): Promise<void> {
  const hooks = join(bare, 'hooks');
  await writeFile(join(hooks, 'fault-hook.json'), JSON.stringify(config));
  await writeFile(join(hooks, 'fault-hook.state'), '0');
  await writeFile(join(hooks, 'fault-hook.log'), '');
  const hook = join(hooks, 'pre-receive');
  await writeFile(hook, `#!${process.execPath}\n${program}`);
  await chmod(hook, 0o755);
}

/** Removes the hook's effect: later pushes pass untouched (the log is kept). */
export async function disablePushHook(bare: string): Promise<void> {
  await writeFile(join(bare, 'hooks', 'pre-receive'), `#!${process.execPath}\nprocess.exit(0);\n`);
}

export async function pushHookLog(bare: string): Promise<HookLogEntry[]> {
  const text = await readFile(join(bare, 'hooks', 'fault-hook.log'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as HookLogEntry);
}
