// What a promote run tells the maintainer: log lines, warnings, outputs and the job summary, all from the results.
// A requested auto-merge that could not be armed fails the step after everything else is reported: the PR is
// there, but it will not merge by itself as asked.
import * as core from '@actions/core';
import { OperationError } from '../core/errors.js';
import { safeLine, summaryText } from '../runner/sanitize.js';
import type { Result } from './apply.js';

function warnings(results: readonly Result[], signCommits: boolean): void {
  for (const r of results) {
    for (const v of r.restored ?? [])
      core.warning(
        `${v.name}@${v.version} was put back on ${r.base}: a more stable channel lost it while the cleanup was pushed`,
      );
    for (const x of r.refused ?? [])
      core.warning(safeLine(`PR #${r.pullRequest?.number ?? '?'}: ${x.who} was not added: ${x.reason}`));
    if (r.jobTokenPull)
      core.warning(
        `PR #${r.pullRequest?.number ?? '?'} was created with the job's GITHUB_TOKEN, so GitHub runs no workflows on it (the validate check will not start). Use a GitHub App or personal access token for actions/checkout and for this action's github-token.`,
      );
    if (signCommits && r.verified === false)
      core.warning(
        `GitHub did not sign commit ${r.commit ?? ''} on ${r.branch}: it signs commits made through its API only for a GitHub App installation token or the job token, not for a personal access token`,
      );
    if (r.autoMerge?.state === 'not-ours')
      core.warning(
        r.autoMerge.author !== undefined
          ? safeLine(
              `auto-merge left off on PR #${r.pullRequest?.number ?? '?'}: it was opened by ${r.autoMerge.author ? `@${r.autoMerge.author}` : 'a deleted account'}, not by the account promote runs as; close it and re-run promote to get a PR promote may auto-merge`,
            )
          : `auto-merge ${r.autoMerge.disabled ? 'turned off' : 'left off'} on PR #${r.pullRequest?.number ?? '?'}: ${r.branch} holds ${r.autoMerge.head ? r.autoMerge.head.slice(0, 12) : 'a commit'} that promote did not write; the next promote run rebuilds it`,
      );
  }
}

function log(results: readonly Result[], dryRun: boolean): void {
  for (const r of results) {
    const target = r.pullRequest
      ? ` PR #${r.pullRequest.number} ${r.pullRequest.url}`
      : r.direct && r.commit
        ? ` direct commit ${r.commit} on ${r.base}`
        : '';
    core.info(`${r.kind} ${r.base}: ${r.operation}${dryRun ? ' (dry run)' : ''}${target}`);
    for (const p of r.packages) core.info(`  ${safeLine(`${p.name}@${p.version}`)} tree ${p.tree}`);
    if (r.reviewers?.length) core.info(`  review requested from ${r.reviewers.join(', ')}`);
    if (r.assignees?.length) core.info(`  assigned to ${r.assignees.join(', ')}`);
    if (r.autoMerge && r.autoMerge.state !== 'failed' && r.autoMerge.state !== 'not-ours')
      core.info(`  auto-merge (${r.autoMerge.method}): ${r.autoMerge.state}`);
  }
}

function setOutputs(results: readonly Result[]): void {
  const first = results.find((r) => r.operation !== 'none') ?? results[0];
  core.setOutput('operation', first?.operation ?? 'none');
  core.setOutput('pull-request-number', first?.pullRequest ? String(first.pullRequest.number) : '');
  core.setOutput('pull-request-url', first?.pullRequest?.url ?? '');
  core.setOutput('branch', first?.branch ?? '');
  core.setOutput('commit', first?.commit ?? '');
  core.setOutput('auto-merge', first?.autoMerge ? first.autoMerge.state : 'off');
  core.setOutput(
    'packages',
    JSON.stringify(
      results.flatMap((r) => r.packages.map((p) => ({ name: p.name, version: p.version, tree: p.tree }))),
    ),
  );
  core.setOutput('results', JSON.stringify(results));
}

function autoMergeText(r: Result): string {
  const a = r.autoMerge;
  if (!a) return '';
  if (a.state === 'failed') return `, auto-merge <b>not armed</b>: ${summaryText(a.message)}`;
  if (a.state === 'not-ours')
    return a.author !== undefined
      ? `, auto-merge off (the PR was opened by ${summaryText(a.author ? `@${a.author}` : 'a deleted account')}, not by promote)`
      : `, auto-merge ${a.disabled ? 'turned off' : 'off'} (the branch holds a commit promote did not write)`;
  return `, auto-merge (${a.method}) ${a.state === 'enabled' ? 'armed' : 'on'}`;
}

async function summary(results: readonly Result[], dryRun: boolean): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary.addHeading(`package-storage ${results[0]?.kind ?? 'promote'}${dryRun ? ' (dry run)' : ''}`, 2);
  for (const r of results) {
    const where = r.pullRequest
      ? `<a href="${summaryText(r.pullRequest.url)}">#${r.pullRequest.number}</a>`
      : r.direct
        ? `direct commit to ${summaryText(r.base)}`
        : summaryText(r.branch);
    const extras = [
      r.commit
        ? `, commit <code>${r.commit.slice(0, 12)}</code>${r.verified ? ' (signed by GitHub)' : ''}`
        : '',
      r.reviewers?.length ? `, review requested from ${r.reviewers.map(summaryText).join(', ')}` : '',
      r.assignees?.length ? `, assigned to ${r.assignees.map(summaryText).join(', ')}` : '',
      autoMergeText(r),
    ].join('');
    core.summary.addRaw(
      `<p><b>${summaryText(r.title)}</b><br>operation: <code>${r.operation}</code>, ${where}${extras}</p>`,
      true,
    );
    if (r.refused?.length)
      core.summary.addList(r.refused.map((x) => `${summaryText(x.who)} not added: ${summaryText(x.reason)}`));
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

export async function report(
  results: readonly Result[],
  o: { dryRun: boolean; signCommits: boolean },
): Promise<void> {
  warnings(results, o.signCommits);
  log(results, o.dryRun);
  setOutputs(results);
  await summary(results, o.dryRun);
  const failed = results.find((r) => r.autoMerge?.state === 'failed');
  if (failed?.autoMerge?.state === 'failed')
    throw new OperationError(
      `auto-merge was not armed on PR #${failed.pullRequest?.number ?? '?'}: ${failed.autoMerge.message}`,
    );
}
