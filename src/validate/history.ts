// What validate would have said on a channel's history: each first-parent commit of the channel in a range,
// checked as a PR into the channel (its first parent before, the commit after), with the other channels at their
// first-parent tips as of that commit's date. One process and one object reader for the whole replay.
import { failed, type Finding } from '../core/finding.js';
import type { ChannelPolicy, Policy, RuleId } from '../core/policy.js';
import { emptyTreeId, gitRaw } from '../git/git.js';
import { StorageReader } from '../git/storage.js';
import { evaluate } from './engine.js';

export interface HistoryCommit {
  sha: string;
  /** Committer date, Unix seconds. */
  time: number;
  subject: string;
  verdict: 'pass' | 'warning' | 'fail';
  /** Rules with an error finding. */
  errors: RuleId[];
  /** Rules with a warning finding. */
  warnings: RuleId[];
  findings: Finding[];
  /** How many package versions the commit changed. */
  versions: number;
}

export interface HistoryReport {
  channel: string;
  range: string;
  commits: HistoryCommit[];
  /** Per rule: commits with an error of that rule, commits with a warning of it. */
  byRule: Partial<Record<RuleId, { errors: number; warnings: number }>>;
}

interface Listed {
  sha: string;
  time: number;
  subject: string;
  parent?: string;
}

/** First-parent commits of `range` (`A..B`, or `..B` for the whole history), oldest first. */
export async function firstParentCommits(repoDir: string, range: string): Promise<Listed[]> {
  const spec = range.startsWith('..') ? range.slice(2) : range;
  const result = await gitRaw(
    ['rev-list', '--first-parent', '--reverse', '--format=%H%x00%P%x00%ct%x00%s', '--end-of-options', spec],
    { cwd: repoDir },
  );
  const listed: Listed[] = [];
  for (const line of result.stdout.toString('utf8').split('\n')) {
    if (line.startsWith('commit ') || line === '') continue;
    const [sha, parents, time, subject] = line.split('\0');
    const parent = parents?.split(' ').find((p) => p.length > 0);
    listed.push({ sha: sha!, time: Number(time), subject: subject ?? '', ...(parent ? { parent } : {}) });
  }
  return listed;
}

/** A branch's first-parent tips by date: the latest commit at or before a time. */
export class TipsByDate {
  private constructor(private readonly commits: Listed[]) {}

  static async of(repoDir: string, tip: string | undefined): Promise<TipsByDate> {
    return new TipsByDate(tip ? await firstParentCommits(repoDir, `..${tip}`) : []);
  }

  /** The most recent first-parent commit dated at or before `time` (undefined: the branch did not exist yet). */
  at(time: number): string | undefined {
    for (let i = this.commits.length - 1; i >= 0; i--)
      if (this.commits[i]!.time <= time) return this.commits[i]!.sha;
    return undefined;
  }
}

export interface HistoryRequest {
  repoDir: string;
  policy: Policy;
  channel: ChannelPolicy;
  range: string;
  /** Tips of the other channels now (their history is walked back from here), by channel name. */
  tips: ReadonlyMap<string, string | undefined>;
  /** Check each commit's subject against the title prefix (a squash merge keeps the PR title). */
  titles?: boolean;
  /** Called after each commit (progress). */
  onCommit?: (commit: HistoryCommit, index: number, total: number) => void;
}

export async function replayHistory(request: HistoryRequest): Promise<HistoryReport> {
  const { repoDir, policy, channel } = request;
  const commits = await firstParentCommits(repoDir, request.range);
  const others = policy.channels.filter((c) => c !== channel);
  const tipsByDate = new Map(
    await Promise.all(
      others.map(async (c) => [c.name, await TipsByDate.of(repoDir, request.tips.get(c.name))] as const),
    ),
  );
  const reader = new StorageReader(repoDir, policy.packagesRoot);
  const report: HistoryReport = { channel: channel.name, range: request.range, commits: [], byRule: {} };
  try {
    for (const [index, commit] of commits.entries()) {
      const channelTips = new Map(others.map((c) => [c.name, tipsByDate.get(c.name)!.at(commit.time)]));
      const outcome = await evaluate({
        repoDir,
        policy,
        channel,
        before: commit.parent ?? emptyTreeId,
        after: commit.sha,
        channelTips,
        reader,
        ...(request.titles ? { title: commit.subject } : {}),
      });
      const errors = [
        ...new Set(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.rule)),
      ].sort();
      const warnings = [
        ...new Set(outcome.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)),
      ];
      const verdict = failed(outcome.findings) ? 'fail' : warnings.length ? 'warning' : 'pass';
      const entry: HistoryCommit = {
        sha: commit.sha,
        time: commit.time,
        subject: commit.subject,
        verdict,
        errors,
        warnings,
        findings: outcome.findings,
        versions: outcome.changes.length,
      };
      for (const rule of errors) (report.byRule[rule] ??= { errors: 0, warnings: 0 }).errors++;
      for (const rule of warnings) (report.byRule[rule] ??= { errors: 0, warnings: 0 }).warnings++;
      report.commits.push(entry);
      request.onCommit?.(entry, index, commits.length);
    }
  } finally {
    reader.close();
  }
  return report;
}
