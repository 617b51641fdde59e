// A sticky PR comment: one comment per PR, found again by a hidden marker at its start, updated in place and never
// duplicated (when two runs raced and left two, the older is kept and the other deleted). Writing needs
// `pull-requests: write`; a token without it (a fork PR's read-only token) is reported, never a failure of the check.
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

const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status;

async function marked(octokit: Octokit, repo: RepoRef, pull: number, marker: string): Promise<Marked[]> {
  try {
    const list = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: pull,
      per_page: 100,
    });
    return list
      .filter((c) => (c.body ?? '').startsWith(marker))
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
  const existing = await marked(octokit, repo, pull, marker);
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
