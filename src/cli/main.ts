// `package-storage <command>`: the actions' engine for maintainers' machines.
import { safeLine } from '../runner/sanitize.js';
import { invoke, type Command } from './invoke.js';
import type { CliIO } from './io.js';

/**
 * A command's module is loaded when the command runs: `validate` never parses the registry, OCI or GitHub code, and
 * loading the bundle is most of a small check's cost.
 */
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (argv, io) =>
    pick(await load())(argv, io);

const commands: Record<string, { run: Command; summary: string }> = {
  validate: {
    run: lazy(
      () => import('./validate.js'),
      (m) => m.validateCommand,
    ),
    summary: 'check a change against the channel policy',
  },
  audit: {
    run: lazy(
      () => import('./audit.js'),
      (m) => m.auditCommand,
    ),
    summary: 'what the check would say on this repository: its state, or its history',
  },
  promote: {
    run: lazy(
      () => import('./promote.js'),
      (m) => m.promoteCommand,
    ),
    summary: 'build the promotion branch promote/<from>-to-<to>',
  },
  cleanup: {
    run: lazy(
      () => import('./promote.js'),
      (m) => m.cleanupCommand,
    ),
    summary: 'build the cleanup branch cleanup/<channel>',
  },
  'publish-image': {
    run: lazy(
      () => import('./publish-image.js'),
      (m) => m.publishImageCommand,
    ),
    summary: 'build and push (or write) a channel distribution image',
  },
  release: {
    run: lazy(
      () => import('./release.js'),
      (m) => m.releaseCommand,
    ),
    summary: 'stack release tags (git tag and image tag) for released versions',
  },
  demo: {
    run: lazy(
      () => import('./demo/main.js'),
      (m) => m.demoCommand,
    ),
    summary: 'walk a throwaway storage repository through a day (no network)',
  },
};

export const usage = `usage: package-storage <command> [options]

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`)
  .join('\n')}

Run \`package-storage <command> --help\` for a command's options.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`package-storage: unknown command ${JSON.stringify(safeLine(name))}\n${usage}`);
    return 2;
  }
  return invoke(name, command.run, rest, io);
}
