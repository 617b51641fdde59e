// The publish-image action as its data flows: inputs -> target (release versions, then a rollback of one channel or
// the publication of some channels) -> each step of the engine, reported as soon as it is done -> the served index
// and the rollout of the channels that changed, inside the shared error boundary. On a push to a channel it rebuilds
// that channel's image and every less stable one's; on a schedule every channel's (a new base build under the same
// registry version tag); on a tag push, or with release versions, it makes the stack release tags.
import { actionBoundary } from '../runner/boundary.js';
import { runContext } from '../runner/event.js';
import { checkoutDir, defaultBranchPolicy } from '../runner/workspace.js';
import {
  openEngine,
  publishChannels,
  releaseVersions,
  restartChanged,
  rollbackChannel,
  servedIndexes,
} from './apply.js';
import { readInputs } from './inputs.js';
import {
  reportImages,
  reportIndex,
  reportPublished,
  reportReleaseOnly,
  reportReleases,
  reportRollback,
} from './report.js';
import { resolveTarget, withDefaultBranch } from './target.js';

export async function run(): Promise<void> {
  let close = (): void => undefined;
  await actionBoundary(
    async () => {
      const ctx = withDefaultBranch(runContext());
      const inputs = readInputs();
      const repoDir = await checkoutDir(ctx, inputs.repositoryPath);
      const { policy, ...main } = await defaultBranchPolicy(ctx, repoDir, inputs.config);
      const target = await resolveTarget(ctx, inputs, policy, repoDir, main);
      const engine = openEngine(ctx, inputs, policy, repoDir);
      close = engine.close;
      const releases = target.release.length > 0 ? await releaseVersions(engine, target.release) : [];
      if (target.release.length > 0) reportReleases(releases);
      const { mode } = target;
      if (mode.kind === 'release-only') return reportReleaseOnly(releases);
      if (mode.kind === 'rollback') return reportRollback(await rollbackChannel(engine, mode));
      const published = await publishChannels(engine, mode.channels);
      reportImages(published.result);
      const index = await servedIndexes(engine, published);
      reportIndex(index);
      const rollouts = await restartChanged(engine, published);
      await reportPublished(published.result, { releases, rollouts, ...(index ? { index } : {}) });
    },
    () => close(),
  );
}
