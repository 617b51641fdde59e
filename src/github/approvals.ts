// Who approved an exception, and for what. The exception label alone proves nothing (anyone with triage can add
// labels, and a label stays on the PR through later pushes and base edits). An approval counts only when it is bound
// to what the approver saw, the PR's current head commit merging into its current base branch, and comes from a user
// with the channel's approver role who is neither the PR's author nor the pusher of its head:
//   - an approving review by such a user whose `commit_id` is the head commit (GitHub records the commit), or
//   - the label applied by such a user after the head commit was pushed (the repository activity log records
//     pushes with server time; commit dates cannot be trusted, anyone can set them),
// and in both cases given after the PR's base branch last changed (`base_ref_changed` in the PR's events): an
// exception approved for staging is not one for production. A later push or base edit needs a new approval. Bots
// and deleted accounts approve nothing. The label must be on the PR either way: it is the request for an exception.
import type { Approval } from '../core/validate.js';
import type { ApproverRole } from '../core/policy.js';
import { apiError, type Octokit, type RepoRef } from './api.js';

export interface ApprovalRequest {
  pull: number;
  /** The PR's current head commit (re-read through the API, never from a stale payload). */
  headSha: string;
  /** The PR's head branch and the repository it lives in (`owner/repo`). */
  headRef: string;
  headRepo: string;
  /** The PR's current base branch (re-read through the API). */
  baseRef: string;
  /** Who opened the PR (empty for a deleted account): never their own approver. */
  author: string;
  /** The PR's current labels. */
  labels: readonly string[];
  label: string;
  /** The lowest role that may approve on the channel. */
  approvers: ApproverRole;
}

export interface ApprovalResult {
  approval?: Approval;
  /** Why the label did not count, when it is on the PR (shown as a notice). */
  note?: string;
}

const roleRank: Record<string, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/** An account as the API names it: `login` is empty for a deleted one (GitHub shows it as `ghost`). */
interface Account {
  login: string;
  bot: boolean;
}

interface Review extends Account {
  state: string;
  commitId: string;
  submittedAt: string;
}

/** GitHub's placeholder for deleted accounts. */
const ghost = 'ghost';

function account(user: { login?: string; type?: string } | null | undefined): Account {
  const login = user?.login ?? '';
  return { login: login.toLowerCase() === ghost ? '' : login, bot: user?.type === 'Bot' };
}

const who = (a: Account): string => (a.login ? `@${a.login}` : 'a deleted account');

async function reviews(octokit: Octokit, repo: RepoRef, pull: number): Promise<Review[]> {
  try {
    const list = await octokit.paginate(octokit.rest.pulls.listReviews, {
      ...repo,
      pull_number: pull,
      per_page: 100,
    });
    return list.map((r) => ({
      ...account(r.user),
      state: r.state,
      commitId: r.commit_id ?? '',
      submittedAt: r.submitted_at ?? '',
    }));
  } catch (error) {
    throw apiError(
      error,
      `listing reviews of pull request #${pull}`,
      'the token needs `pull-requests: read`',
    );
  }
}

interface PullEvents {
  /** The latest application of the label still in force: who and when (server time). */
  applied?: Account & { at: string };
  /** When the PR's base branch last changed (server time). */
  baseChangedAt?: string;
}

async function pullEvents(octokit: Octokit, repo: RepoRef, pull: number, label: string): Promise<PullEvents> {
  const found: PullEvents = {};
  try {
    const events = await octokit.paginate(octokit.rest.issues.listEvents, {
      ...repo,
      issue_number: pull,
      per_page: 100,
    });
    for (const event of events) {
      if (event.event === 'base_ref_changed') {
        if (found.baseChangedAt === undefined || event.created_at > found.baseChangedAt)
          found.baseChangedAt = event.created_at;
        continue;
      }
      const name = (event as { label?: { name?: string } }).label?.name;
      if (name?.toLowerCase() !== label.toLowerCase()) continue;
      if (event.event === 'labeled') found.applied = { ...account(event.actor), at: event.created_at };
      else if (event.event === 'unlabeled') delete found.applied;
    }
  } catch (error) {
    throw apiError(
      error,
      `listing events of pull request #${pull}`,
      'the token needs `issues: read` or `pull-requests: read`',
    );
  }
  return found;
}

/** When `sha` was last pushed to `ref` and by whom, from the repository activity log (server time). */
async function lastPush(
  octokit: Octokit,
  repo: RepoRef,
  ref: string,
  sha: string,
): Promise<{ at: string; by: string } | undefined> {
  try {
    const activities = await octokit.paginate(octokit.rest.repos.listActivities, {
      ...repo,
      ref: `refs/heads/${ref}`,
      per_page: 100,
    });
    let latest: { at: string; by: string } | undefined;
    for (const a of activities as Array<{
      after?: string;
      timestamp?: string;
      pushed_at?: string;
      actor?: { login?: string } | null;
    }>) {
      const at = a.timestamp ?? a.pushed_at;
      if (a.after === sha && at && (latest === undefined || at > latest.at))
        latest = { at, by: a.actor?.login ?? '' };
    }
    return latest;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 403) return undefined; // no activity log visible: only reviews can bind
    throw apiError(error, `listing the pushes to ${ref}`);
  }
}

const after = (at: string, since: string | undefined): boolean =>
  since === undefined || Date.parse(at) > Date.parse(since);

export async function exceptionApproval(
  octokit: Octokit,
  repo: RepoRef,
  r: ApprovalRequest,
): Promise<ApprovalResult> {
  if (!r.labels.some((l) => l.toLowerCase() === r.label.toLowerCase())) return {};
  const roles = new Map<string, string>();
  const roleOf = async (login: string): Promise<string> => {
    const known = roles.get(login);
    if (known) return known;
    let role: string;
    try {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
      // role_name may be a custom role: then the legacy permission (admin, write, read) decides.
      role = data.role_name in roleRank ? data.role_name : data.permission;
    } catch (error) {
      // An account GitHub no longer knows (or never did) holds no role here.
      if ((error as { status?: number }).status !== 404)
        throw apiError(error, `reading the permission of @${login}`);
      role = 'none';
    }
    roles.set(login, role);
    return role;
  };
  const sameRepo = r.headRepo.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase();
  const push = sameRepo ? await lastPush(octokit, repo, r.headRef, r.headSha) : undefined;
  const same = (a: string, b: string): boolean => a !== '' && a.toLowerCase() === b.toLowerCase();
  /** Who `a` is and why they cannot approve this PR's exception (`@x, whose role is triage`), or undefined. */
  const refusal = async (a: Account): Promise<string | undefined> => {
    if (!a.login) return 'a deleted account, which approves nothing';
    if (a.bot) return `${who(a)}, a bot (bots approve nothing)`;
    if (same(a.login, r.author)) return `${who(a)}, who opened the PR (nobody approves their own exception)`;
    if (push && same(a.login, push.by))
      return `${who(a)}, who pushed the head commit (nobody approves their own change)`;
    const role = await roleOf(a.login);
    if ((roleRank[role] ?? 0) < roleRank[r.approvers]!) return `${who(a)}, whose role is ${role}`;
    return undefined;
  };
  const head = r.headSha.slice(0, 7);
  const events = await pullEvents(octokit, repo, r.pull, r.label);

  // Each reviewer's latest verdict counts (a later "changes requested" withdraws an approval, as on GitHub).
  const latest = new Map<string, Review>();
  for (const review of await reviews(octokit, repo, r.pull))
    if (review.state !== 'COMMENTED' && review.state !== 'PENDING') latest.set(review.login, review);
  const approving = [...latest.values()].filter((v) => v.state === 'APPROVED');
  const bound = approving.filter(
    (v) => v.commitId === r.headSha && after(v.submittedAt, events.baseChangedAt),
  );
  const refusedReviews: string[] = [];
  for (const review of bound) {
    const why = await refusal(review);
    if (why === undefined) return { approval: { by: review.login, via: 'review' } };
    refusedReviews.push(why);
  }

  const { applied } = events;
  const labelRefusal = applied ? await refusal(applied) : undefined;
  if (
    applied &&
    labelRefusal === undefined &&
    push !== undefined &&
    after(applied.at, push.at) &&
    after(applied.at, events.baseChangedAt)
  )
    return { approval: { by: applied.login, via: 'label' } };

  const why: string[] = [];
  if (!applied) why.push('who applied it is unknown');
  else if (labelRefusal !== undefined) why.push(`it was applied by ${labelRefusal}`);
  else if (!after(applied.at, events.baseChangedAt))
    why.push(`it was applied by ${who(applied)} before the base branch was changed to ${r.baseRef}`);
  else if (!sameRepo)
    why.push(
      `it was applied by ${who(applied)}, but the head branch is in a fork, whose pushes this repository does not record`,
    );
  else
    why.push(
      `it was applied by ${who(applied)} before the head commit ${head} was pushed (or that push is not in the repository's activity log)`,
    );
  const stale = approving.filter((v) => v.commitId !== r.headSha).map(who);
  if (stale.length) why.push(`approving reviews by ${stale.join(', ')} are of an earlier commit`);
  const beforeBase = approving
    .filter((v) => v.commitId === r.headSha && !after(v.submittedAt, events.baseChangedAt))
    .map(who);
  if (beforeBase.length)
    why.push(
      `approving reviews by ${beforeBase.join(', ')} were given before the base branch was changed to ${r.baseRef}`,
    );
  why.push(...refusedReviews.map((w) => `an approving review by ${w} does not count`));
  return {
    note: `label "${r.label}" is on the PR but approves nothing yet: ${why.join('; ')}. An exception needs a user with the ${r.approvers} role, other than the PR's author and the pusher of its head, to approve the head commit ${head} into ${r.baseRef}: an approving review of it, or the label applied after it was pushed (then re-run the check)`,
  };
}
