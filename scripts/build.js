// Type checking is `npm run typecheck`; ncc only transpiles (it would otherwise check the whole project).
// Bundles each action and the CLI with ncc into a committed single-file bundle. The CLI bundle gets the package
// version and the hash of the sources it is built from (`package-storage --version`); both depend on the sources
// only, so a rebuild of the same sources, at any path, is byte-identical (what CI's check-dist relies on).
// Usage: node scripts/build.js [--out-root DIR] [name...]   (default: all, in place)
// --out-root writes the bundles under DIR instead (CI's check-dist compares them with the committed ones while the
// tests use the committed ones).
import { spawn } from 'node:child_process';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sourceHash } from '../src/cli/source-hash.js';

const layerWorker = { entry: 'src/publish-image/layer-worker.ts', file: 'layer-worker' };

export const bundles = [
  { name: 'validate', entry: 'src/validate/index.ts', out: 'actions/validate/dist' },
  { name: 'promote', entry: 'src/promote/index.ts', out: 'actions/promote/dist' },
  // Beside each bundle that publishes images, `layer-worker.js`: the worker thread that builds package layers
  // (src/publish-image/layer-workers.ts starts it from the directory of the bundle it is in).
  {
    name: 'publish-image',
    entry: 'src/publish-image/index.ts',
    out: 'actions/publish-image/dist',
    beside: [layerWorker],
  },
  // The CLI starts once per command, so start-up counts: no source-map-support registration at load (measured:
  // 70 ms of a 10-package validate's 290 ms). The map is still written, for `node --enable-source-maps`.
  // Beside it, `commands.js`: every command but validate (src/cli/commands.ts), which main.ts loads on demand, so
  // that validate loads and compiles one file of its own code only.
  {
    name: 'cli',
    entry: 'src/cli/index.ts',
    out: 'dist/cli',
    stamped: true,
    register: false,
    beside: [{ entry: 'src/cli/commands.ts', file: 'commands' }, layerWorker],
  },
];

/** The literal src/cli/version.ts holds in place of the stamp, as ncc writes it. */
const stampPlaceholder = "'@@package-storage-build-stamp@@'";

/** Writes the build stamp into a bundle: exactly one placeholder, else the bundle is refused. */
function stampBundle(code, stamp) {
  const parts = code.split(stampPlaceholder);
  if (parts.length !== 2)
    throw new Error(
      `expected the build stamp placeholder once in the CLI bundle, found it ${parts.length - 1} times`,
    );
  // A JS string literal holding the stamp's JSON; JSON.stringify escapes it for both.
  return parts.join(JSON.stringify(JSON.stringify(stamp)));
}

function ncc(entry, out, { register = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        entry,
        '-o',
        out,
        '--source-map',
        ...(register ? [] : ['--no-source-map-register']),
        '--license',
        'licenses.txt',
        '-q',
      ],
      { stdio: 'inherit' },
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ncc ${entry} exited ${code}`))));
  });
}

/**
 * Another bundle in the same directory, as `<file>.js` (+ map, licences), for the entry to `import()` or start as a
 * worker at run time.
 * ncc names its output index.js, so it is built apart and moved in.
 */
async function buildBeside(beside, out, options) {
  const tmp = `${out}.${beside.file}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  try {
    await ncc(beside.entry, tmp, options);
    const code = await readFile(`${tmp}/index.js`, 'utf8');
    if (code.includes('webpackMissingModule')) throw new Error(`${beside.entry}: unresolved modules`);
    const map = '//# sourceMappingURL=index.js.map';
    if (!code.trimEnd().endsWith(map)) throw new Error(`${beside.entry}: no source map line at the end`);
    await writeFile(
      `${out}/${beside.file}.js`,
      code.replace(
        /\/\/# sourceMappingURL=index\.js\.map\s*$/,
        `//# sourceMappingURL=${beside.file}.js.map\n`,
      ),
    );
    const sourceMap = JSON.parse(await readFile(`${tmp}/index.js.map`, 'utf8'));
    sourceMap.file = `${beside.file}.js`;
    await writeFile(`${out}/${beside.file}.js.map`, JSON.stringify(sourceMap));
    // ncc writes no licence file for a bundle without packages (the layer worker).
    await rename(`${tmp}/licenses.txt`, `${out}/${beside.file}.licenses.txt`).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const root = resolve(import.meta.dirname, '..');
const version = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')).version;
const stamp = { version, sources: await sourceHash(root) };

const { values: options, positionals: wanted } = parseArgs({
  allowPositionals: true,
  options: { 'out-root': { type: 'string' } },
});
const outRoot = options['out-root'] ? resolve(options['out-root']) : root;
const unknown = wanted.filter((name) => !bundles.some((b) => b.name === name));
if (unknown.length > 0)
  throw new Error(`unknown bundle ${unknown.join(', ')} (bundles: ${bundles.map((b) => b.name).join(', ')})`);
const selected = bundles.filter((b) => wanted.length === 0 || wanted.includes(b.name));
// Two at a time: ncc is mostly single-threaded and these machines have two cores.
for (let i = 0; i < selected.length; i += 2) {
  await Promise.all(
    selected.slice(i, i + 2).map(async (b) => {
      const out = resolve(outRoot, b.out);
      await rm(out, { recursive: true, force: true });
      await ncc(b.entry, out, b);
      let code = await readFile(`${out}/index.js`, 'utf8');
      // ncc exits 0 even when it could not resolve an import (the CommonJS trap): refuse such a bundle.
      if (code.includes('webpackMissingModule')) throw new Error(`${b.out}/index.js has unresolved modules`);
      if (b.stamped) {
        code = stampBundle(code, stamp);
        await writeFile(`${out}/index.js`, code);
      }
      for (const beside of b.beside ?? []) await buildBeside(beside, out, b);
      console.log(
        `built ${b.out}/index.js (${(code.length / 1024).toFixed(0)} kB)${outRoot === root ? '' : ` in ${outRoot}`}`,
      );
    }),
  );
}
console.log(`package-storage ${stamp.version}, sources ${stamp.sources}`);
