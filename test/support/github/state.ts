// What the fake remembers between requests. Refs and SHAs are never stored here: they are read from the real bare
// repository, so branches pushed by an action under test are what the API reports.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from './git.js';

/** File in the bare repository listing the commits GitHub signed, one per line. */
export const verifiedCommitsFile = 'fake-github-verified';

export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface PullState {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
  head: string;
  base: string;
  user: string;
  labels: string[];
  headRepoFork: boolean;
  mergeCommitSha?: string;
  createdBy: 'test' | 'api';
  requestedReviewers: string[];
  /** Team slugs. */
  requestedTeams: string[];
  assignees: string[];
  autoMerge: AutoMergeRecord | null;
}

/** Internal bookkeeping kept on the same object the tests see in `pulls`. */
export interface PullRecord extends PullState {
  headSha: string;
  baseSha: string;
  mergeable: boolean | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: string | null;
  draft: boolean;
  maintainerCanModify: boolean;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
  /** head/base SHAs the merge ref and stats were last computed for. */
  computedFor?: string;
}

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export interface AutoMergeRecord {
  enabledBy: string;
  method: MergeMethod;
  enabledAt: string;
  /** The head the request was made for (GraphQL `expectedHeadOid`, or the head at that time). */
  headSha: string;
}

/** Repository settings and branch rules the fake enforces (GitHub's defaults: auto-merge off). */
export interface RepoSettings {
  allowAutoMerge: boolean;
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
}

export interface BranchRule {
  /** Status check contexts that must pass: the PR is BLOCKED until then, which is when auto-merge can be armed. */
  requiredChecks: string[];
  /** Pushes of commits GitHub did not sign are refused (enforced by a pre-receive hook on the bare repo). */
  requireSignedCommits: boolean;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueEventRecord {
  id: number;
  issue: number;
  event: 'labeled' | 'unlabeled' | 'base_ref_changed';
  actor: string;
  /** labeled and unlabeled only. */
  label?: string;
  createdAt: string;
}

/** One PR in a branch's merge queue: the commit the queue built for it (`head`) on the one before (`base`). */
export interface QueueEntryRecord {
  pull: number;
  /** The PR's head when it was queued. */
  pullHead: string;
  head: string;
  base: string;
  enqueuedAt: string;
  enqueuer: string;
}

export interface ReviewRecord {
  id: number;
  pull: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** The head commit the reviewer saw (GitHub records it when the review is submitted). */
  commitId: string;
  submittedAt: string;
}

/** One ref update as the repository activity log reports it (a push, a branch created or deleted). */
export interface ActivityRecord {
  ref: string;
  before: string;
  after: string;
  /** Unix seconds. */
  time: number;
  /** Who pushed (default: the repository owner). */
  actor?: string;
}

export interface CommentRecord {
  id: number;
  issue: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface StateOptions {
  owner: string;
  repo: string;
  bareRepo: string;
  defaultBranch: string;
  /** Login the token acts as (GITHUB_TOKEN acts as `github-actions[bot]`). */
  tokenUser: string;
  private: boolean;
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** GitHub's legacy `permission` for a role: maintain counts as write, triage as read (REST docs, collaborators). */
export function legacyPermission(role: Role): 'admin' | 'write' | 'read' | 'none' {
  switch (role) {
    case 'admin':
      return 'admin';
    case 'maintain':
    case 'write':
      return 'write';
    case 'triage':
    case 'read':
      return 'read';
    case 'none':
      return 'none';
  }
}

export class MergeConflictError extends Error {}

export class GitHubState {
  readonly pulls = new Map<number, PullRecord>();
  readonly labels = new Map<string, LabelRecord>();
  readonly events: IssueEventRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly reviews: ReviewRecord[] = [];
  /** Merge queues by base branch, in queue order. */
  readonly mergeQueues = new Map<string, QueueEntryRecord[]>();
  readonly permissions = new Map<string, Role>();
  pullRequestCreationAllowed = true;
  readonly settings: RepoSettings = {
    allowAutoMerge: false,
    allowMergeCommit: true,
    allowSquashMerge: true,
    allowRebaseMerge: true,
  };
  readonly branchRules = new Map<string, BranchRule>();
  /** Organization teams by slug, with their members; a team counts as a collaborator when `access` is true. */
  readonly teams = new Map<string, { name: string; access: boolean }>();
  /** Commits GitHub created and signed (API commits of a bot without custom author/committer). */
  readonly verifiedCommits = new Set<string>();
  private nextIssueNumber = 1;
  private nextId = 1000;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly o: StateOptions) {}

  get owner(): string {
    return this.o.owner;
  }
  get repo(): string {
    return this.o.repo;
  }
  get fullName(): string {
    return `${this.o.owner}/${this.o.repo}`;
  }

  newId(): number {
    return this.nextId++;
  }

  /** A commit GitHub signed; the bare repo's `fake-github-verified` lists them for the signed-commits hook. */
  async recordVerified(sha: string): Promise<void> {
    this.verifiedCommits.add(sha);
    await appendFile(join(this.o.bareRepo, verifiedCommitsFile), `${sha}\n`);
  }

  /** Commits `after` brings that no ref has yet and GitHub did not sign (what "require signed commits" refuses). */
  async unsignedCommits(after: string): Promise<string[]> {
    const r = await this.git(['rev-list', after, '--not', '--all']);
    return r.stdout.split('\n').filter((c) => c && !this.verifiedCommits.has(c));
  }

  rule(branch: string): BranchRule {
    return this.branchRules.get(branch) ?? { requiredChecks: [], requireSignedCommits: false };
  }

  /** Requests and test-side mutations run one at a time, so git work for one PR never interleaves. */
  serialize<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  git(args: string[], opts?: { input?: string; allowFail?: boolean }) {
    return git(this.o.bareRepo, args, opts);
  }

  /** Exact ref lookup (`for-each-ref` matches prefixes, so filter). */
  async readRef(fullRef: string): Promise<{ sha: string; type: string } | undefined> {
    const r = await this.git([
      'for-each-ref',
      '--format=%(refname)%00%(objectname)%00%(objecttype)',
      fullRef,
    ]);
    for (const line of r.stdout.split('\n')) {
      const [name, sha, type] = line.split('\0');
      if (name === fullRef && sha && type) return { sha, type };
    }
    return undefined;
  }

  async branchSha(branch: string): Promise<string | undefined> {
    return (await this.readRef(`refs/heads/${branch}`))?.sha;
  }

  async commitExists(sha: string): Promise<boolean> {
    const r = await this.git(['cat-file', '-e', `${sha}^{commit}`], { allowFail: true });
    return r.code === 0;
  }

  role(login: string): Role {
    if (login.toLowerCase() === this.o.owner.toLowerCase()) return 'admin';
    // Outside collaborators of a public repository read as `read` (everyone can read it).
    return this.permissions.get(login.toLowerCase()) ?? (this.o.private ? 'none' : 'read');
  }

  authorAssociation(login: string): string {
    if (login.toLowerCase() === this.o.owner.toLowerCase()) return 'OWNER';
    return this.permissions.has(login.toLowerCase()) ? 'COLLABORATOR' : 'NONE';
  }

  getPull(n: number): PullRecord | undefined {
    return this.pulls.get(n);
  }

  findLabel(name: string): LabelRecord | undefined {
    return this.labels.get(name.toLowerCase());
  }

  ensureLabel(name: string): LabelRecord {
    let label = this.findLabel(name);
    if (!label) {
      // issues/add-labels creates labels the repository does not have yet, with GitHub's default colour.
      label = { id: this.newId(), name, color: 'ededed', description: null, default: false };
      this.labels.set(name.toLowerCase(), label);
    }
    return label;
  }

  /** Branch tips as last observed, and every change seen since: the repository activity log. */
  private readonly observed = new Map<string, string>();
  readonly activityLog: ActivityRecord[] = [];

  /**
   * Records every branch whose tip changed since the last look, at the time of looking: a server records a push
   * when it receives it, with its own clock (never the pusher's commit dates). The fake looks before every request
   * and every test-side PR operation, so a recorded push time is at or after the real one, never before. `actor`:
   * who pushed what is seen now (default: the repository owner).
   */
  async observeRefs(actor?: string): Promise<void> {
    const tips = await this.branches();
    const time = Math.floor(Date.now() / 1000);
    const zero = '0000000000000000000000000000000000000000';
    for (const [branch, sha] of tips) {
      const ref = `refs/heads/${branch}`;
      const was = this.observed.get(ref);
      if (was !== sha)
        this.activityLog.push({ ref, before: was ?? zero, after: sha, time, ...(actor ? { actor } : {}) });
      this.observed.set(ref, sha);
    }
    for (const [ref, sha] of this.observed)
      if (!tips.has(ref.slice('refs/heads/'.length))) {
        this.activityLog.push({ ref, before: sha, after: zero, time });
        this.observed.delete(ref);
      }
  }

  /** Activities of `ref` (or every branch), oldest first. */
  async activities(ref?: string): Promise<ActivityRecord[]> {
    await this.observeRefs();
    return this.activityLog.filter((a) => ref === undefined || a.ref === ref);
  }

  /** Adds labels (case-insensitively deduplicated), recording a `labeled` event per newly added one. */
  addLabels(pr: PullRecord, names: string[], actor: string, at?: string): void {
    for (const raw of names) {
      const label = this.ensureLabel(raw);
      if (pr.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) continue;
      pr.labels.push(label.name);
      pr.updatedAt = now();
      this.events.push({
        id: this.newId(),
        issue: pr.number,
        event: 'labeled',
        actor,
        label: label.name,
        createdAt: at ?? now(),
      });
    }
  }

  /** The PR's base branch changed (`pulls/update` with `base`): GitHub records a `base_ref_changed` event. */
  changeBase(pr: PullRecord, base: string, actor: string, at?: string): void {
    if (pr.base === base) return;
    pr.base = base;
    delete pr.computedFor;
    pr.updatedAt = now();
    this.events.push({
      id: this.newId(),
      issue: pr.number,
      event: 'base_ref_changed',
      actor,
      createdAt: at ?? now(),
    });
  }

  /**
   * Queues PRs into `base`'s merge queue as GitHub does: one commit per PR, the PR's head merged onto the commit
   * before (the base tip first), each under `gh-readonly-queue/<base>/pr-<n>-<parent>`. Returns the group of all
   * of them (what a merge_group event names).
   */
  async enqueue(
    base: string,
    numbers: number[],
    enqueuer: string,
  ): Promise<{ head: string; headRef: string; baseSha: string }> {
    const baseSha = await this.branchSha(base);
    if (!baseSha) throw new Error(`no branch ${base}`);
    const queue = this.mergeQueues.get(base) ?? [];
    this.mergeQueues.set(base, queue);
    let parent = queue.length > 0 ? queue[queue.length - 1]!.head : baseSha;
    const groupBase = parent;
    let headRef = '';
    for (const n of numbers) {
      await this.syncPull(n);
      const pr = this.pulls.get(n);
      if (!pr || pr.state !== 'open' || pr.base !== base)
        throw new Error(`PR #${n} cannot be queued into ${base}`);
      const tree = await this.testMerge(parent, pr.headSha);
      if (!tree) throw new MergeConflictError(`PR #${n} does not merge into the queue`);
      const head = await this.commitTree(tree, [parent, pr.headSha], `Merge pull request #${n}`);
      headRef = `gh-readonly-queue/${base}/pr-${n}-${parent}`;
      await this.git(['update-ref', `refs/heads/${headRef}`, head]);
      queue.push({ pull: n, pullHead: pr.headSha, head, base: parent, enqueuedAt: now(), enqueuer });
      parent = head;
    }
    return { head: parent, headRef, baseSha: groupBase };
  }

  removeLabel(pr: PullRecord, name: string, actor: string): boolean {
    const i = pr.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
    if (i < 0) return false;
    const [removed] = pr.labels.splice(i, 1);
    pr.updatedAt = now();
    this.events.push({
      id: this.newId(),
      issue: pr.number,
      event: 'unlabeled',
      actor,
      label: removed ?? name,
      createdAt: now(),
    });
    return true;
  }

  async createPull(o: {
    head: string;
    base: string;
    title: string;
    body: string | null;
    user: string;
    fork: boolean;
    draft: boolean;
    maintainerCanModify: boolean;
    createdBy: 'test' | 'api';
  }): Promise<PullRecord> {
    const heads = await this.branches();
    const headSha = heads.get(o.head);
    const baseSha = heads.get(o.base);
    if (!headSha) throw new Error(`head branch ${o.head} does not exist in ${this.o.bareRepo}`);
    if (!baseSha) throw new Error(`base branch ${o.base} does not exist in ${this.o.bareRepo}`);
    const t = now();
    const pr: PullRecord = {
      number: this.nextIssueNumber++,
      title: o.title,
      body: o.body,
      state: 'open',
      merged: false,
      head: o.head,
      base: o.base,
      user: o.user,
      labels: [],
      headRepoFork: o.fork,
      createdBy: o.createdBy,
      headSha,
      baseSha,
      mergeable: null,
      createdAt: t,
      updatedAt: t,
      closedAt: null,
      mergedAt: null,
      mergedBy: null,
      draft: o.draft,
      maintainerCanModify: o.maintainerCanModify,
      commits: 0,
      additions: 0,
      deletions: 0,
      changedFiles: 0,
      requestedReviewers: [],
      requestedTeams: [],
      assignees: [],
      autoMerge: null,
    };
    this.pulls.set(pr.number, pr);
    await this.syncPull(pr.number, heads);
    return pr;
  }

  close(pr: PullRecord): void {
    if (pr.state === 'closed') return;
    pr.autoMerge = null;
    pr.state = 'closed';
    pr.closedAt = now();
    pr.updatedAt = pr.closedAt;
  }

  /**
   * Brings an open PR up to date with its branches: refs/pull/N/head follows the head branch, refs/pull/N/merge is
   * the test merge of head into base (parents base tip, head tip), absent on conflict. A deleted head or base branch
   * closes the PR, as on GitHub. Closed PRs keep their refs frozen.
   */
  async syncPull(n: number, heads?: Map<string, string>): Promise<void> {
    const pr = this.pulls.get(n);
    if (!pr || pr.state !== 'open') return;
    heads ??= await this.branches();
    const headSha = heads.get(pr.head);
    const baseSha = heads.get(pr.base);
    if (!headSha || !baseSha) {
      this.close(pr);
      return;
    }
    pr.headSha = headSha;
    pr.baseSha = baseSha;
    const key = `${baseSha}..${headSha}`;
    if (pr.computedFor === key) return;
    const merge = await this.testMerge(baseSha, headSha);
    const commit = merge
      ? await this.commitTree(merge, [baseSha, headSha], `Merge ${headSha} into ${baseSha}`)
      : undefined;
    // One transaction for both PR refs; no merge ref when the test merge conflicts (mergeable=false).
    const refUpdates = [`update refs/pull/${n}/head ${headSha}`];
    refUpdates.push(commit ? `update refs/pull/${n}/merge ${commit}` : `delete refs/pull/${n}/merge`);
    await this.git(['update-ref', '--stdin'], { input: `${refUpdates.join('\n')}\n` });
    pr.mergeable = Boolean(commit);
    if (commit) pr.mergeCommitSha = commit;
    else delete pr.mergeCommitSha;
    await this.computeStats(pr, baseSha, headSha);
    pr.computedFor = key;
  }

  async syncAll(): Promise<void> {
    const open = [...this.pulls.values()].filter((p) => p.state === 'open');
    if (!open.length) return;
    const heads = await this.branches();
    for (const pr of open) await this.syncPull(pr.number, heads);
  }

  /** All branch tips in one git call. */
  async branches(): Promise<Map<string, string>> {
    const r = await this.git(['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads/']);
    const map = new Map<string, string>();
    for (const line of r.stdout.split('\n')) {
      const [name, sha] = line.split('\0');
      if (name && sha) map.set(name.slice('refs/heads/'.length), sha);
    }
    return map;
  }

  /** Tree of merging `head` into `base`, or undefined on conflict. */
  async testMerge(baseSha: string, headSha: string): Promise<string | undefined> {
    const r = await this.git(['merge-tree', '--write-tree', '--no-messages', baseSha, headSha], {
      allowFail: true,
    });
    if (r.code === 1) return undefined;
    if (r.code !== 0) throw new Error(`git merge-tree failed: ${r.stderr.trim()}`);
    const tree = r.stdout.split('\n')[0]?.trim();
    if (!tree) throw new Error('git merge-tree printed no tree');
    return tree;
  }

  async commitTree(tree: string, parents: string[], message: string): Promise<string> {
    const args = ['commit-tree', tree];
    for (const p of parents) args.push('-p', p);
    const r = await this.git(args, { input: `${message}\n` });
    return r.stdout.trim();
  }

  private async computeStats(pr: PullRecord, baseSha: string, headSha: string): Promise<void> {
    const count = await this.git(['rev-list', '--count', `${baseSha}..${headSha}`]);
    pr.commits = Number(count.stdout.trim());
    const diff = await this.git(['diff', '--numstat', `${baseSha}...${headSha}`], { allowFail: true });
    let additions = 0;
    let deletions = 0;
    let files = 0;
    for (const line of diff.stdout.split('\n')) {
      const [a, d] = line.split('\t');
      if (a === undefined || d === undefined) continue;
      files++;
      additions += Number(a) || 0; // binary files show `-`
      deletions += Number(d) || 0;
    }
    pr.additions = additions;
    pr.deletions = deletions;
    pr.changedFiles = files;
  }

  /** A real merge into the base branch (compare-and-swap on the base ref); returns the new base tip. */
  async merge(
    n: number,
    o: { method: MergeMethod; by: string; title?: string; message?: string; sha?: string },
  ): Promise<string> {
    await this.syncPull(n);
    const pr = this.pulls.get(n);
    if (!pr) throw new Error(`no pull request #${n}`);
    if (pr.state !== 'open') throw new MergeConflictError('Pull Request is not mergeable');
    const tree = await this.testMerge(pr.baseSha, pr.headSha);
    if (!tree) throw new MergeConflictError('Pull Request is not mergeable');
    const headLabel = `${pr.headRepoFork ? pr.user : this.o.owner}/${pr.head}`;
    const commit =
      o.method === 'rebase'
        ? await this.rebase(pr.baseSha, pr.headSha)
        : o.method === 'squash'
          ? await this.commitTree(
              tree,
              [pr.baseSha],
              `${o.title ?? `${pr.title} (#${pr.number})`}\n\n${o.message ?? pr.body ?? ''}`.trimEnd(),
            )
          : await this.commitTree(
              tree,
              [pr.baseSha, pr.headSha],
              `${o.title ?? `Merge pull request #${pr.number} from ${headLabel}`}\n\n${o.message ?? pr.title}`,
            );
    await this.git(['update-ref', `refs/heads/${pr.base}`, commit, pr.baseSha]);
    const t = now();
    pr.merged = true;
    pr.state = 'closed';
    pr.mergedAt = t;
    pr.closedAt = t;
    pr.updatedAt = t;
    pr.mergedBy = o.by;
    pr.mergeCommitSha = commit;
    pr.mergeable = null;
    pr.autoMerge = null;
    return commit;
  }

  /** "Rebase and merge": each commit of the PR replayed on the base (new committer, new SHAs), oldest first. */
  private async rebase(baseSha: string, headSha: string): Promise<string> {
    const list = await this.git(['rev-list', '--reverse', '--first-parent', `${baseSha}..${headSha}`]);
    let onto = baseSha;
    for (const commit of list.stdout.split('\n').filter(Boolean)) {
      const tree = await this.testMerge(onto, commit);
      if (!tree) throw new MergeConflictError('This branch cannot be rebased due to conflicts');
      const message = await this.git(['log', '-1', '--format=%B', commit]);
      onto = await this.commitTree(tree, [onto], message.stdout.trimEnd());
    }
    return onto;
  }

  /** Deleting a branch closes the open PRs whose head or base it was. */
  async deleteBranchEffects(branch: string): Promise<void> {
    for (const pr of this.pulls.values()) {
      if (pr.state === 'open' && (pr.head === branch || pr.base === branch)) this.close(pr);
    }
    await Promise.resolve();
  }
}
