// `package-storage validate`: the same engine as the action, on a local clone.
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { failed, findingJson, isViolation, type Finding } from '../core/finding.js';
import { channelByBranch } from '../core/policy.js';
import { mergeConflictFinding } from '../core/rules/merge-conflict.js';
import { branchTip } from '../git/local.js';
import { ObjectReader } from '../git/objects.js';
import { StorageReader } from '../git/storage.js';
import { mergeTrees } from '../git/merge.js';
import { openLocalRepo } from './repo.js';
import { safeLine } from '../runner/sanitize.js';
import { evaluate } from '../validate/engine.js';
import { parse, required } from './args.js';
import type { CliIO } from './io.js';

export const validateUsage = `usage: package-storage validate --repo DIR --base BRANCH --head REV [--title TEXT] [--exception] [--config FILE] [--json]

Checks what merging REV into the channel branch BRANCH would change, against the policy.
  --repo DIR       the storage repository (default: .)
  --base BRANCH    channel branch the change goes into (refs/heads/BRANCH, else refs/remotes/origin/BRANCH)
  --head REV       the change: a branch, tag or commit
  --title TEXT     PR title to check against the title prefix rule
  --exception      treat the change as carrying an approved exception (violations of overwrite, removal,
                   version-increment, not-promoted, shadowed, title-prefix and frozen become notices, except
                   where the channel's setting is never)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch, else built-in defaults)
  --json           print {"result", "violations": [...]} instead of text
Exit: 0 pass, 1 violations, 2 usage or configuration error, 3 git failure.`;

export async function validateCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('validate', argv, {
    repo: { type: 'string', default: '.' },
    base: { type: 'string' },
    head: { type: 'string' },
    title: { type: 'string' },
    exception: { type: 'boolean', default: false },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  required('validate', values, 'base', 'head');
  // One `git cat-file` for the policy, the commits and the change, and one ref listing for every branch: a small
  // check costs little more than starting node. The reader starts first, so both processes start side by side.
  const objects = new ObjectReader(resolve(values.repo));
  objects.start();
  try {
    return await validateLocal(values, objects, io);
  } finally {
    objects.close();
  }
}

async function validateLocal(
  values: {
    repo: string;
    base?: string;
    head?: string;
    title?: string;
    exception?: boolean;
    config?: string;
    json?: boolean;
  },
  objects: ObjectReader,
  io: CliIO,
): Promise<number> {
  const { repoDir, policy, source, refs } = await openLocalRepo(values.repo, values.config, objects);
  const channel = channelByBranch(policy, values.base!);
  if (!channel)
    throw new UsageError(
      `${values.base} is not a channel branch (channels: ${policy.channels.map((c) => `${c.name} on ${c.branch}`).join(', ')})`,
    );
  const baseSha = branchTip(refs, channel.branch);
  if (!baseSha)
    throw new UsageError(
      `branch ${channel.branch} not found (refs/heads/${channel.branch} or refs/remotes/origin/${channel.branch})`,
    );
  const base = { sha: baseSha };
  const head = await objects.commitId(values.head!);
  if (!head) throw new UsageError(`--head ${values.head} is not a commit in ${repoDir}`);
  const merged = await mergeTrees(repoDir, base.sha, head, objects);

  const channelTips = new Map<string, string | undefined>();
  const missing: string[] = [];
  for (const c of policy.channels) {
    if (c === channel) continue;
    const tip = branchTip(refs, c.branch);
    channelTips.set(c.name, tip);
    if (!tip) missing.push(c.branch);
  }
  const outcome =
    merged.kind === 'conflict'
      ? {
          findings: [mergeConflictFinding(values.head!, channel.branch, merged.files)] as Finding[],
          changes: [],
        }
      : await evaluate({
          repoDir,
          policy,
          channel,
          before: base.sha,
          after: merged.tree,
          channelTips,
          reader: new StorageReader(repoDir, policy.packagesRoot, objects),
          ...(values.title !== undefined ? { title: values.title } : {}),
          ...(values.exception ? { approval: { by: 'command line', via: 'cli' as const } } : {}),
        });
  const result = failed(outcome.findings) ? 'fail' : 'pass';
  if (values.json) {
    io.out(
      JSON.stringify({
        result,
        violations: outcome.findings.filter(isViolation).map(findingJson),
        notices: outcome.findings.filter((f) => !isViolation(f)).map(findingJson),
        changes: outcome.changes.map((c) => ({
          package: c.name,
          version: c.version,
          change: c.kind,
          verdict: c.verdict,
        })),
      }),
    );
  } else {
    io.out(`policy: ${safeLine(source)}`);
    io.out(
      `checking ${safeLine(values.head!)} into ${channel.branch} (channel ${channel.name}): ${outcome.changes.length} version change(s)`,
    );
    if (missing.length) io.out(`note: no branch for ${missing.join(', ')}; treated as empty`);
    for (const c of outcome.changes)
      io.out(`  ${c.kind.padEnd(8)} ${safeLine(`${c.name}@${c.version}`)}  ${c.verdict}`);
    for (const f of outcome.findings) {
      const where = f.path ? ` ${safeLine(f.path)}${f.line ? `:${f.line}` : ''}` : '';
      io.out(`${f.severity.padEnd(7)} ${f.rule}${where}: ${safeLine(f.message)}`);
    }
    const errors = outcome.findings.filter((f) => f.severity === 'error').length;
    io.out(
      result === 'pass' ? 'result: pass' : `result: fail (${errors} violation${errors === 1 ? '' : 's'})`,
    );
  }
  return result === 'pass' ? 0 : 1;
}
