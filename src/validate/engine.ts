// Gathers what the policy core needs from git and runs it. Shared by the action and the CLI; callers decide
// which commits are "before", "after" and the other channels' tips (fetching them in CI, resolving them locally).
import { versionChanges, type ChangedPath, type Holdings, type VersionContent } from '../core/change.js';
import { versionKey } from '../core/paths.js';
import type { ChannelPolicy, Policy } from '../core/policy.js';
import { touchedNames, validateChange, type ValidationResult } from '../core/validate.js';
import { StorageReader } from '../git/storage.js';

export interface ValidateRequest {
  repoDir: string;
  policy: Policy;
  channel: ChannelPolicy;
  /** Commit (or tree) of the channel before the change. */
  before: string;
  /** Commit of the channel after the change (a PR's merge commit, a push's `after`). */
  after: string;
  /** Tips of the other channels by channel name; undefined = the branch does not exist. */
  channelTips: ReadonlyMap<string, string | undefined>;
  title?: string;
  headBranch?: string;
  exceptionApproved: boolean;
  exceptionApprovedBy?: string;
}

export interface ValidateOutcome extends ValidationResult {
  paths: ChangedPath[];
}

export async function evaluate(request: ValidateRequest): Promise<ValidateOutcome> {
  const { policy, channel } = request;
  const reader = new StorageReader(request.repoDir, policy.packagesRoot);
  try {
    const paths = await reader.diff(request.before, request.after);
    await reader.addSizes(paths);
    const names = touchedNames(policy, paths);

    const holdings = new Map<string, Holdings>();
    await Promise.all(
      policy.channels.map(async (c) => {
        const rev = c.name === channel.name ? request.before : request.channelTips.get(c.name);
        holdings.set(c.name, await reader.holdings(rev, names));
      }),
    );
    const after = await reader.holdings(request.after, names);
    const malformed = await reader.malformedEntries(request.after, names);

    const content = new Map<string, VersionContent>();
    const limits = {
      manifestBytes: policy.limits.manifestBytes,
      filesPerVersion: policy.limits.filesPerVersion,
    };
    await Promise.all(
      versionChanges(names, holdings.get(channel.name) ?? new Map<string, Map<string, string>>(), after)
        .filter((c) => c.after !== undefined)
        .map(async (c) =>
          content.set(versionKey(c.name, c.version), await reader.versionContent(c.after!, limits)),
        ),
    );

    const result = validateChange({
      policy,
      channel,
      ...(request.title !== undefined ? { title: request.title } : {}),
      ...(request.headBranch !== undefined ? { headBranch: request.headBranch } : {}),
      exceptionApproved: request.exceptionApproved,
      ...(request.exceptionApprovedBy !== undefined
        ? { exceptionApprovedBy: request.exceptionApprovedBy }
        : {}),
      paths,
      holdings,
      after,
      content,
      malformed,
    });
    return { ...result, paths };
  } finally {
    reader.close();
  }
}
