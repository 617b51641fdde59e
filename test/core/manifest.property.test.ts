// Properties of the manifest reader (src/core/manifest.ts): generated manifests in many YAML spellings give
// exactly the expected problems, on the lines of their keys, and echo their fields as written; anything else
// is reported, never thrown, and quickly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkManifest, type ManifestFields, type ManifestProblem } from '../../src/core/manifest.js';
import {
  manifestModel,
  render,
  type FieldChoice,
  type ManifestModel,
} from '../support/properties/manifest-gen.js';
import { runs } from '../support/properties/runs.js';
import { isStrictOracle } from '../support/properties/semver.js';
import { anyString } from '../support/properties/text.js';

const fieldName = {
  name: 'name',
  version: 'version',
  format_version: 'formatVersion',
  title: 'title',
  description: 'description',
  type: 'type',
  release: 'release',
} as const;

function expectedFields(model: ManifestModel, choice: FieldChoice): ManifestFields {
  const fields: ManifestFields = {};
  for (const s of model.scalars) fields[fieldName[s.key]] = s.value;
  if (model.kibana && choice.kibana !== 'bad') fields.kibanaRange = model.kibana.range;
  return fields;
}

interface Expected {
  key: string;
  level: ManifestProblem['level'];
  line?: number;
}

function expectedProblems(model: ManifestModel, choice: FieldChoice, lines: Map<string, number>): Expected[] {
  const out: Expected[] = [];
  const add = (key: string, level: Expected['level'] = 'error', lineKey = key): void => {
    const line = lines.get(lineKey);
    out.push({ key, level, ...(line !== undefined ? { line } : {}) });
  };
  if (choice.name !== 'ok') add('name');
  if (choice.version !== 'ok') add('version');
  if (choice.formatVersion !== 'ok') add('format_version');
  if (choice.release === 'bad') add('release');
  if (choice.title !== 'ok') add('title');
  if (choice.description !== 'ok') add('description');
  if (!model.hasReadme) add('readme');
  if (choice.kibana === 'differ')
    add('conditions.kibana.version#differ', 'error', 'conditions.kibana.version');
  if (choice.kibana === 'bad') add('conditions.kibana.version');
  if (model.requirement && (!model.kibana || choice.kibana === 'bad')) add('requirement', 'warning');
  return out;
}

/** Which key a problem is about, from its message. */
function keyOf(p: ManifestProblem): string {
  if (p.message.startsWith('docs/README.md is missing')) return 'readme';
  if (p.message.startsWith('both `conditions.kibana.version` spellings'))
    return 'conditions.kibana.version#differ';
  if (p.message.startsWith('`requirement.kibana.versions`')) return 'requirement';
  return /^`([a-z_.]+)`/.exec(p.message)?.[1] ?? `? ${p.message}`;
}

const order = (a: Expected, b: Expected): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const actual = (problems: ManifestProblem[]): Expected[] =>
  problems
    .map((p) => ({ key: keyOf(p), level: p.level, ...(p.line !== undefined ? { line: p.line } : {}) }))
    .sort(order);

describe('property: manifest reader on generated manifests', () => {
  it('a valid manifest has no problems and its fields echo the values as written', () => {
    fc.assert(
      fc.property(manifestModel({ valid: true }), ({ model, choice }) => {
        const { text } = render(model);
        const report = checkManifest(text, model.expected, { hasReadme: true });
        expect(report.problems).toEqual([]);
        expect(report.fields).toEqual(expectedFields(model, choice));
      }),
      runs(),
    );
  });

  it('reports exactly the broken fields, each on the line of its key', () => {
    fc.assert(
      fc.property(manifestModel({ valid: false }), ({ model, choice }) => {
        const { text, lines } = render(model);
        const report = checkManifest(text, model.expected, { hasReadme: model.hasReadme });
        expect(actual(report.problems)).toEqual(expectedProblems(model, choice, lines).sort(order));
        expect(report.fields).toEqual(expectedFields(model, choice));
        // The reported line holds the key as written (its last path segment).
        const textLines = text.split('\n');
        for (const p of report.problems) {
          if (p.line === undefined) continue;
          const key = keyOf(p).replace(/#.*$/, '');
          const last =
            key === 'conditions.kibana.version' ? /\bversion\b/ : new RegExp(`(^|[\\s'"{,])${key}\\b`);
          expect(textLines[p.line - 1]).toMatch(last);
        }
      }),
      runs(3),
    );
  });
});

// Ways to put an alias into an otherwise valid manifest; all must be refused (aliases allow alias bombs).
const aliasSnippets = [
  'x_anchor: &a value\nx_alias: *a',
  'x_list: [&a 1, *a]',
  'x_alias: *never_defined',
  'x_anchor: &a key\n*a : value',
  'x_map: &m {a: 1}\nx_ref: *m',
  'x_map: &m {a: 1}\nx_merge:\n  <<: *m',
  'x_seq:\n  - &s item\n  - *s',
  'x_deep:\n  a:\n    b: &deep [1, 2]\n  c: [*deep, *deep]',
];

describe('property: manifest reader refuses aliases', () => {
  it('a manifest with an alias anywhere yields the alias problem, and only that', () => {
    fc.assert(
      fc.property(
        manifestModel({ valid: true }),
        fc.constantFrom(...aliasSnippets),
        fc.boolean(),
        ({ model }, snippet, first) => {
          const { text } = render({ ...model, documentMarkers: false });
          const eol = model.crlf ? '\r\n' : '\n';
          const withAlias = first
            ? `${snippet.replaceAll('\n', eol)}${eol}${text}`
            : `${text}${snippet.replaceAll('\n', eol)}${eol}`;
          const report = checkManifest(withAlias, model.expected, { hasReadme: true });
          expect(report.problems).toHaveLength(1);
          expect(report.problems[0]!.level).toBe('error');
          expect(report.problems[0]!.message).toBe(
            'manifest.yml is not valid YAML: YAML aliases (*name) are not allowed in manifest.yml',
          );
          expect(report.fields).toEqual({});
        },
      ),
      runs(2),
    );
  });
});

// Pieces of YAML syntax, to build inputs that get deep into the parser.
const token = fc.constantFrom(
  ...[
    '\n',
    '  ',
    ' ',
    '- ',
    ': ',
    ':',
    '? ',
    '[',
    ']',
    '{',
    '}',
    ',',
    '"',
    "'",
    '#',
    '&a ',
    '*a',
    '!!str ',
    '!t ',
    '|',
    '>',
    '|-',
    '>+2',
    '---',
    '...',
    '%YAML 1.2\n',
    '%TAG ! tag:x:\n',
    'name',
    'version',
    'conditions',
    'kibana.version',
    'kibana',
    'title',
    '1.0.0',
    '^8.0.0',
    '\\',
    '\t',
    '\r',
    '\r\n',
    '\ufeff',
    '<<',
    '~',
    'null',
    '@',
    '`',
    '\u0085',
    '\u2028',
    '😀',
    '\u0000',
  ],
);
const yamlSoup = fc
  .array(fc.oneof({ weight: 5, arbitrary: token }, { weight: 1, arbitrary: anyString({ maxLength: 4 }) }), {
    maxLength: 80,
  })
  .map((t) => t.join(''));

/** A valid manifest with a few characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    manifestModel({ valid: false }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.oneof(token, anyString({ maxLength: 2 }))), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([{ model }, edits]) => {
    let text = render(model).text;
    for (const [at, len, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + len);
    }
    return { text, expected: model.expected };
  });

const anyInput = fc.oneof(
  { weight: 2, arbitrary: anyString({ maxLength: 300 }) },
  { weight: 3, arbitrary: yamlSoup },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')) },
);

/**
 * Checks the invariants any report has; returns the work done as YAML events per input character. Aliases are
 * refused, so the events bound the work: a bounded ratio means linear work on any input (timings are benchmarks).
 */
function checkAny(text: string, expected: { name: string; version: string }): number {
  const report = checkManifest(text, expected, { hasReadme: true });
  expect(report.events).toBeLessThanOrEqual(2 * text.length + 4);
  expect(Array.isArray(report.problems)).toBe(true);
  for (const p of report.problems) {
    expect(['error', 'warning']).toContain(p.level);
    expect(typeof p.message).toBe('string');
    if (p.line !== undefined) {
      expect(Number.isInteger(p.line)).toBe(true);
      expect(p.line).toBeGreaterThanOrEqual(1);
      // YAML's line breaks (\r alone included): syntax errors are placed by the parser's count.
      expect(p.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
    }
  }
  for (const value of Object.values(report.fields)) expect(typeof value).toBe('string');
  // No error-level problem means the manifest is what the registry needs.
  if (!report.problems.some((p) => p.level === 'error')) {
    expect(report.fields.name).toBe(expected.name);
    expect(report.fields.version).toBe(expected.version);
    expect(isStrictOracle(report.fields.formatVersion ?? '')).toBe(true);
    expect(report.fields.title?.trim()).toBeTruthy();
    expect(report.fields.description?.trim()).toBeTruthy();
  }
  return report.events / Math.max(1, text.length);
}

describe('property: manifest reader on arbitrary input', () => {
  it('never throws on arbitrary strings and bytes, with work linear in the input', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        expect(checkAny(text, { name: 'nginx', version: '1.0.0' })).toBeLessThanOrEqual(6);
      }),
      runs(3),
    );
  });

  it('never throws on damaged manifests', () => {
    fc.assert(
      fc.property(mutated, ({ text, expected }) => {
        expect(checkAny(text, expected)).toBeLessThanOrEqual(6);
      }),
      runs(2),
    );
  });

  it('work grows linearly: 64 KiB of repeated YAML pieces reads as events linear in its size', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(
            yamlSoup,
            mutated.map((m) => m.text),
          )
          .filter((s) => s.length > 0),
        (piece) => {
          const text = piece.repeat(Math.ceil(65536 / piece.length)).slice(0, 65536);
          expect(checkAny(text, { name: 'nginx', version: '1.0.0' })).toBeLessThanOrEqual(6);
        },
      ),
      runs(0.3),
    );
  });
});
