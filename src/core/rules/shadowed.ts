// shadowed: the registry serves the first copy found, most stable channel first, so a copy with other content than
// a more stable channel's (the same directory, or the same version by semver precedence) is never served.
import { precedenceKey } from '../version.js';
import { versionAt, versionLabel, type RuleContext } from './context.js';

const short = (tree: string | undefined): string => (tree ? tree.slice(0, 12) : 'none');

export function shadowedRule(ctx: RuleContext): void {
  for (const change of ctx.changes) {
    // Legacy directories (not semver) are never served: the layout rule refuses new ones.
    if (change.after === undefined || precedenceKey(change.version) === undefined) continue;
    if (ctx.foreignMarker(change.name).length > 0 || ctx.modesOnlyChange(change)) continue;
    const { name, version } = change;
    const at = { ...versionAt(ctx.root, name, version), standalone: true };
    const label = versionLabel(name, version);
    for (const other of ctx.stabler) {
      const tree = ctx.treeIn(other.name, name, version);
      if (tree !== undefined) {
        if (ctx.modesOnly(tree, change.after))
          ctx.report(
            'shadowed',
            {
              ...at,
              message: `${label} is also in ${other.name}, with the same bytes (only file modes differ); not shadowed`,
            },
            'notice',
          );
        else if (!ctx.same(tree, change.after))
          ctx.violation('shadowed', {
            ...at,
            message: `${label} is already in ${other.name} with different content (tree ${short(tree)}, here ${short(change.after)}); the ${other.name} copy is served, this one never would be`,
          });
      }
      const key = precedenceKey(version);
      if (key === undefined) continue;
      for (const [sibling, siblingTree] of ctx.input.holdings.get(other.name)?.get(name) ?? []) {
        if (sibling === version || precedenceKey(sibling) !== key || ctx.same(siblingTree, change.after))
          continue;
        ctx.violation('shadowed', {
          ...at,
          message: `${label} is the same version as ${name}@${sibling} in ${other.name} (semver precedence ignores build metadata) with different content; the ${other.name} copy is served, this one never would be`,
        });
      }
    }
  }
}
