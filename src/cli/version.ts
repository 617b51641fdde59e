// `package-storage --version`: which code is running. A committed bundle cannot hold the commit that contains it
// (that commit is made after the bundle, and CI rebuilds the bundle and fails on any byte of difference), so the
// bundle holds the package version and the hash of the sources it was built from (scripts/build.js writes both in).
// At run time the install directory's git commit is read and its sources are hashed the same way: equal hashes say
// that the bundle was built from that commit's sources.
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitRaw } from '../git/git.js';
import { sourceHash, sourceHashInputs } from './source-hash.js';

export interface BuildStamp {
  version: string;
  /** `sha256:<hex>` of the sources the bundle was built from (source-hash.js). */
  sources: string;
}

export interface VersionInfo {
  version: string;
  /** Absent when running from source (tests, a TypeScript loader) rather than from a bundle. */
  build?: BuildStamp;
  installDir: string;
  /** The hash of the sources in the install directory now; absent when it has none (not a source tree). */
  sources?: string;
  /** The install directory's git HEAD, when the directory is the top of a git checkout. */
  checkout?: { commit: string; modified: boolean };
}

// scripts/build.js replaces this literal in the CLI bundle with the JSON of a BuildStamp; from source it stays.
const stamp: string = '@@package-storage-build-stamp@@';

export function buildStamp(text: string = stamp): BuildStamp | undefined {
  if (!text.startsWith('{')) return undefined;
  const parsed = JSON.parse(text) as Partial<BuildStamp>;
  return typeof parsed.version === 'string' && typeof parsed.sources === 'string'
    ? { version: parsed.version, sources: parsed.sources }
    : undefined;
}

/** The package root: two levels up from this module, both as source (src/cli/) and as the bundle (dist/cli/). */
export const installDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

async function packageVersion(dir: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** HEAD of `dir` when `dir` itself is the top of a checkout (not a directory inside some other repository). */
async function checkoutOf(dir: string): Promise<VersionInfo['checkout']> {
  const top = await gitRaw(['rev-parse', '--show-toplevel'], { cwd: dir, okCodes: [128] });
  if (top.code !== 0) return undefined;
  const [ours, theirs] = await Promise.all([realpath(dir), realpath(top.stdout.toString('utf8').trim())]);
  if (ours !== theirs) return undefined;
  const head = await gitRaw(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: dir, okCodes: [1, 128] });
  if (head.code !== 0) return undefined;
  const status = await gitRaw(['status', '--porcelain', '--untracked-files=all', '--', ...sourceHashInputs], {
    cwd: dir,
  });
  return { commit: head.stdout.toString('utf8').trim(), modified: status.stdout.length > 0 };
}

export async function versionInfo(
  o: { installDir?: string; build?: BuildStamp | undefined } = {},
): Promise<VersionInfo> {
  const dir = o.installDir ?? installDir;
  const build = 'build' in o ? o.build : buildStamp();
  const [sources, checkout, version] = await Promise.all([
    sourceHash(dir),
    // No git, or a broken repository: --version still answers, without the commit.
    checkoutOf(dir).catch(() => undefined),
    build ? Promise.resolve(build.version) : packageVersion(dir),
  ]);
  return {
    version,
    installDir: dir,
    ...(build ? { build } : {}),
    ...(sources ? { sources } : {}),
    ...(checkout ? { checkout } : {}),
  };
}

/** The `--version` text: the version, then what each identifier is, in words. */
export function versionLines(info: VersionInfo): string[] {
  const dir = info.installDir.replace(/\/$/, '');
  const lines = [`package-storage ${info.version}`];
  if (info.build)
    lines.push(`sources: ${info.build.sources} (hash of the sources this bundle was built from)`);
  else if (info.sources)
    lines.push(`sources: ${info.sources} (running from source, not from a bundle: hash of ${dir})`);
  else lines.push('sources: unknown (running from source, not from a bundle)');

  const c = info.checkout;
  if (!c) {
    lines.push(`commit:  unknown (${dir} is not a git checkout)`);
    return lines;
  }
  const head = `${c.commit}${c.modified ? ' with uncommitted changes' : ''}`;
  if (!info.build) lines.push(`commit:  ${head} (git HEAD of ${dir})`);
  else if (info.sources === info.build.sources)
    lines.push(
      c.modified
        ? `commit:  ${head} (git HEAD of ${dir}; the bundle was built from the working tree, not from a commit)`
        : `commit:  ${head} (git HEAD of ${dir}; the bundle was built from this commit's sources)`,
    );
  else
    lines.push(
      `commit:  ${head} (git HEAD of ${dir}; its sources hash to ${info.sources ?? 'nothing'}: the bundle was not built from them, run npm run build)`,
    );
  return lines;
}
