// `package-storage <command>`: the actions' engine for maintainers' machines.
import { safeLine } from '../runner/sanitize.js';
import { invoke, type Command } from './invoke.js';
import type { CliIO } from './io.js';
import { auditCommand, auditUsage } from './audit.js';
import { demoCommand, demoUsage } from './demo/main.js';
import { indexCommand, indexUsage } from './index-command.js';
import { cleanupCommand, cleanupUsage, promoteCommand, promoteUsage } from './promote.js';
import { publishImageCommand, publishUsage } from './publish-image.js';
import { releaseCommand, releaseUsage } from './release.js';
import { rollbackCommand, rollbackUsage } from './rollback.js';
import { validateCommand, validateUsage } from './validate.js';
import { versionInfo, versionLines } from './version.js';

export interface CommandEntry {
  run: Command;
  summary: string;
  /** What `-h`/`--help` prints: every option the command declares, each on a line of its own. */
  usage: string;
}

export const commands: Record<string, CommandEntry> = {
  validate: {
    run: validateCommand,
    summary: 'check a change against the channel policy',
    usage: validateUsage,
  },
  audit: {
    run: auditCommand,
    summary: 'what the check would say on this repository: its state, or its history',
    usage: auditUsage,
  },
  promote: {
    run: promoteCommand,
    summary: 'build the promotion branch promote/<from>-to-<to>',
    usage: promoteUsage,
  },
  cleanup: {
    run: cleanupCommand,
    summary: 'build the cleanup branch cleanup/<channel>',
    usage: cleanupUsage,
  },
  'publish-image': {
    run: publishImageCommand,
    summary: 'build and push (or write) a channel distribution image',
    usage: publishUsage,
  },
  rollback: {
    run: rollbackCommand,
    summary: "point a channel's image tag back at the image of an earlier commit of the channel",
    usage: rollbackUsage,
  },
  index: {
    run: indexCommand,
    summary: "what a channel's registry serves: after precedence, filtered like its search",
    usage: indexUsage,
  },
  release: {
    run: releaseCommand,
    summary: 'stack release tags (git tag and image tag) for released versions',
    usage: releaseUsage,
  },
  demo: {
    run: demoCommand,
    summary: 'walk a throwaway storage repository through a day (no network)',
    usage: demoUsage,
  },
};

export const usage = `usage: package-storage <command> [options]
       package-storage --version

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`)
  .join('\n')}

  -h, --help     this text; \`package-storage <command> --help\` (or \`help <command>\`) for a command's options
  -V, --version  the package version, the hash of the sources it was built from, the install directory's commit
Exit: 0 pass or done, 1 policy violations or refused, 2 usage or configuration error, 3 git, API or registry failure.`;

/** Own entries only: `toString` or `__proto__` is no command. */
const commandNamed = (name: string | undefined): CommandEntry | undefined =>
  name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;

function unknown(io: CliIO, what: string, name: string): number {
  io.err(`package-storage: unknown ${what} ${JSON.stringify(safeLine(name))}\n${usage}`);
  return 2;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage);
    return 2;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.out(usage);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    for (const line of versionLines(await versionInfo())) io.out(line);
    return 0;
  }
  if (name === 'help') {
    const command = commandNamed(rest[0]);
    if (!command || rest.length > 1) return unknown(io, 'command', rest.join(' '));
    io.out(command.usage);
    return 0;
  }
  const command = commandNamed(name);
  if (!command) return unknown(io, name.startsWith('-') ? 'option' : 'command', name);
  return invoke(name, command.run, rest, io, command.usage);
}
