// The report's pure parts in process: what users would see after a merge (registry precedence), the advice (the
// promote inputs that bring a version in through the stages), which findings become annotations within GitHub's
// limits, and the summary within its size limits whatever the change, with untrusted text kept as text.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Holdings, VersionChange } from '../../src/core/change.js';
import type { Finding } from '../../src/core/finding.js';
import { defaultPolicy } from '../../src/core/policy.js';
import type { VersionVerdict } from '../../src/core/validate.js';
import { promotionAdvice, type AdviceContext } from '../../src/validate/advice.js';
import { checkRunAnnotations, planAnnotations } from '../../src/validate/annotations.js';
import type { Checked } from '../../src/validate/check.js';
import type { ChangeFacts } from '../../src/validate/engine.js';
import { servedChanges } from '../../src/validate/served.js';
import { commentBudget, renderReport, summaryBudget } from '../../src/validate/summary.js';
import type { Target } from '../../src/validate/target.js';

const policy = defaultPolicy();
const [production, staging, snapshot] = policy.channels as [
  (typeof policy.channels)[0],
  (typeof policy.channels)[0],
  (typeof policy.channels)[0],
];

const holdings = (entries: Record<string, Record<string, string>>): Holdings =>
  new Map(Object.entries(entries).map(([name, versions]) => [name, new Map(Object.entries(versions))]));

const facts = (o: {
  production?: Holdings;
  staging?: Holdings;
  snapshot?: Holdings;
  after: Holdings;
}): ChangeFacts => ({
  holdings: new Map([
    ['production', o.production ?? new Map()],
    ['staging', o.staging ?? new Map()],
    ['snapshot', o.snapshot ?? new Map()],
  ]),
  after: o.after,
  identities: new Map(),
  pathsOutsideVersions: 0,
  kibana: new Map([
    ['t-new', '^8.12.0'],
    ['t-old', '^7.16.0 || ^8.0.0'],
  ]),
});

describe('what users would see after the merge', () => {
  const same = (a: string, b: string) => a === b;
  it('a version added to staging reaches the staging and snapshot registries, unless snapshot serves the same copy', () => {
    const changes: VersionChange[] = [
      { name: 'nginx', version: '1.7.0', kind: 'added', after: 't-new' },
      { name: 'apm', version: '8.1.0', kind: 'added', after: 't-apm' },
    ];
    const f = facts({
      snapshot: holdings({ apm: { '8.1.0': 't-apm' } }),
      after: holdings({ nginx: { '1.7.0': 't-new' }, apm: { '8.1.0': 't-apm' } }),
    });
    expect(servedChanges({ policy, channel: staging, changes, ...f, same })).toEqual([
      {
        name: 'nginx',
        version: '1.7.0',
        effect: 'added',
        from: 'staging',
        registries: ['staging', 'snapshot'],
        kibana: '^8.12.0',
      },
      { name: 'apm', version: '8.1.0', effect: 'added', from: 'staging', registries: ['staging'] },
    ]);
  });

  it('a cleanup after a promotion changes nothing users see; an overwrite on production replaces it everywhere', () => {
    const removal: VersionChange[] = [{ name: 'nginx', version: '1.6.0', kind: 'removed', before: 't-old' }];
    const cleaned = facts({
      staging: holdings({ nginx: { '1.6.0': 't-old' } }),
      snapshot: holdings({ nginx: { '1.6.0': 't-old' } }),
      after: new Map(),
    });
    expect(servedChanges({ policy, channel: snapshot, changes: removal, ...cleaned, same })).toEqual([]);
    const overwrite: VersionChange[] = [
      { name: 'nginx', version: '1.5.0', kind: 'modified', before: 't-old', after: 't-new' },
    ];
    const f = facts({
      production: holdings({ nginx: { '1.5.0': 't-old' } }),
      after: holdings({ nginx: { '1.5.0': 't-new' } }),
    });
    expect(servedChanges({ policy, channel: production, changes: overwrite, ...f, same })).toEqual([
      {
        name: 'nginx',
        version: '1.5.0',
        effect: 'replaced',
        from: 'production',
        registries: ['production', 'staging', 'snapshot'],
        kibana: '^8.12.0',
        previousKibana: '^7.16.0 || ^8.0.0',
      },
    ]);
  });
});

const notPromoted = (name: string, version: string): Finding => ({
  rule: 'not-promoted',
  severity: 'error',
  message: `${name}@${version} enters production by promotion, but staging holds no identical copy`,
  package: name,
  version,
  path: `packages/${name}/${version}`,
});

describe('what to do about versions that skip a stage', () => {
  const ctx: AdviceContext = {
    policy,
    channel: production,
    kind: 'pull',
    facts: facts({
      snapshot: holdings({ nginx: { '1.7.0': 't-nginx' }, mysql: { '1.3.0': 't-mysql' } }),
      after: holdings({
        nginx: { '1.7.0': 't-nginx' },
        mysql: { '1.3.0': 't-mysql' },
        redis: { '0.9.0': 't-redis' },
      }),
    }),
  };
  it('gives the exact promote inputs of each stage, one set for every version on the same path', () => {
    const text = promotionAdvice(
      [notPromoted('nginx', '1.7.0'), notPromoted('mysql', '1.3.0'), notPromoted('redis', '0.9.0')],
      ctx,
    )
      .join('\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/\u200b/g, '');
    expect(text).toBe(
      'Promote them through the stages with the promote workflow (merge each PR before the next step):' +
        '1. from: snapshot to: staging packages: nginx@1.7.0, mysql@1.3.0, redis@0.9.0' +
        '2. from: staging to: production packages: nginx@1.7.0, mysql@1.3.0, redis@0.9.0' +
        'Not in snapshot yet: redis@0.9.0; add it there first (a PR into snapshot).',
    );
  });
});

/** A checked PR into production with `findings` over `versions` changed versions. */
function checked(findings: Finding[], changes: VersionVerdict[], over: Partial<Target> = {}): Checked {
  const target: Target = {
    kind: 'pull',
    channel: production,
    description: 'PR #7 into production',
    parts: [],
    pull: {
      number: 7,
      title: 'x',
      headRef: 'topic',
      headSha: 'a'.repeat(40),
      baseRef: 'production',
      baseSha: 'b'.repeat(40),
      url: '',
      fromPromote: false,
    },
    queued: [],
    headSha: 'a'.repeat(40),
    exceptions: [],
    notes: [],
    ...over,
  };
  const served = changes.map((v) => ({
    name: v.name,
    version: v.version,
    effect: 'added' as const,
    from: 'production',
    registries: ['production', 'staging', 'snapshot'],
    kibana: '^8.12.0',
  }));
  return {
    target,
    policy,
    policySource: 'built-in defaults',
    findings,
    changes,
    pathCount: 1,
    served,
    missingBranches: [],
  };
}

function manyVersions(n: number, details: number): { findings: Finding[]; changes: VersionVerdict[] } {
  const findings: Finding[] = [];
  const changes: VersionVerdict[] = [];
  for (let i = 0; i < n; i++) {
    const name = `pkg_${i}`;
    changes.push({
      name,
      version: '1.0.0',
      kind: 'added',
      after: `t${i}`,
      verdict: 'fail',
      rules: ['manifest', 'not-promoted'],
    });
    findings.push(notPromoted(name, '1.0.0'));
    findings.push({
      rule: 'manifest',
      severity: 'error',
      message: `${details} manifest problems in ${name}@1.0.0: ${'x'.repeat(400)}`,
      package: name,
      version: '1.0.0',
      path: `packages/${name}/1.0.0/manifest.yml`,
      count: 40,
      details: Array.from({ length: details }, (_, j) => ({
        message: `problem ${j}: ${'y'.repeat(300)}`,
        path: `packages/${name}/1.0.0/f${j}.yml`,
        line: j + 1,
      })),
    });
  }
  return { findings, changes };
}

describe('the summary within its size limits', () => {
  it('stays under 1 MiB with 5,000 failing versions of 40 problems each, verdict on top, and says what it left out', () => {
    const { findings, changes } = manyVersions(5_000, 10);
    const markdown = renderReport(checked(findings, changes), {
      budget: summaryBudget,
      runUrl: 'https://github.com/acme/s/actions/runs/1',
    });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(summaryBudget);
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(summaryBudget * 0.9);
    expect(markdown.split('\n')[0]).toBe('## ❌ package-storage policy: PR #7 into production is blocked');
    // (Matches, not the text: a failure must not print a megabyte.)
    expect(markdown.split('\n')[2]).toBe(
      '**10000 violations in 5000 of 5000 changed versions must be fixed before this can merge:** manifest (5000), not-promoted (5000).',
    );
    expect(
      markdown.match(/… and \d+ more packages with findings: the `findings` output lists every finding\./)
        ?.length,
    ).toBe(1);
    expect(
      markdown.match(/… and \d+ more versions? \(the `changes` output lists every change\)\./)?.length,
    ).toBe(1);
    expect(markdown.match(/… and \d+ more versions? \(the `changes` output lists all\)\./)?.length).toBe(1);
  });

  it('fits a PR comment and a check run summary (65,536 characters) and points at the full job summary', () => {
    const { findings, changes } = manyVersions(500, 10);
    const markdown = renderReport(checked(findings, changes), {
      budget: commentBudget,
      condensed: true,
      runUrl: 'https://github.com/acme/s/actions/runs/1',
    });
    expect(markdown.length).toBeLessThanOrEqual(65_535);
    expect(markdown).toContain(
      'the full report is the [job summary](https://github.com/acme/s/actions/runs/1)',
    );
    expect(markdown).toContain('### What to fix');
  });

  it('collapses by package when long, and not when short', () => {
    const few = manyVersions(2, 1);
    expect(renderReport(checked(few.findings, few.changes), { budget: summaryBudget })).not.toContain(
      '<details><summary>❌ pkg',
    );
    const many = manyVersions(20, 1);
    expect(
      renderReport(checked(many.findings, many.changes), { budget: summaryBudget }).match(
        /<details><summary>❌ pkg&#95;\d+: 1 version, 2 violations<\/summary>/g,
      ),
    ).toHaveLength(20);
  });

  it("puts a finding's what to do with the finding, not inside the last of its items", () => {
    const { findings, changes } = manyVersions(1, 3);
    const html = marked.parse(renderReport(checked(findings, changes), { budget: summaryBudget }), {
      async: false,
    });
    const manifest = html.slice(html.indexOf('<strong>manifest</strong>: 3 manifest problems'));
    const item = manifest.slice(0, manifest.indexOf('</li>\n</ul>'));
    // The message, what to do, then the list of items: no item holds the advice.
    expect(item).toMatch(
      /^<strong>manifest<\/strong>: 3 manifest problems[^<]*<br><strong>What to do:<\/strong> Fix/,
    );
    const items = item.slice(item.indexOf('<ul>')).split('<li>').slice(1);
    // Three items and the line saying how many more there are (40 in all).
    expect(items).toHaveLength(4);
    expect(items[3]).toContain('… and 37 more (40 in all');
    for (const i of items) expect(i).not.toContain('What to do');
  });

  it('keeps untrusted text as text: no HTML, links, mentions or table cells of its own', () => {
    const hostile =
      '<img src=x onerror=alert(1)> @everyone [click](http://evil.example) | a | **b** `c` www.evil.example';
    const findings: Finding[] = [
      {
        rule: 'title-prefix',
        severity: 'error',
        message: `PR title must start with "[production]" (got ${JSON.stringify(hostile)})`,
      },
      {
        rule: 'layout',
        severity: 'error',
        message: hostile,
        package: 'nginx',
        version: '1.0.0',
        path: `packages/nginx/1.0.0/${hostile}`,
      },
    ];
    const changes: VersionVerdict[] = [
      { name: 'nginx', version: '1.0.0', kind: 'added', after: 't', verdict: 'fail', rules: ['layout'] },
    ];
    const html = marked.parse(
      renderReport(
        checked(findings, changes, {
          pull: {
            number: 7,
            title: hostile,
            headRef: hostile,
            headSha: 'a'.repeat(40),
            baseRef: 'production',
            baseSha: 'b'.repeat(40),
            url: '',
            fromPromote: false,
          },
        }),
        {
          budget: summaryBudget,
        },
      ),
      { gfm: true, async: false },
    );
    expect(html).not.toMatch(/<img|<a href="http:\/\/evil|href="http:\/\/www\.evil|onerror=alert\(1\)>/);
    expect(html).not.toContain('@everyone');
    expect(html).not.toMatch(/<strong>b<\/strong>|<code>c<\/code>/);
    // The text is all there, escaped.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('@\u200beveryone');
  });

  it('keeps issue references and bidirectional controls in untrusted text as inert text', () => {
    const hostile = 'fixes #1, GH-2 and acme/other#3 \u202etxt.exe';
    const findings: Finding[] = [
      { rule: 'title-prefix', severity: 'error', message: `PR title: ${JSON.stringify(hostile)}` },
      {
        rule: 'layout',
        severity: 'error',
        message: 'x',
        package: 'nginx',
        version: '1.0.0',
        path: `packages/nginx/1.0.0/${hostile}`,
      },
    ];
    const changes: VersionVerdict[] = [
      { name: 'nginx', version: '1.0.0', kind: 'added', after: 't', verdict: 'fail', rules: ['layout'] },
    ];
    const html = marked.parse(renderReport(checked(findings, changes), { budget: summaryBudget }), {
      gfm: true,
      async: false,
    });
    // GitHub links `#1`, `GH-2` and `owner/repo#3` in the rendered text (entities decoded): a zero-width space
    // after `#` and after `GH-` keeps each text, as for @mentions.
    expect(html).not.toMatch(/#1,|GH-2 |other#3/);
    expect(html).toContain('#\u200b1');
    expect(html).toContain('GH-\u200b2');
    expect(html).toContain('acme/other#\u200b3');
    // The right-to-left override is shown as what it is, never applied.
    expect(html).not.toContain('\u202e');
    expect(html).toContain('\\u202etxt.exe');
  });
});

describe('annotations within GitHub’s limits', () => {
  const ctx: AdviceContext = { policy, channel: production, kind: 'pull' };
  const error = (rule: Finding['rule'], i: number): Finding => ({
    rule,
    severity: 'error',
    message: `${rule} ${i}`,
    package: `p${String(i).padStart(2, '0')}`,
    version: '1.0.0',
    path: `packages/p${i}/1.0.0`,
  });
  const warning = (i: number): Finding => ({
    rule: 'registry-version',
    severity: 'warning',
    message: `drift ${i}`,
    path: 'Dockerfile',
  });

  it('chooses the 9 most blocking errors (what no exception lifts first), 10 warnings, notes before notices', () => {
    const findings = [
      ...Array.from({ length: 20 }, (_, i) => error('not-promoted', i)),
      ...Array.from({ length: 5 }, (_, i) => error('manifest', 20 + i)),
      ...Array.from({ length: 3 }, (_, i) => error('overwrite', 30 + i)),
      ...Array.from({ length: 15 }, (_, i) => warning(i)),
    ];
    const plan = planAnnotations(
      findings,
      ['PR #7: label "policy-exception" is on the PR but approves nothing yet'],
      ctx,
      {
        errorSlots: 9,
        where: 'the job summary lists all',
      },
    );
    const errors = plan.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => a.title)).toEqual([
      ...['p20', 'p21', 'p22', 'p23', 'p24'].map((p) => `manifest: ${p}@1.0.0`),
      ...['p30', 'p31', 'p32'].map((p) => `overwrite: ${p}@1.0.0`),
      'not-promoted: p00@1.0.0',
    ]);
    expect(plan.omitted).toEqual({ error: 19, warning: 5, notice: 0 });
    const warnings = plan.annotations.filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings[9]!.message).toBe(
      "[registry-version] drift 9 — What to do: Pin the same package-registry in every channel's Dockerfile (bump the others too), or accept the drift for now. (and 5 more warnings: the job summary lists all)",
    );
    expect(plan.annotations.filter((a) => a.level === 'notice').map((a) => a.message)).toEqual([
      'PR #7: label "policy-exception" is on the PR but approves nothing yet',
    ]);
  });

  it('puts every finding with a path on the check run, pathless ones in its summary', () => {
    const findings: Finding[] = [
      error('manifest', 1),
      { rule: 'title-prefix', severity: 'error', message: 'PR title must start with "[production]"' },
      { ...warning(1), line: 3 },
      {
        rule: 'removal',
        severity: 'notice',
        message: 'allowed',
        package: 'a',
        version: '1.0.0',
        path: 'packages/a/1.0.0',
      },
    ];
    expect(
      checkRunAnnotations(findings, ctx).map((a) => [a.annotation_level, a.path, a.start_line, a.title]),
    ).toEqual([
      ['failure', 'packages/p1/1.0.0', 1, 'manifest: p01@1.0.0'],
      ['warning', 'Dockerfile', 3, 'registry-version'],
      ['notice', 'packages/a/1.0.0', 1, 'removal: a@1.0.0'],
    ]);
  });
});
