// removal: a version leaves the channel. Allowed where the policy allows it, after a promotion (the identical copy
// is in a more stable channel, so it stays served), or by an approved exception; never where the setting is never.
import { versionAt, versionLabel, type RuleContext } from './context.js';

const cleanupBranchPrefix = 'cleanup/';

export function removalRule(ctx: RuleContext): void {
  const { channel } = ctx;
  const isCleanup = ctx.input.headBranch?.startsWith(cleanupBranchPrefix) ?? false;
  for (const change of ctx.changes) {
    if (change.kind !== 'removed') continue;
    const { name, version } = change;
    const at = { ...versionAt(ctx.root, name, version), standalone: true };
    const base = `${versionLabel(name, version)} is removed from ${channel.branch}`;
    const leaked = ctx.foreignMarker(name);
    if (leaked.length > 0) {
      ctx.report(
        'removal',
        {
          ...at,
          message: `${base}: the marker package of ${leaked.map((c) => c.name).join(', ')} leaked here; removing it is welcome`,
        },
        'notice',
      );
      continue;
    }
    const promotedTo = ctx.stabler.find((c) => ctx.same(ctx.treeIn(c.name, name, version), change.before));
    const liftable = channel.removal === 'exception' || channel.removal === 'allow';
    if (channel.removal === 'never')
      ctx.violation(
        'removal',
        { ...at, message: `${base}; versions are never removed from ${channel.name} (removal: never)` },
        { liftable: false },
      );
    else if (promotedTo) {
      const modes = ctx.modesOnly(ctx.treeIn(promotedTo.name, name, version), change.before)
        ? ' (its file modes differ; the bytes are the same)'
        : '';
      ctx.report(
        'removal',
        { ...at, message: `${base}; allowed: the identical copy is in ${promotedTo.name}${modes}` },
        'notice',
      );
    } else if (isCleanup)
      ctx.violation(
        'removal',
        {
          ...at,
          message: `${base} by a cleanup, but no more stable channel holds the identical copy yet: merge the promotion first, or the version would be in no distribution`,
        },
        { liftable },
      );
    else if (channel.removal === 'promoted')
      ctx.violation(
        'removal',
        {
          ...at,
          message: `${base}; ${channel.name} only removes versions whose identical copy is in a more stable channel`,
        },
        { liftable: false },
      );
    else if (channel.removal === 'exception')
      ctx.violation('removal', {
        ...at,
        message: `${base}; removing from ${channel.name} needs ${ctx.approvalHint}${ctx.stabler.length ? ', unless the identical copy is in a more stable channel' : ''}`,
      });
  }
}
