// manifest: each added or changed version's manifest.yml read the way the registry reads it.
import { checkManifest } from '../manifest.js';
import { ruleSetting } from '../policy.js';
import { precedenceKey } from '../version.js';
import { versionAt, type RuleContext } from './context.js';

export function manifestRule(ctx: RuleContext): void {
  const setting = ruleSetting(ctx.policy, ctx.channel, 'manifest');
  if (setting === 'off') return;
  for (const change of ctx.changes) {
    // A legacy directory (flat, or not semver) is skipped by the registry: the layout rule says so.
    if (change.after === undefined || precedenceKey(change.version) === undefined) continue;
    const content = ctx.input.content.get(`${change.name}@${change.version}`);
    if (!content) continue;
    const at = versionAt(ctx.root, change.name, change.version);
    const path = `${at.path}/manifest.yml`;
    if (!content.manifest) {
      ctx.report('manifest', { ...at, path, standalone: true, message: 'manifest.yml is missing' });
      continue;
    }
    if (content.manifest.text === undefined) continue; // too large: the size rule reports it
    const report = checkManifest(
      content.manifest.text,
      { name: change.name, version: change.version },
      { hasReadme: content.readme },
    );
    for (const problem of report.problems)
      ctx.report(
        'manifest',
        {
          ...at,
          path,
          standalone: true,
          message: problem.message,
          ...(problem.line ? { line: problem.line } : {}),
        },
        setting === 'error' && problem.level === 'warning' ? 'warning' : setting,
      );
  }
}
