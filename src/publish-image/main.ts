// The publish-image action: on a push to a channel it rebuilds that channel's image and every less stable one's
// (production -> staging -> snapshot) from git trees, and pushes them, or writes them for air-gapped sites.
import * as core from '@actions/core';
import { isAbsolute, join } from 'node:path';
import { configPath } from '../core/config.js';
import { errorMessage, exitCodeOf, UsageError } from '../core/errors.js';
import { channelByBranch, channelByName, defaultPolicy } from '../core/policy.js';
import { isGitRepository } from '../git/git.js';
import { policyAtRevision } from '../git/policy-file.js';
import { fetchBranches } from '../git/remote.js';
import { publishImages, type PublishResult } from '../publish/engine.js';
import { RegistryClient } from '../registry/index.js';
import { defaultBranchOf, runContext } from '../runner/event.js';
import { safeLine, summaryText } from '../runner/sanitize.js';

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

async function summary(result: PublishResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary.addHeading('package-storage images', 2);
  core.summary.addTable([
    ['Channel', 'Digest', 'Tags', 'Layers (base / reused / built)', 'Uploaded'].map((h) => ({
      data: h,
      header: true,
    })),
    ...result.images.map((i) => [
      summaryText(i.channel),
      `<code>${i.digest}</code>`,
      i.tags
        .map(
          (t) =>
            `<code>${summaryText(t)}</code>${i.unchangedTags.some((u) => t.endsWith(`:${u}`)) ? ' (unchanged)' : ''}`,
        )
        .join('<br>'),
      `${i.layers.total} (${i.layers.base} / ${i.layers.reused} / ${i.layers.built})`,
      `${i.layers.uploaded} layers, ${(i.bytesUploaded / 1e6).toFixed(2)} MB`,
    ]),
  ]);
  if (result.archive)
    core.summary.addRaw(
      `<p>Archive: <code>${summaryText(result.archive.file)}</code> (${result.archive.size} bytes)</p>`,
      true,
    );
  if (result.layoutDir)
    core.summary.addRaw(`<p>OCI layout: <code>${summaryText(result.layoutDir)}</code></p>`, true);
  await core.summary.write();
}

export async function run(): Promise<void> {
  const clients = new Map<string, RegistryClient>();
  try {
    const ctx = runContext();
    const path = core.getInput('repository-path') || '.';
    const repoDir = isAbsolute(path) ? path : join(ctx.workspace, path);
    if (!(await isGitRepository(repoDir)))
      throw new UsageError(`no git repository at ${repoDir}: run actions/checkout before this action`);
    const password = core.getInput('password');
    const username = core.getInput('username');
    if (password) core.setSecret(password);
    if (password && !username) throw new UsageError('`password` needs `username`');
    const image = core.getInput('image', { required: true });
    const baseImage = core.getInput('base-image', { required: true });
    const push = core.getBooleanInput('push');
    const insecure = core.getBooleanInput('insecure-registry');
    const layout = core.getInput('layout');
    const archive = core.getInput('archive');

    const defaultBranch = defaultBranchOf(ctx.payload);
    if (!defaultBranch)
      throw new UsageError('the event payload names no default branch (repository.default_branch)');
    const mainTip = (await fetchBranches(repoDir, [defaultBranch], { treesOnly: true })).get(defaultBranch);
    const { policy, source } = mainTip
      ? await policyAtRevision(repoDir, mainTip, defaultBranch, core.getInput('config') || configPath)
      : { policy: defaultPolicy(), source: 'built-in defaults' };
    core.info(`policy: ${safeLine(source)}`);

    let channels = list('channels');
    if (channels.length === 0) {
      const branch = ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : '';
      const pushed = channelByBranch(policy, branch);
      if (!pushed)
        throw new UsageError(
          `give \`channels\`, or run on a push to a channel branch (got ${JSON.stringify(safeLine(ctx.ref))})`,
        );
      // A push to a channel changes what it and every less stable channel serve.
      channels = policy.channels.slice(policy.channels.indexOf(pushed)).map((c) => c.name);
    }
    for (const c of channels)
      if (!channelByName(policy, c)) throw new UsageError(`unknown channel "${safeLine(c)}"`);

    // Trees of every channel branch; blobs only for the layers that must be rebuilt, fetched later in one request.
    const tips = await fetchBranches(
      repoDir,
      policy.channels.map((c) => c.branch),
      { treesOnly: true },
    );
    const targetHost = image.split('/')[0] ?? '';
    const clientFor = (host: string): RegistryClient => {
      let client = clients.get(host);
      if (!client)
        clients.set(
          host,
          (client = new RegistryClient(host, {
            ...(insecure ? { insecure: true } : {}),
            ...(username && password && host === targetHost ? { credentials: { username, password } } : {}),
            onEvent: (e) => {
              if (e.type === 'retry')
                core.info(
                  `registry: retrying ${safeLine(e.operation)} (attempt ${e.attempt}): ${safeLine(e.reason)}`,
                );
            },
          })),
        );
      return client;
    };
    const serverUrl = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
    const result = await publishImages({
      repoDir,
      policy,
      channels,
      tips,
      image,
      baseImage,
      ...(core.getInput('registry-version') ? { registryVersion: core.getInput('registry-version') } : {}),
      push,
      ...(layout ? { layoutDir: isAbsolute(layout) ? layout : join(ctx.workspace, layout) } : {}),
      ...(archive ? { archiveFile: isAbsolute(archive) ? archive : join(ctx.workspace, archive) } : {}),
      clientFor,
      sourceUrl: `${serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`,
      allowRetag: policy.release.allowOverwrite,
      ...(process.env.RUNNER_TEMP ? { tmpDir: process.env.RUNNER_TEMP } : {}),
      log: (line) => core.info(safeLine(line)),
    });
    for (const i of result.images) {
      core.info(
        `${i.channel}: ${i.digest}; ${i.layers.uploaded} layers uploaded (${i.bytesUploaded} bytes), ${i.layers.reused} reused, ${i.layers.mounted} mounted`,
      );
      for (const t of i.tags) core.info(`  ${safeLine(t)}`);
    }
    const first = result.images[0];
    core.setOutput('digest', first?.digest ?? '');
    core.setOutput('tags', result.images.flatMap((i) => i.tags).join('\n'));
    core.setOutput('images', JSON.stringify(result.images));
    core.setOutput('bytes-uploaded', String(result.bytesUploaded));
    if (result.archive) core.setOutput('archive-digest', result.archive.digest);
    await summary(result);
  } catch (error) {
    core.setFailed(safeLine(errorMessage(error)));
    process.exitCode = exitCodeOf(error) === 2 ? 2 : 1;
  } finally {
    for (const c of clients.values()) c.close();
  }
}
