// Turns findings into what a maintainer sees on GitHub: one annotation per finding (on the file and line),
// a job summary table, and outputs. Every untrusted string goes through the sanitizer first.
import * as core from '@actions/core';
import type { Finding } from '../core/finding.js';
import type { VersionVerdict } from '../core/validate.js';
import { safeLine, summaryText } from './sanitize.js';

export function annotate(findings: readonly Finding[]): void {
  for (const f of findings) {
    const what = f.package ? `${f.package}${f.version ? `@${f.version}` : ''}` : '';
    const properties: core.AnnotationProperties = {
      title: safeLine(`${f.rule}${what ? `: ${what}` : ''}`),
      ...(f.path ? { file: safeLine(f.path) } : {}),
      ...(f.line ? { startLine: f.line } : {}),
    };
    const message = safeLine(`[${f.rule}] ${f.message}`);
    if (f.severity === 'error') core.error(message, properties);
    else if (f.severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

const verdictIcon: Record<VersionVerdict['verdict'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warning: '⚠️ warning',
  exception: '🟡 exception',
};

export function summaryTable(changes: readonly VersionVerdict[], findings: readonly Finding[]): string[][] {
  const rows: string[][] = [['Package', 'Version', 'Change', 'Rule', 'Verdict']];
  for (const c of changes)
    rows.push([
      summaryText(c.name),
      summaryText(c.version),
      c.kind,
      c.rules.length ? c.rules.join(', ') : '—',
      verdictIcon[c.verdict],
    ]);
  // Findings not tied to a version change (title, misplaced paths) get their own rows.
  for (const f of findings.filter(
    (x) => !changes.some((c) => c.name === x.package && c.version === x.version),
  ))
    rows.push([
      summaryText(f.package ?? '—'),
      summaryText(f.version ?? '—'),
      f.path ? `path ${summaryText(f.path)}` : '—',
      f.rule,
      f.severity === 'error'
        ? verdictIcon.fail
        : f.severity === 'warning'
          ? verdictIcon.warning
          : 'ℹ️ notice',
    ]);
  return rows;
}
