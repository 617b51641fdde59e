// The state of a storage repository across its channels, for maintainers about to turn the check on: the same
// version with different content in two channels, versions identical to a more stable copy (pending cleanups),
// markers on the wrong channel, legacy layouts, versions the registry would refuse, registry-version drift.
import { treeOf, type Holdings } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import { sameContent } from '../core/identity.js';
import { markerChannels, moreStable, type Policy } from '../core/policy.js';
import { registryVersionFromDockerfile } from '../core/image-plan.js';
import { precedenceKey } from '../core/version.js';
import { emptyTreeId } from '../git/git.js';
import { StorageReader } from '../git/storage.js';
import { evaluate } from './engine.js';

/** The registry's own refusals (a package that does not load), as the rules report them. */
const registryRules = new Set(['layout', 'manifest', 'size']);

export interface StateAudit {
  channels: Array<{ channel: string; tip: string | null; versions: number; registry: string | null }>;
  /** One name@version with different content in two or more channels: the most stable copy is served. */
  conflicts: Array<{
    name: string;
    version: string;
    copies: Array<{ channel: string; tree: string }>;
    served: string;
  }>;
  /** Copies identical (same bytes per path) to one in a more stable channel: the cleanup would remove them. */
  pendingCleanups: Array<{
    name: string;
    version: string;
    channel: string;
    identicalIn: string;
    modesDiffer: boolean;
  }>;
  /** Marker packages on a channel they do not mark. */
  misplacedMarkers: Array<{ name: string; version: string; channel: string; markerOf: string[] }>;
  /** Version directories that are not semver, and old flat `<name>-<version>/` directories. */
  legacy: Array<{ name: string; version: string; channel: string; kind: 'not-semver' | 'flat' }>;
  /** Errors of the registry's own checks (layout, manifest, size) on versions a channel holds. */
  refused: Array<Finding & { channel: string }>;
  /** The channels pin different package-registry versions. */
  drift: boolean;
}

export async function auditState(
  repoDir: string,
  policy: Policy,
  tips: ReadonlyMap<string, string | undefined>,
): Promise<StateAudit> {
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  try {
    const holdings = new Map<string, Holdings>();
    const audit: StateAudit = {
      channels: [],
      conflicts: [],
      pendingCleanups: [],
      misplacedMarkers: [],
      legacy: [],
      refused: [],
      drift: false,
    };
    for (const c of policy.channels) {
      const tip = tips.get(c.name);
      const versions = await reader.allVersions(tip);
      const h: Holdings = new Map();
      for (const v of versions) {
        if (!h.has(v.name)) h.set(v.name, new Map<string, string>());
        h.get(v.name)!.set(v.version, v.tree);
        if (v.version === '') audit.legacy.push({ name: v.name, version: '', channel: c.name, kind: 'flat' });
        else if (precedenceKey(v.version) === undefined)
          audit.legacy.push({ name: v.name, version: v.version, channel: c.name, kind: 'not-semver' });
        const owners = markerChannels(policy, v.name).filter((o) => o !== c);
        if (owners.length && !c.markers.includes(v.name))
          audit.misplacedMarkers.push({
            name: v.name,
            version: v.version,
            channel: c.name,
            markerOf: owners.map((o) => o.name),
          });
      }
      holdings.set(c.name, h);
      const registry = tip
        ? (registryVersionFromDockerfile(await reader.readFile(tip, 'Dockerfile')) ?? null)
        : null;
      audit.channels.push({ channel: c.name, tip: tip ?? null, versions: versions.length, registry });
    }
    const pins = new Set(audit.channels.map((c) => c.registry).filter((r) => r !== null));
    audit.drift = pins.size > 1;

    // Content identities only where two channels hold different trees for one version.
    const identities = new Map<string, string>();
    const limit = policy.limits.filesPerVersion;
    for (const [i, c] of policy.channels.entries())
      for (const [name, versions] of holdings.get(c.name)!)
        for (const [version, tree] of versions)
          for (const other of policy.channels.slice(0, i)) {
            const theirs = treeOf(holdings.get(other.name), name, version);
            if (theirs === undefined || theirs === tree || policy.identity !== 'content') continue;
            for (const t of [tree, theirs])
              if (!identities.has(t)) {
                const id = await reader.contentIdentity(t, limit);
                if (id !== undefined) identities.set(t, id);
              }
          }

    for (const c of policy.channels) {
      for (const [name, versions] of holdings.get(c.name)!)
        for (const [version, tree] of versions) {
          if (markerChannels(policy, name).length > 0) continue;
          const stabler = moreStable(policy, c);
          const identical = stabler.find((s) =>
            sameContent(identities, treeOf(holdings.get(s.name), name, version), tree),
          );
          if (identical)
            audit.pendingCleanups.push({
              name,
              version,
              channel: c.name,
              identicalIn: identical.name,
              modesDiffer: treeOf(holdings.get(identical.name), name, version) !== tree,
            });
        }
    }
    const seen = new Set<string>();
    for (const c of policy.channels)
      for (const [name, versions] of holdings.get(c.name)!)
        for (const version of versions.keys()) {
          const key = `${name}@${version}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const copies = policy.channels
            .map((ch) => ({ channel: ch.name, tree: treeOf(holdings.get(ch.name), name, version) }))
            .filter((x): x is { channel: string; tree: string } => x.tree !== undefined);
          if (copies.length < 2) continue;
          const distinct = copies.filter(
            (x, i) => !copies.slice(0, i).some((y) => sameContent(identities, x.tree, y.tree)),
          );
          if (distinct.length > 1)
            audit.conflicts.push({ name, version, copies, served: copies[0]!.channel });
        }

    // What the registry would refuse: each channel's whole content checked as if it arrived on an empty branch,
    // keeping the registry's own rules (one shared reader, the diff streamed).
    for (const c of policy.channels) {
      const tip = tips.get(c.name);
      if (!tip) continue;
      const outcome = await evaluate({
        repoDir,
        policy,
        channel: c,
        before: emptyTreeId,
        after: tip,
        channelTips: new Map(),
        reader,
      });
      // Legacy directories are skipped by the registry, not refused: they are listed as legacy.
      const isLegacy = (f: Finding): boolean =>
        audit.legacy.some(
          (l) => l.channel === c.name && l.name === f.package && (l.version || undefined) === f.version,
        );
      for (const f of outcome.findings)
        if (f.severity === 'error' && registryRules.has(f.rule) && !isLegacy(f))
          audit.refused.push({ ...f, channel: c.name });
    }
    return audit;
  } finally {
    reader.close();
  }
}
