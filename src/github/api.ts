// Thin adapter over the GitHub REST and GraphQL APIs the actions call. Every client retries server errors
// (@octokit/plugin-retry) and waits out rate limits (@octokit/plugin-throttling), so a 502 or a secondary rate
// limit does not turn a check red. Errors become one-line messages that say which permission or setting is
// missing, never a stack trace.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { OperationError } from '../core/errors.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ClientOptions {
  /**
   * Multiplies every client-side wait: retry backoff, `retry-after`, and the pacing of writes (GitHub asks for a
   * second between content-creating requests). 1 in production; tests use a tiny factor so that retries and
   * rate limits are exercised without real sleeps. Default: `PACKAGE_STORAGE_API_TIME_SCALE`, else 1.
   */
  timeScale?: number;
  /** Retries of a 5xx answer (default 3, with backoff 1 s, 4 s, 9 s). */
  retries?: number;
}

/** A rate-limited request is retried this many times, and only when GitHub asks to wait at most `maxWait` s. */
const rateLimitRetries = 2;
const maxRateLimitWait = 120;

function timeScaleOf(options: ClientOptions): number {
  if (options.timeScale !== undefined) return options.timeScale;
  const fromEnv = Number(process.env.PACKAGE_STORAGE_API_TIME_SCALE);
  return Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.PACKAGE_STORAGE_API_TIME_SCALE ? fromEnv : 1;
}

/** The throttling plugin's request groups with their pacing scaled (its defaults, shared per process, at scale 1). */
function scaledGroups(scale: number): Record<string, Bottleneck.Group> {
  const group = (id: string, maxConcurrent: number, minTime = 0): Bottleneck.Group =>
    new Bottleneck.Group({ id: `${id}-scaled`, maxConcurrent, minTime: Math.round(minTime * scale) });
  return {
    global: group('octokit-global', 10),
    auth: group('octokit-auth', 1),
    search: group('octokit-search', 1, 2000),
    write: group('octokit-write', 1, 1000),
    notifications: group('octokit-notifications', 1, 3000),
  };
}

const describe = (o: { method?: string; url?: string }): string => `${o.method ?? 'GET'} ${o.url ?? ''}`;

/** A throttling handler: retry (after the wait GitHub asks for) a bounded number of times, and say so. */
function waitOut(what: string) {
  return (retryAfter: number, o: { method?: string; url?: string }, _: unknown, count: number): boolean => {
    if (count >= rateLimitRetries || retryAfter > maxRateLimitWait) return false;
    core.warning(`GitHub API ${what} (${describe(o)}): retrying in ${retryAfter} s`);
    return true;
  };
}

export function createClient(token: string, options: ClientOptions = {}): Octokit {
  if (!token)
    throw new OperationError('no GitHub token: pass the `github-token` input (default: the job token)');
  const scale = timeScaleOf(options);
  // GITHUB_API_URL (GitHub Enterprise Server, tests) is read here: @actions/github reads it once, at import.
  return getOctokit(
    token,
    {
      userAgent: 'package-storage-actions',
      baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: 1000 * scale },
      throttle: {
        retryAfterBaseValue: 1000 * scale,
        ...(scale === 1 ? {} : scaledGroups(scale)),
        onRateLimit: waitOut('rate limit reached'),
        onSecondaryRateLimit: waitOut('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { data?: { message?: string }; headers?: Record<string, string | undefined> };
}

/** Wraps an API failure in a message naming the operation and what to check. */
export function apiError(error: unknown, operation: string, hint?: string): OperationError {
  const e = error as RequestErrorLike;
  const status = e.status;
  const message = (e.response?.data?.message ?? e.message ?? String(error)).split('\n')[0];
  let advice = hint ?? '';
  if (/secondary rate limit/i.test(message ?? ''))
    advice = 'GitHub kept refusing after waiting as it asked (secondary rate limit): re-run the job later';
  else if (status === 403 && e.response?.headers?.['x-ratelimit-remaining'] === '0')
    advice = 'the token used up its API rate limit: re-run the job after it resets';
  else if (status !== undefined && status >= 500)
    advice = 'GitHub kept failing after retries: re-run the job; see https://www.githubstatus.com';
  if (!advice && status === 401) advice = 'the token is invalid or expired';
  if (!advice && status === 403)
    advice =
      'the token lacks a permission this step needs (see the workflow `permissions:` in the action README)';
  if (!advice && status === 404) advice = 'not found, or the token cannot see it';
  return new OperationError(
    `GitHub API ${operation} failed${status ? ` (HTTP ${status})` : ''}: ${message}${advice ? `: ${advice}` : ''}`,
    { cause: error },
  );
}

export interface PullInfo {
  number: number;
  title: string;
  state: string;
  labels: string[];
  headRef: string;
  headSha: string;
  /** `owner/repo` of the head branch (a fork's for fork PRs; empty when the fork was deleted). */
  headRepo: string;
  baseRef: string;
  /** Who opened the PR (empty for a deleted account) and whether that account is a bot (an App or Actions). */
  author: string;
  authorIsBot: boolean;
  mergeCommitSha: string | null;
  mergeable: boolean | null;
  htmlUrl: string;
}

export async function getPull(octokit: Octokit, repo: RepoRef, number: number): Promise<PullInfo> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return {
      number: data.number,
      title: data.title,
      state: data.state,
      labels: data.labels.map((l) => l.name),
      headRef: data.head.ref,
      headSha: data.head.sha,
      headRepo: data.head.repo?.full_name ?? '',
      baseRef: data.base.ref,
      author: data.user?.login ?? '',
      authorIsBot: data.user?.type === 'Bot',
      mergeCommitSha: data.merge_commit_sha,
      mergeable: data.mergeable,
      htmlUrl: data.html_url,
    };
  } catch (error) {
    throw apiError(error, `reading pull request #${number}`);
  }
}

/** The tip of `branch` as the API reports it now (the PR's `base.sha` may lag behind the branch). */
export async function branchTip(octokit: Octokit, repo: RepoRef, branch: string): Promise<string> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    throw apiError(error, `reading branch ${branch}`, 'the token needs `contents: read`');
  }
}

/** The account a token acts as. */
export interface TokenIdentity {
  login: string;
  id: number;
}

/** Who the token acts as (REST `GET /user` is closed to installation tokens; GraphQL `viewer` is not). */
export async function tokenIdentity(octokit: Octokit): Promise<TokenIdentity> {
  try {
    const { viewer } = await octokit.graphql<{ viewer: { login: string; databaseId: number | null } }>(
      'query tokenIdentity { viewer { login databaseId } }',
    );
    return { login: viewer.login, id: viewer.databaseId ?? -1 };
  } catch (error) {
    throw apiError(error, 'reading which account the token acts as (GraphQL viewer)');
  }
}

/**
 * Whether `user` is the token's account: the same id or login; an App's bot also when `viewer` names it without its
 * `[bot]` suffix (a user may hold the bare name, so only a Bot account matches that way).
 */
export function isTokenAccount(
  user: { login?: string; id?: number; type?: string } | null | undefined,
  self: TokenIdentity,
): boolean {
  if (!user) return false;
  if (user.id === self.id) return true;
  const login = (user.login ?? '').toLowerCase();
  const own = self.login.toLowerCase();
  return login === own || (user.type === 'Bot' && login === `${own}[bot]`);
}
