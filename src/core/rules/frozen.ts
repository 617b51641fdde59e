// frozen: a frozen channel takes no package change at all (images can still be published from it).
import { versionAt, versionLabel, type RuleContext } from './context.js';

export function frozenRule(ctx: RuleContext): void {
  const { channel } = ctx;
  if (!channel.frozen) return;
  for (const change of ctx.changes) {
    const at = { ...versionAt(ctx.root, change.name, change.version), standalone: true };
    const label = versionLabel(change.name, change.version);
    if (ctx.modesOnlyChange(change)) continue; // the overwrite notice says it
    ctx.violation('frozen', {
      ...at,
      message: `${channel.name} is frozen (channels[].frozen): no package may be added, changed or removed, and this change ${change.kind === 'added' ? 'adds' : change.kind === 'removed' ? 'removes' : 'changes'} ${label}; images can still be published from it`,
    });
  }
}
