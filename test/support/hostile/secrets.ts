// Where a secret could leak from an action run, and in which spellings: raw, URL- and form-encoded, JSON-escaped, and
// base64 at every byte alignment (inside `user:secret` too), since a Basic header or a Docker config `auth` value
// embeds the secret at some offset of a longer base64 text.
import { expect } from 'vitest';
import { parseCommandLine, type ActionRun } from '../run-action.js';

export interface Secret {
  /** What it is, for failure messages. */
  label: string;
  value: string;
  /** Also look for base64 of `user:value` (Basic auth, Docker config `auth`). */
  user?: string;
}

/**
 * Substrings that any base64 text containing `value` must contain, whatever the byte offset of `value` in it: for
 * each of the three alignments, the base64 of the whole 3-byte groups that lie inside `value`.
 */
export function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const inner = bytes.subarray(skip);
    const whole = inner.subarray(0, inner.length - (inner.length % 3));
    if (whole.length >= 6) cores.push(whole.toString('base64'), whole.toString('base64url'));
  }
  return [...new Set(cores)];
}

/** Every spelling of every secret to look for, labelled. */
export function spellings(secrets: readonly Secret[]): Array<{ label: string; text: string }> {
  const out: Array<{ label: string; text: string }> = [];
  for (const s of secrets) {
    const add = (how: string, text: string): void => {
      if (!out.some((o) => o.text === text)) out.push({ label: `${s.label} (${how})`, text });
    };
    add('raw', s.value);
    add('URL-encoded', encodeURIComponent(s.value));
    add('form-encoded', new URLSearchParams({ s: s.value }).toString().slice(2));
    add('JSON-escaped', JSON.stringify(s.value).slice(1, -1));
    for (const core of base64Cores(s.value)) add('base64', core);
    if (s.user !== undefined)
      for (const core of base64Cores(`${s.user}:${s.value}`)) add(`base64 of ${s.user}:…`, core);
  }
  return out;
}

/**
 * What a run shows, by place: log lines (stdout, stderr), annotations, other workflow commands, job summary,
 * outputs, exported variables and saved state. `::add-mask::` commands masking a spelling of one of `secrets` are
 * left out: the runner consumes them without showing them, and masking a secret's encoded forms (URL-encoded,
 * base64 of user:secret) is what an action should do.
 */
function shownPlaces(run: ActionRun, secrets: readonly Secret[]): Record<string, string> {
  const forms = spellings(secrets).map((s) => s.text);
  const masksSecret = (message: string): boolean => forms.some((f) => message.includes(f));
  const isOwnMask = (line: string): boolean => {
    const cmd = parseCommandLine(line.replace(/\r$/, ''));
    return cmd?.command === 'add-mask' && masksSecret(cmd.message);
  };
  return {
    stdout: run.stdout
      .split('\n')
      .filter((l) => !isOwnMask(l))
      .join('\n'),
    stderr: run.stderr
      .split('\n')
      .filter((l) => !isOwnMask(l))
      .join('\n'),
    summary: run.summary,
    annotations: JSON.stringify(run.annotations),
    commands: JSON.stringify(
      run.commands.filter((c) => !(c.command === 'add-mask' && masksSecret(c.message))),
    ),
    outputs: JSON.stringify(run.outputs),
    'exported env': JSON.stringify(run.exportedEnv),
    state: JSON.stringify(run.state),
  };
}

/** No secret in any place a run shows; the only allowed occurrences are `::add-mask::` commands masking it. */
export function expectNoSecrets(run: ActionRun, secrets: readonly Secret[]): void {
  const leaks: string[] = [];
  const places = shownPlaces(run, secrets);
  for (const { label, text } of spellings(secrets))
    for (const [where, content] of Object.entries(places))
      if (content.includes(text)) leaks.push(`${label} in ${where}`);
  expect(leaks, `secrets in the run's output:\n${run.stdout}\n${run.stderr}`).toEqual([]);
}

/**
 * Not even part of a secret: no run of `n` of its characters anywhere the run shows (what a cut before redaction
 * leaves). The secret must use characters the rest of the output does not, so a match can only come from it.
 */
export function expectNoSecretParts(run: ActionRun, secret: Secret, n = 4): void {
  const places = shownPlaces(run, [secret]);
  const leaks: string[] = [];
  const value = secret.value;
  const parts =
    value.length <= n
      ? [value]
      : Array.from({ length: value.length - n + 1 }, (_, i) => value.slice(i, i + n));
  for (const part of new Set(parts))
    for (const [where, content] of Object.entries(places))
      if (content.includes(part)) leaks.push(`${JSON.stringify(part)} of the ${secret.label} in ${where}`);
  expect(leaks, `parts of a secret in the run's output:\n${run.stdout}\n${run.stderr}`).toEqual([]);
}

/** The masks the run registered that are not one of `secrets` (e.g. a value that is not secret at all). */
export function otherMasks(run: ActionRun, secrets: readonly Secret[]): string[] {
  return run.masks.filter((m) => !secrets.some((s) => s.value === m));
}
