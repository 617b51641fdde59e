// Command-line parsing on node:util parseArgs with usage errors instead of stack traces.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(
  command: string,
  argv: string[],
  options: T,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>['values'] {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
    throw new UsageError(`${message} (see: package-storage ${command} --help)`);
  }
}

export function required(command: string, values: Record<string, unknown>, ...names: string[]): void {
  for (const name of names)
    if (values[name] === undefined || values[name] === '')
      throw new UsageError(`--${name} is required (see: package-storage ${command} --help)`);
}

export function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('#'));
}
