// Promotion and cleanup on git: plan from the channel tips, build the commit from tree objects, check it with the
// validate engine, and push it with a lease. Shared by the promote action and the CLI.
import { RefusedError, UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { checkManifest } from '../core/manifest.js';
import { versionDir } from '../core/paths.js';
import {
  channelByName,
  missingBranchError,
  moreStable,
  type ChannelPolicy,
  type Policy,
} from '../core/policy.js';
import {
  cleanupBody,
  cleanupCommitMessage,
  cleanupTitle,
  planCleanup,
  planPromotion,
  promotionBody,
  promotionCommitMessage,
  promotionEdge,
  promotionTitle,
  type PlannedVersion,
} from '../core/promotion.js';
import { treeOf, type Holdings } from '../core/change.js';
import { sameContent } from '../core/identity.js';
import { selectVersions, type PackageSpec } from '../core/selection.js';
import { StorageReader } from '../git/storage.js';
import {
  commitTime,
  commitTree,
  editTree,
  treeOfCommit,
  type Identity,
  type TreeEdit,
} from '../git/write.js';
import { evaluate } from '../validate/engine.js';

export const defaultIdentity: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

/** `Name <email>` for commits; default: the Actions bot. */
export function parseIdentity(text: string | undefined): Identity {
  if (!text) return defaultIdentity;
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  if (!match) throw new UsageError(`--author must look like "Name <email>" (got ${JSON.stringify(text)})`);
  return { name: match[1]!, email: match[2]! };
}

export type Operation = 'created' | 'updated' | 'unchanged' | 'none';

/** Branch tips by branch name; undefined = the branch does not exist. */
export type Tips = ReadonlyMap<string, string | undefined>;

export interface BranchChange {
  kind: 'promote' | 'cleanup';
  /** The branch written: promote/<from>-to-<to>, cleanup/<channel>, or the channel itself for a direct commit. */
  branch: string;
  /** The channel branch the change is for (the PR base). */
  base: string;
  baseSha: string;
  direct: boolean;
  /** Undefined when there is nothing to do. */
  commit?: string;
  title: string;
  body: string;
  versions: PlannedVersion[];
  alreadyPromoted: PlannedVersion[];
  findings: Finding[];
  /** Versions a direct cleanup put back because a more stable channel lost them while it was pushed. */
  restored?: PlannedVersion[];
}

function tipOf(tips: Tips, channel: ChannelPolicy): string | undefined {
  return tips.get(channel.branch);
}

/**
 * Content identities of the trees that differ between `own` and the copies of the same versions in `others`: the
 * "identical in a more stable channel" decisions compare bytes per path, not file modes (policy `identity: tree`
 * keeps strict tree ids). Work is bounded by the versions present in both.
 */
async function identitiesFor(
  reader: StorageReader,
  policy: Policy,
  own: Holdings,
  others: readonly Holdings[],
): Promise<Map<string, string>> {
  const identities = new Map<string, string>();
  if (policy.identity !== 'content') return identities;
  const trees = new Set<string>();
  for (const [name, versions] of own)
    for (const [version, tree] of versions)
      for (const other of others) {
        const theirs = treeOf(other, name, version);
        if (theirs !== undefined && theirs !== tree) trees.add(tree).add(theirs);
      }
  for (const tree of trees) {
    const id = await reader.contentIdentity(tree, policy.limits.filesPerVersion);
    if (id !== undefined) identities.set(tree, id);
  }
  return identities;
}

async function withKibana(
  reader: StorageReader,
  policy: Policy,
  versions: PlannedVersion[],
): Promise<PlannedVersion[]> {
  const limits = { manifestBytes: policy.limits.manifestBytes, filesPerVersion: 1 };
  return Promise.all(
    versions.map(async (v) => {
      const content = await reader.versionContent(v.tree, limits);
      if (!content.manifest?.text) return v;
      const range = checkManifest(content.manifest.text, v, { hasReadme: true }).fields.kibanaRange;
      return range ? { ...v, kibana: range } : v;
    }),
  );
}

async function checkResult(
  repoDir: string,
  policy: Policy,
  channel: ChannelPolicy,
  o: { before: string; after: string; title: string; headBranch: string; tips: Tips },
): Promise<Finding[]> {
  const channelTips = new Map(
    policy.channels.filter((c) => c !== channel).map((c) => [c.name, tipOf(o.tips, c)]),
  );
  const outcome = await evaluate({
    repoDir,
    policy,
    channel,
    before: o.before,
    after: o.after,
    channelTips,
    title: o.title,
    headBranch: o.headBranch,
  });
  const errors = outcome.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw new RefusedError(
      `the result would fail the validate check on ${channel.branch}`,
      // One refusal per problem: a grouped finding lists each of its items with its own path and line.
      errors.flatMap((f) =>
        (f.details?.length ? f.details : [f]).map((d) => ({
          ...(f.package ? { package: f.package } : {}),
          ...(f.version ? { version: f.version } : {}),
          message: `[${f.rule}] ${d.path ? `${d.path}${d.line ? `:${d.line}` : ''}: ` : ''}${d.message}`,
        })),
      ),
    );
  return outcome.findings;
}

export interface PromotionRequest {
  repoDir: string;
  policy: Policy;
  from: string;
  to: string;
  specs: PackageSpec[];
  tips: Tips;
  identity?: Identity;
}

/** Builds (but does not push) the promotion commit: the target's tip with each selected version's tree copied. */
export async function preparePromotion(request: PromotionRequest): Promise<BranchChange> {
  const { policy, repoDir } = request;
  const edge = promotionEdge(policy, request.from, request.to);
  const fromTip = tipOf(request.tips, edge.from);
  const toTip = tipOf(request.tips, edge.to);
  if (!fromTip) throw missingBranchError(edge.from);
  if (!toTip) throw missingBranchError(edge.to);
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  try {
    const sourceVersions = await reader.allVersions(fromTip);
    const available = new Map<string, string[]>();
    for (const v of sourceVersions) {
      const versions = available.get(v.name);
      if (versions) versions.push(v.version);
      else available.set(v.name, [v.version]);
    }
    const selection = selectVersions(request.specs, available, edge.from.markers);
    const names = [...new Set(selection.selected.map((s) => s.name))];
    const sourceHoldings = await reader.holdings(fromTip, names);
    const targetHoldings = await reader.holdings(toTip, names);
    const plan = planPromotion(
      policy,
      request.from,
      request.to,
      selection,
      sourceHoldings,
      targetHoldings,
      await identitiesFor(reader, policy, sourceHoldings, [targetHoldings]),
    );
    if (plan.refusals.length > 0)
      throw new RefusedError(`cannot promote from ${edge.from.name} to ${edge.to.name}`, plan.refusals);
    plan.versions = await withKibana(reader, policy, plan.versions);
    const title = promotionTitle(plan);
    const change: BranchChange = {
      kind: 'promote',
      branch: plan.branch,
      base: edge.to.branch,
      baseSha: toTip,
      direct: false,
      title,
      body: promotionBody(plan),
      versions: plan.versions,
      alreadyPromoted: plan.alreadyPromoted,
      findings: [],
    };
    if (plan.versions.length === 0) return change;

    const edits = new Map<string, TreeEdit>(
      plan.versions.map((v) => [
        versionDir(policy.packagesRoot, v.name, v.version),
        { mode: '040000', oid: v.tree },
      ]),
    );
    const tree = await editTree(repoDir, reader.objects, await treeOfCommit(repoDir, toTip), edits);
    const date = Math.max(await commitTime(repoDir, toTip), await commitTime(repoDir, fromTip));
    change.commit = await commitTree(repoDir, {
      tree,
      parents: [toTip],
      message: promotionCommitMessage(plan),
      author: request.identity ?? defaultIdentity,
      date,
    });
    change.findings = await checkResult(repoDir, policy, edge.to, {
      before: toTip,
      after: change.commit,
      title,
      headBranch: plan.branch,
      tips: request.tips,
    });
    return change;
  } finally {
    reader.close();
  }
}

export interface CleanupRequest {
  repoDir: string;
  policy: Policy;
  channel: string;
  tips: Tips;
  identity?: Identity;
  /** Commit straight to the channel branch; default: as the policy allows (`direct-commits`). */
  direct?: boolean;
}

/** Builds the cleanup commit: the channel's tip without the versions a more stable channel holds identically. */
export async function prepareCleanup(request: CleanupRequest): Promise<BranchChange> {
  const { policy, repoDir } = request;
  const channel = channelByName(policy, request.channel);
  if (!channel)
    throw new UsageError(
      `unknown channel "${request.channel}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`,
    );
  const tip = tipOf(request.tips, channel);
  if (!tip) throw missingBranchError(channel);
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  try {
    const own = await reader.allVersions(tip);
    const names = [...new Set(own.map((v) => v.name))];
    const ownHoldings = await reader.holdings(tip, names);
    const others = new Map(
      await Promise.all(
        moreStable(policy, channel).map(
          async (c) => [c.name, await reader.holdings(tipOf(request.tips, c), names)] as const,
        ),
      ),
    );
    const plan = planCleanup(
      policy,
      channel,
      ownHoldings,
      others,
      await identitiesFor(reader, policy, ownHoldings, [...others.values()]),
    );
    const title = cleanupTitle(plan);
    const direct = (request.direct ?? true) && channel.directCommits;
    const change: BranchChange = {
      kind: 'cleanup',
      branch: direct ? channel.branch : plan.branch,
      base: channel.branch,
      baseSha: tip,
      direct,
      title,
      body: cleanupBody(plan),
      versions: plan.versions,
      alreadyPromoted: [],
      findings: [],
    };
    if (plan.versions.length === 0) return change;
    const edits = new Map<string, TreeEdit>(
      plan.versions.map((v) => [versionDir(policy.packagesRoot, v.name, v.version), null]),
    );
    const tree = await editTree(repoDir, reader.objects, await treeOfCommit(repoDir, tip), edits);
    const dates = await Promise.all(
      [tip, ...moreStable(policy, channel).map((c) => tipOf(request.tips, c))]
        .filter((t): t is string => t !== undefined)
        .map((t) => commitTime(repoDir, t)),
    );
    change.commit = await commitTree(repoDir, {
      tree,
      parents: [tip],
      message: cleanupCommitMessage(plan),
      author: request.identity ?? defaultIdentity,
      date: Math.max(...dates),
    });
    change.findings = await checkResult(repoDir, policy, channel, {
      before: tip,
      after: change.commit,
      title,
      headBranch: plan.branch,
      tips: request.tips,
    });
    return change;
  } finally {
    reader.close();
  }
}

/** What pushing `change` would do to a branch whose tip is `current`. */
export async function operationFor(
  repoDir: string,
  change: BranchChange,
  current: string | undefined,
): Promise<Operation> {
  if (!change.commit) return 'none';
  if (change.direct) return 'updated';
  if (current === undefined) return 'created';
  if (current === change.commit) return 'unchanged';
  // Same content on the same base (e.g. made by another identity): leave it alone.
  const [currentTree, newTree] = await Promise.all([
    treeOfCommit(repoDir, current).catch(() => ''),
    treeOfCommit(repoDir, change.commit),
  ]);
  if (currentTree === newTree) {
    const parent = await treeOfCommit(repoDir, `${current}^`).catch(() => '');
    const base = await treeOfCommit(repoDir, change.baseSha);
    if (parent === base) return 'unchanged';
  }
  return 'updated';
}

/**
 * After a direct cleanup commit landed: the versions it removed whose identical tree is no longer in any more stable
 * channel (one lost it between planning and pushing, e.g. through an approved exception). Such versions must go
 * back, or they would be in no distribution.
 */
export async function vanishedRemovals(
  repoDir: string,
  policy: Policy,
  change: BranchChange,
  tips: Tips,
): Promise<PlannedVersion[]> {
  const channel = policy.channels.find((c) => c.branch === change.base);
  if (!channel || change.kind !== 'cleanup') return [];
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  try {
    const names = [...new Set(change.versions.map((v) => v.name))];
    const stabler = await Promise.all(
      moreStable(policy, channel).map((c) => reader.holdings(tipOf(tips, c), names)),
    );
    const removed: Holdings = new Map();
    for (const v of change.versions) {
      if (!removed.has(v.name)) removed.set(v.name, new Map<string, string>());
      removed.get(v.name)!.set(v.version, v.tree);
    }
    const identities = await identitiesFor(reader, policy, removed, stabler);
    return change.versions.filter(
      (v) => !stabler.some((h) => sameContent(identities, treeOf(h, v.name, v.version), v.tree)),
    );
  } finally {
    reader.close();
  }
}

/** A commit on `parent` that puts `versions` back (their trees are still in the object store). */
export async function restoreCommit(
  repoDir: string,
  policy: Policy,
  parent: string,
  versions: PlannedVersion[],
  identity: Identity = defaultIdentity,
): Promise<string> {
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  try {
    const edits = new Map<string, TreeEdit>(
      versions.map((v) => [
        versionDir(policy.packagesRoot, v.name, v.version),
        { mode: '040000', oid: v.tree },
      ]),
    );
    const tree = await editTree(repoDir, reader.objects, await treeOfCommit(repoDir, parent), edits);
    return commitTree(repoDir, {
      tree,
      parents: [parent],
      message: `Restore ${versions.map((v) => `${v.name}-${v.version}`).join(', ')}\n\nA more stable channel lost these versions while the cleanup that removed them was being pushed;\nthey go back so that every version stays in some distribution.\n`,
      author: identity,
      date: await commitTime(repoDir, parent),
    });
  } finally {
    reader.close();
  }
}
