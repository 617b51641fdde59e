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

/** The branches of a local clone and origin's default branch, read once (one `git for-each-ref`). */
export interface LocalRefs {
  /** Commit of each `refs/heads/*` and `refs/remotes/origin/*` ref (tags peeled). */
  commits: ReadonlyMap<string, string>;
  /** The branch `refs/remotes/origin/HEAD` points at, when the clone records it. */
  originHead?: string;
}

/**
 * Every local and origin branch in one process (a process per lookup costs more than the lookups); undefined when
 * `repoDir` is not a git repository.
 */
export async function readLocalRefs(repoDir: string): Promise<LocalRefs | undefined> {
  const result = await gitRaw(
    [
      'for-each-ref',
      '--format=%(refname)%00%(objectname)%00%(*objectname)%00%(symref)',
      'refs/heads/',
      'refs/remotes/origin/',
    ],
    { cwd: repoDir, okCodes: [128] },
  ).catch(() => undefined);
  if (!result || result.code !== 0) return undefined;
  const commits = new Map<string, string>();
  let originHead: string | undefined;
  for (const line of result.stdout.toString('utf8').split('\n')) {
    const [ref, oid, peeled, symref] = line.split('\0');
    if (!ref || !oid) continue;
    commits.set(ref, peeled || oid);
    if (ref === 'refs/remotes/origin/HEAD' && symref?.startsWith('refs/remotes/origin/'))
      originHead = symref.slice('refs/remotes/origin/'.length);
  }
  return { commits, ...(originHead ? { originHead } : {}) };
}

/** A branch's local tip: `refs/heads/<b>`, else `refs/remotes/origin/<b>`. */
export function branchTip(refs: LocalRefs, branch: string): string | undefined {
  return refs.commits.get(`refs/heads/${branch}`) ?? refs.commits.get(`refs/remotes/origin/${branch}`);
}

/** The default branch: origin/HEAD, else a local or origin `main` or `master`. */
export function defaultBranchOf(refs: LocalRefs): string | undefined {
  if (refs.originHead) return refs.originHead;
  return ['main', 'master'].find((candidate) => branchTip(refs, candidate) !== undefined);
}

/** Each channel branch's local tip (`refs/heads/<b>`, else `refs/remotes/origin/<b>`); undefined when absent. */
export async function localBranchTips(
  repoDir: string,
  branches: readonly string[],
): Promise<Map<string, string | undefined>> {
  const refs = (await readLocalRefs(repoDir)) ?? { commits: new Map<string, string>() };
  return new Map(branches.map((b) => [b, branchTip(refs, b)]));
}

/** The default branch of `origin` (origin/HEAD), or the local `main`/`master`. */
export async function defaultBranch(repoDir: string): Promise<string | undefined> {
  const refs = await readLocalRefs(repoDir);
  return refs ? defaultBranchOf(refs) : undefined;
}
