// The promote action: on demand (workflow_dispatch, schedule) it opens or updates the promotion PR; on a push to a
// channel (a promotion merged) it cleans up the less stable channels. Safe to re-run: the same inputs change nothing.
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import { actionBoundary } from '../runner/boundary.js';
import { channelByBranch, channelsServing } from '../core/policy.js';
import { branchOfRef } from '../git/git.js';
import { parseSpecs, splitSpecs } from '../core/selection.js';
import { createClient, type Octokit } from '../github/api.js';
import { closePull, ensurePullRequest, findOpenPull } from '../github/pulls.js';
import { runContext, type RunContext } from '../runner/event.js';
import { listInput } from '../runner/inputs.js';
import { safeLine, summaryText } from '../runner/sanitize.js';
import { checkoutDir, defaultBranchPolicy } from '../runner/workspace.js';
import { parseIdentity, prepareCleanup, preparePromotion, type Operation } from './engine.js';
import { pushChange, type PushedChange } from './push.js';

interface Result {
  kind: 'promote' | 'cleanup';
  operation: Operation;
  branch: string;
  base: string;
  commit: string | null;
  direct: boolean;
  pullRequest?: { number: number; url: string };
  packages: Array<{ name: string; version: string; tree: string; kibana?: string }>;
  title: string;
  restored?: Array<{ name: string; version: string; tree: string }>;
}

async function toPullRequest(
  pushed: PushedChange,
  o: { octokit: Octokit | undefined; ctx: RunContext; labels: string[]; draft: boolean; dryRun: boolean },
): Promise<Result> {
  const { change } = pushed;
  const result: Result = {
    kind: change.kind,
    operation: pushed.operation,
    branch: change.branch,
    base: change.base,
    commit: change.commit ?? null,
    direct: change.direct,
    packages: change.versions.map((v) => ({
      name: v.name,
      version: v.version,
      tree: v.tree,
      ...(v.kibana ? { kibana: v.kibana } : {}),
    })),
    title: change.title,
    ...(change.restored
      ? { restored: change.restored.map((v) => ({ name: v.name, version: v.version, tree: v.tree })) }
      : {}),
  };
  if (o.dryRun || change.direct || !o.octokit) return result;
  if (pushed.operation === 'none') {
    // Nothing left to do: an open PR for this branch is obsolete.
    const open = await findOpenPull(o.octokit, o.ctx.repository, change.branch, change.base);
    if (open) {
      await closePull(
        o.octokit,
        o.ctx.repository,
        open.number,
        change.kind === 'promote'
          ? `Closing: every selected version is already in \`${change.base}\` with the same tree, so there is nothing left to promote.`
          : `Closing: nothing left to clean up on \`${change.base}\`.`,
      );
      core.info(`closed obsolete pull request #${open.number}`);
    }
    return result;
  }
  const pull = await ensurePullRequest(o.octokit, o.ctx.repository, {
    head: change.branch,
    base: change.base,
    title: change.title,
    body: change.body,
    labels: o.labels,
    draft: o.draft,
  });
  result.pullRequest = { number: pull.number, url: pull.url };
  if (pull.operation === 'created') result.operation = 'created';
  else if (pull.operation === 'updated' && result.operation === 'unchanged') result.operation = 'updated';
  if (pull.operation === 'created' && pull.author === 'github-actions[bot]')
    core.warning(
      `PR #${pull.number} was created with the job's GITHUB_TOKEN, so GitHub runs no workflows on it (the validate check will not start). Use a GitHub App or personal access token for actions/checkout and for this action's github-token.`,
    );
  return result;
}

async function summary(results: Result[], dryRun: boolean): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary.addHeading(`package-storage ${results[0]?.kind ?? 'promote'}${dryRun ? ' (dry run)' : ''}`, 2);
  for (const r of results) {
    const where = r.pullRequest
      ? `<a href="${summaryText(r.pullRequest.url)}">#${r.pullRequest.number}</a>`
      : r.direct
        ? `direct commit to ${summaryText(r.base)}`
        : summaryText(r.branch);
    core.summary.addRaw(
      `<p><b>${summaryText(r.title)}</b><br>operation: <code>${r.operation}</code>, ${where}${r.commit ? `, commit <code>${r.commit.slice(0, 12)}</code>` : ''}</p>`,
      true,
    );
    if (r.packages.length > 0)
      core.summary.addTable([
        [
          { data: 'Package', header: true },
          { data: 'Version', header: true },
          { data: 'Tree', header: true },
          { data: 'Kibana', header: true },
        ],
        ...r.packages.map((p) => [
          summaryText(p.name),
          summaryText(p.version),
          `<code>${p.tree}</code>`,
          summaryText(p.kibana ?? 'any'),
        ]),
      ]);
  }
  await core.summary.write();
}

function setOutputs(results: Result[]): void {
  const first = results.find((r) => r.operation !== 'none') ?? results[0];
  core.setOutput('operation', first?.operation ?? 'none');
  core.setOutput('pull-request-number', first?.pullRequest ? String(first.pullRequest.number) : '');
  core.setOutput('pull-request-url', first?.pullRequest?.url ?? '');
  core.setOutput('branch', first?.branch ?? '');
  core.setOutput('commit', first?.commit ?? '');
  core.setOutput(
    'packages',
    JSON.stringify(
      results.flatMap((r) => r.packages.map((p) => ({ name: p.name, version: p.version, tree: p.tree }))),
    ),
  );
  core.setOutput('results', JSON.stringify(results));
}

export async function run(): Promise<void> {
  await actionBoundary(async () => {
    const ctx = runContext();
    const repoDir = await checkoutDir(ctx);
    const token = core.getInput('github-token');
    if (token) core.setSecret(token);
    const dryRun = core.getBooleanInput('dry-run');
    const identity = parseIdentity(core.getInput('author') || undefined);
    const extraLabels = listInput('labels');
    const draft = core.getBooleanInput('draft');
    const { policy } = await defaultBranchPolicy(ctx, repoDir);

    let mode = core.getInput('mode') || 'auto';
    if (mode === 'auto') mode = ctx.eventName === 'push' ? 'cleanup' : 'promote';
    if (mode !== 'promote' && mode !== 'cleanup')
      throw new UsageError(`mode must be auto, promote or cleanup (got ${JSON.stringify(safeLine(mode))})`);
    const octokit = dryRun ? undefined : createClient(token);
    const pushOptions = { repoDir, policy, push: true, dryRun, updateLocalBranch: false };
    const results: Result[] = [];

    if (mode === 'promote') {
      const from = core.getInput('from');
      const to = core.getInput('to');
      if (!from || !to) throw new UsageError('inputs `from` and `to` are required to promote');
      const specs = parseSpecs(splitSpecs(core.getInput('packages')));
      const pushed = await pushChange(pushOptions, (tips) =>
        preparePromotion({ repoDir, policy, from, to, specs, tips, identity }),
      );
      results.push(
        await toPullRequest(pushed, {
          octokit,
          ctx,
          labels: ['promotion', ...extraLabels],
          draft,
          dryRun,
        }),
      );
    } else {
      let channels = listInput('channel');
      if (channels.length === 0) {
        // After a push to channel C, every less stable channel may hold versions C now serves.
        const pushedChannel = channelByBranch(policy, branchOfRef(ctx.ref) ?? '');
        if (!pushedChannel)
          throw new UsageError(
            `cleanup needs the \`channel\` input, or a push to a channel branch (got ${JSON.stringify(safeLine(ctx.ref))})`,
          );
        channels = channelsServing(policy, pushedChannel)
          .filter((c) => c !== pushedChannel)
          .map((c) => c.name);
      }
      for (const channel of channels) {
        const pushed = await pushChange(pushOptions, (tips) =>
          prepareCleanup({ repoDir, policy, channel, tips, identity }),
        );
        results.push(
          await toPullRequest(pushed, {
            octokit,
            ctx,
            labels: ['cleanup', ...extraLabels],
            draft,
            dryRun,
          }),
        );
      }
    }

    for (const r of results)
      for (const v of r.restored ?? [])
        core.warning(
          `${v.name}@${v.version} was put back on ${r.base}: a more stable channel lost it while the cleanup was pushed`,
        );
    for (const r of results) {
      const target = r.pullRequest
        ? ` PR #${r.pullRequest.number} ${r.pullRequest.url}`
        : r.direct && r.commit
          ? ` direct commit ${r.commit} on ${r.base}`
          : '';
      core.info(`${r.kind} ${r.base}: ${r.operation}${dryRun ? ' (dry run)' : ''}${target}`);
      for (const p of r.packages) core.info(`  ${safeLine(`${p.name}@${p.version}`)} tree ${p.tree}`);
    }
    setOutputs(results);
    await summary(results, dryRun);
  });
}
