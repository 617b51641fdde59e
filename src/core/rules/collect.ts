// Findings are one per version and rule: every file or problem a rule reports is an item, and items of the same
// version, rule, severity and exception become one finding with a count and the first few paths. Memory stays
// bounded by the number of groups, not by the number of files a change touches.
import type { ExceptionGrant, Finding, FindingDetail, Severity } from '../finding.js';

/**
 * One thing a rule reports: a finding's own fields, before grouping. `message` says what is wrong without the path
 * (the path is shown beside it); `standalone`: the message is complete as it is (it names what it is about), never
 * prefixed with the path.
 */
export type Item = Pick<
  Finding,
  'rule' | 'severity' | 'message' | 'package' | 'version' | 'path' | 'line' | 'exception'
> & {
  standalone?: boolean;
};

/** Paths listed per finding; the count says how many there were. */
export const listedPaths = 5;
const listedDetails = 10;

interface Group {
  first: Item;
  count: number;
  paths: string[];
  details: FindingDetail[];
  /** Per distinct message: how many items and their first paths. */
  messages: Map<string, { count: number; paths: string[]; line?: number }>;
}

export const quote = (text: string, max = 120): string =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

const severityRank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

const exceptionKey = (e: ExceptionGrant | undefined): string =>
  e ? `${e.source}:${e.via ?? ''}:${e.by ?? ''}:${e.rule}` : '';

export class FindingCollector {
  private readonly groups = new Map<string, Group>();

  add(item: Item): void {
    const key = [
      item.package ?? '',
      item.version ?? '',
      item.rule,
      item.severity,
      exceptionKey(item.exception),
    ].join('\0');
    let group = this.groups.get(key);
    if (!group)
      this.groups.set(key, (group = { first: item, count: 0, paths: [], details: [], messages: new Map() }));
    group.count++;
    if (item.path !== undefined && group.paths.length < listedPaths && !group.paths.includes(item.path))
      group.paths.push(item.path);
    if (group.details.length < listedDetails)
      group.details.push({
        message: item.message,
        ...(item.path !== undefined ? { path: item.path } : {}),
        ...(item.line !== undefined ? { line: item.line } : {}),
      });
    let byMessage = group.messages.get(item.message);
    if (!byMessage)
      group.messages.set(
        item.message,
        (byMessage = { count: 0, paths: [], ...(item.line !== undefined ? { line: item.line } : {}) }),
      );
    byMessage.count++;
    if (item.path !== undefined && byMessage.paths.length < 3) byMessage.paths.push(item.path);
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    for (const g of this.groups.values()) {
      const f = g.first;
      const finding: Finding = {
        rule: f.rule,
        severity: f.severity,
        message: g.count === 1 ? single(f) : combined(g),
        ...(f.package !== undefined ? { package: f.package } : {}),
        ...(f.version !== undefined ? { version: f.version } : {}),
        ...(f.path !== undefined ? { path: f.path } : {}),
        ...(f.line !== undefined ? { line: f.line } : {}),
        ...(f.exception ? { exception: f.exception } : {}),
      };
      if (g.count > 1) {
        finding.count = g.count;
        if (g.paths.length > 0) finding.paths = g.paths;
        finding.details = g.details;
      }
      out.push(finding);
    }
    return out.sort(
      (a, b) =>
        (a.package ?? '').localeCompare(b.package ?? '') ||
        (a.version ?? '').localeCompare(b.version ?? '') ||
        a.rule.localeCompare(b.rule) ||
        (a.path ?? '').localeCompare(b.path ?? '') ||
        severityRank[a.severity] - severityRank[b.severity] ||
        a.message.localeCompare(b.message),
    );
  }
}

function single(item: Item): string {
  return item.path !== undefined && !item.standalone ? `${quote(item.path)}: ${item.message}` : item.message;
}

function combined(g: Group): string {
  const what = g.first.package
    ? `${g.first.package}${g.first.version ? `@${g.first.version}` : ''}`
    : 'the change';
  const onePath = g.paths.length <= 1;
  const parts: string[] = [];
  for (const [message, m] of g.messages) {
    if (parts.length === 4) {
      parts.push(`and ${g.messages.size - 4} more`);
      break;
    }
    const line = m.line !== undefined ? ` (line ${m.line})` : '';
    if (onePath || g.first.standalone) parts.push(`${message}${m.count > 1 ? ` (${m.count} times)` : line}`);
    else if (m.count === 1 && m.paths.length === 1) parts.push(`${quote(m.paths[0]!)}: ${message}`);
    else
      parts.push(
        `${message} (${m.count} paths: ${m.paths.map((p) => quote(p)).join(', ')}${m.count > m.paths.length ? ', …' : ''})`,
      );
  }
  const where = onePath && g.paths[0] !== undefined ? ` (${quote(g.paths[0])})` : '';
  return `${g.count} ${g.first.rule} problems in ${what}${where}: ${parts.join('; ')}`;
}
