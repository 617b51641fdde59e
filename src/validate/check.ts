// The engine over a target: every part checked with one shared reader (a merge group's findings name their PR),
// then what the report needs beyond the findings: whether the change is exactly a promotion or a cleanup, and what
// each registry would serve after the merge.
import * as core from '@actions/core';
import type { Holdings, TreeId, VersionChange } from '../core/change.js';
import { exactChange, type ExactChange } from '../core/exact-change.js';
import type { Finding } from '../core/finding.js';
import { sameContent } from '../core/identity.js';
import type { Policy } from '../core/policy.js';
import type { VersionVerdict } from '../core/validate.js';
import { fetchBranches } from '../git/remote.js';
import { StorageReader } from '../git/storage.js';
import { safeLine } from '../runner/sanitize.js';
import { evaluate, type ChangeFacts } from './engine.js';
import { servedChanges, type ServedChange } from './served.js';
import type { Target } from './target.js';

export interface Checked {
  target: Target;
  policy: Policy;
  /** Where the policy came from (`.github/package-storage.yml on main`, `built-in defaults …`). */
  policySource: string;
  findings: Finding[];
  changes: VersionVerdict[];
  pathCount: number;
  /** Set when the PR is exactly a promotion or a cleanup as promote makes them. */
  exact?: ExactChange;
  /** What each registry would serve differently after the merge. */
  served: ServedChange[];
  /** Channel branches not on origin (treated as empty). */
  missingBranches: string[];
  /** What the channels hold of the changed names (for advice); absent for a merge conflict. */
  facts?: ChangeFacts;
}

/** The facts of consecutive parts as one change: the first part's "before" of each name, the last part's "after". */
export function mergeFacts(
  parts: ReadonlyArray<{ facts: ChangeFacts; changes: readonly VersionChange[] }>,
  channel: string,
): ChangeFacts | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0]!.facts;
  const holdings = new Map<string, Holdings>();
  const after: Holdings = new Map();
  const identities = new Map<TreeId, string>();
  const kibana = new Map<TreeId, string>();
  let outside = 0;
  for (const { facts } of parts) {
    for (const [name, h] of facts.holdings) {
      let into = holdings.get(name);
      if (!into) {
        into = new Map();
        holdings.set(name, into);
      }
      for (const [pkg, versions] of h) if (name !== channel || !into.has(pkg)) into.set(pkg, versions);
    }
    for (const [pkg, versions] of facts.after) after.set(pkg, versions);
    for (const [t, id] of facts.identities) identities.set(t, id);
    for (const [t, range] of facts.kibana) kibana.set(t, range);
    outside += facts.pathsOutsideVersions;
  }
  return { holdings, after, identities, kibana, pathsOutsideVersions: outside };
}

export async function check(
  repoDir: string,
  policy: Policy,
  policySource: string,
  target: Target,
): Promise<Checked> {
  const { channel } = target;
  const others = policy.channels.filter((c) => c !== channel);
  const tips = await fetchBranches(
    repoDir,
    others.map((c) => c.branch),
    { treesOnly: true },
  );
  const channelTips = new Map(others.map((c) => [c.name, tips.get(c.branch)]));
  const missingBranches = others.filter((c) => !tips.has(c.branch)).map((c) => c.branch);
  const checked: Checked = {
    target,
    policy,
    policySource,
    findings: [],
    changes: [],
    pathCount: 0,
    served: [],
    missingBranches,
  };
  if (target.conflict) {
    checked.findings.push(target.conflict);
    return checked;
  }
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  const described: Array<{ facts: ChangeFacts; changes: readonly VersionChange[] }> = [];
  try {
    for (const part of target.parts) {
      core.info(
        `checking ${safeLine(target.description)}${target.parts.length > 1 && part.pull !== undefined ? `, PR #${part.pull}` : ''} against channel ${channel.name}: ${part.before.slice(0, 12)}..${part.after.slice(0, 12)}`,
      );
      const outcome = await evaluate({
        repoDir,
        policy,
        channel,
        before: part.before,
        after: part.after,
        channelTips,
        reader,
        describe: true,
        ...(target.pull ? { title: target.pull.title } : {}),
        ...(part.headBranch !== undefined ? { headBranch: part.headBranch } : {}),
        ...(part.approval ? { approval: part.approval } : {}),
      });
      const prefix = target.parts.length > 1 && part.pull !== undefined ? `PR #${part.pull}: ` : '';
      checked.findings.push(...outcome.findings.map((f) => ({ ...f, message: prefix + f.message })));
      checked.changes.push(...outcome.changes);
      checked.pathCount += outcome.pathCount;
      if (outcome.facts) described.push({ facts: outcome.facts, changes: outcome.changes });
    }
  } finally {
    reader.close();
  }
  const facts = mergeFacts(described, channel.name);
  if (!facts) return checked;
  checked.facts = facts;
  const same = (a: TreeId, b: TreeId): boolean => sameContent(facts.identities, a, b);
  checked.served = servedChanges({
    policy,
    channel,
    changes: checked.changes,
    holdings: facts.holdings,
    after: facts.after,
    kibana: facts.kibana,
    same,
  });
  // Only a single PR can be what promote opened (a merge group's steps are each checked as their PR), and only one
  // promote opened: its head branch in this repository (a fork can name a branch `promote/…`), its author a bot.
  const part =
    target.kind === 'pull' && target.parts.length === 1 && target.pull?.fromPromote
      ? target.parts[0]
      : undefined;
  const exact = part
    ? exactChange({
        policy,
        channel,
        headBranch: part.headBranch,
        changes: checked.changes,
        pathsOutsideVersions: facts.pathsOutsideVersions,
        holdings: facts.holdings,
        same,
      })
    : undefined;
  if (exact) checked.exact = exact;
  return checked;
}
