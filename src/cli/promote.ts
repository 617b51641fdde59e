// `package-storage promote` and `package-storage cleanup`: the promote action's engine without any GitHub API.
// They write the local branch promote/<from>-to-<to> or cleanup/<channel>, and push it with a lease on --push.
import { parseSpecs, splitSpecs } from '../core/selection.js';
import { defaultIdentity, parseIdentity, prepareCleanup, preparePromotion } from '../promote/engine.js';
import { pushChange, type PushedChange } from '../promote/push.js';
import { safeLine } from '../runner/sanitize.js';
import { parse, required } from './args.js';
import type { CliIO } from './io.js';
import { openLocalRepo } from './repo.js';

export const promoteUsage = `usage: package-storage promote --repo DIR --from CH --to CH --packages SPEC[,SPEC...] [--push]
                               [--author "N <E>"] [--config FILE] [--json]

Creates or updates the local branch promote/<from>-to-<to>: the tip of <to> with each selected version's tree
copied from <from> (same tree ids). Nothing from <to> is removed; versions are never overwritten.
  --repo DIR       the storage repository (default: .)
  --from CH        the channel to promote from (e.g. snapshot)
  --to CH          the channel to promote to; from -> to must be a promotion the policy allows
  --packages SPEC  nginx@1.6.0, apm@8.0.0-rc1, system@latest, aws_*@latest, nginx@* (comma-separated)
  --push           fetch the channel branches first, then push the branch to origin with a lease
  --author "N <E>" commit identity (default: ${defaultIdentity.name} <${defaultIdentity.email}>)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch)
  --json           print {"branch", "commit", "packages": [{"name", "version", "tree"}], "operation"}
Exit: 0 done (also when there is nothing to do), 1 refused (absent, conflicting or invalid versions), 2 usage, 3 git failure.`;

export const cleanupUsage = `usage: package-storage cleanup --repo DIR --channel CH [--push] [--author "N <E>"] [--config FILE] [--json]

Creates or updates the local branch cleanup/<CH>: the tip of <CH> without every version whose identical tree is
already in a more stable channel (so it stays served).
  --repo DIR       the storage repository (default: .)
  --channel CH     the channel to clean up (e.g. snapshot)
  --push           fetch the channel branches first, then push the branch to origin with a lease
  --author "N <E>" commit identity (default: ${defaultIdentity.name} <${defaultIdentity.email}>)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch)
  --json           print {"branch", "commit", "packages": [{"name", "version", "tree"}], "operation"}
Exit: 0 done, 1 refused, 2 usage, 3 git failure.`;

function report(io: CliIO, json: boolean, { change, operation }: PushedChange): void {
  if (json) {
    io.out(
      JSON.stringify({
        branch: change.branch,
        commit: change.commit ?? null,
        packages: change.versions.map((v) => ({ name: v.name, version: v.version, tree: v.tree })),
        operation,
      }),
    );
    return;
  }
  if (operation === 'none') {
    io.out(
      change.kind === 'promote'
        ? 'nothing to promote: every selected version is already in the target with the same tree'
        : `nothing to clean up on ${change.base}`,
    );
  } else {
    io.out(
      `${operation} ${change.branch} at ${change.commit} (base ${change.base} ${change.baseSha.slice(0, 12)})`,
    );
    io.out(`title: ${safeLine(change.title)}`);
    for (const v of change.versions)
      io.out(`  ${v.name}@${v.version}  tree ${v.tree}${v.kibana ? `  kibana ${safeLine(v.kibana)}` : ''}`);
  }
  for (const v of change.alreadyPromoted) io.out(`  already promoted: ${v.name}@${v.version}`);
  for (const f of change.findings.filter((x) => x.severity !== 'notice'))
    io.out(`${f.severity} ${f.rule}: ${safeLine(f.message)}`);
}

const common = {
  repo: { type: 'string', default: '.' },
  push: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  config: { type: 'string' },
  author: { type: 'string' },
} as const;

export async function promoteCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('promote', argv, {
    ...common,
    from: { type: 'string' },
    to: { type: 'string' },
    packages: { type: 'string' },
  });
  required('promote', values, 'from', 'to', 'packages');
  const specs = parseSpecs(splitSpecs(values.packages!));
  const identity = parseIdentity(values.author);
  const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
  const pushed = await pushChange(
    { repoDir, policy, push: values.push ?? false, updateLocalBranch: true },
    (tips) =>
      preparePromotion({ repoDir, policy, from: values.from!, to: values.to!, specs, tips, identity }),
  );
  report(io, values.json ?? false, pushed);
  return 0;
}

export async function cleanupCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('cleanup', argv, { ...common, channel: { type: 'string' } });
  required('cleanup', values, 'channel');
  const identity = parseIdentity(values.author);
  const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
  const pushed = await pushChange(
    { repoDir, policy, push: values.push ?? false, updateLocalBranch: true },
    (tips) => prepareCleanup({ repoDir, policy, channel: values.channel!, tips, identity, direct: false }),
  );
  report(io, values.json ?? false, pushed);
  return 0;
}
