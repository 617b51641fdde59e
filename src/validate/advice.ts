// What to do about a finding, in words for the maintainer reading a red check: the exact promote inputs that would
// bring a version in through the stages, the version to release instead, how to request an exception and who may
// approve it. Pure: from the finding, the policy and what the channels hold.
import { treeOf, type TreeId } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import { sameContent } from '../core/identity.js';
import { isValidPackageName } from '../core/paths.js';
import { isExceptable, titlePrefixFor, type ChannelPolicy, type Policy } from '../core/policy.js';
import { compareVersions, isStrictSemver, precedenceKey } from '../core/version.js';
import type { ChangeFacts } from './engine.js';
import { code } from './markdown.js';

export interface AdviceContext {
  policy: Policy;
  channel: ChannelPolicy;
  /** A push or a merge group gets no PR exception; a PR can ask for one. */
  kind: 'pull' | 'merge-group' | 'push';
  facts?: ChangeFacts;
}

/** Whether an approved exception would lift this finding (the channel's setting is not `never`). */
export function liftable(f: Finding, channel: ChannelPolicy): boolean {
  if (f.severity === 'notice' || !isExceptable(f.rule)) return false;
  if (f.rule === 'overwrite') return channel.overwrite === 'exception';
  if (f.rule === 'removal') return channel.removal === 'exception' || channel.removal === 'allow';
  return true;
}

/** The rules no exception lifts: the registry would refuse or mis-serve the package, or nothing could be checked. */
export const fixOnly = new Set(['merge-conflict', 'layout', 'manifest', 'size', 'forbidden-path', 'marker']);

/** A promotion path from one channel to another along the policy's edges (shortest), as its edges. */
export function promotionPath(policy: Policy, from: string, to: string): Array<[string, string]> | undefined {
  const previous = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const e of policy.promotions)
      if (e.from === at && !previous.has(e.to)) {
        previous.set(e.to, at);
        queue.push(e.to);
      }
  }
  if (!previous.has(to) || from === to) return undefined;
  const path: Array<[string, string]> = [];
  for (let at = to; at !== from; at = previous.get(at)!) path.unshift([previous.get(at)!, at]);
  return path;
}

/** How a version that is not promoted could arrive: a path of promotions, starting where a copy is. */
export interface PromotionRoute {
  /** Empty when the content is in no channel: it must be added to `start` first. */
  holder?: string;
  start: string;
  steps: Array<[string, string]>;
}

export function promotionRoute(f: Finding, ctx: AdviceContext): PromotionRoute | undefined {
  const { policy, channel, facts } = ctx;
  if (!f.package || !f.version || !facts) return undefined;
  // Where a copy with exactly this content is (a holder), else where new versions arrive directly.
  const tree = treeOf(facts.after, f.package, f.version);
  const same = (t: TreeId | undefined): boolean => sameContent(facts.identities, t, tree);
  // The nearest channel that holds this exact content and has a promotion path to the channel.
  const routes = policy.channels
    .filter((c) => c !== channel && same(treeOf(facts.holdings.get(c.name), f.package!, f.version!)))
    .map((c) => ({ holder: c.name, start: c.name, steps: promotionPath(policy, c.name, channel.name) }))
    .filter((r): r is PromotionRoute & { holder: string } => r.steps !== undefined)
    .sort((a, b) => a.steps.length - b.steps.length);
  if (routes[0]) return routes[0];
  // In no channel: it enters where versions arrive directly, then goes up the stages.
  const direct = policy.channels
    .filter((c) => c !== channel && c.arrival === 'direct')
    .map((c) => ({ start: c.name, steps: promotionPath(policy, c.name, channel.name) }))
    .filter((r): r is PromotionRoute => r.steps !== undefined)
    .sort((a, b) => a.steps.length - b.steps.length);
  return direct[0];
}

const spec = (f: Finding): string | undefined =>
  f.package && f.version && isValidPackageName(f.package) && isStrictSemver(f.version)
    ? `${f.package}@${f.version}`
    : undefined;

/** The promote action's inputs for one step. */
export const promoteInputs = (from: string, to: string, specs: readonly string[]): string =>
  `${code(`from: ${from}`)} ${code(`to: ${to}`)} ${code(`packages: ${specs.join(', ')}`)}`;

/** The version was on the channel before the change (a modification): promoting it is not the way. */
function wasOnChannel(f: Finding, ctx: AdviceContext): boolean {
  return (
    f.package !== undefined &&
    f.version !== undefined &&
    treeOf(ctx.facts?.holdings.get(ctx.channel.name), f.package, f.version) !== undefined
  );
}

/** Promotion steps covering many not-promoted versions: one line per path of promotions, the versions it takes. */
export function promotionAdvice(findings: readonly Finding[], ctx: AdviceContext): string[] {
  const byPath = new Map<
    string,
    { start: string; steps: Array<[string, string]>; specs: string[]; absent: string[] }
  >();
  const released: string[] = [];
  for (const f of findings) {
    const s = spec(f);
    if (!s) continue;
    if (wasOnChannel(f, ctx)) {
      released.push(s);
      continue;
    }
    const route = promotionRoute(f, ctx);
    if (!route) continue;
    const key = route.steps.map((e) => e.join('>')).join(',');
    const entry = byPath.get(key) ?? { start: route.start, steps: route.steps, specs: [], absent: [] };
    entry.specs.push(s);
    if (!route.holder) entry.absent.push(s);
    byPath.set(key, entry);
  }
  const list = (specs: readonly string[]): string[] =>
    specs.length > 30 ? [...specs.slice(0, 30), `… (${specs.length - 30} more)`] : [...specs];
  const lines: string[] = [];
  for (const { start, steps, specs, absent } of byPath.values()) {
    const them = specs.length === 1 ? 'it' : 'them';
    const run = steps
      .map(([from, to], i) => `${i + 1}. ${promoteInputs(from, to, list(specs))}`)
      .join('<br>');
    const first = absent.length
      ? `<br>Not in ${code(start)} yet: ${list(absent)
          .map((x) => code(x))
          .join(', ')}; add ${absent.length === 1 ? 'it' : 'them'} there first (a PR into ${code(start)}).`
      : '';
    lines.push(
      `Promote ${them} through the stages with the promote workflow (merge each PR before the next step):<br>${run}${first}`,
    );
  }
  if (released.length)
    lines.push(
      `${list(released)
        .map((x) => code(x))
        .join(
          ', ',
        )} ${released.length === 1 ? 'changes a version' : 'change versions'} already released on ${code(ctx.channel.name)}: see ${code('overwrite')} (changed content is a new version).`,
    );
  return lines;
}

function highestOn(ctx: AdviceContext, name: string): string | undefined {
  const versions = [...(ctx.facts?.holdings.get(ctx.channel.name)?.get(name)?.keys() ?? [])].filter(
    (v) => precedenceKey(v) !== undefined,
  );
  return versions.sort(compareVersions).at(-1);
}

/** How to get an exception on this channel, for a PR; pushes and merge groups name the policy file instead. */
export function exceptionHow(ctx: AdviceContext, headSha?: string): string {
  const { policy, channel } = ctx;
  const head = headSha ? ` ${code(headSha.slice(0, 7))}` : '';
  const pr = `add the label ${code(policy.exceptionLabel)} and have a user with the ${code(channel.exceptionApprovers)} role approve the head commit${head} (an approving review of it, or the label applied after it was pushed), then re-run the check`;
  const file = `an ${code('exceptions:')} entry for the version in the policy file on the default branch`;
  return ctx.kind === 'pull'
    ? `${pr}; or ${file}`
    : `${file} (a ${ctx.kind === 'push' ? 'push' : 'merge queue'} has no PR to approve)`;
}

/** What to do about one finding (Markdown, one paragraph); undefined for notices that need nothing. */
export function whatToDo(f: Finding, ctx: AdviceContext, headSha?: string): string | undefined {
  const { channel, policy } = ctx;
  const label = f.package ? code(f.version ? `${f.package}@${f.version}` : f.package) : 'the change';
  const orException = liftable(f, channel)
    ? ctx.kind === 'pull'
      ? `; or, if warranted, an exception (label ${code(policy.exceptionLabel)}, approved for the head commit by a user with the ${code(channel.exceptionApprovers)} role)`
      : `; or, if warranted, an ${code('exceptions:')} entry for it in the policy file on the default branch`
    : '';
  switch (f.rule) {
    case 'title-prefix':
      return `Edit the PR title to start with ${code(titlePrefixFor(policy, channel.branch))}; the check runs again on the edit.`;
    case 'merge-conflict':
      return `Merge ${code(channel.branch)} into the PR branch (or rebase it), resolve the conflicts and push; the check runs again.`;
    case 'layout':
      return `Rename or move the paths named so that each file is under ${code(`${policy.packagesRoot}/<name>/<version>/`)}: the registry would refuse or ignore ${label}. No exception lifts this.`;
    case 'forbidden-path':
      return `Remove these paths from ${label}: they match the forbidden patterns (${policy.forbiddenPaths.map((p) => code(p)).join(', ')}), kept for development only. No exception lifts this.`;
    case 'manifest':
      return `Fix ${code('manifest.yml')} of ${label} at the lines named: the registry reads it this way. No exception lifts this.`;
    case 'size':
      return `Shrink or split ${label} below the limits (policy ${code('limits:')}: ${policy.limits.fileBytes} bytes per file, ${policy.limits.filesPerVersion} files per version, ${policy.limits.manifestBytes} bytes per manifest).`;
    case 'marker':
      return `Leave ${label} out of this change: a marker package stays on its own channel.`;
    case 'frozen':
      return `${code(channel.name)} is frozen: change nothing there, or unfreeze it (${code('frozen: false')} for the channel in the policy file on the default branch)${orException}.`;
    case 'overwrite':
      return `Release the change as a new version of ${code(f.package ?? '')} instead: a version's content never changes once it is on ${code(channel.name)}${orException}.`;
    case 'version-increment': {
      const highest = f.package ? highestOn(ctx, f.package) : undefined;
      return `Release a version greater than ${highest ? code(highest) : `the highest on ${code(channel.name)}`}; a backport below it needs an exception: ${exceptionHow(ctx, headSha)}.`;
    }
    case 'shadowed':
      return `The more stable channel's copy is what users get: promote that copy instead (identical content), or release a new version${orException}.`;
    case 'removal': {
      if (f.severity === 'notice') return undefined;
      if (ctx.channel.removal === 'never')
        return `Versions never leave ${code(channel.name)}; if this one must (a legal or security removal), change ${code('removal')} for the channel in the policy file on the default branch first.`;
      if (ctx.channel.removal === 'promoted')
        return `Remove it only once its identical copy is in a more stable channel: merge its promotion first, then clean up.`;
      return `Merge the promotion first (then the identical copy is served from the more stable channel)${orException}.`;
    }
    case 'not-promoted': {
      const [line] = promotionAdvice([f], ctx);
      if (wasOnChannel(f, ctx)) return line;
      const differs = /has different content/.test(f.message)
        ? ` The copy in this change differs from the one there: to ship this content, release it as a new version through the stages.`
        : '';
      const base = `${line ?? `Promote it through the stages instead of adding it here.`}${differs}`;
      return orException ? `${base.replace(/\.$/, '')}${orException}.` : base;
    }
    case 'registry-version':
      return f.severity === 'notice'
        ? undefined
        : `Pin the same package-registry in every channel's ${code('Dockerfile')} (bump the others too), or accept the drift for now.`;
    case 'github-files':
      return f.severity === 'notice' ? undefined : `Review the workflow changes like code.`;
  }
  return undefined;
}

/** One short clause for an annotation (no Markdown): what to do. */
export function annotationAdvice(f: Finding, ctx: AdviceContext): string | undefined {
  const text = whatToDo(f, ctx);
  return text
    ?.replace(/<br>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
