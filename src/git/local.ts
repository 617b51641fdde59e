// Resolving branches in a local clone, for the CLI (no fetching, no API).
import { gitRaw, revParse } from './git.js';

/** `refs/heads/<branch>`, else `refs/remotes/origin/<branch>`. */
export async function resolveBranch(
  repoDir: string,
  branch: string,
): Promise<{ ref: string; sha: string } | undefined> {
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    const sha = await revParse(repoDir, ref);
    if (sha) return { ref, sha };
  }
  return undefined;
}

export async function isAncestor(repoDir: string, ancestor: string, descendant: string): Promise<boolean> {
  const result = await gitRaw(['merge-base', '--is-ancestor', ancestor, descendant], {
    cwd: repoDir,
    okCodes: [1, 128],
  });
  return result.code === 0;
}

/**
 * Each channel branch's local tip (`refs/heads/<b>`, else `refs/remotes/origin/<b>`); undefined when absent. One
 * `git for-each-ref` for all of them (a process per branch costs more than the lookups).
 */
export async function localBranchTips(
  repoDir: string,
  branches: readonly string[],
): Promise<Map<string, string | undefined>> {
  const result = await gitRaw(
    [
      'for-each-ref',
      '--format=%(refname)%00%(objectname)%00%(*objectname)',
      'refs/heads/',
      'refs/remotes/origin/',
    ],
    { cwd: repoDir },
  );
  const refs = new Map<string, string>();
  for (const line of result.stdout.toString('utf8').split('\n')) {
    const [ref, oid, peeled] = line.split('\0');
    if (ref && oid) refs.set(ref, peeled || oid);
  }
  const tips = new Map<string, string | undefined>();
  for (const branch of branches)
    tips.set(branch, refs.get(`refs/heads/${branch}`) ?? refs.get(`refs/remotes/origin/${branch}`));
  return tips;
}

/** The default branch of `origin` (origin/HEAD), or the local `main`/`master`. */
export async function defaultBranch(repoDir: string): Promise<string | undefined> {
  const head = await gitRaw(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], {
    cwd: repoDir,
    okCodes: [1, 128],
  });
  if (head.code === 0) return head.stdout.toString('utf8').trim().replace('refs/remotes/origin/', '');
  for (const candidate of ['main', 'master']) if (await resolveBranch(repoDir, candidate)) return candidate;
  return undefined;
}
