// The policy check as a pure function: (policy, what the channels hold, what the change does) -> findings.
import {
  modeSubmodule,
  modeSymlink,
  treeOf,
  versionChanges,
  type ChangedPath,
  type Holdings,
  type VersionChange,
  type VersionContent,
} from './change.js';
import type { Finding, Severity } from './finding.js';
import { checkManifest } from './manifest.js';
import { classifyPath, isForbidden, versionDir, versionKey } from './paths.js';
import {
  moreStable,
  promotionSources,
  ruleSetting,
  titlePrefixFor,
  type ChannelPolicy,
  type Policy,
  type RuleId,
} from './policy.js';
import { compareVersions } from './version.js';

export interface ValidationInput {
  policy: Policy;
  /** The channel the change lands on. */
  channel: ChannelPolicy;
  /** PR title; undefined when there is none to check (push, merge queue, CLI without --title). */
  title?: string;
  /** PR head branch, when the change is a PR (a `cleanup/` head is held to the cleanup rule). */
  headBranch?: string;
  /** The exception label was applied by a user with maintain or admin permission (or --exception). */
  exceptionApproved: boolean;
  exceptionApprovedBy?: string;
  paths: ChangedPath[];
  /** Each channel's versions of the touched package names; for `channel`, its state before the change. */
  holdings: ReadonlyMap<string, Holdings>;
  /** `channel`'s versions of the touched names after the change. */
  after: Holdings;
  /** Content after the change of each added or modified version, keyed `name@version`. */
  content: ReadonlyMap<string, VersionContent>;
  /** Crafted tree entries after the change (names with a slash, `.`, `..`, `.git`), as repository paths. */
  malformed?: readonly string[];
}

export interface VersionVerdict extends VersionChange {
  verdict: 'pass' | 'fail' | 'warning' | 'exception';
  rules: RuleId[];
}

export interface ValidationResult {
  findings: Finding[];
  changes: VersionVerdict[];
}

/** Package names a set of changed paths touches (only well-formed version paths). */
export function touchedNames(policy: Policy, paths: readonly ChangedPath[]): string[] {
  const names = new Set<string>();
  for (const p of paths) {
    const place = classifyPath(policy.packagesRoot, p.path);
    if (place.kind === 'version') names.add(place.name);
  }
  return [...names].sort();
}

const cleanupBranchPrefix = 'cleanup/';
const short = (tree: string | undefined): string => (tree ? tree.slice(0, 12) : 'none');
const quote = (text: string, max = 120): string =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

export function validateChange(input: ValidationInput): ValidationResult {
  const { policy, channel } = input;
  const root = policy.packagesRoot;
  const findings: Finding[] = [];

  const severityOf = (rule: RuleId): Severity | undefined => {
    const setting = ruleSetting(policy, channel, rule);
    return setting === 'off' ? undefined : setting;
  };
  const add = (rule: RuleId, f: Omit<Finding, 'rule' | 'severity'>, severity = severityOf(rule)): void => {
    if (severity) findings.push({ rule, severity, ...f });
  };
  const configException = (
    rule: 'overwrite' | 'removal',
    name: string,
    version: string,
  ): string | undefined => {
    const e = policy.exceptions.find(
      (x) =>
        x.name === name &&
        x.version === version &&
        (x.channel === undefined || x.channel === channel.name) &&
        x.rules.includes(rule),
    );
    return e ? `listed in the policy exceptions${e.reason ? ` (${e.reason})` : ''}` : undefined;
  };
  const exceptionFor = (rule: 'overwrite' | 'removal', name: string, version: string): string | undefined =>
    configException(rule, name, version) ??
    (input.exceptionApproved
      ? `label "${policy.exceptionLabel}"${input.exceptionApprovedBy ? ` applied by @${input.exceptionApprovedBy}` : ''}`
      : undefined);

  // title-prefix
  if (input.title !== undefined) {
    const prefix = titlePrefixFor(policy, channel.branch);
    if (!input.title.startsWith(prefix))
      add('title-prefix', { message: `PR title must start with "${prefix}" (got ${quote(input.title)})` });
  }

  // Path rules: only what the change adds or modifies; deleting a misplaced or forbidden file is welcome.
  for (const p of input.paths) {
    if (p.status === 'deleted') continue;
    const forbidden = isForbidden(policy.forbiddenPaths, p.path);
    const place = classifyPath(root, p.path);
    const pkg =
      place.kind === 'outside'
        ? {}
        : {
            ...(place.name ? { package: place.name } : {}),
            ...(place.version ? { version: place.version } : {}),
          };
    if (forbidden)
      add('forbidden-path', {
        ...pkg,
        path: p.path,
        message: `${quote(p.path)} matches the forbidden pattern "${forbidden}" (such paths are for development only)`,
      });
    if (place.kind === 'misplaced')
      add('layout', { ...pkg, path: p.path, message: `${quote(p.path)}: ${place.reason}` });
    if (place.kind !== 'outside' && p.invalidEncoding)
      add('layout', { ...pkg, path: p.path, message: `${quote(p.path)}: the file name is not valid UTF-8` });
    // eslint-disable-next-line no-control-regex
    if (place.kind !== 'outside' && /[\u0000-\u001f\u007f]/.test(p.path))
      add('layout', {
        ...pkg,
        path: p.path,
        message: `${quote(p.path)}: the file name contains control characters`,
      });
    if (place.kind === 'version') {
      if (p.newMode === modeSymlink)
        add('layout', {
          ...pkg,
          path: p.path,
          message: `${quote(p.path)} is a symbolic link; packages may not contain links`,
        });
      if (p.newMode === modeSubmodule)
        add('layout', {
          ...pkg,
          path: p.path,
          message: `${quote(p.path)} is a submodule; packages may not contain submodules`,
        });
      const dirs = place.rest.split('/').slice(0, -1);
      const dashed = dirs.find((d) => d.includes('-'));
      if (dashed !== undefined)
        add('layout', {
          ...pkg,
          path: p.path,
          message: `directory ${quote(dashed)} inside a package contains "-" (the registry refuses the package)`,
        });
    }
    if (p.size !== undefined && p.size > policy.limits.fileBytes)
      add('size', {
        ...pkg,
        path: p.path,
        message: `${quote(p.path)} is ${p.size} bytes; the limit is ${policy.limits.fileBytes} bytes`,
      });
  }

  // A crafted tree can make one path look like another (an entry named `nginx/1.5.0`): never trust such trees.
  for (const path of input.malformed ?? [])
    add('layout', {
      path,
      message: `${quote(path)}: a tree entry named ${quote(path.split('/').slice(2).join('/') || path)} that git never writes (a slash, ".", ".." or ".git" in one name); the tree was crafted`,
    });

  const names = touchedNames(policy, input.paths);
  const before: Holdings = input.holdings.get(channel.name) ?? new Map<string, Map<string, string>>();
  const changes = versionChanges(names, before, input.after);
  const stabler = moreStable(policy, channel);
  const sources = promotionSources(policy, channel);

  for (const change of changes) {
    const { name, version } = change;
    const dir = versionDir(root, name, version);
    const at = { package: name, version, path: dir };

    if (change.after !== undefined) {
      const content = input.content.get(versionKey(name, version));
      if (content) {
        for (const path of content.malformed ?? [])
          add('layout', {
            ...at,
            path: `${dir}/${path}`,
            message: `${quote(`${dir}/${path}`)}: a tree entry name git never writes (".", "..", ".git" or a slash)`,
          });
        if (content.truncated)
          add('size', {
            ...at,
            message: `${name}@${version} has more than ${policy.limits.filesPerVersion} files (the limit); it was not read further`,
          });
        if (!content.manifest)
          add('manifest', { ...at, path: `${dir}/manifest.yml`, message: 'manifest.yml is missing' });
        else if (content.manifest.text === undefined)
          add('size', {
            ...at,
            path: `${dir}/manifest.yml`,
            message: `manifest.yml is ${content.manifest.size} bytes; the limit is ${policy.limits.manifestBytes} bytes, so it was not parsed`,
          });
        else {
          const report = checkManifest(
            content.manifest.text,
            { name, version },
            {
              hasReadme: content.readme ?? content.files.some((f) => f.path === 'docs/README.md'),
            },
          );
          for (const problem of report.problems) {
            const setting = severityOf('manifest');
            const severity = setting === 'error' && problem.level === 'warning' ? 'warning' : setting;
            add(
              'manifest',
              {
                ...at,
                path: `${dir}/manifest.yml`,
                message: problem.message,
                ...(problem.line ? { line: problem.line } : {}),
              },
              severity,
            );
          }
        }
      }

      // shadowed: a more stable channel holds a different tree for this version, so this copy is never served.
      for (const other of stabler) {
        const tree = treeOf(input.holdings.get(other.name), name, version);
        if (tree !== undefined && tree !== change.after)
          add('shadowed', {
            ...at,
            message: `${name}@${version} is already in ${other.name} with different content (tree ${short(tree)}, here ${short(change.after)}); the ${other.name} copy is served, this one never would be`,
          });
      }

      // not-promoted: a promotion channel only takes a tree that is identical in a channel it is promoted from.
      if (channel.arrival === 'promotion' && !channel.markers.includes(name)) {
        const promotedFrom = sources.find(
          (s) => treeOf(input.holdings.get(s.name), name, version) === change.after,
        );
        if (!promotedFrom) {
          const elsewhere = input.holdings.size
            ? [...input.holdings.entries()]
                .filter(([c]) => c !== channel.name && !sources.some((s) => s.name === c))
                .filter(([, h]) => treeOf(h, name, version) === change.after)
                .map(([c]) => c)
            : [];
          const from = sources.map((s) => s.name).join(' or ') || '(no channel)';
          const differs = sources
            .map((s) => [s.name, treeOf(input.holdings.get(s.name), name, version)] as const)
            .filter(([, t]) => t !== undefined);
          const detail = elsewhere.length
            ? `; it is in ${elsewhere.join(', ')}: promote it through ${from} first (stages may not be skipped)`
            : differs.length
              ? `; ${differs.map(([c, t]) => `${c} has different content (tree ${short(t)})`).join(', ')}`
              : `; ${from} does not have this version`;
          add('not-promoted', {
            ...at,
            message: `${name}@${version} enters ${channel.name} by promotion, but ${from} holds no identical copy${detail}`,
          });
        }
      }
    }

    if (change.kind === 'modified') {
      if (channel.overwrite !== 'allow') {
        const by = channel.overwrite === 'exception' ? exceptionFor('overwrite', name, version) : undefined;
        const base = `${name}@${version} already exists on ${channel.branch} and this change modifies it`;
        if (by)
          add('overwrite', { ...at, message: `${base}; allowed as an approved exception (${by})` }, 'notice');
        else
          add('overwrite', {
            ...at,
            message:
              channel.overwrite === 'never'
                ? `${base}; versions on ${channel.name} are never overwritten: release a new version instead`
                : `${base}; overwriting on ${channel.name} needs an approved exception (label "${policy.exceptionLabel}" applied by a maintainer)`,
          });
      }
    }

    if (change.kind === 'added' && channel.versionIncrement) {
      const existing = [...(before.get(name)?.keys() ?? [])];
      const notLower = existing.filter((v) => compareVersions(v, version) >= 0);
      if (notLower.length > 0) {
        const highest = notLower.sort(compareVersions).at(-1)!;
        add('version-increment', {
          ...at,
          message: `${name}@${version} is not greater than ${name}@${highest} already on ${channel.name}; ${channel.name} only grows by version increments`,
        });
      }
    }

    if (change.kind === 'removed') {
      const promotedTo = stabler.find(
        (other) => treeOf(input.holdings.get(other.name), name, version) === change.before,
      );
      const base = `${name}@${version} is removed from ${channel.branch}`;
      const isCleanup = input.headBranch?.startsWith(cleanupBranchPrefix) ?? false;
      if (channel.removal === 'never')
        add('removal', { ...at, message: `${base}; versions are never removed from ${channel.name}` });
      else if (promotedTo)
        add(
          'removal',
          { ...at, message: `${base}; allowed: the identical tree is in ${promotedTo.name}` },
          'notice',
        );
      else if (isCleanup)
        add('removal', {
          ...at,
          message: `${base} by a cleanup, but no more stable channel holds the identical tree yet: merge the promotion first, or the version would be in no distribution`,
        });
      else if (channel.removal === 'promoted')
        add('removal', {
          ...at,
          message: `${base}; ${channel.name} only removes versions whose identical tree is in a more stable channel`,
        });
      else if (channel.removal === 'exception') {
        const by = exceptionFor('removal', name, version);
        if (by)
          add('removal', { ...at, message: `${base}; allowed as an approved exception (${by})` }, 'notice');
        else
          add('removal', {
            ...at,
            message: `${base}; removing from ${channel.name} needs an approved exception (label "${policy.exceptionLabel}" applied by a maintainer) unless the identical version is in a more stable channel`,
          });
      }
    }
  }

  findings.sort(
    (a, b) =>
      (a.package ?? '').localeCompare(b.package ?? '') ||
      (a.version ?? '').localeCompare(b.version ?? '') ||
      a.rule.localeCompare(b.rule) ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );

  const verdicts: VersionVerdict[] = changes.map((change) => {
    const own = findings.filter((f) => f.package === change.name && f.version === change.version);
    const verdict = own.some((f) => f.severity === 'error')
      ? 'fail'
      : own.some((f) => f.severity === 'warning')
        ? 'warning'
        : own.some((f) => f.severity === 'notice' && /exception/.test(f.message))
          ? 'exception'
          : 'pass';
    return {
      ...change,
      verdict,
      rules: [
        ...new Set(own.filter((f) => f.severity !== 'notice' || verdict === 'exception').map((f) => f.rule)),
      ],
    };
  });
  return { findings, changes: verdicts };
}
