// Signed commits for promote: the commit promote built is recreated by GitHub's API (GitHub signs it) and the
// branch moved there with a lease, instead of `git push`.
import { recreateCommit, updateBranchWithLease } from '../github/commits.js';
import type { Octokit, RepoRef } from '../github/api.js';
import type { BranchWriter } from './push.js';

export function apiWriter(octokit: Octokit, repo: RepoRef, repoDir: string): BranchWriter {
  return {
    async write(o) {
      const made = await recreateCommit(octokit, repo, { repoDir, commit: o.commit, dirs: o.dirs });
      const moved = await updateBranchWithLease(octokit, repo, {
        branch: o.branch,
        sha: made.sha,
        expected: o.expected,
        force: !o.fastForward,
      });
      return moved.status === 'pushed' ? { status: 'pushed', sha: made.sha, verified: made.verified } : moved;
    },
  };
}
