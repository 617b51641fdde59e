// Property of the title-prefix rule through validateChange (src/core/validate.ts): a finding appears iff the PR
// title does not start with the configured prefix for the base branch, whatever the title holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdingsOf, type ChangedPath, type Holdings, type VersionContent } from '../../src/core/change.js';
import { defaultPolicy, type Policy, type RuleSetting } from '../../src/core/policy.js';
import { validateChange, type ValidationInput } from '../../src/core/validate.js';
import { runs } from '../support/properties/runs.js';
import { anyString } from '../support/properties/text.js';

const setting = fc.constantFrom<RuleSetting | undefined>('error', 'warning', 'off', undefined);

/** Branch names git accepts, optionally with `$` replacement patterns (`$&`, `$$`, `$'`, `` $` ``, `$1`). */
const branchName = (dollar: boolean): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.constantFrom(
        ...'abcz09-_./+@{}[]'.split(''),
        ...(dollar ? ['$', '$&', '$$', "$'", '$`', '$1'] : []),
      ),
      minLength: 1,
      maxLength: 12,
    })
    .filter((b) => !b.includes('..') && !b.startsWith('/') && !b.endsWith('/') && !b.endsWith('.'));

/** `title-prefix` templates: the default, others around {branch}, none or several {branch}. */
const template = fc.oneof(
  { weight: 3, arbitrary: fc.constant('[{branch}]') },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constant('{branch}'), anyString({ maxLength: 3 })), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(''))
      .filter((t) => t.length > 0),
  },
);

interface Case {
  policy: Policy;
  channel: number;
  prefix: string;
  title: string | undefined;
  withChange: boolean;
}

const caseOf = (dollar: boolean): fc.Arbitrary<Case> =>
  fc
    .record({
      template,
      branches: fc.uniqueArray(branchName(dollar), { minLength: 3, maxLength: 3 }),
      channel: fc.integer({ min: 0, max: 2 }),
      global: setting,
      perChannel: setting,
      withChange: fc.boolean(),
    })
    .chain(({ template: t, branches, channel, global, perChannel, withChange }) => {
      const policy = defaultPolicy();
      policy.titlePrefix = t;
      policy.channels.forEach((c, i) => (c.branch = branches[i]!));
      if (global) policy.rules['title-prefix'] = global;
      if (perChannel) policy.channels[channel]!.rules['title-prefix'] = perChannel;
      // The documented meaning of the template: every {branch} is the base branch, verbatim.
      const prefix = t.split('{branch}').join(branches[channel]);
      const title = fc.oneof(
        { weight: 3, arbitrary: anyString({ maxLength: 200 }) },
        { weight: 4, arbitrary: anyString({ maxLength: 40 }).map((rest) => prefix + rest) },
        // near misses: the prefix cut short, one character changed, after a space, in another case
        {
          weight: 3,
          arbitrary: fc
            .tuple(fc.nat({ max: Math.max(prefix.length - 1, 0) }), anyString({ minLength: 1, maxLength: 2 }))
            .map(([i, c]) => prefix.slice(0, i) + c + prefix.slice(i + 1)),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            ` ${prefix}`,
            prefix.toUpperCase(),
            prefix.slice(0, -1),
            `${prefix}\n::set-output name=x::y`,
            `::error::${prefix}`,
            `\`${prefix}\``,
            `$(id)\n${prefix}`,
          ),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
      return fc.record({
        policy: fc.constant(policy),
        channel: fc.constant(channel),
        prefix: fc.constant(prefix),
        title,
        withChange: fc.constant(withChange),
      });
    });

function validate(c: Case): ReturnType<typeof validateChange> {
  const channel = c.policy.channels[c.channel]!;
  const holdings = new Map<string, Holdings>(c.policy.channels.map((ch) => [ch.name, holdingsOf([])]));
  const paths: ChangedPath[] = [];
  const content = new Map<string, VersionContent>();
  if (c.withChange) {
    paths.push({
      path: 'packages/nginx/1.0.0/manifest.yml',
      status: 'added',
      oldMode: '000000',
      newMode: '100644',
      oldBlob: '0'.repeat(40),
      newBlob: 'b'.repeat(40),
    });
    content.set('nginx@1.0.0', {
      fileCount: 2,
      truncated: false,
      readme: true,
      manifest: {
        size: 80,
        text: 'format_version: 1.0.0\nname: nginx\ntitle: T\nversion: 1.0.0\ndescription: D\n',
      },
    });
  }
  const input: ValidationInput = {
    policy: c.policy,
    channel,
    paths,
    holdings,
    after: holdingsOf(c.withChange ? [{ name: 'nginx', version: '1.0.0', tree: 't'.repeat(40) }] : []),
    content,
    ...(c.title !== undefined ? { title: c.title } : {}),
  };
  return validateChange(input);
}

function check(c: Case): void {
  const findings = validate(c).findings.filter((f) => f.rule === 'title-prefix');
  const channel = c.policy.channels[c.channel]!;
  const severity = channel.rules['title-prefix'] ?? c.policy.rules['title-prefix'];
  const violates = c.title !== undefined && !c.title.startsWith(c.prefix);
  expect(findings.length).toBe(violates && severity !== 'off' ? 1 : 0);
  for (const f of findings) {
    expect(f.severity).toBe(severity);
    expect(f.package).toBeUndefined();
    // The untrusted title is quoted as JSON (no raw line breaks), cut at 120 characters.
    const at = f.message.lastIndexOf('(got ');
    expect(at).toBeGreaterThan(-1);
    expect(f.message.endsWith(')')).toBe(true);
    const quoted = f.message.slice(at + 5, -1);
    expect(quoted).not.toMatch(/[\r\n]/);
    const shown = JSON.parse(quoted) as string;
    expect(shown.endsWith('…') ? c.title!.startsWith(shown.slice(0, -1)) : shown === c.title).toBe(true);
    // It names the prefix the title needs (the policy is trusted text, shown as written).
    expect(f.message.startsWith(`PR title must start with "${c.prefix}" (got `)).toBe(true);
  }
}

describe('property: title-prefix rule', () => {
  it('reports iff the title does not start with the prefix for the base branch', () => {
    fc.assert(fc.property(caseOf(false), check), runs(3));
  });

  // Regression (was a bug): titlePrefixFor (src/core/policy.ts) uses String.replaceAll with the branch as the replacement string, so
  // `$&`, `$$`, `$'`, `` $` `` in a branch name are expanded: branch `a$&` with the default template requires
  // the prefix "[a{branch}]" instead of "[a$&]", and a title "[a$&] x" is refused. Minimal counterexample:
  //   titlePrefixFor({ ...defaultPolicy(), titlePrefix: '[{branch}]' }, '$&') === '[{branch}]' (want '[$&]')
  // Fixed: the replacement is literal (split/join).
  it('reports iff the title does not start with the prefix, for branch names with `$`', () => {
    fc.assert(fc.property(caseOf(true), check), runs(3));
  });
});
