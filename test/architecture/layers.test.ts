// The layer rules of docs/architecture.md, read from its table and checked against every import under src/: the
// document is the rule, so it cannot drift from the code.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** `layer -> layers it may import`, from the rows of the "Layers and who may import whom" table. */
function allowedImports(): Map<string, Set<string>> {
  const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const rules = new Map<string, Set<string>>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | `layer` | `a`, `b` or — | owns |
    const layer = /^`([a-z-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!layer || cells.length < 5 || rules.has(layer)) continue;
    const may = [...(cells[2] ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!);
    rules.set(layer, new Set(may));
  }
  return rules;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
}

/** Static imports and re-exports, and dynamic `import('…')` with a literal specifier. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(/(?:^|;)\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm),
    ...text.matchAll(/(?:^|;)\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ];
  return found.map((m) => ({ file: relative(root, file), specifier: m[1]! }));
}

const layerOf = (path: string): string => relative(src, path).split(sep)[0]!;

const files = sourceFiles(src);
const imports = files.flatMap(importsOf);
const rules = allowedImports();

describe('the layers of docs/architecture.md', () => {
  it('has a row for every directory under src/, and names only layers that exist', () => {
    const layers = new Set(files.map(layerOf).filter((l) => !l.includes('.')));
    expect([...rules.keys()].sort()).toEqual([...layers].sort());
    for (const [layer, may] of rules)
      for (const m of may) expect(layers, `${layer} may import ${m}`).toContain(m);
  });

  it('is what the code does: no import reaches a layer its row does not list', () => {
    // The parser is not blind: every layer but the leaves imports something.
    expect(imports.filter((i) => i.specifier.startsWith('.')).length).toBeGreaterThan(100);
    const violations: string[] = [];
    for (const i of imports) {
      if (!i.specifier.startsWith('.')) continue;
      const from = layerOf(join(root, i.file));
      const target = resolve(dirname(join(root, i.file)), i.specifier);
      if (!target.startsWith(src + sep)) continue; // schema/, package.json: data, not a layer
      const to = layerOf(target);
      if (to !== from && !rules.get(from)?.has(to))
        violations.push(`${i.file}: imports ${to} (${i.specifier})`);
    }
    expect(violations).toEqual([]);
  });

  it('keeps core free of I/O: node:crypto and the four parsing packages only', () => {
    const allowed = /^(node:crypto|semver|js-yaml|minimatch|ajv(\/.*)?)$/;
    const outside = imports.filter(
      (i) =>
        layerOf(join(root, i.file)) === 'core' && !i.specifier.startsWith('.') && !allowed.test(i.specifier),
    );
    expect(outside.map((i) => `${i.file}: ${i.specifier}`)).toEqual([]);
  });

  it('lets only action code talk to the runner (@actions/*)', () => {
    const runnerFree = new Set(['core', 'oci', 'registry', 'git', 'cli']);
    const leaks = imports.filter(
      (i) => runnerFree.has(layerOf(join(root, i.file))) && i.specifier.startsWith('@actions/'),
    );
    expect(leaks.map((i) => `${i.file}: ${i.specifier}`)).toEqual([]);
  });
});
