// Independent read-back of tars: GNU tar's verbose listing (parsed byte-exactly) and a walk of an extracted tree.
import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { run } from './exec.js';

export interface ListedEntry {
  /** `ls -l` style, e.g. `-rw-r--r--`, `drwxr-xr-x`, `lrwxrwxrwx`. */
  perms: string;
  uid: number;
  gid: number;
  size: number;
  /** `YYYY-MM-DD HH:MM:SS` in UTC. */
  mtime: string;
  name: Buffer;
  linkname?: Buffer;
}

const octal = /^[0-7]{3}/;
const simpleEscapes: Record<string, number> = {
  '\\': 0x5c,
  n: 0x0a,
  t: 0x09,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  r: 0x0d,
  v: 0x0b,
  ' ': 0x20,
};

/** Decodes GNU tar's `--quoting-style=escape` output (C locale: every non-ASCII byte is `\ooo`). */
export function unescapeGnu(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const rest = s.slice(i + 1, i + 4);
    if (octal.test(rest)) {
      out.push(parseInt(rest, 8));
      i += 3;
      continue;
    }
    const code = simpleEscapes[s[i + 1] ?? ''];
    if (code === undefined) throw new Error(`unknown escape in ${JSON.stringify(s)}`);
    out.push(code);
    i += 1;
  }
  return Buffer.from(out);
}

const line = /^(\S{10}) (\d+)\/(\d+) +(\d+) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (.*)$/;

/** `tar -tv --numeric-owner --full-time` of a tar file, parsed. Names must not contain " -> ". */
export async function gnuTarList(file: string): Promise<{ entries: ListedEntry[]; stderr: string }> {
  const { stdout, stderr } = await run('tar', [
    '-tv',
    '--numeric-owner',
    '--full-time',
    '--quoting-style=escape',
    '-f',
    file,
  ]);
  const entries: ListedEntry[] = [];
  for (const l of stdout.toString('latin1').split('\n')) {
    if (l === '') continue;
    const m = line.exec(l);
    if (!m) throw new Error(`unparsable tar listing line: ${JSON.stringify(l)}`);
    const [, perms = '', uid = '', gid = '', size = '', mtime = '', rest = ''] = m;
    const entry: ListedEntry = {
      perms,
      uid: Number(uid),
      gid: Number(gid),
      size: Number(size),
      mtime,
      name: Buffer.alloc(0),
    };
    const arrow = perms.startsWith('l') ? rest.indexOf(' -> ') : -1;
    if (arrow !== -1) {
      entry.name = unescapeGnu(rest.slice(0, arrow));
      entry.linkname = unescapeGnu(rest.slice(arrow + 4));
    } else {
      entry.name = unescapeGnu(rest);
    }
    entries.push(entry);
  }
  return { entries, stderr };
}

export interface TreeNode {
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits (mode & 0o7777). */
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  uid: number;
  gid: number;
  size: number;
  /** sha256 hex of a file's content. */
  sha256?: string;
  linkname?: Buffer;
}

/** Walks an extracted tree; keys are relative paths as latin1 strings (exact bytes), without trailing slash. */
export async function walkTree(root: string): Promise<Map<string, TreeNode>> {
  const out = new Map<string, TreeNode>();
  const visit = async (dir: Buffer, rel: Buffer | undefined): Promise<void> => {
    const names = await readdir(dir, { encoding: 'buffer' });
    for (const name of names) {
      const abs = Buffer.concat([dir, Buffer.from('/'), name]);
      const relPath = rel ? Buffer.concat([rel, Buffer.from('/'), name]) : name;
      const st = await lstat(abs);
      const base = {
        mode: st.mode & 0o7777,
        mtime: Math.floor(st.mtimeMs / 1000),
        uid: st.uid,
        gid: st.gid,
        size: st.size,
      };
      if (st.isSymbolicLink()) {
        out.set(relPath.toString('latin1'), {
          ...base,
          type: 'symlink',
          linkname: await readlink(abs, { encoding: 'buffer' }),
        });
      } else if (st.isDirectory()) {
        out.set(relPath.toString('latin1'), { ...base, type: 'dir' });
        await visit(abs, relPath);
      } else {
        const sha256 = createHash('sha256')
          .update(await readFile(abs))
          .digest('hex');
        out.set(relPath.toString('latin1'), { ...base, type: 'file', sha256 });
      }
    }
  };
  await visit(Buffer.from(root), undefined);
  return out;
}
