// Runs a program with an argument array (never a shell) and collects its output.

import { spawn } from 'node:child_process';

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  cwd?: string;
}

/** Rejects with the command line (secrets in `--creds` masked) and stderr when the exit code is not 0. */
export function run(cmd: string, args: string[], o: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: o.env ?? process.env,
      ...(o.cwd ? { cwd: o.cwd } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${cmd}: ${e.message}`, { cause: e }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) {
        resolve({ stdout: Buffer.concat(out), stderr });
        return;
      }
      const shown = [cmd, ...maskArgs(args)].join(' ');
      reject(new Error(`${shown} failed (${signal ?? `exit ${code}`}): ${stderr.trim().slice(-2000)}`));
    });
    child.stdin.end(o.input);
  });
}

function maskArgs(args: string[]): string[] {
  return args.map((a, i) =>
    /^--(src-|dest-)?creds$/.test(args[i - 1] ?? '') ? a.replace(/:.*/, ':***') : a,
  );
}
