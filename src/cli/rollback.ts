// `package-storage rollback`: point a channel's image tag back at the image published for an earlier commit of
// that channel, by digest, in every target repository.
import { UsageError } from '../core/errors.js';
import { channelByName } from '../core/policy.js';
import { localBranchTips } from '../git/local.js';
import { Ancestry } from '../publish-image/ancestry.js';
import { registryClients } from '../publish-image/clients.js';
import { rollback, type RollbackResult } from '../publish-image/rollback.js';
import { safeLine } from '../runner/sanitize.js';
import { parse, required } from './args.js';
import type { CliIO } from './io.js';
import { openLocalRepo } from './repo.js';

export const rollbackUsage = `usage: package-storage rollback --repo DIR --channel CH --to COMMIT --image NAME [--insecure-registry]
                               [--config FILE] [--json]

Moves the image tag of channel CH to the image already published for COMMIT (its <image>:<commit sha> tag), by
digest. COMMIT must be on the first-parent history of CH's branch and have, in every target, the same image that
publish-image made for it (labels naming COMMIT and CH; its SBOM, or the record of an earlier rollback to it,
attached); otherwise nothing moves. The tag stays there until a commit newer than the branch tip is published (a
re-run or a scheduled publish of the same tip does not move it), or until another rollback (one to the tip
undoes it: the tip's image, and the forward-only rule alone from then on).
  --repo DIR           the storage repository (default: .)
  --channel CH         the channel to roll back
  --to COMMIT          the commit to roll back to (full or abbreviated sha)
  --image NAME         target repository without tag; several (mirrors) comma-separated
  --insecure-registry  plain HTTP to the registries (loopback addresses always are)
  --config FILE        policy file (default: .github/package-storage.yml on the default branch)
  --json               print {"channel", "branch", "tag", "commit", "tip", "targets": [{"image", "reference",
                       "status", "from": {"digest", "commit"}, "to": {"digest", "commit"}, "error"}]}
Credentials come from the Docker config file (docker login), one entry per registry.
Exit: 0 done, 1 refused (not on the channel's history, or no published image), 2 usage, 3 git or registry
failure (with several --image: any target that failed, after the others were rolled back).`;

export function reportRollback(io: CliIO, r: RollbackResult): void {
  io.out(`${r.channel}: rolling back to ${r.commit} (branch ${safeLine(r.branch)} is at ${r.tip})`);
  for (const t of r.targets) {
    const from = t.from
      ? `${t.from.digest}${t.from.commit ? ` (${t.from.commit.slice(0, 12)})` : ''}`
      : '(no tag)';
    if (t.status === 'failed') io.out(`  ${safeLine(t.reference)}: FAILED ${safeLine(t.error ?? '')}`);
    else if (t.status === 'unchanged')
      io.out(`  ${safeLine(t.reference)}: already at ${t.to.digest} (unchanged)`);
    else io.out(`  ${safeLine(t.reference)}: ${from} -> ${t.to.digest}`);
  }
}

export async function rollbackCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('rollback', argv, {
    repo: { type: 'string', default: '.' },
    channel: { type: 'string' },
    to: { type: 'string' },
    image: { type: 'string' },
    'insecure-registry': { type: 'boolean', default: false },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  required('rollback', values, 'channel', 'to', 'image');
  const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
  const channel = channelByName(policy, values.channel!);
  if (!channel)
    throw new UsageError(
      `unknown channel "${safeLine(values.channel!)}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`,
    );
  const tip = (await localBranchTips(repoDir, [channel.branch])).get(channel.branch);
  if (!tip)
    throw new UsageError(
      `the ${channel.name} branch (${channel.branch}) is not in ${repoDir}, locally or as origin/${channel.branch}: fetch it`,
    );
  const clients = registryClients(values['insecure-registry'] ? { insecure: true } : {});
  try {
    const result = await rollback({
      repoDir,
      policy,
      channel: channel.name,
      to: values.to!,
      tip,
      image: values.image!,
      clientFor: clients.clientFor,
      ancestry: new Ancestry(repoDir),
    });
    if (values.json) io.out(JSON.stringify(result));
    else reportRollback(io, result);
    const failed = result.targets.filter((t) => t.status === 'failed');
    for (const t of failed)
      io.err(`package-storage rollback: ${safeLine(t.image)} failed: ${safeLine(t.error ?? '')}`);
    return failed.length > 0 ? 3 : 0;
  } finally {
    clients.close();
  }
}
