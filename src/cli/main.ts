// `package-storage <command>`: the actions' engine for maintainers' machines.
import { safeLine } from '../runner/sanitize.js';
import { invoke, type Command } from './invoke.js';
import type { CliIO } from './io.js';
import { auditCommand } from './audit.js';
import { demoCommand } from './demo/main.js';
import { cleanupCommand, promoteCommand } from './promote.js';
import { publishImageCommand } from './publish-image.js';
import { releaseCommand } from './release.js';
import { validateCommand } from './validate.js';

const commands: Record<string, { run: Command; summary: string }> = {
  validate: { run: validateCommand, summary: 'check a change against the channel policy' },
  audit: {
    run: auditCommand,
    summary: 'what the check would say on this repository: its state, or its history',
  },
  promote: { run: promoteCommand, summary: 'build the promotion branch promote/<from>-to-<to>' },
  cleanup: { run: cleanupCommand, summary: 'build the cleanup branch cleanup/<channel>' },
  'publish-image': {
    run: publishImageCommand,
    summary: 'build and push (or write) a channel distribution image',
  },
  release: {
    run: releaseCommand,
    summary: 'stack release tags (git tag and image tag) for released versions',
  },
  demo: { run: demoCommand, summary: 'walk a throwaway storage repository through a day (no network)' },
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
