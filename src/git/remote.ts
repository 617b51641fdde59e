// Fetches what a depth-1 `actions/checkout` clone lacks. Trees only (`--filter=blob:none`) for other channels:
// their tree ids are all the policy needs, and a production branch can hold hundreds of megabytes of blobs.
import { OperationError } from '../core/errors.js';
import { branchOfRef, gitRaw } from './git.js';

export interface FetchOptions {
  depth?: number;
  /** Fetch trees and commits only; blobs arrive lazily if ever read. */
  treesOnly?: boolean;
  remote?: string;
}

/** Current tips of the given branches on the remote (absent branches are left out). */
export async function remoteBranchTips(
  repoDir: string,
  branches: readonly string[],
  remote = 'origin',
): Promise<Map<string, string>> {
  const tips = new Map<string, string>();
  if (branches.length === 0) return tips;
  const result = await gitRaw(['ls-remote', '--heads', remote, ...branches.map((b) => `refs/heads/${b}`)], {
    cwd: repoDir,
  });
  for (const line of result.stdout.toString('utf8').split('\n')) {
    const [sha, ref] = line.split('\t');
    const branch = ref === undefined ? undefined : branchOfRef(ref);
    if (sha && branch !== undefined) tips.set(branch, sha);
  }
  return tips;
}

export async function fetch(
  repoDir: string,
  refspecs: readonly string[],
  options: FetchOptions = {},
): Promise<void> {
  if (refspecs.length === 0) return;
  const args = [
    '-c',
    'protocol.version=2',
    'fetch',
    '--no-tags',
    '--no-write-fetch-head',
    '--no-recurse-submodules',
    '--quiet',
  ];
  if (options.depth !== undefined) args.push(`--depth=${options.depth}`);
  if (options.treesOnly) args.push('--filter=blob:none');
  args.push(options.remote ?? 'origin', ...refspecs);
  try {
    await gitRaw(args, { cwd: repoDir });
  } catch (error) {
    throw new OperationError(
      `could not fetch ${refspecs.join(', ')} from ${options.remote ?? 'origin'}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Fetches the tips of `branches` into refs/remotes/<remote>/<branch>; returns the tips found. */
export async function fetchBranches(
  repoDir: string,
  branches: readonly string[],
  options: FetchOptions = {},
): Promise<Map<string, string>> {
  const remote = options.remote ?? 'origin';
  const tips = await remoteBranchTips(repoDir, branches, remote);
  // Fetch by exact sha so the commits we read are the ones we report, even if a branch moves meanwhile.
  await fetch(
    repoDir,
    [...tips].map(([branch, sha]) => `+${sha}:refs/remotes/${remote}/${branch}`),
    { depth: 1, ...options },
  );
  return tips;
}
