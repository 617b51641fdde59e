// Check runs (the Checks API validate uses for `annotations: check-run`) and the deletion of issue comments (the
// sticky report comment removes duplicates). GitHub behaviours encoded here, from the REST reference:
//   - a check run is on a commit that exists (`head_sha`), else 422 "No commit found for SHA";
//   - `conclusion` (or `completed_at`) completes the run; `status: completed` needs a conclusion;
//   - at most 50 annotations per request; each update appends its annotations to those already there;
//   - an annotation's `title` is at most 255 characters, its `message` and `raw_details` at most 64 KB;
//   - `start_column`/`end_column` only on one line.
// State lives here, keyed by the fake's state object, so the handlers stay self-contained; tests read check runs
// back through the API (`checks/get`, `checks/list-annotations`), as a GitHub client would.
import { basicError, validationFailed, type Handler, type HandlerContext } from './handlers.js';
import { retarget } from './objects.js';
import { example, type JsonObject } from './spec.js';
import { now, type GitHubState } from './state.js';

interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: JsonObject[];
}

const runs = new WeakMap<GitHubState, Map<number, CheckRunRecord>>();

function store(state: GitHubState): Map<number, CheckRunRecord> {
  let map = runs.get(state);
  if (!map) runs.set(state, (map = new Map()));
  return map;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The documented limits the schema does not state; a breach is recorded (GitHub answers 422). */
function checkAnnotations(ctx: HandlerContext, list: unknown[]): string | undefined {
  if (list.length > 50) return 'more than 50 annotations in one request';
  for (const raw of list) {
    const a = obj(raw);
    const title = str(a.title);
    if (title !== undefined && [...title].length > 255) return `annotation title longer than 255 characters`;
    for (const key of ['message', 'raw_details'])
      if (Buffer.byteLength(str(a[key]) ?? '') > 64 * 1024) return `annotation ${key} larger than 64 KB`;
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line)
      return 'start_column/end_column on an annotation spanning several lines';
    if (typeof a.start_line === 'number' && a.start_line < 1) return 'annotation line numbers start at 1';
  }
  void ctx;
  return undefined;
}

/** Applies a create or update body; undefined when it is accepted, else the 422 to answer. */
function apply(ctx: HandlerContext, run: CheckRunRecord, body: Record<string, unknown>) {
  const output = obj(body.output);
  const annotations = Array.isArray(output.annotations) ? output.annotations : [];
  const bad = checkAnnotations(ctx, annotations);
  if (bad) {
    ctx.violation(bad);
    return validationFailed(ctx, [{ resource: 'CheckRun', field: 'annotations', code: 'invalid' }]);
  }
  const conclusion = str(body.conclusion);
  const status = str(body.status);
  if (status === 'completed' && !conclusion && !run.conclusion)
    return validationFailed(ctx, [{ resource: 'CheckRun', field: 'conclusion', code: 'missing_field' }]);
  if (typeof body.name === 'string') run.name = body.name;
  if (typeof body.details_url === 'string') run.detailsUrl = body.details_url;
  if (typeof body.external_id === 'string') run.externalId = body.external_id;
  if (status === 'queued' || status === 'in_progress' || status === 'completed') run.status = status;
  if (conclusion) {
    run.conclusion = conclusion;
    run.status = 'completed';
    run.completedAt = str(body.completed_at) ?? now();
  }
  if (body.output !== undefined) {
    if (typeof output.title === 'string') run.output.title = output.title;
    if (typeof output.summary === 'string') run.output.summary = output.summary;
    if (typeof output.text === 'string') run.output.text = output.text;
  }
  for (const a of annotations) {
    const x = obj(a);
    run.annotations.push({
      path: String(x.path),
      start_line: Number(x.start_line),
      end_line: Number(x.end_line),
      start_column: typeof x.start_column === 'number' ? x.start_column : null,
      end_column: typeof x.end_column === 'number' ? x.end_column : null,
      annotation_level: String(x.annotation_level),
      title: str(x.title) ?? '',
      message: String(x.message),
      raw_details: str(x.raw_details) ?? '',
      blob_href: `${ctx.apiUrl}/repos/${ctx.state.fullName}/git/blobs/${run.headSha}`,
    });
  }
  return undefined;
}

function checkRun(ctx: HandlerContext, run: CheckRunRecord): JsonObject {
  const html = ctx.objects.fullRepository().html_url as string;
  const o = retarget(example<JsonObject>('check-run-example-of-completed-conclusion'), [
    ['https://api.github.com/repos/github/hello-world', `${ctx.apiUrl}/repos/${ctx.state.fullName}`],
    ['https://github.com/github/hello-world', html],
  ]);
  const api = `${ctx.apiUrl}/repos/${ctx.state.fullName}/check-runs/${run.id}`;
  o.id = run.id;
  o.node_id = Buffer.from(`08:CheckRun${run.id}`).toString('base64');
  o.name = run.name;
  o.head_sha = run.headSha;
  o.url = api;
  o.html_url = `${html}/runs/${run.id}`;
  o.details_url = run.detailsUrl;
  o.external_id = run.externalId;
  o.status = run.status;
  o.conclusion = run.conclusion;
  o.started_at = run.startedAt;
  o.completed_at = run.completedAt;
  o.output = {
    title: run.output.title,
    summary: run.output.summary,
    text: run.output.text,
    annotations_count: run.annotations.length,
    annotations_url: `${api}/annotations`,
  };
  // The check run belongs to the app of the token (GitHub Actions for the job token), on no PR the fake tracks.
  o.pull_requests = [];
  return o;
}

function found(ctx: HandlerContext): CheckRunRecord | undefined {
  return store(ctx.state).get(Number(ctx.params.check_run_id));
}

export const checkHandlers: Record<string, Handler> = {
  'checks/create': async (ctx) => {
    const body = obj(ctx.body);
    const headSha = String(body.head_sha);
    if (!/^[0-9a-f]{40}$/.test(headSha) || !(await ctx.state.commitExists(headSha)))
      return validationFailed(ctx, [
        {
          resource: 'CheckRun',
          code: 'custom',
          field: 'head_sha',
          message: `No commit found for SHA: ${headSha}`,
        },
      ]);
    const run: CheckRunRecord = {
      id: ctx.state.newId(),
      name: String(body.name),
      headSha,
      status: 'queued',
      conclusion: null,
      startedAt: str(body.started_at) ?? now(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
    };
    const refused = apply(ctx, run, body);
    if (refused) return refused;
    store(ctx.state).set(run.id, run);
    return { status: 201, body: checkRun(ctx, run) };
  },

  'checks/update': (ctx) => {
    const run = found(ctx);
    if (!run) return basicError(ctx, 404, 'Not Found');
    const refused = apply(ctx, run, obj(ctx.body));
    if (refused) return refused;
    return { status: 200, body: checkRun(ctx, run) };
  },

  'checks/get': (ctx) => {
    const run = found(ctx);
    if (!run) return basicError(ctx, 404, 'Not Found');
    return { status: 200, body: checkRun(ctx, run) };
  },

  // Check runs on a commit (`ref` a SHA, or a branch or tag name resolved to its commit), newest first.
  'checks/list-for-ref': async (ctx) => {
    const ref = String(ctx.params.ref);
    const sha = /^[0-9a-f]{40}$/.test(ref)
      ? ref
      : ((await ctx.state.readRef(`refs/heads/${ref}`)) ?? (await ctx.state.readRef(`refs/tags/${ref}`)))
          ?.sha;
    if (!sha) return validationFailed(ctx, [{ resource: 'Commit', field: 'ref', code: 'invalid' }]);
    const name = str(ctx.params.check_name);
    const list = [...store(ctx.state).values()]
      .filter((run) => run.headSha === sha && (name === undefined || run.name === name))
      .reverse();
    return {
      status: 200,
      body: { total_count: list.length, check_runs: list.map((run) => checkRun(ctx, run)) },
    };
  },

  'checks/list-annotations': (ctx) => {
    const run = found(ctx);
    if (!run) return basicError(ctx, 404, 'Not Found');
    return { status: 200, body: run.annotations, paginate: true };
  },

  'issues/delete-comment': (ctx) => {
    const i = ctx.state.comments.findIndex((c) => c.id === Number(ctx.params.comment_id));
    if (i < 0) return basicError(ctx, 404, 'Not Found');
    ctx.state.comments.splice(i, 1);
    return { status: 204 };
  },
};
