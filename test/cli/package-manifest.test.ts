// What the package declares is what it ships: runtime dependencies are exactly the packages src/ imports (tar-stream,
// a test reader, is a devDependency), the committed bundles load nothing but Node's built-in modules, the licence
// file says what package.json says, and the Node version pinned for development satisfies the engines range.
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { satisfies } from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface PackageJson {
  license?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const pkg = async (): Promise<PackageJson> =>
  JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson;

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The packages a module imports at run time: bare specifiers of imports and re-exports, `import type` left out. */
function importedPackages(code: string): string[] {
  const specs = [
    ...code.matchAll(/^\s*(?:import|export)(\s+type\b)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*import()\s*['"]([^'"]+)['"]/gm),
  ]
    .filter((m) => !m[1])
    .map((m) => m[2]!);
  specs.push(...[...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

describe('package.json', () => {
  it('the import scan sees imports, re-exports and dynamic imports, not types or relative paths', () => {
    const code = [
      "import * as core from '@actions/core';",
      "import { load, FAILSAFE_SCHEMA } from 'js-yaml';",
      "import type { Octokit } from '@octokit/core';",
      "import {\n  a,\n  b,\n} from 'minimatch';",
      "export { x } from 'semver/functions/valid.js';",
      "import './side-effect.js';",
      "import 'ajv-formats';",
      "export function f(): string {\n  return 'x';\n}",
      "import { readFile } from 'node:fs/promises';",
      "import path from 'path';",
      "const m = await import('ajv');",
      "const s = `from '${'not-an-import'}'`;",
    ].join('\n');
    expect(importedPackages(code).sort()).toEqual([
      '@actions/core',
      'ajv',
      'ajv-formats',
      'js-yaml',
      'minimatch',
      'semver',
    ]);
  });

  it('has exactly the runtime dependencies src/ imports', async () => {
    const imported = new Set<string>();
    for (const file of await sourceFiles(join(root, 'src')))
      for (const p of importedPackages(await readFile(file, 'utf8'))) imported.add(p);
    const { dependencies = {}, devDependencies = {} } = await pkg();
    expect([...imported].sort()).toEqual(Object.keys(dependencies).sort());
    // tar-stream builds test fixtures independently of src/oci; nothing that ships needs it.
    expect(Object.keys(devDependencies)).toContain('tar-stream');
    expect(imported.has('tar-stream')).toBe(false);
  });

  it('the committed bundles load only built-in modules (everything else is inside them)', async () => {
    const bundles = [
      'dist/cli',
      'actions/validate/dist',
      'actions/promote/dist',
      'actions/publish-image/dist',
    ];
    for (const dir of bundles) {
      const code = await readFile(join(root, dir, 'index.js'), 'utf8');
      const externals = [
        ...code.matchAll(/__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([^"]+)"\)/g),
      ].map((m) => m[1]!);
      expect(externals.length, dir).toBeGreaterThan(0);
      expect(
        externals.filter((e) => !e.startsWith('node:') && !builtinModules.includes(e)),
        dir,
      ).toEqual([]);
      expect(code, dir).not.toContain('webpackMissingModule');
    }
  });

  it('says MIT, as the LICENSE file does', async () => {
    expect((await pkg()).license).toBe('MIT');
    const license = await readFile(join(root, 'LICENSE'), 'utf8');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toMatch(/^Copyright \(c\) \d{4} \S/m);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('pins a development Node version (.node-version) inside its engines range', async () => {
    const pinned = (await readFile(join(root, '.node-version'), 'utf8')).trim();
    const range = (await pkg()).engines?.node;
    expect(range).toBeDefined();
    expect(satisfies(pinned, range!), `${pinned} in ${range}`).toBe(true);
  });
});
