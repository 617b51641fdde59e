// Reads `.github/package-storage.yml` into a Policy. The JSON Schema in schema/ is the contract; this module turns
// its violations into messages that name the key, then applies the built-in defaults and cross-field checks.
import type { ErrorObject } from 'ajv';
import { loadAll } from 'js-yaml';
import compiledSchema from './policy-validator.generated.js';
import { ConfigError } from './errors.js';
import {
  configurableRuleIds,
  defaultPolicy,
  type ApproverRole,
  type ChannelPolicy,
  type IdentityMode,
  type Policy,
  type PolicyException,
  type PolicyExceptionRule,
  type RuleId,
  type RuleSetting,
} from './policy.js';
import { promotionBranch } from './promotion.js';
import { isStrictSemver } from './version.js';

export const configPath = '.github/package-storage.yml';

// eslint-disable-next-line no-control-regex
const legacyVersionDir = /^(?!\.{1,2}$)[^/\s\u0000-\u001f\u007f]{1,128}$/;

interface RawChannel {
  name: string;
  branch?: string;
  arrival?: ChannelPolicy['arrival'];
  overwrite?: ChannelPolicy['overwrite'];
  removal?: ChannelPolicy['removal'];
  'version-increment'?: boolean;
  'direct-commits'?: boolean;
  markers?: string[];
  frozen?: boolean;
  'exception-approvers'?: ApproverRole;
  rules?: Partial<Record<RuleId, RuleSetting>>;
  'image-layers'?: number;
}

interface RawConfig {
  'packages-root'?: string;
  channels?: RawChannel[];
  promotions?: Array<{ from: string; to: string }>;
  identity?: IdentityMode;
  'title-prefix'?: string;
  'exception-label'?: string;
  'forbidden-paths'?: string[];
  exceptions?: Array<{
    package: string;
    channel?: string;
    rules: PolicyExceptionRule[];
    reason?: string;
  }>;
  rules?: Partial<Record<RuleId, RuleSetting>>;
  limits?: { 'manifest-bytes'?: number; 'file-bytes'?: number; 'files-per-version'?: number };
  release?: { 'allow-overwrite'?: boolean };
}

// schema/package-storage.schema.json compiled ahead of time (scripts/policy-validator.js): compiling it at run time
// cost about 100 ms per run.
const validator = compiledSchema as unknown as ((value: unknown) => boolean) & {
  errors?: ErrorObject[] | null;
};
function validateSchema(value: unknown): ErrorObject[] {
  return validator(value) ? [] : (validator.errors ?? []);
}

// eslint-disable-next-line no-control-regex
const plainKey = /^[^\s.[\]"'\u0000-\u001f\u007f]+$/;

/** A key as messages show it: as written, JSON-quoted only when it would break the line or the dotted path. */
function showKey(key: string): string {
  return plainKey.test(key) ? key : JSON.stringify(key);
}

/**
 * `/channels/1/overwrite` -> `channels[1].overwrite`. The JSON pointer is decoded segment by segment, and a segment
 * is an index only where the value there is a list (a mapping key "0" stays a key).
 */
function keyOf(root: unknown, instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  let key = '';
  let value: unknown = root;
  const append = (part: string): void => {
    const isIndex = Array.isArray(value) && /^\d+$/.test(part);
    key += isIndex ? `[${part}]` : key === '' ? showKey(part) : `.${showKey(part)}`;
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  };
  for (const part of parts) append(part);
  if (child !== undefined) append(child);
  return key === '' ? '(top level)' : key;
}

function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

function valueAt(root: unknown, instancePath: string): unknown {
  // (decoding as keyOf does)
  let value: unknown = root;
  for (const raw of instancePath.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[raw.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return value;
}

function schemaMessage(error: ErrorObject, root: unknown): { key: string; message: string } {
  const got = (): string => describe(valueAt(root, error.instancePath));
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const suggestion = closest(extra, allowed);
      const key = keyOf(root, error.instancePath, extra);
      return {
        key,
        message: `${key}: unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed: ${allowed.join(', ')}`,
      };
    }
    case 'required': {
      const key = keyOf(
        root,
        error.instancePath,
        (error.params as { missingProperty: string }).missingProperty,
      );
      return { key, message: `${key}: required` };
    }
    case 'enum': {
      const key = keyOf(root, error.instancePath);
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ');
      return { key, message: `${key}: must be one of ${allowed} (got ${got()})` };
    }
    case 'type': {
      const key = keyOf(root, error.instancePath);
      return {
        key,
        message: `${key}: must be ${String((error.params as { type: string }).type)} (got ${got()})`,
      };
    }
    default: {
      const key = keyOf(root, error.instancePath);
      return { key, message: `${key}: ${error.message ?? 'invalid'} (got ${got()})` };
    }
  }
}

/** Parses and checks a policy file's text. Throws ConfigError naming the key. */
export function parsePolicy(text: string, source = configPath): Policy {
  let raw: unknown;
  try {
    // js-yaml 5 refuses an empty document; an empty (or comments-only) file means the defaults.
    const documents = loadAll(text, { filename: source, maxAliases: 0 });
    if (documents.length > 1)
      throw new ConfigError(`${source}: must hold one YAML document, found ${documents.length}`);
    raw = documents[0];
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${source}: not valid YAML: ${reason}`);
  }
  if (raw === undefined || raw === null) return defaultPolicy();
  const errors = validateSchema(raw);
  if (errors.length > 0) {
    // Report the most specific error first: the deepest path, then unknown keys before others.
    const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
    const first = schemaMessage(sorted[0]!, raw);
    const more =
      errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new ConfigError(`${source}: ${first.message}${more}`, first.key);
  }
  // The schema check above guarantees the shape of `raw`.
  return buildPolicy(raw, source);
}

/**
 * The packages root as one normalized path inside the tree (`./packages` is `packages`): a root outside it (`..`,
 * `/srv`), the tree itself (`.`), or under `.github` or `.git` would make every change look like none, or put the
 * workflows among the packages.
 */
function packagesRootOf(value: string): string | { problem: string } {
  const path = value.replace(/^(\.\/)+/, '');
  const segments = path.split('/');
  const quoted = JSON.stringify(value);
  if (path === '' || path === '.' || value.startsWith('/'))
    return { problem: `${quoted} is not a directory inside the repository (e.g. packages)` };
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\')))
    return {
      problem: `${quoted} is not a normalized path inside the repository: no empty, "." or ".." segments, no backslashes`,
    };
  const first = segments[0]!.toLowerCase();
  if (first === '.github' || first === '.git')
    return {
      problem: `${quoted} is under ${segments[0]}/, which holds the repository's workflows and settings, not packages`,
    };
  return path;
}

function buildPolicy(raw: RawConfig, source: string): Policy {
  const defaults = defaultPolicy();
  const fail = (key: string, message: string): never => {
    throw new ConfigError(`${source}: ${key}: ${message}`, key);
  };

  let channels = defaults.channels;
  let promotions = defaults.promotions;
  if (raw.channels) {
    channels = raw.channels.map((c, i) => {
      const builtIn = defaults.channels.find((d) => d.name === c.name);
      const need = <T>(value: T | undefined, key: string, fallback: T | undefined): T =>
        value ??
        fallback ??
        fail(
          `channels[${i}].${key}`,
          `required for a channel without built-in defaults (built-in channels: ${defaults.channels.map((d) => d.name).join(', ')})`,
        );
      return {
        name: c.name,
        branch: c.branch ?? builtIn?.branch ?? c.name,
        arrival: need(c.arrival, 'arrival', builtIn?.arrival),
        overwrite: need(c.overwrite, 'overwrite', builtIn?.overwrite),
        removal: need(c.removal, 'removal', builtIn?.removal),
        versionIncrement: c['version-increment'] ?? builtIn?.versionIncrement ?? false,
        directCommits: c['direct-commits'] ?? builtIn?.directCommits ?? false,
        markers: c.markers ?? builtIn?.markers ?? [],
        frozen: c.frozen ?? builtIn?.frozen ?? false,
        exceptionApprovers: c['exception-approvers'] ?? builtIn?.exceptionApprovers ?? 'maintain',
        rules: c.rules ?? {},
        ...(c['image-layers'] !== undefined ? { imageLayers: c['image-layers'] } : {}),
      };
    });
    // Default edges: each channel from the next less stable one.
    promotions = channels.slice(1).map((c, i) => ({ from: c.name, to: channels[i]!.name }));
  }
  const seenNames = new Map<string, number>();
  const seenBranches = new Map<string, number>();
  channels.forEach((c, i) => {
    if (seenNames.has(c.name)) fail(`channels[${i}].name`, `duplicate channel ${JSON.stringify(c.name)}`);
    if (seenBranches.has(c.branch))
      fail(
        `channels[${i}].branch`,
        `branch ${JSON.stringify(c.branch)} is already used by channel ${channels[seenBranches.get(c.branch)!]!.name}`,
      );
    seenNames.set(c.name, i);
    seenBranches.set(c.branch, i);
  });

  if (raw.promotions) {
    promotions = raw.promotions.map((edge, i) => {
      const from = seenNames.get(edge.from);
      const to = seenNames.get(edge.to);
      const names = channels.map((c) => c.name).join(', ');
      if (from === undefined)
        fail(`promotions[${i}].from`, `unknown channel ${JSON.stringify(edge.from)} (channels: ${names})`);
      if (to === undefined)
        fail(`promotions[${i}].to`, `unknown channel ${JSON.stringify(edge.to)} (channels: ${names})`);
      if (to! >= from!)
        fail(
          `promotions[${i}]`,
          `${edge.from} -> ${edge.to} does not lead to a more stable channel (channels are listed most stable first)`,
        );
      return { from: edge.from, to: edge.to };
    });
  }
  // Each edge has a bot branch of its own (`b -> to-c` and `b-to -> c` would both write promote/b-to-to-c).
  const edgeBranches = new Map<string, string>();
  promotions.forEach((edge, i) => {
    const branch = promotionBranch(edge.from, edge.to);
    const other = edgeBranches.get(branch);
    if (other !== undefined && other !== `${edge.from} -> ${edge.to}`)
      fail(
        raw.promotions ? `promotions[${i}]` : 'channels',
        `promotions ${other} and ${edge.from} -> ${edge.to} would share the branch ${branch}: rename a channel`,
      );
    edgeBranches.set(branch, `${edge.from} -> ${edge.to}`);
  });
  channels.forEach((c, i) => {
    if (c.arrival === 'promotion' && !promotions.some((edge) => edge.to === c.name))
      fail(
        `channels[${i}].arrival`,
        `channel ${c.name} takes versions by promotion but no promotion edge leads to it`,
      );
  });

  const exceptions: PolicyException[] = (raw.exceptions ?? []).map((e, i) => {
    const at = e.package.lastIndexOf('@');
    const name = e.package.slice(0, at);
    const version = e.package.slice(at + 1);
    // A legacy directory (`7.17-dev1`) may need an exception to be removed, so any one path segment is accepted.
    if (!isStrictSemver(version) && !legacyVersionDir.test(version))
      fail(
        `exceptions[${i}].package`,
        `${JSON.stringify(e.package)}: the version must be strict semver (name@1.2.3) or an existing version directory name`,
      );
    if (e.channel !== undefined && !seenNames.has(e.channel))
      fail(`exceptions[${i}].channel`, `unknown channel ${JSON.stringify(e.channel)}`);
    return {
      name,
      version,
      rules: [...new Set(e.rules)],
      ...(e.channel ? { channel: e.channel } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    };
  });

  const rules = { ...defaults.rules };
  for (const id of configurableRuleIds) if (raw.rules?.[id]) rules[id] = raw.rules[id];

  const titlePrefix = raw['title-prefix'] ?? defaults.titlePrefix;
  const packagesRoot = packagesRootOf(raw['packages-root'] ?? defaults.packagesRoot);
  if (typeof packagesRoot !== 'string') fail('packages-root', packagesRoot.problem);
  return {
    packagesRoot: packagesRoot as string,
    channels,
    promotions,
    identity: raw.identity ?? defaults.identity,
    titlePrefix,
    exceptionLabel: raw['exception-label'] ?? defaults.exceptionLabel,
    forbiddenPaths: raw['forbidden-paths'] ?? defaults.forbiddenPaths,
    exceptions,
    rules,
    limits: {
      manifestBytes: raw.limits?.['manifest-bytes'] ?? defaults.limits.manifestBytes,
      fileBytes: raw.limits?.['file-bytes'] ?? defaults.limits.fileBytes,
      filesPerVersion: raw.limits?.['files-per-version'] ?? defaults.limits.filesPerVersion,
    },
    release: { allowOverwrite: raw.release?.['allow-overwrite'] ?? defaults.release.allowOverwrite },
  };
}
