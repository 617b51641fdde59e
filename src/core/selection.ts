// Which package versions a promotion takes: specs such as `nginx@1.6.0`, `system@latest`, `aws_*@latest`,
// `apm@8.0.0-rc1` or `nginx` (= latest), matched with minimatch on names against what the source channel holds.
import { minimatch } from 'minimatch';
import { UsageError } from './errors.js';
import { compareVersions, isStrictSemver, sortVersions } from './version.js';

export interface PackageSpec {
  /** As written, for messages. */
  text: string;
  /** A name or a minimatch glob over names. */
  name: string;
  /** A strict semver version, `latest` (highest by semver precedence) or `*` (every version). */
  version: string;
}

export interface Selected {
  name: string;
  version: string;
  /** The specs that chose this version. */
  specs: string[];
}

export interface SelectionProblem {
  spec: string;
  message: string;
}

const namePattern = /^[a-z0-9_*?[\]{},!-]+$/;

/** Parses `name@version` specs; versions may be prereleases (the old tool split on `-` and could not). */
export function parseSpecs(input: readonly string[]): PackageSpec[] {
  const specs: PackageSpec[] = [];
  for (const raw of input) {
    const text = raw.trim();
    if (text === '') continue;
    const at = text.indexOf('@');
    const name = at === -1 ? text : text.slice(0, at);
    const version = at === -1 ? 'latest' : text.slice(at + 1);
    if (!namePattern.test(name))
      throw new UsageError(
        `package spec ${JSON.stringify(text)}: the name must be a package name or a glob (a-z, 0-9, _, *, ?)`,
      );
    if (version !== 'latest' && version !== '*' && !isStrictSemver(version))
      throw new UsageError(
        `package spec ${JSON.stringify(text)}: the version must be strict semver (e.g. 1.6.0 or 8.0.0-rc1), "latest" or "*"`,
      );
    specs.push({ text, name, version });
  }
  if (specs.length === 0)
    throw new UsageError('no packages selected: give at least one spec such as nginx@1.6.0 or system@latest');
  return specs;
}

/** Splits a list input on commas, whitespace and newlines (`#` starts a comment). */
export function splitSpecs(input: string): string[] {
  return input
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/[,\s]+/))
    .filter((s) => s.length > 0);
}

/**
 * Resolves specs against the source channel's versions (name -> versions). Markers are never selected by a glob.
 * Returns the chosen versions, sorted, and a problem for every spec that chose nothing.
 */
export function selectVersions(
  specs: readonly PackageSpec[],
  available: ReadonlyMap<string, readonly string[]>,
  markers: readonly string[] = [],
): { selected: Selected[]; problems: SelectionProblem[] } {
  const chosen = new Map<string, Selected>();
  const problems: SelectionProblem[] = [];
  const names = [...available.keys()].sort();
  for (const spec of specs) {
    const glob = /[*?[\]{}!]/.test(spec.name);
    const matching = glob
      ? names.filter((n) => !markers.includes(n) && minimatch(n, spec.name))
      : names.filter((n) => n === spec.name);
    if (matching.length === 0) {
      problems.push({
        spec: spec.text,
        message: glob
          ? `no package name matches ${spec.name}`
          : `package ${spec.name} is not in the source channel`,
      });
      continue;
    }
    for (const name of matching) {
      const versions = sortVersions([...(available.get(name) ?? [])].filter(isStrictSemver));
      let picked: string[];
      if (spec.version === 'latest') picked = versions.slice(-1);
      else if (spec.version === '*') picked = versions;
      else picked = versions.filter((v) => v === spec.version);
      if (picked.length === 0) {
        if (!glob || spec.version !== 'latest')
          problems.push({
            spec: spec.text,
            message:
              spec.version === 'latest' || spec.version === '*'
                ? `package ${name} has no version in the source channel`
                : `${name}@${spec.version} is not in the source channel (it has ${versions.slice(-5).join(', ') || 'no versions'}${versions.length > 5 ? ', …' : ''})`,
          });
        continue;
      }
      for (const version of picked) {
        const key = `${name}@${version}`;
        const entry = chosen.get(key) ?? { name, version, specs: [] };
        entry.specs.push(spec.text);
        chosen.set(key, entry);
      }
    }
    // A glob may match names that have no version at all: the spec must still not pass silently.
    if (glob && spec.version === 'latest' && ![...chosen.values()].some((c) => c.specs.includes(spec.text)))
      problems.push({
        spec: spec.text,
        message: `no package matching ${spec.name} has a version in the source channel`,
      });
  }
  const selected = [...chosen.values()].sort(
    (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || compareVersions(a.version, b.version),
  );
  return { selected, problems };
}
