// The promote action: on demand (workflow_dispatch, schedule) it opens or updates the promotion PR; on a push to a
// channel (a promotion merged) it cleans up the less stable channels. Safe to re-run: the same inputs change nothing.
// One pipeline, as in validate: inputs -> target -> engine -> report.
import { actionBoundary } from '../runner/boundary.js';
import { runContext } from '../runner/event.js';
import { checkoutDir, defaultBranchPolicy } from '../runner/workspace.js';
import { applyTarget } from './apply.js';
import { readInputs } from './inputs.js';
import { report } from './report.js';
import { targetOf } from './target.js';

export async function run(): Promise<void> {
  await actionBoundary(async () => {
    const ctx = runContext();
    const inputs = readInputs();
    const repoDir = await checkoutDir(ctx);
    const { policy } = await defaultBranchPolicy(ctx, repoDir);
    const target = targetOf(ctx, inputs, policy);
    const results = await applyTarget(target, { ctx, inputs, policy, repoDir });
    await report(results, { dryRun: inputs.dryRun, signCommits: inputs.signCommits });
  });
}
