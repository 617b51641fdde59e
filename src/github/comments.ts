// A sticky PR comment: one comment per PR, ours when it starts with a hidden marker and was written by the account
// the token acts as (GraphQL `viewer`: `github-actions[bot]` for the job token, `<app>[bot]` for an App's), updated
// in place and never duplicated (when two runs raced and left two, the older is kept and the other deleted).
// Anyone can post a comment starting with the marker, or quote ours: other users' comments are never edited or
// deleted. Writing needs `pull-requests: write`; a token without it (a fork PR's read-only token) is reported, never
// a failure of the check.
import { apiError, type Octokit, type RepoRef } from './api.js';

export type StickyResult =
  | { operation: 'created' | 'updated' | 'unchanged'; id: number; url: string; deleted: number }
  | { operation: 'none' }
  | { operation: 'forbidden'; message: string };

interface Marked {
  id: number;
  body: string;
  url: string;
}

/** The account a token acts as. */
export interface TokenIdentity {
  login: string;
  id: number;
}

const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status;

/** Who the token acts as (REST `GET /user` is closed to installation tokens; GraphQL `viewer` is not). */
export async function tokenIdentity(octokit: Octokit): Promise<TokenIdentity> {
  try {
    const { viewer } = await octokit.graphql<{ viewer: { login: string; databaseId: number | null } }>(
      'query tokenIdentity { viewer { login databaseId } }',
    );
    return { login: viewer.login, id: viewer.databaseId ?? -1 };
  } catch (error) {
    throw apiError(error, 'reading which account the token acts as (GraphQL viewer)');
  }
}

/**
 * Whether `user` is the token's account: the same id or login; an App's bot also when `viewer` names it without its
 * `[bot]` suffix (a user may hold the bare name, so only a Bot account matches that way).
 */
function isOurs(
  user: { login?: string; id?: number; type?: string } | null | undefined,
  self: TokenIdentity,
): boolean {
  if (!user) return false;
  if (user.id === self.id) return true;
  const login = (user.login ?? '').toLowerCase();
  const own = self.login.toLowerCase();
  return login === own || (user.type === 'Bot' && login === `${own}[bot]`);
}

async function marked(
  octokit: Octokit,
  repo: RepoRef,
  pull: number,
  marker: string,
  self: TokenIdentity,
): Promise<Marked[]> {
  try {
    const list = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: pull,
      per_page: 100,
    });
    return list
      .filter((c) => (c.body ?? '').startsWith(marker) && isOurs(c.user, self))
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id)
      .map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url }));
  } catch (error) {
    throw apiError(error, `listing the comments of pull request #${pull}`);
  }
}

/**
 * Writes `body` (which must start with `marker`) as the PR's sticky comment. `onlyIfPresent`: update an existing
 * one, but create none (marking an earlier report resolved).
 */
export async function writeSticky(
  octokit: Octokit,
  repo: RepoRef,
  pull: number,
  marker: string,
  body: string,
  o: { onlyIfPresent?: boolean } = {},
): Promise<StickyResult> {
  if (!body.startsWith(marker)) throw new Error('a sticky comment starts with its marker');
  const existing = await marked(octokit, repo, pull, marker, await tokenIdentity(octokit));
  const [keep, ...extra] = existing;
  try {
    let result: StickyResult;
    if (!keep) {
      if (o.onlyIfPresent) return { operation: 'none' };
      const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: pull, body });
      result = { operation: 'created', id: data.id, url: data.html_url, deleted: 0 };
    } else if (keep.body === body) {
      result = { operation: 'unchanged', id: keep.id, url: keep.url, deleted: 0 };
    } else {
      const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: keep.id, body });
      result = { operation: 'updated', id: data.id, url: data.html_url, deleted: 0 };
    }
    for (const c of extra) {
      await octokit.rest.issues.deleteComment({ ...repo, comment_id: c.id });
      result.deleted++;
    }
    return result;
  } catch (error) {
    if (statusOf(error) === 403)
      return {
        operation: 'forbidden',
        message: apiError(error, `commenting on pull request #${pull}`).message,
      };
    throw apiError(error, `commenting on pull request #${pull}`);
  }
}
