// overwrite: a version already on the channel changes content. Only file modes changing is not a content change
// (the registry serves bytes). A version equal by semver precedence (`1.5.0+build1` next to `1.5.0`) is the same
// version: adding it with other content overwrites what that version serves.
import { precedenceKey } from '../version.js';
import { versionAt, versionLabel, type RuleContext } from './context.js';

export function overwriteRule(ctx: RuleContext): void {
  const { channel } = ctx;
  for (const change of ctx.changes) {
    const at = versionAt(ctx.root, change.name, change.version);
    const label = versionLabel(change.name, change.version);
    if (change.kind === 'modified') {
      if (ctx.modesOnlyChange(change)) {
        ctx.report(
          'overwrite',
          {
            ...at,
            standalone: true,
            message: `${label}: only file modes change (every path keeps its bytes, and the registry serves bytes); not an overwrite`,
          },
          'notice',
        );
        continue;
      }
      if (channel.overwrite === 'allow') continue;
      const base = `${label} already exists on ${channel.branch} and this change modifies it`;
      ctx.violation(
        'overwrite',
        {
          ...at,
          standalone: true,
          message:
            channel.overwrite === 'never'
              ? `${base}; versions on ${channel.name} are never overwritten: release a new version instead`
              : `${base}; overwriting on ${channel.name} needs ${ctx.approvalHint}`,
        },
        { liftable: channel.overwrite === 'exception' },
      );
    }
    if (change.kind === 'added' && channel.overwrite !== 'allow') {
      const key = precedenceKey(change.version);
      if (key === undefined) continue;
      for (const [other, tree] of ctx.before.get(change.name) ?? []) {
        if (other === change.version || precedenceKey(other) !== key || ctx.same(tree, change.after))
          continue;
        ctx.violation(
          'overwrite',
          {
            ...at,
            standalone: true,
            message: `${label} is the same version as ${change.name}@${other} already on ${channel.branch} (semver precedence ignores build metadata) with different content: it changes what ${key} serves; release a new version instead`,
          },
          { liftable: channel.overwrite === 'exception' },
        );
      }
    }
  }
}
