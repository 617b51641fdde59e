// Generated policy files for the property tests: valid configuration objects with the Policy they must parse
// to (computed here from the README's table of built-in defaults), and single-key mutations that make them
// invalid, each with the key path the error must name.
import fc from 'fast-check';
import type {
  ChannelPolicy,
  Policy,
  PolicyException,
  RuleId,
  RuleSetting,
} from '../../../src/core/policy.js';
import { isStrictOracle, nearVersion, strictVersion } from './semver.js';
import { anyChar } from './text.js';

/** The rules the policy file may set (`merge-conflict` is not one). */
export const ruleIdList: RuleId[] = [
  'title-prefix',
  'layout',
  'forbidden-path',
  'manifest',
  'size',
  'overwrite',
  'removal',
  'version-increment',
  'shadowed',
  'not-promoted',
  'frozen',
  'marker',
  'registry-version',
  'github-files',
];
/** Built-in settings: every rule an error, but the informational ones. */
const defaultSettings: Record<RuleId, RuleSetting> = {
  ...(Object.fromEntries([...ruleIdList, 'merge-conflict'].map((id) => [id, 'error'])) as Record<
    RuleId,
    RuleSetting
  >),
  'registry-version': 'warning',
  'github-files': 'notice',
};
const settings: RuleSetting[] = ['error', 'warning', 'notice', 'off'];
const exceptionRules = [
  'overwrite',
  'removal',
  'version-increment',
  'not-promoted',
  'shadowed',
  'frozen',
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type RawConfig = Record<string, Json>;

/** The README's table: what each built-in channel is when the file does not say. */
const builtIn: Record<string, Omit<ChannelPolicy, 'name' | 'rules'>> = {
  production: {
    branch: 'production',
    arrival: 'promotion',
    overwrite: 'never',
    removal: 'exception',
    versionIncrement: true,
    directCommits: false,
    markers: [],
    frozen: false,
    exceptionApprovers: 'admin',
  },
  staging: {
    branch: 'staging',
    arrival: 'promotion',
    overwrite: 'exception',
    removal: 'exception',
    versionIncrement: false,
    directCommits: false,
    markers: ['staging'],
    frozen: false,
    exceptionApprovers: 'maintain',
  },
  snapshot: {
    branch: 'snapshot',
    arrival: 'direct',
    overwrite: 'allow',
    removal: 'allow',
    versionIncrement: false,
    directCommits: true,
    markers: ['snapshot'],
    frozen: false,
    exceptionApprovers: 'maintain',
  },
};
const builtInNames = ['production', 'staging', 'snapshot'];

/** Text a YAML file can hold: any well-formed string (no lone surrogates). */
export const yamlText = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .string({ unit: anyChar, minLength: min, maxLength: max })
    .filter((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));

const channelName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...builtInNames) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...'abz09'.split('')),
        fc.string({ unit: fc.constantFrom(...'abz09._-'.split('')), maxLength: 8 }),
      )
      .map(([a, b]) => a + b),
  },
);
const packageName = fc.string({ unit: fc.constantFrom(...'abz09_'.split('')), minLength: 1, maxLength: 8 });
const setting = fc.constantFrom(...settings);
const ruleMap = fc
  .subarray(ruleIdList)
  .chain((ids) =>
    fc.tuple(...ids.map(() => setting)).map((s) => Object.fromEntries(ids.map((id, i) => [id, s[i]!]))),
  );
const rootSegment = fc.string({ unit: fc.constantFrom(...'abz09_-'.split('')), minLength: 1, maxLength: 6 });
const packagesRoot = fc
  .tuple(fc.constantFrom('', './'), fc.array(rootSegment, { minLength: 1, maxLength: 3 }))
  .map(([dot, parts]) => dot + parts.join('/'));

interface ChannelDraft {
  name: string;
  branch?: string;
  arrival?: 'direct' | 'promotion';
  overwrite?: 'allow' | 'exception' | 'never';
  removal?: 'allow' | 'exception' | 'promoted' | 'never';
  versionIncrement?: boolean;
  directCommits?: boolean;
  markers?: string[];
  frozen?: boolean;
  exceptionApprovers?: 'maintain' | 'admin';
  rules?: Record<string, string>;
  imageLayers?: number;
}

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

const channelDraft = (name: string): fc.Arbitrary<ChannelDraft> => {
  const custom = !builtInNames.includes(name);
  const need = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => (custom ? arb : opt(arb));
  return fc.record({
    name: fc.constant(name),
    branch: opt(fc.oneof(yamlText(1, 12), fc.constantFrom('main', 'release/8.x', 'prod'))),
    arrival: need(fc.constantFrom('direct', 'promotion')),
    overwrite: need(fc.constantFrom('allow', 'exception', 'never')),
    removal: need(fc.constantFrom('allow', 'exception', 'promoted', 'never')),
    versionIncrement: opt(fc.boolean()),
    directCommits: opt(fc.boolean()),
    markers: opt(fc.array(packageName, { maxLength: 3 })),
    frozen: opt(fc.boolean()),
    exceptionApprovers: opt(fc.constantFrom('maintain', 'admin')),
    rules: opt(ruleMap),
    imageLayers: opt(fc.integer({ min: 1, max: 64 })),
  });
};

export interface ValidConfig {
  raw: RawConfig;
  expected: Policy;
}

const drop = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A valid configuration object and the Policy it means. */
export const validConfig: fc.Arbitrary<ValidConfig> = fc
  .record({
    channels: opt(
      fc
        .uniqueArray(channelName, { minLength: 1, maxLength: 4 })
        .chain((names) => fc.tuple(...names.map(channelDraft))),
    ),
    explicitPromotions: fc.boolean(),
    edgePicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
    packagesRoot: opt(packagesRoot),
    identity: opt(fc.constantFrom('content', 'tree')),
    titlePrefix: opt(fc.oneof(fc.constantFrom('[{branch}]', '({branch}) ', '{branch}: '), yamlText(1, 10))),
    exceptionLabel: opt(yamlText(1, 12)),
    forbiddenPaths: opt(
      fc.array(fc.oneof(yamlText(1, 10), fc.constantFrom('**/_dev/**', '*.tmp')), { maxLength: 3 }),
    ),
    exceptionDrafts: opt(
      fc.array(
        fc.record({
          name: packageName,
          // A strict version, or a legacy directory such as 7.17-dev1 (an exception may remove one).
          version: fc.oneof(
            { weight: 4, arbitrary: strictVersion({ build: true }) },
            { weight: 1, arbitrary: fc.constantFrom('7.17-dev1', '1.0', 'v1.0.0', '01.0.0') },
          ),
          channelPick: opt(fc.nat()),
          rules: fc.array(fc.constantFrom(...exceptionRules), { minLength: 1, maxLength: 3 }),
          reason: opt(yamlText(0, 16)),
        }),
        { maxLength: 3 },
      ),
    ),
    rules: opt(ruleMap),
    limits: opt(
      fc.record(
        {
          'manifest-bytes': fc.integer({ min: 1, max: 2 ** 40 }),
          'file-bytes': fc.integer({ min: 1, max: 2 ** 40 }),
          'files-per-version': fc.integer({ min: 1, max: 1_000_000 }),
        },
        { requiredKeys: [] },
      ),
    ),
    release: opt(fc.record({ 'allow-overwrite': fc.boolean() }, { requiredKeys: [] })),
  })
  .filter(({ channels }) => {
    // Branches (as written or defaulted to the name) must be distinct.
    if (!channels) return true;
    const branches = channels.map((c) => c.branch ?? c.name);
    return new Set(branches).size === branches.length;
  })
  .map((g) => {
    const drafts = g.channels ? g.channels.map((c) => ({ ...c })) : undefined;
    const names = drafts ? drafts.map((c) => c.name) : builtInNames;
    // Promotion edges lead to a more stable channel (a lower index).
    let promotions: Array<{ from: string; to: string }> | undefined;
    if (g.explicitPromotions && names.length > 1)
      promotions = g.edgePicks.map(([a, b]) => {
        const to = a % (names.length - 1);
        const from = to + 1 + (b % (names.length - 1 - to));
        return { from: names[from]!, to: names[to]! };
      });
    const edges = promotions ?? names.slice(1).map((from, i) => ({ from, to: names[i]! }));
    // A channel that takes versions by promotion needs an edge into it: make the others direct.
    const arrivalOf = (name: string, draft?: ChannelDraft): string =>
      draft?.arrival ?? builtIn[name]?.arrival ?? 'direct';
    if (drafts) {
      for (const c of drafts)
        if (arrivalOf(c.name, c) === 'promotion' && !edges.some((e) => e.to === c.name)) c.arrival = 'direct';
    } else if (promotions) {
      for (const name of ['production', 'staging'])
        if (!promotions.some((e) => e.to === name))
          promotions.push({ from: name === 'production' ? 'staging' : 'snapshot', to: name });
    }

    const raw: RawConfig = {};
    if (g.packagesRoot !== undefined) raw['packages-root'] = g.packagesRoot;
    if (drafts)
      raw.channels = drafts.map(
        (c) =>
          drop({
            name: c.name,
            branch: c.branch,
            arrival: c.arrival,
            overwrite: c.overwrite,
            removal: c.removal,
            'version-increment': c.versionIncrement,
            'direct-commits': c.directCommits,
            markers: c.markers,
            frozen: c.frozen,
            'exception-approvers': c.exceptionApprovers,
            rules: c.rules,
            'image-layers': c.imageLayers,
          }) as Json,
      );
    if (promotions) raw.promotions = promotions;
    if (g.identity !== undefined) raw.identity = g.identity;
    if (g.titlePrefix !== undefined) raw['title-prefix'] = g.titlePrefix;
    if (g.exceptionLabel !== undefined) raw['exception-label'] = g.exceptionLabel;
    if (g.forbiddenPaths !== undefined) raw['forbidden-paths'] = g.forbiddenPaths;
    const exceptions = g.exceptionDrafts?.map((e) =>
      drop({
        package: `${e.name}@${e.version}`,
        channel: e.channelPick === undefined ? undefined : names[e.channelPick % names.length],
        rules: e.rules,
        reason: e.reason,
      }),
    );
    if (exceptions) raw.exceptions = exceptions as Json[];
    if (g.rules) raw.rules = g.rules;
    if (g.limits) raw.limits = g.limits;
    if (g.release) raw.release = g.release;

    const channels: ChannelPolicy[] = names.map((name) => {
      const d: ChannelDraft = drafts?.find((c) => c.name === name) ?? { name };
      const b = builtIn[name];
      return {
        name,
        branch: d.branch ?? b?.branch ?? name,
        arrival: d.arrival ?? b!.arrival,
        overwrite: d.overwrite ?? b!.overwrite,
        removal: d.removal ?? b!.removal,
        versionIncrement: d.versionIncrement ?? b?.versionIncrement ?? false,
        directCommits: d.directCommits ?? b?.directCommits ?? false,
        markers: d.markers ?? b?.markers ?? [],
        frozen: d.frozen ?? b?.frozen ?? false,
        exceptionApprovers: d.exceptionApprovers ?? b?.exceptionApprovers ?? 'maintain',
        rules: d.rules ?? {},
        ...(d.imageLayers !== undefined ? { imageLayers: d.imageLayers } : {}),
      };
    });
    const expected: Policy = {
      packagesRoot: (g.packagesRoot ?? 'packages').replace(/^\.\//, ''),
      channels,
      promotions: edges.map((e) => ({ ...e })),
      identity: g.identity ?? 'content',
      titlePrefix: g.titlePrefix ?? '[{branch}]',
      exceptionLabel: g.exceptionLabel ?? 'policy-exception',
      forbiddenPaths: g.forbiddenPaths ?? ['**/_*', '**/_*/**'],
      exceptions: (g.exceptionDrafts ?? []).map((e, i): PolicyException => {
        const channel = (exceptions![i] as { channel?: string }).channel;
        return {
          name: e.name,
          version: e.version,
          rules: [...new Set(e.rules)] as PolicyException['rules'],
          ...(channel !== undefined ? { channel } : {}),
          ...(e.reason ? { reason: e.reason } : {}),
        };
      }),
      rules: Object.fromEntries(
        Object.entries(defaultSettings).map(([id, d]) => [id, g.rules?.[id as RuleId] ?? d]),
      ) as Policy['rules'],
      limits: {
        manifestBytes: g.limits?.['manifest-bytes'] ?? 1048576,
        fileBytes: g.limits?.['file-bytes'] ?? 104857600,
        filesPerVersion: g.limits?.['files-per-version'] ?? 20000,
      },
      release: { allowOverwrite: g.release?.['allow-overwrite'] ?? false },
    };
    return { raw, expected };
  });

// --- mutations ---

export type Path = Array<string | number>;

export interface Mutation {
  path: Path;
  /** undefined: delete the key. */
  value?: Json;
  /** The key the error must name. */
  key: string;
  what: string;
}

/** `['channels', 1, 'overwrite']` -> `channels[1].overwrite`, the notation of the README. */
export function keyPath(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(top level)' : out;
}

export function applyMutation(raw: RawConfig, m: Mutation): RawConfig {
  const copy = structuredClone(raw);
  let node: Json = copy;
  // A key of an optional mapping the file leaves out (rules, limits, release) creates that mapping.
  for (const p of m.path.slice(0, -1)) {
    const parent = node as Record<string | number, Json>;
    parent[p] ??= {};
    node = parent[p];
  }
  const last = m.path.at(-1)!;
  const target = node as Record<string | number, Json>;
  if (m.value === undefined) delete target[last];
  else target[last] = m.value;
  return copy;
}

const get = (raw: RawConfig, path: Path): Json | undefined => {
  let node: Json | undefined = raw;
  for (const p of path)
    node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, Json>)[p];
  return node;
};

const scalarOf = (kind: 'string' | 'boolean' | 'integer' | 'array' | 'object'): fc.Arbitrary<Json> => {
  const all: Record<string, fc.Arbitrary<Json>> = {
    string: fc.constantFrom('yes', 'a string', '1'),
    boolean: fc.boolean(),
    integer: fc.integer({ min: 2, max: 1000 }),
    float: fc.constantFrom(1.5, 2.25),
    null: fc.constant(null),
    array: fc.constantFrom<Json>([], ['x'], [1, 2]),
    object: fc.constantFrom<Json>({}, { a: 1 }),
  };
  const others = Object.entries(all)
    .filter(([k]) => k !== kind)
    .map(([, a]) => a);
  return fc.oneof(...others);
};

/** Keys that are not allowed in a mapping: typos of real keys and made-up ones. */
const unknownKey = (allowed: string[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom(...allowed).map((k) => `${k}s`),
      fc.constantFrom(...allowed).map((k) => k.replace('-', '_')),
      fc.constantFrom(...allowed).map((k) => k.toUpperCase()),
      fc
        .tuple(
          fc.constantFrom(...'abxyz'.split('')),
          fc.string({ unit: fc.constantFrom(...'abxyz09-_'.split('')), maxLength: 10 }),
        )
        .map(([a, b]) => a + b),
    )
    .filter((k) => !allowed.includes(k));

const topKeys = [
  'packages-root',
  'channels',
  'promotions',
  'identity',
  'title-prefix',
  'exception-label',
  'forbidden-paths',
  'exceptions',
  'rules',
  'limits',
  'release',
];
const channelKeys = [
  'name',
  'branch',
  'arrival',
  'overwrite',
  'removal',
  'version-increment',
  'direct-commits',
  'markers',
  'frozen',
  'exception-approvers',
  'image-layers',
  'rules',
];

/** Every single-key mutation that makes `config` invalid, with the key the error must name. */
export function mutations(config: ValidConfig): fc.Arbitrary<Mutation> {
  const { raw, expected } = config;
  const candidates: Array<fc.Arbitrary<Mutation>> = [];
  const set = (path: Path, value: fc.Arbitrary<Json>, what: string, key = keyPath(path)): void => {
    candidates.push(value.map((v) => ({ path, value: v, key, what })));
  };
  const wrongType = (path: Path, kind: Parameters<typeof scalarOf>[0]): void =>
    set(path, scalarOf(kind), `not ${kind}`);
  const unknown = (path: Path, allowed: string[]): void => {
    candidates.push(
      unknownKey(allowed).map((k) => ({
        path: [...path, k],
        value: 'x',
        key: keyPath([...path, k]),
        what: 'unknown key',
      })),
    );
  };
  const badEnum = (path: Path, allowed: string[]): void =>
    set(
      path,
      fc.oneof(
        fc
          .constantFrom('sometimes', 'fatal', 'maybe', '', 'ERROR', 'Never', 'promote')
          .filter((v) => !allowed.includes(v)),
        scalarOf('string'),
      ),
      'not in enum',
    );

  // top level
  unknown([], topKeys);
  wrongType(['packages-root'], 'string');
  set(['packages-root'], fc.constantFrom('/abs', 'trailing/', 'with space', ' lead', ''), 'pattern');
  badEnum(['identity'], ['content', 'tree']);
  wrongType(['title-prefix'], 'string');
  set(['title-prefix'], fc.constant(''), 'empty');
  wrongType(['exception-label'], 'string');
  set(['exception-label'], fc.constant(''), 'empty');
  wrongType(['forbidden-paths'], 'array');
  wrongType(['channels'], 'array');
  set(['channels'], fc.constant([]), 'no channels');
  wrongType(['promotions'], 'array');
  wrongType(['exceptions'], 'array');
  wrongType(['rules'], 'object');
  unknown(['rules'], ruleIdList);
  for (const id of ruleIdList) badEnum(['rules', id], settings);
  wrongType(['limits'], 'object');
  unknown(['limits'], ['manifest-bytes', 'file-bytes', 'files-per-version']);
  for (const k of ['manifest-bytes', 'file-bytes', 'files-per-version']) {
    wrongType(['limits', k], 'integer');
    set(['limits', k], fc.constantFrom(0, -1, 1.5, 0.5), 'not a positive integer');
  }
  wrongType(['release'], 'object');
  unknown(['release'], ['allow-overwrite']);
  wrongType(['release', 'allow-overwrite'], 'boolean');

  const fp = get(raw, ['forbidden-paths']);
  if (Array.isArray(fp))
    fp.forEach((_, j) => {
      wrongType(['forbidden-paths', j], 'string');
      set(['forbidden-paths', j], fc.constant(''), 'empty');
    });

  const channels = get(raw, ['channels']);
  if (Array.isArray(channels))
    channels.forEach((c, i) => {
      const at = ['channels', i];
      wrongType(at, 'object');
      unknown(at, channelKeys);
      candidates.push(
        fc.constant({ path: [...at, 'name'], key: keyPath([...at, 'name']), what: 'missing name' }),
      );
      wrongType([...at, 'name'], 'string');
      set([...at, 'name'], fc.constantFrom('Production', 'a b', '-x', '.x', '', 'ä'), 'pattern');
      wrongType([...at, 'branch'], 'string');
      set([...at, 'branch'], fc.constant(''), 'empty');
      badEnum([...at, 'arrival'], ['direct', 'promotion']);
      badEnum([...at, 'overwrite'], ['allow', 'exception', 'never']);
      badEnum([...at, 'removal'], ['allow', 'exception', 'promoted', 'never']);
      wrongType([...at, 'version-increment'], 'boolean');
      wrongType([...at, 'direct-commits'], 'boolean');
      wrongType([...at, 'markers'], 'array');
      wrongType([...at, 'frozen'], 'boolean');
      badEnum([...at, 'exception-approvers'], ['maintain', 'admin']);
      set(
        [...at, 'markers'],
        fc.constantFrom(['A'], ['a-b'], [1], ['']),
        'bad marker',
        keyPath([...at, 'markers', 0]),
      );
      set([...at, 'markers'], fc.constant(['ok', 'not ok']), 'bad marker', keyPath([...at, 'markers', 1]));
      wrongType([...at, 'image-layers'], 'integer');
      set([...at, 'image-layers'], fc.constantFrom(0, 65, 100, -3, 2.5), 'out of range');
      wrongType([...at, 'rules'], 'object');
      unknown([...at, 'rules'], ruleIdList);
      for (const id of ruleIdList) badEnum([...at, 'rules', id], settings);
      const markers = (c as Record<string, Json>).markers;
      if (Array.isArray(markers) && markers.length > 0)
        wrongType([...at, 'markers', markers.length - 1], 'string');
      // Cross-field: a later channel repeating an earlier name or branch (when the rename needs no defaults).
      if (i > 0) {
        const earlier = expected.channels.slice(0, i);
        const self = c as Record<string, Json>;
        const complete =
          self.arrival !== undefined && self.overwrite !== undefined && self.removal !== undefined;
        const names = earlier.map((e) => e.name).filter((n) => complete || builtInNames.includes(n));
        if (names.length) set([...at, 'name'], fc.constantFrom(...names), 'duplicate name');
        set([...at, 'branch'], fc.constantFrom(...earlier.map((e) => e.branch)), 'duplicate branch');
      }
    });

  const names = expected.channels.map((c) => c.name);
  const unknownChannel = fc
    .oneof(fc.constantFrom('nowhere', 'Production', 'stagin'), yamlText(1, 10))
    .filter((n) => !names.includes(n));
  const promotions = get(raw, ['promotions']);
  if (Array.isArray(promotions))
    promotions.forEach((_, i) => {
      const at = ['promotions', i];
      wrongType(at, 'object');
      unknown(at, ['from', 'to']);
      for (const end of ['from', 'to']) {
        candidates.push(
          fc.constant({ path: [...at, end], key: keyPath([...at, end]), what: `missing ${end}` }),
        );
        wrongType([...at, end], 'string');
        set([...at, end], fc.constant(''), 'empty');
      }
      set([...at, 'from'], unknownChannel, 'unknown channel');
      set([...at, 'to'], unknownChannel, 'unknown channel');
      // An edge that does not lead to a more stable channel (to is not before from).
      const backwards = names.flatMap((from, f) => names.slice(f).map((to) => ({ from, to })));
      set(at, fc.constantFrom(...backwards), 'backwards edge');
    });

  const exceptions = get(raw, ['exceptions']);
  if (Array.isArray(exceptions))
    exceptions.forEach((_, i) => {
      const at = ['exceptions', i];
      wrongType(at, 'object');
      unknown(at, ['package', 'channel', 'rules', 'reason']);
      candidates.push(
        fc.constant({ path: [...at, 'package'], key: keyPath([...at, 'package']), what: 'missing package' }),
      );
      candidates.push(
        fc.constant({ path: [...at, 'rules'], key: keyPath([...at, 'rules']), what: 'missing rules' }),
      );
      wrongType([...at, 'package'], 'string');
      set(
        [...at, 'package'],
        fc.oneof(
          fc.constantFrom(
            'apm',
            'APM@1.0.0',
            '@1.0.0',
            'apm@',
            'a pm@1.0.0',
            'apm@1.0.0@x',
            'apm@1.0/x',
            'apm@1 0',
          ),
          // Not one path segment: never a version directory.
          nearVersion.filter((v) => !isStrictOracle(v)).map((v) => `apm@${v}/docs`),
        ),
        'bad package',
      );
      wrongType([...at, 'channel'], 'string');
      set([...at, 'channel'], unknownChannel, 'unknown channel');
      wrongType([...at, 'rules'], 'array');
      set([...at, 'rules'], fc.constant([]), 'no rules');
      set(
        [...at, 'rules'],
        fc.constantFrom(['layout'], ['title-prefix'], ['Overwrite'], [1]),
        'bad rule',
        keyPath([...at, 'rules', 0]),
      );
      wrongType([...at, 'reason'], 'string');
    });

  return fc.oneof(...candidates);
}
