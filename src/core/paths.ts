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
