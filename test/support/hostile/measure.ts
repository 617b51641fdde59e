// Memory of an action run: the action's own peak RSS (getrusage, written by a preload at exit) and, sampled from
// /proc, the peak summed RSS of its whole process group (the action runs detached, so git children share its group).
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../git.js';

export interface RunMemory {
  /** Peak RSS of the action's node process, from `process.resourceUsage().maxRSS` (exact). */
  nodeMaxRssMb: number | undefined;
  /**
   * Largest summed RSS of the process group seen while sampling (node + git children; best effort). With a local
   * `file://` origin the serving side (upload-pack, pack-objects) is in the group too; on GitHub it is remote.
   */
  groupPeakRssMb: number | undefined;
  /** The largest single child seen (name and VmHWM), best effort. */
  biggestChild: string | undefined;
}

const PRELOAD = `'use strict';
const fs = require('node:fs');
const out = process.env.HOSTILE_PROBE_FILE;
if (out) {
  try { fs.writeFileSync(out + '.pid', String(process.pid)); } catch {}
  process.on('exit', () => {
    try { fs.writeFileSync(out, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })); } catch {}
  });
}
`;

let preloadPath: Promise<string> | undefined;

function preload(): Promise<string> {
  preloadPath ??= (async () => {
    const dir = await tempDir('hostile-probe');
    const file = join(dir, 'probe.cjs');
    await writeFile(file, PRELOAD);
    return file;
  })();
  return preloadPath;
}

async function statusOf(pid: string): Promise<{ pgrp: number; name: string; rssKb: number; hwmKb: number }> {
  const [stat, status, cmdline] = await Promise.all([
    readFile(`/proc/${pid}/stat`, 'utf8'),
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/cmdline`, 'utf8'),
  ]);
  // pgrp is the 3rd field after the parenthesised command name (which may contain spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return {
    pgrp: Number(fields[2]),
    name: commandName(cmdline) ?? /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?',
    rssKb: kb('VmRSS'),
    hwmKb: kb('VmHWM'),
  };
}

/** `git index-pack`, `git-upload-pack`, `node`: the program and, for git, its subcommand. */
function commandName(cmdline: string): string | undefined {
  // Empty arguments count (`--shallow-file ''`): only the terminating NUL is dropped.
  const args = cmdline.replace(/\0$/, '').split('\0');
  const program = args[0]?.split('/').at(-1);
  if (program !== 'git') return program;
  // Skip global options (`-c k=v`, `--git-dir=…`, `--shallow-file <f>`) to reach the subcommand.
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c' || a === '--shallow-file' || a === '-C') i++;
    else if (!a.startsWith('-')) return `git ${a}`;
  }
  return 'git';
}

/** Environment for runAction, and `finish()` to call once the run is over. */
export async function probeMemory(): Promise<{ env: Record<string, string>; finish(): Promise<RunMemory> }> {
  const file = join(await tempDir('hostile-rss'), 'rss.json');
  let pid: number | undefined;
  let groupPeakKb = 0;
  let biggest: { name: string; kb: number } | undefined;
  let stopped = false;
  const sample = async (): Promise<void> => {
    if (pid === undefined) {
      if (!existsSync(`${file}.pid`)) return;
      pid = Number(await readFile(`${file}.pid`, 'utf8'));
    }
    let total = 0;
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const s = await statusOf(entry);
        if (s.pgrp !== pid) continue;
        total += s.rssKb;
        if (Number(entry) !== pid && (!biggest || s.hwmKb > biggest.kb))
          biggest = { name: s.name, kb: s.hwmKb };
      } catch {
        // The process ended between readdir and read.
      }
    }
    groupPeakKb = Math.max(groupPeakKb, total);
  };
  const loop = (async () => {
    while (!stopped) {
      await sample().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    env: { NODE_OPTIONS: `--require=${await preload()}`, HOSTILE_PROBE_FILE: file },
    async finish() {
      stopped = true;
      await loop;
      let nodeMaxRssMb: number | undefined;
      if (existsSync(file)) {
        const { maxRSS } = JSON.parse(await readFile(file, 'utf8')) as { maxRSS: number };
        nodeMaxRssMb = Math.round(maxRSS / 1024);
      }
      return {
        nodeMaxRssMb,
        groupPeakRssMb: groupPeakKb ? Math.round(groupPeakKb / 1024) : undefined,
        biggestChild: biggest ? `${biggest.name} ${Math.round(biggest.kb / 1024)} MB` : undefined,
      };
    },
  };
}

/** Argument vectors of every git process recorded in a GIT_TRACE2_EVENT file (children included). */
export async function tracedGitCommands(traceFile: string): Promise<string[][]> {
  if (!existsSync(traceFile)) return [];
  const commands: string[][] = [];
  for (const line of (await readFile(traceFile, 'utf8')).split('\n')) {
    if (!line.includes('"event":"start"')) continue;
    const event = JSON.parse(line) as { argv?: string[] };
    if (event.argv) commands.push(event.argv);
  }
  return commands;
}
