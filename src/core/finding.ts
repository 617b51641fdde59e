// A finding is one rule's verdict on one version (or on the change as a whole): one finding per version and rule,
// however many files it covers, with a count and the first few paths.
import type { RuleId } from './policy.js';

export type Severity = 'error' | 'warning' | 'notice';

/** Which exception allowed a finding that would otherwise be a violation. */
export interface ExceptionGrant {
  /** The rule the exception lifted. */
  rule: RuleId;
  /** `policy`: an `exceptions:` entry of the policy file; `approval`: an approval of this change. */
  source: 'policy' | 'approval';
  /** How the approval was given: a review of the head commit, the label applied after the last push, the CLI. */
  via?: 'review' | 'label' | 'cli';
  /** The approver's login (approvals). */
  by?: string;
  /** The policy entry's reason. */
  reason?: string;
}

/** One item a grouped finding stands for (a file, a manifest problem). */
export interface FindingDetail {
  message: string;
  path?: string;
  line?: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  package?: string;
  version?: string;
  /** Repository-relative path the finding is about (for annotations): the first one when it covers several. */
  path?: string;
  line?: number;
  /** How many files or problems the finding covers, when more than one. */
  count?: number;
  /** The first few paths it covers, when more than one. */
  paths?: string[];
  /** The first few items it covers, when more than one (each with its own message and line). */
  details?: FindingDetail[];
  /** Set when an exception turned a violation into this notice. */
  exception?: ExceptionGrant;
}

export type ChangeKind = 'added' | 'modified' | 'removed';

/** The JSON shape of the `violations` and `findings` outputs and of `--json`. */
export interface FindingJson {
  rule: RuleId;
  severity: Severity;
  package: string | null;
  version: string | null;
  path: string | null;
  line: number | null;
  message: string;
  /** Files or problems covered (1 for a single one). */
  count: number;
  /** The first few paths covered ([] when the finding is about no path). */
  paths: string[];
  /** Each item covered, with its own message and line ([] for a single one: the finding is the item). */
  details: Array<{ message: string; path: string | null; line: number | null }>;
  exception: ExceptionGrant | null;
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
    count: f.count ?? 1,
    paths: f.paths ?? (f.path ? [f.path] : []),
    details: (f.details ?? []).map((d) => ({
      message: d.message,
      path: d.path ?? null,
      line: d.line ?? null,
    })),
    exception: f.exception ?? null,
  };
}

export function isViolation(f: Finding): boolean {
  return f.severity === 'error' || f.severity === 'warning';
}

export function failed(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
