// git for the fake's own operations: argument arrays only, no user/system config, fixed identity (GitHub's
// web-flow committer) so commits the fake makes do not depend on the developer's machine.
import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const FAKE_GIT_IDENTITY = { name: 'GitHub', email: 'noreply@github.com' } as const;

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: FAKE_GIT_IDENTITY.name,
    GIT_AUTHOR_EMAIL: FAKE_GIT_IDENTITY.email,
    GIT_COMMITTER_NAME: FAKE_GIT_IDENTITY.name,
    GIT_COMMITTER_EMAIL: FAKE_GIT_IDENTITY.email,
    LC_ALL: 'C',
    ...extra,
  };
  if (process.env.PATH) env.PATH = process.env.PATH;
  if (process.env.HOME) env.HOME = process.env.HOME;
  return env;
}

/** Runs git in `cwd`; rejects on a non-zero exit unless `allowFail`. */
export function git(
  cwd: string,
  args: string[],
  opts: { input?: string; allowFail?: boolean; env?: Record<string, string> } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const input = opts.input;
    const child = spawn('git', args, {
      cwd,
      env: gitEnv(opts.env),
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (result.code !== 0 && !opts.allowFail) {
        reject(new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`));
      } else {
        resolve(result);
      }
    });
    if (input !== undefined && child.stdin) {
      // git may exit before reading everything (EPIPE); its exit status tells what happened.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}
