// The policy check as a pure function: (policy, what the channels hold, what the change does) -> findings, one
// function per rule over a shared context (src/core/rules/), one finding per version and rule.
import { versionChanges, type ChangedPath, type Holdings, type VersionChange } from './change.js';
import type { Finding } from './finding.js';
import type { RuleId } from './policy.js';
import { createContext, type RuleContext, type ValidationInput } from './rules/context.js';
import { frozenRule } from './rules/frozen.js';
import { layoutRule } from './rules/layout.js';
import { manifestRule } from './rules/manifest.js';
import { markerRule } from './rules/marker.js';
import { notPromotedRule } from './rules/not-promoted.js';
import { overwriteRule } from './rules/overwrite.js';
import { PathScan } from './rules/paths.js';
import { registryVersionRule } from './rules/registry-version.js';
import { removalRule } from './rules/removal.js';
import { shadowedRule } from './rules/shadowed.js';
import { sizeRule } from './rules/size.js';
import { titlePrefixRule } from './rules/title-prefix.js';
import { versionIncrementRule } from './rules/version-increment.js';

export type { Approval, RegistryVersions, ValidationInput } from './rules/context.js';
export { PathScan } from './rules/paths.js';

export interface VersionVerdict extends VersionChange {
  verdict: 'pass' | 'fail' | 'warning' | 'exception';
  rules: RuleId[];
}

export interface ValidationResult {
  findings: Finding[];
  changes: VersionVerdict[];
}

/** Every rule, in report order. The path rules (layout, forbidden-path, size, github-files) also run in the scan. */
const rules: ReadonlyArray<(ctx: RuleContext) => void> = [
  titlePrefixRule,
  layoutRule,
  sizeRule,
  manifestRule,
  markerRule,
  frozenRule,
  overwriteRule,
  removalRule,
  versionIncrementRule,
  shadowedRule,
  notPromotedRule,
  registryVersionRule,
];

/** Package directory names under the packages root that hold a legacy flat version (`manifest.yml` directly). */
export function flatNames(...holdings: Array<Holdings | undefined>): Set<string> {
  const flat = new Set<string>();
  for (const h of holdings) for (const [name, versions] of h ?? []) if (versions.has('')) flat.add(name);
  return flat;
}

/** Package directory names a set of changed paths touches (any path below `<root>/<name>/`, deletions too). */
export function touchedNames(policy: ValidationInput['policy'], paths: Iterable<ChangedPath>): string[] {
  const names = new Set<string>();
  const prefix = `${policy.packagesRoot}/`;
  for (const p of paths) {
    if (!p.path.startsWith(prefix)) continue;
    const slash = p.path.indexOf('/', prefix.length);
    if (slash > prefix.length) names.add(p.path.slice(prefix.length, slash));
  }
  return [...names].sort();
}

export function validateChange(input: ValidationInput): ValidationResult {
  const { policy, channel } = input;
  const before = input.holdings.get(channel.name);
  const scan =
    input.paths instanceof PathScan
      ? input.paths
      : PathScan.of(policy, channel, input.paths, flatNames(before, input.after));
  const changes = versionChanges(scan.names, before ?? new Map<string, Map<string, string>>(), input.after);
  const ctx = createContext(input, scan, scan.collector, changes);
  for (const rule of rules) rule(ctx);
  scan.githubFinding();
  const findings = scan.collector.findings();

  const verdicts: VersionVerdict[] = changes.map((change) => {
    const own = findings.filter((f) => f.package === change.name && (f.version ?? '') === change.version);
    const verdict = own.some((f) => f.severity === 'error')
      ? 'fail'
      : own.some((f) => f.severity === 'warning')
        ? 'warning'
        : own.some((f) => f.exception !== undefined)
          ? 'exception'
          : 'pass';
    return {
      ...change,
      verdict,
      rules: [...new Set(own.filter((f) => f.severity !== 'notice' || f.exception).map((f) => f.rule))],
    };
  });
  return { findings, changes: verdicts };
}
