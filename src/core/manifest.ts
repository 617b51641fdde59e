// Reads a package version's manifest.yml the way the registry does, with every scalar kept as a string
// (FAILSAFE: `1.10` stays "1.10"), aliases refused (no alias bombs) and nesting bounded.
import {
  constructFromEvents,
  EVENT_ALIAS,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  FAILSAFE_SCHEMA,
  getScalarValue,
  parseEvents,
  type Event,
} from 'js-yaml';
import { isStrictSemver, isValidRange } from './version.js';

export const releaseLevels = ['experimental', 'beta', 'ga'] as const;

export interface ManifestFields {
  name?: string;
  version?: string;
  formatVersion?: string;
  title?: string;
  description?: string;
  type?: string;
  release?: string;
  /** `conditions.kibana.version`, either spelling. */
  kibanaRange?: string;
}

export interface ManifestProblem {
  level: 'error' | 'warning';
  message: string;
  line?: number;
}

export interface ManifestReport {
  fields: ManifestFields;
  problems: ManifestProblem[];
  /**
   * YAML events the document was read as (0 when parsing stopped early): the work done. Aliases are refused, so
   * building the document costs no more than its events; a bound on events bounds the work on hostile input.
   */
  events: number;
}

const maxDepth = 64;

interface Frame {
  kind: 'map' | 'seq';
  path: string;
  expectKey: boolean;
  key?: string;
}

const plainStyle = 1; // SCALAR_STYLE.PLAIN: only a plain `<<` is a merge key

/**
 * Byte offset of each mapping key, by dotted path (`conditions.kibana.version` for both spellings), and of every
 * YAML merge key (`<<`, plain or tagged `!!merge`).
 */
function keyOffsets(source: string, events: Event[]): { offsets: Map<string, number>; merges: number[] } {
  const offsets = new Map<string, number>();
  const merges: number[] = [];
  const stack: Frame[] = [];
  const childPath = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    if (top.kind === 'seq') return `${top.path}[]`;
    return top.path === '' ? (top.key ?? '') : `${top.path}.${top.key ?? ''}`;
  };
  const valueDone = (): void => {
    const top = stack.at(-1);
    if (top?.kind === 'map') top.expectKey = true;
  };
  for (const event of events) {
    if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) {
      const top = stack.at(-1);
      if (top?.kind === 'map' && top.expectKey) top.key = ''; // complex key: ignore its contents
      stack.push({ kind: event.type === EVENT_MAPPING ? 'map' : 'seq', path: childPath(), expectKey: true });
    } else if (event.type === EVENT_POP) {
      if (stack.length > 0) {
        stack.pop();
        valueDone();
      }
    } else if (event.type === EVENT_SCALAR) {
      const top = stack.at(-1);
      if (top?.kind === 'map' && top.expectKey) {
        top.key = getScalarValue(source, event);
        top.expectKey = false;
        const tag = event.tagStart >= 0 ? source.slice(event.tagStart, event.tagEnd) : '';
        if ((top.key === '<<' && event.style === plainStyle) || /merge$/.test(tag))
          merges.push(event.valueStart);
        const path = top.path === '' ? top.key : `${top.path}.${top.key}`;
        if (!offsets.has(path)) offsets.set(path, event.valueStart);
      } else valueDone();
    } else if (event.type === EVENT_ALIAS) valueDone();
  }
  return { offsets, merges };
}

function lineAt(source: string, offset: number | undefined): number | undefined {
  if (offset === undefined || offset < 0) return undefined;
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Parses manifest text; `expected` is the directory it sits in. */
export function checkManifest(
  source: string,
  expected: { name: string; version: string },
  context: { hasReadme: boolean },
): ManifestReport {
  const problems: ManifestProblem[] = [];
  const fields: ManifestFields = {};
  let events: Event[] = [];
  let documents: unknown[];
  try {
    events = parseEvents(source, { maxDepth });
    documents = constructFromEvents(events, { source, schema: FAILSAFE_SCHEMA, maxAliases: 0 });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    let reason =
      (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    if (/alias/i.test(reason)) reason = 'YAML aliases (*name) are not allowed in manifest.yml';
    else if (/depth/i.test(reason)) reason = `nesting deeper than ${maxDepth} levels`;
    problems.push({
      level: 'error',
      message: `manifest.yml is not valid YAML: ${reason}`,
      ...(mark?.line !== undefined ? { line: mark.line + 1 } : {}),
    });
    return { fields, problems, events: events.length };
  }
  if (documents.length !== 1) {
    problems.push({
      level: 'error',
      message: `manifest.yml must hold exactly one YAML document (found ${documents.length})`,
    });
    return { fields, problems, events: events.length };
  }
  const doc = documents[0];
  if (!isMapping(doc)) {
    problems.push({ level: 'error', message: 'manifest.yml must be a YAML mapping', line: 1 });
    return { fields, problems, events: events.length };
  }
  const { offsets, merges } = keyOffsets(source, events);
  // The registry's YAML reader (go-yaml) merges `<<: {...}` into the mapping; this reader keeps `<<` as a key. The
  // two would read different fields, so the check would not be about what the registry serves.
  for (const offset of merges)
    problems.push({
      level: 'error',
      message:
        "manifest.yml uses a YAML merge key (`<<`): the registry's YAML reader merges the referenced mapping into this one, so it would read other fields than this check does; write the keys out",
      ...(lineAt(source, offset) !== undefined ? { line: lineAt(source, offset)! } : {}),
    });
  const line = (key: string): { line?: number } => {
    const l = lineAt(source, offsets.get(key));
    return l === undefined ? {} : { line: l };
  };
  const problem = (level: ManifestProblem['level'], key: string, message: string): void => {
    problems.push({ level, message, ...line(key) });
  };

  const name = str(doc.name);
  const version = str(doc.version);
  const formatVersion = str(doc.format_version);
  if (name !== undefined) fields.name = name;
  if (version !== undefined) fields.version = version;
  if (formatVersion !== undefined) fields.formatVersion = formatVersion;
  for (const key of ['title', 'description', 'type', 'release'] as const) {
    const value = str(doc[key]);
    if (value !== undefined) fields[key] = value;
  }

  if (name === undefined) problem('error', 'name', '`name` is missing');
  else if (name !== expected.name)
    problem('error', 'name', `\`name\` is "${name}" but the package directory is "${expected.name}"`);
  if (version === undefined) problem('error', 'version', '`version` is missing');
  else if (version !== expected.version)
    problem(
      'error',
      'version',
      `\`version\` is "${version}" but the version directory is "${expected.version}"`,
    );
  if (formatVersion === undefined) problem('error', 'format_version', '`format_version` is missing');
  else if (!isStrictSemver(formatVersion))
    problem('error', 'format_version', `\`format_version\` "${formatVersion}" is not strict semver`);
  if (doc.release !== undefined && !(releaseLevels as readonly string[]).includes(fields.release ?? ''))
    problem(
      'error',
      'release',
      `\`release\` must be one of ${releaseLevels.join(', ')} (got ${JSON.stringify(doc.release)})`,
    );
  if (!fields.title?.trim())
    problem('error', 'title', '`title` is missing or empty (the registry refuses the package)');
  if (!fields.description?.trim())
    problem('error', 'description', '`description` is missing or empty (the registry refuses the package)');
  if (!context.hasReadme)
    problems.push({
      level: 'error',
      message: 'docs/README.md is missing (the registry refuses the package)',
    });

  // conditions.kibana.version: dotted key or nested mapping; both mean the same to the registry.
  const conditions = doc.conditions;
  if (conditions !== undefined && !isMapping(conditions))
    problem('error', 'conditions', '`conditions` must be a mapping');
  if (isMapping(conditions)) {
    const dotted = conditions['kibana.version'];
    const kibana = conditions.kibana;
    const nested = isMapping(kibana) ? kibana.version : undefined;
    if (kibana !== undefined && !isMapping(kibana))
      problem('error', 'conditions.kibana', '`conditions.kibana` must be a mapping');
    if (dotted !== undefined && nested !== undefined && dotted !== nested)
      problem(
        'error',
        'conditions.kibana.version',
        'both `conditions.kibana.version` spellings are present and differ',
      );
    const range = dotted ?? nested;
    if (range !== undefined) {
      if (typeof range !== 'string' || !isValidRange(range))
        problem(
          'error',
          'conditions.kibana.version',
          `\`conditions.kibana.version\` ${JSON.stringify(range)} is not a valid version range`,
        );
      else fields.kibanaRange = range;
    }
  }
  const requirement = doc.requirement;
  if (isMapping(requirement) && isMapping(requirement.kibana) && fields.kibanaRange === undefined)
    problem(
      'warning',
      'requirement',
      '`requirement.kibana.versions` is ignored by the registry since v0.6.0; without `conditions.kibana.version` this package matches every Kibana',
    );
  return { fields, problems, events: events.length };
}
