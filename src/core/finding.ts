// A finding is one rule's verdict on one thing a change does.
import type { RuleId } from './policy.js';

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  package?: string;
  version?: string;
  /** Repository-relative path the finding is about (for annotations). */
  path?: string;
  line?: number;
}

export type ChangeKind = 'added' | 'modified' | 'removed';

/** The JSON shape of the `violations` output and of `--json`. */
export interface FindingJson {
  rule: RuleId;
  severity: Severity;
  package: string | null;
  version: string | null;
  path: string | null;
  line: number | null;
  message: string;
}

export function findingJson(f: Finding): FindingJson {
  return {
    rule: f.rule,
    severity: f.severity,
    package: f.package ?? null,
    version: f.version ?? null,
    path: f.path ?? null,
    line: f.line ?? null,
    message: f.message,
  };
}

export function isViolation(f: Finding): boolean {
  return f.severity === 'error' || f.severity === 'warning';
}

export function failed(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
