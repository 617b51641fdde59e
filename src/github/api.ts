// Thin adapter over the GitHub REST API calls the actions make. Errors become one-line messages that say which
// permission or setting is missing, never a stack trace.
import { getOctokit } from '@actions/github';
import { OperationError } from '../core/errors.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export function createClient(token: string): Octokit {
  if (!token)
    throw new OperationError('no GitHub token: pass the `github-token` input (default: the job token)');
  // GITHUB_API_URL (GitHub Enterprise Server, tests) is read here: @actions/github reads it once, at import.
  return getOctokit(token, {
    userAgent: 'package-storage-actions',
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
  });
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { data?: { message?: string } };
}

/** Wraps an API failure in a message naming the operation and what to check. */
export function apiError(error: unknown, operation: string, hint?: string): OperationError {
  const e = error as RequestErrorLike;
  const status = e.status;
  const message = (e.response?.data?.message ?? e.message ?? String(error)).split('\n')[0];
  let advice = hint ?? '';
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
      mergeCommitSha: data.merge_commit_sha,
      mergeable: data.mergeable,
      htmlUrl: data.html_url,
    };
  } catch (error) {
    throw apiError(error, `reading pull request #${number}`);
  }
}
