// What a user of any command-line tool expects from package-storage: -h/--help on every command, every option in
// its help text (checked against the options each command really declares, so an option added later cannot go
// undocumented), and unknown options, missing values and unknown channels as one-line usage errors with exit 2.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelpRequested, parse, type Options } from '../../src/cli/args.js';
import { invoke } from '../../src/cli/invoke.js';
import type { CliIO } from '../../src/cli/io.js';
import { commands, main, usage } from '../../src/cli/main.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { StorageOrigin } from '../support/storage-origin.js';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

function capture(): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, out, err };
}

async function cli(args: string[]): Promise<Run> {
  const { io, out, err } = capture();
  const code = await main(args, io);
  return { code, out, err };
}

/** The options a command declares, read from the run itself: `--help` makes parse() hand them over. */
async function declaredOptions(name: string): Promise<Options> {
  const { io } = capture();
  const { run } = await commands[name]!.load();
  const error = await run(['--help'], io).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HelpRequested)) throw new Error(`${name} --help did not reach parse()`);
  return error.options;
}

const names = Object.keys(commands);
/** A command's usage text, from its module (loaded when the command runs). */
const usageOf = async (name: string): Promise<string> => (await commands[name]!.load()).usage;

/** `--name` at the start of one of the usage's option lines (`  --name ARG  what it does`, `  -x, --name`). */
function optionLine(text: string, name: string, short?: string): string | undefined {
  const flag = short ? `-${short}, --${name}` : `--${name}`;
  return text.split('\n').find((l) => new RegExp(`^ {2,}${flag.replace(/[-]/g, '\\-')}(?=[\\s=]|$)`).test(l));
}

describe('package-storage <command> --help', () => {
  it('knows every command, and the top-level help lists them and --version', () => {
    expect(names.sort()).toEqual([
      'audit',
      'cleanup',
      'demo',
      'index',
      'promote',
      'publish-image',
      'release',
      'rollback',
      'validate',
    ]);
    for (const name of names) expect(usage).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(usage).toMatch(/^ {2}-h, --help /m);
    expect(usage).toMatch(/^ {2}-V, --version /m);
  });

  it.each(names)('%s: -h and --help print its usage and exit 0, before any other check', async (name) => {
    // Help wins over missing required options and over values that would fail (an unknown option still fails).
    const [string] = Object.entries(await declaredOptions(name)).find(([, o]) => o.type === 'string')!;
    for (const argv of [['-h'], ['--help'], [`--${string}`, '/nonexistent', '--help'], ['-h', '-h']]) {
      const r = await cli([name, ...argv]);
      expect(r, `${name} ${argv.join(' ')}`).toEqual({ code: 0, out: [await usageOf(name)], err: [] });
    }
    expect((await usageOf(name)).split('\n')[0]).toMatch(new RegExp(`^usage: package-storage ${name}( |$)`));
    // `help <command>` is the same text.
    expect(await cli(['help', name])).toEqual({ code: 0, out: [await usageOf(name)], err: [] });
  });

  it.each(names)('%s: every option it declares has a line of its own in its usage', async (name) => {
    const options = await declaredOptions(name);
    const text = await usageOf(name);
    const undocumented = Object.entries(options)
      .filter(([option, o]) => !optionLine(text, option, o.short))
      .map(([option]) => `--${option}`);
    expect(undocumented, `${name}: options without a line in the usage text`).toEqual([]);
    // -h/--help belongs to parse() for every command; a command declaring it (or -h) would shadow that.
    expect(Object.keys(options)).not.toContain('help');
    expect(Object.values(options).map((o) => o.short)).not.toContain('h');
  });

  it.each(names)('%s: its usage mentions no option it does not declare', async (name) => {
    const declared = new Set(Object.keys(await declaredOptions(name)));
    const mentioned = [...(await usageOf(name)).matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!);
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned.filter((m) => !declared.has(m) && m !== 'help')).toEqual([]);
  });

  it('the option-line check finds lines, not mentions (it is live)', () => {
    const text = 'usage: x --repo DIR [--json]\n  --repo DIR   where\n  -q, --quiet  less\nsee --json';
    expect(optionLine(text, 'repo')).toBe('  --repo DIR   where');
    expect(optionLine(text, 'quiet', 'q')).toBe('  -q, --quiet  less');
    expect(optionLine(text, 'quiet')).toBeUndefined();
    expect(optionLine(text, 'json')).toBeUndefined();
    expect(optionLine(text, 're')).toBeUndefined();
  });
});

describe('usage errors (exit 2, one line, no stack trace)', () => {
  const oneLine = (r: Run, name: string, pattern: RegExp): void => {
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^package-storage ${name}: `));
    expect(r.err[0]).toMatch(pattern);
  };

  it.each(names)('%s: an unknown option, a positional argument, a value for a flag', async (name) => {
    oneLine(
      await cli([name, '--no-such-option']),
      name,
      new RegExp(`Unknown option '--no-such-option' \\(see: package-storage ${name} --help\\)$`),
    );
    oneLine(await cli([name, '-x']), name, /Unknown option '-x'/);
    oneLine(await cli([name, 'stray']), name, /Unexpected argument 'stray'/);
    const options = await declaredOptions(name);
    const flag = Object.entries(options).find(([, o]) => o.type === 'boolean');
    if (flag) oneLine(await cli([name, `--${flag[0]}=yes`]), name, /does not take an argument/);
  });

  it.each(names)('%s: a string option without its value', async (name) => {
    const options = await declaredOptions(name);
    const strings = Object.entries(options).filter(([, o]) => o.type === 'string');
    expect(strings.length).toBeGreaterThan(0);
    for (const [option] of strings) {
      // Last on the line: no value at all.
      oneLine(await cli([name, `--${option}`]), name, new RegExp(`--${option} needs a value \\(see:`));
      // Followed by another option: parseArgs calls it ambiguous; we say what to write instead.
      oneLine(
        await cli([name, `--${option}`, '--help']),
        name,
        new RegExp(
          `--${option} needs a value \\(a value that starts with "-" is written --${option}=VALUE\\)`,
        ),
      );
    }
  });

  it('top level: no command, an unknown command or option, help for an unknown command', async () => {
    expect(await cli([])).toEqual({ code: 2, out: [], err: [usage] });
    for (const argv of [['--help'], ['-h'], ['help']])
      expect(await cli(argv)).toEqual({ code: 0, out: [usage], err: [] });
    for (const [argv, what] of [
      [['bogus'], 'command "bogus"'],
      [['toString'], 'command "toString"'],
      [['__proto__'], 'command "__proto__"'],
      [['--bogus'], 'option "--bogus"'],
      [['help', 'bogus'], 'command "bogus"'],
      [['help', 'validate', 'promote'], 'command "validate promote"'],
    ] as const) {
      const r = await cli([...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err[0]).toBe(`package-storage: unknown ${what}\n${usage}`);
    }
  });

  it('a command run without its usage text at hand still answers --help, with its options', async () => {
    const { io, out } = capture();
    const command = (argv: string[]): Promise<number> => {
      parse('probe', argv, { repo: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } });
      return Promise.resolve(7);
    };
    expect(await invoke('probe', command, ['-h'], io)).toBe(0);
    expect(out).toEqual(['usage: package-storage probe [options]\n  --repo VALUE\n  -q, --quiet']);
    expect(await invoke('probe', command, ['-q'], io)).toBe(7);
  });
});

describe('an unknown channel is a usage error (exit 2) naming the channels', () => {
  let origin: StorageOrigin;
  let clone: string;
  beforeAll(async () => {
    origin = await StorageOrigin.create({
      branches: { production: [{ name: 'nginx', version: '1.5.0', seed: 1 }], staging: [], snapshot: [] },
    });
    clone = await tempDir('usage-clone');
    await git(['clone', '--quiet', origin.bare, clone]);
    for (const b of ['staging', 'snapshot']) await git(['-C', clone, 'branch', '--quiet', b, `origin/${b}`]);
  });
  afterAll(cleanupTempDirs);

  const channels = '(channels: production, staging, snapshot)';
  const image = ['--image', 'registry.example.com/acme/distribution', '--base-image', 'scratch'];
  it.each([
    [['cleanup', '--channel', 'unknown'], `unknown channel "unknown" ${channels}`],
    [
      ['promote', '--from', 'unknown', '--to', 'staging', '--packages', 'nginx@1.5.0'],
      `unknown channel "unknown"`,
    ],
    [
      ['promote', '--from', 'snapshot', '--to', 'prod', '--packages', 'nginx@1.5.0'],
      `unknown channel "prod"`,
    ],
    [
      ['publish-image', '--channel', 'unknown', '--layout', '<tmp>', ...image],
      `unknown channel "unknown" ${channels}`,
    ],
    [
      ['publish-image', '--channel', 'unknown', '--chain', '--layout', '<tmp>', ...image],
      `unknown channel "unknown"`,
    ],
    [['validate', '--base', 'main', '--head', 'HEAD'], 'main is not a channel branch'],
    [['index', '--channel', 'unknown'], `unknown channel "unknown" ${channels}`],
    [
      [
        'rollback',
        '--channel',
        'unknown',
        '--to',
        'HEAD',
        '--image',
        'registry.example.com/acme/distribution',
      ],
      `unknown channel "unknown" ${channels}`,
    ],
  ])('%j', async (argv, message) => {
    const [name, ...rest] = argv;
    const layout = await tempDir('usage-layout');
    const r = await cli([name!, '--repo', clone, ...rest.map((a) => (a === '<tmp>' ? layout : a))]);
    expect(r.code, r.err.join('\n')).toBe(2);
    expect(r.err.join('\n')).toContain(message);
    // Nothing was written: no bot branch, no image layout.
    expect(await git(['-C', clone, 'branch', '--list', 'cleanup/*', 'promote/*'])).toBe('');
    expect(await readdir(layout)).toEqual([]);
  });
});
