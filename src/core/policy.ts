// The policy of a storage repository: its channels (most stable first), how versions may enter and leave each,
// the promotion edges, and how each rule reports. Built-in defaults are exactly the documented table.
import { UsageError } from './errors.js';

export const ruleIds = [
  'title-prefix',
  'layout',
  'forbidden-path',
  'manifest',
  'size',
  'overwrite',
  'removal',
  'version-increment',
  'shadowed',
  'not-promoted',
  'frozen',
  'marker',
  'registry-version',
  'github-files',
  'merge-conflict',
] as const;
export type RuleId = (typeof ruleIds)[number];

/** Rules the policy file's `rules:` may set. `merge-conflict` is not one: without a merge result nothing is checked. */
export const configurableRuleIds = ruleIds.filter((id) => id !== 'merge-conflict');

/**
 * Rules an approved exception can lift (a policy-file entry or an approval of the change). Never the rules that mean
 * the registry would refuse or mis-serve the package (layout, forbidden-path, manifest, size), nor `marker`
 * (markers are never promoted) or `merge-conflict`.
 */
export const exceptableRuleIds = [
  'overwrite',
  'removal',
  'version-increment',
  'not-promoted',
  'shadowed',
  'title-prefix',
  'frozen',
] as const;
export type ExceptableRule = (typeof exceptableRuleIds)[number];
/** What a policy-file `exceptions:` entry may list (`title-prefix` is about a PR, not a version). */
export type PolicyExceptionRule = Exclude<ExceptableRule, 'title-prefix'>;

export function isExceptable(rule: RuleId): rule is ExceptableRule {
  return (exceptableRuleIds as readonly string[]).includes(rule);
}

/** How a rule reports: `error` fails the check, `warning` and `notice` annotate, `off` is silent. */
export type RuleSetting = 'error' | 'warning' | 'notice' | 'off';

/** Who may approve an exception on a channel (a label or review by a user with at least this role). */
export type ApproverRole = 'maintain' | 'admin';

/**
 * When two copies of a version are the same: `content` (every path holds the same blob; file modes are not
 * content, the registry serves bytes) or `tree` (the git tree ids are equal, modes included).
 */
export type IdentityMode = 'content' | 'tree';

/** How a new version gets into a channel. */
export type Arrival = 'direct' | 'promotion';
/** Whether an existing version's content may change. */
export type OverwritePolicy = 'allow' | 'exception' | 'never';
/**
 * Whether an existing version may be deleted. `exception`: with an approved exception, or because the identical
 * copy is in a more stable channel (the cleanup after a promotion). `promoted`: only in that second case.
 * `never` (and `overwrite: never`): no exception of any kind lifts it; change the setting instead.
 */
export type RemovalPolicy = 'allow' | 'exception' | 'promoted' | 'never';

export interface ChannelPolicy {
  name: string;
  branch: string;
  arrival: Arrival;
  overwrite: OverwritePolicy;
  removal: RemovalPolicy;
  /** A new version must be greater than every version of that package already in the channel. */
  versionIncrement: boolean;
  /** Whether promote/cleanup may commit to this branch directly instead of opening a PR. */
  directCommits: boolean;
  /** Package names that only mark the distribution (e.g. `snapshot/0.0.1`); never promoted or cleaned up. */
  markers: string[];
  /** No package may be added, changed or removed (images can still be published). */
  frozen: boolean;
  /** Who may approve an exception for a change to this channel. */
  exceptionApprovers: ApproverRole;
  /** Per-channel rule settings, over the global ones. */
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Layers the channel's packages are split into in the distribution images (default by channel). */
  imageLayers?: number;
}

export interface PromotionEdge {
  from: string;
  to: string;
}

export interface PolicyException {
  name: string;
  version: string;
  /** Channel the exception is for; undefined = any channel. */
  channel?: string;
  rules: PolicyExceptionRule[];
  reason?: string;
}

export interface Limits {
  /** manifest.yml larger than this is not parsed. */
  manifestBytes: number;
  /** Any added or changed file larger than this. */
  fileBytes: number;
  /** Files in one package version. */
  filesPerVersion: number;
}

export interface ReleasePolicy {
  /** Whether an existing release tag (git or image) may be moved: build candidates share a version. */
  allowOverwrite: boolean;
}

export interface Policy {
  packagesRoot: string;
  /** Most stable first. */
  channels: ChannelPolicy[];
  promotions: PromotionEdge[];
  identity: IdentityMode;
  /** Required PR title prefix; `{branch}` is replaced with the base branch. */
  titlePrefix: string;
  exceptionLabel: string;
  /** minimatch patterns matched against repository-relative paths. */
  forbiddenPaths: string[];
  exceptions: PolicyException[];
  rules: Record<RuleId, RuleSetting>;
  limits: Limits;
  release: ReleasePolicy;
}

export const defaultRuleSettings: Record<RuleId, RuleSetting> = {
  ...(Object.fromEntries(ruleIds.map((id) => [id, 'error'])) as Record<RuleId, RuleSetting>),
  // Informational by default: a served registry version changing, drift between channels, workflow files.
  'registry-version': 'warning',
  'github-files': 'notice',
};

export function defaultPolicy(): Policy {
  return {
    packagesRoot: 'packages',
    channels: [
      {
        name: 'production',
        branch: 'production',
        arrival: 'promotion',
        overwrite: 'never',
        // Legal and security removals happen: an admin's approved exception allows one.
        removal: 'exception',
        versionIncrement: true,
        directCommits: false,
        markers: [],
        frozen: false,
        exceptionApprovers: 'admin',
        rules: {},
      },
      {
        name: 'staging',
        branch: 'staging',
        arrival: 'promotion',
        overwrite: 'exception',
        removal: 'exception',
        versionIncrement: false,
        directCommits: false,
        markers: ['staging'],
        frozen: false,
        exceptionApprovers: 'maintain',
        rules: {},
      },
      {
        name: 'snapshot',
        branch: 'snapshot',
        arrival: 'direct',
        overwrite: 'allow',
        removal: 'allow',
        versionIncrement: false,
        directCommits: true,
        markers: ['snapshot'],
        frozen: false,
        exceptionApprovers: 'maintain',
        rules: {},
      },
    ],
    promotions: [
      { from: 'snapshot', to: 'staging' },
      { from: 'staging', to: 'production' },
    ],
    identity: 'content',
    titlePrefix: '[{branch}]',
    exceptionLabel: 'policy-exception',
    forbiddenPaths: ['**/_*', '**/_*/**'],
    exceptions: [],
    rules: { ...defaultRuleSettings },
    limits: { manifestBytes: 1024 * 1024, fileBytes: 100 * 1024 * 1024, filesPerVersion: 20_000 },
    release: { allowOverwrite: false },
  };
}

/**
 * A channel whose branch is missing: the repository is not set up as its policy says, which a retry cannot fix
 * (exit 2, like every configuration error). Validate alone treats a missing branch as empty: it only compares.
 */
export function missingBranchError(channel: Pick<ChannelPolicy, 'name' | 'branch'>): UsageError {
  return new UsageError(
    `the ${channel.name} branch (${channel.branch}) does not exist: create it, or remove the channel from the policy file`,
  );
}

export function channelByName(policy: Policy, name: string): ChannelPolicy | undefined {
  return policy.channels.find((c) => c.name === name);
}

export function channelByBranch(policy: Policy, branch: string): ChannelPolicy | undefined {
  return policy.channels.find((c) => c.branch === branch);
}

/** Channels more stable than `channel`, nearest first. */
export function moreStable(policy: Policy, channel: ChannelPolicy): ChannelPolicy[] {
  const index = policy.channels.indexOf(channel);
  return policy.channels.slice(0, Math.max(index, 0)).reverse();
}

/** Channels whose packages the distribution of `channel` serves: itself and every more stable one, most stable first. */
export function servedChannels(policy: Policy, channel: ChannelPolicy): ChannelPolicy[] {
  const index = policy.channels.indexOf(channel);
  return policy.channels.slice(0, index + 1);
}

/**
 * Channels whose distribution serves `channel`'s packages: itself and every less stable one, most stable first. A
 * change to `channel` changes what each of them serves.
 */
export function channelsServing(policy: Policy, channel: ChannelPolicy): ChannelPolicy[] {
  return policy.channels.slice(Math.max(policy.channels.indexOf(channel), 0));
}

/** Channels a version may be promoted into `channel` from. */
export function promotionSources(policy: Policy, channel: ChannelPolicy): ChannelPolicy[] {
  return policy.promotions
    .filter((edge) => edge.to === channel.name)
    .map((edge) => channelByName(policy, edge.from))
    .filter((c): c is ChannelPolicy => c !== undefined);
}

export function ruleSetting(policy: Policy, channel: ChannelPolicy | undefined, rule: RuleId): RuleSetting {
  return channel?.rules[rule] ?? policy.rules[rule];
}

/** Every channel whose markers include `name`. */
export function markerChannels(policy: Policy, name: string): ChannelPolicy[] {
  return policy.channels.filter((c) => c.markers.includes(name));
}

export function titlePrefixFor(policy: Policy, branch: string): string {
  // split/join, not replaceAll: a `$` in a branch name must not act as a replacement pattern.
  return policy.titlePrefix.split('{branch}').join(branch);
}
