// Each action's README documents exactly the inputs and outputs of its action.yml, and its example workflow gives
// the action only inputs that exist.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const actions = ['validate', 'promote', 'publish-image'] as const;

interface ActionYaml {
  inputs?: Record<string, { required?: boolean; default?: unknown } | null>;
  outputs?: Record<string, unknown>;
}

interface Table {
  header: string[];
  rows: string[][];
}

/** Splits a Markdown table row on `|`, except inside backticks and escaped (`\|`). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let code = false;
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      code = !code;
      cell += c;
    } else if (c === '|' && !code) {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

/** The lines of the `## <title>` section (up to the next heading of level 1 or 2), outside code blocks. */
function section(markdown: string, title: string): string[] | undefined {
  const lines = markdown.split('\n');
  let fenced = false;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^(#{1,2})\s+(.*?)\s*$/.exec(line);
    if (!heading) continue;
    if (start >= 0) return lines.slice(start, i);
    if (heading[1] === '##' && heading[2]!.toLowerCase() === title.toLowerCase()) start = i + 1;
  }
  return start >= 0 ? lines.slice(start) : undefined;
}

/** The first table in a section. */
function firstTable(lines: string[]): Table | undefined {
  const start = lines.findIndex(
    (l, i) => l.trim().startsWith('|') && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? ''),
  );
  if (start < 0) return undefined;
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(cells(line));
  }
  return { header: cells(lines[start]!).map((h) => h.toLowerCase()), rows };
}

/** `` `name` `` -> `name`; anything else (prose, several names) -> undefined. */
function backticked(cell: string): string | undefined {
  return /^`([^`]+)`$/.exec(cell.trim())?.[1];
}

/** Steps of every `jobs.*.steps` in a parsed workflow. */
function stepsOf(doc: unknown): Array<{ uses?: string; with?: Record<string, unknown> }> {
  const jobs = (doc as { jobs?: Record<string, { steps?: unknown }> } | null)?.jobs ?? {};
  return Object.values(jobs).flatMap((j) =>
    Array.isArray(j?.steps) ? (j.steps as Array<{ uses?: string; with?: Record<string, unknown> }>) : [],
  );
}

async function readAction(name: string): Promise<{ yml: ActionYaml; readme: string }> {
  const dir = join(root, 'actions', name);
  const [yml, readme] = await Promise.all([
    readFile(join(dir, 'action.yml'), 'utf8'),
    readFile(join(dir, 'README.md'), 'utf8'),
  ]);
  return { yml: load(yml) as ActionYaml, readme };
}

describe.each(actions)('actions/%s README', (name) => {
  it('documents every input of action.yml in its Inputs table, and no other', async () => {
    const { yml, readme } = await readAction(name);
    const lines = section(readme, 'Inputs');
    expect(lines, 'a "## Inputs" section').toBeDefined();
    const table = firstTable(lines!);
    expect(table, 'a table in "## Inputs"').toBeDefined();
    const documented = table!.rows.map((r) => r[0] ?? '');
    for (const cell of documented)
      expect(backticked(cell), `first column "${cell}": one backticked name`).toBeDefined();
    expect(documented.map((c) => backticked(c)).sort()).toEqual(Object.keys(yml.inputs ?? {}).sort());
  });

  it('shows the defaults of action.yml in the Inputs table', async () => {
    const { yml, readme } = await readAction(name);
    const table = firstTable(section(readme, 'Inputs') ?? [])!;
    const column = table.header.indexOf('default');
    expect(column, 'a "default" column').toBeGreaterThan(0);
    for (const row of table.rows) {
      const input = yml.inputs?.[backticked(row[0] ?? '') ?? ''] ?? {};
      const cell = row[column] ?? '';
      const where = `${row[0]}: default "${cell}"`;
      if (input.required === true && input.default === undefined) expect(cell, where).toMatch(/required/i);
      // A literal in backticks must be the real default; prose ("from each branch's Dockerfile") explains one.
      const literal = backticked(cell);
      if (literal !== undefined) expect(literal, where).toBe(String(input.default));
      if (input.default !== undefined && input.default !== '' && cell === '')
        expect.fail(`${where}: action.yml has default ${JSON.stringify(input.default)}`);
    }
  });

  it('documents every output of action.yml in its Outputs table, and no other', async () => {
    const { yml, readme } = await readAction(name);
    const lines = section(readme, 'Outputs');
    expect(lines, 'a "## Outputs" section').toBeDefined();
    const table = firstTable(lines!);
    expect(table, 'a table in "## Outputs"').toBeDefined();
    const documented = table!.rows.map((r) => r[0] ?? '');
    for (const cell of documented)
      expect(backticked(cell), `first column "${cell}": one backticked name`).toBeDefined();
    expect(documented.map((c) => backticked(c)).sort()).toEqual(Object.keys(yml.outputs ?? {}).sort());
  });

  it('has a copyable example workflow whose inputs all exist', async () => {
    const { yml, readme } = await readAction(name);
    const blocks = [...readme.matchAll(/^```ya?ml\s*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
    const uses = new RegExp(`^[^/\\s]+/[^/\\s]+/actions/${name}@\\S+$`);
    let examples = 0;
    for (const [i, block] of blocks.entries()) {
      const steps = stepsOf(load(block)).filter((s) => uses.test(s.uses ?? ''));
      for (const step of steps) {
        examples++;
        const given = Object.keys(step.with ?? {});
        for (const key of given)
          expect(Object.keys(yml.inputs ?? {}), `yaml block ${i + 1}: input "${key}"`).toContain(key);
        for (const [key, input] of Object.entries(yml.inputs ?? {}))
          if (input?.required === true && input.default === undefined)
            expect(given, `yaml block ${i + 1}: required input "${key}"`).toContain(key);
      }
    }
    expect(
      examples,
      `a \`\`\`yaml block with a step "uses: <owner>/<repo>/actions/${name}@<ref>"`,
    ).toBeGreaterThan(0);
  });
});

describe('README table parsing', () => {
  it('splits cells on pipes outside code spans', () => {
    expect(cells('| `a` | `x || y` | b \\| c |')).toEqual(['`a`', '`x || y`', 'b | c']);
  });

  it('reads the first table of a section and stops at the next heading', () => {
    const md = [
      '# T',
      '## Inputs',
      '',
      '| input | default |',
      '| --- | --- |',
      '| `a` | `1` |',
      '',
      '| other | table |',
      '|---|---|',
      '| `z` | |',
      '## Outputs',
      '```yaml',
      '## not a heading',
      '```',
      '| output |',
      '|---|',
      '| `o` |',
    ].join('\n');
    expect(firstTable(section(md, 'Inputs')!)).toEqual({
      header: ['input', 'default'],
      rows: [['`a`', '`1`']],
    });
    expect(firstTable(section(md, 'Outputs')!)?.rows).toEqual([['`o`']]);
    expect(section(md, 'Rules')).toBeUndefined();
  });
});
