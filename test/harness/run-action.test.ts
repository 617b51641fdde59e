import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, initBareRepo } from '../support/github/bare-repo.js';
import { startFakeGitHub } from '../support/github/index.js';
import {
  parseCommandLine,
  parseKeyValueFile,
  parseWorkflowCommands,
  runAction,
  type RunActionOptions,
} from '../support/run-action.js';
import { pullRequestPayload } from '../support/webhooks.js';

const coreUrl = pathToFileURL(resolve('node_modules/@actions/core/lib/core.js')).href;
const githubUrl = pathToFileURL(resolve('node_modules/@actions/github/lib/github.js')).href;

let root: string;
let actionsDir: string;
let workspace: string;

// A throwaway action using the real toolkit, so the harness is checked against what @actions/core really writes.
const ACTION_YML = `name: probe
description: harness probe
inputs:
  github-token:
    description: token
    default: \${{ github.token }}
  greeting:
    description: greeting
    default: hello
  mode:
    description: what to do
    required: true
runs:
  using: node24
  main: dist/index.js
`;

const ACTION_JS = `
import * as core from '${coreUrl}';
import { appendFileSync } from 'node:fs';
const mode = core.getInput('mode', { required: true });
if (mode === 'deprecated') {
  console.log('::set-output name=old::value');
  console.log('::save-state name=s::v');
  process.exit(0);
}
if (mode === 'malformed') {
  appendFileSync(process.env.GITHUB_OUTPUT, 'no separator here\\n');
  process.exit(0);
}
if (mode === 'hang') {
  setInterval(() => {}, 1000);
} else if (mode === 'api') {
  const { getOctokit, context } = await import('${githubUrl}');
  const octokit = getOctokit(core.getInput('github-token'));
  const { data } = await octokit.rest.pulls.get({ ...context.repo, pull_number: context.payload.pull_request.number });
  core.setOutput('title', data.title);
  core.setOutput('head-ref', process.env.GITHUB_HEAD_REF);
} else {
  const token = core.getInput('github-token');
  core.setSecret(token);
  core.setOutput('greeting', core.getInput('greeting'));
  core.setOutput('multi', 'line one\\nline two\\n');
  core.setOutput('env', JSON.stringify({
    hasParentVar: process.env.HARNESS_PARENT_ONLY !== undefined,
    gitConfigGlobal: process.env.GIT_CONFIG_GLOBAL,
    event: process.env.GITHUB_EVENT_NAME,
    refName: process.env.GITHUB_REF_NAME,
    inputToken: process.env['INPUT_GITHUB-TOKEN'] === token,
  }));
  core.exportVariable('EXPORTED', 'a\\nb');
  core.saveState('phase', 'main');
  core.addPath('/opt/probe/bin');
  core.error('bad manifest: name, version', { file: 'packages/bar/0.1.0/manifest.yml', startLine: 2, title: 'Manifest: invalid' });
  core.warning('100% sure\\nsecond line');
  core.notice('fyi');
  core.debug('debugging');
  core.startGroup('group');
  core.endGroup();
  console.log('::stop-commands::tok123');
  console.log('::error::not a command while stopped');
  console.log('::tok123::');
  await core.summary.addHeading('Probe').addTable([[{ data: 'a', header: true }], ['1']]).write();
  core.setFailed('failing on purpose');
}
`;

beforeAll(async () => {
  process.env.HARNESS_PARENT_ONLY = '1';
  root = await mkdtemp(join(tmpdir(), 'support-run-action-'));
  actionsDir = join(root, 'actions');
  await mkdir(join(actionsDir, 'probe', 'dist'), { recursive: true });
  await writeFile(join(actionsDir, 'probe', 'action.yml'), ACTION_YML);
  await writeFile(join(actionsDir, 'probe', 'dist', 'index.js'), ACTION_JS);
  await writeFile(join(actionsDir, 'probe', 'dist', 'package.json'), '{"type":"module"}');
  workspace = join(root, 'workspace');
  await mkdir(workspace);
});
afterAll(async () => {
  delete process.env.HARNESS_PARENT_ONLY;
  await rm(root, { recursive: true, force: true });
});

function base(o: Partial<RunActionOptions>): RunActionOptions {
  return {
    action: 'probe',
    actionsDir,
    eventName: 'push',
    payload: {},
    workspace,
    repository: 'acme/package-storage',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    ...o,
  };
}

describe('runAction', () => {
  it('runs the action like the runner and parses everything it reports', async () => {
    const run = await runAction(base({ inputs: { mode: 'full' } }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs.greeting).toBe('hello');
    expect(run.outputs.multi).toBe('line one\nline two\n');
    expect(JSON.parse(run.outputs.env ?? '')).toEqual({
      hasParentVar: false,
      gitConfigGlobal: expect.stringMatching(/gitconfig$/) as unknown,
      event: 'push',
      refName: 'main',
      inputToken: true,
    });
    expect(run.exportedEnv).toEqual({ EXPORTED: 'a\nb' });
    expect(run.state).toEqual({ phase: 'main' });
    expect(run.addedPath).toEqual(['/opt/probe/bin']);
    expect(run.masks).toEqual(['ghs_harness_no_api_configured']);
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: 'bad manifest: name, version',
        file: 'packages/bar/0.1.0/manifest.yml',
        line: 2,
        title: 'Manifest: invalid',
      },
      { level: 'warning', message: '100% sure\nsecond line' },
      { level: 'notice', message: 'fyi' },
      { level: 'error', message: 'failing on purpose' },
    ]);
    expect(run.commands.map((c) => c.command)).toEqual([
      'add-mask',
      'debug',
      'group',
      'endgroup',
      'stop-commands',
    ]);
    expect(run.summary).toContain('<h1>Probe</h1>');
    expect(run.summary).toContain('<th>a</th>');
    expect(run.deprecatedCommands).toEqual([]);
  });

  it('flags deprecated stdout commands', async () => {
    const run = await runAction(base({ inputs: { mode: 'deprecated' } }));
    expect(run.exitCode).toBe(0);
    expect(run.deprecatedCommands).toHaveLength(2);
    expect(run.deprecatedCommands[0]).toMatch(/^set-output/);
  });

  it('rejects undeclared inputs, unsupported expressions and malformed file commands', async () => {
    await expect(runAction(base({ inputs: { mode: 'x', mdoe: 'typo' } }))).rejects.toThrow(
      /"mdoe" is not declared/,
    );
    await expect(runAction(base({ inputs: { mode: 'malformed' } }))).rejects.toThrow(
      /GITHUB_OUTPUT: invalid format/,
    );
    await mkdir(join(actionsDir, 'expr', 'dist'), { recursive: true });
    await writeFile(
      join(actionsDir, 'expr', 'action.yml'),
      ACTION_YML.replace('default: hello', 'default: ${{ github.actor }}'),
    );
    await writeFile(join(actionsDir, 'expr', 'dist', 'index.js'), '');
    await expect(runAction(base({ action: 'expr', inputs: { mode: 'x' } }))).rejects.toThrow(
      /unsupported expression/,
    );
    await writeFile(join(actionsDir, 'expr', 'action.yml'), ACTION_YML.replace('node24', 'docker'));
    await expect(runAction(base({ action: 'expr', inputs: { mode: 'x' } }))).rejects.toThrow(/runs.using/);
  });

  it('kills a hanging action after the timeout', async () => {
    const run = await runAction(base({ inputs: { mode: 'hang' }, timeoutMs: 300 }));
    expect(run.timedOut).toBe(true);
    expect(run.exitCode).toBeNull();
  });

  it('talks to the fake GitHub with github.token on a pull_request event', async () => {
    const bare = join(root, 'origin.git');
    await initBareRepo(bare);
    const main = await commitFiles(bare, 'main', { 'a.txt': 'a\n' });
    const headSha = await commitFiles(bare, 'feature', { 'b.txt': 'b\n' }, 'b', main);
    const gh = await startFakeGitHub({ owner: 'acme', repo: 'package-storage', bareRepo: bare });
    try {
      const pr = await gh.openPull({ head: 'feature', base: 'main', title: 'Current title' });
      const payload = pullRequestPayload({
        action: 'opened',
        number: pr.number,
        title: 'Stale title',
        base: { ref: 'main', sha: main },
        head: { ref: 'feature', sha: headSha },
        owner: 'acme',
        repo: 'package-storage',
        defaultBranch: 'main',
      });
      const run = await runAction(
        base({
          inputs: { mode: 'api' },
          eventName: 'pull_request',
          payload,
          github: gh,
          ref: `refs/pull/${pr.number}/merge`,
          sha: pr.mergeCommitSha ?? '',
        }),
      );
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toEqual({ title: 'Current title', 'head-ref': 'feature' });
      expect(run.env.GITHUB_REF_NAME).toBe(`${pr.number}/merge`);
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});

describe('parsers', () => {
  it('parse commands and key/value files like the runner', () => {
    expect(parseCommandLine('::error file=a%2Cb.yml,line=3,title=T%3A x::m%25%0Ad')).toEqual({
      command: 'error',
      properties: { file: 'a,b.yml', line: '3', title: 'T: x' },
      message: 'm%\nd',
    });
    expect(parseCommandLine('::unknown::x')).toBeUndefined();
    expect(parseCommandLine('no command')).toBeUndefined();
    expect(parseWorkflowCommands('::add-mask::s3cr3t\n::notice::n\r\n').masks).toEqual(['s3cr3t']);
    expect(parseKeyValueFile('a=1\nb<<EOF\nx\ny\nEOF\n\nc=d=e\n', 'f')).toEqual({
      a: '1',
      b: 'x\ny',
      c: 'd=e',
    });
    expect(() => parseKeyValueFile('b<<EOF\nx\n', 'f')).toThrow(/matching delimiter not found/);
  });
});
