// Promotion and cleanup plans as pure functions: which versions move, which are refused and why, and the texts
// (titles, bodies, commit messages) that go with them.
import { treeOf, type Holdings, type TreeId } from './change.js';
import { UsageError, type Refusal } from './errors.js';
import { moreStable, type ChannelPolicy, type Policy } from './policy.js';
import type { Selected, SelectionProblem } from './selection.js';

export interface PlannedVersion {
  name: string;
  version: string;
  tree: TreeId;
  /** `conditions.kibana.version` of the manifest, when known. */
  kibana?: string;
}

export interface PromotionPlan {
  from: ChannelPolicy;
  to: ChannelPolicy;
  branch: string;
  /** Versions the promotion copies (not yet identical in the target). */
  versions: PlannedVersion[];
  /** Selected versions already identical in the target. */
  alreadyPromoted: PlannedVersion[];
  refusals: Refusal[];
}

export interface CleanupPlan {
  channel: ChannelPolicy;
  branch: string;
  /** Versions to remove, each with the more stable channel that holds the identical tree. */
  versions: Array<PlannedVersion & { promotedTo: string }>;
}

export const promotionBranch = (from: string, to: string): string => `promote/${from}-to-${to}`;
export const cleanupBranch = (channel: string): string => `cleanup/${channel}`;

export function promotionEdge(
  policy: Policy,
  from: string,
  to: string,
): { from: ChannelPolicy; to: ChannelPolicy } {
  const source = policy.channels.find((c) => c.name === from);
  const target = policy.channels.find((c) => c.name === to);
  const names = policy.channels.map((c) => c.name).join(', ');
  if (!source) throw new UsageError(`unknown channel "${from}" (channels: ${names})`);
  if (!target) throw new UsageError(`unknown channel "${to}" (channels: ${names})`);
  if (!policy.promotions.some((e) => e.from === from && e.to === to))
    throw new UsageError(
      `${from} -> ${to} is not an allowed promotion (allowed: ${policy.promotions.map((e) => `${e.from} -> ${e.to}`).join(', ') || 'none'})`,
    );
  return { from: source, to: target };
}

export function planPromotion(
  policy: Policy,
  from: string,
  to: string,
  selection: { selected: Selected[]; problems: SelectionProblem[] },
  source: Holdings,
  target: Holdings,
): PromotionPlan {
  const edge = promotionEdge(policy, from, to);
  const plan: PromotionPlan = {
    ...edge,
    branch: promotionBranch(from, to),
    versions: [],
    alreadyPromoted: [],
    refusals: selection.problems.map((p) => ({ spec: p.spec, message: p.message })),
  };
  for (const { name, version } of selection.selected) {
    const tree = treeOf(source, name, version);
    if (tree === undefined) {
      plan.refusals.push({ package: name, version, message: `${name}@${version} is not in ${from}` });
      continue;
    }
    const existing = treeOf(target, name, version);
    if (existing === tree) plan.alreadyPromoted.push({ name, version, tree });
    else if (existing !== undefined)
      plan.refusals.push({
        package: name,
        version,
        message: `${name}@${version} is already in ${to} with different content (tree ${existing.slice(0, 12)}, ${from} has ${tree.slice(0, 12)}); promoting would overwrite it: release a new version instead`,
      });
    else plan.versions.push({ name, version, tree });
  }
  return plan;
}

/** Versions of `channel` whose identical tree is in a more stable channel: safe to remove, they stay served. */
export function planCleanup(
  policy: Policy,
  channel: ChannelPolicy,
  own: Holdings,
  others: ReadonlyMap<string, Holdings>,
): CleanupPlan {
  const plan: CleanupPlan = { channel, branch: cleanupBranch(channel.name), versions: [] };
  const stabler = moreStable(policy, channel);
  for (const [name, versions] of [...own].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (channel.markers.includes(name)) continue;
    for (const [version, tree] of [...versions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const promotedTo = stabler.find((c) => treeOf(others.get(c.name), name, version) === tree);
      if (promotedTo) plan.versions.push({ name, version, tree, promotedTo: promotedTo.name });
    }
  }
  return plan;
}

const list = (versions: readonly PlannedVersion[]): string =>
  versions.map((v) => `${v.name}-${v.version}`).join(', ');
const maxTitle = 256;

export function promotionTitle(plan: Pick<PromotionPlan, 'from' | 'to' | 'versions'>): string {
  const title = `[${plan.to.branch}] Promote packages from ${plan.from.name} (${list(plan.versions)})`;
  if (title.length <= maxTitle) return title;
  return `[${plan.to.branch}] Promote ${plan.versions.length} packages from ${plan.from.name}`;
}

export function cleanupTitle(plan: Pick<CleanupPlan, 'channel' | 'versions'>): string {
  const title = `[${plan.channel.branch}] Remove promoted packages (${list(plan.versions)})`;
  if (title.length <= maxTitle) return title;
  return `[${plan.channel.branch}] Remove ${plan.versions.length} promoted packages`;
}

const marker = (kind: string, data: unknown): string =>
  `<!-- package-storage:${kind} ${JSON.stringify(data)} -->`;

/**
 * Text for one Markdown table cell: a `|` ends the cell even inside a code span (GitHub's tables), so it is
 * written `\|`, which renders as `|` (Kibana ranges such as `^7.16.0 || ^8.0.0`); line breaks would end the row.
 */
export function tableCell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}

const codeCell = (text: string): string => `\`${tableCell(text)}\``;

// Bodies hold nothing run-specific (no run links): a re-run with the same inputs must produce the same text.
export function promotionBody(plan: PromotionPlan): string {
  const rows = plan.versions.map(
    (v) =>
      `| ${tableCell(v.name)} | ${tableCell(v.version)} | \`${v.tree}\` | ${v.kibana ? codeCell(v.kibana) : 'any'} |`,
  );
  return [
    `This PR promotes packages from \`${plan.from.branch}\` to \`${plan.to.branch}\`, tree for tree: each version's git tree id here equals the one in \`${plan.from.branch}\`.`,
    '',
    '| Package | Version | Tree | Kibana |',
    '|---|---|---|---|',
    ...rows,
    '',
    `After it merges, the cleanup removes these versions from \`${plan.from.branch}\` (they stay served from \`${plan.to.branch}\`).`,
    'Re-running the promotion with the same selection changes nothing; another selection updates this PR.',
    '',
    marker('promote', {
      from: plan.from.name,
      to: plan.to.name,
      packages: plan.versions.map((v) => ({ name: v.name, version: v.version, tree: v.tree })),
    }),
  ].join('\n');
}

export function cleanupBody(plan: CleanupPlan): string {
  return [
    `This PR removes packages from \`${plan.channel.branch}\` whose identical tree is already in a more stable channel, so they stay served.`,
    '',
    '| Package | Version | Tree | Now in |',
    '|---|---|---|---|',
    ...plan.versions.map(
      (v) =>
        `| ${tableCell(v.name)} | ${tableCell(v.version)} | \`${v.tree}\` | ${tableCell(v.promotedTo)} |`,
    ),
    '',
    'The validate check accepts each removal only while the identical tree is in the more stable channel.',
    '',
    marker('cleanup', {
      channel: plan.channel.name,
      packages: plan.versions.map((v) => ({ name: v.name, version: v.version, tree: v.tree })),
    }),
  ].join('\n');
}

export function promotionCommitMessage(plan: PromotionPlan): string {
  return `${promotionTitle(plan)}\n\nCopy packages from ${plan.from.branch} to ${plan.to.branch}:\n${plan.versions
    .map((v) => `- ${v.name}@${v.version} (tree ${v.tree})`)
    .join('\n')}\n`;
}

export function cleanupCommitMessage(plan: CleanupPlan): string {
  return `${cleanupTitle(plan)}\n\nRemove packages from ${plan.channel.branch} already in a more stable channel:\n${plan.versions
    .map((v) => `- ${v.name}@${v.version} (tree ${v.tree}, in ${v.promotedTo})`)
    .join('\n')}\n`;
}
