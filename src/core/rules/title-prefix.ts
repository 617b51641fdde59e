// title-prefix: every PR title names the branch it goes into (`[production] …`), so two PRs for the same package on
// different channels never read alike.
import { titlePrefixFor } from '../policy.js';
import { quote } from './collect.js';
import type { RuleContext } from './context.js';

export function titlePrefixRule(ctx: RuleContext): void {
  const title = ctx.input.title;
  if (title === undefined) return;
  const prefix = titlePrefixFor(ctx.policy, ctx.channel.branch);
  if (!title.startsWith(prefix))
    ctx.violation('title-prefix', {
      standalone: true,
      message: `PR title must start with "${prefix}" (got ${quote(title)})`,
    });
}
