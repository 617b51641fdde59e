// Version strings as the registry reads them: directory names must be strict semver (no `v`, no loose forms).
import semver from 'semver';

/** Strict semver, spelled exactly as parsed (rejects `v1.0.0`, `1.0`, `01.0.0`, surrounding spaces). */
export function isStrictSemver(version: string): boolean {
  if (version.length === 0 || version.length > 256) return false;
  const parsed = semver.parse(version, { loose: false });
  if (!parsed) return false;
  const spelled = parsed.build.length > 0 ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version;
  return spelled === version;
}

/** Semver precedence; both must be strict semver (see {@link isStrictSemver}): anything else throws. */
export function compareVersions(a: string, b: string): number {
  return semver.compare(a, b);
}

/**
 * The version as precedence sees it: build metadata dropped (`1.5.0+build1` and `1.5.0` are the same version).
 * Undefined for a directory name that is not strict semver (legacy `7.17-dev1`): such names have no precedence.
 */
export function precedenceKey(version: string): string | undefined {
  return isStrictSemver(version) ? semver.parse(version)!.version : undefined;
}

/** Sorted ascending by semver precedence; ties (build metadata) by string. */
export function sortVersions(versions: Iterable<string>): string[] {
  return [...versions].sort((a, b) => semver.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function isPrerelease(version: string): boolean {
  return (semver.prerelease(version)?.length ?? 0) > 0;
}

/**
 * Whether `range` is a valid Kibana version constraint. The registry uses Masterminds semver, which also accepts
 * comma-separated AND clauses (`>=7.10.0, <8.0.0`); node-semver spells those with a space.
 */
export function isValidRange(range: string): boolean {
  const trimmed = range.trim();
  if (trimmed.length === 0 || trimmed.length > 1024) return false;
  // node-semver reads an empty alternative (`^8.0.0 ||`) or a dangling comma as "any version"; the registry's
  // Masterminds parser refuses them, so do we.
  const alternatives = trimmed.split('||').map((a) => a.trim());
  if (alternatives.some((a) => a === '' || a.startsWith(',') || a.endsWith(','))) return false;
  const normalised = trimmed.replace(/\s*,\s*/g, ' ');
  return semver.validRange(normalised) !== null;
}
