// One handler per GitHub operationId. Anything not listed here is answered 501 and recorded as a violation, so a
// new API call in an action cannot pass unnoticed. GitHub behaviours encoded here are cited inline.
import { approvalHandlers } from './handlers-approvals.js';
import type { Objects } from './objects.js';
import type { Route } from './router.js';
import type { Json, JsonObject } from './spec.js';
import { MergeConflictError, now, type GitHubState, type PullRecord } from './state.js';

export interface HandlerContext {
  state: GitHubState;
  objects: Objects;
  route: Route;
  /** Path and query parameters after validation (coerced types, documented defaults applied). */
  params: Record<string, unknown>;
  body: unknown;
  /** The login the token acts as. */
  actor: string;
  docUrl: string;
  apiUrl: string;
  violation(message: string): void;
  schemaKeys(schemaName: string): readonly string[];
}

export interface HandlerResult {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  /** The body is the complete list; the server slices it by per_page/page and adds Link headers. */
  paginate?: boolean;
}

export type Handler = (ctx: HandlerContext) => Promise<HandlerResult> | HandlerResult;

export function basicError(
  ctx: Pick<HandlerContext, 'docUrl'>,
  status: number,
  message: string,
): HandlerResult {
  return { status, body: { message, documentation_url: ctx.docUrl, status: String(status) } };
}

/** GitHub's 422 shape: `{message: 'Validation Failed', errors: [...], documentation_url}`. */
export function validationFailed(ctx: Pick<HandlerContext, 'docUrl'>, errors: JsonObject[]): HandlerResult {
  return {
    status: 422,
    body: { message: 'Validation Failed', errors, documentation_url: ctx.docUrl, status: '422' },
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

async function pullOr404(ctx: HandlerContext, key = 'pull_number'): Promise<PullRecord | HandlerResult> {
  const n = num(ctx.params[key]);
  if (!ctx.state.getPull(n)) return basicError(ctx, 404, 'Not Found');
  // Answers about a PR always reflect the branches as they are now.
  await ctx.state.syncPull(n);
  return ctx.state.getPull(n) as PullRecord;
}

function isResult(v: PullRecord | HandlerResult): v is HandlerResult {
  return 'status' in v && typeof v.status === 'number' && !('number' in v);
}

/** `head` in pulls/create: `branch` or `owner:branch` (owner = this repo's owner or the fork's owner). */
function parseHead(state: GitHubState, head: string): { owner: string; branch: string } {
  const i = head.indexOf(':');
  return i < 0
    ? { owner: state.owner, branch: head }
    : { owner: head.slice(0, i), branch: head.slice(i + 1) };
}

function headLabel(state: GitHubState, pr: PullRecord): string {
  return `${pr.headRepoFork ? pr.user : state.owner}:${pr.head}`;
}

export const handlers: Record<string, Handler> = {
  ...approvalHandlers,

  'repos/get': (ctx) => ({ status: 200, body: ctx.objects.fullRepository() }),

  'repos/get-collaborator-permission-level': (ctx) => {
    const login = String(ctx.params.username);
    // Apps' bot accounts and the placeholder of deleted accounts are not users GitHub can rate.
    if (login.endsWith('[bot]') || login.toLowerCase() === 'ghost') return basicError(ctx, 404, 'Not Found');
    return { status: 200, body: ctx.objects.collaboratorPermission(login) };
  },

  'git/get-ref': async (ctx) => {
    const ref = `refs/${String(ctx.params.ref)}`;
    const found = await ctx.state.readRef(ref);
    if (!found) return basicError(ctx, 404, 'Not Found');
    return { status: 200, body: ctx.objects.gitRef(ref, found.sha, found.type) };
  },

  'git/delete-ref': async (ctx) => {
    const ref = `refs/${String(ctx.params.ref)}`;
    const found = await ctx.state.readRef(ref);
    // GitHub answers a missing ref with 422 "Reference does not exist".
    if (!found) return basicError(ctx, 422, 'Reference does not exist');
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    if (branch === ctx.state.o.defaultBranch) return basicError(ctx, 422, 'Cannot delete the default branch');
    await ctx.state.git(['update-ref', '-d', ref, found.sha]);
    if (branch) await ctx.state.deleteBranchEffects(branch);
    return { status: 204 };
  },

  'pulls/get': async (ctx) => {
    const pr = await pullOr404(ctx);
    if (isResult(pr)) return pr;
    return { status: 200, body: ctx.objects.pullRequest(pr) };
  },

  'pulls/list': async (ctx) => {
    await ctx.state.syncAll();
    const state = str(ctx.params.state) ?? 'open';
    const head = str(ctx.params.head);
    const base = str(ctx.params.base);
    const sort = str(ctx.params.sort) ?? 'created';
    const direction = str(ctx.params.direction) ?? (sort === 'created' ? 'desc' : 'asc');
    let list = [...ctx.state.pulls.values()];
    if (state !== 'all') list = list.filter((p) => p.state === state);
    if (head !== undefined) {
      if (!head.includes(':')) {
        // GitHub silently ignores a head filter without `owner:` and returns every PR (github/docs#16647).
        ctx.violation(`pulls/list: head filter "${head}" lacks the owner (use "${ctx.state.owner}:${head}")`);
      } else {
        list = list.filter((p) => headLabel(ctx.state, p).toLowerCase() === head.toLowerCase());
      }
    }
    if (base !== undefined) list = list.filter((p) => p.base === base);
    const key = (p: PullRecord): string | number =>
      sort === 'updated' ? p.updatedAt : sort === 'popularity' ? p.number : p.createdAt;
    list.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
      return direction === 'asc' ? c : -c;
    });
    const keys = ctx.schemaKeys('pull-request-simple');
    return { status: 200, body: list.map((p) => ctx.objects.pullRequestSimple(p, keys)), paginate: true };
  },

  'pulls/create': async (ctx) => {
    const b = obj(ctx.body);
    if (!ctx.state.pullRequestCreationAllowed) {
      // Repository/organisation setting "Allow GitHub Actions to create and approve pull requests" is off.
      return basicError(ctx, 403, 'GitHub Actions is not permitted to create or approve pull requests.');
    }
    const headRaw = str(b.head) ?? '';
    const baseName = str(b.base) ?? '';
    const { owner: headOwner, branch } = parseHead(ctx.state, headRaw);
    const fork = headOwner.toLowerCase() !== ctx.state.owner.toLowerCase();
    const headSha = fork ? undefined : await ctx.state.branchSha(branch);
    const baseSha = await ctx.state.branchSha(baseName);
    const errors: JsonObject[] = [];
    if (!headSha) errors.push({ resource: 'PullRequest', field: 'head', code: 'invalid' });
    if (!baseSha) errors.push({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    if (errors.length) return validationFailed(ctx, errors);
    if (b.title === undefined && b.issue === undefined) {
      return validationFailed(ctx, [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
    }
    if (b.issue !== undefined) {
      ctx.violation('pulls/create with `issue` is not supported by the fake');
      return basicError(ctx, 422, 'issue conversion not supported by the fake');
    }
    await ctx.state.syncAll();
    const dup = [...ctx.state.pulls.values()].find(
      (p) => p.state === 'open' && !p.headRepoFork && p.head === branch && p.base === baseName,
    );
    if (dup) {
      return validationFailed(ctx, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${ctx.state.owner}:${branch}.`,
        },
      ]);
    }
    const ahead = await ctx.state.git(['rev-list', '--count', `${baseSha}..${headSha}`]);
    if (Number(ahead.stdout.trim()) === 0) {
      return validationFailed(ctx, [
        { resource: 'PullRequest', code: 'custom', message: `No commits between ${baseName} and ${branch}` },
      ]);
    }
    const pr = await ctx.state.createPull({
      head: branch,
      base: baseName,
      title: str(b.title) ?? '',
      body: str(b.body) ?? null,
      user: ctx.actor,
      fork: false,
      draft: b.draft === true,
      maintainerCanModify: b.maintainer_can_modify !== false,
      createdBy: 'api',
    });
    return {
      status: 201,
      body: ctx.objects.pullRequest(pr),
      headers: { location: `${ctx.apiUrl}/repos/${ctx.state.fullName}/pulls/${pr.number}` },
    };
  },

  'pulls/update': async (ctx) => {
    const pr = await pullOr404(ctx);
    if (isResult(pr)) return pr;
    const b = obj(ctx.body);
    if (typeof b.base === 'string' && b.base !== pr.base) {
      if (!(await ctx.state.branchSha(b.base))) {
        return validationFailed(ctx, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      }
      ctx.state.changeBase(pr, b.base, ctx.actor);
    }
    if (typeof b.title === 'string') pr.title = b.title;
    if (typeof b.body === 'string') pr.body = b.body;
    if (typeof b.maintainer_can_modify === 'boolean') pr.maintainerCanModify = b.maintainer_can_modify;
    if (b.state === 'closed') ctx.state.close(pr);
    if (b.state === 'open' && pr.state === 'closed') {
      if (pr.merged) {
        return validationFailed(ctx, [
          {
            resource: 'PullRequest',
            code: 'custom',
            field: 'state',
            message:
              'state cannot be changed. The pull request cannot be reopened because it has been merged.',
          },
        ]);
      }
      if (!(await ctx.state.branchSha(pr.head))) {
        return validationFailed(ctx, [
          {
            resource: 'PullRequest',
            code: 'custom',
            field: 'state',
            message: 'state cannot be changed. The head branch was deleted.',
          },
        ]);
      }
      const dup = [...ctx.state.pulls.values()].find(
        (p) => p !== pr && p.state === 'open' && p.head === pr.head && p.base === pr.base,
      );
      if (dup) {
        return validationFailed(ctx, [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${headLabel(ctx.state, pr)}.`,
          },
        ]);
      }
      pr.state = 'open';
      pr.closedAt = null;
      delete pr.computedFor;
    }
    pr.updatedAt = now();
    await ctx.state.syncPull(pr.number);
    return { status: 200, body: ctx.objects.pullRequest(pr) };
  },

  'pulls/merge': async (ctx) => {
    const pr = await pullOr404(ctx);
    if (isResult(pr)) return pr;
    const b = obj(ctx.body);
    if (typeof b.sha === 'string' && b.sha !== pr.headSha) {
      return basicError(ctx, 409, 'Head branch was modified. Review and try the merge again.');
    }
    const method = str(b.merge_method) ?? 'merge';
    if (method !== 'merge' && method !== 'squash' && method !== 'rebase') {
      ctx.violation(`pulls/merge: merge_method ${method} is not supported by the fake`);
      return basicError(ctx, 422, `merge_method ${method} not supported by the fake`);
    }
    try {
      const sha = await ctx.state.merge(pr.number, {
        method,
        by: ctx.actor,
        title: str(b.commit_title),
        message: str(b.commit_message),
      });
      return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
    } catch (e) {
      if (e instanceof MergeConflictError) return basicError(ctx, 405, e.message);
      throw e;
    }
  },

  'issues/add-labels': async (ctx) => {
    const pr = await pullOr404(ctx, 'issue_number');
    if (isResult(pr)) return pr;
    const raw = obj(ctx.body).labels;
    const names = (Array.isArray(raw) ? raw : []).map((l) =>
      typeof l === 'string' ? l : String(obj(l).name),
    );
    ctx.state.addLabels(pr, names, ctx.actor);
    return { status: 200, body: pr.labels.map((l) => ctx.objects.label(l)) };
  },

  'issues/remove-label': async (ctx) => {
    const pr = await pullOr404(ctx, 'issue_number');
    if (isResult(pr)) return pr;
    if (!ctx.state.removeLabel(pr, String(ctx.params.name), ctx.actor)) {
      return basicError(ctx, 404, 'Label does not exist');
    }
    return { status: 200, body: pr.labels.map((l) => ctx.objects.label(l)) };
  },

  'issues/list-labels-on-issue': async (ctx) => {
    const pr = await pullOr404(ctx, 'issue_number');
    if (isResult(pr)) return pr;
    return { status: 200, body: pr.labels.map((l) => ctx.objects.label(l)), paginate: true };
  },

  'issues/list-events': async (ctx) => {
    const pr = await pullOr404(ctx, 'issue_number');
    if (isResult(pr)) return pr;
    const events = ctx.state.events.filter((e) => e.issue === pr.number);
    return { status: 200, body: events.map((e) => ctx.objects.issueEvent(e)), paginate: true };
  },

  'issues/list-comments': async (ctx) => {
    const pr = await pullOr404(ctx, 'issue_number');
    if (isResult(pr)) return pr;
    const since = str(ctx.params.since);
    const list = ctx.state.comments.filter((c) => c.issue === pr.number && (!since || c.updatedAt >= since));
    return { status: 200, body: list.map((c) => ctx.objects.comment(c)), paginate: true };
  },

  'issues/create-comment': async (ctx) => {
    const pr = await pullOr404(ctx, 'issue_number');
    if (isResult(pr)) return pr;
    const t = now();
    const c = {
      id: ctx.state.newId(),
      issue: pr.number,
      body: String(obj(ctx.body).body),
      user: ctx.actor,
      createdAt: t,
      updatedAt: t,
    };
    ctx.state.comments.push(c);
    return {
      status: 201,
      body: ctx.objects.comment(c),
      headers: { location: `${ctx.apiUrl}/repos/${ctx.state.fullName}/issues/comments/${c.id}` },
    };
  },

  'issues/update-comment': (ctx) => {
    const c = ctx.state.comments.find((x) => x.id === num(ctx.params.comment_id));
    if (!c) return basicError(ctx, 404, 'Not Found');
    c.body = String(obj(ctx.body).body);
    c.updatedAt = now();
    return { status: 200, body: ctx.objects.comment(c) };
  },
};
