import { errorMessage, exitCodeOf } from '../core/errors.js';
import { safeLine } from '../runner/sanitize.js';
import { HelpRequested } from './args.js';
import type { CliIO } from './io.js';

export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** The help of a command run without its usage text at hand (the demo's nested runs): its options, one a line. */
function optionList(help: HelpRequested): string {
  const names = Object.entries(help.options).map(
    ([name, o]) => `  ${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ' VALUE' : ''}`,
  );
  return [`usage: package-storage ${help.command} [options]`, ...names].join('\n');
}

/**
 * Runs one command: `-h`/`--help` prints `usage` and exits 0; an error becomes a one-line message and its exit code,
 * never a stack trace.
 */
export async function invoke(
  name: string,
  run: Command,
  argv: string[],
  io: CliIO,
  usage?: string,
): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.out(usage ?? optionList(error));
      return 0;
    }
    for (const line of errorMessage(error).split('\n')) io.err(`package-storage ${name}: ${safeLine(line)}`);
    return exitCodeOf(error);
  }
}
