// What a change does to a channel: changed paths (from a two-tree diff) and the version-level view derived from
// the version trees before and after. A version is a directory `<root>/<name>/<version>`; a legacy flat directory
// `<root>/<name>-<version>/` (manifest.yml directly inside) is held under its directory name with version ''.
import type { ChangeKind } from './finding.js';

export type TreeId = string;

/** name -> version -> tree id of `<root>/<name>/<version>` */
export type Holdings = Map<string, Map<string, TreeId>>;

export const modeSymlink = '120000';
export const modeSubmodule = '160000';
export const modeAbsent = '000000';

export interface ChangedPath {
  /** Repository-relative path. */
  path: string;
  status: 'added' | 'modified' | 'deleted';
  oldMode: string;
  newMode: string;
  oldBlob: string;
  newBlob: string;
  /** Size of the new blob in bytes, when known. */
  size?: number;
  /** Set when the path's bytes are not valid UTF-8 (shown with replacement characters). */
  invalidEncoding?: boolean;
}

export interface VersionFile {
  /** Relative to the version directory. */
  path: string;
  mode: string;
  blob: string;
}

/** The content of a version after the change, read for added or modified versions (never the file list). */
export interface VersionContent {
  /** Files listed (at most the policy limit). */
  fileCount: number;
  /** More files than the policy limit; the rest was not read. */
  truncated: boolean;
  /** docs/README.md exists (looked up directly, so it holds even when the listing is truncated). */
  readme: boolean;
  /** The content identity (core/identity) of the whole version; undefined when truncated. */
  identity?: string;
  /** Paths (relative to the version) of tree entries with names git never writes (`.`, `..`, `.git`, a slash). */
  malformed?: string[];
  /** manifest.yml: undefined when absent; `text` undefined when larger than the limit. */
  manifest?: { size: number; text?: string };
}

export interface VersionChange {
  name: string;
  version: string;
  kind: ChangeKind;
  before?: TreeId;
  after?: TreeId;
}

export function holdingsOf(entries: Iterable<{ name: string; version: string; tree: TreeId }>): Holdings {
  const holdings: Holdings = new Map();
  for (const { name, version, tree } of entries) {
    let versions = holdings.get(name);
    if (!versions) holdings.set(name, (versions = new Map<string, TreeId>()));
    versions.set(version, tree);
  }
  return holdings;
}

export function treeOf(holdings: Holdings | undefined, name: string, version: string): TreeId | undefined {
  return holdings?.get(name)?.get(version);
}

/** Versions of `names` whose tree differs between `before` and `after`, sorted by name then version string. */
export function versionChanges(names: Iterable<string>, before: Holdings, after: Holdings): VersionChange[] {
  const changes: VersionChange[] = [];
  for (const name of [...new Set(names)].sort()) {
    const was = before.get(name) ?? new Map<string, TreeId>();
    const now = after.get(name) ?? new Map<string, TreeId>();
    const versions = [...new Set([...was.keys(), ...now.keys()])].sort();
    for (const version of versions) {
      const b = was.get(version);
      const a = now.get(version);
      if (b === a) continue;
      const kind: ChangeKind = b === undefined ? 'added' : a === undefined ? 'removed' : 'modified';
      changes.push({ name, version, kind, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) });
    }
  }
  return changes;
}
