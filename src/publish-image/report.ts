// Everything a publish-image run tells the user, from the results of each step: log lines, outputs, the job summary
// (images, registries, release, rollback, rollout, the collapsed served index) and the step's failures (failed
// targets, failed rollouts, a rollback that failed somewhere). Each step is reported as soon as it is done, so its
// outputs are set even when a later step fails.
import * as core from '@actions/core';
import { sanitizeTag } from '../registry/index.js';
import { safeLine, summaryText } from '../runner/sanitize.js';
import type { RolledBack } from './apply.js';
import type { PublishResult } from './engine.js';
import type { ReleaseResult } from './release.js';
import { assertRolledBack, type RollbackResult } from './rollback.js';
import type { RolloutResult } from './rollout.js';
import type { ServedListing } from './served.js';

const headers = (names: readonly string[]) => names.map((h) => ({ data: h, header: true }));

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
    headers(['Tag', 'From', 'To', 'Result']),
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

function imagesSummary(result: PublishResult): void {
  const several = result.targets.length > 1;
  if (several)
    core.summary.addTable([
      headers(['Registry', 'Result']),
      ...result.targets.map((t) => [
        `<code>${summaryText(t.image)}</code>`,
        t.status === 'failed' ? `❌ failed while ${summaryText(t.error ?? '')}` : `✅ ${t.status}`,
      ]),
    ]);
  core.summary.addTable([
    headers([
      ...(several ? ['Image'] : []),
      'Channel',
      'Digest',
      'Why',
      'Tags',
      'Layers (base / reused / built)',
      'Uploaded',
      'SBOM',
    ]),
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
}

function releasesSummary(releases: readonly ReleaseResult[]): void {
  core.summary.addTable([
    headers(['Release', 'Commit', 'Git tag', 'Image tag', 'Digest']),
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
}

function rolloutsSummary(rollouts: readonly RolloutResult[]): void {
  core.summary.addTable([
    headers(['Channel', 'Deployment', 'Rollout']),
    ...rollouts.map((r) => [
      summaryText(r.channel),
      `${summaryText(r.namespace)}/${summaryText(r.deployment)}`,
      r.exitCode === 0 ? `✅ ${summaryText(r.output)}` : `❌ exit ${r.exitCode}: ${summaryText(r.output)}`,
    ]),
  ]);
}

interface Summarized {
  result?: PublishResult;
  releases?: readonly ReleaseResult[];
  rollouts?: readonly RolloutResult[];
  index?: readonly ServedListing[];
  rollback?: RollbackResult;
}

async function summary(s: Summarized): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary.addHeading('package-storage images', 2);
  if (s.rollback) rollbackSummary(s.rollback);
  if (s.result) imagesSummary(s.result);
  if (s.releases?.length) releasesSummary(s.releases);
  if (s.rollouts?.length) rolloutsSummary(s.rollouts);
  if (s.result?.archive)
    core.summary.addRaw(
      `<p>Archive: <code>${summaryText(s.result.archive.file)}</code> (${s.result.archive.size} bytes)</p>`,
      true,
    );
  if (s.result?.layoutDir)
    core.summary.addRaw(`<p>OCI layout: <code>${summaryText(s.result.layoutDir)}</code></p>`, true);
  if (s.index) indexSummary(s.index);
  await core.summary.write();
}

function failOnRollouts(rollouts: readonly RolloutResult[]): void {
  const failed = rollouts.filter((r) => r.exitCode !== 0);
  if (failed.length > 0)
    core.setFailed(
      `rollout failed for ${failed.map((r) => `${r.namespace}/${r.deployment}`).join(', ')}; the images were published`,
    );
}

const releaseTags = (releases: readonly ReleaseResult[]): string[] =>
  releases.flatMap((r) => (r.image ? [r.image, ...(r.mirrors ?? [])] : [])).map((i) => i.reference);

/** After the release: its outputs (the rollouts of a later step replace the empty list). */
export function reportReleases(releases: readonly ReleaseResult[]): void {
  core.setOutput('releases', JSON.stringify(releases));
  core.setOutput('rollouts', '[]');
}

/** A run that only released: the release tags are the run's tags. */
export async function reportReleaseOnly(releases: readonly ReleaseResult[]): Promise<void> {
  core.setOutput('tags', releaseTags(releases).join('\n'));
  core.setOutput('digest', releases[0]?.image?.digest ?? '');
  await summary({ releases });
}

/** A rollback: outputs, a line per target, the summary; then it fails if any target or rollout failed. */
export async function reportRollback({ result, rollouts }: RolledBack): Promise<void> {
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
  await summary({ rollouts, rollback: result });
  assertRolledBack(result);
  failOnRollouts(rollouts);
}

/** Right after publishing: a line per image (a kept channel tag is a warning), failed targets, the image outputs. */
export function reportImages(result: PublishResult): void {
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
  for (const t of result.targets)
    if (t.status === 'failed') core.error(safeLine(`${t.image}: failed while ${t.error ?? ''}`));
  core.setOutput('digest', result.images[0]?.digest ?? '');
  core.setOutput('tags', result.images.flatMap((i) => i.tags).join('\n'));
  core.setOutput('images', JSON.stringify(result.images));
  core.setOutput('registries', JSON.stringify(result.targets));
  core.setOutput('bytes-uploaded', String(result.bytesUploaded));
  if (result.archive) core.setOutput('archive-digest', result.archive.digest);
}

export function reportIndex(listings: readonly ServedListing[] | undefined): void {
  if (listings) core.setOutput('index', JSON.stringify(listings));
}

/** The end of a publication: rollout lines and outputs, the summary; fails if a target or a rollout failed. */
export async function reportPublished(
  result: PublishResult,
  o: {
    releases: readonly ReleaseResult[];
    rollouts: readonly RolloutResult[];
    index?: readonly ServedListing[];
  },
): Promise<void> {
  for (const r of o.rollouts)
    core.info(
      `rollout ${r.channel}: ${r.namespace}/${r.deployment}: ${r.exitCode === 0 ? 'restarted' : `failed (exit ${r.exitCode})`}: ${safeLine(r.output)}`,
    );
  core.setOutput('rollouts', JSON.stringify(o.rollouts));
  core.setOutput('releases', JSON.stringify(o.releases));
  await summary({
    result,
    releases: o.releases,
    rollouts: o.rollouts,
    ...(o.index ? { index: o.index } : {}),
  });
  const failed = result.targets.filter((t) => t.status === 'failed');
  if (failed.length > 0)
    core.setFailed(
      `publishing failed on ${failed.map((t) => t.image).join(', ')}; ${result.targets.length - failed.length} other target(s) were published`,
    );
  failOnRollouts(o.rollouts);
}
