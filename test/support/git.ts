// Run git safely from tests and bench generators: argument arrays (never a shell), an isolated environment
// (no system/global config, fixed identity and dates) and temporary directories with an explicit cleanup registry.
// Deliberately free of vitest imports so bench/ scripts can use it too.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitOptions {
  cwd?: string;
  /** Written to stdin, then stdin is closed. */
  input?: string | Buffer;
  /** Merged over {@link gitEnv}() (not over process.env). */
  env?: Record<string, string>;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    super(
      `git ${args.join(' ')} failed (${exitCode === null ? 'killed' : `exit ${exitCode}`}): ${stderr.trim()}`,
    );
    this.name = 'GitError';
  }
}

export interface GitIdentity {
  name?: string;
  email?: string;
  /** Author and committer date: a Date, Unix seconds, or a git date string (`@1664625600 +0000`). */
  date?: Date | number | string;
  committerName?: string;
  committerEmail?: string;
  committerDate?: Date | number | string;
  /** Extra configuration passed as GIT_CONFIG_COUNT/KEY/VALUE (command-line scope). */
  config?: Record<string, string>;
}

/** 2022-10-01T12:00:00Z: the last month package-storage v1 was used. */
export const DEFAULT_GIT_DATE = 1664625600;

export function gitDate(d: Date | number | string): string {
  if (typeof d === 'string') return d;
  const seconds = typeof d === 'number' ? d : Math.floor(d.getTime() / 1000);
  return `@${seconds} +0000`;
}

/**
 * A clean environment for git: only PATH from the parent, no system or global config (a developer's config or a
 * runner's cannot leak in), fixed identity and dates so commits are reproducible, no prompts, C locale so error
 * messages are the English ones tests assert on.
 */
export function gitEnv(o: GitIdentity = {}): Record<string, string> {
  const date = gitDate(o.date ?? DEFAULT_GIT_DATE);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    // A path that does not exist: nothing under HOME or XDG_CONFIG_HOME can be read.
    HOME: join(tmpdir(), 'package-storage-test-no-home'),
    XDG_CONFIG_HOME: join(tmpdir(), 'package-storage-test-no-home', '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: o.name ?? 'Test Author',
    GIT_AUTHOR_EMAIL: o.email ?? 'author@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: o.committerName ?? o.name ?? 'Test Author',
    GIT_COMMITTER_EMAIL: o.committerEmail ?? o.email ?? 'author@example.com',
    GIT_COMMITTER_DATE: o.committerDate === undefined ? date : gitDate(o.committerDate),
    LC_ALL: 'C',
    LANG: 'C',
    TZ: 'UTC',
  };
  const config = Object.entries(o.config ?? {});
  if (config.length > 0) {
    env.GIT_CONFIG_COUNT = String(config.length);
    config.forEach(([key, value], i) => {
      env[`GIT_CONFIG_KEY_${i}`] = key;
      env[`GIT_CONFIG_VALUE_${i}`] = value;
    });
  }
  return env;
}

/** Start git with piped stdio; the caller owns the streams. */
export function spawnGit(
  args: readonly string[],
  o: Omit<GitOptions, 'input'> = {},
): ChildProcessWithoutNullStreams {
  return spawn('git', args, { cwd: o.cwd, env: { ...gitEnv(), ...o.env }, stdio: 'pipe' });
}

/** Run git and return stdout as raw bytes (use for `-z` output: paths may not be UTF-8). */
export function gitBuffer(args: readonly string[], o: GitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(args, o);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    // git may exit before reading all of stdin (e.g. on a usage error); the exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out);
      if (code === 0) resolve(stdout);
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8'), stdout.toString('utf8')));
    });
    if (o.input !== undefined) child.stdin.end(o.input);
    else child.stdin.end();
  });
}

/** Run git and return stdout decoded as UTF-8 (untrimmed). Throws {@link GitError} with stderr on failure. */
export async function git(args: readonly string[], o: GitOptions = {}): Promise<string> {
  return (await gitBuffer(args, o)).toString('utf8');
}

/** Run git and return stdout without the trailing newline: for rev-parse, write-tree, commit-tree... */
export async function gitLine(args: readonly string[], o: GitOptions = {}): Promise<string> {
  return (await git(args, o)).replace(/\n$/, '');
}

/** Temporary directories registered for later removal. */
export class TempDirs {
  readonly #dirs = new Set<string>();

  async make(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), `${prefix.replace(/[^A-Za-z0-9._-]/g, '_')}-`));
    this.#dirs.add(dir);
    return dir;
  }

  /** Register a directory created elsewhere. */
  track(dir: string): string {
    this.#dirs.add(dir);
    return dir;
  }

  /** Remove every registered directory; set KEEP_TEST_TMP=1 to keep them for debugging. */
  cleanup = async (): Promise<void> => {
    const dirs = [...this.#dirs];
    this.#dirs.clear();
    if (process.env.KEEP_TEST_TMP === '1') return;
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 3 })));
  };
}

const defaultTempDirs = new TempDirs();

/** A new empty directory under the OS temp dir, removed by {@link cleanupTempDirs}. */
export function tempDir(prefix: string): Promise<string> {
  return defaultTempDirs.make(prefix);
}

/** Pass directly to `afterAll`/`afterEach`: `afterAll(cleanupTempDirs)`. */
export const cleanupTempDirs: () => Promise<void> = defaultTempDirs.cleanup;
