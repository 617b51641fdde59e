// not-promoted: a channel that takes versions by promotion only takes a copy identical to one in a channel it is
// promoted from (stages may not be skipped). Identical means the same bytes at every path: modes are not content.
import { precedenceKey } from '../version.js';
import { versionAt, versionLabel, type RuleContext } from './context.js';

const short = (tree: string | undefined): string => (tree ? tree.slice(0, 12) : 'none');

export function notPromotedRule(ctx: RuleContext): void {
  const { channel, policy } = ctx;
  if (channel.arrival !== 'promotion') return;
  for (const change of ctx.changes) {
    const { name, version } = change;
    if (change.after === undefined || precedenceKey(version) === undefined) continue; // legacy: layout refuses it
    if (channel.markers.includes(name) || ctx.foreignMarker(name).length > 0 || ctx.modesOnlyChange(change))
      continue;
    const at = { ...versionAt(ctx.root, name, version), standalone: true };
    const label = versionLabel(name, version);
    const promotedFrom = ctx.sources.find((s) => ctx.same(ctx.treeIn(s.name, name, version), change.after));
    if (promotedFrom) {
      if (ctx.modesOnly(ctx.treeIn(promotedFrom.name, name, version), change.after))
        ctx.report(
          'not-promoted',
          {
            ...at,
            message: `${label} is promoted from ${promotedFrom.name} with the same bytes; only file modes differ`,
          },
          'notice',
        );
      continue;
    }
    const elsewhere = policy.channels
      .filter((c) => c !== channel && !ctx.sources.includes(c))
      .filter((c) => ctx.same(ctx.treeIn(c.name, name, version), change.after))
      .map((c) => c.name);
    const from = ctx.sources.map((s) => s.name).join(' or ') || '(no channel)';
    const differs = ctx.sources
      .map((s) => [s.name, ctx.treeIn(s.name, name, version)] as const)
      .filter(([, t]) => t !== undefined);
    const detail = elsewhere.length
      ? `; it is in ${elsewhere.join(', ')}: promote it through ${from} first (stages may not be skipped)`
      : differs.length
        ? `; ${differs.map(([c, t]) => `${c} has different content (tree ${short(t)})`).join(', ')}`
        : `; ${from} does not have this version`;
    ctx.violation('not-promoted', {
      ...at,
      message: `${label} enters ${channel.name} by promotion, but ${from} holds no identical copy${detail}`,
    });
  }
}
