// A sticky PR comment: one comment per PR, ours when it starts with a hidden marker and was written by the account
// the token acts as (GraphQL `viewer`: `github-actions[bot]` for the job token, `<app>[bot]` for an App's), updated
// in place and never duplicated (when two runs raced and left two, the older is kept and the other deleted).
// Anyone can post a comment starting with the marker, or quote ours: other users' comments are never edited or
// deleted. Writing needs `pull-requests: write`; a token without it (a fork PR's read-only token) is reported, never
// a failure of the check.
import {
  apiError,
  isTokenAccount,
  tokenIdentity,
  type Octokit,
  type RepoRef,
  type TokenIdentity,
} from './api.js';

export type StickyResult =
  | { operation: 'created' | 'updated' | 'unchanged'; id: number; url: string; deleted: number }
  | { operation: 'none' }
  | { operation: 'forbidden'; message: string };

interface Marked {
  id: number;
  body: string;
  url: string;
}

const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status;

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
      .filter((c) => (c.body ?? '').startsWith(marker) && isTokenAccount(c.user, self))
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
