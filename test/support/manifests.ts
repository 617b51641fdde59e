// Synthetic package-storage content: manifests, whole package-version trees, distribution files, and realistic
// variety (version styles, range styles, names with `_`). Package-storage data is under the Elastic License, so
// nothing here is copied: every text is generated from the shapes in docs (storage-domain §14).
// Everything is deterministic (seeded PRNG), so the same options give the same bytes and the same git tree ids.
// Deliberately free of vitest imports so bench/ generators can use it too.

/** FNV-1a, 32 bit: turns names and versions into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32: small, fast, good enough statistical quality for test data. */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number | string) {
    const s = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = s;
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Pick by weight: `[[value, weight], ...]`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** n incompressible bytes, little-endian words regardless of the host. */
  bytes(n: number): Buffer {
    const buf = Buffer.allocUnsafe(n);
    this.fill(buf);
    return buf;
  }

  fill(buf: Buffer): void {
    const words = Math.floor(buf.length / 4);
    for (let i = 0; i < words; i++) buf.writeUInt32LE(this.u32(), i * 4);
    for (let i = words * 4; i < buf.length; i++) buf[i] = this.u32() & 0xff;
  }

  /** A child generator whose stream does not depend on how much of this one is consumed later. */
  fork(label: string): Prng {
    return new Prng((this.u32() ^ hashString(label)) >>> 0);
  }
}

// Synthetic vocabulary for prose (docs, descriptions): technical-sounding but not taken from any real package.
// prettier-ignore
const WORDS = [
  'agent', 'collect', 'events', 'metrics', 'logs', 'index', 'pipeline', 'field', 'dashboard', 'host',
  'service', 'request', 'response', 'latency', 'error', 'status', 'cluster', 'node', 'module', 'input',
  'stream', 'dataset', 'ingest', 'parse', 'timestamp', 'message', 'source', 'destination', 'network',
  'process', 'user', 'session', 'audit', 'alert', 'policy', 'template', 'mapping', 'keyword', 'counter',
  'gauge', 'histogram', 'bytes', 'packets', 'connection', 'endpoint', 'instance', 'region', 'account',
  'bucket', 'queue', 'topic', 'partition', 'offset', 'the', 'a', 'of', 'to', 'and', 'in', 'for', 'with',
  'from', 'is', 'are', 'by', 'on', 'this', 'each', 'when', 'configured', 'default', 'optional', 'required',
  'enabled', 'supported', 'version', 'compatible', 'documents', 'fleet', 'kibana', 'elasticsearch',
  'integration', 'package', 'setting', 'period', 'interval', 'seconds',
] as const;

export function words(rng: Prng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(WORDS));
  return out.join(' ');
}

export function sentence(rng: Prng, min = 6, max = 16): string {
  const s = words(rng, rng.range(min, max));
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

export function paragraph(rng: Prng, sentences = rng.range(2, 5)): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rng));
  return out.join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Realistic variety

export type FormatVersion = '1.0.0' | '1.1.0' | '2.0.0';
export type PackageType = 'integration' | 'input' | 'solution';
export type Release = 'experimental' | 'beta' | 'ga';
export type KibanaSpelling = 'dotted' | 'nested';
export type QuoteStyle = 'double' | 'single' | 'none';

/** Version directory styles seen in package-storage, one example each (plus a few extra plain ones). */
export const VERSION_SAMPLES = [
  { version: '1.0.0', style: 'plain' },
  { version: '0.3.2', style: 'plain major 0' },
  { version: '2.11.10', style: 'plain multi-digit' },
  { version: '0.1.0-dev.1', style: '-dev.N' },
  { version: '0.0.1-dev.1', style: '-dev.N' },
  { version: '0.16.0-dev.0', style: '-dev.N' },
  { version: '8.3.0-dev1', style: '-devN' },
  { version: '8.0.0-rc1', style: '-rcN' },
  { version: '8.0.0-beta', style: '-beta' },
  { version: '2.11.10-beta.1', style: '-beta.N' },
  { version: '1.1.0-preview1', style: '-previewN' },
] as const;

export function sampleVersions(): string[] {
  return VERSION_SAMPLES.map((v) => v.version);
}

/** Kibana range styles with their approximate frequency in production manifests. */
export const RANGE_SAMPLES: ReadonlyArray<readonly [string, number]> = [
  ['^7.16.0 || ^8.0.0', 324],
  ['^8.0.0', 230],
  ['^7.14.1 || ^8.0.0', 113],
  ['^7.9.0', 77],
  ['>=7.10.0', 16],
  ['^7.17.6 || ^8.3.0', 10],
  ['^8.4.0', 10],
];

export function sampleRanges(): string[] {
  return RANGE_SAMPLES.map(([r]) => r);
}

/** Ranges a Masterminds-style parser rejects ("invalid Kibana versions range"). */
export const INVALID_RANGES = ['not-a-range', '^8.0.0 || ~>', '>=7.x.y'] as const;
/** `release` values the registry rejects ("invalid release"). */
export const INVALID_RELEASES = ['stable', 'GA', 'preview'] as const;
/** Version directory names that are not strict semver: the registry skips them, validators should too. */
export const NON_STRICT_VERSION_DIRS = ['1.0', 'v1.0.0', '1.0.0.0', '01.0.0'] as const;

/** Package names shaped like real ones: lower case, `_` common, vendor + product. */
export function sampleNames(): string[] {
  return [
    'nginx',
    'aws_logs',
    'cisco_asa',
    'system',
    'kubernetes',
    'hid_bravura_monitor',
    'sql_input',
    'apm_server',
  ];
}

// prettier-ignore
const VENDORS = [
  'acme', 'apache', 'aws', 'azure', 'gcp', 'cisco', 'fortinet', 'juniper', 'palo', 'okta', 'oracle', 'mysql',
  'postgres', 'redis', 'mongo', 'kafka', 'rabbit', 'nats', 'haproxy', 'traefik', 'envoy', 'istio', 'vsphere',
  'windows', 'linux', 'darwin', 'sysmon', 'zeek', 'suricata', 'snort', 'crowd', 'sentinel', 'tenable',
  'qualys', 'proof', 'mimecast', 'zoom', 'slack', 'github', 'gitlab', 'jamf', 'osquery', 'auditd', 'nagios',
  'ceph', 'hadoop', 'spark', 'flink', 'etcd', 'consul', 'vault', 'nomad', 'docker', 'containerd', 'iis',
  'tomcat',
] as const;
// prettier-ignore
const PRODUCTS = [
  '', '', '', 'logs', 'metrics', 'audit', 'firewall', 'proxy', 'gateway', 'server', 'cloud', 'edr', 'dns',
  'waf', 'billing', 'storage', 'network', 'identity', 'events', 'monitor', 'input', 'cluster',
] as const;

/** `count` distinct package names, deterministic for a seed. */
export function generateNames(count: number, seed = 1): string[] {
  const rng = new Prng(seed);
  const names = new Set<string>();
  let attempts = 0;
  while (names.size < count) {
    const vendor = rng.pick(VENDORS);
    const product = rng.pick(PRODUCTS);
    let name = product === '' ? vendor : `${vendor}_${product}`;
    if (++attempts > count * 4) name = `${name}_${names.size}`;
    // Never produce the marker names.
    if (name !== 'snapshot' && name !== 'staging') names.add(name);
  }
  return [...names].sort();
}

/** Categories accepted by the registry (subset). */
// prettier-ignore
export const CATEGORIES = [
  'aws', 'azure', 'cloud', 'config_management', 'containers', 'crm', 'custom', 'datastore', 'elastic_stack',
  'google_cloud', 'kubernetes', 'languages', 'message_queue', 'monitoring', 'network', 'notification',
  'observability', 'os_system', 'productivity', 'security', 'support', 'ticketing', 'version_control', 'web',
] as const;

const OWNERS = [
  'elastic/integrations',
  'elastic/security-external-integrations',
  'elastic/obs-service-integrations',
  'elastic/obs-cloud-monitoring',
  'elastic/fleet',
] as const;

export function titleFromName(name: string): string {
  const upper = new Set(['aws', 'gcp', 'dns', 'waf', 'edr', 'iis', 'sql', 'apm', 'asa', 'hid']);
  return name
    .split('_')
    .filter((w) => w !== '')
    .map((w) => (upper.has(w) ? w.toUpperCase() : `${w.charAt(0).toUpperCase()}${w.slice(1)}`))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// manifest.yml

export interface KibanaCondition {
  range: string;
  spelling: KibanaSpelling;
  /** `none` emits the range verbatim: a range starting with `>` is then invalid YAML (useful as a negative case). */
  quote: QuoteStyle;
}

export interface ManifestOptions {
  name: string;
  version: string;
  /** Default '1.0.0'. */
  formatVersion?: FormatVersion | (string & {});
  /** Omitted when undefined (the registry then assumes `integration`). */
  type?: PackageType | (string & {});
  /** Omitted when undefined (the registry then derives beta/ga). Any string is emitted as is. */
  release?: Release | (string & {});
  /** `conditions.kibana.version`; no condition when undefined. */
  kibana?: KibanaCondition;
  /** `conditions.elastic.subscription` (spelled like the kibana condition). */
  subscription?: string;
  /** Legacy `requirement.kibana.versions` (ignored by the registry since v0.6.0); implies legacy `datasources`. */
  legacyRequirement?: string;
  /** Default derived from the name. */
  title?: string;
  description?: string;
  /** `owner.github`, default elastic/integrations. */
  owner?: string;
  /** Default ['observability']. */
  categories?: string[];
  /** Icon `src` paths, default ['/img/icon.svg']. */
  icons?: string[];
  /** Screenshot `src` paths (PNG), none by default. */
  screenshots?: string[];
  /** Data stream names referenced from policy_templates (integration packages). */
  dataStreams?: string[];
  /** Raw YAML appended at the end (a trailing newline is added if missing). */
  extra?: string;
}

export interface ManifestText {
  text: string;
  /** 1-based line of each emitted field: 'name', 'version', 'format_version', 'release', 'conditions.kibana.version', ... */
  lines: Record<string, number>;
}

const PLAIN_SAFE = /^[A-Za-z0-9_(/^~=<][A-Za-z0-9 _.,()/+^=<>|~*-]*$/;

/** True if `s` may be written as a plain YAML scalar without changing its meaning or breaking the document. */
export function plainSafe(s: string): boolean {
  return PLAIN_SAFE.test(s) && !s.endsWith(' ') && !s.includes(' #');
}

/** A YAML scalar: plain when safe (as real manifests write them), double-quoted (JSON-escaped) otherwise. */
export function yamlScalar(s: string): string {
  return plainSafe(s) ? s : JSON.stringify(s);
}

export function quoteRange(range: string, quote: QuoteStyle): string {
  switch (quote) {
    case 'double':
      return JSON.stringify(range);
    case 'single':
      return `'${range.replace(/'/g, "''")}'`;
    case 'none':
      return range;
  }
}

/** Convenience for `kibana:` options. */
export function kibana(
  range: string,
  spelling: KibanaSpelling = 'dotted',
  quote: QuoteStyle = 'double',
): KibanaCondition {
  return { range, spelling, quote };
}

class Lines {
  readonly out: string[] = [];
  readonly lines: Record<string, number> = {};
  push(line: string, key?: string): void {
    this.out.push(line);
    if (key !== undefined) this.lines[key] = this.out.length;
  }
}

/** A manifest.yml shaped like package-storage ones (field order, indentation, list style). */
export function manifestYaml(o: ManifestOptions): ManifestText {
  const l = new Lines();
  const title = o.title ?? titleFromName(o.name);
  const legacy = o.legacyRequirement !== undefined;
  const isInput = o.type === 'input';
  l.push(`format_version: ${yamlScalar(o.formatVersion ?? '1.0.0')}`, 'format_version');
  l.push(`name: ${yamlScalar(o.name)}`, 'name');
  l.push(`title: ${yamlScalar(title)}`, 'title');
  l.push(`version: ${yamlScalar(o.version)}`, 'version');
  l.push(
    `description: ${yamlScalar(o.description ?? `Collect logs and metrics from ${title} with Elastic Agent.`)}`,
    'description',
  );
  if (o.type !== undefined) l.push(`type: ${yamlScalar(o.type)}`, 'type');
  l.push('categories:', 'categories');
  for (const c of o.categories ?? ['observability']) l.push(`  - ${yamlScalar(c)}`);
  if (o.release !== undefined) l.push(`release: ${yamlScalar(o.release)}`, 'release');
  if (legacy) {
    l.push('removable: true', 'removable');
    l.push('requirement:', 'requirement');
    l.push('  kibana:', 'requirement.kibana');
    l.push(`    versions: ${quoteRange(o.legacyRequirement ?? '', 'single')}`, 'requirement.kibana.versions');
    l.push('  elasticsearch:', 'requirement.elasticsearch');
    l.push(`    versions: '>7.3.0'`, 'requirement.elasticsearch.versions');
  }
  if (o.kibana !== undefined || o.subscription !== undefined) {
    l.push('conditions:', 'conditions');
    const spelling = o.kibana?.spelling ?? 'dotted';
    if (o.kibana !== undefined) {
      const value = quoteRange(o.kibana.range, o.kibana.quote);
      if (spelling === 'dotted') {
        l.push(`  kibana.version: ${value}`, 'conditions.kibana.version');
      } else {
        l.push('  kibana:', 'conditions.kibana');
        l.push(`    version: ${value}`, 'conditions.kibana.version');
      }
    }
    if (o.subscription !== undefined) {
      if (spelling === 'dotted') {
        l.push(`  elastic.subscription: ${yamlScalar(o.subscription)}`, 'conditions.elastic.subscription');
      } else {
        l.push('  elastic:', 'conditions.elastic');
        l.push(`    subscription: ${yamlScalar(o.subscription)}`, 'conditions.elastic.subscription');
      }
    }
  }
  const screenshots = o.screenshots ?? [];
  if (screenshots.length > 0) {
    l.push('screenshots:', 'screenshots');
    screenshots.forEach((src, i) => {
      l.push(`  - src: ${yamlScalar(src)}`);
      l.push(`    title: ${yamlScalar(`${title} overview ${i + 1}`)}`);
      l.push('    size: 1920x1080');
      l.push('    type: image/png');
    });
  }
  const icons = o.icons ?? ['/img/icon.svg'];
  if (icons.length > 0) {
    l.push('icons:', 'icons');
    for (const src of icons) {
      l.push(`  - src: ${yamlScalar(src)}`);
      l.push(`    title: ${yamlScalar(`${title} logo`)}`);
      l.push('    size: 32x32');
      l.push(`    type: ${src.endsWith('.png') ? 'image/png' : 'image/svg+xml'}`);
    }
  }
  const templateName = yamlScalar(o.name);
  if (legacy) {
    l.push('datasources:', 'datasources');
    l.push(`  - name: ${templateName}`);
    l.push(`    title: ${yamlScalar(`${title} logs`)}`);
    l.push(`    description: ${yamlScalar(`Collect logs from ${title}`)}`);
    l.push('    inputs:');
    l.push('      - type: logs');
  } else if (isInput) {
    l.push('policy_templates:', 'policy_templates');
    l.push(`  - name: ${templateName}`);
    l.push('    type: logs');
    l.push(`    title: ${yamlScalar(`${title} input`)}`);
    l.push(`    description: ${yamlScalar(`Collect custom data with the ${title} input`)}`);
    l.push(`    input: ${yamlScalar(o.name.replace(/_input$/, ''))}`);
    l.push('    template_path: input.yml.hbs');
    l.push('    vars:');
    l.push('      - name: data_stream.dataset');
    l.push('        type: text');
    l.push('        title: Dataset name');
    l.push('        required: true');
    l.push('        show_user: true');
  } else {
    l.push('policy_templates:', 'policy_templates');
    l.push(`  - name: ${templateName}`);
    l.push(`    title: ${yamlScalar(`${title} logs and metrics`)}`);
    l.push(`    description: ${yamlScalar(`Collect logs and metrics from ${title} instances`)}`);
    const ds = o.dataStreams ?? [];
    if (ds.length > 0) {
      l.push('    data_streams:');
      for (const d of ds) l.push(`      - ${yamlScalar(d)}`);
    }
    l.push('    inputs:');
    l.push('      - type: logfile');
    l.push(`        title: ${yamlScalar(`Collect logs from ${title} instances`)}`);
    l.push(`        description: ${yamlScalar(`Collecting ${title} logs`)}`);
    l.push('      - type: http/metrics');
    l.push(`        title: ${yamlScalar(`Collect metrics from ${title} instances`)}`);
    l.push(`        description: ${yamlScalar(`Collecting ${title} metrics`)}`);
  }
  l.push('owner:', 'owner');
  l.push(`  github: ${yamlScalar(o.owner ?? 'elastic/integrations')}`, 'owner.github');
  let text = `${l.out.join('\n')}\n`;
  if (o.extra !== undefined && o.extra !== '') text += o.extra.endsWith('\n') ? o.extra : `${o.extra}\n`;
  return { text, lines: l.lines };
}

function parseVersionLoosely(version: string): { major: number; prerelease: boolean } {
  const m = /^v?(\d+)/.exec(version);
  return { major: m ? Number(m[1]) : 0, prerelease: version.includes('-') };
}

/** The release the registry derives when `release` is absent: beta for major 0 or a prerelease label. */
export function derivedRelease(version: string): Release {
  const v = parseVersionLoosely(version);
  return v.major === 0 || v.prerelease ? 'beta' : 'ga';
}

export interface RealisticOptions {
  /**
   * Where this version sits in its package's life, 0 (first) to 1 (newest): drives format_version, release and
   * the Kibana range (`^7.9.0` -> `^7.14.0` -> `^7.14.0 || ^8.0.0` -> `^8.0.0`). Default: frequency-weighted pick.
   */
  position?: number;
  /** Package type for this name (keep it stable across a name's versions). */
  type?: PackageType;
}

/**
 * Manifest options that look like a real package's, deterministic in (name, version, position): the same name and
 * version always give the same manifest, whatever seed varies the rest of the tree.
 */
export function realisticManifestOptions(
  name: string,
  version: string,
  o: RealisticOptions = {},
): ManifestOptions {
  const rng = new Prng(`${name}@${version}`);
  const nameRng = new Prng(name);
  const v = parseVersionLoosely(version);
  const type = o.type ?? (name.endsWith('_input') ? 'input' : 'integration');
  let range: string;
  let formatVersion: FormatVersion;
  if (o.position === undefined) {
    range = rng.weighted(RANGE_SAMPLES);
    formatVersion =
      type === 'input'
        ? '2.0.0'
        : rng.weighted([
            ['1.0.0', 6],
            ['2.0.0', 3],
            ['1.1.0', 1],
          ] as const);
  } else {
    const p = o.position;
    range = p < 0.25 ? '^7.9.0' : p < 0.5 ? '^7.14.0' : p < 0.75 ? '^7.14.0 || ^8.0.0' : '^8.0.0';
    if (p >= 0.5 && rng.chance(0.2))
      range = rng.pick(['^7.16.0 || ^8.0.0', '^7.14.1 || ^8.0.0', '^7.17.6 || ^8.3.0']);
    formatVersion = type === 'input' ? '2.0.0' : p < 0.6 ? '1.0.0' : p < 0.8 ? '1.1.0' : '2.0.0';
  }
  let release: string | undefined;
  if (v.major === 0) release = rng.chance(0.5) ? 'experimental' : 'beta';
  else if (v.prerelease) release = rng.chance(0.8) ? 'beta' : 'ga';
  else release = 'ga';
  // Recent manifests often drop `release` (the registry derives it).
  if (formatVersion === '2.0.0' && rng.chance(0.3)) release = undefined;
  const quote: QuoteStyle = range.startsWith('>')
    ? rng.pick(['double', 'single'] as const)
    : rng.weighted([
        ['double', 8],
        ['single', 1],
        ['none', 1],
      ] as const);
  const categoryCount = nameRng.range(1, 3);
  const categories = new Set<string>();
  while (categories.size < categoryCount) categories.add(nameRng.pick(CATEGORIES));
  return {
    name,
    version,
    formatVersion,
    type: type === 'integration' && rng.chance(0.1) ? undefined : type,
    release,
    kibana: { range, spelling: nameRng.chance(0.03) ? 'nested' : 'dotted', quote },
    subscription: nameRng.chance(0.15)
      ? nameRng.pick(['basic', 'basic', 'platinum', 'enterprise'])
      : undefined,
    categories: [...categories],
    owner: nameRng.pick(OWNERS),
    dataStreams: dataStreamNames(name),
  };
}

const DATA_STREAMS = [
  'log',
  'access',
  'error',
  'audit',
  'metrics',
  'status',
  'events',
  'alerts',
  'stats',
] as const;

/** Data stream names of a package: stable per name (1-3). */
export function dataStreamNames(name: string): string[] {
  if (name.endsWith('_input')) return [];
  const rng = new Prng(`ds:${name}`);
  const n = rng.range(1, 3);
  const out = new Set<string>();
  while (out.size < n) out.add(rng.pick(DATA_STREAMS));
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Whole package-version trees

export interface PackageFilesOptions {
  name: string;
  version: string;
  /** Manifest options or the raw manifest text. Default: {@link realisticManifestOptions}(name, version). */
  manifest?: ManifestOptions | string;
  /** Varies docs, changelog, dashboards, fields and binary content; the manifest does not depend on it. */
  seed?: number;
  /** Override the data streams (default: from the manifest options, else {@link dataStreamNames}). */
  dataStreams?: string[];
  /** Number of kibana/dashboard/*.json files, default 1 (0 for input packages). */
  dashboards?: number;
  /** Add img/<name>-screenshot.png of exactly this many bytes (PNG signature + pseudo-random bytes). */
  pngBytes?: number;
  /** Pad docs/README.md to about this many bytes (default: ~1-3 KB). */
  readmeBytes?: number;
  /** Fields per fields/fields.yml, default 4-12. */
  fieldsPerDataStream?: number;
  /** Add LICENSE.txt (synthetic text). */
  licenseFile?: boolean;
  /** Extra files, relative to the version dir; they overwrite generated ones. */
  extraFiles?: Record<string, string | Buffer>;
  /** Generated files to leave out (e.g. 'docs/README.md' for a negative case). */
  omit?: string[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** `size` bytes starting with the PNG signature, the rest incompressible pseudo-random data. */
export function pseudoPng(size: number, seed: number | string): Buffer {
  const buf = new Prng(seed).bytes(size);
  PNG_SIGNATURE.copy(buf, 0, 0, Math.min(size, PNG_SIGNATURE.length));
  return buf;
}

function iconSvg(name: string): string {
  const rng = new Prng(`icon:${name}`);
  const color = rng.u32().toString(16).padStart(8, '0').slice(0, 6);
  const letter = name.charAt(0).toUpperCase();
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">',
    `  <rect width="32" height="32" rx="6" fill="#${color}"/>`,
    `  <text x="16" y="22" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#fff">${letter}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function readme(title: string, name: string, rng: Prng, target: number | undefined): string {
  const parts = [
    `# ${title} Integration`,
    '',
    `This integration collects logs and metrics from ${title} with Elastic Agent.`,
    '',
    '## Compatibility',
    '',
    paragraph(rng),
    '',
    '## Logs',
    '',
    paragraph(rng),
    '',
    `**Exported fields**`,
    '',
    '| Field | Description | Type |',
    '|---|---|---|',
  ];
  const rows = rng.range(3, 8);
  for (let i = 0; i < rows; i++)
    parts.push(`| ${name}.${words(rng, 1)}_${i} | ${sentence(rng, 3, 8)} | keyword |`);
  parts.push('');
  const min = target ?? rng.range(1000, 3000);
  let text = parts.join('\n');
  const chunks: string[] = [text];
  let size = Buffer.byteLength(text);
  while (size < min) {
    const p = `\n${paragraph(rng)}\n`;
    chunks.push(p);
    size += p.length;
  }
  text = chunks.join('');
  return text.endsWith('\n') ? text : `${text}\n`;
}

function changelog(version: string, rng: Prng): string {
  const out = ['# newer versions go on top'];
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  const [maj, min, pat] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 1, 0];
  const versions = [version];
  if (pat > 0) versions.push(`${maj}.${min}.${pat - 1}`);
  if (min > 0) versions.push(`${maj}.${min - 1}.0`);
  for (const v of versions) {
    out.push(`- version: ${JSON.stringify(v)}`);
    out.push('  changes:');
    out.push(`    - description: ${sentence(rng, 3, 9)}`);
    out.push(`      type: ${rng.pick(['enhancement', 'bugfix', 'bugfix', 'breaking-change'])}`);
    out.push(`      link: https://github.com/elastic/integrations/pull/${rng.range(100, 9999)}`);
  }
  return `${out.join('\n')}\n`;
}

function fieldsYml(name: string, ds: string, rng: Prng, count: number): string {
  const out = [`- name: ${name}.${ds}`, '  type: group', '  fields:'];
  for (let i = 0; i < count; i++) {
    out.push(`    - name: ${words(rng, 1)}_${i}`);
    out.push(`      type: ${rng.pick(['keyword', 'long', 'date', 'ip', 'double', 'text', 'boolean'])}`);
    out.push(`      description: >`);
    out.push(`        ${sentence(rng, 4, 12)}`);
  }
  return `${out.join('\n')}\n`;
}

const BASE_FIELDS = [
  '- name: data_stream.type',
  '  type: constant_keyword',
  '  description: Data stream type.',
  '- name: data_stream.dataset',
  '  type: constant_keyword',
  '  description: Data stream dataset.',
  '- name: data_stream.namespace',
  '  type: constant_keyword',
  '  description: Data stream namespace.',
  "- name: '@timestamp'",
  '  type: date',
  '  description: Event timestamp.',
  '',
].join('\n');

function dataStreamManifest(title: string, name: string, ds: string): string {
  const metrics = ds === 'metrics' || ds === 'status' || ds === 'stats';
  const dsTitle = `${title} ${ds}`;
  const lines = [`title: ${yamlScalar(dsTitle)}`, `type: ${metrics ? 'metrics' : 'logs'}`, 'streams:'];
  if (metrics) {
    lines.push(
      '  - input: http/metrics',
      '    vars:',
      '      - name: period',
      '        type: text',
      '        title: Period',
      '        default: 10s',
      `    title: ${yamlScalar(dsTitle)}`,
      `    description: ${yamlScalar(`Collect ${dsTitle}`)}`,
    );
  } else {
    lines.push(
      '  - input: logfile',
      '    vars:',
      '      - name: paths',
      '        type: text',
      '        title: Paths',
      '        multi: true',
      '        required: true',
      '        show_user: true',
      '        default:',
      `          - /var/log/${name}/${ds}.log*`,
      '    template_path: log.yml.hbs',
      `    title: ${yamlScalar(dsTitle)}`,
      `    description: ${yamlScalar(`Collect ${dsTitle} logs`)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function uuid(rng: Prng): string {
  const hex = rng.bytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function dashboard(title: string, id: string, rng: Prng): string {
  const panels = [];
  for (let i = 0; i < rng.range(2, 6); i++) {
    panels.push({
      embeddableConfig: {},
      gridData: { h: 12, i: String(i + 1), w: 24, x: (i % 2) * 24, y: Math.floor(i / 2) * 12 },
      panelIndex: String(i + 1),
      panelRefName: `panel_${i}`,
      version: '8.0.0',
    });
  }
  const doc = {
    attributes: {
      description: sentence(rng),
      hits: 0,
      kibanaSavedObjectMeta: { searchSourceJSON: { filter: [], query: { language: 'kuery', query: '' } } },
      optionsJSON: { hidePanelTitles: false, useMargins: true },
      panelsJSON: panels,
      timeRestore: false,
      title: `[Logs ${title}] Overview`,
      version: 1,
    },
    coreMigrationVersion: '8.0.0',
    id,
    migrationVersion: { dashboard: '8.0.0' },
    references: panels.map((_, i) => ({ id: uuid(rng), name: `panel_${i}`, type: 'visualization' })),
    type: 'dashboard',
  };
  return `${JSON.stringify(doc, null, 4)}\n`;
}

/** Relative paths (to the version dir) and contents of a whole package version. Keys are sorted. */
export function packageFiles(o: PackageFilesOptions): Record<string, string | Buffer> {
  const seed = o.seed ?? 0;
  const rng = new Prng(`${o.name}@${o.version}#${seed}`);
  const screenshot = `img/${o.name}-screenshot.png`;
  let mOpts: ManifestOptions | undefined;
  if (typeof o.manifest !== 'string') {
    mOpts = o.manifest ?? realisticManifestOptions(o.name, o.version);
    // Reference the generated screenshot, as real manifests do, unless the caller chose screenshots.
    if (o.pngBytes !== undefined && mOpts.screenshots === undefined)
      mOpts = { ...mOpts, screenshots: [`/${screenshot}`] };
  }
  const manifest =
    typeof o.manifest === 'string'
      ? o.manifest
      : manifestYaml(mOpts ?? { name: o.name, version: o.version }).text;
  const type = mOpts?.type;
  const title = mOpts?.title ?? titleFromName(o.name);
  const files: Record<string, string | Buffer> = {
    'manifest.yml': manifest,
    'docs/README.md': readme(title, o.name, rng.fork('readme'), o.readmeBytes),
    'changelog.yml': changelog(o.version, rng.fork('changelog')),
    'img/icon.svg': iconSvg(o.name),
  };
  if (type === 'input') {
    files['agent/input/input.yml.hbs'] =
      'data_stream:\n  dataset: {{data_stream.dataset}}\n{{#if paths}}\npaths:\n{{#each paths}}\n  - {{this}}\n{{/each}}\n{{/if}}\n';
    files['fields/input.yml'] = BASE_FIELDS;
  } else {
    const dataStreams = o.dataStreams ?? mOpts?.dataStreams ?? dataStreamNames(o.name);
    for (const ds of dataStreams) {
      const dsRng = rng.fork(`ds:${ds}`);
      files[`data_stream/${ds}/manifest.yml`] = dataStreamManifest(title, o.name, ds);
      files[`data_stream/${ds}/fields/base-fields.yml`] = BASE_FIELDS;
      files[`data_stream/${ds}/fields/fields.yml`] = fieldsYml(
        o.name,
        ds,
        dsRng,
        o.fieldsPerDataStream ?? dsRng.range(4, 12),
      );
      files[`data_stream/${ds}/agent/stream/log.yml.hbs`] =
        'paths:\n{{#each paths}}\n  - {{this}}\n{{/each}}\n';
      files[`data_stream/${ds}/elasticsearch/ingest_pipeline/default.yml`] = [
        '---',
        `description: Pipeline for ${title} ${ds}`,
        'processors:',
        '  - set:',
        '      field: ecs.version',
        "      value: '8.0.0'",
        '  - rename:',
        '      field: message',
        '      target_field: event.original',
        'on_failure:',
        '  - set:',
        '      field: error.message',
        "      value: '{{ _ingest.on_failure_message }}'",
        '',
      ].join('\n');
    }
    const dRng = rng.fork('dashboards');
    for (let i = 0; i < (o.dashboards ?? 1); i++) {
      const id = `${o.name}-${uuid(dRng)}`;
      files[`kibana/dashboard/${id}.json`] = dashboard(title, id, dRng);
    }
  }
  if (o.pngBytes !== undefined) files[screenshot] = pseudoPng(o.pngBytes, rng.u32());
  if (o.licenseFile === true)
    files['LICENSE.txt'] = `Synthetic licence text for test fixtures.\n${paragraph(rng)}\n`;
  for (const p of o.omit ?? []) delete files[p];
  Object.assign(files, o.extraFiles ?? {});
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------------------------
// Markers and non-package files

/** `packages/<channel>/0.0.1`: a manifest without conditions and a one-line README marking the distribution. */
export function markerPackageFiles(channel: 'snapshot' | 'staging'): Record<string, string> {
  const title = titleFromName(channel);
  return {
    'docs/README.md': `This package marks the ${channel} distribution of the package registry.\n`,
    'manifest.yml': manifestYaml({
      name: channel,
      version: '0.0.1',
      formatVersion: '1.0.0',
      type: 'integration',
      release: 'ga',
      title,
      description: `Marker package of the ${channel} distribution`,
      categories: ['custom'],
      icons: [],
      owner: 'elastic/ecosystem',
    }).text,
  };
}

export const DEFAULT_REGISTRY_VERSION = 'v1.15.0';
const CHANNEL_ORDER = ['production', 'staging', 'snapshot'] as const;

/** Dockerfile, .dockerignore and deployment/package-registry.yml of a distribution branch (synthetic, same shape). */
export function distributionFiles(
  channel: string,
  o: { registryVersion?: string } = {},
): Record<string, string> {
  const idx = CHANNEL_ORDER.indexOf(channel as (typeof CHANNEL_ORDER)[number]);
  // Unknown branches (e.g. production-7.9) are served like production.
  const served = idx < 0 ? ['production'] : CHANNEL_ORDER.slice(0, idx + 1);
  const own = idx < 0 ? 'production' : channel;
  const registry = o.registryVersion ?? DEFAULT_REGISTRY_VERSION;
  const docker = [`ARG PACKAGE_REGISTRY=${registry}`];
  const upstream = served.filter((c) => c !== own);
  for (const c of upstream) {
    const tag = c === 'production' ? 'production-old' : c;
    docker.push(`FROM docker.elastic.co/package-registry/distribution:${tag} AS ${c}`);
  }
  if (upstream.length > 0) docker.push('');
  docker.push('FROM docker.elastic.co/package-registry/package-registry:${PACKAGE_REGISTRY}');
  docker.push('ARG PACKAGE_REGISTRY', 'LABEL package-registry=${PACKAGE_REGISTRY}', '');
  docker.push('COPY deployment/package-registry.yml /package-registry/config.yml');
  for (const c of upstream) docker.push(`COPY --from=${c} /packages/${c} /packages/${c}`);
  docker.push(`COPY packages /packages/${own}`, '');
  docker.push('# Validate every package at build time; the running server skips validation.');
  docker.push('RUN ./package-registry -dry-run', '');
  docker.push('ENV EPR_DISABLE_PACKAGE_VALIDATION=true', 'ENV EPR_ADDRESS=0.0.0.0:8080', '');
  const slow = own === 'production';
  const config = [
    ...(served.length > 1 ? ['# First package found wins'] : []),
    'package_paths:',
    ...served.map((c) => `  - /packages/${c}`),
    '',
    `cache_time.index: 10s`,
    `cache_time.search: ${slow ? '1m' : '10s'}`,
    `cache_time.categories: ${slow ? '10m' : '10s'}`,
    `cache_time.catch_all: ${slow ? '10m' : '10s'}`,
    '',
  ];
  return {
    '.dockerignore': '.DS_Store\nbuild\ntesting\nvendor\n',
    Dockerfile: docker.join('\n'),
    'deployment/package-registry.yml': config.join('\n'),
  };
}

/** Files of the main branch (synthetic README and merge-bot config). */
export function mainBranchFiles(): Record<string, string> {
  return {
    'README.md': [
      '# Package storage (synthetic test fixture)',
      '',
      'Distribution branches: `snapshot`, `staging`, `production`. Each holds `packages/<name>/<version>/`.',
      'Pull requests to a distribution branch are titled `[<branch>] ...`.',
      '',
    ].join('\n'),
    '.mergify.yml': [
      'pull_request_rules:',
      '  - name: automatic merge of bot pull requests into snapshot',
      '    conditions:',
      '      - base=snapshot',
      '      - author=test-bot',
      '    actions:',
      '      merge:',
      '        method: squash',
      '',
    ].join('\n'),
  };
}
