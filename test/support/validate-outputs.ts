// What a validate run said, read back as a workflow would: its `findings` output, its errors as `rule name@version`,
// its notices; and server times around now for label events and reviews placed before or after a push.
import type { ActionRun } from './run-action.js';

export const findings = (run: ActionRun): Array<Record<string, unknown>> =>
  JSON.parse(run.outputs.findings ?? '[]') as Array<Record<string, unknown>>;

export const errors = (run: ActionRun): string[] =>
  findings(run)
    .filter((f) => f.severity === 'error')
    .map((f) => `${String(f.rule)} ${String(f.package)}@${String(f.version)}`);

export const notices = (run: ActionRun): string[] =>
  run.annotations.filter((a) => a.level === 'notice').map((a) => a.message);

/** `offset` seconds from now, as GitHub writes times (ISO 8601, whole seconds). */
export const seconds = (offset: number): string =>
  new Date(Date.now() + offset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
