// `package-storage demo`: a day in a storage repository on a throwaway repository on disk, with the checks,
// promotions, cleanups, images and release tag a maintainer would see. No network and no registry: images go to
// an OCI layout and an air-gapped archive.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from '../args.js';
import type { CliIO } from '../io.js';
import { cleanupCommand, promoteCommand } from '../promote.js';
import { publishImageCommand } from '../publish-image.js';
import { releaseCommand } from '../release.js';
import { validateCommand } from '../validate.js';
import { invoke } from '../invoke.js';
import { writeDemoBaseImage } from './base-image.js';
import { DemoRepo } from './repo.js';

export const demoUsage = `usage: package-storage demo [--dir DIR] [--keep]

Builds a throwaway storage repository and walks a maintainer's day through it: a PR into snapshot, bad PRs that
the required check blocks, promotions to staging and production with the cleanup after each, the distribution
images (an OCI layout and an air-gapped archive) and a stack release tag. No network, no registry.
  --dir DIR   where to build it (default: a new temporary directory)
  --keep      keep the directory afterwards`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('demo', argv, {
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
  });
  const root = values.dir ? resolve(values.dir) : await mkdtemp(join(tmpdir(), 'package-storage-demo-'));
  let step = 0;
  let surprises = 0;
  const heading = (text: string): void => io.out(`\n${++step}. ${text}`);
  const indented: CliIO = { out: (l) => io.out(`   │ ${l}`), err: (l) => io.out(`   │ ${l}`) };
  const show = (a: string): string => (/[\s"[\]()]/.test(a) ? JSON.stringify(a) : a);
  const shortPath = (a: string): string => a.replace(`${root}/`, '');
  const run = async (name: string, command: Command, args: string[], expected: number): Promise<void> => {
    io.out(`   $ package-storage ${name} ${args.map((a) => show(shortPath(a))).join(' ')}`);
    const code = await invoke(name, command, args, indented);
    const meaning = code === 0 ? 'ok' : code === 1 ? 'blocked' : 'error';
    io.out(`   → exit ${code} (${meaning})${code === expected ? '' : `  ✗ expected exit ${expected}`}`);
    if (code !== expected) surprises++;
  };

  io.out(`package-storage demo: a storage repository at ${root}`);
  const repo = await DemoRepo.create(root);
  const work = repo.work;
  const layout = join(root, 'images');
  const archive = join(root, 'distribution.tar');
  const base = join(root, 'base-image');
  /** The required check on a PR from `head` into `base`, as a maintainer would run it locally. */
  const check = (base: string, head: string, title: string, expected: number): Promise<void> =>
    run(
      'validate',
      validateCommand,
      ['--repo', work, '--base', base, '--head', head, '--title', title],
      expected,
    );
  const publish = (): Promise<void> =>
    run(
      'publish-image',
      publishImageCommand,
      [
        '--repo',
        work,
        '--channel',
        'production',
        '--chain',
        '--image',
        'registry.example.com/acme/distribution',
        '--base-image',
        `oci:${base}:v1.15.0`,
        '--layout',
        layout,
        '--archive',
        archive,
      ],
      0,
    );
  try {
    heading('The repository: production holds nginx 1.5.0, staging and snapshot hold their markers.');
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
    for (const channel of ['staging', 'snapshot']) {
      await repo.checkout(channel);
      await repo.write({ Dockerfile: 'ARG PACKAGE_REGISTRY=v1.15.0\n' });
      await repo.addPackage({ name: channel, version: '0.0.1' });
      await repo.commit(channel, `${channel} marker`);
    }
    await writeDemoBaseImage(base, 'v1.15.0');
    io.out('   (a stand-in package-registry base image is written as an OCI layout: no registry needed)');

    heading('A PR adds nginx 1.6.0 to snapshot: the required check passes, the PR merges.');
    await repo.checkout('add-nginx-1.6.0', 'snapshot');
    await repo.addPackage({ name: 'nginx', version: '1.6.0', range: '^8.10.0' });
    await repo.commit('add-nginx-1.6.0', 'Add nginx 1.6.0');
    await check(
      'snapshot',
      'origin/add-nginx-1.6.0',
      '[snapshot] Update "nginx" package to version 1.6.0',
      0,
    );
    await repo.merge('add-nginx-1.6.0', 'snapshot');

    heading('Bad PRs the check blocks: an in-place edit on production, and a version that skips staging.');
    await repo.checkout('fix-nginx-docs', 'production');
    await repo.addPackage({ name: 'nginx', version: '1.5.0', flavour: 'fixed typo' });
    await repo.commit('fix-nginx-docs', 'Fix nginx docs');
    await check('production', 'origin/fix-nginx-docs', 'Fix nginx docs', 1);
    await repo.checkout('nginx-straight-to-production', 'production');
    await repo.addPackage({ name: 'nginx', version: '1.6.0', range: '^8.10.0' });
    await repo.commit('nginx-straight-to-production', 'nginx 1.6.0');
    await check('production', 'origin/nginx-straight-to-production', '[production] Add nginx 1.6.0', 1);

    heading('The distribution images, built from git trees (the chain production -> staging -> snapshot).');
    await publish();

    heading(
      'Promote nginx 1.6.0 to staging: one branch, tree for tree; the check passes; merge; clean up snapshot.',
    );
    await run(
      'promote',
      promoteCommand,
      ['--repo', work, '--from', 'snapshot', '--to', 'staging', '--packages', 'nginx@1.6.0', '--push'],
      0,
    );
    await check(
      'staging',
      'origin/promote/snapshot-to-staging',
      '[staging] Promote packages from snapshot (nginx-1.6.0)',
      0,
    );
    await repo.merge('promote/snapshot-to-staging', 'staging');
    await run('cleanup', cleanupCommand, ['--repo', work, '--channel', 'snapshot', '--push'], 0);
    await check(
      'snapshot',
      'origin/cleanup/snapshot',
      '[snapshot] Remove promoted packages (nginx-1.6.0)',
      0,
    );
    await repo.merge('cleanup/snapshot', 'snapshot');

    heading(
      'A cleanup of staging before production has the version is blocked: it would leave no copy served.',
    );
    await repo.checkout('early-cleanup', 'staging');
    await repo.removePackage('nginx', '1.6.0');
    await repo.commit('early-cleanup', 'Remove nginx 1.6.0 from staging');
    await check('staging', 'origin/early-cleanup', '[staging] Remove promoted packages (nginx-1.6.0)', 1);

    heading(
      'Promote to production; merge; clean up staging. Then rebuild the images: unchanged layers are reused.',
    );
    await run(
      'promote',
      promoteCommand,
      ['--repo', work, '--from', 'staging', '--to', 'production', '--packages', 'nginx@latest', '--push'],
      0,
    );
    await check(
      'production',
      'origin/promote/staging-to-production',
      '[production] Promote packages from staging (nginx-1.6.0)',
      0,
    );
    await repo.merge('promote/staging-to-production', 'production');
    await run('cleanup', cleanupCommand, ['--repo', work, '--channel', 'staging', '--push'], 0);
    await repo.merge('cleanup/staging', 'staging');
    await publish();

    heading("The stack release 8.15.0: a git tag at production's tip (an existing tag is never moved).");
    await run('release', releaseCommand, ['--repo', work, '--versions', '8.15.0', '--push'], 0);
    await run('release', releaseCommand, ['--repo', work, '--versions', 'v8.15.0', '--push'], 0);
    await run('release', releaseCommand, ['--repo', work, '--versions', '8.15'], 2);

    io.out(
      `\nImages on disk: OCI layout ${shortPath(layout)}/, air-gapped archive ${shortPath(archive)} (docker load, or skopeo copy oci-archive:...).`,
    );
    io.out(
      surprises === 0
        ? 'Demo finished: every step gave the verdict a maintainer should expect.'
        : `Demo finished with ${surprises} unexpected result(s).`,
    );
    return surprises === 0 ? 0 : 1;
  } finally {
    if (values.keep) io.out(`kept: ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}
