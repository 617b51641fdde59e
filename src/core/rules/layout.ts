// layout (version level): crafted tree entries git never writes. The per-path layout checks run in the path scan.
import { quote } from './collect.js';
import { versionAt, type RuleContext } from './context.js';

export function layoutRule(ctx: RuleContext): void {
  // A crafted tree can make one path look like another (an entry named `nginx/1.5.0`): never trust such trees.
  for (const path of ctx.input.malformed ?? [])
    ctx.report('layout', {
      path,
      standalone: true,
      message: `${quote(path)}: a tree entry named ${quote(path.split('/').slice(2).join('/') || path)} that git never writes (a slash, ".", ".." or ".git" in one name); the tree was crafted`,
    });
  for (const change of ctx.changes) {
    if (change.after === undefined) continue;
    const content = ctx.input.content.get(`${change.name}@${change.version}`);
    const at = versionAt(ctx.root, change.name, change.version);
    for (const path of content?.malformed ?? [])
      ctx.report('layout', {
        ...at,
        path: `${at.path}/${path}`,
        message: 'a tree entry name git never writes (".", "..", ".git" or a slash); the tree was crafted',
      });
  }
}
