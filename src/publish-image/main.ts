// The publish-image action. On a push to a channel it rebuilds that channel's image and every less stable one's
// (production -> staging -> snapshot) from git trees and pushes them to every target repository (or writes them for
// air-gapped sites), then optionally restarts the serving deployments; on a schedule it rebuilds every channel (a
// new base build under the same registry version tag). With release versions (or on a tag push) it makes the stack
// release tags: a git tag per version and the image <image>:<version>. With rollback-to it points one channel's tag
// back at the image of an earlier commit.
import * as core from '@actions/core';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { actionBoundary } from '../runner/boundary.js';
import {
  channelByBranch,
  channelByName,
  channelsServing,
  missingBranchError,
  type Policy,
} from '../core/policy.js';
import { branchOfRef } from '../git/git.js';
import { fetchBranches } from '../git/remote.js';
import { StorageReader } from '../git/storage.js';
import { publishImages, type PublishResult } from './engine.js';
import { Ancestry } from './ancestry.js';
import { assertRolledBack, rollback, type RollbackResult } from './rollback.js';
import { readServedIndex, type ServedListing } from './served.js';
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

/** The served index of each channel, collapsed, one block per channel. */
function indexSummary(listings: readonly ServedListing[]): void {
  for (const l of listings) {
    const rows = l.packages
      .map(
        (p) =>
          `<tr><td>${summaryText(p.name)}</td><td>${summaryText(p.version)}</td><td>${summaryText(p.channel)}</td><td>${summaryText(p.release)}</td><td><code>${summaryText(p.kibana ?? '*')}</code></td><td><code>${p.content.slice(0, 19)}</code></td></tr>`,
      )
      .join('');
    const skipped = l.skipped.length
      ? `<p>Not served: ${l.skipped.map((x) => `<code>${summaryText(`${x.channel}: ${x.name}/${x.version}`)}</code>: ${summaryText(x.reason)}`).join('; ')}</p>`
      : '';
    core.summary.addDetails(
      `${summaryText(l.channel)} serves ${l.packages.length} package versions`,
      `<table><tr><th>Package</th><th>Version</th><th>From</th><th>Release</th><th>Kibana</th><th>Content</th></tr>${rows}</table>${skipped}`,
    );
  }
}

function rollbackSummary(r: RollbackResult): void {
  core.summary.addHeading(`Rollback of ${summaryText(r.channel)} to ${r.commit.slice(0, 12)}`, 3);
  core.summary.addTable([
    ['Tag', 'From', 'To', 'Result'].map((h) => ({ data: h, header: true })),
    ...r.targets.map((t) => [
      `<code>${summaryText(t.reference)}</code>`,
      t.from
        ? `<code>${t.from.digest}</code>${t.from.commit ? ` (${t.from.commit.slice(0, 12)})` : ''}`
        : '—',
      t.to.digest ? `<code>${t.to.digest}</code> (${t.to.commit.slice(0, 12)})` : '—',
      t.status === 'failed' ? `❌ ${summaryText(t.error ?? '')}` : t.status,
    ]),
  ]);
}

async function summary(
  result: PublishResult | undefined,
  releases: ReleaseResult[],
  rollouts: RolloutResult[],
  extra: { index?: ServedListing[]; rollback?: RollbackResult } = {},
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary.addHeading('package-storage images', 2);
  if (extra.rollback) rollbackSummary(extra.rollback);
  const several = (result?.targets.length ?? 0) > 1;
  if (result && several)
    core.summary.addTable([
      ['Registry', 'Result'].map((h) => ({ data: h, header: true })),
      ...result.targets.map((t) => [
        `<code>${summaryText(t.image)}</code>`,
        t.status === 'failed' ? `❌ failed while ${summaryText(t.error ?? '')}` : `✅ ${t.status}`,
      ]),
    ]);
  if (result)
    core.summary.addTable([
      [
        ...(several ? ['Image'] : []),
        'Channel',
        'Digest',
        'Why',
        'Tags',
        'Layers (base / reused / built)',
        'Uploaded',
        'SBOM',
      ].map((h) => ({
        data: h,
        header: true,
      })),
      ...result.images.map((i) => [
        ...(several ? [`<code>${summaryText(i.name)}</code>`] : []),
        summaryText(i.channel),
        `<code>${i.digest}</code>`,
        i.why.length === 0 ? 'unchanged' : summaryText(i.why.join('; ')),
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
      ...releases.flatMap((r) =>
        // One row per target repository: the first carries the version, commit and git tag.
        (r.image ? [r.image, ...(r.mirrors ?? [])] : [undefined]).map((i, n) => [
          n === 0 ? summaryText(r.version) : '',
          n === 0 ? `<code>${r.commit.slice(0, 12)}</code>` : '',
          n === 0 ? r.gitTag : '',
          i ? `${summaryText(i.reference)} (${i.operation}${i.built ? ', built' : ''})` : '—',
          i ? `<code>${i.digest}</code>` : '—',
        ]),
      ),
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
  if (extra.index) indexSummary(extra.index);
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

function channelsToBuild(policy: Policy, ref: string, eventName: string): string[] {
  const explicit = listInput('channels');
  for (const c of explicit)
    if (!channelByName(policy, c)) throw new UsageError(`unknown channel "${safeLine(c)}"`);
  if (explicit.length > 0) return explicit;
  // A scheduled (or manual) run checks every channel: a new base build under the same registry version tag, or a
  // tip some failed run did not publish. Unchanged images cost a few requests and change nothing.
  if (eventName === 'schedule' || eventName === 'workflow_dispatch')
    return policy.channels.map((c) => c.name);
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
      const ctx = withDefaultBranch(runContext());
      const repoDir = await checkoutDir(ctx);
      const password = core.getInput('password');
      const username = core.getInput('username');
      if (password) core.setSecret(password);
      if (password && !username) throw new UsageError('`password` needs `username`');
      const image = core.getInput('image', { required: true });
      const baseImage = core.getInput('base-image', { required: true });
      for (const one of image.split(/[,\n]/)) refuseCredentials('image', one.trim());
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
          core.setOutput(
            'tags',
            releases
              .flatMap((r) => (r.image ? [r.image, ...(r.mirrors ?? [])] : []))
              .map((i) => i.reference)
              .join('\n'),
          );
          core.setOutput('digest', releases[0]?.image?.digest ?? '');
          await summary(undefined, releases, []);
          return;
        }
      }

      const indexMode = core.getInput('index') || 'newest';
      if (!['newest', 'all', 'false'].includes(indexMode))
        throw new UsageError(`index: ${JSON.stringify(safeLine(indexMode))} is not newest, all or false`);
      const rollbackTo = core.getInput('rollback-to');
      const kubectl = {
        deployments: core.getInput('rollout-deployments'),
        kubectl: core.getInput('rollout-kubectl') || 'kubectl',
        namespace: core.getInput('rollout-namespace') || 'package-registry',
      };
      if (rollbackTo) {
        // Rollback mode: one channel's tag back to the image of an earlier commit of that channel.
        const named = listInput('channels');
        if (named.length !== 1)
          throw new UsageError('rollback-to needs `channels` naming exactly the one channel to roll back');
        const channel = channelByName(policy, named[0]!);
        if (!channel) throw new UsageError(`unknown channel "${safeLine(named[0]!)}"`);
        if (!push) throw new UsageError('rollback-to needs `push: true` (it moves a tag in the registry)');
        const tips = await fetchBranches(repoDir, [channel.branch], { treesOnly: true });
        const tip = tips.get(channel.branch);
        if (!tip) throw missingBranchError(channel);
        const result = await rollback({
          repoDir,
          policy,
          channel: channel.name,
          to: rollbackTo,
          tip,
          image,
          clientFor,
          ancestry: new Ancestry(repoDir, common.log),
          log: common.log,
        });
        const moved = result.targets.some((t) => t.status === 'moved');
        let rollouts: RolloutResult[] = [];
        if (kubectl.deployments && moved)
          rollouts = await rollout({
            ...kubectl,
            targets: rolloutTargets(kubectl.deployments, [channel.name]),
          });
        core.setOutput('rollback', JSON.stringify(result));
        core.setOutput('digest', result.targets.find((t) => t.to.digest)?.to.digest ?? '');
        core.setOutput(
          'tags',
          result.targets
            .filter((t) => t.status !== 'failed')
            .map((t) => t.reference)
            .join('\n'),
        );
        core.setOutput('rollouts', JSON.stringify(rollouts));
        for (const t of result.targets)
          core.info(
            `${safeLine(t.reference)}: ${t.status === 'moved' ? `${t.from?.digest ?? '(none)'} -> ${t.to.digest}` : t.status === 'unchanged' ? `already at ${t.to.digest}` : `failed: ${safeLine(t.error ?? '')}`}`,
          );
        await summary(undefined, [], rollouts, { rollback: result });
        assertRolledBack(result);
        failOnRollouts(rollouts);
        return;
      }

      const channels = channelsToBuild(policy, ctx.ref, ctx.eventName);
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
          `${result.targets.length > 1 ? `${safeLine(i.name)} ` : ''}${i.channel}: ${i.digest} (${i.why.length === 0 ? 'unchanged' : safeLine(i.why.join('; '))}); ${i.layers.uploaded} layers uploaded (${i.bytesUploaded} bytes), ${i.layers.reused} reused, ${i.layers.mounted} mounted`,
        );
        for (const t of i.tags) core.info(`  ${safeLine(t)}`);
        // A channel tag that did not move is worth a warning: the channel is not serving its branch's tip.
        for (const note of i.notes)
          if (i.keptTags.includes(sanitizeTag(i.branch))) core.warning(safeLine(note));
          else core.info(`  ${safeLine(note)}`);
      }
      const failedTargets = result.targets.filter((t) => t.status === 'failed');
      for (const t of failedTargets) core.error(safeLine(`${t.image}: failed while ${t.error ?? ''}`));
      core.setOutput('digest', result.images[0]?.digest ?? '');
      core.setOutput('tags', result.images.flatMap((i) => i.tags).join('\n'));
      core.setOutput('images', JSON.stringify(result.images));
      core.setOutput('registries', JSON.stringify(result.targets));
      core.setOutput('bytes-uploaded', String(result.bytesUploaded));
      if (result.archive) core.setOutput('archive-digest', result.archive.digest);

      // The served index of each channel built (what its registry serves after precedence).
      let listings: ServedListing[] | undefined;
      if (indexMode !== 'false') {
        const reader = new StorageReader(repoDir, policy.packagesRoot);
        try {
          listings = [];
          for (const name of channels) {
            const channel = channelByName(policy, name)!;
            const built = result.images.find((i) => i.channel === name);
            const commits = Object.fromEntries(
              policy.channels.map((c) => [c.name, tips.get(c.branch)] as const),
            );
            if (built) commits[name] = built.commit;
            listings.push(
              await readServedIndex({
                reader,
                repoDir,
                policy,
                channel,
                commits,
                options: { all: indexMode === 'all' },
              }),
            );
          }
        } finally {
          reader.close();
        }
        core.setOutput('index', JSON.stringify(listings));
      }

      // Rollout: restart the deployment of every channel whose image (its moving tag) changed in any target.
      let rollouts: RolloutResult[] = [];
      if (kubectl.deployments && push) {
        const changed = [
          ...new Set(
            result.images
              .filter((i) => ![...i.unchangedTags, ...i.keptTags].includes(sanitizeTag(i.branch)))
              .map((i) => i.channel),
          ),
        ];
        rollouts = await rollout({ ...kubectl, targets: rolloutTargets(kubectl.deployments, changed) });
        for (const r of rollouts)
          core.info(
            `rollout ${r.channel}: ${r.namespace}/${r.deployment}: ${r.exitCode === 0 ? 'restarted' : `failed (exit ${r.exitCode})`}: ${safeLine(r.output)}`,
          );
      }
      core.setOutput('rollouts', JSON.stringify(rollouts));
      core.setOutput('releases', JSON.stringify(releases));
      await summary(result, releases, rollouts, listings ? { index: listings } : {});
      if (failedTargets.length > 0)
        core.setFailed(
          `publishing failed on ${failedTargets.map((t) => t.image).join(', ')}; ${result.targets.length - failedTargets.length} other target(s) were published`,
        );
      failOnRollouts(rollouts);
    },
    () => close(),
  );
}

function failOnRollouts(rollouts: readonly RolloutResult[]): void {
  const failed = rollouts.filter((r) => r.exitCode !== 0);
  if (failed.length > 0)
    core.setFailed(
      `rollout failed for ${failed.map((r) => `${r.namespace}/${r.deployment}`).join(', ')}; the images were published`,
    );
}

/**
 * A scheduled run's payload names no repository: its ref is the default branch (GitHub runs schedules there), which
 * is where the policy is read from.
 */
function withDefaultBranch(ctx: ReturnType<typeof runContext>): ReturnType<typeof runContext> {
  const repository = ctx.payload.repository as { default_branch?: unknown } | undefined;
  if (typeof repository?.default_branch === 'string' || ctx.eventName !== 'schedule') return ctx;
  const branch = branchOfRef(ctx.ref);
  if (!branch) return ctx;
  return { ...ctx, payload: { ...ctx.payload, repository: { ...repository, default_branch: branch } } };
}
