// A hostile pull request from a fork, checked the way a storage repository runs validate: `pull_request_target`
// (the workspace holds the base branch, the action fetches the merge ref itself), the bundled action as a child
// process, with its duration and memory measured. Plus the checks every hostile run must pass: no workflow command
// but the action's own, no masks, exactly the declared outputs, no raw control characters in the log.
import { expect } from 'vitest';
import { ruleIds } from '../../../src/core/policy.js';
import type { FakeGitHub } from '../github/index.js';
import { parseCommandLine, runAction, type ActionRun } from '../run-action.js';
import { checkoutLikeActions, type CommitChange, type StorageOrigin } from '../storage-origin.js';
import { pullRequestPayload } from '../webhooks.js';
import { probeMemory, type RunMemory } from './measure.js';

export interface HostileRepo {
  origin: StorageOrigin;
  gh: FakeGitHub;
  owner: string;
  repo: string;
}

export interface HostilePullOptions {
  base: string;
  title: string;
  /** A commit on top of `base`; or `build` makes the head branch itself (raw trees). */
  change?: CommitChange;
  build?: (head: string, baseSha: string) => Promise<unknown>;
  timeoutMs?: number;
  /** Extra environment for the action (e.g. GIT_TRACE2_EVENT). */
  env?: Record<string, string>;
}

export interface HostileRun {
  run: ActionRun;
  number: number;
  memory: RunMemory;
  /** The workspace the action ran in (the base branch, checked out like actions/checkout). */
  workspace: string;
}

let counter = 0;

export async function hostilePull(r: HostileRepo, o: HostilePullOptions): Promise<HostileRun> {
  const head = `mallory-${++counter}`;
  const baseSha = await r.origin.rev(o.base);
  if (o.build) await o.build(head, baseSha);
  else await r.origin.commit(head, { parent: o.base, ...o.change });
  const pull = await r.gh.openPull({ head, base: o.base, title: o.title, user: 'mallory', fork: true });
  const workspace = await checkoutLikeActions({
    origin: r.origin.bare,
    ref: `refs/heads/${o.base}`,
    sha: baseSha,
  });
  const payload = pullRequestPayload({
    action: 'opened',
    number: pull.number,
    title: o.title,
    base: { ref: o.base, sha: baseSha },
    head: { ref: head, sha: await r.origin.rev(head) },
    fork: true,
    user: 'mallory',
    owner: r.owner,
    repo: r.repo,
    defaultBranch: 'main',
  });
  const probe = await probeMemory();
  const run = await runAction({
    action: 'validate',
    eventName: 'pull_request_target',
    payload,
    workspace,
    repository: `${r.owner}/${r.repo}`,
    sha: baseSha,
    ref: `refs/heads/${o.base}`,
    github: r.gh,
    env: { ...probe.env, ...o.env },
    timeoutMs: o.timeoutMs ?? 30_000,
  });
  return { run, number: pull.number, memory: await probe.finish(), workspace };
}

/** Every rule id the action may annotate with (the policy core's list). */
export const RULES = ruleIds;

/** Commands the validate action itself writes besides annotations. */
const OWN_COMMANDS = new Set(['debug', 'group', 'endgroup']);
const OUTPUTS = ['changes', 'exact', 'findings', 'report', 'result', 'violations'];
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029]/;

/**
 * Nothing untrusted became a workflow command: every `::` line is one of the action's own (annotations whose
 * message starts with a rule id or the action's own failure/notice text, debug, groups), no `##[`, no masks, no
 * stop-commands, no file commands other than the declared outputs, no raw control characters.
 */
export function expectOnlyOwnCommands(run: ActionRun): void {
  expect(run.timedOut, 'timed out').toBe(false);
  expect(run.deprecatedCommands).toEqual([]);
  expect(run.masks).toEqual([]);
  expect(run.commands.filter((c) => !OWN_COMMANDS.has(c.command))).toEqual([]);
  const ruleAlternation = RULES.join('|');
  const own = new RegExp(
    `^(\\[(${ruleAlternation})\\] |package-storage policy: \\d+ violations? \\(|Nothing to check: |PR #\\d+: label |the merge group could not be split)`,
  );
  for (const a of run.annotations) expect(a.message, `annotation ${JSON.stringify(a)}`).toMatch(own);
  for (const a of run.annotations)
    if (a.title !== undefined) expect(a.title).toMatch(new RegExp(`^(${ruleAlternation})(: |$)`));
  for (const stream of ['stdout', 'stderr'] as const) {
    const text = run[stream];
    expect(text, `${stream} contains ##[`).not.toContain('##[');
    expect(RAW_CONTROL.test(text), `${stream} has a raw control character: ${JSON.stringify(text)}`).toBe(
      false,
    );
    for (const line of text.split('\n')) {
      const trimmed = line.trimStart();
      if (!trimmed.startsWith('::')) continue;
      const cmd = parseCommandLine(trimmed);
      expect(cmd, `unregistered command line ${JSON.stringify(line)}`).toBeDefined();
      expect(['error', 'warning', 'notice', ...OWN_COMMANDS]).toContain(cmd!.command);
    }
  }
  expect(Object.keys(run.outputs).sort()).toEqual(OUTPUTS);
  expect(['pass', 'fail']).toContain(run.outputs.result);
  expect(run.exportedEnv).toEqual({});
  expect(run.state).toEqual({});
  expect(run.addedPath).toEqual([]);
}

export interface Violation {
  rule: string;
  severity: string;
  package: string | null;
  version: string | null;
  path: string | null;
  line: number | null;
  message: string;
}

export const violationsOf = (run: ActionRun): Violation[] =>
  JSON.parse(run.outputs.violations ?? '[]') as Violation[];

/**
 * Each file or problem the violations cover: a finding is one per version and rule, its `details` the items it
 * stands for (each path with its own message). A single item is the finding itself.
 */
export const itemsOf = (run: ActionRun): Violation[] =>
  (
    JSON.parse(run.outputs.violations ?? '[]') as Array<
      Violation & { details?: Array<{ message: string; path: string | null; line: number | null }> }
    >
  ).flatMap((v) =>
    v.details && v.details.length > 0
      ? v.details.map((d) => ({
          ...v,
          path: d.path,
          line: d.line,
          message:
            d.path !== null && !d.message.includes(JSON.stringify(d.path))
              ? `${JSON.stringify(d.path)}: ${d.message}`
              : d.message,
        }))
      : [v],
  );
