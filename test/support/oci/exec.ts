// Run the independent read-back tools (GNU tar, gzip, skopeo, umoci) with argument arrays, never a shell.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

/** Runs a command with LC_ALL=C and TZ=UTC; rejects with stderr in the message on a non-zero exit. */
export function run(
  cmd: string,
  args: readonly string[],
  options: { cwd?: string; input?: Buffer } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      {
        cwd: options.cwd,
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? '/root',
          LC_ALL: 'C',
          TZ: 'UTC',
        },
      },
      (err, stdout, stderr) => {
        const text = stderr.toString('utf8');
        if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${text}`));
        else resolve({ stdout, stderr: text });
      },
    );
    if (options.input) child.stdin?.end(options.input);
  });
}

export async function runJson<T>(cmd: string, args: readonly string[]): Promise<T> {
  return JSON.parse((await run(cmd, args)).stdout.toString('utf8')) as T;
}

/** Temporary directories removed by {@link TempDirs.cleanup}. */
export class TempDirs {
  private readonly dirs: string[] = [];
  async make(prefix = 'oci-test-'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }
  async cleanup(): Promise<void> {
    await Promise.all(this.dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  }
}
