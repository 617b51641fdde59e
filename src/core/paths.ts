// Where a changed path sits in the storage layout: `<root>/<name>/<version>/<rest>`.
import { Minimatch } from 'minimatch';
import { isStrictSemver } from './version.js';

export const packageNamePattern = /^[a-z0-9_]+$/;

export type PathPlace =
  | { kind: 'outside' }
  | { kind: 'version'; name: string; version: string; rest: string }
  | { kind: 'misplaced'; reason: string; name?: string; version?: string };

export function isValidPackageName(name: string): boolean {
  return name.length <= 128 && packageNamePattern.test(name);
}

/** `packages/foo/1.0.0/manifest.yml` -> version `foo@1.0.0`, rest `manifest.yml`. */
export function classifyPath(packagesRoot: string, path: string): PathPlace {
  const prefix = `${packagesRoot}/`;
  if (!path.startsWith(prefix)) return { kind: 'outside' };
  const parts = path.slice(prefix.length).split('/');
  const [name, version, ...rest] = parts;
  if (name === undefined || name === '') return { kind: 'misplaced', reason: 'empty package name' };
  if (parts.length === 1)
    return { kind: 'misplaced', reason: `a file directly in ${packagesRoot}/, outside any package` };
  if (!isValidPackageName(name))
    return { kind: 'misplaced', reason: `package name "${name}" must match ^[a-z0-9_]+$`, name };
  if (parts.length === 2)
    return {
      kind: 'misplaced',
      reason: `a file directly in ${packagesRoot}/${name}/, outside any version directory`,
      name,
    };
  if (!isStrictSemver(version!))
    return {
      kind: 'misplaced',
      reason: `version directory "${version}" is not strict semver (e.g. 1.2.3 or 1.2.3-rc1): the registry skips it`,
      name,
      version,
    };
  if (rest.some((segment) => segment === '' || segment === '.' || segment === '..'))
    return { kind: 'misplaced', reason: 'empty, "." or ".." path segment', name, version };
  if (rest.some((segment) => segment.toLowerCase() === '.git'))
    return { kind: 'misplaced', reason: 'a .git entry inside a package (it would be served)', name, version };
  return { kind: 'version', name, version: version!, rest: rest.join('/') };
}

/** `<root>/<name>/<version>`; `<root>/<name>` for a legacy flat directory (version ''). */
export function versionDir(packagesRoot: string, name: string, version: string): string {
  return version ? `${packagesRoot}/${name}/${version}` : `${packagesRoot}/${name}`;
}

/** Compiled patterns per policy list: compiling a glob costs far more than matching it, once per changed path. */
const compiled = new WeakMap<readonly string[], Array<{ pattern: string; matcher: Minimatch }>>();

export function isForbidden(patterns: readonly string[], path: string): string | undefined {
  let matchers = compiled.get(patterns);
  if (!matchers)
    compiled.set(
      patterns,
      (matchers = patterns.map((pattern) => ({ pattern, matcher: new Minimatch(pattern, { dot: true }) }))),
    );
  return matchers.find((m) => m.matcher.match(path))?.pattern;
}

/** A version key used in maps: `name@version`. */
export function versionKey(name: string, version: string): string {
  return `${name}@${version}`;
}

/**
 * What the filesystem of any registry host takes (Linux): a name of at most 255 bytes (NAME_MAX) and a path of at
 * most 4,095 bytes (PATH_MAX, 4,096 with its terminating NUL). Git takes longer ones; no host could create them.
 */
export const nameMax = 255;
export const pathMax = 4095;

const utf8 = new TextEncoder();

/** Why `path` (where it will be served, e.g. `/packages/staging/nginx/1.0.0/...`) cannot exist on a host. */
export function pathLimitProblem(path: string, served: string): string | undefined {
  const long = path.split('/').find((c) => utf8.encode(c).length > nameMax);
  if (long !== undefined)
    return `a name of ${utf8.encode(long).length} bytes: no filesystem a registry host uses takes names over ${nameMax} bytes (NAME_MAX)`;
  const bytes = utf8.encode(served).length;
  if (bytes > pathMax)
    return `a path of ${bytes} bytes where the image serves it: no registry host takes paths over ${pathMax} bytes (PATH_MAX)`;
  return undefined;
}

/**
 * Unicode's bidirectional controls: text between them displays reordered, so a name read in a review or a report
 * can be another name than the one in the tree ("Trojan Source", CVE-2021-42574).
 */
export const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
