// `package-storage index`: what a channel's registry serves after precedence, filtered like its search, read from
// the local clone's channel branches.
import { UsageError } from '../core/errors.js';
import { channelByName, servedChannels } from '../core/policy.js';
import { parseKibanaVersion } from '../core/served-index.js';
import { localBranchTips } from '../git/local.js';
import { StorageReader } from '../git/storage.js';
import { readServedIndex, type ServedListing } from '../publish-image/served.js';
import { safeLine } from '../runner/sanitize.js';
import { parse, required } from './args.js';
import type { CliIO } from './io.js';
import { openLocalRepo } from './repo.js';

export const indexUsage = `usage: package-storage index --repo DIR --channel CH [--kibana VERSION] [--all] [--stable-only]
                            [--config FILE] [--json]

Lists what the registry of channel CH serves: the packages of CH and of every more stable channel at their branch
tips, the first copy of each name and version in package_paths order (most stable channel first), the newest
version of each package unless --all. Prerelease, major-0 and experimental versions are listed (as the registry's
search shows them with prerelease=true) unless --stable-only.
  --repo DIR          the storage repository (default: .)
  --channel CH        the channel whose registry to list
  --kibana VERSION    only packages whose conditions.kibana.version range matches this Kibana (8.4.0,
                      8.4.0-SNAPSHOT: a prerelease matches only ranges that have a prerelease, as in the registry)
  --all               every served version, not only the newest of each package
  --stable-only       hide what the registry's search hides without prerelease=true
  --config FILE       policy file (default: .github/package-storage.yml on the default branch)
  --json              print {"channel", "packages": [{"name", "version", "channel", "content", "kibana",
                      "release"}], "skipped": [{"name", "version", "channel", "reason"}]}
Exit: 0 done, 2 usage (unknown channel, a missing branch, an invalid Kibana version), 3 git failure.`;

function table(listing: ServedListing): string[] {
  const rows = listing.packages.map((p) => [p.name, p.version, p.channel, p.release, p.kibana ?? '*']);
  const header = ['name', 'version', 'from', 'release', 'kibana'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map((r) => safeLine(line(r)))];
}

export async function indexCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('index', argv, {
    repo: { type: 'string', default: '.' },
    channel: { type: 'string' },
    kibana: { type: 'string' },
    all: { type: 'boolean', default: false },
    'stable-only': { type: 'boolean', default: false },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  required('index', values, 'channel');
  let kibana: string | undefined;
  if (values.kibana !== undefined) {
    kibana = parseKibanaVersion(values.kibana);
    if (kibana === undefined)
      throw new UsageError(
        `--kibana ${JSON.stringify(safeLine(values.kibana.slice(0, 60)))} is not a Kibana version: give X.Y.Z, e.g. 8.4.0 or 8.4.0-SNAPSHOT`,
      );
  }
  const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
  const channel = channelByName(policy, values.channel!);
  if (!channel)
    throw new UsageError(
      `unknown channel "${safeLine(values.channel!)}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`,
    );
  const served = servedChannels(policy, channel);
  const tips = await localBranchTips(
    repoDir,
    served.map((c) => c.branch),
  );
  if (!tips.get(channel.branch))
    throw new UsageError(
      `the ${channel.name} branch (${channel.branch}) is not in ${repoDir}, locally or as origin/${channel.branch}: fetch it`,
    );
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  try {
    const listing = await readServedIndex({
      reader,
      repoDir,
      policy,
      channel,
      commits: Object.fromEntries(served.map((c) => [c.name, tips.get(c.branch)])),
      options: {
        ...(kibana !== undefined ? { kibana } : {}),
        all: values.all ?? false,
        stableOnly: values['stable-only'] ?? false,
      },
    });
    if (values.json) io.out(JSON.stringify(listing));
    else {
      for (const line of table(listing)) io.out(line);
      const commits = served
        .filter((c) => tips.get(c.branch))
        .map((c) => `${c.name} ${tips.get(c.branch)!.slice(0, 12)}`);
      io.err(
        `${listing.packages.length} package versions served by ${channel.name} (${commits.join(', ')})${listing.skipped.length ? `; ${listing.skipped.length} directories not served:` : ''}`,
      );
      for (const s of listing.skipped)
        io.err(`  ${safeLine(`${s.channel}: ${s.name}/${s.version}: ${s.reason}`)}`);
    }
    return 0;
  } finally {
    reader.close();
  }
}
