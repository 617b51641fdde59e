// Whether a channel tag may move from the image it names to a new one: only forward in git ancestry. The old
// image's labels say which commit of every channel it was built from (`io.package-storage.commits`); the move is
// forward when each of those commits is the new one or an ancestor of it. Commit dates are never compared: a
// future-dated commit would otherwise freeze the tag. A shallow clone (actions/checkout's depth 1) lacks the
// history to decide: the commit graph is fetched once, without trees or blobs (`--filter=tree:0`).
import { gitRaw, revParse } from '../git/git.js';

export type Verdict = { forward: true } | { forward: false; reason: string };

export class Ancestry {
  private deepened: Promise<void> | undefined;

  constructor(
    private readonly repoDir: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Compares the commits an existing image was built from with the new image's (by channel). */
  async isForward(
    from: Readonly<Record<string, string>>,
    to: Readonly<Record<string, string>>,
  ): Promise<Verdict> {
    for (const [channel, old] of Object.entries(from)) {
      const next = to[channel];
      // A channel the new image no longer includes (policy change) says nothing about direction.
      if (next === undefined || next === old) continue;
      if (!(await this.isAncestor(old, next)))
        return {
          forward: false,
          reason: `${channel} ${next.slice(0, 12)} does not descend from ${old.slice(0, 12)}`,
        };
    }
    return { forward: true };
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    if (
      !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(ancestor) ||
      !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(descendant)
    )
      return false;
    if ((await this.mergeBase(ancestor, descendant)) === true) return true;
    // A complete history has every ancestor of the descendant: a missing commit is simply not one of them.
    if (!(await this.isShallow())) return false;
    await this.completeHistory(descendant);
    return (await this.mergeBase(ancestor, descendant)) === true;
  }

  /**
   * The commit `rev` names (a full or abbreviated sha, or any revision), with the history of `tip` fetched first
   * in a shallow clone (an older commit of the channel is not in a depth-1 checkout).
   */
  async resolveCommit(rev: string, tip: string): Promise<string | undefined> {
    if (rev.startsWith('-') || rev.length === 0 || rev.length > 256) return undefined;
    if (await this.isShallow()) await this.completeHistory(tip);
    const sha = await revParse(this.repoDir, rev);
    return sha !== undefined && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha) ? sha : undefined;
  }

  /** Whether `commit` is `tip` or one of its first parents, going back: a state the branch itself was at. */
  async onFirstParentHistory(commit: string, tip: string): Promise<boolean> {
    if (await this.isShallow()) await this.completeHistory(tip);
    if (!(await this.isAncestor(commit, tip))) return false;
    const parents = (await gitRaw(['rev-parse', `${commit}^@`], { cwd: this.repoDir })).stdout
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    // The commit's parents cut the walk below it: the first-parent walk from the tip is short, and lists the
    // commit when the branch itself was at it (not when it only came in through a merge's second parent).
    const r = await gitRaw(['rev-list', '--first-parent', tip, '--not', ...parents], { cwd: this.repoDir });
    return r.stdout.toString('utf8').split('\n').includes(commit);
  }

  /** true / false, or undefined when git cannot tell (a commit is missing). */
  private async mergeBase(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const r = await gitRaw(['merge-base', '--is-ancestor', ancestor, descendant], {
      cwd: this.repoDir,
      okCodes: [1, 128],
    });
    return r.code === 0 ? true : r.code === 1 ? false : undefined;
  }

  private async isShallow(): Promise<boolean> {
    const r = await gitRaw(['rev-parse', '--is-shallow-repository'], { cwd: this.repoDir });
    return r.stdout.toString('utf8').trim() === 'true';
  }

  /** The whole commit graph of `tip` from origin, once per run (commits only: a few MB even for big histories). */
  private completeHistory(tip: string): Promise<void> {
    this.deepened ??= (async () => {
      const shallow = await this.isShallow();
      this.log(
        `fetching the commit history from origin to check ancestry${shallow ? ' (shallow clone)' : ''}`,
      );
      const r = await gitRaw(
        [
          '-c',
          'protocol.version=2',
          'fetch',
          '--quiet',
          '--no-tags',
          '--no-write-fetch-head',
          '--filter=tree:0',
          ...(shallow ? ['--unshallow'] : []),
          'origin',
          tip,
        ],
        { cwd: this.repoDir, okCodes: [1, 128] },
      );
      if (r.code !== 0) this.log(`could not fetch the history: ${r.stderr.trim().split('\n')[0] ?? ''}`);
    })();
    return this.deepened;
  }
}
