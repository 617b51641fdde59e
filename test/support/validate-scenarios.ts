// Realistic validate runs for the report: a storage repository with three channels, a maintainer's PR into
// production that skips staging (and more), and the promotion PR promote would open. Used by the report tests and by
// the script that renders the summaries shown in the README, so the pictures are of tested runs.
import { startFakeGitHub, type FakeGitHub } from './github/index.js';
import { manifestYaml } from './manifests.js';
import { runAction, type ActionRun } from './run-action.js';
import { checkoutLikeActions, StorageOrigin, type CommitChange, type VersionSpec } from './storage-origin.js';
import { pullRequestPayload } from './webhooks.js';

export const owner = 'acme';
export const repo = 'package-storage';

const v = (name: string, version: string, seed: number, extra: Partial<VersionSpec> = {}): VersionSpec => ({
  name,
  version,
  seed,
  fileMode: '100755',
  ...extra,
});

/** What the channels hold: production lags staging, staging lags snapshot, as in a real repository. */
export const holdings = {
  production: [v('nginx', '1.5.0', 1), v('apm', '8.0.0', 2), v('aws', '2.1.0', 3), v('system', '1.19.5', 4)],
  staging: [v('nginx', '1.6.0', 5), v('apm', '8.1.0', 6), v('system', '1.20.0', 7), v('aws', '2.1.0', 3)],
  snapshot: [
    v('nginx', '1.7.0', 8),
    v('nginx', '1.6.0', 5),
    v('mysql', '1.3.0', 9),
    v('system', '1.20.0', 7),
  ],
};

export interface Repository {
  origin: StorageOrigin;
  gh: FakeGitHub;
  close(): Promise<void>;
}

export async function storageRepository(): Promise<Repository> {
  const origin = await StorageOrigin.create({ branches: holdings });
  const gh = await startFakeGitHub({ owner, repo, bareRepo: origin.bare, defaultBranch: 'main' });
  gh.setPermission('maintainer', 'maintain');
  gh.setPermission('admin-user', 'admin');
  return { origin, gh, close: () => gh.close() };
}

export interface PullRun {
  run: ActionRun;
  number: number;
  head: string;
  headSha: string;
}

let counter = 0;

/** Opens a PR with one commit on `head` and runs validate on `pull_request_target`, as the example workflow does. */
export async function validatePull(
  r: Repository,
  o: {
    base: string;
    change: CommitChange;
    title: string;
    head?: string;
    labels?: Array<{ label: string; actor: string }>;
    inputs?: Record<string, string>;
    mode?: 'source' | 'bundle';
    /** Reuse an open PR (a new push to it, a re-run). */
    number?: number;
    /** Who opens the PR (default `contributor`), from a fork of theirs or not. */
    user?: string;
    fork?: boolean;
  },
): Promise<PullRun> {
  const head = o.head ?? `topic-${++counter}`;
  await r.origin.commit(head, { parent: o.number === undefined ? o.base : head, ...o.change });
  const number =
    o.number ??
    (
      await r.gh.openPull({
        head,
        base: o.base,
        title: o.title,
        user: o.user ?? 'contributor',
        ...(o.fork ? { fork: true } : {}),
      })
    ).number;
  for (const l of o.labels ?? []) r.gh.addLabel(number, l.label, l.actor);
  return runOnPull(r, {
    base: o.base,
    number,
    head,
    ...(o.inputs ? { inputs: o.inputs } : {}),
    ...(o.mode ? { mode: o.mode } : {}),
  });
}

/**
 * Runs validate on an open PR as it is now (its current base unless `base` is given): on `pull_request_target`
 * the workspace holds the base branch; on `pull_request` it holds `refs/pull/<n>/merge`, whatever that points at,
 * as GITHUB_SHA (as actions/checkout makes them).
 */
export async function runOnPull(
  r: Pick<Repository, 'origin' | 'gh'>,
  o: {
    base?: string;
    number: number;
    head: string;
    event?: 'pull_request' | 'pull_request_target';
    inputs?: Record<string, string>;
    mode?: 'source' | 'bundle';
  },
): Promise<PullRun> {
  await r.gh.syncPull(o.number);
  const pull = r.gh.pulls.get(o.number)!;
  const base = o.base ?? pull.base;
  const baseSha = await r.origin.rev(base);
  const headSha = await r.origin.rev(o.head);
  const event = o.event ?? 'pull_request_target';
  const ref = event === 'pull_request' ? `refs/pull/${o.number}/merge` : `refs/heads/${base}`;
  const sha = await r.origin.rev(ref);
  const workspace = await checkoutLikeActions({ origin: r.origin.bare, ref, sha });
  const payload = pullRequestPayload({
    action: 'synchronize',
    number: o.number,
    title: pull.title,
    base: { ref: base, sha: baseSha },
    head: { ref: o.head, sha: headSha },
    labels: pull.labels,
    owner,
    repo,
    defaultBranch: 'main',
    user: pull.user,
  });
  const run = await runAction({
    action: 'validate',
    eventName: event,
    payload,
    workspace,
    repository: `${owner}/${repo}`,
    sha,
    ref,
    github: r.gh,
    ...(o.inputs ? { inputs: o.inputs } : {}),
    ...(o.mode ? { mode: o.mode } : {}),
  });
  return { run, number: o.number, head: o.head, headSha };
}

/**
 * A maintainer's PR into production that skips staging: two versions promoted properly, one that is only in
 * snapshot, one in no channel with a broken manifest, an overwrite of a released version, a title without the
 * prefix, and the exception label applied by a maintainer where production needs an admin.
 */
export function failingChange(): {
  change: CommitChange;
  title: string;
  labels: Array<{ label: string; actor: string }>;
} {
  const broken = manifestYaml({
    name: 'redis',
    version: '0.9.0',
    release: 'preview',
    kibana: { range: '>=8.x.y', spelling: 'dotted', quote: 'double' },
  });
  return {
    title: 'Release nginx 1.7.0 and redis 0.9.0',
    change: {
      add: [
        holdings.staging[0]!, // nginx 1.6.0, identical to staging's
        holdings.staging[1]!, // apm 8.1.0, identical to staging's
        holdings.snapshot[0]!, // nginx 1.7.0: only in snapshot
        v('redis', '0.9.0', 10, { manifest: broken.text }), // in no channel, broken manifest
        v('aws', '2.1.0', 11), // production's aws 2.1.0 with other content
      ],
    },
    labels: [{ label: 'policy-exception', actor: 'maintainer' }],
  };
}

/** The account promote runs as (a GitHub App's bot): the author of the PRs it opens. */
export const promoteBot = 'storage-promote[bot]';

/** The promotion PR promote opens: staging's versions copied to production on `promote/staging-to-production`. */
export function passingChange(): { change: CommitChange; title: string; head: string; user: string } {
  return {
    head: 'promote/staging-to-production',
    user: promoteBot,
    title: '[production] Promote packages from staging (nginx-1.6.0, apm-8.1.0, system-1.20.0)',
    change: { add: [holdings.staging[0]!, holdings.staging[1]!, holdings.staging[2]!] },
  };
}
