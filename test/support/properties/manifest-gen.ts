// A model of manifest.yml for the property tests: fields that are valid or broken in known ways, rendered in
// varied YAML spellings (plain, quoted, block, flow, both kibana spellings, comments, CRLF), together with
// the line of every key, so the expected report can be computed without a YAML parser.
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { isStrictOracle, nearVersion, smallVersion, strictVersion } from './semver.js';

export type Style = 'plain' | 'single' | 'double' | 'dump';
type Key = 'name' | 'version' | 'format_version' | 'title' | 'description' | 'type' | 'release';

export interface ManifestModel {
  expected: { name: string; version: string };
  hasReadme: boolean;
  /** Top-level scalar fields, in document order; undefined = missing. */
  scalars: Array<{ key: Key; value: string; style: Style; keyStyle: Style }>;
  kibana?: {
    spelling: 'dotted' | 'nested' | 'both-dotted-first' | 'both-nested-first';
    range: string;
    /** The nested spelling's value when both are present (differs from `range` when they disagree). */
    other: string;
    flow: boolean;
    style: Style;
  };
  /** A legacy `requirement.kibana.versions`. */
  requirement: boolean;
  extras: Array<'categories' | 'owner' | 'icons' | 'policy_templates'>;
  /** Where the conditions/requirement/extras blocks go among the scalars. */
  positions: number[];
  comments: boolean;
  crlf: boolean;
  documentMarkers: boolean;
}

export interface Rendered {
  text: string;
  /** 1-based line of each key: `name`, ..., `conditions.kibana.version` (first spelling), `requirement`. */
  lines: Map<string, number>;
}

/** Characters that survive every quoting style (YAML printable, no line breaks). */
const textChar = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...'abcXYZ019 .,:-_#&*!|>\'"%@`[]{}?~=+()\\/'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', '日', '😀', '\u00a0', '\t', '\u2028', '\u0085', 'Ω') },
);
const oneLine = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: textChar, minLength: min, maxLength: max });

/** Text for title/description: ordinary words, numbers and keywords FAILSAFE must keep as written. */
const text = fc
  .oneof(
    { weight: 4, arbitrary: oneLine(1, 24).filter((s) => s.trim() !== '') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '1.10',
        '1.0',
        '0x1F',
        '1e3',
        'true',
        'no',
        'null',
        '~',
        '.inf',
        '012',
        'Nginx',
      ),
    },
    // several lines (only the `dump` style writes them)
    {
      weight: 1,
      arbitrary: fc.array(oneLine(1, 10), { minLength: 2, maxLength: 3 }).map((l) => l.join('\n')),
    },
  )
  .filter((s) => s.trim() !== '');

const blank = fc.constantFrom(' ', '  ', '\t');

const nameChar = fc.constantFrom(...'abcxyz019_'.split(''));
const packageName = fc.string({ unit: nameChar, minLength: 1, maxLength: 10 });

/** Kibana constraints node-semver and Masterminds both accept. */
const range: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom('^', '~', '>=', '>', '<', '<=', '=', ''),
      // versions people write in constraints (a caret on 0.<2^53-1> has no upper bound node-semver can compute)
      fc.oneof(smallVersion, fc.constantFrom('7.16.0', '8.x', '7.16', '8', '7.x.x', '8.0.0-SNAPSHOT')),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .chain((clauses) =>
    fc
      .array(fc.constantFrom(' || ', ' ', ', '), {
        minLength: clauses.length - 1,
        maxLength: clauses.length - 1,
      })
      .map((joins) => clauses.map(([op, v], i) => `${i ? joins[i - 1] : ''}${op}${v}`).join('')),
  );
export const invalidRange = fc.constantFrom(
  'not a range',
  '^^8',
  '>>1.0.0',
  '=>1.0.0',
  '1.2.3.4',
  'x.y.z.w',
  '8.0.0 ||| 9',
);

/** Which spellings a value can take: plain only when it is unambiguous in block context. */
export function stylesFor(value: string): Style[] {
  const plain =
    /^[A-Za-z0-9_^(][A-Za-z0-9 _.^()+=<>|,~*-]*$/.test(value) &&
    !value.endsWith(' ') &&
    !/^[-?](\s|$)/.test(value);
  const single = !/[\r\n]/.test(value) && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value); // eslint-disable-line no-control-regex
  return [...(plain ? (['plain'] as const) : []), ...(single ? (['single'] as const) : []), 'double', 'dump'];
}

function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0x20 && cp <= 0x7e) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/**
 * The value spelled in `style` as the value of a key indented `parent` columns; `dump` may span lines (block
 * scalars, whose content js-yaml indents by 2 for a key at column 0).
 */
export function spell(value: string, style: Style, parent = 0): string {
  switch (style) {
    case 'plain':
      return value;
    case 'single':
      return `'${value.replace(/'/g, "''")}'`;
    case 'double':
      return doubleQuoted(value);
    case 'dump': {
      const pad = ' '.repeat(parent);
      // Dumped as a mapping value: a root scalar gets another indentation indicator.
      return dump({ k: value }, { lineWidth: -1 })
        .replace(/^k: /, '')
        .replace(/\n$/, '')
        .split('\n')
        .map((l, i) => (i === 0 || l === '' ? l : `${pad}${l}`))
        .join('\n');
    }
  }
}

function spellKey(key: string, style: Style): string {
  return style === 'single' ? `'${key}'` : style === 'double' ? `"${key}"` : key;
}

export interface FieldChoice {
  name: 'ok' | 'other' | 'missing';
  version: 'ok' | 'other' | 'missing';
  formatVersion: 'ok' | 'bad' | 'missing';
  title: 'ok' | 'blank' | 'missing';
  description: 'ok' | 'blank' | 'missing';
  release: 'absent' | 'ok' | 'bad';
  kibana: 'absent' | 'ok' | 'bad' | 'differ';
}

const allValid: FieldChoice = {
  name: 'ok',
  version: 'ok',
  formatVersion: 'ok',
  title: 'ok',
  description: 'ok',
  release: 'absent',
  kibana: 'absent',
};

const choiceArb: fc.Arbitrary<FieldChoice> = fc.record({
  name: fc.constantFrom('ok', 'ok', 'other', 'missing'),
  version: fc.constantFrom('ok', 'ok', 'other', 'missing'),
  formatVersion: fc.constantFrom('ok', 'ok', 'bad', 'missing'),
  title: fc.constantFrom('ok', 'ok', 'blank', 'missing'),
  description: fc.constantFrom('ok', 'ok', 'blank', 'missing'),
  release: fc.constantFrom('absent', 'ok', 'bad'),
  kibana: fc.constantFrom('absent', 'ok', 'ok', 'bad', 'differ'),
});

/** Manifests whose fields are all valid (`valid: true`), or valid and broken in known ways. */
export function manifestModel(options: {
  valid: boolean;
}): fc.Arbitrary<{ model: ManifestModel; choice: FieldChoice }> {
  const choices = options.valid
    ? fc
        .record({
          release: fc.constantFrom<FieldChoice['release']>('absent', 'ok'),
          kibana: fc.constantFrom<FieldChoice['kibana']>('absent', 'ok'),
        })
        .map((c) => ({ ...allValid, ...c }))
    : choiceArb;
  return choices.chain((choice) =>
    fc
      .record({
        expectedName: packageName,
        expectedVersion: fc.oneof(strictVersion({ build: true }), fc.constantFrom('1.10', '1.0', '01.2.3')),
        otherName: packageName,
        otherVersion: fc.oneof(strictVersion(), fc.constantFrom('1.10', '1.1', '1.10.0')),
        formatVersion:
          choice.formatVersion === 'bad'
            ? nearVersion.filter((v) => !isStrictOracle(v) && v.trim() !== '' && !/[\r\n]/.test(v))
            : strictVersion(),
        title: choice.title === 'blank' ? blank : text,
        description: choice.description === 'blank' ? blank : text,
        type: fc.option(fc.oneof(fc.constantFrom('integration', 'input', 'content'), oneLine(1, 8)), {
          nil: undefined,
        }),
        release:
          choice.release === 'bad'
            ? fc.constantFrom('stable', 'GA', 'Beta', 'technical preview', '1')
            : fc.constantFrom('experimental', 'beta', 'ga'),
        range: choice.kibana === 'bad' ? invalidRange : range,
        otherRange: range,
        spelling: fc.constantFrom<NonNullable<ManifestModel['kibana']>['spelling']>(
          'dotted',
          'nested',
          'both-dotted-first',
          'both-nested-first',
        ),
        flow: fc.boolean(),
        requirement: fc.boolean(),
        extras: fc.subarray(['categories', 'owner', 'icons', 'policy_templates'] as const),
        comments: fc.boolean(),
        crlf: fc.boolean(),
        documentMarkers: fc.boolean(),
        keyStyles: fc.array(fc.constantFrom<Style>('plain', 'plain', 'single', 'double'), {
          minLength: 7,
          maxLength: 7,
        }),
        order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7 }),
        positions: fc.array(fc.nat({ max: 7 }), { minLength: 6, maxLength: 6 }),
        hasReadme: options.valid ? fc.constant(true) : fc.boolean(),
        styleSeeds: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      })
      .map((g) => {
        /** A style every one of the values can be written in. */
        const pick = (value: string, seed: number, ...others: string[]): Style => {
          const styles = stylesFor(value).filter((st) => others.every((o) => stylesFor(o).includes(st)));
          return styles[seed % styles.length]!;
        };
        const values: Array<[Key, string | undefined]> = [
          [
            'name',
            choice.name === 'missing' ? undefined : choice.name === 'ok' ? g.expectedName : g.otherName,
          ],
          [
            'version',
            choice.version === 'missing'
              ? undefined
              : choice.version === 'ok'
                ? g.expectedVersion
                : g.otherVersion,
          ],
          ['format_version', choice.formatVersion === 'missing' ? undefined : g.formatVersion],
          ['title', choice.title === 'missing' ? undefined : g.title],
          ['description', choice.description === 'missing' ? undefined : g.description],
          ['type', g.type],
          ['release', choice.release === 'absent' ? undefined : g.release],
        ];
        const scalars = g.order
          .map((i) => values[i]!)
          .flatMap(([key, value], i) =>
            value === undefined
              ? []
              : [{ key, value, style: pick(value, g.styleSeeds[i]!), keyStyle: g.keyStyles[i]! }],
          );
        const other = choice.kibana === 'differ' ? g.otherRange : g.range;
        const model: ManifestModel = {
          expected: {
            name: g.expectedName,
            version:
              choice.version === 'other' && g.otherVersion === g.expectedVersion
                ? `${g.expectedVersion}0`
                : g.expectedVersion,
          },
          hasReadme: g.hasReadme,
          scalars,
          ...(choice.kibana === 'absent'
            ? {}
            : {
                kibana: {
                  spelling:
                    choice.kibana === 'differ'
                      ? g.spelling === 'dotted'
                        ? 'both-dotted-first'
                        : g.spelling === 'nested'
                          ? 'both-nested-first'
                          : g.spelling
                      : g.spelling,
                  range: g.range,
                  other,
                  flow: g.flow,
                  style: g.flow ? 'double' : pick(g.range, g.styleSeeds[7]!, other),
                },
              }),
          // A valid manifest has the legacy requirement only next to conditions (else it is warned about).
          requirement: g.requirement && (!options.valid || choice.kibana !== 'absent'),
          extras: g.extras,
          positions: g.positions,
          comments: g.comments,
          crlf: g.crlf,
          documentMarkers: g.documentMarkers,
        };
        if (choice.name === 'other' && g.otherName === g.expectedName)
          model.expected.name = `${g.expectedName}x`;
        return {
          model,
          choice:
            choice.kibana === 'differ' && g.range === other ? { ...choice, kibana: 'ok' as const } : choice,
        };
      }),
  );
}

/** Renders the model, recording the line of each key. */
export function render(model: ManifestModel): Rendered {
  const lines: string[] = [];
  const at = new Map<string, number>();
  const push = (text: string, key?: string): void => {
    if (key !== undefined && !at.has(key)) at.set(key, lines.length + 1);
    lines.push(...text.split('\n'));
  };
  if (model.documentMarkers) push('---');
  const k = model.kibana;
  const blocks: Array<() => void> = [];
  if (k) {
    blocks.push(() => {
      const dotted = (indent: number, value: string): string =>
        `${' '.repeat(indent)}kibana.version: ${spell(value, k.style, indent)}`;
      const nested = (indent: number, value: string): [string, string] => [
        `${' '.repeat(indent)}kibana:`,
        `${' '.repeat(indent + 2)}version: ${spell(value, k.style, indent + 2)}`,
      ];
      if (k.flow) {
        const parts =
          k.spelling === 'dotted'
            ? [`kibana.version: ${spell(k.range, 'double')}`]
            : k.spelling === 'nested'
              ? [`kibana: {version: ${spell(k.range, 'double')}}`]
              : k.spelling === 'both-dotted-first'
                ? [
                    `kibana.version: ${spell(k.range, 'double')}`,
                    `kibana: {version: ${spell(k.other, 'double')}}`,
                  ]
                : [
                    `kibana: {version: ${spell(k.other, 'double')}}`,
                    `kibana.version: ${spell(k.range, 'double')}`,
                  ];
        push(`conditions: {${parts.join(', ')}}`, 'conditions.kibana.version');
        return;
      }
      push('conditions:');
      if (k.spelling === 'dotted' || k.spelling === 'both-dotted-first')
        push(dotted(2, k.range), 'conditions.kibana.version');
      if (k.spelling !== 'dotted') {
        const [head, version] = nested(2, k.spelling === 'nested' ? k.range : k.other);
        push(head);
        if (model.comments) push('    # the stack versions this package works with');
        push(version, 'conditions.kibana.version');
      }
      if (k.spelling === 'both-nested-first') push(dotted(2, k.range), 'conditions.kibana.version');
    });
  }
  if (model.requirement)
    blocks.push(() => push('requirement:\n  kibana:\n    versions: ">=7.3.0 <8.0.0"', 'requirement'));
  for (const extra of model.extras)
    blocks.push(() => {
      if (extra === 'categories') push('categories:\n  - web\n  - "security"', extra);
      else if (extra === 'owner') push('owner:\n  github: elastic/integrations\n  type: elastic', extra);
      else if (extra === 'icons') push('icons: [{src: /img/logo.svg, type: image/svg+xml}]', extra);
      else push('policy_templates:\n  - name: x\n    title: "name: nginx"\n    inputs: []', extra);
    });
  const slots = new Map<number, Array<() => void>>();
  blocks.forEach((b, i) =>
    slots.set(model.positions[i] ?? 0, [...(slots.get(model.positions[i] ?? 0) ?? []), b]),
  );
  model.scalars.forEach((s, i) => {
    for (const b of slots.get(i) ?? []) b();
    if (model.comments && i % 2 === 1) push(i % 4 === 1 ? '' : '# comment: name: not-this-one');
    push(`${spellKey(s.key, s.keyStyle)}: ${spell(s.value, s.style)}`, s.key);
  });
  for (const [slot, bs] of slots) if (slot >= model.scalars.length) for (const b of bs) b();
  if (model.documentMarkers) push('...');
  return { text: `${lines.join(model.crlf ? '\r\n' : '\n')}${model.crlf ? '\r\n' : '\n'}`, lines: at };
}
