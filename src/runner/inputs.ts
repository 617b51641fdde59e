// Reading action inputs the same way in every action: a wrong value is a usage error (exit 2) that names the input
// and the values it takes, never the toolkit's TypeError (exit 1).
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import { safeLine } from './sanitize.js';

/** A list input: comma- or newline-separated, trimmed, empty entries dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A boolean input as the runner spells them (YAML 1.2 core schema); empty gives `fallback`. */
export function booleanInput(name: string, fallback = false): boolean {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new UsageError(`input \`${name}\` must be true or false (got ${JSON.stringify(safeLine(value))})`);
}

/** One of `allowed`; empty gives `fallback` (without one, empty is allowed and gives undefined). */
export function oneOfInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
export function oneOfInput<T extends string>(name: string, allowed: readonly T[]): T | undefined;
export function oneOfInput<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `input \`${name}\` must be ${allowed.join(', ')}${fallback === undefined ? ' or empty' : ''} (got ${JSON.stringify(safeLine(value))})`,
  );
}

/** An input the action cannot run without. */
export function requiredInput(name: string): string {
  const value = core.getInput(name);
  if (value === '') throw new UsageError(`input \`${name}\` is required`);
  return value;
}
