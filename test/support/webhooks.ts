// Event payloads (what GITHUB_EVENT_PATH holds) cloned from real examples in @octokit/webhooks-examples,
// retargeted to the test repository, completed with fields GitHub made required since the examples were
// recorded, and validated against the webhook schemas in GitHub's OpenAPI description.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { retarget, userId } from './github/objects.js';
import { loadSpec, resolveRef, type Json, type JsonObject, type RequestBodyObject } from './github/spec.js';
import { validate } from './github/validators.js';

interface ExampleGroup {
  name: string;
  actions: string[];
  examples: JsonObject[];
}

const require = createRequire(import.meta.url);
let examples: ExampleGroup[] | undefined;

function exampleGroups(): ExampleGroup[] {
  examples ??= JSON.parse(
    readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
  ) as ExampleGroup[];
  return examples;
}

/** A deep copy of the first example of `event` accepted by `pick`. */
export function webhookExample(event: string, pick: (e: JsonObject) => boolean = () => true): JsonObject {
  const group = exampleGroups().find((g) => g.name === event);
  const found = group?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** Validates against `x-webhooks[<key>]` (e.g. `pull-request-opened`, `push`); throws with ajv's errors. */
export function validateWebhook(key: string, payload: Json): void {
  const spec = loadSpec();
  const hook = spec['x-webhooks'][key]?.post?.requestBody;
  if (!hook) throw new Error(`no webhook ${key} in the OpenAPI description`);
  const body = resolveRef<RequestBodyObject>(spec, hook).value;
  const ref = body.content['application/json']?.schema?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) throw new Error(`webhook ${key}: no schema $ref`);
  const err = validate(ref.slice(1), payload);
  if (err) throw new Error(`generated ${key} payload does not match ${ref}: ${err}`);
}

const API = 'https://api.github.com';
const HTML = 'https://github.com';
const ZERO = '0'.repeat(40);

function obj(v: Json | undefined): JsonObject {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new Error('example shape changed: expected an object');
  return v;
}

function text(v: Json | undefined): string {
  if (typeof v !== 'string') throw new Error('example shape changed: expected a string');
  return v;
}

function webhookUser(template: Json | undefined, login: string): JsonObject {
  const t = obj(template);
  const old = text(t.login);
  const u = retarget(t, [[`/${old}`, `/${encodeURIComponent(login)}`]]);
  const id = userId(login);
  u.login = login;
  u.id = id;
  u.node_id = Buffer.from(`04:User${id}`).toString('base64');
  u.avatar_url = `https://avatars.githubusercontent.com/u/${id}?v=4`;
  u.type = login.endsWith('[bot]') ? 'Bot' : 'User';
  if ('name' in u) u.name = login;
  if ('email' in u) u.email = `${id}+${login}@users.noreply.github.com`;
  return u;
}

interface RepoTarget {
  owner: string;
  repo: string;
  defaultBranch: string;
  fork?: boolean;
}

/** Retargets an example repository object and fills fields GitHub added as required later. */
function webhookRepository(template: Json | undefined, t: RepoTarget): JsonObject {
  const src = obj(template);
  const oldFull = text(src.full_name);
  const fullName = `${t.owner}/${t.repo}`;
  const r = retarget(src, [[oldFull, fullName]]);
  const id = userId(fullName) + 1;
  r.id = id;
  r.node_id = Buffer.from(`010:Repository${id}`).toString('base64');
  r.name = t.repo;
  r.full_name = fullName;
  r.owner = webhookUser(src.owner, t.owner);
  r.private = false;
  r.fork = t.fork ?? false;
  r.default_branch = t.defaultBranch;
  if ('master_branch' in r) r.master_branch = t.defaultBranch;
  r.description = null;
  r.homepage = null; // the merge_group example's "" fails format uri
  r.has_discussions ??= false;
  r.topics ??= [];
  r.visibility ??= 'public';
  r.disabled ??= false;
  r.archived = false;
  return r;
}

function labelObject(owner: string, repo: string, name: string): JsonObject {
  let id = 0;
  for (const ch of name) id = (id * 31 + ch.charCodeAt(0)) % 1_000_000_000;
  return {
    id,
    node_id: Buffer.from(`05:Label${id}`).toString('base64'),
    url: `${API}/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  };
}

export interface PullRequestPayloadOptions {
  action: 'opened' | 'synchronize' | 'edited' | 'reopened' | 'labeled';
  number: number;
  title: string;
  body?: string | null;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  /** Head in a fork owned by `user` (default `fork-user`). */
  fork?: boolean;
  labels?: string[];
  owner: string;
  repo: string;
  defaultBranch: string;
  /** Who triggered the event (default: the PR author). */
  sender?: string;
  /** PR author (default `octocat`, or `fork-user` for forks). */
  user?: string;
  /** `labeled`: the label just added (default: the last of `labels`). */
  label?: string;
  /** `synchronize`: the previous head SHA (default: base.sha). */
  before?: string;
  /** `edited`: what changed (default: the title, from `<title> (old)`). */
  changes?: JsonObject;
}

export function pullRequestPayload(o: PullRequestPayloadOptions): JsonObject {
  // `edited` has no recorded example: start from `opened` and add `changes`.
  const sourceAction = o.action === 'edited' ? 'opened' : o.action;
  const ex = webhookExample('pull_request', (e) => e.action === sourceAction);
  const pr0 = obj(ex.pull_request);
  const user = o.user ?? (o.fork ? 'fork-user' : 'octocat');
  const sender = o.sender ?? user;
  const fullName = `${o.owner}/${o.repo}`;
  const labels = o.labels ?? [];

  const payload: JsonObject = {
    action: o.action,
    number: o.number,
    pull_request: {},
    repository: webhookRepository(ex.repository, {
      owner: o.owner,
      repo: o.repo,
      defaultBranch: o.defaultBranch,
    }),
    sender: webhookUser(ex.sender, sender),
  };
  const baseRepo = webhookRepository(obj(pr0.base).repo, {
    owner: o.owner,
    repo: o.repo,
    defaultBranch: o.defaultBranch,
  });
  const headOwner = o.fork ? user : o.owner;
  const headRepo = o.fork
    ? webhookRepository(obj(pr0.head).repo, {
        owner: user,
        repo: o.repo,
        defaultBranch: o.defaultBranch,
        fork: true,
      })
    : baseRepo;
  const n = o.number;
  const api = `${API}/repos/${fullName}`;
  const html = `${HTML}/${fullName}`;
  const pr: JsonObject = {
    ...retarget(pr0, [[text(obj(ex.repository).full_name), fullName]]),
    url: `${api}/pulls/${n}`,
    id: 100_000 + n,
    node_id: Buffer.from(`011:PullRequest${100_000 + n}`).toString('base64'),
    html_url: `${html}/pull/${n}`,
    diff_url: `${html}/pull/${n}.diff`,
    patch_url: `${html}/pull/${n}.patch`,
    issue_url: `${api}/issues/${n}`,
    commits_url: `${api}/pulls/${n}/commits`,
    review_comments_url: `${api}/pulls/${n}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${n}/comments`,
    statuses_url: `${api}/statuses/${o.head.sha}`,
    number: n,
    state: 'open',
    locked: false,
    title: o.title,
    user: webhookUser(pr0.user, user),
    body: o.body ?? null,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: labels.map((l) => labelObject(o.owner, o.repo, l)),
    milestone: null,
    head: {
      label: `${headOwner}:${o.head.ref}`,
      ref: o.head.ref,
      sha: o.head.sha,
      user: webhookUser(obj(pr0.head).user, headOwner),
      repo: headRepo,
    },
    base: {
      label: `${o.owner}:${o.base.ref}`,
      ref: o.base.ref,
      sha: o.base.sha,
      user: webhookUser(obj(pr0.base).user, o.owner),
      repo: baseRepo,
    },
    _links: {
      self: { href: `${api}/pulls/${n}` },
      html: { href: `${html}/pull/${n}` },
      issue: { href: `${api}/issues/${n}` },
      comments: { href: `${api}/issues/${n}/comments` },
      review_comments: { href: `${api}/pulls/${n}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${n}/commits` },
      statuses: { href: `${api}/statuses/${o.head.sha}` },
    },
    author_association: user === o.owner ? 'OWNER' : o.fork ? 'CONTRIBUTOR' : 'MEMBER',
    auto_merge: null,
    active_lock_reason: null,
    draft: false,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
  };
  payload.pull_request = pr;
  if (o.action === 'labeled') {
    const name = o.label ?? labels[labels.length - 1];
    if (!name) throw new Error('labeled payload needs `label` or a non-empty `labels`');
    if (!labels.includes(name)) (pr.labels as JsonObject[]).push(labelObject(o.owner, o.repo, name));
    payload.label = labelObject(o.owner, o.repo, name);
  }
  if (o.action === 'synchronize') {
    payload.before = o.before ?? o.base.sha;
    payload.after = o.head.sha;
  }
  if (o.action === 'edited') payload.changes = o.changes ?? { title: { from: `${o.title} (old)` } };
  validateWebhook(`pull-request-${o.action}`, payload);
  return payload;
}

export interface PushPayloadOptions {
  ref: string;
  before: string;
  after: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  forced?: boolean;
  sender?: string;
  message?: string;
  /** Tree of `after`, if the action reads it from the payload. */
  treeId?: string;
}

export function pushPayload(o: PushPayloadOptions): JsonObject {
  const ex = webhookExample('push', (e) => Array.isArray(e.commits) && e.commits.length > 0);
  const sender = o.sender ?? 'octocat';
  const fullName = `${o.owner}/${o.repo}`;
  const created = o.before === ZERO;
  const deleted = o.after === ZERO;
  const template = obj(ex.head_commit);
  const senderUser = webhookUser(ex.sender, sender);
  const identity = {
    name: sender,
    email: typeof senderUser.email === 'string' ? senderUser.email : `${sender}@users.noreply.github.com`,
    username: sender,
  };
  const headCommit: JsonObject = {
    ...template,
    id: o.after,
    tree_id: o.treeId ?? template.tree_id ?? null,
    distinct: true,
    message: o.message ?? 'update',
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    url: `${HTML}/${fullName}/commit/${o.after}`,
    author: identity,
    committer: identity,
    added: [],
    removed: [],
    modified: [],
  };
  const payload: JsonObject = {
    ref: o.ref,
    before: o.before,
    after: o.after,
    repository: webhookRepository(ex.repository, {
      owner: o.owner,
      repo: o.repo,
      defaultBranch: o.defaultBranch,
    }),
    pusher: { name: sender, email: identity.email },
    sender: senderUser,
    created,
    deleted,
    forced: o.forced ?? false,
    base_ref: null,
    compare: created
      ? `${HTML}/${fullName}/commit/${o.after.slice(0, 12)}`
      : `${HTML}/${fullName}/compare/${o.before.slice(0, 12)}...${o.after.slice(0, 12)}`,
    commits: deleted ? [] : [headCommit],
    head_commit: deleted ? null : headCommit,
  };
  validateWebhook('push', payload);
  return payload;
}

export interface MergeGroupPayloadOptions {
  headSha: string;
  /** Full ref (`refs/heads/gh-readonly-queue/main/pr-7-<sha>`) or branch name. */
  headRef: string;
  baseSha: string;
  baseRef: string;
  owner: string;
  repo: string;
  defaultBranch?: string;
  sender?: string;
  message?: string;
  treeId?: string;
}

const fullRef = (r: string): string => (r.startsWith('refs/') ? r : `refs/heads/${r}`);

export function mergeGroupPayload(o: MergeGroupPayloadOptions): JsonObject {
  const ex = webhookExample('merge_group', (e) => e.action === 'checks_requested');
  const group = obj(ex.merge_group);
  const commit = obj(group.head_commit);
  const payload: JsonObject = {
    action: 'checks_requested',
    merge_group: {
      head_sha: o.headSha,
      head_ref: fullRef(o.headRef),
      base_sha: o.baseSha,
      base_ref: fullRef(o.baseRef),
      head_commit: {
        ...commit,
        id: o.headSha,
        tree_id: o.treeId ?? commit.tree_id ?? null,
        message: o.message ?? commit.message ?? 'merge group',
      },
    },
    repository: webhookRepository(ex.repository, {
      owner: o.owner,
      repo: o.repo,
      defaultBranch: o.defaultBranch ?? fullRef(o.baseRef).replace(/^refs\/heads\//, ''),
    }),
    sender: webhookUser(ex.sender, o.sender ?? 'github-merge-queue[bot]'),
  };
  validateWebhook('merge-group-checks-requested', payload);
  return payload;
}

export interface WorkflowDispatchPayloadOptions {
  ref: string;
  inputs: Record<string, string | number | boolean>;
  owner: string;
  repo: string;
  defaultBranch?: string;
  sender?: string;
  workflow?: string;
}

export function workflowDispatchPayload(o: WorkflowDispatchPayloadOptions): JsonObject {
  const ex = webhookExample('workflow_dispatch', (e) => !('installation' in e));
  const payload: JsonObject = {
    inputs: { ...o.inputs },
    ref: fullRef(o.ref),
    repository: webhookRepository(ex.repository, {
      owner: o.owner,
      repo: o.repo,
      defaultBranch: o.defaultBranch ?? 'main',
    }),
    sender: webhookUser(ex.sender, o.sender ?? 'octocat'),
    workflow: o.workflow ?? '.github/workflows/promote.yml',
  };
  validateWebhook('workflow-dispatch', payload);
  return payload;
}
