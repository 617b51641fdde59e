// package-storage --version: the package version, the hash of the sources the bundle was built from (the same hash
// coreutils compute), and the install directory's commit, with what each value means in the circumstances: a clean
// checkout the bundle was built from, uncommitted changes, a stale bundle, no checkout, a directory inside some
// other repository, and running from source.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { sourceFiles, sourceHash, sourceHashInputs } from '../../src/cli/source-hash.js';
import { buildStamp, versionInfo, versionLines, type BuildStamp } from '../../src/cli/version.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
afterAll(cleanupTempDirs);

/** What coreutils say: `find INPUTS -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum`. */
function coreutilsHash(dir: string): string {
  const env = { ...process.env, LC_ALL: 'C' };
  const found = spawnSync('find', [...sourceHashInputs, '-type', 'f', '-print0'], { cwd: dir, env });
  const sorted = spawnSync('sort', ['-z'], { input: found.stdout, env });
  const files = sorted.stdout.toString('utf8').split('\0').filter(Boolean);
  const sums = spawnSync('sha256sum', ['--', ...files], { cwd: dir, env });
  expect(sums.status, sums.stderr.toString()).toBe(0);
  const total = spawnSync('sha256sum', [], { input: sums.stdout, env });
  return `sha256:${total.stdout.toString('utf8').split(' ')[0]}`;
}

/** A small source tree with every input, names chosen to exercise byte order (upper case, space, non-ASCII). */
async function sourceTree(dir: string): Promise<string> {
  const files: Record<string, string> = {
    'src/cli/main.ts': 'export const a = 1;\n',
    'src/B.ts': 'b\n',
    'src/a b.ts': 'space\n',
    'src/é.ts': 'accent\n',
    'src/a.ts': 'a\n',
    'schema/policy.schema.json': '{}\n',
    'package.json': JSON.stringify({ name: 'package-storage-actions', version: '1.2.3' }),
    'package-lock.json': '{}\n',
    'tsconfig.json': '{}\n',
    'scripts/build.js': '// build\n',
    'README.md': 'not an input\n',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

async function commitAll(dir: string): Promise<string> {
  await git(['-C', dir, 'init', '--quiet', '--initial-branch=main']);
  await git(['-C', dir, 'add', '-A']);
  await git(['-C', dir, 'commit', '--quiet', '-m', 'sources']);
  return (await git(['-C', dir, 'rev-parse', 'HEAD'])).trim();
}

describe('the source hash', () => {
  it('is what coreutils compute, on this repository', async () => {
    const hash = await sourceHash(root);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hash).toBe(coreutilsHash(root));
  });

  it('is what coreutils compute on names that sort differently by locale', async () => {
    const dir = await sourceTree(await tempDir('hash-names'));
    expect(await sourceFiles(dir)).toEqual([
      'package-lock.json',
      'package.json',
      'schema/policy.schema.json',
      'scripts/build.js',
      'src/B.ts',
      'src/a b.ts',
      'src/a.ts',
      'src/cli/main.ts',
      'src/é.ts',
      'tsconfig.json',
    ]);
    expect(await sourceHash(dir)).toBe(coreutilsHash(dir));
  });

  it('depends on contents and relative paths only: not on the directory, times or files outside the inputs', async () => {
    const a = await sourceTree(await tempDir('hash-a'));
    const b = await sourceTree(await tempDir('hash-b'));
    const base = await sourceHash(a);
    expect(await sourceHash(b)).toBe(base);
    await utimes(join(b, 'src/a.ts'), new Date(0), new Date(0));
    await writeFile(join(b, 'README.md'), 'changed, but not an input\n');
    await mkdir(join(b, 'docs'));
    await writeFile(join(b, 'docs/x.md'), 'neither\n');
    expect(await sourceHash(b)).toBe(base);
  });

  it('changes with a file content, a rename, a new file, and ignores symbolic links (find -type f)', async () => {
    const dir = await sourceTree(await tempDir('hash-change'));
    const seen = new Set([await sourceHash(dir)]);
    await writeFile(join(dir, 'src/a.ts'), 'a!\n');
    seen.add(await sourceHash(dir));
    await git(['-C', dir, 'init', '--quiet']); // .git outside the inputs: no change
    await writeFile(join(dir, 'src/c.ts'), 'a!\n');
    seen.add(await sourceHash(dir));
    await writeFile(join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
    seen.add(await sourceHash(dir));
    expect(seen.size).toBe(4);
    const before = await sourceHash(dir);
    await symlink('a.ts', join(dir, 'src/link.ts'));
    expect(await sourceHash(dir)).toBe(before);
    expect(await sourceHash(dir)).toBe(coreutilsHash(dir));
  });

  it('is undefined for a directory that is not a source tree (an input is missing)', async () => {
    expect(await sourceHash(await tempDir('hash-empty'))).toBeUndefined();
    for (const input of sourceHashInputs) {
      const dir = await sourceTree(await tempDir('hash-partial'));
      await rm(join(dir, input), { recursive: true });
      expect(await sourceHash(dir), input).toBeUndefined();
    }
  });
});

describe('versionLines', () => {
  const stampOf = async (dir: string): Promise<BuildStamp> => ({
    version: '1.2.3',
    sources: (await sourceHash(dir))!,
  });

  it('a bundle in a clean checkout of the commit it was built from', async () => {
    const dir = await sourceTree(await tempDir('v-clean'));
    const commit = await commitAll(dir);
    const lines = versionLines(await versionInfo({ installDir: dir, build: await stampOf(dir) }));
    expect(lines).toEqual([
      'package-storage 1.2.3',
      `sources: ${await sourceHash(dir)} (hash of the sources this bundle was built from)`,
      `commit:  ${commit} (git HEAD of ${dir}; the bundle was built from this commit's sources)`,
    ]);
    // A change outside the sources (docs) leaves the commit exact.
    await writeFile(join(dir, 'README.md'), 'edited\n');
    expect((await versionInfo({ installDir: dir, build: await stampOf(dir) })).checkout).toEqual({
      commit,
      modified: false,
    });
  });

  it('a bundle rebuilt from uncommitted changes, and a bundle older than the sources', async () => {
    const dir = await sourceTree(await tempDir('v-dirty'));
    const commit = await commitAll(dir);
    const old = await stampOf(dir);
    await writeFile(join(dir, 'src/a.ts'), 'edited\n');
    const stale = await versionInfo({ installDir: dir, build: old });
    expect(stale.checkout).toEqual({ commit, modified: true });
    expect(versionLines(stale)[2]).toBe(
      `commit:  ${commit} with uncommitted changes (git HEAD of ${dir}; its sources hash to ${await sourceHash(dir)}: the bundle was not built from them, run npm run build)`,
    );
    const rebuilt = versionLines(await versionInfo({ installDir: dir, build: await stampOf(dir) }));
    expect(rebuilt[2]).toBe(
      `commit:  ${commit} with uncommitted changes (git HEAD of ${dir}; the bundle was built from the working tree, not from a commit)`,
    );
    // An untracked source file is a change too.
    await git(['-C', dir, 'checkout', '--', 'src/a.ts']);
    expect((await versionInfo({ installDir: dir, build: old })).checkout?.modified).toBe(false);
    await writeFile(join(dir, 'src/new.ts'), 'new\n');
    expect((await versionInfo({ installDir: dir, build: old })).checkout?.modified).toBe(true);
  });

  it('no checkout, or a directory inside another repository: the commit is unknown, not the other HEAD', async () => {
    const plain = await sourceTree(await tempDir('v-plain'));
    expect(versionLines(await versionInfo({ installDir: plain, build: await stampOf(plain) }))[2]).toBe(
      `commit:  unknown (${plain} is not a git checkout)`,
    );
    const outer = await tempDir('v-outer');
    await writeFile(join(outer, 'x'), 'x\n');
    await commitAll(outer);
    const inner = await sourceTree(join(outer, 'node_modules', 'package-storage-actions'));
    const info = await versionInfo({ installDir: inner, build: await stampOf(inner) });
    expect(info.checkout).toBeUndefined();
    expect(versionLines(info)[2]).toBe(`commit:  unknown (${inner} is not a git checkout)`);
  });

  it('running from source: the version from package.json, the hash of the tree, the HEAD', async () => {
    const dir = await sourceTree(await tempDir('v-source'));
    const commit = await commitAll(dir);
    expect(versionLines(await versionInfo({ installDir: dir, build: undefined }))).toEqual([
      'package-storage 1.2.3',
      `sources: ${await sourceHash(dir)} (running from source, not from a bundle: hash of ${dir})`,
      `commit:  ${commit} (git HEAD of ${dir})`,
    ]);
  });

  it('reads the stamp the build writes, and none from source', () => {
    expect(buildStamp()).toBeUndefined();
    expect(buildStamp('{"version":"1.2.3","sources":"sha256:ab"}')).toEqual({
      version: '1.2.3',
      sources: 'sha256:ab',
    });
    expect(buildStamp('{"version":1}')).toBeUndefined();
  });
});

describe('package-storage --version', () => {
  const pkg = async (): Promise<{ version: string }> =>
    JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };

  it('from source: names this checkout', async () => {
    const out: string[] = [];
    const code = await main(['--version'], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code).toBe(0);
    const head = (await git(['-C', root, 'rev-parse', 'HEAD'])).trim();
    expect(out[0]).toBe(`package-storage ${(await pkg()).version}`);
    expect(out[1]).toBe(
      `sources: ${await sourceHash(root)} (running from source, not from a bundle: hash of ${root})`,
    );
    expect(out[2]).toMatch(
      new RegExp(`^commit:  ${head}( with uncommitted changes)? \\(git HEAD of ${root}\\)$`),
    );
  });

  it('the built bundle (bin/package-storage.js): its stamp, and whether this checkout is what it was built from', async () => {
    const run = (flag: string): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [join(root, 'bin', 'package-storage.js'), flag], {
        cwd: root,
        encoding: 'utf8',
      });
    const r = run('--version');
    expect(r.status, String(r.stderr)).toBe(0);
    expect(r.stderr).toBe('');
    const lines = String(r.stdout).trimEnd().split('\n');
    expect(lines[0]).toBe(`package-storage ${(await pkg()).version}`);
    const stamped =
      /^sources: (sha256:[0-9a-f]{64}) \(hash of the sources this bundle was built from\)$/.exec(lines[1]!);
    expect(stamped, `${lines[1]}: the bundle carries no build stamp (run npm run build)`).not.toBeNull();
    const head = (await git(['-C', root, 'rev-parse', 'HEAD'])).trim();
    // Whether the bundle is current is not this test's business (check-dist's); what the line says must be true.
    const current = stamped![1] === (await sourceHash(root));
    expect(lines[2]).toMatch(
      current
        ? new RegExp(
            `^commit:  ${head}( with uncommitted changes)? \\(git HEAD of ${root}; the bundle was built from `,
          )
        : new RegExp(`^commit:  ${head}.*: the bundle was not built from them, run npm run build\\)$`),
    );
    expect(run('-V').stdout).toBe(r.stdout);
  });

  it('a reader that goes away early is no crash: no stack trace, the exit code of the command', async () => {
    const child = spawn(process.execPath, [join(root, 'bin', 'package-storage.js'), '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
