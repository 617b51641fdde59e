// Review requests and assignees on PRs, with GitHub's refusals: a reviewer must be a collaborator (a team must have
// access) and cannot be the PR's author, and the whole request fails if one of them is not; assignees who cannot be
// assigned are silently dropped (the documented behaviour of issues/add-assignees).
import { basicError, type Handler, type HandlerContext } from './handlers.js';
import type { JsonObject } from './spec.js';
import type { PullRecord } from './state.js';

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : []).map((x: unknown) => {
    if (typeof x === 'string') return x;
    const login = (x as { login?: unknown } | null)?.login;
    return typeof login === 'string' ? login : '';
  });

function isCollaborator(ctx: HandlerContext, login: string): boolean {
  const lower = login.toLowerCase();
  return lower === ctx.state.owner.toLowerCase() || (ctx.state.permissions.get(lower) ?? 'none') !== 'none';
}

async function openPull(ctx: HandlerContext, key: string): Promise<PullRecord | undefined> {
  const n = Number(ctx.params[key]);
  if (!ctx.state.getPull(n)) return undefined;
  await ctx.state.syncPull(n);
  return ctx.state.getPull(n);
}

function issueOf(ctx: HandlerContext, pr: PullRecord): JsonObject {
  // The issue side of a PR: the documented `issue` shape with the PR's fields.
  const p = ctx.objects.pullRequest(pr);
  return {
    id: p.id!,
    node_id: p.node_id!,
    url: `${ctx.apiUrl}/repos/${ctx.state.fullName}/issues/${pr.number}`,
    repository_url: `${ctx.apiUrl}/repos/${ctx.state.fullName}`,
    labels_url: `${ctx.apiUrl}/repos/${ctx.state.fullName}/issues/${pr.number}/labels{/name}`,
    comments_url: p.comments_url!,
    events_url: `${ctx.apiUrl}/repos/${ctx.state.fullName}/issues/${pr.number}/events`,
    html_url: p.html_url!,
    number: pr.number,
    state: pr.state,
    title: pr.title,
    body: pr.body,
    user: p.user!,
    labels: p.labels!,
    assignee: p.assignee!,
    assignees: p.assignees!,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: p.comments!,
    pull_request: {
      url: p.url!,
      html_url: p.html_url!,
      diff_url: p.diff_url!,
      patch_url: p.patch_url!,
      merged_at: pr.mergedAt,
    },
    closed_at: pr.closedAt,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    author_association: p.author_association!,
  };
}

export const pullOptionHandlers: Record<string, Handler> = {
  'pulls/request-reviewers': async (ctx) => {
    const pr = await openPull(ctx, 'pull_number');
    if (!pr) return basicError(ctx, 404, 'Not Found');
    const body = ctx.body as { reviewers?: unknown; team_reviewers?: unknown } | undefined;
    const reviewers = strings(body?.reviewers);
    const teams = strings(body?.team_reviewers);
    if (reviewers.some((r) => r.toLowerCase() === pr.user.toLowerCase()))
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: ['Review cannot be requested from pull request author.'],
          documentation_url: ctx.docUrl,
          status: '422',
        },
      };
    if (
      reviewers.some((r) => !isCollaborator(ctx, r)) ||
      teams.some((t) => !ctx.state.teams.get(t.toLowerCase())?.access)
    )
      return basicError(
        ctx,
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${ctx.state.fullName} repository.`,
      );
    for (const r of reviewers)
      if (!pr.requestedReviewers.some((x) => x.toLowerCase() === r.toLowerCase()))
        pr.requestedReviewers.push(r);
    for (const t of teams)
      if (!pr.requestedTeams.includes(t.toLowerCase())) pr.requestedTeams.push(t.toLowerCase());
    const keys = ctx.schemaKeys('pull-request-simple');
    return { status: 201, body: ctx.objects.pullRequestSimple(pr, keys) };
  },

  'issues/add-assignees': async (ctx) => {
    const pr = await openPull(ctx, 'issue_number');
    if (!pr) return basicError(ctx, 404, 'Not Found');
    for (const login of strings((ctx.body as { assignees?: unknown } | undefined)?.assignees)) {
      const known = pr.assignees.some((a) => a.toLowerCase() === login.toLowerCase());
      // At most 10 assignees; others are ignored without an error.
      if (!known && isCollaborator(ctx, login) && pr.assignees.length < 10) pr.assignees.push(login);
    }
    return { status: 201, body: issueOf(ctx, pr) };
  },
};
