// One PR per head branch, created or updated in place, safe under concurrent runs: a create that races another
// run's create falls back to finding and updating that PR (the approach of peter-evans/create-pull-request).
// Reviewers and assignees are requested only where missing, and a refusal (not a collaborator, the PR's own
// author) is reported, never fatal: the promotion itself is done by then.
import { OperationError } from '../core/errors.js';
import { apiError, type Octokit, type RepoRef } from './api.js';

export interface PullRequestSpec {
  head: string;
  base: string;
  title: string;
  body: string;
  labels: string[];
  draft?: boolean;
  /** Users to request reviews from (only those not requested yet). */
  reviewers?: string[];
  /** Team slugs (`team` or `org/team`) to request reviews from. */
  teamReviewers?: string[];
  assignees?: string[];
  /** Request the reviewers only when the PR is new or its branch changed (a re-run must not ping anyone). */
  requestReviews?: boolean;
}

/** A reviewer or assignee GitHub did not take, and why. */
export interface Refused {
  who: string;
  reason: string;
}

export interface PullRequestResult {
  operation: 'created' | 'updated' | 'unchanged';
  number: number;
  url: string;
  /** GraphQL node id (for auto-merge). */
  nodeId: string;
  /** Login of the PR's author (github-actions[bot] when made with the job token). */
  author: string;
  /** The author's account as GitHub reports it (whose PR it is: the token's account, or someone else's). */
  authorAccount: { login: string; id?: number; type?: string } | null;
  /** Reviewers (users, and teams as `org/slug`) requested by this run. */
  requested: string[];
  assigned: string[];
  refused: Refused[];
}

const notPermitted =
  'GitHub Actions is not permitted to create pull requests in this repository: enable "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General > Workflow permissions, also at the organization level), or pass a GitHub App or personal access token as `github-token`';

interface OpenPull {
  number: number;
  node_id: string;
  html_url: string;
  title: string;
  body: string | null;
  user: { login: string; id?: number; type?: string } | null;
  labels: Array<{ name: string }>;
  assignees?: Array<{ login: string }> | null;
  requested_reviewers?: Array<{ login: string }> | null;
  requested_teams?: Array<{ slug: string }> | null;
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
  return withOptions(octokit, repo, pull, spec, operation);
}

const sameLogin = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** GitHub's reason, from a 422 body (`message`, or `errors` as strings or objects). */
function refusalReason(error: unknown): string {
  const e = error as {
    status?: number;
    response?: { data?: { message?: string; errors?: Array<string | { message?: string }> } };
  };
  const data = e.response?.data;
  const detail = (data?.errors ?? [])
    .map((x) => (typeof x === 'string' ? x : (x.message ?? '')))
    .filter(Boolean);
  const text = detail.length > 0 ? detail.join('; ') : (data?.message ?? String(error));
  return e.status === 403 ? `${text} (the token needs \`pull-requests: write\`)` : text;
}

async function addAssignees(
  octokit: Octokit,
  repo: RepoRef,
  pull: OpenPull,
  wanted: string[],
): Promise<{ assigned: string[]; refused: Refused[] }> {
  const current = (pull.assignees ?? []).map((a) => a.login);
  const missing = wanted.filter((w) => !current.some((c) => sameLogin(c, w)));
  if (missing.length === 0) return { assigned: [], refused: [] };
  try {
    const { data } = await octokit.rest.issues.addAssignees({
      ...repo,
      issue_number: pull.number,
      assignees: missing,
    });
    const now = (data.assignees ?? []).map((a) => a.login);
    // GitHub drops assignees it cannot assign without saying so: compare with what it answers.
    return {
      assigned: missing.filter((m) => now.some((n) => sameLogin(n, m))),
      refused: missing
        .filter((m) => !now.some((n) => sameLogin(n, m)))
        .map((who) => ({
          who,
          reason: 'GitHub did not assign them (not a collaborator who can be assigned)',
        })),
    };
  } catch (error) {
    if (error instanceof Error && (error as { status?: number }).status === undefined) throw error;
    return { assigned: [], refused: missing.map((who) => ({ who, reason: refusalReason(error) })) };
  }
}

async function requestReviewers(
  octokit: Octokit,
  repo: RepoRef,
  pull: OpenPull,
  users: string[],
  teams: string[],
): Promise<{ requested: string[]; refused: Refused[] }> {
  const currentUsers = (pull.requested_reviewers ?? []).map((r) => r.login);
  const currentTeams = (pull.requested_teams ?? []).map((t) => t.slug);
  const wantUsers = users.filter((u) => !currentUsers.some((c) => sameLogin(c, u)));
  // `org/team` or `team`: the API takes the slug alone.
  const wantTeams = teams
    .map((t) => t.replace(/^[^/]+\//, ''))
    .filter((t) => !currentTeams.some((c) => sameLogin(c, t)));
  if (wantUsers.length === 0 && wantTeams.length === 0) return { requested: [], refused: [] };
  const ask = (reviewers: string[], team_reviewers: string[]) =>
    octokit.rest.pulls.requestReviewers({
      ...repo,
      pull_number: pull.number,
      ...(reviewers.length ? { reviewers } : {}),
      ...(team_reviewers.length ? { team_reviewers } : {}),
    });
  const label = (team: string): string => `${repo.owner}/${team}`;
  try {
    await ask(wantUsers, wantTeams);
    return { requested: [...wantUsers, ...wantTeams.map(label)], refused: [] };
  } catch (error) {
    if ((error as { status?: number }).status !== 422 || wantUsers.length + wantTeams.length === 1) {
      if ((error as { status?: number }).status === undefined) throw error;
      const reason = refusalReason(error);
      return {
        requested: [],
        refused: [...wantUsers, ...wantTeams.map(label)].map((who) => ({ who, reason })),
      };
    }
  }
  // GitHub refuses the whole request when one reviewer is not allowed: ask one by one to say which.
  const result = { requested: [] as string[], refused: [] as Refused[] };
  for (const [who, users1, teams1] of [
    ...wantUsers.map((u) => [u, [u], []] as const),
    ...wantTeams.map((t) => [label(t), [], [t]] as const),
  ]) {
    try {
      await ask([...users1], [...teams1]);
      result.requested.push(who);
    } catch (error) {
      if ((error as { status?: number }).status === undefined) throw error;
      result.refused.push({ who, reason: refusalReason(error) });
    }
  }
  return result;
}

async function withOptions(
  octokit: Octokit,
  repo: RepoRef,
  pull: OpenPull,
  spec: PullRequestSpec,
  operation: PullRequestResult['operation'],
): Promise<PullRequestResult> {
  const assignees = await addAssignees(octokit, repo, pull, spec.assignees ?? []);
  const reviews =
    spec.requestReviews === false && operation !== 'created'
      ? { requested: [], refused: [] }
      : await requestReviewers(octokit, repo, pull, spec.reviewers ?? [], spec.teamReviewers ?? []);
  return {
    operation,
    number: pull.number,
    url: pull.html_url,
    nodeId: pull.node_id,
    author: pull.user?.login ?? '',
    authorAccount: pull.user,
    requested: reviews.requested,
    assigned: assignees.assigned,
    refused: [...reviews.refused, ...assignees.refused],
  };
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
    const created: OpenPull = { ...data, labels: [] };
    await addLabels(octokit, repo, created, spec.labels);
    return withOptions(octokit, repo, created, spec, 'created');
  } catch (error) {
    if (error instanceof Error && (error as { status?: number }).status === undefined) throw error;
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
