// The validate action's inputs, read once: defaults as action.yml declares them, each allowed value, and a usage
// error naming the input for anything else.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { readInputs } from '../../src/validate/inputs.js';

const declared = (
  load(readFileSync('actions/validate/action.yml', 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  }
).inputs;

/** The environment the runner gives an action: each input with its action.yml default unless set. */
function stubInputs(values: Record<string, string>): void {
  for (const [name, spec] of Object.entries(declared)) {
    const value =
      values[name] ?? (spec.default === '${{ github.token }}' ? 'ghs_token' : (spec.default ?? ''));
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  }
}

afterEach(() => vi.unstubAllEnvs());

describe('validate inputs', () => {
  it('takes the defaults action.yml declares', () => {
    stubInputs({});
    expect(readInputs()).toEqual({
      token: 'ghs_token',
      config: '.github/package-storage.yml',
      repositoryPath: '.',
      annotations: 'workflow-commands',
      comment: 'never',
    });
  });

  it.each([
    { annotations: 'check-run', comment: 'on-failure' },
    { annotations: 'workflow-commands', comment: 'always' },
    { annotations: 'check-run', comment: 'never' },
  ])('accepts annotations: $annotations, comment: $comment', (values) => {
    stubInputs({ ...values, config: 'policy/storage.yml', 'repository-path': 'storage' });
    expect(readInputs()).toMatchObject({
      ...values,
      config: 'policy/storage.yml',
      repositoryPath: 'storage',
    });
  });

  it.each([
    ['annotations', 'checkrun', 'input `annotations` must be workflow-commands, check-run (got "checkrun")'],
    ['comment', 'yes', 'input `comment` must be never, on-failure, always (got "yes")'],
    ['comment', 'Always', 'input `comment` must be never, on-failure, always (got "Always")'],
    [
      'annotations',
      'x\n::set-output name=a::b',
      'input `annotations` must be workflow-commands, check-run (got "x\\\\n:\u200b:set-output name=a:\u200b:b")',
    ],
  ])('refuses %s: %j with a usage error naming it', (name, value, message) => {
    stubInputs({ [name]: value });
    expect(() => readInputs()).toThrow(UsageError);
    expect(() => readInputs()).toThrow(message);
  });
});
