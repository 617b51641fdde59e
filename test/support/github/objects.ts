// Response objects built from GitHub's documented examples, patched with the fake's state. The server validates
// every one of them against the documented schema, so a field dropped here shows up as a violation.
import { example, type Json, type JsonObject } from './spec.js';
import {
  legacyPermission,
  type ActivityRecord,
  type CommentRecord,
  type GitHubState,
  type IssueEventRecord,
  type PullRecord,
  type ReviewRecord,
} from './state.js';

export interface Urls {
  api: string;
  server: string;
}

/** Deep-replaces substrings in every string of an example. */
export function retarget<T extends Json>(value: T, replacements: Array<[string, string]>): T {
  const walk = (v: Json): Json => {
    if (typeof v === 'string') {
      let s = v;
      for (const [from, to] of replacements) s = s.split(from).join(to);
      return s;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: JsonObject = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** Stable numeric id for a login (GitHub ids are stable per account). */
export function userId(login: string): number {
  if (login === 'github-actions[bot]') return 41898282;
  if (login === 'ghost') return 10137; // GitHub's placeholder for deleted accounts
  let h = 7;
  for (const ch of login.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) % 90_000_000;
  return 10_000_000 + h;
}

function nodeId(prefix: string, id: number): string {
  return Buffer.from(`${prefix}${id}`).toString('base64');
}

/** Global node ids of PRs and of the repository: the same in REST (`node_id`) and GraphQL (`id`). */
export const pullNodeId = (n: number): string => nodeId('011:PullRequest', 100_000 + n);
export const repositoryNodeId = (fullName: string): string => nodeId('010:Repository', userId(fullName) + 1);

/** The PR number a node id from `pullNodeId` names, if it is one. */
export function pullNumberOfNodeId(id: string): number | undefined {
  const m = /^011:PullRequest(\d+)$/.exec(Buffer.from(id, 'base64').toString('utf8'));
  return m ? Number(m[1]) - 100_000 : undefined;
}

export class Objects {
  constructor(
    private readonly state: GitHubState,
    private readonly urls: Urls,
  ) {}

  private get repoApi(): string {
    return `${this.urls.api}/repos/${this.state.fullName}`;
  }
  private get repoHtml(): string {
    return `${this.urls.server}/${this.state.fullName}`;
  }

  private hosts(): Array<[string, string]> {
    return [
      ['https://api.github.com', this.urls.api],
      ['https://github.com', this.urls.server],
    ];
  }

  user(login: string): JsonObject {
    // Logins like `github-actions[bot]` appear percent-encoded in GitHub's URLs (brackets are not URI characters).
    const u = retarget(example<JsonObject>('simple-user'), [
      ['/octocat', `/${encodeURIComponent(login)}`],
      ...this.hosts(),
    ]);
    const id = userId(login);
    u.login = login;
    u.id = id;
    u.node_id = nodeId('04:User', id);
    u.avatar_url = `https://avatars.githubusercontent.com/u/${id}?v=4`;
    u.gravatar_id = '';
    u.type = login.endsWith('[bot]') ? 'Bot' : 'User';
    if (u.type === 'Bot') u.html_url = `${this.urls.server}/apps/${login.slice(0, -'[bot]'.length)}`;
    u.site_admin = false;
    return u;
  }

  /** The `repository` schema (as embedded in a PR's head/base). */
  repository(o: { forkOwner?: string } = {}): JsonObject {
    const owner = o.forkOwner ?? this.state.owner;
    const fullName = `${owner}/${this.state.repo}`;
    const pr = example<JsonObject>('pull-request');
    const head = pr.head as JsonObject;
    const repo = retarget(head.repo as JsonObject, [['octocat/Hello-World', fullName], ...this.hosts()]);
    this.patchRepo(repo, owner, fullName, Boolean(o.forkOwner));
    return repo;
  }

  /** `full-repository` for repos/get: the token's permissions are admin-level unless the test says otherwise. */
  fullRepository(): JsonObject {
    const repo = retarget(example<JsonObject>('full-repository-default-response'), [
      ['octocat/Hello-World', this.state.fullName],
      ...this.hosts(),
    ]);
    this.patchRepo(repo, this.state.owner, this.state.fullName, false);
    // The documented example is of a fork and lacks the required `language`.
    delete repo.parent;
    delete repo.source;
    delete repo.template_repository;
    delete repo.organization;
    repo.language = null;
    repo.permissions = { admin: true, maintain: true, push: true, triage: true, pull: true };
    return repo;
  }

  private patchRepo(repo: JsonObject, owner: string, fullName: string, fork: boolean): void {
    const id = userId(fullName) + 1;
    repo.id = id;
    repo.node_id = repositoryNodeId(fullName);
    repo.name = this.state.repo;
    repo.full_name = fullName;
    repo.owner = this.user(owner);
    repo.private = this.state.o.private;
    repo.visibility = this.state.o.private ? 'private' : 'public';
    repo.fork = fork;
    repo.default_branch = this.state.o.defaultBranch;
    repo.archived = false;
    repo.disabled = false;
    repo.homepage = null;
    repo.description = null;
  }

  label(name: string): JsonObject {
    const rec = this.state.ensureLabel(name);
    const l = example<JsonObject>('label');
    l.id = rec.id;
    l.node_id = nodeId('05:Label', rec.id);
    l.url = `${this.repoApi}/labels/${encodeURIComponent(rec.name)}`;
    l.name = rec.name;
    l.description = rec.description;
    l.color = rec.color;
    l.default = rec.default;
    return l;
  }

  pullRequest(pr: PullRecord): JsonObject {
    const p = retarget(example<JsonObject>('pull-request'), [
      ['octocat/Hello-World', this.state.fullName],
      ...this.hosts(),
    ]);
    const n = pr.number;
    const api = `${this.repoApi}`;
    p.url = `${api}/pulls/${n}`;
    p.id = 100_000 + n;
    p.node_id = pullNodeId(n);
    p.html_url = `${this.repoHtml}/pull/${n}`;
    p.diff_url = `${this.repoHtml}/pull/${n}.diff`;
    p.patch_url = `${this.repoHtml}/pull/${n}.patch`;
    p.issue_url = `${api}/issues/${n}`;
    p.commits_url = `${api}/pulls/${n}/commits`;
    p.review_comments_url = `${api}/pulls/${n}/comments`;
    p.review_comment_url = `${api}/pulls/comments{/number}`;
    p.comments_url = `${api}/issues/${n}/comments`;
    p.statuses_url = `${api}/statuses/${pr.headSha}`;
    p.number = n;
    p.state = pr.state;
    p.locked = false;
    p.active_lock_reason = null;
    p.title = pr.title;
    p.user = this.user(pr.user);
    p.body = pr.body;
    p.labels = pr.labels.map((l) => this.label(l));
    p.milestone = null;
    p.created_at = pr.createdAt;
    p.updated_at = pr.updatedAt;
    p.closed_at = pr.closedAt;
    p.merged_at = pr.mergedAt;
    p.merge_commit_sha = pr.mergeCommitSha ?? null;
    p.assignees = pr.assignees.map((login) => this.user(login));
    p.assignee = p.assignees[0] ?? null;
    // The documented example's requested_teams[0] lacks the required `type`: teams are built here.
    p.requested_reviewers = pr.requestedReviewers.map((login) => this.user(login));
    p.requested_teams = pr.requestedTeams.map((slug) => this.team(slug));
    const headOwner = pr.headRepoFork ? pr.user : this.state.owner;
    p.head = {
      label: `${headOwner}:${pr.head}`,
      ref: pr.head,
      sha: pr.headSha,
      user: this.user(headOwner),
      repo: this.repository(pr.headRepoFork ? { forkOwner: pr.user } : {}),
    };
    p.base = {
      label: `${this.state.owner}:${pr.base}`,
      ref: pr.base,
      sha: pr.baseSha,
      user: this.user(this.state.owner),
      repo: this.repository(),
    };
    p._links = {
      self: { href: `${api}/pulls/${n}` },
      html: { href: `${this.repoHtml}/pull/${n}` },
      issue: { href: `${api}/issues/${n}` },
      comments: { href: `${api}/issues/${n}/comments` },
      review_comments: { href: `${api}/pulls/${n}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${n}/commits` },
      statuses: { href: `${api}/statuses/${pr.headSha}` },
    };
    p.author_association = this.state.authorAssociation(pr.user);
    p.auto_merge = pr.autoMerge
      ? {
          enabled_by: this.user(pr.autoMerge.enabledBy),
          merge_method: pr.autoMerge.method,
          commit_title: '',
          commit_message: '',
        }
      : null;
    p.draft = pr.draft;
    p.merged = pr.merged;
    p.mergeable = pr.state === 'open' ? pr.mergeable : null;
    p.rebaseable = pr.state === 'open' ? pr.mergeable : null;
    p.mergeable_state = pr.state !== 'open' ? 'unknown' : pr.mergeable ? 'clean' : 'dirty';
    p.merged_by = pr.mergedBy ? this.user(pr.mergedBy) : null;
    p.comments = this.state.comments.filter((c) => c.issue === n).length;
    p.review_comments = 0;
    p.maintainer_can_modify = pr.maintainerCanModify;
    p.commits = pr.commits;
    p.additions = pr.additions;
    p.deletions = pr.deletions;
    p.changed_files = pr.changedFiles;
    return p;
  }

  /** `pulls/list` items are `pull-request-simple`: no mergeable/commits/additions… (undefined, as on GitHub). */
  pullRequestSimple(pr: PullRecord, simpleKeys: readonly string[]): JsonObject {
    const full = this.pullRequest(pr);
    const out: JsonObject = {};
    for (const k of simpleKeys) if (k in full) out[k] = full[k] as Json;
    // pull-request-simple documents labels[].description as a non-nullable string (the full `label` schema allows
    // null); answer what the contract says.
    if (Array.isArray(out.labels))
      out.labels = out.labels.map((l) => ({
        ...(l as JsonObject),
        description: (l as JsonObject).description ?? '',
      }));
    return out;
  }

  /** `team-simple` (what a PR's requested_teams holds); the org is the repository owner. */
  team(slug: string): JsonObject {
    const id = userId(`team:${slug}`);
    const org = `${this.urls.api}/organizations/${userId(this.state.owner)}`;
    return {
      id,
      node_id: nodeId('04:Team', id),
      url: `${org}/team/${id}`,
      members_url: `${org}/team/${id}/members{/member}`,
      name: this.state.teams.get(slug)?.name ?? slug,
      description: null,
      permission: 'push',
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      html_url: `${this.urls.server}/orgs/${this.state.owner}/teams/${slug}`,
      repositories_url: `${org}/team/${id}/repos`,
      slug,
      // `team` (in pull-request-simple) also requires `parent`; team-simple allows it.
      parent: null,
      type: 'organization',
      organization_id: userId(this.state.owner),
    };
  }

  comment(c: CommentRecord): JsonObject {
    const o = retarget(example<JsonObject>('issue-comment'), [
      ['octocat/Hello-World', this.state.fullName],
      ...this.hosts(),
    ]);
    o.id = c.id;
    o.node_id = nodeId('012:IssueComment', c.id);
    o.url = `${this.repoApi}/issues/comments/${c.id}`;
    o.html_url = `${this.repoHtml}/pull/${c.issue}#issuecomment-${c.id}`;
    o.issue_url = `${this.repoApi}/issues/${c.issue}`;
    o.body = c.body;
    o.user = this.user(c.user);
    o.created_at = c.createdAt;
    o.updated_at = c.updatedAt;
    o.author_association = this.state.authorAssociation(c.user);
    return o;
  }

  issueEvent(e: IssueEventRecord): JsonObject {
    const items = example<JsonObject[]>('issue-event-for-issue-items');
    const ev = items[0];
    if (!ev) throw new Error('issue-event-for-issue-items example is empty');
    ev.id = e.id;
    ev.node_id = nodeId('014:LabeledEvent', e.id);
    ev.url = `${this.repoApi}/issues/events/${e.id}`;
    ev.actor = this.user(e.actor);
    ev.event = e.event;
    ev.commit_id = null;
    ev.commit_url = null;
    ev.created_at = e.createdAt;
    ev.performed_via_github_app = null;
    if (e.label === undefined) {
      // base_ref_changed and the like carry only the common fields.
      delete ev.label;
      ev.node_id = nodeId('014:BaseRefChangedEvent', e.id);
    } else {
      const rec = this.state.ensureLabel(e.label);
      ev.label = { name: rec.name, color: rec.color };
    }
    return ev;
  }

  review(r: ReviewRecord): JsonObject {
    const o = retarget(example<JsonObject>('pull-request-review'), [
      ['octocat/Hello-World', this.state.fullName],
      ...this.hosts(),
    ]);
    o.id = r.id;
    o.node_id = nodeId('017:PullRequestReview', r.id);
    o.user = this.user(r.user);
    o.body = '';
    o.state = r.state;
    o.html_url = `${this.repoHtml}/pull/${r.pull}#pullrequestreview-${r.id}`;
    o.pull_request_url = `${this.repoApi}/pulls/${r.pull}`;
    o._links = {
      html: { href: o.html_url },
      pull_request: { href: o.pull_request_url },
    };
    o.submitted_at = r.submittedAt;
    o.commit_id = r.commitId;
    o.author_association = this.state.authorAssociation(r.user);
    return o;
  }

  /** The `activity` schema (GitHub's own example predates it: pushed_at/push_type/pusher). */
  activity(a: ActivityRecord, id: number, type: string): JsonObject {
    return {
      id,
      node_id: nodeId('013:Activity', id),
      before: a.before,
      after: a.after,
      ref: a.ref,
      timestamp: new Date(a.time * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      activity_type: type,
      actor: this.user(a.actor ?? this.state.owner),
    };
  }

  gitRef(fullRef: string, sha: string, type: string): JsonObject {
    const o = retarget(example<JsonObject>('git-ref'), [
      ['octocat/Hello-World', this.state.fullName],
      ...this.hosts(),
    ]);
    o.ref = fullRef;
    o.node_id = Buffer.from(`03:Ref${fullRef}`).toString('base64');
    o.url = `${this.repoApi}/git/${fullRef}`;
    o.object = { type, sha, url: `${this.repoApi}/git/${type === 'tag' ? 'tags' : 'commits'}/${sha}` };
    return o;
  }

  collaboratorPermission(login: string): JsonObject {
    const role = this.state.role(login);
    const out = retarget(
      example<JsonObject>('repository-collaborator-permission-response-if-user-has-admin-permissions'),
      this.hosts(),
    );
    const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role);
    out.permission = legacyPermission(role);
    out.role_name = role;
    out.user = {
      ...this.user(login),
      permissions: {
        pull: rank >= 1,
        triage: rank >= 2,
        push: rank >= 3,
        maintain: rank >= 4,
        admin: rank >= 5,
      },
      role_name: role,
    };
    return out;
  }
}
