// What a channel's registry serves, as a pure function of what the served channels hold: the package-registry
// walks its `package_paths` most stable channel first and keeps the first copy of each name+version it finds, skips
// version directories that are not strict semver, and refuses packages whose manifest it cannot load. Its search
// then keeps the packages whose `conditions.kibana.version` range matches the Kibana version asked for (Masterminds
// semver: a prerelease Kibana version matches only a comparator that has a prerelease itself), hides prereleases
// unless asked (`prerelease=true`), and returns the newest version per name unless `all=true`.
import semver from 'semver';
import { releaseLevels, type ManifestFields } from './manifest.js';
import { isValidPackageName } from './paths.js';
import { servedChannels, type ChannelPolicy, type Policy } from './policy.js';
import { isStrictSemver, sortVersions } from './version.js';

/** One version directory of a served channel, with what its manifest says (or why the registry refuses it). */
export interface IndexCandidate {
  channel: string;
  name: string;
  /** The version directory name (`''` for a legacy flat `<name>-<version>` directory). */
  version: string;
  tree: string;
  manifest: { fields: ManifestFields } | { problem: string };
}

export interface IndexOptions {
  /** Keep only packages whose Kibana range matches this version (the registry's `kibana.version=`). */
  kibana?: string;
  /** Every served version, not only the newest per name (the registry's `all=true`). */
  all?: boolean;
  /**
   * Hide what the registry's search hides without `prerelease=true`: `release: experimental`, major-0 versions and
   * versions with a prerelease label. Default false: the index lists everything the registry serves.
   */
  stableOnly?: boolean;
}

export interface IndexEntry {
  name: string;
  version: string;
  /** The channel the served copy comes from (the most stable one holding it). */
  channel: string;
  /** `conditions.kibana.version`, or null when the package has none (it matches every Kibana). */
  kibana: string | null;
  /** `release` as the registry reads it: the manifest's, else beta for major 0 or a prerelease label, else ga. */
  release: string;
  tree: string;
}

export interface SkippedEntry {
  name: string;
  version: string;
  channel: string;
  reason: string;
}

export interface ServedIndex {
  channel: string;
  packages: IndexEntry[];
  /** Version directories of the served channels that the registry does not serve, and why. */
  skipped: SkippedEntry[];
}

/** `8.4.0`, `v8.4.0`, `8.4.0-SNAPSHOT`: the Kibana version as the registry's search takes it, or undefined. */
export function parseKibanaVersion(text: string): string | undefined {
  const version = text.trim().replace(/^v/, '');
  return isStrictSemver(version) ? version : undefined;
}

/**
 * Whether `kibana` satisfies `range` as Masterminds semver checks it: every comparator of one `||` alternative must
 * hold, and a prerelease version fails a comparator that has no prerelease of its own (node-semver's rule differs:
 * it asks for a comparator with a prerelease on the same major.minor.patch). Commas are AND, as in Masterminds.
 */
export function kibanaMatches(range: string, kibana: string): boolean {
  const parsed = new semver.Range(range.trim().replace(/\s*,\s*/g, ' '));
  const version = new semver.SemVer(kibana);
  const pre = version.prerelease.length > 0;
  return parsed.set.some((alternative) =>
    alternative.every((c) => {
      if (c.value === '') return !pre; // `*`: any version, but a prerelease only where asked for
      if (pre && c.semver.prerelease.length === 0) return false;
      return semver.cmp(version, c.operator, c.semver);
    }),
  );
}

/** The release level the registry gives a package (it derives one when the manifest has none). */
export function effectiveRelease(version: string, fields: ManifestFields): string {
  if (fields.release && (releaseLevels as readonly string[]).includes(fields.release)) return fields.release;
  const parsed = semver.parse(version);
  return parsed && (parsed.major === 0 || parsed.prerelease.length > 0) ? 'beta' : 'ga';
}

/** What the registry's search hides without `prerelease=true`. */
export function isSearchPrerelease(version: string, release: string): boolean {
  const parsed = semver.parse(version);
  return release === 'experimental' || !parsed || parsed.major === 0 || parsed.prerelease.length > 0;
}

/** Why the registry would not serve this directory at all, if it would not. */
function refusal(c: IndexCandidate): string | undefined {
  if (c.version === '')
    return 'legacy flat directory (<name>-<version>): the registry reads <name>/<version>/ only';
  if (!isValidPackageName(c.name)) return 'not in the image: the package name is not [a-z0-9_]+';
  if (!isStrictSemver(c.version))
    return 'the version directory is not strict semver: the registry ignores it';
  if ('problem' in c.manifest) return `the registry refuses it: ${c.manifest.problem}`;
  return undefined;
}

/**
 * The served index of `channel`: `candidates` are the version directories of its served channels (any order);
 * the result lists, sorted by name then version, what its registry's search returns with `options`.
 */
export function servedIndex(
  policy: Policy,
  channel: ChannelPolicy,
  candidates: readonly IndexCandidate[],
  options: IndexOptions = {},
): ServedIndex {
  const order = servedChannels(policy, channel).map((c) => c.name);
  const rank = new Map(order.map((c, i) => [c, i]));
  const ordered = candidates
    .filter((c) => rank.has(c.channel))
    .sort((a, b) => rank.get(a.channel)! - rank.get(b.channel)!);
  const skipped: SkippedEntry[] = [];
  const first = new Map<string, IndexEntry>();
  for (const c of ordered) {
    const skip = (reason: string): void => {
      skipped.push({ name: c.name, version: c.version, channel: c.channel, reason });
    };
    const refused = refusal(c);
    if (refused) {
      skip(refused);
      continue;
    }
    const key = `${c.name}\0${c.version}`;
    const winner = first.get(key);
    if (winner) {
      skip(`shadowed by the ${winner.channel} copy (the registry serves the first copy it finds)`);
      continue;
    }
    const fields = (c.manifest as { fields: ManifestFields }).fields;
    first.set(key, {
      name: c.name,
      version: c.version,
      channel: c.channel,
      kibana: fields.kibanaRange ?? null,
      release: effectiveRelease(c.version, fields),
      tree: c.tree,
    });
  }
  let served = [...first.values()];
  if (options.stableOnly) served = served.filter((e) => !isSearchPrerelease(e.version, e.release));
  const kibana = options.kibana;
  if (kibana !== undefined)
    served = served.filter((e) => e.kibana === null || kibanaMatches(e.kibana, kibana));
  const byName = new Map<string, IndexEntry[]>();
  for (const e of served) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const packages: IndexEntry[] = [];
  for (const name of [...byName.keys()].sort()) {
    const entries = byName.get(name)!;
    const versions = sortVersions(entries.map((e) => e.version));
    const wanted = options.all ? versions : versions.slice(-1);
    for (const v of wanted) packages.push(entries.find((e) => e.version === v)!);
  }
  const sortKey = (s: SkippedEntry): string => `${s.name}\0${s.version}\0${rank.get(s.channel)}`;
  skipped.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return { channel: channel.name, packages, skipped };
}
