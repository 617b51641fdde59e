// Which findings become annotations. GitHub shows at most 10 error, 10 warning and 10 notice annotations per step,
// so they are chosen by how much they block: errors no exception can lift first (the registry would refuse the
// package, or nothing could be checked), then those only a policy change lifts, then those an exception lifts; the
// step's closing error (the failure message) says how many more there are and where they all are. A check run takes
// every finding instead, 50 per request.
import type { Finding, Severity } from '../core/finding.js';
import { ruleIds, type ChannelPolicy } from '../core/policy.js';
import type { CheckAnnotation } from '../github/checks.js';
import { safeLine } from '../runner/sanitize.js';
import { annotationAdvice, fixOnly, liftable, type AdviceContext } from './advice.js';

/** GitHub's per-step limit for each annotation level. */
export const annotationsPerLevel = 10;

export interface PlannedAnnotation {
  level: Severity;
  message: string;
  title?: string;
  file?: string;
  line?: number;
}

export interface AnnotationPlan {
  annotations: PlannedAnnotation[];
  /** Findings of each level not annotated. */
  omitted: Record<Severity, number>;
}

/** 0 blocks the most: nothing checked, then the registry would refuse it, then only a policy change lifts it. */
function blocking(f: Finding, channel: ChannelPolicy): number {
  if (f.rule === 'merge-conflict') return 0;
  if (fixOnly.has(f.rule)) return 1;
  if (!liftable(f, channel)) return 2;
  return 3;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Findings in the order they are reported: severity, then how much they block, rule order, package, version. */
export function rankFindings(findings: readonly Finding[], channel: ChannelPolicy): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      blocking(a, channel) - blocking(b, channel) ||
      // Exceptions applied first among notices: they are what a reviewer should see.
      Number(b.exception !== undefined) - Number(a.exception !== undefined) ||
      ruleIds.indexOf(a.rule) - ruleIds.indexOf(b.rule) ||
      (a.package ?? '').localeCompare(b.package ?? '') ||
      (a.version ?? '').localeCompare(b.version ?? ''),
  );
}

const what = (f: Finding): string => (f.package ? `${f.package}${f.version ? `@${f.version}` : ''}` : '');

function annotation(f: Finding, ctx: AdviceContext): PlannedAnnotation {
  const advice = f.severity === 'notice' ? undefined : annotationAdvice(f, ctx);
  return {
    level: f.severity,
    title: safeLine(`${f.rule}${what(f) ? `: ${what(f)}` : ''}`),
    message: safeLine(`[${f.rule}] ${f.message}${advice ? ` — What to do: ${advice}` : ''}`),
    ...(f.path ? { file: safeLine(f.path) } : {}),
    ...(f.line ? { line: f.line } : {}),
  };
}

/**
 * At most 10 annotations per level. `errorSlots` leaves room for the step's failure message (itself an error
 * annotation, the last one). The last warning or notice shown says how many more there are.
 */
export function planAnnotations(
  findings: readonly Finding[],
  notes: readonly string[],
  ctx: AdviceContext,
  o: { errorSlots: number; where: string },
): AnnotationPlan {
  const ranked = rankFindings(findings, ctx.channel);
  const slots: Record<Severity, number> = {
    error: o.errorSlots,
    warning: annotationsPerLevel,
    notice: annotationsPerLevel,
  };
  const planned: PlannedAnnotation[] = [];
  const omitted: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const noteItems: PlannedAnnotation[] = notes.map((n) => ({ level: 'notice', message: safeLine(n) }));
  for (const level of ['error', 'warning', 'notice'] as const) {
    const items = [
      ...(level === 'notice' ? noteItems : []),
      ...ranked.filter((f) => f.severity === level).map((f) => annotation(f, ctx)),
    ];
    const shown = items.slice(0, slots[level]);
    omitted[level] = items.length - shown.length;
    if (omitted[level] > 0 && level !== 'error' && shown.length > 0) {
      const last = shown[shown.length - 1]!;
      shown[shown.length - 1] = {
        ...last,
        message: `${last.message} (and ${omitted[level]} more ${level}s: ${safeLine(o.where)})`,
      };
    }
    planned.push(...shown);
  }
  return { annotations: planned, omitted };
}

/** Every finding with a path as a check-run annotation (pathless ones are in the check run's summary). */
export function checkRunAnnotations(findings: readonly Finding[], ctx: AdviceContext): CheckAnnotation[] {
  const level = { error: 'failure', warning: 'warning', notice: 'notice' } as const;
  return rankFindings(findings, ctx.channel)
    .filter((f) => f.path !== undefined)
    .map((f) => {
      const a = annotation(f, ctx);
      const details = (f.details ?? [])
        .map((d) => `${d.path ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`.trim())
        .join('\n');
      return {
        path: f.path!,
        start_line: f.line ?? 1,
        end_line: f.line ?? 1,
        annotation_level: level[f.severity],
        title: [...(a.title ?? f.rule)].slice(0, 255).join(''),
        message: clipBytes(a.message, 60_000),
        ...(details ? { raw_details: clipBytes(details, 60_000) } : {}),
      };
    });
}

function clipBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  // A cut inside a character leaves a replacement character: harmless in a message.
  return `${bytes.subarray(0, max - 3).toString('utf8')}…`;
}
