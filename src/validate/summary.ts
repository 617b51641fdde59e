// The report a maintainer reads: the verdict in one sentence on top, what to fix (each rule with what to do about
// it), every finding with its full message per package and version, what users would see after the merge, and the
// changed versions. The same Markdown is the job summary, the `report` output, the PR comment and the check run's
// summary, each within its size limit: sections fill a byte budget in order and say what they left out.
import type { Finding } from '../core/finding.js';
import { ruleIds } from '../core/policy.js';
import type { VersionVerdict } from '../core/validate.js';
import { exceptionHow, fixOnly, liftable, promotionAdvice, whatToDo, type AdviceContext } from './advice.js';
import { rankFindings } from './annotations.js';
import type { Checked } from './check.js';
import { clip, code, md, plural } from './markdown.js';
import type { ServedChange } from './served.js';

/** GitHub refuses a step summary over 1 MiB; this leaves room for the runner's own framing. */
export const summaryBudget = 1_000_000;
/** A PR comment body or a check run summary: at most 65,536 characters; bytes are never fewer. */
export const commentBudget = 60_000;
/** One message, at most (a manifest value can be long). */
const messageChars = 2_000;
/** Above this many packages with findings (or findings), each package collapses into `<details>`. */
const collapseAt = { packages: 4, findings: 12 };

export interface RenderOptions {
  budget: number;
  /** The workflow run, where the full job summary is. */
  runUrl?: string;
  /** The check run holding every annotation. */
  checkRunUrl?: string;
  /** A shorter form (comment, check run): no changed-versions table, and a pointer to the full summary. */
  condensed?: boolean;
}

/** Text built up to a byte budget; a list that does not fit says how much of it was left out. */
class Out {
  private readonly parts: string[] = [];
  private used = 0;
  constructor(readonly limit: number) {}
  get left(): number {
    return this.limit - this.used;
  }
  add(text: string): boolean {
    if (text === '') return true;
    const size = Buffer.byteLength(text) + 2;
    if (size > this.left) return false;
    this.parts.push(text);
    this.used += size;
    return true;
  }
  /** Items while they fit, keeping `reserve` bytes for the line saying how many were left out. */
  list(items: readonly string[], omitted: (n: number) => string, reserve = 400): number {
    let shown = 0;
    for (const item of items) {
      if (Buffer.byteLength(item) + 2 > this.left - reserve) break;
      this.add(item);
      shown++;
    }
    if (shown < items.length) this.add(omitted(items.length - shown));
    return shown;
  }
  toString(): string {
    return this.parts.join('\n\n');
  }
}

const icon = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const;
const verdictIcon: Record<VersionVerdict['verdict'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warning: '⚠️ warning',
  exception: '🟡 exception',
};

const label = (name: string, version?: string): string => (version ? `${name}@${version}` : name);

/** What the advice needs of a checked target. */
export function adviceContext(c: Checked): AdviceContext {
  return {
    policy: c.policy,
    channel: c.target.channel,
    kind: c.target.kind,
    ...(c.facts ? { facts: c.facts } : {}),
  };
}

const errorsOf = (c: Checked): Finding[] => c.findings.filter((f) => f.severity === 'error');
const warningsOf = (c: Checked): Finding[] => c.findings.filter((f) => f.severity === 'warning');

function ruleCounts(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || ruleIds.indexOf(a[0] as never) - ruleIds.indexOf(b[0] as never))
    .map(([rule, n]) => `${rule} (${n})`)
    .join(', ');
}

/** The heading and the one-sentence verdict. */
export function verdict(c: Checked): { heading: string; sentence: string; passed: boolean } {
  const errors = errorsOf(c);
  const warnings = warningsOf(c);
  const what = own(c.target.description);
  const versions = c.changes.length;
  const excepted = c.findings.filter((f) => f.exception).length;
  const warned = warnings.length
    ? ` ${plural(warnings.length, 'warning')} to look at: ${ruleCounts(warnings)}.`
    : '';
  if (errors.length > 0) {
    const failing = c.changes.filter((v) => v.verdict === 'fail').length;
    const general = errors.filter((f) => !f.package).length;
    const where =
      versions > 0 && failing > 0
        ? ` in ${failing} of ${plural(versions, 'changed version')}${general ? ' and in the change itself' : ''}`
        : '';
    return {
      passed: false,
      heading: `❌ package-storage policy: ${what} is blocked`,
      sentence: `**${plural(errors.length, 'violation')}${where} must be fixed before this can merge:** ${ruleCounts(errors)}.${warned}`,
    };
  }
  const exceptions = excepted
    ? ` ${plural(excepted, 'finding')} allowed by an approved exception (listed below).`
    : '';
  if (c.exact?.kind === 'promotion')
    return {
      passed: true,
      heading: `✅ package-storage policy: ${what} passes`,
      sentence: `**A pure promotion from ${c.exact.from}, ${plural(versions, 'version')}:** each is an identical copy of the one in ${c.exact.from}, and nothing else changes (promote may auto-merge it).${warned}`,
    };
  if (c.exact?.kind === 'cleanup')
    return {
      passed: true,
      heading: `✅ package-storage policy: ${what} passes`,
      sentence: `**A pure cleanup of ${c.exact.channel}, ${plural(versions, 'version')} removed:** each is served on from a more stable channel with identical content, and nothing else changes (promote may auto-merge it).${warned}`,
    };
  return {
    passed: true,
    heading: `✅ package-storage policy: ${what} passes`,
    sentence:
      versions === 0
        ? `**No package version changes; nothing in the policy objects.**${warned}${exceptions}`
        : `**All ${plural(versions, 'changed version')} pass.**${exceptions}${warned}`,
  };
}

/** Our own text (numbers, channel branches from the policy, commit ids): only HTML's characters need escaping. */
const own = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function context(c: Checked, o: RenderOptions): string {
  const t = c.target;
  const pull = t.pull;
  const where = pull
    ? `PR #${pull.number} (${code(pull.headRef)} → ${code(pull.baseRef)}, head ${code(pull.headSha.slice(0, 7))} merged into ${code(pull.baseSha.slice(0, 7))})`
    : own(t.description);
  const lines = [
    `Checked ${where} with the policy from ${md(c.policySource)}: ${plural(c.changes.length, 'package version')} changed, ${plural(c.pathCount, 'path')}.${o.runUrl ? ` [Workflow run](${o.runUrl})` : ''}`,
  ];
  if (c.missingBranches.length)
    lines.push(
      `Branches not on origin (treated as empty): ${c.missingBranches.map((b) => code(b)).join(', ')}.`,
    );
  for (const note of t.notes) lines.push(`Note: ${md(note)}.`);
  return lines.join('<br>\n');
}

/** Why no exception lifts a violation, in a few words. */
function whyNot(f: Finding, c: Checked): string {
  if (fixOnly.has(f.rule))
    return f.rule === 'merge-conflict' ? 'nothing was checked' : 'the registry would refuse or mis-serve it';
  const ch = c.target.channel;
  if (f.rule === 'overwrite') return `${own(ch.name)} never overwrites a version`;
  if (f.rule === 'removal')
    return `${own(ch.name)} removes versions only ${ch.removal === 'promoted' ? 'after their promotion' : 'never'}`;
  return 'no exception lifts it';
}

/** What the maintainer can do about exceptions: who approved one, why the label approves nothing yet, how to ask. */
function exceptions(c: Checked): string | undefined {
  const ctx = adviceContext(c);
  const { channel } = c.target;
  const lines: string[] = [];
  const errors = errorsOf(c);
  const lift = errors.filter((f) => liftable(f, channel));
  const stuck = errors.filter((f) => !liftable(f, channel));
  for (const s of c.target.exceptions) {
    const pr = c.target.kind === 'pull' ? '' : `PR #${s.pull}: `;
    if (s.approval)
      lines.push(
        `- 🟡 ${pr}exception approved by ${code(`@${s.approval.by}`)} (${s.approval.via === 'review' ? 'an approving review' : `label ${code(c.policy.exceptionLabel)} applied after the last push`}, for head ${code(s.headSha.slice(0, 7))}); what it allows is listed as notices below.`,
      );
    else if (s.requested)
      lines.push(
        `- ⏳ ${pr}**Requested, not approved yet:** ${md(clip(s.note ?? `label "${c.policy.exceptionLabel}" approves nothing yet`, messageChars))}.`,
      );
  }
  if (lift.length > 0) {
    const requested = c.target.exceptions.some((s) => s.requested);
    lines.push(
      `- An exception would lift ${ruleCounts(lift)}${stuck.length ? `, but not ${[...new Set(stuck.map((f) => `${f.rule} (${whyNot(f, c)})`))].join(', ')}` : ''}.${requested ? '' : ` If one is warranted (a backport, a legal removal, a hotfix): ${exceptionHow(ctx, c.target.headSha)}.`}`,
    );
  }
  return lines.length ? `### Exceptions\n\n${lines.join('\n')}` : undefined;
}

/** One line per failing rule: how many versions, which, and what to do about all of them. */
function whatToFix(c: Checked, out: Out): void {
  const ctx = adviceContext(c);
  const ranked = rankFindings(
    c.findings.filter((f) => f.severity !== 'notice'),
    c.target.channel,
  );
  if (ranked.length === 0) return;
  const groups = new Map<string, Finding[]>();
  for (const f of ranked) {
    const key = `${f.severity}\0${f.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const items: string[] = [];
  for (const [key, list] of groups) {
    const [severity, rule] = key.split('\0') as [Finding['severity'], string];
    const versions = list.filter((f) => f.package);
    const names = versions.slice(0, 8).map((f) => code(label(f.package!, f.version)));
    const subject = versions.length
      ? `${plural(versions.length, 'version')}: ${names.join(', ')}${versions.length > names.length ? `, … (${versions.length - names.length} more)` : ''}`
      : md(clip(list[0]!.message, 300));
    const advice =
      rule === 'not-promoted'
        ? promotionAdvice(list, ctx).join('<br>') || whatToDo(list[0]!, ctx, c.target.headSha)
        : whatToDo(list[0]!, ctx, c.target.headSha);
    items.push(
      `- ${icon[severity]} **${rule}** — ${subject}${advice ? `<br>**What to do:** ${advice}` : ''}`,
    );
  }
  out.add(`### What to fix`);
  out.list(items, (n) => `- … and ${plural(n, 'more rule')}: see the findings below.`);
}

/** The items a finding covers, one line per distinct message with the paths (and lines) it is about. */
function detailLines(f: Finding): string[] {
  const byMessage = new Map<string, string[]>();
  for (const d of f.details ?? []) {
    const where = d.path
      ? `${code(clip(d.path, 200))}${d.line ? ` line ${d.line}` : ''}`
      : d.line
        ? `line ${d.line}`
        : '';
    const list = byMessage.get(d.message) ?? [];
    if (where) list.push(where);
    byMessage.set(d.message, list);
  }
  const lines = [...byMessage].map(
    ([message, where]) =>
      `  - ${md(clip(message, messageChars))}${where.length ? `: ${where.join(', ')}` : ''}`,
  );
  const count = f.count ?? 1;
  const listed = f.details?.length ?? 0;
  if (listed > 0 && count > listed)
    lines.push(
      `  - … and ${count - listed} more (${count} in all; the \`findings\` output lists the first ones)`,
    );
  return lines;
}

function findingBlock(f: Finding, ctx: AdviceContext, headSha: string): string {
  const lines = [
    `- ${icon[f.severity]} **${f.rule}**${f.exception ? ' (exception)' : ''}: ${md(clip(f.message, messageChars))}`,
  ];
  if (f.line && !f.details) lines[0] += ` (line ${f.line})`;
  // What to do right under the message: after the item list it would render inside the last item.
  const advice = f.severity === 'notice' ? undefined : whatToDo(f, ctx, headSha);
  if (advice) lines[0] += `<br>**What to do:** ${advice}`;
  lines.push(...detailLines(f));
  return lines.join('\n');
}

/** Every finding, by package and version, with its full message, its items and what to do. */
function findingsByPackage(c: Checked, out: Out): void {
  const ctx = adviceContext(c);
  const ranked = rankFindings(c.findings, c.target.channel);
  if (ranked.length === 0) return;
  const general = ranked.filter((f) => !f.package);
  const byPackage = new Map<string, Finding[]>();
  for (const f of ranked.filter((x) => x.package))
    byPackage.set(f.package!, [...(byPackage.get(f.package!) ?? []), f]);
  const collapse = byPackage.size > collapseAt.packages || ranked.length > collapseAt.findings;
  const changeOf = new Map(c.changes.map((v) => [`${v.name}@${v.version}`, v]));
  out.add(`### Findings`);
  const blocks: string[] = [];
  if (general.length)
    blocks.push(
      [
        `#### The change as a whole`,
        general.map((f) => findingBlock(f, ctx, c.target.headSha)).join('\n'),
      ].join('\n\n'),
    );
  for (const [name, list] of byPackage) {
    const versions = new Map<string, Finding[]>();
    for (const f of list) versions.set(f.version ?? '', [...(versions.get(f.version ?? '') ?? []), f]);
    const parts: string[] = [];
    for (const [version, fs] of versions) {
      const change = changeOf.get(`${name}@${version}`);
      const title = `**${md(label(name, version))}**${change ? ` · ${change.kind} · ${verdictIcon[change.verdict]}` : ''}`;
      parts.push(`${title}\n\n${fs.map((f) => findingBlock(f, ctx, c.target.headSha)).join('\n')}`);
    }
    const errors = list.filter((f) => f.severity === 'error').length;
    const warnings = list.filter((f) => f.severity === 'warning').length;
    const notices = list.length - errors - warnings;
    const counts = [
      errors ? plural(errors, 'violation') : '',
      warnings ? plural(warnings, 'warning') : '',
      notices ? plural(notices, 'notice') : '',
    ]
      .filter(Boolean)
      .join(', ');
    const mark = errors ? '❌' : warnings ? '⚠️' : 'ℹ️';
    const head = `${mark} ${md(name)}: ${plural(versions.size, 'version')}, ${counts}`;
    blocks.push(
      collapse
        ? `<details><summary>${head}</summary>\n\n${parts.join('\n\n')}\n\n</details>`
        : `#### ${head}\n\n${parts.join('\n\n')}`,
    );
  }
  out.list(
    blocks,
    (n) => `… and ${plural(n, 'more package')} with findings: the \`findings\` output lists every finding.`,
  );
}

function servedRows(served: readonly ServedChange[]): string[] {
  const effect = { added: '➕ added', replaced: '🔁 replaced', removed: '➖ removed' } as const;
  return served.map(
    (s) =>
      `| ${md(s.name)} | ${md(s.version)} | ${effect[s.effect]} | ${s.kibana ? code(s.kibana) : 'any'}${s.previousKibana ? ` (was ${code(s.previousKibana)})` : ''} | ${s.registries.map(md).join(', ')} |`,
  );
}

function servedSection(c: Checked, passed: boolean, out: Out): void {
  if (c.changes.length === 0 || c.target.conflict) return;
  const heading = passed ? 'What users will see after merge' : 'What users would see if this merged';
  if (c.served.length === 0) {
    out.add(
      `### ${heading}\n\nNo registry serves anything different: every changed version is served from a more stable channel with the same content.`,
    );
    return;
  }
  const registries = [...new Set(c.served.flatMap((s) => s.registries))];
  out.add(
    `### ${heading}\n\nEach channel's registry serves its own channel and every more stable one (the most stable copy wins). Registries affected: ${registries.map(md).join(', ')}.`,
  );
  const rows = servedRows(c.served);
  const table = [
    '| Package | Version | After merge | Kibana | Registries |',
    '| --- | --- | --- | --- | --- |',
  ];
  const head = table.join('\n');
  // One table; rows while they fit.
  let body = '';
  let shown = 0;
  for (const row of rows) {
    if (Buffer.byteLength(head + body + row) + 600 > out.left) break;
    body += `\n${row}`;
    shown++;
  }
  if (shown > 0) out.add(head + body);
  if (shown < rows.length)
    out.add(
      `… and ${plural(rows.length - shown, 'more version')} (the \`changes\` output lists every change).`,
    );
}

function versionsTable(c: Checked, passed: boolean, out: Out): void {
  if (c.changes.length === 0) return;
  const head = ['| Package | Version | Change | Verdict | Rules |', '| --- | --- | --- | --- | --- |'].join(
    '\n',
  );
  const rows = c.changes.map(
    (v) =>
      `| ${md(v.name)} | ${md(v.version || '(legacy directory)')} | ${v.kind} | ${verdictIcon[v.verdict]} | ${v.rules.length ? v.rules.join(', ') : '—'} |`,
  );
  // On a failure the findings above say what matters; the full list is there to look things up.
  const collapse = rows.length > 15 || !passed;
  const open = collapse
    ? `<details><summary>All ${plural(rows.length, 'changed version')}</summary>\n\n`
    : '';
  const close = collapse ? '\n\n</details>' : '';
  let body = '';
  let shown = 0;
  for (const row of rows) {
    if (Buffer.byteLength(open + head + body + row + close) + 600 > out.left) break;
    body += `\n${row}`;
    shown++;
  }
  out.add(`### Changed versions`);
  const more =
    shown < rows.length
      ? `… and ${plural(rows.length - shown, 'more version')} (the \`changes\` output lists all).`
      : '';
  out.add(shown > 0 ? `${open}${head}${body}${more ? `\n\n${more}` : ''}${close}` : more);
}

/** The report as Markdown (with inline HTML), within `o.budget` bytes. */
export function renderReport(c: Checked, o: RenderOptions): string {
  const out = new Out(o.budget);
  const v = verdict(c);
  out.add(`## ${v.heading}`);
  out.add(v.sentence);
  out.add(context(c, o));
  whatToFix(c, out);
  const exc = exceptions(c);
  if (exc) out.add(exc);
  // The big sections share what is left: findings first, then what users see, then the table.
  // Each later section keeps room to say at least what it left out.
  const trailer = 600;
  const later = o.condensed ? 2 * trailer : 3 * trailer;
  const findings = new Out(Math.max(0, Math.floor((out.left - later) * (o.condensed ? 0.85 : 0.6))));
  findingsByPackage(c, findings);
  out.add(findings.toString());
  const served = new Out(Math.max(0, Math.floor((out.left - later) * (o.condensed ? 0.8 : 0.5))));
  servedSection(c, v.passed, served);
  out.add(served.toString());
  if (!o.condensed) {
    const table = new Out(Math.max(0, out.left - trailer));
    versionsTable(c, v.passed, table);
    out.add(table.toString());
  }
  const pointers = [
    o.checkRunUrl ? `every annotation is on the [check run](${o.checkRunUrl})` : '',
    o.condensed && o.runUrl ? `the full report is the [job summary](${o.runUrl})` : '',
  ].filter(Boolean);
  if (pointers.length) out.add(`<sub>${pointers.join('; ')}.</sub>`);
  return out.toString();
}
