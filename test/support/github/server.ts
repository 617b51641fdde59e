// A contract-checked fake of the GitHub REST API on 127.0.0.1: every request is routed and checked against GitHub's
// OpenAPI description, every response is validated against the documented schema for its status, and anything
// off-contract lands in `violations` (tests assert it stays empty).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitDataHandlers } from './git-data.js';
import { answerGraphQL } from './graphql.js';
import { checkHandlers } from './handlers-checks.js';
import { basicError, handlers as restHandlers, type HandlerContext, type HandlerResult } from './handlers.js';
import { Objects } from './objects.js';
import { pullOptionHandlers } from './pull-options.js';
import { requireSignedCommitsOnPush } from './signed-commits.js';
import { matchRoute, type Route } from './router.js';
import {
  loadSpec,
  resolveRef,
  type Json,
  type JsonObject,
  type RequestBodyObject,
  type ResponseObject,
} from './spec.js';
import {
  GitHubState,
  type BranchRule,
  type MergeMethod,
  type PullRecord,
  type PullState,
  type RepoSettings,
  type Role,
} from './state.js';
import { formatErrors, validate, validatorAt, validatorFor } from './validators.js';

export type { BranchRule, PullState, RepoSettings, Role } from './state.js';

const handlers = { ...restHandlers, ...gitDataHandlers, ...pullOptionHandlers, ...checkHandlers };

/** A failure GitHub's front end answers with before the operation runs (the request has no effect). */
export type Fault =
  | { status: 500 | 502 | 503 | 504 }
  /** 403 "You have exceeded a secondary rate limit" with `retry-after` seconds. */
  | { secondaryRateLimit: { retryAfter: number } }
  /** 403 with `x-ratelimit-remaining: 0`, resetting `resetIn` seconds from now. */
  | { rateLimit: { resetIn: number } };

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  /** Path of a bare git repository: branches and SHAs come from it. */
  bareRepo: string;
  defaultBranch?: string;
  /** Login the token acts as (default `github-actions[bot]`, as for GITHUB_TOKEN). */
  tokenUser?: string;
  /** Default false; decides the default permission of unknown users (public: read, private: none). */
  private?: boolean;
  /** `html_url` host (default https://github.com). */
  serverUrl?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  operationId?: string;
  status: number;
  /** For POST /graphql: the operation's top-level fields. */
  graphql?: string[];
}

export interface FakeGitHub {
  url: string;
  token: string;
  /**
   * Environment for an action run against this fake: `PACKAGE_STORAGE_API_TIME_SCALE` shrinks every client-side wait
   * (retry backoff, `retry-after`, write pacing) a thousandfold, so retries and rate limits cost no real time.
   */
  clientEnv: Record<string, string>;
  violations: string[];
  requests: RequestRecord[];
  pulls: Map<number, PullState>;
  openPull(o: {
    head: string;
    base: string;
    title: string;
    body?: string;
    user?: string;
    fork?: boolean;
    labels?: string[];
    draft?: boolean;
  }): Promise<PullState>;
  syncPull(n: number): Promise<void>;
  /** `at`: the label event's time (ISO 8601, default now), e.g. to place it after a push. */
  addLabel(n: number, label: string, actor: string, at?: string): void;
  /**
   * A review of the PR by `user`; `commitId` defaults to the PR's current head (what the reviewer saw), `at` (ISO
   * 8601) to now.
   */
  addReview(
    n: number,
    review: {
      user: string;
      state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
      commitId?: string;
      at?: string;
    },
  ): Promise<void>;
  /** A comment on PR `n` written by `user` (a person, another app's bot); returns its id. */
  addComment(n: number, user: string, body: string): number;
  /** Someone edits the PR's base branch (a `base_ref_changed` event at `at`, default now). */
  changeBase(n: number, base: string, actor: string, at?: string): Promise<void>;
  /** The branch updates made since the last look are recorded in the activity log as pushed by `login`. */
  recordPushes(login: string): Promise<void>;
  /**
   * PRs added to `base`'s merge queue (after any already queued) as GitHub does: a commit per PR under its
   * `gh-readonly-queue/…` branch, and an entry in the queue (GraphQL `mergeQueue`). Returns what the merge_group
   * event of the new group names.
   */
  enqueue(base: string, numbers: number[]): Promise<{ head: string; headRef: string; baseSha: string }>;
  /** Empties `base`'s merge queue (its PRs dequeued or merged); the queue's branches stay. */
  clearMergeQueue(base: string): void;
  setPermission(login: string, role: Role): void;
  mergePull(n: number, method?: MergeMethod): Promise<string>;
  /** Repository settings (GitHub's defaults: auto-merge off, every merge method allowed). */
  setRepositorySettings(settings: Partial<RepoSettings>): void;
  /** A branch protection rule: required checks (PRs stay BLOCKED), required signed commits (pushes and API). */
  protectBranch(branch: string, rule: Partial<BranchRule>): Promise<void>;
  /** An organization team (slug) that may or may not have access to the repository. */
  addTeam(slug: string, o?: { access?: boolean }): void;
  /** The required checks of PR `n` passed: merges it when auto-merge is on; returns the merge commit or undefined. */
  completeChecks(n: number): Promise<string | undefined>;
  /** The next `times` requests to `target` (an operationId, or `graphql`) get `fault` instead of an answer. */
  failNext(target: string, fault: Fault, times?: number): void;
  /** Runs `fn` right before the next request to `target` (an operationId, or `graphql`) is answered. */
  beforeNext(target: string, fn: () => Promise<unknown>): void;
  /** Commits GitHub created and signed through the git data API. */
  verifiedCommits: ReadonlySet<string>;
  closePull(n: number): void;
  setPullRequestCreationAllowed(allowed: boolean): void;
  /** true -> every non-GET request answers 403 "Resource not accessible by integration" (fork PR tokens). */
  setReadOnlyToken(readOnly: boolean): void;
  /** Calls by operationId, e.g. `calls('pulls/create')`. */
  calls(operationId: string): RequestRecord[];
  close(): Promise<void>;
}

const DOCS_ROOT = 'https://docs.github.com/rest';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isBasicError(body: Json | undefined): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof body.message === 'string' &&
    validate('/components/schemas/basic-error', body) === undefined
  );
}

/** The documented schema pointer for a status, `null` when documented without a body, undefined if undocumented. */
function responseSchemaPointer(route: Route, status: number): string | null | undefined {
  const entry = route.operation.responses[String(status)] ?? route.operation.responses.default;
  if (!entry) return undefined;
  const { value, pointer } = resolveRef<ResponseObject>(loadSpec(), entry);
  const base = pointer ?? `${route.pointer}/responses/${status}`;
  return value.content?.['application/json']?.schema ? `${base}/content/application~1json/schema` : null;
}

function checkResponse(route: Route, status: number, body: Json | undefined): string | undefined {
  const pointer = responseSchemaPointer(route, status);
  const where = `${route.operationId} → ${status}`;
  if (pointer === undefined) {
    // GitHub really returns some undocumented statuses (404 on pulls/update…); only in the basic-error shape.
    if (status >= 400 && isBasicError(body)) return undefined;
    return `${where}: undocumented status`;
  }
  if (pointer === null) {
    if (body === undefined) return undefined;
    if (status >= 400 && isBasicError(body)) return undefined;
    return `${where}: documented without a body, but one was sent`;
  }
  if (body === undefined) return `${where}: documented body missing`;
  const err = validate(pointer, body);
  return err ? `${where}: response does not match the documented schema: ${err}` : undefined;
}

interface ParamCheck {
  params: Record<string, unknown>;
  problems: string[];
}

function checkParameters(
  route: Route,
  pathParams: Record<string, string>,
  url: URL,
  req: IncomingMessage,
): ParamCheck {
  const problems: string[] = [];
  const data: Record<string, unknown> = { ...pathParams };
  const declaredQuery = new Set<string>();
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const { param } of route.parameters) {
    if (param.in === 'cookie') continue;
    properties[param.name] = param.schema ?? {};
    if (param.required) required.push(param.name);
    if (param.in === 'query') declaredQuery.add(param.name);
    if (param.in === 'header') {
      const v = req.headers[param.name.toLowerCase()];
      if (v !== undefined) data[param.name] = v;
    }
  }
  for (const key of new Set(url.searchParams.keys())) {
    if (!declaredQuery.has(key)) {
      // GitHub silently ignores unknown query parameters; a typo (`head_branch`) would go unnoticed.
      problems.push(`unknown query parameter "${key}"`);
      continue;
    }
    const all = url.searchParams.getAll(key);
    data[key] = all.length > 1 ? all : all[0];
  }
  const fn = validatorFor(`params:${route.pointer}`, { type: 'object', properties, required }, 'params');
  if (!fn(data)) problems.push(`parameters: ${formatErrors(fn.errors)}`);
  return { params: data, problems };
}

function checkBody(
  route: Route,
  raw: string,
  req: IncomingMessage,
): { body: unknown; problems: string[]; status?: number } {
  const problems: string[] = [];
  const spec = loadSpec();
  const rb = route.operation.requestBody
    ? resolveRef<RequestBodyObject>(spec, route.operation.requestBody)
    : undefined;
  if (!raw.trim()) {
    if (rb?.value.required) problems.push('request body required but missing');
    return { body: undefined, problems };
  }
  const contentType = String(req.headers['content-type'] ?? '');
  if (!contentType.toLowerCase().startsWith('application/json')) {
    problems.push(`body sent with content-type "${contentType}", expected application/json`);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { body: undefined, problems: [...problems, 'body is not valid JSON'], status: 400 };
  }
  if (!rb) {
    problems.push('body sent to an operation that takes none');
    return { body, problems };
  }
  const base = rb.pointer ?? `${route.pointer}/requestBody`;
  if (!rb.value.content['application/json']?.schema) {
    problems.push('operation has no application/json request body');
    return { body, problems };
  }
  const fn = validatorAt(`${base}/content/application~1json/schema`);
  if (!fn(body)) problems.push(`request body: ${formatErrors(fn.errors)}`);
  return { body, problems };
}

export async function startFakeGitHub(o: FakeGitHubOptions): Promise<FakeGitHub> {
  const spec = loadSpec();
  const token = `ghs_fake${randomBytes(16).toString('hex')}`;
  const state = new GitHubState({
    owner: o.owner,
    repo: o.repo,
    bareRepo: o.bareRepo,
    defaultBranch: o.defaultBranch ?? 'main',
    tokenUser: o.tokenUser ?? 'github-actions[bot]',
    private: o.private ?? false,
  });
  await state.observeRefs();
  const violations: string[] = [];
  const requests: RequestRecord[] = [];
  let readOnly = false;
  const faults: Array<{ target: string; fault: Fault }> = [];
  const before: Array<{ target: string; fn: () => Promise<unknown> }> = [];
  const runBefore = async (target: string): Promise<void> => {
    const i = before.findIndex((b) => b.target === target);
    if (i >= 0) await before.splice(i, 1)[0]!.fn();
  };
  let apiUrl = '';
  const urls = { api: '', server: o.serverUrl ?? 'https://github.com' };
  const objects = new Objects(state, urls);

  const schemaKeys = (name: string): readonly string[] => {
    const props = spec.components.schemas[name]?.properties;
    return props && typeof props === 'object' ? Object.keys(props) : [];
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', apiUrl);
    const record: RequestRecord = { method, path: `${url.pathname}${url.search}`, status: 0 };
    requests.push(record);
    const where = `${method} ${record.path}`;
    const send = (result: HandlerResult): void => {
      record.status = result.status;
      const headers: Record<string, string> = {
        'x-github-request-id': randomUUID(),
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-used': '1',
        'x-ratelimit-resource': 'core',
        ...result.headers,
      };
      if (result.body === undefined) {
        res.writeHead(result.status, headers).end();
      } else {
        headers['content-type'] = 'application/json; charset=utf-8';
        res.writeHead(result.status, headers).end(JSON.stringify(result.body));
      }
    };
    const reject = (status: number, message: string, violation: string, docUrl = DOCS_ROOT): void => {
      violations.push(`${where}: ${violation}`);
      send(basicError({ docUrl }, status, message));
    };

    const faultFor = (target: string): Fault | undefined => {
      const i = faults.findIndex((f) => f.target === target);
      return i < 0 ? undefined : faults.splice(i, 1)[0]!.fault;
    };
    const sendFault = (fault: Fault): void => {
      if ('status' in fault)
        return send({
          status: fault.status,
          body: { message: 'Server Error', documentation_url: DOCS_ROOT },
        });
      if ('secondaryRateLimit' in fault)
        return send({
          status: 403,
          headers: { 'retry-after': String(fault.secondaryRateLimit.retryAfter) },
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '403',
          },
        });
      send({
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.rateLimit.resetIn),
        },
        body: {
          message: 'API rate limit exceeded for installation.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
          status: '403',
        },
      });
    };

    if (url.pathname === '/graphql') {
      record.operationId = 'graphql';
      const fault = faultFor('graphql');
      if (fault) return sendFault(fault);
      await runBefore('graphql');
      if (method !== 'POST')
        return reject(404, 'Not Found', `${method} /graphql: GitHub's GraphQL API takes POST`);
      const m = /^(token|bearer)\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
      if (!m || m[2] !== token)
        return reject(
          401,
          'This endpoint requires you to be authenticated.',
          'GraphQL request without the token',
        );
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return reject(400, 'Problems parsing JSON', 'GraphQL body is not valid JSON');
      }
      const answer = await state.serialize(() =>
        answerGraphQL(parsed, {
          state,
          objects,
          actor: state.o.tokenUser,
          readOnly,
          violation: (msg) => violations.push(`${where}: ${msg}`),
        }),
      );
      if (answer.fields) record.graphql = answer.fields;
      return send(answer);
    }

    const matched = matchRoute(method, url.pathname);
    if (matched.kind !== 'match') {
      const why =
        matched.kind === 'no-method'
          ? `no ${method} operation on ${matched.templates.join(', ')}`
          : 'no such route in the GitHub REST API description';
      return reject(404, 'Not Found', why);
    }
    const { route, pathParams } = matched.match;
    record.operationId = route.operationId;
    const fault = faultFor(route.operationId);
    if (fault) return sendFault(fault);
    await runBefore(route.operationId);
    const docUrl = route.operation.externalDocs?.url ?? DOCS_ROOT;

    const auth = String(req.headers.authorization ?? '');
    const m = /^(token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m) return reject(401, 'Requires authentication', 'no Authorization: token|bearer header', docUrl);
    if (m[2] !== token) return reject(401, 'Bad credentials', 'wrong token', docUrl);

    if (
      (pathParams.owner !== undefined && pathParams.owner.toLowerCase() !== o.owner.toLowerCase()) ||
      (pathParams.repo !== undefined && pathParams.repo.toLowerCase() !== o.repo.toLowerCase())
    ) {
      return reject(404, 'Not Found', `request for a repository other than ${state.fullName}`, docUrl);
    }

    const p = checkParameters(route, pathParams, url, req);
    const b = checkBody(route, raw, req);
    const problems = [...p.problems, ...b.problems];
    if (problems.length) {
      return reject(b.status ?? 422, `Invalid request: ${problems.join('; ')}`, problems.join('; '), docUrl);
    }

    const handler = handlers[route.operationId];
    if (!handler) {
      return reject(
        501,
        `Not implemented by the fake: ${route.operationId}`,
        `no handler for ${route.operationId}`,
        docUrl,
      );
    }
    if (readOnly && method !== 'GET') {
      // A refused write is GitHub's documented behaviour for such tokens, not a contract violation.
      return send(basicError({ docUrl }, 403, 'Resource not accessible by integration'));
    }

    const ctx: HandlerContext = {
      state,
      objects,
      route,
      params: p.params,
      body: b.body,
      actor: state.o.tokenUser,
      docUrl,
      apiUrl,
      violation: (msg) => violations.push(`${where}: ${msg}`),
      schemaKeys,
    };
    let result: HandlerResult;
    try {
      result = await state.serialize(async () => {
        await state.observeRefs();
        return handler(ctx);
      });
    } catch (e) {
      const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
      return reject(500, 'fake GitHub handler failed', `handler threw: ${msg}`, docUrl);
    }
    if (result.paginate && Array.isArray(result.body)) result = paginate(result, p.params, url);
    const bad = checkResponse(route, result.status, result.body);
    if (bad) violations.push(`${where}: ${bad}`);
    send(result);
  }

  function paginate(result: HandlerResult, params: Record<string, unknown>, url: URL): HandlerResult {
    const items = result.body as Json[];
    const perPage = Math.max(1, Math.min(100, Number(params.per_page ?? 30)));
    const page = Math.max(1, Number(params.page ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const u = new URL(url.pathname + url.search, apiUrl);
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    const headers = { ...result.headers };
    if (links.length) headers.link = links.join(', ');
    return { ...result, body: items.slice((page - 1) * perPage, page * perPage), headers };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      violations.push(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  apiUrl = `http://127.0.0.1:${port}`;
  urls.api = apiUrl;

  const pullOrThrow = (n: number): PullRecord => {
    const pr = state.getPull(n);
    if (!pr) throw new Error(`fake GitHub: no pull request #${n}`);
    return pr;
  };

  return {
    url: apiUrl,
    token,
    clientEnv: { PACKAGE_STORAGE_API_TIME_SCALE: '0.001' },
    violations,
    requests,
    pulls: state.pulls,
    openPull: (x) =>
      state.serialize(async () => {
        await state.observeRefs();
        const user = x.user ?? 'octocat';
        const pr = await state.createPull({
          head: x.head,
          base: x.base,
          title: x.title,
          body: x.body ?? null,
          user,
          fork: x.fork ?? false,
          draft: x.draft ?? false,
          maintainerCanModify: true,
          createdBy: 'test',
        });
        state.addLabels(pr, x.labels ?? [], user);
        return pr;
      }),
    syncPull: (n) =>
      state.serialize(async () => {
        await state.observeRefs();
        await state.syncPull(pullOrThrow(n).number);
      }),
    addLabel: (n, label, actor, at) => state.addLabels(pullOrThrow(n), [label], actor, at),
    addReview: (n, review) =>
      state.serialize(async () => {
        await state.observeRefs();
        await state.syncPull(pullOrThrow(n).number);
        const pr = pullOrThrow(n);
        state.reviews.push({
          id: state.newId(),
          pull: pr.number,
          user: review.user,
          state: review.state,
          commitId: review.commitId ?? pr.headSha,
          submittedAt: review.at ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        });
      }),
    changeBase: (n, base, actor, at) =>
      state.serialize(async () => {
        await state.observeRefs();
        if (!(await state.branchSha(base))) throw new Error(`fake GitHub: no branch ${base}`);
        state.changeBase(pullOrThrow(n), base, actor, at);
        await state.syncPull(n);
      }),
    addComment: (n, user, body) => {
      const t = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const c = { id: state.newId(), issue: pullOrThrow(n).number, body, user, createdAt: t, updatedAt: t };
      state.comments.push(c);
      return c.id;
    },
    clearMergeQueue: (base) => void state.mergeQueues.delete(base),
    recordPushes: (login) => state.serialize(() => state.observeRefs(login)),
    enqueue: (base, numbers) =>
      state.serialize(async () => {
        await state.observeRefs();
        const group = await state.enqueue(base, numbers, o.owner);
        await state.observeRefs(o.owner);
        return group;
      }),
    setPermission: (login, role) => void state.permissions.set(login.toLowerCase(), role),
    mergePull: (n, method = 'merge') =>
      state.serialize(() => state.merge(pullOrThrow(n).number, { method, by: o.owner })),
    closePull: (n) => state.close(pullOrThrow(n)),
    setRepositorySettings: (settings) => void Object.assign(state.settings, settings),
    protectBranch: async (branch, rule) => {
      state.branchRules.set(branch, { ...state.rule(branch), ...rule });
      const signed = [...state.branchRules].filter(([, r]) => r.requireSignedCommits).map(([b]) => b);
      await requireSignedCommitsOnPush(o.bareRepo, signed);
    },
    addTeam: (slug, t = {}) =>
      void state.teams.set(slug.toLowerCase(), { name: slug, access: t.access ?? true }),
    completeChecks: (n) =>
      state.serialize(async () => {
        const pr = pullOrThrow(n);
        await state.syncPull(n);
        if (pr.state !== 'open' || !pr.autoMerge) return undefined;
        return state.merge(n, { method: pr.autoMerge.method, by: pr.autoMerge.enabledBy });
      }),
    failNext: (target, fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push({ target, fault });
    },
    beforeNext: (target, fn) => void before.push({ target, fn }),
    verifiedCommits: state.verifiedCommits,
    setPullRequestCreationAllowed: (allowed) => {
      state.pullRequestCreationAllowed = allowed;
    },
    setReadOnlyToken: (v) => {
      readOnly = v;
    },
    calls: (operationId) => requests.filter((r) => r.operationId === operationId),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
