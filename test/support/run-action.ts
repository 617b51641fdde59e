// Runs a bundled JavaScript action the way the GitHub runner does: action.yml inputs and defaults, the runner's
// environment (and nothing else from ours), file commands, and workflow commands parsed from the output.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { FakeGitHub } from './github/index.js';

export const DEFAULT_ACTIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../actions');

export interface RunActionOptions {
  action: string;
  inputs?: Record<string, string>;
  eventName: string;
  payload: object;
  workspace: string;
  repository: string;
  sha: string;
  ref: string;
  github?: FakeGitHub;
  env?: Record<string, string>;
  timeoutMs?: number;
  actor?: string;
  /** Directory holding `<action>/action.yml` (default: the repo's `actions/`). */
  actionsDir?: string;
  /** Keep the runner temp directory (files, event.json) for debugging. */
  keepTemp?: boolean;
  /**
   * `source` (default): the action's `run()` imported from `src/<action>/main.ts` and run in this process with the
   * runner's environment, so tests exercise the code as edited. `bundle`: the committed `runs.main` as a child
   * process, as the runner starts it (smoke tests of what ships, and runs that must overlap in time).
   * `ACTION_RUN=bundle` in the environment makes every run a bundle run.
   */
  mode?: 'source' | 'bundle';
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Every workflow command other than the annotations (debug, group, add-mask, set-output, …). */
  commands: WorkflowCommand[];
  masks: string[];
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  addedPath: string[];
  /** `set-output`, `save-state`, `set-env`, `add-path` on stdout: deprecated or disabled on GitHub; treat as an error. */
  deprecatedCommands: string[];
  /** The environment the action ran with (for assertions on what the harness provided). */
  env: Record<string, string>;
}

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: unknown;
}

interface ActionManifest {
  inputs: Record<string, ActionInput>;
  using: string;
  main: string;
}

const SUPPORTED_RUNTIMES = ['node24', 'node20'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function readActionManifest(actionDir: string): Promise<ActionManifest> {
  const file = existsSync(join(actionDir, 'action.yml'))
    ? join(actionDir, 'action.yml')
    : join(actionDir, 'action.yaml');
  const doc = load(await readFile(file, 'utf8'));
  if (!isRecord(doc)) throw new Error(`${file}: not a mapping`);
  const runs = doc.runs;
  if (!isRecord(runs)) throw new Error(`${file}: missing runs`);
  const using = String(runs.using);
  if (!SUPPORTED_RUNTIMES.includes(using)) {
    throw new Error(`${file}: runs.using must be one of ${SUPPORTED_RUNTIMES.join(', ')}, got ${using}`);
  }
  if (typeof runs.main !== 'string') throw new Error(`${file}: runs.main missing`);
  // The harness runs main only; pre/post steps would need their own runs.
  for (const key of ['pre', 'post']) {
    if (key in runs) throw new Error(`${file}: runs.${key} is not supported by the harness`);
  }
  const inputs: Record<string, ActionInput> = {};
  if (doc.inputs !== undefined && doc.inputs !== null) {
    if (!isRecord(doc.inputs)) throw new Error(`${file}: inputs must be a mapping`);
    for (const [name, spec] of Object.entries(doc.inputs)) {
      inputs[name] = isRecord(spec) ? spec : {};
    }
  }
  return { inputs, using, main: runs.main };
}

/** Applies the only expression an action default may use here; anything else would need a workflow context. */
function expandDefault(value: string, token: string, where: string): string {
  return value.replace(/\$\{\{(.*?)\}\}/gs, (_m, expr: string) => {
    if (expr.trim() === 'github.token') return token;
    throw new Error(`${where}: unsupported expression \${{${expr}}} in a default`);
  });
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

// ---- workflow commands -------------------------------------------------------------------------------------

const COMMANDS = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'warning',
  'stop-commands',
]);
const DEPRECATED = new Set(['set-output', 'save-state', 'set-env', 'add-path']);

export function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** The runner's `::name k=v,k=v::message` parser; undefined when the line is not a registered command. */
export function parseCommandLine(line: string): WorkflowCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!COMMANDS.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, message: unescapeData(text.slice(end + 2)) };
}

export interface ParsedCommands {
  annotations: Annotation[];
  commands: WorkflowCommand[];
  masks: string[];
  deprecatedCommands: string[];
}

export function parseWorkflowCommands(output: string): ParsedCommands {
  const out: ParsedCommands = { annotations: [], commands: [], masks: [], deprecatedCommands: [] };
  let stopToken: string | undefined;
  for (const raw of output.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (stopToken !== undefined) {
      // `::stop-commands::T` disables processing until a line `::T::` (used to echo untrusted text).
      if (line.trim() === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const cmd = parseCommandLine(line);
    if (!cmd) continue;
    if (cmd.command === 'stop-commands') {
      stopToken = cmd.message;
      out.commands.push(cmd);
      continue;
    }
    if (cmd.command === 'error' || cmd.command === 'warning' || cmd.command === 'notice') {
      const p = cmd.properties;
      const n = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
      const a: Annotation = { level: cmd.command, message: cmd.message };
      if (p.file !== undefined) a.file = p.file;
      if (p.line !== undefined) a.line = n(p.line);
      if (p.endLine !== undefined) a.endLine = n(p.endLine);
      if (p.col !== undefined) a.col = n(p.col);
      if (p.endColumn !== undefined) a.endColumn = n(p.endColumn);
      if (p.title !== undefined) a.title = p.title;
      out.annotations.push(a);
      continue;
    }
    out.commands.push(cmd);
    if (cmd.command === 'add-mask') out.masks.push(cmd.message);
    if (DEPRECATED.has(cmd.command)) out.deprecatedCommands.push(`${cmd.command}: ${line}`);
  }
  return out;
}

// ---- file commands -----------------------------------------------------------------------------------------

/** The runner's GITHUB_OUTPUT/ENV/STATE format: `name=value` or `name<<DELIM` … `DELIM`; anything else fails. */
export function parseKeyValueFile(text: string, what: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      const key = line.slice(0, eq);
      if (!key) throw new Error(`${what}: invalid format '${line}' (empty name)`);
      result[key] = line.slice(eq + 1);
    } else if (heredoc >= 0) {
      const key = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!key || !delimiter) throw new Error(`${what}: invalid format '${line}'`);
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i] ?? '');
      }
      if (!closed) throw new Error(`${what}: matching delimiter not found '${delimiter}'`);
      result[key] = value.join('\n');
    } else {
      throw new Error(`${what}: invalid format '${line}'`);
    }
  }
  return result;
}

// ---- environment -------------------------------------------------------------------------------------------

function refNameAndType(ref: string): { name: string; type: 'branch' | 'tag' } {
  if (ref.startsWith('refs/heads/')) return { name: ref.slice('refs/heads/'.length), type: 'branch' };
  if (ref.startsWith('refs/tags/')) return { name: ref.slice('refs/tags/'.length), type: 'tag' };
  if (ref.startsWith('refs/pull/')) return { name: ref.slice('refs/pull/'.length), type: 'branch' };
  return { name: ref, type: 'branch' };
}

function prRefs(eventName: string, payload: object): { head: string; base: string } {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return { head: '', base: '' };
  const pr = (payload as { pull_request?: { head?: { ref?: unknown }; base?: { ref?: unknown } } })
    .pull_request;
  const head = pr?.head?.ref;
  const base = pr?.base?.ref;
  if (typeof head !== 'string' || typeof base !== 'string') {
    throw new Error(`${eventName} payload lacks pull_request.head.ref/base.ref`);
  }
  return { head, base };
}

let runCounter = 0;

export async function runAction(o: RunActionOptions): Promise<ActionRun> {
  const actionDir = join(o.actionsDir ?? DEFAULT_ACTIONS_DIR, o.action);
  const manifest = await readActionManifest(actionDir);
  // An action from another directory has no source here, and NODE_OPTIONS only applies to a new process.
  const mode =
    process.env.ACTION_RUN === 'bundle' || o.actionsDir !== undefined || o.env?.NODE_OPTIONS !== undefined
      ? 'bundle'
      : (o.mode ?? 'source');
  const main = mode === 'bundle' ? resolve(actionDir, manifest.main) : sourceEntry(o.action);
  if (!existsSync(main)) throw new Error(`${o.action}: ${main} does not exist (not built?)`);
  if (!isAbsolute(o.workspace) || !existsSync(o.workspace) || !statSync(o.workspace).isDirectory()) {
    throw new Error(`workspace ${o.workspace} must be an existing absolute directory`);
  }
  const [repoOwner, repoName] = o.repository.split('/');
  if (!repoOwner || !repoName) throw new Error(`repository must be owner/name, got ${o.repository}`);

  const token = o.github?.token ?? 'ghs_harness_no_api_configured';
  const inputEnv: Record<string, string> = {};
  const declared = new Map(Object.keys(manifest.inputs).map((k) => [k.toLowerCase(), k]));
  for (const [name, value] of Object.entries(o.inputs ?? {})) {
    // Stricter than the runner, which only warns: a typo in an input name must fail the test.
    const key = declared.get(name.toLowerCase());
    if (!key) throw new Error(`${o.action}: input "${name}" is not declared in action.yml`);
    inputEnv[inputEnvName(key)] = value;
  }
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const envName = inputEnvName(name);
    if (envName in inputEnv || spec.default === undefined || spec.default === null) continue;
    const value = spec.default;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`${o.action} input ${name}: default must be a scalar`);
    }
    inputEnv[envName] = expandDefault(String(value), token, `${o.action} input ${name}`);
  }

  const temp = await mkdtemp(join(tmpdir(), 'run-action-'));
  try {
    const files = join(temp, '_runner_file_commands');
    const workflowDir = join(temp, '_github_workflow');
    const runnerTemp = join(temp, '_temp');
    const toolCache = join(temp, '_tool');
    const home = join(temp, '_home');
    await Promise.all(
      [files, workflowDir, runnerTemp, toolCache, home].map((d) => mkdir(d, { recursive: true })),
    );
    const id = randomUUID();
    const f = {
      output: join(files, `set_output_${id}`),
      env: join(files, `set_env_${id}`),
      path: join(files, `add_path_${id}`),
      state: join(files, `save_state_${id}`),
      summary: join(files, `step_summary_${id}`),
      event: join(workflowDir, 'event.json'),
      gitconfig: join(temp, 'gitconfig'),
    };
    await Promise.all([
      ...[f.output, f.env, f.path, f.state, f.summary, f.gitconfig].map((p) => writeFile(p, '')),
      writeFile(f.event, JSON.stringify(o.payload, null, 2)),
    ]);

    const { name: refName, type: refType } = refNameAndType(o.ref);
    const { head, base } = prRefs(o.eventName, o.payload);
    const sender = (o.payload as { sender?: { login?: unknown; id?: unknown } }).sender;
    const actor = o.actor ?? (typeof sender?.login === 'string' ? sender.login : 'octocat');
    const apiUrl = o.github?.url ?? 'http://127.0.0.1:9'; // unreachable: an unexpected API call fails fast
    const runId = String(1_000_000 + ++runCounter);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? home,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_EVENT_NAME: o.eventName,
      GITHUB_EVENT_PATH: f.event,
      GITHUB_REPOSITORY: o.repository,
      GITHUB_REPOSITORY_OWNER: repoOwner,
      GITHUB_REPOSITORY_ID: '123456789',
      GITHUB_REPOSITORY_OWNER_ID: '987654321',
      GITHUB_SHA: o.sha,
      GITHUB_REF: o.ref,
      GITHUB_REF_NAME: refName,
      GITHUB_REF_TYPE: refType,
      GITHUB_REF_PROTECTED: 'false',
      GITHUB_HEAD_REF: head,
      GITHUB_BASE_REF: base,
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
      GITHUB_ACTOR: actor,
      GITHUB_ACTOR_ID: typeof sender?.id === 'number' ? String(sender.id) : '1',
      GITHUB_TRIGGERING_ACTOR: actor,
      GITHUB_WORKFLOW: 'test',
      GITHUB_WORKFLOW_REF: `${o.repository}/.github/workflows/test.yml@${o.ref}`,
      GITHUB_WORKFLOW_SHA: o.sha,
      GITHUB_JOB: 'test',
      GITHUB_ACTION: '__self',
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_ACTION_REPOSITORY: '',
      GITHUB_ACTION_REF: '',
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_NUMBER: String(runCounter),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_RETENTION_DAYS: '90',
      GITHUB_OUTPUT: f.output,
      GITHUB_ENV: f.env,
      GITHUB_PATH: f.path,
      GITHUB_STATE: f.state,
      GITHUB_STEP_SUMMARY: f.summary,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'GitHub Actions 1',
      RUNNER_ENVIRONMENT: 'github-hosted',
      RUNNER_TEMP: runnerTemp,
      RUNNER_TOOL_CACHE: toolCache,
      RUNNER_WORKSPACE: dirname(o.workspace),
      // No identity and no developer config: a missing `git config user.name` fails as on a hosted runner.
      GIT_CONFIG_GLOBAL: f.gitconfig,
      GIT_CONFIG_NOSYSTEM: '1',
      // The fake GitHub's wish for its clients (short client-side waits: retries and pacing are tested, not slept).
      ...o.github?.clientEnv,
      ...inputEnv,
      ...o.env,
    };

    const started = Date.now();
    const { code, signal, stdout, stderr, timedOut } =
      mode === 'bundle'
        ? await spawnNode(main, o.workspace, env, o.timeoutMs ?? 30_000)
        : await runInProcess(main, o.workspace, env, o.timeoutMs ?? 30_000);
    const durationMs = Date.now() - started;

    const read = (p: string) => readFile(p, 'utf8');
    const [outputText, envText, stateText, pathText, summary] = await Promise.all([
      read(f.output),
      read(f.env),
      read(f.state),
      read(f.path),
      read(f.summary),
    ]);
    const parsed = parseWorkflowCommands(`${stdout}\n${stderr}`);
    return {
      exitCode: code,
      signal,
      timedOut,
      durationMs,
      stdout,
      stderr,
      outputs: parseKeyValueFile(outputText, 'GITHUB_OUTPUT'),
      summary,
      ...parsed,
      exportedEnv: parseKeyValueFile(envText, 'GITHUB_ENV'),
      state: parseKeyValueFile(stateText, 'GITHUB_STATE'),
      addedPath: pathText.split('\n').filter((l) => l.trim() !== ''),
      env,
    };
  } finally {
    if (!o.keepTemp) await rm(temp, { recursive: true, force: true });
  }
}

const SOURCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** `src/<action>/main.ts`: the module whose `run()` the bundle's entry awaits. */
function sourceEntry(action: string): string {
  return join(SOURCE_DIR, action, 'main.ts');
}

let inProcessRunning = false;

/**
 * Runs the action's `run()` here: the environment, working directory, exit code and standard streams of this
 * process are the runner's for the duration of the run, then restored. Runs in one process cannot overlap (they
 * would share all of these); a test that needs two at once uses `mode: 'bundle'`.
 */
async function runInProcess(
  main: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}> {
  if (inProcessRunning)
    throw new Error("two in-process action runs overlap: give the concurrent runs mode: 'bundle'");
  inProcessRunning = true;
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const out: string[] = [];
  const err: string[] = [];
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r): r is () => void => typeof r === 'function');
      callback?.();
      return true;
    };
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, env);
    process.chdir(cwd);
    process.exitCode = undefined;
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    const core = await import('@actions/core');
    // The summary singleton keeps its buffer and the first GITHUB_STEP_SUMMARY it saw; each run starts clean.
    core.summary.emptyBuffer();
    (core.summary as unknown as { _filePath?: string })._filePath = undefined;
    const module = (await import(main)) as { run: () => Promise<void> };
    const finished = module.run().then(
      () => undefined,
      (error: unknown) => {
        // What Node prints for an unhandled rejection in the bundle: the test sees a crash, as it would there.
        err.push(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      },
    );
    const timeout = new Promise<void>((resolveTimeout) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolveTimeout();
      }, timeoutMs);
    });
    await Promise.race([finished, timeout]);
    const exitCode = process.exitCode;
    return {
      code: timedOut ? null : typeof exitCode === 'number' ? exitCode : Number(exitCode ?? 0),
      signal: timedOut ? 'SIGKILL' : null,
      stdout: out.join(''),
      stderr: err.join(''),
      timedOut,
    };
  } finally {
    clearTimeout(timer);
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    process.exitCode = savedExitCode;
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    inProcessRunning = false;
  }
}

function spawnNode(
  main: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}> {
  return new Promise((resolvePromise, reject) => {
    // Own process group, so a timeout also ends the git processes the action started.
    const child = spawn(process.execPath, [main], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}
