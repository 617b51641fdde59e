// The content hash of the sources a build is made from: one definition for scripts/build.js, which writes it into
// the CLI bundle, and for `package-storage --version`, which recomputes it for the install directory. Plain
// JavaScript so that the build script can import it without a TypeScript toolchain. It is what coreutils print for
//   find src schema package.json package-lock.json tsconfig.json scripts/build.js -type f -print0 |
//     LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum
// run in the directory: contents and relative paths only, so a clone at another path hashes the same.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What the bundles are built from: the sources, the locked dependencies, the compiler settings and the build. */
export const sourceHashInputs = [
  'src',
  'schema',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.js',
];

/** Byte order, as `LC_ALL=C sort`. */
const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function walk(root, relative, out) {
  for (const entry of await readdir(join(root, relative), { withFileTypes: true })) {
    const path = `${relative}/${entry.name}`;
    // Regular files only, links not followed: `find -type f`.
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** The input files under `root`, sorted; undefined when an input is missing (not a source tree). */
export async function sourceFiles(root) {
  const files = [];
  for (const input of sourceHashInputs) {
    const info = await stat(join(root, input)).catch(() => undefined);
    if (!info) return undefined;
    if (info.isDirectory()) await walk(root, input, files);
    else files.push(input);
  }
  return files.sort(byBytes);
}

/** `sha256:<hex>` over `<sha256 of file>  <path>` lines, or undefined when `root` is not a source tree. */
export async function sourceHash(root) {
  const files = await sourceFiles(root);
  if (!files) return undefined;
  const list = createHash('sha256');
  for (const path of files) {
    const digest = createHash('sha256')
      .update(await readFile(join(root, path)))
      .digest('hex');
    list.update(`${digest}  ${path}\n`);
  }
  return `sha256:${list.digest('hex')}`;
}
