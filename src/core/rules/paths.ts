// The path rules (layout, forbidden-path, size, github-files), applied to each changed path as the diff streams
// in, so a change of 100,000 files costs memory per version and rule, never per file. Only what the change adds or
// modifies is judged: deleting a misplaced or forbidden file is welcome.
import { modeSubmodule, modeSymlink, type ChangedPath } from '../change.js';
import { packagePath } from '../image-plan.js';
import { bidiControls, classifyPath, isForbidden, pathLimitProblem } from '../paths.js';
import { ruleSetting, type ChannelPolicy, type Policy, type RuleId } from '../policy.js';
import { FindingCollector, listedPaths, quote, type Item } from './collect.js';

/** Why the registry refuses `-` in directory names: say which of its checks it is. */
export const dashMessage = (dir: string): string =>
  `directory ${quote(dir)} contains "-": the registry refuses any directory inside a package whose name contains "-" (its validation since July 2020, when ingest-pipeline became ingest_pipeline); rename it with "_"`;

export const flatLayoutMessage = (dir: string): string =>
  `${quote(dir)} uses the old flat layout <name>-<version>/: the registry reads only <name>/<version>/ directories and ignores it`;

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

export class PathScan {
  /** Package directory names (first level under the packages root) any changed path is in, deleted ones too. */
  readonly names = new Set<string>();
  /** The change touches the channel's Dockerfile. */
  dockerfile = false;
  /** Files under `.github/` the change adds, modifies or deletes: count and the first few. */
  readonly github = { count: 0, paths: [] as string[] };
  /** Changed paths (deleted ones too) outside any well-placed version directory: a change with any is no pure promotion. */
  outsideVersions = 0;
  readonly collector = new FindingCollector();
  private readonly root: string;

  /** `flat`: package directory names that hold a legacy flat version (`<name>-<version>/manifest.yml`). */
  constructor(
    readonly policy: Policy,
    readonly channel: ChannelPolicy,
    private readonly flat: ReadonlySet<string> = new Set(),
  ) {
    this.root = policy.packagesRoot;
  }

  static of(
    policy: Policy,
    channel: ChannelPolicy,
    paths: Iterable<ChangedPath>,
    flat?: ReadonlySet<string>,
  ): PathScan {
    const scan = new PathScan(policy, channel, flat);
    for (const p of paths) scan.add(p);
    return scan;
  }

  private report(rule: RuleId, item: Omit<Item, 'rule' | 'severity'>): void {
    const setting = ruleSetting(this.policy, this.channel, rule);
    if (setting !== 'off') this.collector.add({ rule, severity: setting, ...item });
  }

  add(p: ChangedPath): void {
    const prefix = `${this.root}/`;
    if (p.path.startsWith(prefix)) {
      const rest = p.path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash > 0) this.names.add(rest.slice(0, slash));
    } else if (p.path === 'Dockerfile') this.dockerfile = true;
    else if (p.path.startsWith('.github/')) {
      this.github.count++;
      if (this.github.paths.length < listedPaths) this.github.paths.push(p.path);
    }
    const place = this.place(p.path);
    if (place.kind !== 'unit' || place.problem !== undefined) this.outsideVersions++;
    if (p.status === 'deleted') return;

    const at: Pick<Item, 'package' | 'version' | 'path'> = {
      path: p.path,
      ...(place.name !== undefined ? { package: place.name } : {}),
      ...(place.version ? { version: place.version } : {}),
    };
    const forbidden = isForbidden(this.policy.forbiddenPaths, p.path);
    if (forbidden)
      this.report('forbidden-path', {
        ...at,
        message: `matches the forbidden pattern "${forbidden}" (such paths are for development only)`,
      });
    if (place.kind === 'outside') {
      this.size(p, at);
      return;
    }
    if (place.problem) this.report('layout', { ...at, message: place.problem });
    if (p.invalidEncoding) this.report('layout', { ...at, message: 'the file name is not valid UTF-8' });
    if (controlCharacters.test(p.path))
      this.report('layout', { ...at, message: 'the file name contains control characters' });
    if (bidiControls.test(p.path))
      this.report('layout', {
        ...at,
        message:
          'the file name contains Unicode bidirectional controls: it would display as another name than the one in the tree',
      });
    const limit = pathLimitProblem(
      p.path,
      `${packagePath(this.channel.name)}/${p.path.slice(this.root.length + 1)}`,
    );
    if (limit) this.report('layout', { ...at, message: limit });
    if (place.kind === 'unit') {
      if (p.newMode === modeSymlink)
        this.report('layout', { ...at, message: 'a symbolic link; packages may not contain links' });
      if (p.newMode === modeSubmodule)
        this.report('layout', { ...at, message: 'a submodule; packages may not contain submodules' });
      const dashed = place.rest
        .split('/')
        .slice(0, -1)
        .find((d) => d.includes('-'));
      if (dashed !== undefined) this.report('layout', { ...at, message: dashMessage(dashed) });
    }
    this.size(p, at);
  }

  private size(p: ChangedPath, at: Pick<Item, 'package' | 'version' | 'path'>): void {
    if (p.size !== undefined && p.size > this.policy.limits.fileBytes)
      this.report('size', {
        ...at,
        message: `the file is larger than the limit of ${this.policy.limits.fileBytes} bytes (${p.size} bytes)`,
      });
  }

  /** Which version unit a path belongs to, and what is wrong with where it is. */
  private place(
    path: string,
  ):
    | { kind: 'outside'; name?: undefined; version?: undefined; problem?: undefined }
    | { kind: 'misplaced'; name?: string; version?: string; problem: string }
    | { kind: 'unit'; name: string; version: string; rest: string; problem?: string } {
    const prefix = `${this.root}/`;
    if (!path.startsWith(prefix)) return { kind: 'outside' };
    const parts = path.slice(prefix.length).split('/');
    const name = parts[0]!;
    if (parts.length >= 2 && this.flat.has(name))
      return {
        kind: 'unit',
        name,
        version: '',
        rest: parts.slice(1).join('/'),
        problem: flatLayoutMessage(`${this.root}/${name}`),
      };
    const place = classifyPath(this.root, path);
    if (place.kind === 'version')
      return { kind: 'unit', name: place.name, version: place.version, rest: place.rest };
    if (place.kind === 'outside') return { kind: 'outside' };
    // Misplaced: still a unit when it is <root>/<name>/<version>/..., so findings group per version directory.
    const unit = parts.length >= 3 && name !== '' && parts[1] !== '';
    return unit
      ? { kind: 'unit', name, version: parts[1]!, rest: parts.slice(2).join('/'), problem: place.reason }
      : {
          kind: 'misplaced',
          ...(place.name !== undefined ? { name: place.name } : {}),
          problem: place.reason,
        };
  }

  /** The github-files notice: one finding for every `.github/` file the change touches on a channel branch. */
  githubFinding(): void {
    if (this.github.count === 0) return;
    const setting = ruleSetting(this.policy, this.channel, 'github-files');
    if (setting === 'off') return;
    const files = this.github.paths.map((p) => quote(p)).join(', ');
    this.collector.add({
      rule: 'github-files',
      severity: setting,
      standalone: true,
      path: this.github.paths[0]!,
      message: `the change touches .github/ on the channel branch ${this.channel.branch} (${this.github.count} file${this.github.count === 1 ? '' : 's'}: ${files}${this.github.count > this.github.paths.length ? ', …' : ''}): workflows there run on pushes to this branch, so review them like code; the policy itself is read from the default branch only`,
    });
  }
}
