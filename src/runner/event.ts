// The workflow run's context, read from the runner's environment at call time (not at import time).
import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';

export interface RunContext {
  eventName: string;
  payload: Record<string, unknown>;
  sha: string;
  ref: string;
  repository: { owner: string; repo: string };
  workspace: string;
  actor: string;
  serverUrl: string;
  runUrl: string | undefined;
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${String(error)}`);
    }
  }
  const full = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = full.split('/');
  if (!owner || !repo)
    throw new UsageError('GITHUB_REPOSITORY is not set (owner/repo); is this running in GitHub Actions?');
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    eventName,
    payload,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    repository: { owner, repo },
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    actor: env.GITHUB_ACTOR ?? '',
    serverUrl,
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${full}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}

export function defaultBranchOf(payload: Record<string, unknown>): string | undefined {
  const repository = payload.repository as { default_branch?: string } | undefined;
  return repository?.default_branch;
}
