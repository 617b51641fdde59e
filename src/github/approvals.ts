// Who approved an exception, and for which commit. The exception label alone proves nothing (anyone with triage
// can add labels, and a label stays on the PR through later pushes). An approval counts only when it is bound to the
// PR's current head commit, the one the approver saw, by a user with the channel's approver role:
//   - an approving review by such a user whose `commit_id` is the head commit (GitHub records the commit), or
//   - the label applied by such a user after the head commit was pushed (the repository activity log records
//     pushes with server time; commit dates cannot be trusted, anyone can set them).
// A later push needs a new approval. The label must be on the PR either way: it is the request for an exception.
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

interface Review {
  user: string;
  state: string;
  commitId: string;
}

async function reviews(octokit: Octokit, repo: RepoRef, pull: number): Promise<Review[]> {
  try {
    const list = await octokit.paginate(octokit.rest.pulls.listReviews, {
      ...repo,
      pull_number: pull,
      per_page: 100,
    });
    return list.map((r) => ({ user: r.user?.login ?? '', state: r.state, commitId: r.commit_id ?? '' }));
  } catch (error) {
    throw apiError(
      error,
      `listing reviews of pull request #${pull}`,
      'the token needs `pull-requests: read`',
    );
  }
}

/** The latest application of `label` still in force: who and when (server time). */
async function labelApplication(
  octokit: Octokit,
  repo: RepoRef,
  pull: number,
  label: string,
): Promise<{ actor: string; at: string } | undefined> {
  let found: { actor: string; at: string } | undefined;
  try {
    const events = await octokit.paginate(octokit.rest.issues.listEvents, {
      ...repo,
      issue_number: pull,
      per_page: 100,
    });
    for (const event of events) {
      const name = (event as { label?: { name?: string } }).label?.name;
      if (name?.toLowerCase() !== label.toLowerCase()) continue;
      if (event.event === 'labeled') found = { actor: event.actor?.login ?? '', at: event.created_at };
      else if (event.event === 'unlabeled') found = undefined;
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

/** When `sha` was last pushed to `ref`, from the repository activity log (server time); undefined if not recorded. */
async function pushedAt(
  octokit: Octokit,
  repo: RepoRef,
  ref: string,
  sha: string,
): Promise<string | undefined> {
  try {
    const activities = await octokit.paginate(octokit.rest.repos.listActivities, {
      ...repo,
      ref: `refs/heads/${ref}`,
      per_page: 100,
    });
    let latest: string | undefined;
    for (const a of activities as Array<{ after?: string; timestamp?: string; pushed_at?: string }>) {
      const at = a.timestamp ?? a.pushed_at;
      if (a.after === sha && at && (latest === undefined || at > latest)) latest = at;
    }
    return latest;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 403) return undefined; // no activity log visible: only reviews can bind
    throw apiError(error, `listing the pushes to ${ref}`);
  }
}

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
    try {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
      // role_name may be a custom role: then the legacy permission (admin, write, read) decides.
      const role = data.role_name in roleRank ? data.role_name : data.permission;
      roles.set(login, role);
      return role;
    } catch (error) {
      throw apiError(error, `reading the permission of @${login}`);
    }
  };
  const allowed = async (login: string): Promise<boolean> =>
    login !== '' && (roleRank[await roleOf(login)] ?? 0) >= roleRank[r.approvers]!;
  const head = r.headSha.slice(0, 7);

  // Each reviewer's latest verdict counts (a later "changes requested" withdraws an approval, as on GitHub).
  const latest = new Map<string, Review>();
  for (const review of await reviews(octokit, repo, r.pull))
    if (review.state !== 'COMMENTED' && review.state !== 'PENDING') latest.set(review.user, review);
  const approving = [...latest.values()].filter((v) => v.state === 'APPROVED');
  for (const review of approving.filter((v) => v.commitId === r.headSha))
    if (await allowed(review.user)) return { approval: { by: review.user, via: 'review' } };

  const applied = await labelApplication(octokit, repo, r.pull, r.label);
  const sameRepo = r.headRepo.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase();
  if (applied && (await allowed(applied.actor))) {
    const pushed = sameRepo ? await pushedAt(octokit, repo, r.headRef, r.headSha) : undefined;
    if (pushed !== undefined && Date.parse(applied.at) > Date.parse(pushed))
      return { approval: { by: applied.actor, via: 'label' } };
  }

  const staleReviews = approving.filter((v) => v.commitId !== r.headSha).map((v) => `@${v.user}`);
  const why: string[] = [];
  if (!applied) why.push('who applied it is unknown');
  else if (!(await allowed(applied.actor)))
    why.push(`it was applied by @${applied.actor}, whose role is ${await roleOf(applied.actor)}`);
  else if (!sameRepo)
    why.push(
      `it was applied by @${applied.actor}, but the head branch is in a fork, whose pushes this repository does not record`,
    );
  else
    why.push(
      `it was applied by @${applied.actor} before the head commit ${head} was pushed (or that push is not in the repository's activity log)`,
    );
  if (staleReviews.length)
    why.push(`approving reviews by ${staleReviews.join(', ')} are of an earlier commit`);
  return {
    note: `label "${r.label}" is on the PR but approves nothing yet: ${why.join('; ')}. An exception needs a user with the ${r.approvers} role to approve the head commit ${head}: an approving review of it, or the label applied after it was pushed (then re-run the check)`,
  };
}
