// Runs git with an argument list (never a shell) and the environment a CI job needs: no prompts, no pager,
// no repository-configured helpers that could run code (fsmonitor), and C locale so messages can be matched.
import { spawn } from 'node:child_process';
import { OperationError } from '../core/errors.js';

export interface GitOptions {
  cwd: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that are not failures (e.g. 1 for `merge-base --is-ancestor`). */
  okCodes?: number[];
  /** Takes the output as it arrives instead of collecting it (the result's stdout is then empty). */
  onStdout?: (chunk: Buffer) => void;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

const safetyConfig = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'protocol.file.allow=always',
];

export function gitEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
    GIT_OPTIONAL_LOCKS: '0',
    ...extra,
  };
}

export function gitRaw(args: readonly string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...safetyConfig, ...args], {
      cwd: options.cwd,
      env: gitEnv(options.env),
      // No input: no pipe. Ending an empty pipe to a git that already exited raises EPIPE, and building that
      // error's stack loads the bundle's source map (tens of milliseconds per CLI run).
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const onStdout = options.onStdout;
    child.stdout!.on('data', onStdout ?? ((chunk: Buffer) => out.push(chunk)));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(new OperationError(`git could not be started: ${error.message}`, { cause: error })),
    );
    child.on('close', (code) => {
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (result.code === 0 || options.okCodes?.includes(result.code)) resolve(result);
      else reject(new GitError(args, result));
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // git may exit before reading all input; the exit code tells
      child.stdin.end(options.input);
    }
  });
}

export async function git(args: readonly string[], options: GitOptions): Promise<string> {
  return (await gitRaw(args, options)).stdout.toString('utf8');
}

export class GitError extends OperationError {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    const detail = result.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('hint:'))
      .slice(0, 3)
      .join(' / ');
    super(
      `git ${args
        .filter((a) => !a.startsWith('-c') && !a.includes('='))
        .slice(0, 2)
        .join(' ')} failed (exit ${result.code}): ${detail || 'no message'}`,
    );
    this.name = 'GitError';
  }
}

export async function revParse(cwd: string, rev: string): Promise<string | undefined> {
  const result = await gitRaw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    cwd,
    okCodes: [1, 128],
  });
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

export async function isGitRepository(cwd: string): Promise<boolean> {
  try {
    const result = await gitRaw(['rev-parse', '--git-dir'], { cwd, okCodes: [128] });
    return result.code === 0;
  } catch {
    return false;
  }
}

export const emptyTreeId = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
export const zeroId = /^0+$/;

/** `refs/heads/<branch>` -> `<branch>`; undefined for any other ref (tags, pull refs). */
export function branchOfRef(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
