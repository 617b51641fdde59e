// merge-conflict: a change that does not merge into its channel has no result to check. It is a finding (the PR
// fails with the conflicting files named), not an operational error.
import type { Finding } from '../finding.js';
import { listedPaths, quote } from './collect.js';

export function mergeConflictFinding(what: string, branch: string, files: readonly string[]): Finding {
  const shown = files.slice(0, listedPaths);
  return {
    rule: 'merge-conflict',
    severity: 'error',
    message: `${what} does not merge cleanly into ${branch}: ${files.length} conflicting file${files.length === 1 ? '' : 's'}${shown.length ? ` (${shown.map((f) => quote(f)).join(', ')}${files.length > shown.length ? ', …' : ''})` : ''}; merge ${branch} into it or rebase it, resolve the conflicts, and the check runs again`,
    ...(shown[0] !== undefined ? { path: shown[0] } : {}),
    ...(files.length > 1 ? { count: files.length, paths: shown } : {}),
  };
}
