// `package-storage audit`: what the check would say on a repository before it is turned on: the state across the
// channels, or (`--history`) a replay of a channel's first-parent history, commit by commit.
import { UsageError } from '../core/errors.js';
import { findingJson } from '../core/finding.js';
import {
  channelByBranch,
  channelByName,
  type ChannelPolicy,
  type Policy,
  type RuleId,
} from '../core/policy.js';
import { rfc3339 } from '../core/time.js';
import { localBranchTips } from '../git/local.js';
import { safeLine } from '../runner/sanitize.js';
import { auditState, type StateAudit } from '../validate/audit.js';
import { replayHistory, type HistoryReport } from '../validate/history.js';
import { parse } from './args.js';
import type { CliIO } from './io.js';
import { openLocalRepo } from './repo.js';

export const auditUsage = `usage: package-storage audit --repo DIR [--history REV..REV --channel C] [--titles] [--config FILE] [--json]

What the validate check would say on this repository, before it is turned on.
Without --history: the state across the channels: the same version with different content in two channels,
versions identical to a more stable copy (pending cleanups), markers on the wrong channel, legacy layouts,
versions the registry would refuse, registry-version drift between channels.
With --history: each first-parent commit of channel C in the range, checked as a PR into C (its first parent
before it), the other channels at their first-parent tips as of that commit's date; a table of verdicts by rule.
  --repo DIR       the storage repository (default: .)
  --history RANGE  a commit range on the channel, e.g. production~650..production, or ..production for all
  --channel C      the channel (name or branch) whose history is replayed (with --history)
  --titles         also check each commit's subject against the title prefix (squash merges keep PR titles)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch, else built-in defaults)
  --json           print the report as JSON
Exit: 0 report printed, 2 usage or configuration error, 3 git failure.`;

async function channelTips(repoDir: string, policy: Policy): Promise<Map<string, string | undefined>> {
  const byBranch = await localBranchTips(
    repoDir,
    policy.channels.map((c) => c.branch),
  );
  return new Map(policy.channels.map((c) => [c.name, byBranch.get(c.branch)]));
}

function printState(io: CliIO, audit: StateAudit): void {
  io.out('channels:');
  for (const c of audit.channels)
    io.out(
      `  ${c.channel.padEnd(12)} ${c.tip ? c.tip.slice(0, 12) : '(no branch)'}  ${String(c.versions).padStart(6)} versions  registry ${c.registry ?? '(none)'}`,
    );
  const section = (title: string, lines: string[]): void => {
    io.out(`${title}: ${lines.length}`);
    for (const line of lines.slice(0, 50)) io.out(`  ${safeLine(line)}`);
    if (lines.length > 50) io.out(`  … and ${lines.length - 50} more (--json lists all)`);
  };
  section(
    'same version, different content',
    audit.conflicts.map(
      (c) =>
        `${c.name}@${c.version}: ${c.copies.map((x) => `${x.channel} ${x.tree.slice(0, 12)}`).join(', ')} (${c.served} is served)`,
    ),
  );
  section(
    'pending cleanups (identical in a more stable channel)',
    audit.pendingCleanups.map(
      (p) =>
        `${p.channel} ${p.name}@${p.version} (in ${p.identicalIn}${p.modesDiffer ? ', file modes differ' : ''})`,
    ),
  );
  section(
    'markers on the wrong channel',
    audit.misplacedMarkers.map(
      (m) => `${m.channel} ${m.name}@${m.version} (marker of ${m.markerOf.join(', ')})`,
    ),
  );
  section(
    'legacy layouts',
    audit.legacy.map(
      (l) =>
        `${l.channel} ${l.version ? `${l.name}/${l.version} (not semver)` : `${l.name} (flat <name>-<version>/)`}`,
    ),
  );
  section(
    'versions the registry would refuse',
    audit.refused.map(
      (f) => `${f.channel} ${f.package ?? ''}${f.version ? `@${f.version}` : ''} [${f.rule}] ${f.message}`,
    ),
  );
  io.out(
    audit.drift
      ? `registry versions differ between channels: ${audit.channels.map((c) => `${c.channel} ${c.registry ?? '(none)'}`).join(', ')}`
      : 'registry versions: the same on every channel',
  );
}

function printHistory(io: CliIO, report: HistoryReport): void {
  const failed = report.commits.filter((c) => c.verdict === 'fail');
  const warned = report.commits.filter((c) => c.verdict === 'warning');
  io.out(
    `${report.channel} ${report.range}: ${report.commits.length} commits, ${failed.length} would fail, ${warned.length} with warnings, ${report.commits.length - failed.length - warned.length} pass`,
  );
  io.out('rule                 commits failing  with warnings');
  for (const [rule, n] of Object.entries(report.byRule).sort(([a], [b]) => a.localeCompare(b)))
    io.out(`  ${rule.padEnd(20)} ${String(n.errors).padStart(15)}  ${String(n.warnings).padStart(13)}`);
  for (const c of failed)
    io.out(
      `fail ${c.sha.slice(0, 12)} ${rfc3339(c.time).slice(0, 10)} [${c.errors.join(', ')}] ${safeLine(c.subject).slice(0, 100)}`,
    );
}

export async function auditCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('audit', argv, {
    repo: { type: 'string', default: '.' },
    history: { type: 'string' },
    channel: { type: 'string' },
    titles: { type: 'boolean', default: false },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const { repoDir, policy, source } = await openLocalRepo(values.repo, values.config);
  const tips = await channelTips(repoDir, policy);
  if (values.history === undefined) {
    if (values.channel !== undefined)
      throw new UsageError('--channel goes with --history (see: package-storage audit --help)');
    const audit = await auditState(repoDir, policy, tips);
    if (values.json)
      io.out(
        JSON.stringify({
          policy: source,
          ...audit,
          refused: audit.refused.map((f) => ({ channel: f.channel, ...findingJson(f) })),
        }),
      );
    else {
      io.out(`policy: ${safeLine(source)}`);
      printState(io, audit);
    }
    return 0;
  }
  if (!values.channel) throw new UsageError('--history needs --channel (see: package-storage audit --help)');
  const channel: ChannelPolicy | undefined =
    channelByName(policy, values.channel) ?? channelByBranch(policy, values.channel);
  if (!channel)
    throw new UsageError(
      `${values.channel} is not a channel (channels: ${policy.channels.map((c) => `${c.name} on ${c.branch}`).join(', ')})`,
    );
  if (!/^[^\s]*\.\.[^\s.][^\s]*$/.test(values.history))
    throw new UsageError(
      `--history ${values.history}: give a range REV..REV (or ..REV for the whole history)`,
    );
  const report = await replayHistory({
    repoDir,
    policy,
    channel,
    range: values.history,
    tips,
    titles: values.titles ?? false,
  });
  if (values.json)
    io.out(
      JSON.stringify({
        policy: source,
        channel: report.channel,
        range: report.range,
        commits: report.commits.map((c) => ({
          sha: c.sha,
          date: rfc3339(c.time),
          subject: c.subject,
          verdict: c.verdict,
          errors: c.errors,
          warnings: c.warnings,
          versions: c.versions,
          findings: c.findings.map(findingJson),
        })),
        byRule: report.byRule as Partial<Record<RuleId, { errors: number; warnings: number }>>,
      }),
    );
  else {
    io.out(`policy: ${safeLine(source)}`);
    printHistory(io, report);
  }
  return 0;
}
