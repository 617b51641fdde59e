// What users would see after the change merges: each registry (one per channel) serves its own channel and every
// more stable one, the first copy found, most stable first. A change to channel C therefore changes what C's registry
// and every less stable one serves, unless a more stable channel's copy of that version is what they serve anyway.
import { treeOf, type Holdings, type TreeId, type VersionChange } from '../core/change.js';
import { channelsServing, servedChannels, type ChannelPolicy, type Policy } from '../core/policy.js';

export type ServedEffect = 'added' | 'replaced' | 'removed';

/** One version whose served copy changes, in the registries listed (most stable first). */
export interface ServedChange {
  name: string;
  version: string;
  effect: ServedEffect;
  /** The registries (channel names) where this happens. */
  registries: string[];
  /** The channel the served copy comes from after the change (before it, for a removal). */
  from: string;
  /** `conditions.kibana.version` of the copy served after the change (before it, for a removal). */
  kibana?: string;
  /** A replaced copy's range, when it differs. */
  previousKibana?: string;
}

export interface ServedInput {
  policy: Policy;
  channel: ChannelPolicy;
  changes: readonly VersionChange[];
  /** Each channel's holdings of the changed names; the checked channel's before the change. */
  holdings: ReadonlyMap<string, Holdings>;
  /** The checked channel's holdings after the change. */
  after: Holdings;
  kibana: ReadonlyMap<TreeId, string>;
  same: (a: TreeId, b: TreeId) => boolean;
}

function servedCopy(
  o: ServedInput,
  registry: ChannelPolicy,
  name: string,
  version: string,
  afterChange: boolean,
): { channel: string; tree: TreeId } | undefined {
  for (const c of servedChannels(o.policy, registry)) {
    const holdings = c === o.channel && afterChange ? o.after : o.holdings.get(c.name);
    const tree = treeOf(holdings, name, version);
    if (tree !== undefined) return { channel: c.name, tree };
  }
  return undefined;
}

/** Each changed version's effect on the registries serving the channel; versions no registry sees change are left out. */
export function servedChanges(o: ServedInput): ServedChange[] {
  const out = new Map<string, ServedChange>();
  for (const c of o.changes) {
    if (c.version === '') continue; // a legacy flat directory: the registry never serves it
    for (const registry of channelsServing(o.policy, o.channel)) {
      const before = servedCopy(o, registry, c.name, c.version, false);
      const after = servedCopy(o, registry, c.name, c.version, true);
      let change: Omit<ServedChange, 'registries'> | undefined;
      if (!before && after)
        change = { name: c.name, version: c.version, effect: 'added', from: after.channel };
      else if (before && !after)
        change = { name: c.name, version: c.version, effect: 'removed', from: before.channel };
      else if (before && after && !o.same(before.tree, after.tree))
        change = { name: c.name, version: c.version, effect: 'replaced', from: after.channel };
      if (!change) continue;
      const tree = change.effect === 'removed' ? before!.tree : after!.tree;
      const kibana = o.kibana.get(tree);
      const previous = change.effect === 'replaced' ? o.kibana.get(before!.tree) : undefined;
      const key = [c.name, c.version, change.effect, change.from, kibana ?? '', previous ?? ''].join('\0');
      const existing = out.get(key);
      if (existing) existing.registries.push(registry.name);
      else
        out.set(key, {
          ...change,
          registries: [registry.name],
          ...(kibana !== undefined ? { kibana } : {}),
          ...(previous !== undefined && previous !== kibana ? { previousKibana: previous } : {}),
        });
    }
  }
  return [...out.values()];
}
