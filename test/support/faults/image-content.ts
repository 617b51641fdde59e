// What a channel image should hold, straight from git, and what an unpacked image does hold, both as
// `packages/<channel>/<name>/<version>/<path>` -> git blob id, so the two can be compared exactly.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitBuffer } from '../git.js';

/** Files of every version dir of `commit` (names as the image builder accepts them), placed under `channel`. */
export async function filesAtCommit(
  gitDir: string,
  commit: string,
  channel: string,
): Promise<Map<string, string>> {
  const out = await gitBuffer([
    '--git-dir',
    gitDir,
    'ls-tree',
    '-r',
    '-z',
    '--full-tree',
    commit,
    '--',
    'packages',
  ]);
  const files = new Map<string, string>();
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [, type, oid] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    const parts = path.split('/');
    if (type !== 'blob' || parts.length < 4 || !/^[a-z0-9_]+$/.test(parts[1] ?? '')) continue;
    files.set(['packages', channel, ...parts.slice(1)].join('/'), oid ?? '');
  }
  return files;
}

function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Every regular file under `<rootfs>/packages`, as `packages/...` -> git blob id of its content. */
export async function filesInRootfs(rootfs: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(rootfs, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) files.set(p, gitBlobId(await readFile(join(rootfs, p))));
      else files.set(p, `not a regular file`);
    }
  };
  await walk('packages');
  return files;
}

/** Differences between two file maps, at most `limit` lines. */
export function diffFiles(expected: Map<string, string>, actual: Map<string, string>, limit = 10): string[] {
  const out: string[] = [];
  for (const [p, oid] of expected)
    if (!actual.has(p)) out.push(`missing ${p}`);
    else if (actual.get(p) !== oid) out.push(`differs ${p}`);
  for (const p of actual.keys()) if (!expected.has(p)) out.push(`extra ${p}`);
  return out.slice(0, limit);
}
