// Command-line parsing on node:util parseArgs with usage errors instead of stack traces. `-h`/`--help` is declared
// here for every command, so no command can lack it or handle it differently.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>['values'];

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Thrown by parse() when `-h` or `--help` is given, before any other check: `invoke()` prints the command's usage
 * and exits 0. Carries the command's option declarations (what the help test checks the usage text against).
 */
export class HelpRequested extends Error {
  constructor(
    readonly command: string,
    readonly options: Options,
  ) {
    super(`package-storage ${command} --help`);
    this.name = 'HelpRequested';
  }
}

/** parseArgs's message, as one line that names the option and what to do. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // "Option '--title' argument is ambiguous.\nDid you forget…": a string option followed by something option-like.
  const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(message);
  if (ambiguous)
    return `${ambiguous[1]} needs a value (a value that starts with "-" is written ${ambiguous[1]}=VALUE)`;
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message.split('\n')[0]!.replace(/\. To specify.*$/, '');
}

export function parse<T extends Options>(command: string, argv: string[], options: T): Values<T> {
  const all = { ...options, ...helpOption };
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options: all, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${usageMessage(error)} (see: package-storage ${command} --help)`);
  }
  if (values.help) throw new HelpRequested(command, options);
  return values as Values<T>;
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
