import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/core/manifest.js';

const expected = { name: 'nginx', version: '1.6.0' };
const ok = { hasReadme: true };

function manifest(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

const base = [
  'format_version: 1.0.0',
  'name: nginx',
  'title: Nginx',
  'version: 1.6.0',
  'description: Collect logs and metrics from Nginx.',
  'type: integration',
  'categories:',
  '  - web',
];

describe('manifest', () => {
  it.each([
    [
      'dotted spelling, double quotes',
      ['conditions:', '  kibana.version: "^7.16.0 || ^8.0.0"'],
      '^7.16.0 || ^8.0.0',
    ],
    ['nested spelling, single quotes', ['conditions:', '  kibana:', "    version: '>=7.10.0'"], '>=7.10.0'],
    ['bare caret, no quotes', ['conditions:', '  kibana.version: ^8.4.0'], '^8.4.0'],
    ['Masterminds comma AND', ['conditions:', '  kibana.version: ">=7.10.0, <8.0.0"'], '>=7.10.0, <8.0.0'],
  ])('accepts %s', (_, extra, range) => {
    const report = checkManifest(manifest([...base, 'release: ga', ...extra]), expected, ok);
    expect(report.problems).toEqual([]);
    expect(report.fields.kibanaRange).toBe(range);
    expect(report.fields.release).toBe('ga');
  });

  it('keeps versions as strings (1.10 is not 1.1)', () => {
    const text = manifest(base.map((l) => (l.startsWith('version') ? 'version: 1.10' : l)));
    const report = checkManifest(text, { name: 'nginx', version: '1.10' }, ok);
    expect(report.fields.version).toBe('1.10');
  });

  it.each([
    [
      'name differs',
      base.map((l) => (l === 'name: nginx' ? 'name: apache' : l)),
      '`name` is "apache" but the package directory is "nginx"',
      2,
    ],
    [
      'version differs',
      base.map((l) => (l === 'version: 1.6.0' ? 'version: 1.6.1' : l)),
      '`version` is "1.6.1" but the version directory is "1.6.0"',
      4,
    ],
    [
      'format_version not semver',
      base.map((l) => (l.startsWith('format_version') ? 'format_version: 1.0' : l)),
      '`format_version` "1.0" is not strict semver',
      1,
    ],
    [
      'bad release',
      [...base, 'release: stable'],
      '`release` must be one of experimental, beta, ga (got "stable")',
      9,
    ],
    [
      'invalid range',
      [...base, 'conditions:', '  kibana.version: "not a range"'],
      'is not a valid version range',
      10,
    ],
    [
      'invalid nested range',
      [...base, 'conditions:', '  kibana:', '    version: "^^8"'],
      'is not a valid version range',
      11,
    ],
    ['missing title', base.filter((l) => !l.startsWith('title')), '`title` is missing', undefined],
  ])('reports %s with its line', (_, lines, message, line) => {
    const report = checkManifest(manifest(lines), expected, ok);
    const problem = report.problems.find((p) => p.message.includes(message));
    expect(problem, JSON.stringify(report.problems)).toBeDefined();
    expect(problem!.level).toBe('error');
    expect(problem!.line).toBe(line);
  });

  it('requires docs/README.md', () => {
    const report = checkManifest(manifest(base), expected, { hasReadme: false });
    expect(report.problems.map((p) => p.message)).toEqual([
      'docs/README.md is missing (the registry refuses the package)',
    ]);
  });

  it('warns about a legacy requirement without conditions', () => {
    const report = checkManifest(
      manifest([...base, 'requirement:', '  kibana:', '    versions: ">=7.3.0 <8.0.0"']),
      expected,
      ok,
    );
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.level).toBe('warning');
    expect(report.problems[0]!.line).toBe(9);
  });

  it.each([
    ['unparsable YAML', 'name: [unclosed\n', /not valid YAML/],
    ['a list', '- a\n- b\n', /must be a YAML mapping/],
    ['two documents', 'name: a\n---\nname: b\n', /exactly one YAML document/],
    ['empty', '', /not valid YAML|exactly one/],
    [
      'an alias bomb',
      'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nname: nginx\n',
      /aliases \(\*name\) are not allowed/,
    ],
    ['deep nesting', `${'['.repeat(200)}${']'.repeat(200)}\n`, /nesting deeper than 64 levels/],
  ])('rejects %s without throwing', (_, text, pattern) => {
    const report = checkManifest(text, expected, ok);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems[0]!.message).toMatch(pattern);
  });

  it('bounds the work on a hostile document', () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) =>
        `l${i + 1}: &l${i + 1} [${Array(9)
          .fill(i === 0 ? '"lol"' : `*l${i}`)
          .join(',')}]`,
    );
    const text = `${levels.join('\n')}\n`;
    const report = checkManifest(text, expected, ok);
    // Refused at the first alias: the work is the document's own events, never 9^9 expanded nodes.
    expect(report.problems[0]!.message).toMatch(/aliases/);
    expect(report.events).toBeLessThanOrEqual(text.length);
  });
});

describe('kibana ranges the registry (Masterminds) refuses', () => {
  it.each(['^8.0.0 ||', '|| ^8.0.0', '^7.16.0 || || ^8.0.0', '^8.4.0,', ', ^8.4.0'])(
    '%j is not a valid range',
    (range) => {
      const text = manifest([...base, 'conditions:', `  kibana.version: "${range}"`]);
      const report = checkManifest(text, expected, ok);
      expect(report.problems.map((p) => p.message)).toEqual([
        `\`conditions.kibana.version\` ${JSON.stringify(range)} is not a valid version range`,
      ]);
    },
  );
});
