// Handlers for what the validate action reads to decide who approved an exception, and for which commit: the PR's
// reviews (each with the commit it was made on) and the repository activity log (pushes with server time).
import type { Handler, HandlerContext, HandlerResult } from './handlers.js';
import type { PullRecord } from './state.js';

function notFound(ctx: HandlerContext): HandlerResult {
  return { status: 404, body: { message: 'Not Found', documentation_url: ctx.docUrl, status: '404' } };
}

async function pull(ctx: HandlerContext): Promise<PullRecord | undefined> {
  const n = Number(ctx.params.pull_number);
  if (!ctx.state.getPull(n)) return undefined;
  await ctx.state.syncPull(n);
  return ctx.state.getPull(n);
}

export const approvalHandlers: Record<string, Handler> = {
  // "The list of reviews returns in chronological order."
  'pulls/list-reviews': async (ctx) => {
    const pr = await pull(ctx);
    if (!pr) return notFound(ctx);
    const list = ctx.state.reviews.filter((r) => r.pull === pr.number);
    return { status: 200, body: list.map((r) => ctx.objects.review(r)), paginate: true };
  },

  // Repository activities, newest first (GitHub's default direction is desc), filtered by ref and type.
  'repos/list-activities': async (ctx) => {
    const raw = typeof ctx.params.ref === 'string' ? ctx.params.ref : undefined;
    const ref = raw === undefined ? undefined : raw.startsWith('refs/') ? raw : `refs/heads/${raw}`;
    const zero = /^0+$/;
    const records = await ctx.state.activities(ref);
    const typed = await Promise.all(
      records.map(async (a, i) => {
        let type = 'push';
        if (zero.test(a.before)) type = 'branch_creation';
        else if (zero.test(a.after)) type = 'branch_deletion';
        else {
          const ff = await ctx.state.git(['merge-base', '--is-ancestor', a.before, a.after], {
            allowFail: true,
          });
          if (ff.code !== 0) type = 'force_push';
        }
        return ctx.objects.activity(a, i + 1, type);
      }),
    );
    const wanted = typeof ctx.params.activity_type === 'string' ? ctx.params.activity_type : undefined;
    const list = typed.filter((a) => wanted === undefined || a.activity_type === wanted);
    if (ctx.params.direction !== 'asc') list.reverse();
    return { status: 200, body: list, paginate: true };
  },
};
