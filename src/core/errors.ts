// Errors that end a run with a clear one-line message instead of a stack trace. Exit codes follow the CLI
// contract: 1 = policy violations, 2 = usage or configuration error, 3 = an operation failed (git, API, registry).

export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The policy file is invalid; the message names the key. */
export class ConfigError extends UsageError {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    // One line, whatever the file held: the actions show the first line of an error.
    super(message.replace(/\r\n|\r|\n/g, '\\n'));
    this.name = 'ConfigError';
  }
}

/** An expected operational failure (git, GitHub API, registry) with a message meant for the user. */
export class OperationError extends Error {
  readonly exitCode: number = 3;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OperationError';
  }
}

/** One thing a refused plan could not do, and why. */
export interface Refusal {
  package?: string;
  version?: string;
  spec?: string;
  message: string;
}

/** The plan could not be carried out as asked; nothing was written. Exit code 1, like policy violations. */
export class RefusedError extends Error {
  readonly exitCode = 1;
  constructor(
    message: string,
    readonly refusals: Refusal[],
  ) {
    super(`${message}:\n${refusals.map((r) => `  - ${r.message}`).join('\n')}`);
    this.name = 'RefusedError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** 1 = refused by policy, 2 = usage or configuration, 3 = anything else that failed. */
export function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  return typeof code === 'number' && code >= 1 && code <= 3 ? code : 3;
}
