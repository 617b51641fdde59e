// `package-storage demo`: a throwaway storage repository on disk and the checks a maintainer would see,
// without any network.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from '../cli/args.js';
import type { CliIO } from '../cli/io.js';
import { validateCommand } from '../cli/validate.js';
import { DemoRepo } from './repo.js';

export const demoUsage = `usage: package-storage demo [--dir DIR] [--keep]

Builds a throwaway storage repository and walks a maintainer's day through it. No network.
  --dir DIR   where to build it (default: a new temporary directory)
  --keep      keep the directory afterwards`;

export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('demo', argv, {
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (values.help) {
    io.out(demoUsage);
    return 0;
  }
  const root = values.dir ? resolve(values.dir) : await mkdtemp(join(tmpdir(), 'package-storage-demo-'));
  let step = 0;
  const heading = (text: string): void => io.out(`\n${++step}. ${text}`);
  const indented: CliIO = { out: (l) => io.out(`   │ ${l}`), err: (l) => io.out(`   │ ${l}`) };
  const check = async (args: string[], expected: number): Promise<boolean> => {
    io.out(
      `   $ package-storage validate ${args.map((a) => (/[\s"[\]]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`,
    );
    const code = await validateCommand(['--repo', repo.work, ...args], indented);
    io.out(
      `   → exit ${code} (${code === 0 ? 'pass' : code === 1 ? 'violations: the PR would be blocked' : 'error'})`,
    );
    return code === expected;
  };

  io.out(`package-storage demo: a storage repository at ${root}`);
  const repo = await DemoRepo.create(root);
  let ok = true;
  try {
    heading(
      'Set up: main holds the docs; production has nginx 1.5.0, staging its marker, snapshot its marker and nginx 1.6.0.',
    );
    await repo.write({ 'README.md': '# Demo package storage\n' });
    await repo.commit('main', 'Initial commit');
    await repo.checkout('production');
    await repo.write({
      Dockerfile:
        'ARG PACKAGE_REGISTRY=v1.15.0\nFROM docker.elastic.co/package-registry/package-registry:${PACKAGE_REGISTRY}\n',
    });
    await repo.addPackage({ name: 'nginx', version: '1.5.0' });
    await repo.commit('production', 'Initial production');
    // Each channel branch holds only its own packages; the images combine them.
    await repo.checkout('staging');
    await repo.addPackage({ name: 'staging', version: '0.0.1' });
    await repo.commit('staging', 'Staging marker');
    await repo.checkout('snapshot');
    await repo.addPackage({ name: 'snapshot', version: '0.0.1' });
    await repo.addPackage({ name: 'nginx', version: '1.6.0', range: '^8.10.0' });
    await repo.commit('snapshot', '[snapshot] Add nginx 1.6.0');

    heading('A PR to production edits nginx 1.5.0 in place and forgets the title prefix.');
    await repo.checkout('fix-nginx-docs', 'production');
    await repo.addPackage({ name: 'nginx', version: '1.5.0', flavour: 'fixed typo' });
    await repo.commit('fix-nginx-docs', 'Fix nginx docs');
    ok =
      (await check(['--base', 'production', '--head', 'fix-nginx-docs', '--title', 'Fix nginx docs'], 1)) &&
      ok;

    heading('A PR to staging adds nginx 1.7.0, which never went through snapshot.');
    await repo.checkout('nginx-1.7.0', 'staging');
    await repo.addPackage({ name: 'nginx', version: '1.7.0' });
    await repo.commit('nginx-1.7.0', 'Add nginx 1.7.0');
    ok =
      (await check(
        ['--base', 'staging', '--head', 'nginx-1.7.0', '--title', '[staging] Add nginx 1.7.0'],
        1,
      )) && ok;

    heading('A promotion PR copies nginx 1.6.0 from snapshot to staging, tree for tree.');
    await repo.checkout('promote/snapshot-to-staging', 'staging');
    await repo.addPackage({ name: 'nginx', version: '1.6.0', range: '^8.10.0' });
    await repo.commit('promote/snapshot-to-staging', 'Promote nginx 1.6.0');
    ok =
      (await check(
        [
          '--base',
          'staging',
          '--head',
          'promote/snapshot-to-staging',
          '--title',
          '[staging] Promote packages from snapshot (nginx-1.6.0)',
        ],
        0,
      )) && ok;

    io.out(
      `\n${ok ? 'Demo finished: each check gave the verdict a maintainer should expect.' : 'Demo finished, but a check did not give the expected verdict.'}`,
    );
    return ok ? 0 : 1;
  } finally {
    if (values.keep) io.out(`kept: ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}
