// The steps of a storage repository's day as the runner would run them: each action bundle run as a child process
// on a workspace made like actions/checkout, against the contract-checked GitHub API and (for images) a real registry.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { FakeGitHub } from './github/index.js';
import { unpackImage } from './registry/index.js';
import { runAction, type ActionRun } from './run-action.js';
import { checkoutLikeActions, type StorageOrigin } from './storage-origin.js';
import { pullRequestPayload, pushPayload, workflowDispatchPayload } from './webhooks.js';

const ZERO = '0000000000000000000000000000000000000000';

export class StorageFlows {
  constructor(
    readonly origin: StorageOrigin,
    readonly gh: FakeGitHub,
    readonly owner: string,
    readonly repo: string,
  ) {}

  get repository(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** validate on a PR (pull_request event: the workspace holds the merge commit). */
  async validatePull(number: number): Promise<ActionRun> {
    await this.gh.syncPull(number);
    const pull = this.gh.pulls.get(number)!;
    const merge = await this.origin.rev(`refs/pull/${number}/merge`);
    const workspace = await checkoutLikeActions({
      origin: this.origin.bare,
      ref: `refs/pull/${number}/merge`,
      sha: merge,
    });
    const payload = pullRequestPayload({
      action: 'synchronize',
      number,
      title: pull.title,
      base: { ref: pull.base, sha: await this.origin.rev(pull.base) },
      head: { ref: pull.head, sha: await this.origin.rev(pull.head) },
      owner: this.owner,
      repo: this.repo,
      defaultBranch: 'main',
    });
    return this.run('validate', {}, 'pull_request', payload, workspace, merge, `refs/pull/${number}/merge`);
  }

  /** validate on a push to a channel (audits direct commits). */
  async validatePush(branch: string, before: string): Promise<ActionRun> {
    return this.onPush('validate', {}, branch, before);
  }

  async promote(inputs: Record<string, string>): Promise<ActionRun> {
    const workspace = await checkoutLikeActions({ origin: this.origin.bare, ref: 'refs/heads/main' });
    const payload = workflowDispatchPayload({ ref: 'main', inputs, owner: this.owner, repo: this.repo });
    return this.run(
      'promote',
      inputs,
      'workflow_dispatch',
      payload,
      workspace,
      await this.origin.rev('main'),
      'refs/heads/main',
    );
  }

  async cleanupAfterPush(branch: string, before: string): Promise<ActionRun> {
    return this.onPush('promote', { mode: 'cleanup' }, branch, before);
  }

  async publishOnPush(branch: string, before: string, inputs: Record<string, string>): Promise<ActionRun> {
    return this.onPush('publish-image', inputs, branch, before);
  }

  async publishRelease(inputs: Record<string, string>): Promise<ActionRun> {
    const workspace = await checkoutLikeActions({ origin: this.origin.bare, ref: 'refs/heads/main' });
    const payload = workflowDispatchPayload({
      ref: 'main',
      inputs: { versions: inputs['release-versions'] ?? '' },
      owner: this.owner,
      repo: this.repo,
    });
    return this.run(
      'publish-image',
      inputs,
      'workflow_dispatch',
      payload,
      workspace,
      await this.origin.rev('main'),
      'refs/heads/main',
    );
  }

  /** Opens a PR from a new branch with one commit on top of `base`. */
  async openPull(
    base: string,
    head: string,
    title: string,
    change: Parameters<StorageOrigin['commit']>[1],
  ): Promise<number> {
    await this.origin.commit(head, { parent: base, ...change });
    return (await this.gh.openPull({ head, base, title })).number;
  }

  private async onPush(
    action: string,
    inputs: Record<string, string>,
    branch: string,
    before: string,
  ): Promise<ActionRun> {
    const after = await this.origin.rev(branch);
    const workspace = await checkoutLikeActions({
      origin: this.origin.bare,
      ref: `refs/heads/${branch}`,
      sha: after,
    });
    const payload = pushPayload({
      ref: `refs/heads/${branch}`,
      before: before || ZERO,
      after,
      owner: this.owner,
      repo: this.repo,
      defaultBranch: 'main',
    });
    return this.run(action, inputs, 'push', payload, workspace, after, `refs/heads/${branch}`);
  }

  private async run(
    action: string,
    inputs: Record<string, string>,
    eventName: string,
    payload: object,
    workspace: string,
    sha: string,
    ref: string,
  ): Promise<ActionRun> {
    const run = await runAction({
      mode: 'bundle', // the day is also the smoke test of every shipped bundle
      action,
      inputs,
      eventName,
      payload,
      workspace,
      repository: this.repository,
      sha,
      ref,
      github: this.gh,
      timeoutMs: 180_000,
    });
    if (run.deprecatedCommands.length > 0)
      throw new Error(`${action} used deprecated commands: ${run.deprecatedCommands.join(', ')}`);
    return run;
  }
}

/**
 * What an image serves, read back independently (skopeo copy + umoci unpack): the registry configuration's
 * package_paths in order, first copy of each name@version wins. Returns `name@version <- channel`, sorted.
 */
export async function servedPackages(reference: string): Promise<string[]> {
  const unpacked = await unpackImage(reference);
  try {
    const config = load((await unpacked.readFile('/package-registry/config.yml')).toString('utf8')) as {
      package_paths: string[];
    };
    const served = new Map<string, string>();
    for (const path of config.package_paths) {
      const dir = join(unpacked.rootfs, path);
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.sort())
        for (const version of (await readdir(join(dir, name))).sort()) {
          const key = `${name}@${version}`;
          const manifest = await readFile(join(dir, name, version, 'manifest.yml'), 'utf8');
          if (!manifest.includes(`version: ${version}`))
            throw new Error(`${reference}: ${path}/${key} has a foreign manifest`);
          if (!served.has(key)) served.set(key, path.split('/').at(-1)!);
        }
    }
    return [...served].map(([k, c]) => `${k} <- ${c}`).sort();
  } finally {
    await unpacked.cleanup();
  }
}
