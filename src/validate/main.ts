// The validate action as its data flows: inputs -> target (what the event asks to check, fetched) -> engine (the
// policy over each part) -> report (annotations, outputs, summary, comment), inside the shared error boundary.
import { createClient, type Octokit } from '../github/api.js';
import { actionBoundary } from '../runner/boundary.js';
import { runContext } from '../runner/event.js';
import { checkoutDir, defaultBranchPolicy } from '../runner/workspace.js';
import { check } from './check.js';
import { readInputs } from './inputs.js';
import { report, reportSkip } from './report.js';
import { fetchChange, readCurrent, readEvent, resolveTarget } from './target.js';

export async function run(): Promise<void> {
  await actionBoundary(async () => {
    const ctx = runContext();
    const inputs = readInputs();
    let client: Octokit | undefined;
    const octokit = (): Octokit => (client ??= createClient(inputs.token));
    const repoDir = await checkoutDir(ctx, inputs.repositoryPath);
    // What the API says the change is now (a PR's head and base tip, a merge group's PRs), then its commits with
    // their files: every later fetch is trees-only.
    const facts = await readCurrent(ctx, readEvent(ctx), octokit);
    await fetchChange(ctx, facts, repoDir);
    const { policy, source } = await defaultBranchPolicy(ctx, repoDir, inputs.config);
    const target = await resolveTarget(ctx, facts, repoDir, policy, octokit);
    if (target.kind === 'skip') return reportSkip(target.reason);
    const checked = await check(repoDir, policy, source, target);
    await report(checked, {
      inputs,
      repo: ctx.repository,
      ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
      octokit,
    });
  });
}
