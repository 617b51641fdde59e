// size (version level): versions with more files than the limit, manifests too large to parse. Per-file sizes are
// checked in the path scan.
import { versionAt, versionLabel, type RuleContext } from './context.js';

export function sizeRule(ctx: RuleContext): void {
  const { limits } = ctx.policy;
  for (const change of ctx.changes) {
    if (change.after === undefined) continue;
    const content = ctx.input.content.get(`${change.name}@${change.version}`);
    if (!content) continue;
    const at = versionAt(ctx.root, change.name, change.version);
    if (content.truncated)
      ctx.report('size', {
        ...at,
        standalone: true,
        message: `${versionLabel(change.name, change.version)} has more than ${limits.filesPerVersion} files (the limit); it was not read further`,
      });
    if (content.manifest && content.manifest.text === undefined)
      ctx.report('size', {
        ...at,
        path: `${at.path}/manifest.yml`,
        standalone: true,
        message: `manifest.yml is ${content.manifest.size} bytes; the limit is ${limits.manifestBytes} bytes, so it was not parsed`,
      });
  }
}
