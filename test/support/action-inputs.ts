// An action's inputs as the runner passes them: each input of its action.yml as `INPUT_<NAME>`, with the declared
// default unless the test sets it. Undone by `vi.unstubAllEnvs()`.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { vi } from 'vitest';

export function stubActionInputs(action: string, values: Record<string, string>): void {
  const { inputs } = load(readFileSync(`actions/${action}/action.yml`, 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  for (const [name, spec] of Object.entries(inputs))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, values[name] ?? spec.default ?? '');
}
