// version-increment: a channel that only grows by increments takes a new version only above every version of that
// package it holds, by semver precedence (build metadata ignored). Legacy directories that are not semver have no
// place in that order: they are left out, with a notice. Backports need an approved exception.
import { compareVersions, precedenceKey } from '../version.js';
import { versionAt, type RuleContext } from './context.js';

export function versionIncrementRule(ctx: RuleContext): void {
  const { channel } = ctx;
  if (!channel.versionIncrement) return;
  const noticed = new Set<string>();
  for (const change of ctx.changes) {
    if (change.kind !== 'added') continue;
    const key = precedenceKey(change.version);
    if (key === undefined) continue; // not semver: the layout rule refuses it
    const existing = [...(ctx.before.get(change.name)?.keys() ?? [])].filter((v) => v !== change.version);
    for (const legacy of existing.filter((v) => precedenceKey(v) === undefined)) {
      if (noticed.has(`${change.name}/${legacy}`)) continue;
      noticed.add(`${change.name}/${legacy}`);
      ctx.report(
        'version-increment',
        {
          ...versionAt(ctx.root, change.name, legacy),
          standalone: true,
          message: `${ctx.root}/${change.name}/${legacy} on ${channel.name} is not a semver version directory (the registry skips it); version ordering leaves it out`,
        },
        'notice',
      );
    }
    const notLower = existing.filter(
      (v) => precedenceKey(v) !== undefined && compareVersions(v, change.version) >= 0,
    );
    if (notLower.length === 0) continue;
    const highest = notLower.sort(compareVersions).at(-1)!;
    const same = compareVersions(highest, change.version) === 0;
    ctx.violation('version-increment', {
      ...versionAt(ctx.root, change.name, change.version),
      standalone: true,
      message: same
        ? `${change.name}@${change.version} is the same version as ${change.name}@${highest} already on ${channel.name} (semver precedence ignores build metadata); ${channel.name} only grows by version increments`
        : `${change.name}@${change.version} is not greater than ${change.name}@${highest} already on ${channel.name}; ${channel.name} only grows by version increments (a backport needs ${ctx.approvalHint})`,
    });
  }
}
