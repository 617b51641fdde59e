// Whether a change is exactly a promotion or a cleanup as promote produces them: on promote's own branch, only
// whole versions added with the content the source channel holds (promotion), or only whole versions removed that a
// more stable channel holds with the same content (cleanup), and nothing else. A pure helper for callers that must
// recognise such a PR (validate's summary); promote arms auto-merge only on PRs it built itself.
import { treeOf, type Holdings, type TreeId, type VersionChange } from './change.js';
import { moreStable, type ChannelPolicy, type Policy } from './policy.js';
import { cleanupBranch, promotionBranch } from './promotion.js';

export type ExactChange =
  { kind: 'promotion'; from: string; to: string } | { kind: 'cleanup'; channel: string };

export interface ExactChangeInput {
  policy: Policy;
  /** The channel the change is for (the PR's base). */
  channel: ChannelPolicy;
  headBranch: string | undefined;
  changes: readonly VersionChange[];
  /** How many changed paths lie outside version directories (any makes the change not exact). */
  pathsOutsideVersions: number;
  /** Holdings of the other channels by channel name (at least for the changed names). */
  holdings: ReadonlyMap<string, Holdings>;
  /** Content identity of two version trees (default: equal tree ids). */
  same?: (a: TreeId, b: TreeId) => boolean;
}

export function exactChange(o: ExactChangeInput): ExactChange | undefined {
  if (!o.headBranch || o.changes.length === 0 || o.pathsOutsideVersions > 0) return undefined;
  const same = o.same ?? ((a: TreeId, b: TreeId) => a === b);
  const held = (channel: string, c: VersionChange, tree: TreeId | undefined): boolean => {
    const there = treeOf(o.holdings.get(channel), c.name, c.version);
    return tree !== undefined && there !== undefined && same(there, tree);
  };
  const edge = o.policy.promotions.find(
    (e) => e.to === o.channel.name && promotionBranch(e.from, e.to) === o.headBranch,
  );
  if (edge) {
    const source = o.policy.channels.find((c) => c.name === edge.from);
    const exact = o.changes.every(
      (c) => c.kind === 'added' && !source?.markers.includes(c.name) && held(edge.from, c, c.after),
    );
    return exact ? { kind: 'promotion', from: edge.from, to: edge.to } : undefined;
  }
  if (o.headBranch === cleanupBranch(o.channel.name)) {
    const stabler = moreStable(o.policy, o.channel).map((c) => c.name);
    const exact = o.changes.every((c) => c.kind === 'removed' && stabler.some((s) => held(s, c, c.before)));
    return exact ? { kind: 'cleanup', channel: o.channel.name } : undefined;
  }
  return undefined;
}
