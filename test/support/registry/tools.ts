// Makes sure the programs the registry tests drive are installed. CI machines start fresh: as root we install
// the Debian packages; otherwise we fail with the command to run (tests never skip silently).

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { run } from './exec.js';

/** Program → Debian package providing it. */
const PACKAGES: Record<string, string> = {
  'docker-registry': 'docker-registry',
  htpasswd: 'apache2-utils',
  skopeo: 'skopeo',
  umoci: 'umoci',
  openssl: 'openssl',
  buildah: 'buildah',
};

const checks = new Map<string, Promise<void>>();

export async function findExecutable(name: string): Promise<string | undefined> {
  const dirs = [
    ...(process.env.PATH ?? '').split(path.delimiter),
    '/usr/local/sbin',
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
  ];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Checks docker-registry, htpasswd, skopeo, umoci, openssl (and buildah when asked); cached per process. */
export function ensureRegistryTools(o: { buildah?: boolean } = {}): Promise<void> {
  const tools = [
    'docker-registry',
    'htpasswd',
    'skopeo',
    'umoci',
    'openssl',
    ...(o.buildah ? ['buildah'] : []),
  ];
  const key = tools.join(',');
  let p = checks.get(key);
  if (!p) {
    p = ensure(tools);
    checks.set(key, p);
    // A failed check is not cached: a later call may run after someone fixed the machine.
    p.catch(() => checks.delete(key));
  }
  return p;
}

async function missingTools(tools: string[]): Promise<string[]> {
  const found = await Promise.all(tools.map(async (t) => ((await findExecutable(t)) ? undefined : t)));
  return found.filter((t): t is string => t !== undefined);
}

async function ensure(tools: string[]): Promise<void> {
  const missing = await missingTools(tools);
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map((t) => PACKAGES[t] ?? t))];
  const command = `apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`registry tests need ${missing.join(', ')}; install them as root: ${command}`);
  }
  if (!(await findExecutable('apt-get'))) {
    throw new Error(
      `registry tests need ${missing.join(', ')} and this machine has no apt-get; install: ${pkgs.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Parallel test files may install at the same time: wait for the dpkg lock instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  const install = () =>
    run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...pkgs], {
      env,
      timeoutMs: 600_000,
    });
  try {
    await install();
  } catch {
    // Fresh machines often have empty package lists.
    try {
      await run('apt-get', [...lock, 'update'], { env, timeoutMs: 600_000 });
      await install();
    } catch (e) {
      throw new Error(`installing ${pkgs.join(' ')} failed: ${(e as Error).message}`, { cause: e });
    }
  }
  const still = await missingTools(tools);
  if (still.length) throw new Error(`after ${command}, still missing: ${still.join(', ')}`);
}
