// Type checking is `npm run typecheck`; ncc only transpiles (it would otherwise check the whole project).
// Bundles each action and the CLI with ncc into a committed single-file bundle.
// Usage: node scripts/build.js [name...]   (default: all)
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';

export const bundles = [
  { name: 'validate', entry: 'src/validate/index.ts', out: 'actions/validate/dist' },
  { name: 'promote', entry: 'src/promote/index.ts', out: 'actions/promote/dist' },
  { name: 'publish-image', entry: 'src/publish-image/index.ts', out: 'actions/publish-image/dist' },
  { name: 'cli', entry: 'src/cli/index.ts', out: 'dist/cli' },
];

function ncc(entry, out) {
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
        '--license',
        'licenses.txt',
        '-q',
      ],
      { stdio: 'inherit' },
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ncc ${entry} exited ${code}`))));
  });
}

const wanted = process.argv.slice(2);
const selected = bundles.filter((b) => wanted.length === 0 || wanted.includes(b.name));
// Two at a time: ncc is mostly single-threaded and these machines have two cores.
for (let i = 0; i < selected.length; i += 2) {
  await Promise.all(
    selected.slice(i, i + 2).map(async (b) => {
      await rm(b.out, { recursive: true, force: true });
      await ncc(b.entry, b.out);
      const code = await readFile(`${b.out}/index.js`, 'utf8');
      // ncc exits 0 even when it could not resolve an import (the CommonJS trap): refuse such a bundle.
      if (code.includes('webpackMissingModule')) throw new Error(`${b.out}/index.js has unresolved modules`);
      console.log(`built ${b.out}/index.js (${(code.length / 1024).toFixed(0)} kB)`);
    }),
  );
}
