// One PR per head branch, created or updated in place, safe under concurrent runs: a create that races another
// run's create falls back to finding and updating that PR (the approach of peter-evans/create-pull-request).
import { OperationError } from '../core/errors.js';
import { apiError, type Octokit, type RepoRef } from './api.js';

export interface PullRequestSpec {
  head: string;
  base: string;
  title: string;
  body: string;
  labels: string[];
  draft?: boolean;
}

export interface PullRequestResult {
  operation: 'created' | 'updated' | 'unchanged';
  number: number;
  url: string;
  /** Login of the PR's author (github-actions[bot] when made with the job token). */
  author: string;
}

const notPermitted =
  'GitHub Actions is not permitted to create pull requests in this repository: enable "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General > Workflow permissions, also at the organization level), or pass a GitHub App or personal access token as `github-token`';

interface OpenPull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  user: { login: string } | null;
  labels: Array<{ name: string }>;
}

export async function findOpenPull(
  octokit: Octokit,
  repo: RepoRef,
  head: string,
  base: string,
): Promise<OpenPull | undefined> {
  try {
    // The head filter needs `owner:branch`; without the owner GitHub ignores it and returns every PR.
    const { data } = await octokit.rest.pulls.list({
      ...repo,
      state: 'open',
      head: `${repo.owner}:${head}`,
      base,
      per_page: 10,
    });
    return data.find((p) => p.head.ref === head && p.base.ref === base);
  } catch (error) {
    throw apiError(error, `listing pull requests for ${head}`);
  }
}

async function addLabels(octokit: Octokit, repo: RepoRef, pull: OpenPull, labels: string[]): Promise<void> {
  const missing = labels.filter((l) => !pull.labels.some((x) => x.name === l));
  if (missing.length === 0) return;
  try {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: pull.number, labels: missing });
  } catch (error) {
    throw apiError(
      error,
      `labelling pull request #${pull.number}`,
      'the token needs `pull-requests: write` (or `issues: write`)',
    );
  }
}

async function update(
  octokit: Octokit,
  repo: RepoRef,
  pull: OpenPull,
  spec: PullRequestSpec,
): Promise<PullRequestResult> {
  let operation: PullRequestResult['operation'] = 'unchanged';
  if (pull.title !== spec.title || (pull.body ?? '') !== spec.body) {
    try {
      await octokit.rest.pulls.update({
        ...repo,
        pull_number: pull.number,
        title: spec.title,
        body: spec.body,
      });
    } catch (error) {
      throw apiError(
        error,
        `updating pull request #${pull.number}`,
        'the token needs `pull-requests: write`',
      );
    }
    operation = 'updated';
  }
  await addLabels(octokit, repo, pull, spec.labels);
  return { operation, number: pull.number, url: pull.html_url, author: pull.user?.login ?? '' };
}

export async function ensurePullRequest(
  octokit: Octokit,
  repo: RepoRef,
  spec: PullRequestSpec,
): Promise<PullRequestResult> {
  const existing = await findOpenPull(octokit, repo, spec.head, spec.base);
  if (existing) return update(octokit, repo, existing, spec);
  try {
    const { data } = await octokit.rest.pulls.create({
      ...repo,
      head: spec.head,
      base: spec.base,
      title: spec.title,
      body: spec.body,
      draft: spec.draft ?? false,
      maintainer_can_modify: false,
    });
    await addLabels(octokit, repo, { ...data, labels: [] }, spec.labels);
    return { operation: 'created', number: data.number, url: data.html_url, author: data.user?.login ?? '' };
  } catch (error) {
    const e = error as {
      status?: number;
      message?: string;
      response?: { data?: { message?: string; errors?: Array<{ message?: string }> } };
    };
    const messages = [
      e.message ?? '',
      e.response?.data?.message ?? '',
      ...(e.response?.data?.errors ?? []).map((x) => x.message ?? ''),
    ].join(' ');
    if (e.status === 422 && /pull request already exists/i.test(messages)) {
      // Another run created it between our list and our create.
      const raced = await findOpenPull(octokit, repo, spec.head, spec.base);
      if (raced) return update(octokit, repo, raced, spec);
    }
    if (e.status === 403 && /not permitted to create/i.test(messages))
      throw new OperationError(notPermitted, { cause: error });
    throw apiError(
      error,
      `creating the pull request ${spec.head} -> ${spec.base}`,
      e.status === 403 ? 'the token needs `pull-requests: write`' : undefined,
    );
  }
}

export async function closePull(
  octokit: Octokit,
  repo: RepoRef,
  number: number,
  comment: string,
): Promise<void> {
  try {
    await octokit.rest.issues.createComment({ ...repo, issue_number: number, body: comment });
    await octokit.rest.pulls.update({ ...repo, pull_number: number, state: 'closed' });
  } catch (error) {
    throw apiError(error, `closing pull request #${number}`, 'the token needs `pull-requests: write`');
  }
}
