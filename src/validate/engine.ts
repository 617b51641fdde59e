// Gathers what the policy core needs from git and runs it. Shared by the action, the CLI, promote and audit;
// callers decide which commits are "before", "after" and the other channels' tips (fetching them in CI, resolving
// them locally). Memory is bounded by the change: the diff streams through the path rules in batches, version
// contents are read a few at a time and reduced to what the rules need, nothing keeps a file list.
import {
  versionChanges,
  type ChangedPath,
  type Holdings,
  type TreeId,
  type VersionChange,
  type VersionContent,
} from '../core/change.js';
import { checkManifest } from '../core/manifest.js';
import { mapLimit } from '../core/map-limit.js';
import { versionKey } from '../core/paths.js';
import type { ChannelPolicy, Policy } from '../core/policy.js';
import { registryVersionFromDockerfile } from '../core/image-plan.js';
import {
  flatNames,
  PathScan,
  validateChange,
  type Approval,
  type RegistryVersions,
  type ValidationResult,
} from '../core/validate.js';
import { precedenceKey } from '../core/version.js';
import { StorageReader } from '../git/storage.js';

export interface ValidateRequest {
  repoDir: string;
  policy: Policy;
  channel: ChannelPolicy;
  /** Commit (or the empty tree) of the channel before the change. */
  before: string;
  /** Commit or tree of the channel after the change (a PR merged into its base, a push's `after`). */
  after: string;
  /** Tips of the other channels by channel name; undefined = the branch does not exist. */
  channelTips: ReadonlyMap<string, string | undefined>;
  title?: string;
  headBranch?: string;
  /** An approved exception for the change (bound to its head commit by the caller). */
  approval?: Approval;
  /** A reader to share (audit replays one across every commit); by default the engine opens and closes its own. */
  reader?: StorageReader;
  /** Also return what a report needs beyond the findings (`facts`): the action's summary asks for it. */
  describe?: boolean;
}

/** What the report says beyond the findings: what the channels hold, and the Kibana range of each copy. */
export interface ChangeFacts {
  /** Each channel's versions of the touched names; the checked channel's as before the change. */
  holdings: ReadonlyMap<string, Holdings>;
  /** The checked channel's versions of the touched names after the change. */
  after: Holdings;
  /** Content identities of the trees compared (policy `identity: content`). */
  identities: ReadonlyMap<TreeId, string>;
  /** Changed paths outside any version directory (a change with any is not exactly a promotion). */
  pathsOutsideVersions: number;
  /** `conditions.kibana.version` of each copy of a changed version, in any channel, by tree id. */
  kibana: ReadonlyMap<TreeId, string>;
}

export interface ValidateOutcome extends ValidationResult {
  /** How many paths the change touches. */
  pathCount: number;
  /** Set when the request asked for it (`describe`). */
  facts?: ChangeFacts;
}

/** Paths sized per batch while the diff streams. */
const pathBatch = 512;
/** Versions read at once. */
const contentConcurrency = 8;

/** Streams the diff through the path rules; only a batch of paths is alive at a time. */
async function scanChange(
  reader: StorageReader,
  scan: PathScan,
  before: string,
  after: string,
): Promise<number> {
  let count = 0;
  let batch: ChangedPath[] = [];
  const flush = async (): Promise<void> => {
    await reader.addSizes(batch);
    for (const p of batch) scan.add(p);
    batch = [];
  };
  for await (const p of reader.changes(before, after)) {
    count++;
    batch.push(p);
    if (batch.length >= pathBatch) await flush();
  }
  await flush();
  return count;
}

/** The Kibana range of each copy of a changed version (for "what users will see"); the manifests are small. */
async function kibanaRanges(
  reader: StorageReader,
  changes: readonly VersionChange[],
  holdings: ReadonlyMap<string, Holdings>,
  after: Holdings,
  content: ReadonlyMap<string, VersionContent>,
  manifestBytes: number,
): Promise<Map<TreeId, string>> {
  const ranges = new Map<TreeId, string>();
  const rangeOf = (text: string, name: string, version: string): string | undefined =>
    checkManifest(text, { name, version }, { hasReadme: true }).fields.kibanaRange;
  const wanted = new Map<TreeId, { name: string; version: string }>();
  for (const c of changes) {
    const text = content.get(versionKey(c.name, c.version))?.manifest?.text;
    const range = c.after && text !== undefined ? rangeOf(text, c.name, c.version) : undefined;
    if (c.after && range !== undefined) ranges.set(c.after, range);
    for (const h of [...holdings.values(), after]) {
      const tree = h.get(c.name)?.get(c.version);
      if (tree !== undefined && tree !== c.after) wanted.set(tree, { name: c.name, version: c.version });
    }
  }
  await mapLimit([...wanted], contentConcurrency, async ([tree, v]) => {
    const entry = await reader.objects.lookup(tree, 'manifest.yml');
    if (entry?.type !== 'blob') return;
    const size = (await reader.objects.info(entry.oid))?.size ?? 0;
    if (size > manifestBytes) return;
    const text = (await reader.objects.read(entry.oid))?.content.toString('utf8');
    const range = text === undefined ? undefined : rangeOf(text, v.name, v.version);
    if (range !== undefined) ranges.set(tree, range);
  });
  return ranges;
}

/**
 * Trees whose content identity the rules compare: for each changed version, its trees before and after, every
 * channel's copy and the copies of the versions equal to it by semver precedence. Only where two differ.
 */
function treesToCompare(
  changes: readonly VersionChange[],
  holdings: ReadonlyMap<string, Holdings>,
  after: Holdings,
): Set<string> {
  const wanted = new Set<string>();
  for (const change of changes) {
    const trees = new Set<string>();
    if (change.before) trees.add(change.before);
    if (change.after) trees.add(change.after);
    const key = precedenceKey(change.version);
    for (const h of [...holdings.values(), after])
      for (const [version, tree] of h.get(change.name) ?? [])
        if (version === change.version || (key !== undefined && precedenceKey(version) === key))
          trees.add(tree);
    if (trees.size > 1) for (const t of trees) wanted.add(t);
  }
  return wanted;
}

async function registryVersions(
  reader: StorageReader,
  policy: Policy,
  channel: ChannelPolicy,
  request: ValidateRequest,
): Promise<RegistryVersions> {
  const pinned = async (rev: string | undefined): Promise<string | undefined> =>
    rev === undefined ? undefined : registryVersionFromDockerfile(await reader.readFile(rev, 'Dockerfile'));
  const [before, after] = await Promise.all([pinned(request.before), pinned(request.after)]);
  const others = await Promise.all(
    policy.channels
      .filter((c) => c !== channel)
      .map(async (c) => {
        const version = await pinned(request.channelTips.get(c.name));
        return { channel: c.name, ...(version !== undefined ? { version } : {}) };
      }),
  );
  return {
    changed: true,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    others,
  };
}

export async function evaluate(request: ValidateRequest): Promise<ValidateOutcome> {
  const { policy, channel } = request;
  const reader = request.reader ?? new StorageReader(request.repoDir, policy.packagesRoot);
  try {
    const names = await reader.changedNames(request.before, request.after);
    const holdings = new Map<string, Holdings>();
    await Promise.all(
      policy.channels.map(async (c) => {
        const rev = c.name === channel.name ? request.before : request.channelTips.get(c.name);
        holdings.set(c.name, await reader.holdings(rev, names));
      }),
    );
    const after = await reader.holdings(request.after, names);
    const before = holdings.get(channel.name) ?? new Map<string, Map<string, string>>();

    const scan = new PathScan(policy, channel, flatNames(before, after));
    const limits = {
      manifestBytes: policy.limits.manifestBytes,
      filesPerVersion: policy.limits.filesPerVersion,
    };
    const changes = versionChanges(names, before, after);
    const content = new Map<string, VersionContent>();
    const identities = new Map<string, string>();
    const added = changes.filter((c) => c.after !== undefined);
    const addedTrees = new Set(added.map((c) => c.after!));
    const compared =
      policy.identity === 'content' ? treesToCompare(changes, holdings, after) : new Set<string>();
    // The stages below read different trees and need nothing from each other: side by side, their reads share
    // the batch process's round trips instead of waiting for each other's.
    const [pathCount, malformed] = await Promise.all([
      scanChange(reader, scan, request.before, request.after),
      reader.malformedEntries(request.after, names),
      mapLimit(added, contentConcurrency, async (c) =>
        content.set(versionKey(c.name, c.version), await reader.versionContent(c.after!, limits)),
      ),
      // A changed version's own tree gets its identity from its content (read above), the others here.
      mapLimit(
        [...compared].filter((t) => !addedTrees.has(t)),
        contentConcurrency,
        async (tree) => {
          const id = await reader.contentIdentity(tree, limits.filesPerVersion);
          if (id !== undefined) identities.set(tree, id);
        },
      ),
    ]);
    for (const c of added) {
      const id = content.get(versionKey(c.name, c.version))?.identity;
      if (id !== undefined && compared.has(c.after!)) identities.set(c.after!, id);
    }

    const result = validateChange({
      policy,
      channel,
      ...(request.title !== undefined ? { title: request.title } : {}),
      ...(request.headBranch !== undefined ? { headBranch: request.headBranch } : {}),
      ...(request.approval ? { approval: request.approval } : {}),
      paths: scan,
      holdings,
      after,
      content,
      identities,
      malformed,
      ...(scan.dockerfile ? { registry: await registryVersions(reader, policy, channel, request) } : {}),
    });
    const facts: ChangeFacts | undefined = request.describe
      ? {
          holdings,
          after,
          identities,
          pathsOutsideVersions: scan.outsideVersions,
          kibana: await kibanaRanges(reader, changes, holdings, after, content, limits.manifestBytes),
        }
      : undefined;
    return { ...result, pathCount, ...(facts ? { facts } : {}) };
  } finally {
    if (!request.reader) reader.close();
  }
}
