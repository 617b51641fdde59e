// `package-storage <command>`: the actions' engine for maintainers' machines.
import { safeLine } from '../runner/sanitize.js';
import { invoke, type Command } from './invoke.js';
import type { CliIO } from './io.js';
import { validateCommand, validateUsage } from './validate.js';
import { versionInfo, versionLines } from './version.js';

/** What a command's module gives: its runner, its usage text, and the error boundary to run it in. */
export interface CommandModule {
  run: Command;
  /** What `-h`/`--help` prints: every option the command declares, each on a line of its own. */
  usage: string;
  invoke: typeof invoke;
}

export interface CommandEntry {
  summary: string;
  /**
   * The command's module. validate is part of this entry (one file to load and compile: it is what hooks and CI
   * run once per change); the others are in their own bundle (commands.ts), loaded when one of them runs.
   */
  load: () => Promise<CommandModule>;
}

// Left as it is by the bundler (webpackIgnore): the built CLI loads its sibling bundle dist/cli/commands.js.
const commandsBundle = (): Promise<typeof import('./commands.js')> =>
  import(/* webpackIgnore: true */ './commands.js');

const loaded = (name: string) => async (): Promise<CommandModule> => {
  const m = await commandsBundle();
  return { ...m.commandModules[name]!, invoke: m.invoke };
};

export const commands: Record<string, CommandEntry> = {
  validate: {
    summary: 'check a change against the channel policy',
    load: () => Promise.resolve({ run: validateCommand, usage: validateUsage, invoke }),
  },
  audit: {
    summary: 'what the check would say on this repository: its state, or its history',
    load: loaded('audit'),
  },
  promote: {
    summary: 'build the promotion branch promote/<from>-to-<to>',
    load: loaded('promote'),
  },
  cleanup: {
    summary: 'build the cleanup branch cleanup/<channel>',
    load: loaded('cleanup'),
  },
  'publish-image': {
    summary: 'build and push (or write) a channel distribution image',
    load: loaded('publish-image'),
  },
  rollback: {
    summary: "point a channel's image tag back at the image of an earlier commit of the channel",
    load: loaded('rollback'),
  },
  index: {
    summary: "what a channel's registry serves: after precedence, filtered like its search",
    load: loaded('index'),
  },
  release: {
    summary: 'stack release tags (git tag and image tag) for released versions',
    load: loaded('release'),
  },
  demo: {
    summary: 'walk a throwaway storage repository through a day (no network)',
    load: loaded('demo'),
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
    io.out((await command.load()).usage);
    return 0;
  }
  const command = commandNamed(name);
  if (!command) return unknown(io, name.startsWith('-') ? 'option' : 'command', name);
  const loadedCommand = await command.load();
  return loadedCommand.invoke(name, loadedCommand.run, rest, io, loadedCommand.usage);
}
