// The publish-image action. On a push to a channel it rebuilds that channel's image and every less stable one's
// (production -> staging -> snapshot) from git trees and pushes them (or writes them for air-gapped sites), then
// optionally restarts the serving deployments. With release versions (or on a tag push) it makes the stack release
// tags: a git tag per version and the image <image>:<version>.
import * as core from '@actions/core';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { actionBoundary } from '../runner/boundary.js';
import { channelByBranch, channelByName, channelsServing, type Policy } from '../core/policy.js';
import { branchOfRef } from '../git/git.js';
import { fetchBranches } from '../git/remote.js';
import { StorageReader } from '../git/storage.js';
import { publishImages, type PublishResult } from './engine.js';
import {
  normalizeReleaseVersion,
  parseReleaseList,
  release,
  stableTipOnOrigin,
  type ReleaseResult,
} from './release.js';
import { rollout, rolloutTargets, type RolloutResult } from './rollout.js';
import { CredentialsInReferenceError, sanitizeTag, splitUserinfo } from '../registry/index.js';
import { parsePlatforms } from './base.js';
import { parseExtraMetadata } from './metadata.js';
import { progressReporter, type Progress } from './progress.js';
import { runContext } from '../runner/event.js';
import { listInput } from '../runner/inputs.js';
import { safeLine, summaryText } from '../runner/sanitize.js';
import { checkoutDir, defaultBranchPolicy } from '../runner/workspace.js';
import { imageHost, registryClients } from './clients.js';

/** A reference with userinfo is refused before anything uses it; its password is masked in case it was logged. */
function refuseCredentials(input: string, reference: string): void {
  const found = splitUserinfo(reference);
  if (!found) return;
  const colon = found.userinfo.indexOf(':');
  const secret = colon === -1 ? found.userinfo : found.userinfo.slice(colon + 1);
  if (secret) core.setSecret(secret);
  throw new UsageError(`${input}: ${new CredentialsInReferenceError(found.redacted).message}`);
}

async function summary(
  result: PublishResult | undefined,
  releases: ReleaseResult[],
  rollouts: RolloutResult[],
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary.addHeading('package-storage images', 2);
  if (result)
    core.summary.addTable([
      ['Channel', 'Digest', 'Tags', 'Layers (base / reused / built)', 'Uploaded', 'SBOM'].map((h) => ({
        data: h,
        header: true,
      })),
      ...result.images.map((i) => [
        summaryText(i.channel),
        `<code>${i.digest}</code>`,
        i.tags
          .map(
            (t) =>
              `<code>${summaryText(t)}</code>${i.unchangedTags.some((u) => t.endsWith(`:${u}`)) ? ' (unchanged)' : i.keptTags.some((u) => t.endsWith(`:${u}`)) ? ' (kept)' : ''}`,
          )
          .join('<br>'),
        `${i.layers.total} (${i.layers.base} / ${i.layers.reused} / ${i.layers.built})`,
        `${i.layers.uploaded} layers, ${(i.bytesUploaded / 1e6).toFixed(2)} MB`,
        i.sbom ? `<code>${i.sbom.via === 'existing' ? 'attached' : i.sbom.digest}</code>` : '—',
      ]),
    ]);
  if (releases.length > 0)
    core.summary.addTable([
      ['Release', 'Commit', 'Git tag', 'Image tag', 'Digest'].map((h) => ({ data: h, header: true })),
      ...releases.map((r) => [
        summaryText(r.version),
        `<code>${r.commit.slice(0, 12)}</code>`,
        r.gitTag,
        r.image
          ? `${summaryText(r.image.reference)} (${r.image.operation}${r.image.built ? ', built' : ''})`
          : '—',
        r.image ? `<code>${r.image.digest}</code>` : '—',
      ]),
    ]);
  if (rollouts.length > 0)
    core.summary.addTable([
      ['Channel', 'Deployment', 'Rollout'].map((h) => ({ data: h, header: true })),
      ...rollouts.map((r) => [
        summaryText(r.channel),
        `${summaryText(r.namespace)}/${summaryText(r.deployment)}`,
        r.exitCode === 0 ? `✅ ${summaryText(r.output)}` : `❌ exit ${r.exitCode}: ${summaryText(r.output)}`,
      ]),
    ]);
  if (result?.archive)
    core.summary.addRaw(
      `<p>Archive: <code>${summaryText(result.archive.file)}</code> (${result.archive.size} bytes)</p>`,
      true,
    );
  if (result?.layoutDir)
    core.summary.addRaw(`<p>OCI layout: <code>${summaryText(result.layoutDir)}</code></p>`, true);
  await core.summary.write();
}

async function releaseVersions(
  repoDir: string,
  ctx: ReturnType<typeof runContext>,
  main: { branch: string; tip: string | undefined },
): Promise<string[]> {
  if (ctx.eventName === 'push' && ctx.ref.startsWith('refs/tags/')) {
    const tag = ctx.ref.slice('refs/tags/'.length);
    const version = normalizeReleaseVersion(tag);
    // The git tag doubles as the image tag: release tags are named exactly like the version (no leading v).
    if (version !== tag)
      throw new UsageError(
        `tag ${JSON.stringify(safeLine(tag))} is not a release tag: name it ${version}, without a leading v`,
      );
    return [version];
  }
  let versions = parseReleaseList(core.getInput('release-versions'));
  const file = core.getInput('release-file');
  if (file) {
    if (!main.tip) throw new UsageError(`release-file: the default branch ${main.branch} was not found`);
    const reader = new StorageReader(repoDir, '.');
    try {
      const text = await reader.readFile(main.tip, file);
      if (text === undefined)
        throw new UsageError(`release-file ${safeLine(file)} does not exist on ${main.branch}`);
      versions = [...new Set([...versions, ...parseReleaseList(text)])];
    } finally {
      reader.close();
    }
  }
  return versions;
}

function channelsToBuild(policy: Policy, ref: string): string[] {
  const explicit = listInput('channels');
  for (const c of explicit)
    if (!channelByName(policy, c)) throw new UsageError(`unknown channel "${safeLine(c)}"`);
  if (explicit.length > 0) return explicit;
  const pushed = channelByBranch(policy, branchOfRef(ref) ?? '');
  if (!pushed)
    throw new UsageError(
      `give \`channels\`, or run on a push to a channel branch (got ${JSON.stringify(safeLine(ref))})`,
    );
  // A push to a channel changes what it and every less stable channel serve.
  return channelsServing(policy, pushed).map((c) => c.name);
}

export async function run(): Promise<void> {
  let close = (): void => undefined;
  await actionBoundary(
    async () => {
      const ctx = runContext();
      const repoDir = await checkoutDir(ctx);
      const password = core.getInput('password');
      const username = core.getInput('username');
      if (password) core.setSecret(password);
      if (password && !username) throw new UsageError('`password` needs `username`');
      const image = core.getInput('image', { required: true });
      const baseImage = core.getInput('base-image', { required: true });
      refuseCredentials('image', image);
      refuseCredentials('base-image', baseImage);
      const platforms = parsePlatforms(core.getInput('platforms'));
      const metadata = parseExtraMetadata(core.getInput('labels'), core.getInput('annotations'));
      const push = core.getBooleanInput('push');
      const insecure = core.getBooleanInput('insecure-registry');
      const layout = core.getInput('layout');
      const archive = core.getInput('archive');
      const registryVersion = core.getInput('registry-version');

      const { policy, defaultBranch, defaultTip } = await defaultBranchPolicy(ctx, repoDir);
      const clients = registryClients({
        ...(insecure ? { insecure: true } : {}),
        ...(username && password ? { credentials: { host: imageHost(image), username, password } } : {}),
        // Credentials from the Docker config and bearer tokens are masked like the password input.
        onSecret: (secret) => core.setSecret(secret),
        onRetry: (operation, attempt, reason) =>
          core.info(`registry: retrying ${safeLine(operation)} (attempt ${attempt}): ${safeLine(reason)}`),
      });
      close = clients.close;
      const clientFor = clients.clientFor;
      const serverUrl = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
      const reporter = progressReporter({
        write: (text) => core.info(safeLine(text.replace(/\n$/, ''))),
        tty: false,
      });
      const common = {
        image,
        baseImage,
        clientFor,
        sourceUrl: `${serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`,
        allowRetag: policy.release.allowOverwrite,
        ...(platforms.length > 0 ? { platforms } : {}),
        metadata,
        sbom: core.getBooleanInput('sbom'),
        onProgress: reporter.listener,
        progressTicks: (p: Progress) => reporter.run(p),
        ...(registryVersion ? { registryVersion } : {}),
        ...(process.env.RUNNER_TEMP ? { tmpDir: process.env.RUNNER_TEMP } : {}),
        log: (line: string) => core.info(safeLine(line)),
      };

      // Release mode: a pushed tag, or release versions / a release file.
      const versions = await releaseVersions(repoDir, ctx, { branch: defaultBranch, tip: defaultTip });
      let releases: ReleaseResult[] = [];
      if (versions.length > 0) {
        if (!push) throw new UsageError('release versions need `push: true` (tags are made in the registry)');
        releases = await release({
          repoDir,
          policy,
          versions,
          pushTags: true,
          stableTip: await stableTipOnOrigin(repoDir, policy),
          image: common,
          log: common.log,
        });
        core.setOutput('releases', JSON.stringify(releases));
        core.setOutput('rollouts', '[]');
        if (listInput('channels').length === 0) {
          core.setOutput('tags', releases.flatMap((r) => (r.image ? [r.image.reference] : [])).join('\n'));
          core.setOutput('digest', releases[0]?.image?.digest ?? '');
          await summary(undefined, releases, []);
          return;
        }
      }

      const channels = channelsToBuild(policy, ctx.ref);
      // Trees of every channel branch; blobs only for the layers that must be rebuilt, fetched later in one request.
      const tips = await fetchBranches(
        repoDir,
        policy.channels.map((c) => c.branch),
        { treesOnly: true },
      );
      const result = await publishImages({
        ...common,
        repoDir,
        policy,
        channels,
        tips,
        push,
        forceChannelTags: core.getBooleanInput('force-channel-tags'),
        ...(layout ? { layoutDir: isAbsolute(layout) ? layout : join(ctx.workspace, layout) } : {}),
        ...(archive ? { archiveFile: isAbsolute(archive) ? archive : join(ctx.workspace, archive) } : {}),
      });
      for (const i of result.images) {
        core.info(
          `${i.channel}: ${i.digest}; ${i.layers.uploaded} layers uploaded (${i.bytesUploaded} bytes), ${i.layers.reused} reused, ${i.layers.mounted} mounted`,
        );
        for (const t of i.tags) core.info(`  ${safeLine(t)}`);
        // A channel tag that did not move is worth a warning: the channel is not serving its branch's tip.
        for (const note of i.notes)
          if (i.keptTags.includes(sanitizeTag(i.branch))) core.warning(safeLine(note));
          else core.info(`  ${safeLine(note)}`);
      }
      core.setOutput('digest', result.images[0]?.digest ?? '');
      core.setOutput('tags', result.images.flatMap((i) => i.tags).join('\n'));
      core.setOutput('images', JSON.stringify(result.images));
      core.setOutput('bytes-uploaded', String(result.bytesUploaded));
      if (result.archive) core.setOutput('archive-digest', result.archive.digest);

      // Rollout: restart the deployment of every channel whose image (its moving tag) changed.
      let rollouts: RolloutResult[] = [];
      const deployments = core.getInput('rollout-deployments');
      if (deployments && push) {
        const changed = result.images
          .filter((i) => ![...i.unchangedTags, ...i.keptTags].includes(sanitizeTag(i.branch)))
          .map((i) => i.channel);
        rollouts = await rollout({
          kubectl: core.getInput('rollout-kubectl') || 'kubectl',
          namespace: core.getInput('rollout-namespace') || 'package-registry',
          targets: rolloutTargets(deployments, changed),
        });
        for (const r of rollouts)
          core.info(
            `rollout ${r.channel}: ${r.namespace}/${r.deployment}: ${r.exitCode === 0 ? 'restarted' : `failed (exit ${r.exitCode})`}: ${safeLine(r.output)}`,
          );
      }
      core.setOutput('rollouts', JSON.stringify(rollouts));
      core.setOutput('releases', JSON.stringify(releases));
      await summary(result, releases, rollouts);
      const failedRollouts = rollouts.filter((r) => r.exitCode !== 0);
      if (failedRollouts.length > 0)
        core.setFailed(
          `rollout failed for ${failedRollouts.map((r) => `${r.namespace}/${r.deployment}`).join(', ')}; the images were published`,
        );
    },
    () => close(),
  );
}
