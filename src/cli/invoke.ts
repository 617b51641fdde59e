import { errorMessage, exitCodeOf } from '../core/errors.js';
import { safeLine } from '../runner/sanitize.js';
import type { CliIO } from './io.js';

export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Runs one command: an error becomes a one-line message and its exit code, never a stack trace. */
export async function invoke(name: string, run: Command, argv: string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    for (const line of errorMessage(error).split('\n')) io.err(`package-storage ${name}: ${safeLine(line)}`);
    return exitCodeOf(error);
  }
}
