// marker: a marker package (`snapshot/0.0.1`) shows which distribution a registry serves; it stays on its own
// channel, is never promoted, and arriving anywhere else is refused with a message that says what it is.
import { versionAt, versionLabel, type RuleContext } from './context.js';

export function markerRule(ctx: RuleContext): void {
  for (const change of ctx.changes) {
    if (change.after === undefined) continue;
    const owners = ctx.foreignMarker(change.name);
    if (owners.length === 0) continue;
    ctx.report('marker', {
      ...versionAt(ctx.root, change.name, change.version),
      standalone: true,
      message: `${versionLabel(change.name, change.version)} is the marker package of ${owners.map((c) => c.name).join(', ')} (it shows which distribution a registry serves): markers stay on their own channel and are never promoted, so it must not arrive on ${ctx.channel.name}`,
    });
  }
}
