// What every rule sees: the policy and channel, the holdings before and after, the version changes, content
// identity, and one way to report — including how an exception turns a violation into a notice that says which
// exception allowed it and who approved it.
import {
  treeOf,
  type ChangedPath,
  type Holdings,
  type TreeId,
  type VersionChange,
  type VersionContent,
} from '../change.js';
import type { ExceptionGrant, Severity } from '../finding.js';
import { modesOnly, sameContent, type ContentIdentities } from '../identity.js';
import {
  markerChannels,
  moreStable,
  promotionSources,
  ruleSetting,
  type ChannelPolicy,
  type ExceptableRule,
  type Policy,
  type RuleId,
} from '../policy.js';
import { FindingCollector, type Item } from './collect.js';
import type { PathScan } from './paths.js';

/** An approval of the whole change (a review or label bound to the head commit, or the CLI's `--exception`). */
export interface Approval {
  /** The approver's login; `command line` for the CLI. */
  by: string;
  via: 'review' | 'label' | 'cli';
}

/** The package-registry version each channel's Dockerfile pins (`ARG PACKAGE_REGISTRY=`). */
export interface RegistryVersions {
  /** The change touches the channel's Dockerfile. */
  changed: boolean;
  before?: string;
  after?: string;
  /** The other channels' pinned versions, most stable first. */
  others: Array<{ channel: string; version?: string }>;
}

export interface ValidationInput {
  policy: Policy;
  /** The channel the change lands on. */
  channel: ChannelPolicy;
  /** PR title; undefined when there is none to check (push, merge queue, CLI without --title). */
  title?: string;
  /** PR head branch, when the change is a PR (a `cleanup/` head is held to the cleanup rule). */
  headBranch?: string;
  /** An approved exception for this change (the adapter decided who may approve; see github/approvals). */
  approval?: Approval;
  /** The changed paths, or the scan of them the engine made while streaming the diff. */
  paths: readonly ChangedPath[] | PathScan;
  /** Each channel's versions of the touched package names; for `channel`, its state before the change. */
  holdings: ReadonlyMap<string, Holdings>;
  /** `channel`'s versions of the touched names after the change. */
  after: Holdings;
  /** Content after the change of each added or modified version, keyed `name@version`. */
  content: ReadonlyMap<string, VersionContent>;
  /** Content identity of the trees compared (policy `identity: content`); absent trees compare by tree id. */
  identities?: ContentIdentities;
  /** Crafted tree entries after the change (names with a slash, `.`, `..`, `.git`), as repository paths. */
  malformed?: readonly string[];
  registry?: RegistryVersions;
}

export interface RuleContext {
  readonly policy: Policy;
  readonly channel: ChannelPolicy;
  readonly input: ValidationInput;
  readonly root: string;
  readonly before: Holdings;
  readonly after: Holdings;
  readonly changes: readonly VersionChange[];
  /** More stable channels, nearest first. */
  readonly stabler: readonly ChannelPolicy[];
  /** Channels `channel` is promoted from. */
  readonly sources: readonly ChannelPolicy[];
  readonly scan: PathScan;
  /** A channel's tree of `name@version` (`channel`'s own: before the change). */
  treeIn(channel: string, name: string, version: string): TreeId | undefined;
  /** Same content (tree ids or content identities). */
  same(a: TreeId | undefined, b: TreeId | undefined): boolean;
  /** Same content in different trees: only file modes differ. */
  modesOnly(a: TreeId | undefined, b: TreeId | undefined): boolean;
  /** A modification that changes only file modes: no content enters or leaves (rules about content skip it). */
  modesOnlyChange(change: VersionChange): boolean;
  /** Channels other than `channel` whose marker `name` is (empty when it is `channel`'s own or no marker). */
  foreignMarker(name: string): ChannelPolicy[];
  /** Reports at the rule's setting (nothing when `off`), or at `severity` when given. */
  report(rule: RuleId, item: Omit<Item, 'rule' | 'severity'>, severity?: Severity): void;
  /** A violation an exception may lift (unless `liftable` is false: the channel's setting is `never`). */
  violation(rule: ExceptableRule, item: Omit<Item, 'rule' | 'severity'>, o?: { liftable?: boolean }): void;
  /** How to get an exception on this channel, for messages. */
  readonly approvalHint: string;
}

/** `nginx@1.0.0`, or the directory name of a legacy flat version (`nginx-1.0.0`, version ''). */
export function versionLabel(name: string, version: string): string {
  return version ? `${name}@${version}` : name;
}

/** Where a finding about a version points: the package, the version (if any) and its directory. */
export function versionAt(
  root: string,
  name: string,
  version: string,
): Pick<Item, 'package' | 'version' | 'path'> {
  return {
    package: name,
    ...(version ? { version } : {}),
    path: version ? `${root}/${name}/${version}` : `${root}/${name}`,
  };
}

function describeGrant(policy: Policy, grant: ExceptionGrant): string {
  if (grant.source === 'policy')
    return `the policy's exception for this version${grant.reason ? ` (${grant.reason})` : ''}`;
  const how =
    grant.via === 'review'
      ? 'an approving review of the head commit'
      : grant.via === 'label'
        ? `label "${policy.exceptionLabel}" applied after the last push`
        : 'the command line';
  return grant.via === 'cli'
    ? `an exception given on ${how}`
    : `an exception approved by @${grant.by ?? '?'} (${how})`;
}

export function createContext(
  input: ValidationInput,
  scan: PathScan,
  collector: FindingCollector,
  changes: VersionChange[],
): RuleContext {
  const { policy, channel } = input;
  const before: Holdings = input.holdings.get(channel.name) ?? new Map<string, Map<string, string>>();
  const exceptionFor = (
    rule: ExceptableRule,
    name?: string,
    version?: string,
  ): ExceptionGrant | undefined => {
    if (name !== undefined && version !== undefined && rule !== 'title-prefix') {
      const entry = policy.exceptions.find(
        (x) =>
          x.name === name &&
          x.version === version &&
          (x.channel === undefined || x.channel === channel.name) &&
          (x.rules as readonly string[]).includes(rule),
      );
      if (entry) return { rule, source: 'policy', ...(entry.reason ? { reason: entry.reason } : {}) };
    }
    const a = input.approval;
    return a ? { rule, source: 'approval', via: a.via, by: a.by } : undefined;
  };
  const severityOf = (rule: RuleId): Severity | undefined => {
    const setting = ruleSetting(policy, channel, rule);
    return setting === 'off' ? undefined : setting;
  };
  const ctx: RuleContext = {
    policy,
    channel,
    input,
    root: policy.packagesRoot,
    before,
    after: input.after,
    changes,
    stabler: moreStable(policy, channel),
    sources: promotionSources(policy, channel),
    scan,
    treeIn: (c, name, version) => treeOf(c === channel.name ? before : input.holdings.get(c), name, version),
    same: (a, b) => sameContent(input.identities, a, b),
    modesOnly: (a, b) => modesOnly(input.identities, a, b),
    modesOnlyChange: (c) => c.kind === 'modified' && modesOnly(input.identities, c.before, c.after),
    foreignMarker: (name) =>
      channel.markers.includes(name) ? [] : markerChannels(policy, name).filter((c) => c !== channel),
    report(rule, item, severity) {
      const s = severity ?? severityOf(rule);
      if (s) collector.add({ rule, severity: s, ...item });
    },
    violation(rule, item, o = {}) {
      const s = severityOf(rule);
      if (!s) return;
      const grant = o.liftable === false ? undefined : exceptionFor(rule, item.package, item.version ?? '');
      if (grant)
        collector.add({
          rule,
          severity: 'notice',
          ...item,
          message: `${item.message}; allowed by ${describeGrant(policy, grant)}`,
          exception: grant,
        });
      else collector.add({ rule, severity: s, ...item });
    },
    approvalHint: `an exception approved by a user with the ${channel.exceptionApprovers} role: an approving review of the PR's head commit, or the label "${policy.exceptionLabel}" applied after the last push`,
  };
  return ctx;
}
