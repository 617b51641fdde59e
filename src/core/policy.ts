// The policy of a storage repository: its channels (most stable first), how versions may enter and leave each,
// the promotion edges, and how each rule reports. Built-in defaults are exactly the documented table.

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
] as const;
export type RuleId = (typeof ruleIds)[number];

/** How a rule reports: `error` fails the check, `warning` annotates, `off` is silent. */
export type RuleSetting = 'error' | 'warning' | 'off';

/** How a new version gets into a channel. */
export type Arrival = 'direct' | 'promotion';
/** Whether an existing version's content may change. */
export type OverwritePolicy = 'allow' | 'exception' | 'never';
/**
 * Whether an existing version may be deleted. `exception`: with an approved exception, or because the identical
 * tree is in a more stable channel (the cleanup after a promotion). `promoted`: only in that second case.
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
  rules: Array<'overwrite' | 'removal'>;
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

export const defaultRuleSettings: Record<RuleId, RuleSetting> = Object.fromEntries(
  ruleIds.map((id) => [id, 'error']),
) as Record<RuleId, RuleSetting>;

export function defaultPolicy(): Policy {
  return {
    packagesRoot: 'packages',
    channels: [
      {
        name: 'production',
        branch: 'production',
        arrival: 'promotion',
        overwrite: 'never',
        removal: 'never',
        versionIncrement: true,
        directCommits: false,
        markers: [],
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
        rules: {},
      },
    ],
    promotions: [
      { from: 'snapshot', to: 'staging' },
      { from: 'staging', to: 'production' },
    ],
    titlePrefix: '[{branch}]',
    exceptionLabel: 'policy-exception',
    forbiddenPaths: ['**/_*', '**/_*/**'],
    exceptions: [],
    rules: { ...defaultRuleSettings },
    limits: { manifestBytes: 1024 * 1024, fileBytes: 100 * 1024 * 1024, filesPerVersion: 20_000 },
    release: { allowOverwrite: false },
  };
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

export function titlePrefixFor(policy: Policy, branch: string): string {
  // split/join, not replaceAll: a `$` in a branch name must not act as a replacement pattern.
  return policy.titlePrefix.split('{branch}').join(branch);
}
