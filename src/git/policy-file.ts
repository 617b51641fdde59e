// The policy is trusted only from the default branch (or a file the user names locally), never from a PR head.
import { readFile } from 'node:fs/promises';
import { configPath, parsePolicy } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { defaultPolicy, type Policy } from '../core/policy.js';
import type { ObjectReader } from './objects.js';
import { StorageReader } from './storage.js';

export interface LoadedPolicy {
  policy: Policy;
  /** Where it came from, for reports: `built-in defaults`, `main:.github/package-storage.yml`, a file path. */
  source: string;
}

export async function policyAtRevision(
  repoDir: string,
  rev: string,
  label: string,
  path = configPath,
  /** A reader to share (the CLI reads the policy and the change through one `git cat-file`). */
  objects?: ObjectReader,
): Promise<LoadedPolicy> {
  const reader = new StorageReader(repoDir, '.', objects);
  try {
    const text = await reader.readFile(rev, path);
    if (text === undefined)
      return { policy: defaultPolicy(), source: `built-in defaults (no ${path} on ${label})` };
    return { policy: parsePolicy(text, `${label}:${path}`), source: `${label}:${path}` };
  } finally {
    reader.close();
  }
}

export async function policyFromFile(file: string): Promise<LoadedPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the policy file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return { policy: parsePolicy(text, file), source: file };
}
