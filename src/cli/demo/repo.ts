// A throwaway storage repository for the demo, made with ordinary git commands in a scratch work tree and
// pushed to a bare origin, as maintainers would.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { git } from '../../git/git.js';

const identity = {
  GIT_AUTHOR_NAME: 'Demo Maintainer',
  GIT_AUTHOR_EMAIL: 'maintainer@example.com',
  GIT_COMMITTER_NAME: 'Demo Maintainer',
  GIT_COMMITTER_EMAIL: 'maintainer@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export interface DemoPackage {
  name: string;
  version: string;
  range?: string;
  release?: string;
  /** Changes the package's content (and so its tree id) without changing its manifest. */
  flavour?: string;
  /** Overrides for manifest lines, e.g. a wrong `version`. */
  manifestVersion?: string;
}

export function packageFiles(p: DemoPackage): Record<string, string> {
  const title = p.name.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  return {
    'manifest.yml': [
      'format_version: 1.0.0',
      `name: ${p.name}`,
      `title: ${title}`,
      `version: ${p.manifestVersion ?? p.version}`,
      `description: Collect logs and metrics from ${title}.`,
      'type: integration',
      `release: ${p.release ?? 'ga'}`,
      'categories:',
      '  - observability',
      'conditions:',
      `  kibana.version: "${p.range ?? '^8.0.0'}"`,
      'owner:',
      '  github: elastic/demo-team',
      '',
    ].join('\n'),
    'docs/README.md': `# ${title}\n\nThe ${title} integration.${p.flavour ? ` (${p.flavour})` : ''}\n`,
    'changelog.yml': `- version: "${p.version}"\n  changes:\n    - description: Release ${p.version}.\n      type: enhancement\n`,
    'data_stream/log/manifest.yml': `title: ${title} logs\ntype: logs\n`,
  };
}

export class DemoRepo {
  private constructor(
    readonly root: string,
    readonly origin: string,
    readonly work: string,
  ) {}

  static async create(root: string): Promise<DemoRepo> {
    const origin = join(root, 'origin.git');
    const work = join(root, 'work');
    await mkdir(root, { recursive: true });
    await git(['init', '--quiet', '--bare', '--initial-branch=main', origin], { cwd: root, env: identity });
    await git(['clone', '--quiet', origin, work], { cwd: root, env: identity });
    await git(['checkout', '--quiet', '--orphan', 'main'], { cwd: work, env: identity });
    return new DemoRepo(root, origin, work);
  }

  private run(args: string[]): Promise<string> {
    return git(args, { cwd: this.work, env: identity });
  }

  /** Starts `branch` from `from` (or empty) in the scratch work tree. */
  async checkout(branch: string, from?: string): Promise<void> {
    if (from) await this.run(['checkout', '--quiet', '-B', branch, `origin/${from}`]);
    else {
      await this.run(['checkout', '--quiet', '--orphan', branch]);
      await this.run(['rm', '-r', '--quiet', '--cached', '--ignore-unmatch', '.']);
      await this.run(['clean', '-fdq']);
    }
  }

  async write(files: Record<string, string>): Promise<void> {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(this.work, path)), { recursive: true });
      await writeFile(join(this.work, path), content);
    }
  }

  async addPackage(p: DemoPackage): Promise<void> {
    const prefix = `packages/${p.name}/${p.version}`;
    await rm(join(this.work, prefix), { recursive: true, force: true });
    await this.write(
      Object.fromEntries(Object.entries(packageFiles(p)).map(([f, c]) => [`${prefix}/${f}`, c])),
    );
  }

  async removePackage(name: string, version: string): Promise<void> {
    await this.run(['rm', '-r', '--quiet', `packages/${name}/${version}`]);
  }

  /** Merges `branch` into `into` on origin the way a merge button does for an up-to-date PR (fast-forward). */
  async merge(branch: string, into: string): Promise<void> {
    await this.run(['fetch', '--quiet', 'origin']);
    await this.run(['push', '--quiet', 'origin', `refs/remotes/origin/${branch}:refs/heads/${into}`]);
    await this.run(['fetch', '--quiet', 'origin']);
    // Keep the local branch in step, as `git pull` would (the CLI prefers local branches).
    await this.run(['update-ref', `refs/heads/${into}`, `refs/remotes/origin/${into}`]);
  }

  /** Commits everything and pushes the branch to origin. */
  async commit(branch: string, message: string): Promise<string> {
    await this.run(['add', '--all']);
    await this.run(['commit', '--quiet', '--allow-empty', '-m', message]);
    await this.run(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
    await this.run(['fetch', '--quiet', 'origin']);
    return (await this.run(['rev-parse', 'HEAD'])).trim();
  }
}
