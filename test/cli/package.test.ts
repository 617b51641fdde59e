// What the package declares is what it ships: runtime dependencies are exactly the packages src/ imports (tar-stream,
// a test reader, is a devDependency), the committed bundles load nothing but Node's built-in modules, the licence
// file says what package.json says, and the Node version pinned for development satisfies the engines range. And
// what it documents stays true: the README's prerequisites name every Debian package CI and the tests install, and
// the changelog's released versions agree with package.json.
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gt, satisfies } from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface PackageJson {
  version?: string;
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
    const beside = [
      'dist/cli/commands.js',
      'dist/cli/layer-worker.js',
      'actions/publish-image/dist/layer-worker.js',
    ];
    for (const file of [...bundles.map((dir) => join(dir, 'index.js')), ...beside]) {
      const dir = file;
      const code = await readFile(join(root, file), 'utf8');
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

  it("the CLI's entry holds validate only: the other commands, Octokit and the registry client load from commands.js", async () => {
    const entry = await readFile(join(root, 'dist/cli/index.js'), 'utf8');
    const rest = await readFile(join(root, 'dist/cli/commands.js'), 'utf8');
    for (const marker of ['Octokit', 'application/vnd.oci.image.manifest.v1+json', 'publishImages'])
      expect({ marker, inEntry: entry.includes(marker), inCommands: rest.includes(marker) }).toEqual({
        marker,
        inEntry: false,
        inCommands: true,
      });
    // The one way from the entry to the rest: a plain import the bundler left alone.
    expect(entry.match(/import\(\/\* webpackIgnore: true \*\/ '\.\/commands\.js'\)/g)).toHaveLength(1);
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

/** `## Prerequisites` of the README, up to the next section. */
async function prerequisites(): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Prerequisites\n');
  expect(start, 'README.md has a "## Prerequisites" section').toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README prerequisites', () => {
  it('name every Debian package .ci/run installs and every one the registry tests install', async () => {
    const ci = await readFile(join(root, '.ci/run'), 'utf8');
    const listed = /^debian_packages=\(([^)]*)\)/m.exec(ci)?.[1]?.trim().split(/\s+/) ?? [];
    expect(listed.length).toBeGreaterThan(0);
    const tools = await readFile(join(root, 'test/support/registry/tools.ts'), 'utf8');
    const table = /const PACKAGES[^{]*\{([^}]*)\}/.exec(tools)?.[1] ?? '';
    const byTests = [...table.matchAll(/:\s*'([a-z0-9.+-]+)'/g)].map((m) => m[1]!);
    expect(byTests.length).toBeGreaterThan(0);
    const text = await prerequisites();
    const missing = [...new Set([...listed, ...byTests])].filter((p) => !text.includes(`\`${p}\``));
    expect(missing, 'Debian packages the README does not list').toEqual([]);
  });

  it('state the Node version range of package.json and the version .node-version pins', async () => {
    const text = await prerequisites();
    const range = (await pkg()).engines!.node!; // ">=20.19.0"
    const minimum = /^>=(\d+\.\d+)\.0$/.exec(range)?.[1];
    expect(minimum, `engines.node ${range} is ">=X.Y.0"`).toBeDefined();
    expect(text).toContain(`Node.js ${minimum} or newer`);
    expect(text).toContain((await readFile(join(root, '.node-version'), 'utf8')).trim());
  });
});

describe('CHANGELOG.md', () => {
  it('has an Unreleased section first, released versions newest first, and the released version in package.json', async () => {
    const text = await readFile(join(root, 'CHANGELOG.md'), 'utf8');
    const headings = [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]!);
    expect(headings[0]).toBe('[Unreleased]');
    const released = headings.slice(1).map((h) => {
      const m = /^\[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/.exec(h);
      expect(m, `"## ${h}" is "## [X.Y.Z] - YYYY-MM-DD"`).not.toBeNull();
      return m![1]!;
    });
    for (let i = 1; i < released.length; i++) expect(gt(released[i - 1]!, released[i]!)).toBe(true);
    // Each heading has its link at the bottom.
    for (const h of ['Unreleased', ...released])
      expect(text).toMatch(new RegExp(`^\\[${h}\\]: https://`, 'm'));
    // The version is bumped only when a release is cut (docs/releasing.md): then it is the newest release.
    const { version } = await pkg();
    if (released.length > 0) expect(version).toBe(released[0]);
  });
});
