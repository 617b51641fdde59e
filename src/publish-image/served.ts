// The served index read from git: every version directory of the channels a distribution serves, at the commits
// it is built from, with its manifest read the way the registry reads it (core/manifest.ts), then the pure
// precedence and search of core/served-index.ts, and the content identity of each listed version. Manifest blobs a
// trees-only clone lacks are fetched in one request; identities come from one `git ls-tree -r` per channel.
import { checkManifest } from '../core/manifest.js';
import { contentIdentity } from '../core/identity.js';
import { servedChannels, type ChannelPolicy, type Policy } from '../core/policy.js';
import {
  servedIndex,
  type IndexCandidate,
  type IndexEntry,
  type IndexOptions,
  type SkippedEntry,
} from '../core/served-index.js';
import type { StorageReader } from '../git/storage.js';
import { prefetchBlobs, versionFiles } from './content.js';

export interface ServedPackageEntry extends Omit<IndexEntry, 'tree'> {
  /** Content identity (core/identity.ts: the blob of every path, modes ignored). */
  content: string;
}

/** What `package-storage index --json` prints and publish-image's `index` output holds (one per channel). */
export interface ServedListing {
  channel: string;
  packages: ServedPackageEntry[];
  skipped: SkippedEntry[];
}

async function candidatesAt(
  reader: StorageReader,
  repoDir: string,
  policy: Policy,
  channel: string,
  commit: string,
): Promise<IndexCandidate[]> {
  const versions = await reader.allVersions(commit);
  const entries = await Promise.all(
    versions.map(async (v) => {
      const top = (await reader.objects.tree(v.tree)) ?? [];
      return { v, manifest: top.find((e) => e.name === 'manifest.yml' && e.type === 'blob') };
    }),
  );
  // Only the manifests: a trees-only clone would otherwise fetch each one lazily, one request per version.
  const manifests = entries.flatMap((e) => (e.manifest ? [e.manifest.oid] : []));
  await prefetchBlobs(
    repoDir,
    entries.filter((e) => e.manifest).map((e) => e.v.tree),
    new Set(manifests),
  );
  return Promise.all(
    entries.map(async ({ v, manifest }): Promise<IndexCandidate> => {
      const base = { channel, name: v.name, version: v.version, tree: v.tree };
      if (v.version === '') return { ...base, manifest: { fields: {} } };
      if (!manifest) return { ...base, manifest: { problem: 'manifest.yml is missing' } };
      const size = (await reader.objects.info(manifest.oid))?.size ?? 0;
      if (size > policy.limits.manifestBytes)
        return {
          ...base,
          manifest: { problem: `manifest.yml is larger than ${policy.limits.manifestBytes} bytes` },
        };
      const text = (await reader.objects.read(manifest.oid))?.content.toString('utf8') ?? '';
      const readme = await reader.objects.lookup(v.tree, 'docs/README.md');
      const report = checkManifest(text, v, { hasReadme: readme?.type === 'blob' });
      const error = report.problems.find((p) => p.level === 'error');
      return { ...base, manifest: error ? { problem: error.message } : { fields: report.fields } };
    }),
  );
}

/**
 * The index of `channel` when its served channels are at `commits` (by channel name; a channel without a commit,
 * i.e. without a branch, contributes nothing).
 */
export async function readServedIndex(o: {
  reader: StorageReader;
  repoDir: string;
  policy: Policy;
  channel: ChannelPolicy;
  commits: Readonly<Record<string, string | undefined>>;
  options?: IndexOptions;
}): Promise<ServedListing> {
  const { reader, repoDir, policy } = o;
  const served = servedChannels(policy, o.channel).filter((c) => o.commits[c.name] !== undefined);
  const candidates = (
    await Promise.all(served.map((c) => candidatesAt(reader, repoDir, policy, c.name, o.commits[c.name]!)))
  ).flat();
  const index = servedIndex(policy, o.channel, candidates, o.options ?? {});
  const identities = new Map<IndexEntry, string>();
  for (const c of served) {
    const listed = index.packages.filter((p) => p.channel === c.name);
    await versionFiles(repoDir, o.commits[c.name]!, policy.packagesRoot, listed, (i, files) => {
      identities.set(listed[i]!, contentIdentity(files));
    });
  }
  return {
    channel: index.channel,
    packages: index.packages.map((p) => ({
      name: p.name,
      version: p.version,
      channel: p.channel,
      content: identities.get(p) ?? '',
      kibana: p.kibana,
      release: p.release,
    })),
    skipped: index.skipped,
  };
}
