import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { defaultPolicy, moreStable, promotionSources, servedChannels } from '../../src/core/policy.js';

function configError(text: string): ConfigError {
  try {
    parsePolicy(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('policy configuration', () => {
  it('has built-in defaults that are exactly the documented table', () => {
    const policy = defaultPolicy();
    expect(
      policy.channels.map((c) => [
        c.name,
        c.branch,
        c.arrival,
        c.overwrite,
        c.removal,
        c.versionIncrement,
        c.exceptionApprovers,
        c.frozen,
      ]),
    ).toEqual([
      // Production removals (legal, security) need an admin's approved exception; overwrites never happen.
      ['production', 'production', 'promotion', 'never', 'exception', true, 'admin', false],
      ['staging', 'staging', 'promotion', 'exception', 'exception', false, 'maintain', false],
      ['snapshot', 'snapshot', 'direct', 'allow', 'allow', false, 'maintain', false],
    ]);
    expect(policy.identity).toBe('content');
    expect(policy.rules['registry-version']).toBe('warning');
    expect(policy.rules['github-files']).toBe('notice');
    expect(policy.promotions).toEqual([
      { from: 'snapshot', to: 'staging' },
      { from: 'staging', to: 'production' },
    ]);
    const [production, staging, snapshot] = policy.channels;
    expect(servedChannels(policy, snapshot!).map((c) => c.name)).toEqual([
      'production',
      'staging',
      'snapshot',
    ]);
    expect(servedChannels(policy, staging!).map((c) => c.name)).toEqual(['production', 'staging']);
    expect(servedChannels(policy, production!).map((c) => c.name)).toEqual(['production']);
    expect(moreStable(policy, snapshot!).map((c) => c.name)).toEqual(['staging', 'production']);
    expect(promotionSources(policy, production!).map((c) => c.name)).toEqual(['staging']);
    expect(policy.titlePrefix).toBe('[{branch}]');
    expect(policy.forbiddenPaths).toEqual(['**/_*', '**/_*/**']);
  });

  it('an empty file or comments only means the defaults', () => {
    expect(parsePolicy('')).toEqual(defaultPolicy());
    expect(parsePolicy('# nothing here\n')).toEqual(defaultPolicy());
  });

  it('reads every key', () => {
    const policy = parsePolicy(`
packages-root: pkgs
channels:
  - name: production
    branch: prod
    rules:
      shadowed: warning
  - name: staging
  - name: snapshot
    direct-commits: false
    frozen: true
    exception-approvers: admin
promotions:
  - from: snapshot
    to: staging
  - from: staging
    to: production
identity: tree
title-prefix: "({branch})"
exception-label: approved-exception
forbidden-paths: ["**/_dev/**"]
exceptions:
  - package: apm@8.1.0
    channel: staging
    rules: [overwrite]
    reason: broken build
  - package: nginx@7.17-dev1
    rules: [removal, version-increment]
rules:
  title-prefix: warning
  size: off
limits:
  manifest-bytes: 2048
  file-bytes: 4096
  files-per-version: 10
release:
  allow-overwrite: true
`);
    expect(policy.packagesRoot).toBe('pkgs');
    expect(policy.channels[0]).toMatchObject({
      name: 'production',
      branch: 'prod',
      overwrite: 'never',
      rules: { shadowed: 'warning' },
    });
    expect(policy.channels[2]).toMatchObject({
      name: 'snapshot',
      directCommits: false,
      arrival: 'direct',
      frozen: true,
      exceptionApprovers: 'admin',
    });
    expect(policy.identity).toBe('tree');
    expect(policy.titlePrefix).toBe('({branch})');
    expect(policy.exceptionLabel).toBe('approved-exception');
    expect(policy.forbiddenPaths).toEqual(['**/_dev/**']);
    expect(policy.exceptions).toEqual([
      { name: 'apm', version: '8.1.0', channel: 'staging', rules: ['overwrite'], reason: 'broken build' },
      { name: 'nginx', version: '7.17-dev1', rules: ['removal', 'version-increment'] },
    ]);
    expect(policy.rules['title-prefix']).toBe('warning');
    expect(policy.rules.size).toBe('off');
    expect(policy.rules.overwrite).toBe('error');
    expect(policy.limits).toEqual({ manifestBytes: 2048, fileBytes: 4096, filesPerVersion: 10 });
    expect(policy.release.allowOverwrite).toBe(true);
  });

  it('custom channels get edges to the next more stable channel by default', () => {
    const policy = parsePolicy(`
channels:
  - name: stable
    arrival: promotion
    overwrite: never
    removal: never
  - name: beta
    arrival: promotion
    overwrite: exception
    removal: promoted
  - name: edge
    arrival: direct
    overwrite: allow
    removal: allow
`);
    expect(policy.promotions).toEqual([
      { from: 'beta', to: 'stable' },
      { from: 'edge', to: 'beta' },
    ]);
    expect(policy.channels.map((c) => c.branch)).toEqual(['stable', 'beta', 'edge']);
  });

  it.each([
    [
      'channels:\n  - name: production\n    overwrite: sometimes\n',
      'channels[0].overwrite',
      'must be one of allow, exception, never (got "sometimes")',
    ],
    [
      'channels:\n  - name: production\n    overwrites: never\n',
      'channels[0].overwrites',
      'unknown key (did you mean "overwrite"?)',
    ],
    ['titel-prefix: x\n', 'titel-prefix', 'did you mean "title-prefix"?'],
    ['rules:\n  shadowed: fatal\n', 'rules.shadowed', 'must be one of error, warning, notice, off'],
    ['rules:\n  merge-conflict: off\n', 'rules.merge-conflict', 'unknown key'],
    ['identity: bytes\n', 'identity', 'must be one of content, tree'],
    ['channels:\n  - name: production\n    frozen: yes\n', 'channels[0].frozen', 'must be boolean'],
    [
      'channels:\n  - name: production\n    exception-approvers: write\n',
      'channels[0].exception-approvers',
      'must be one of maintain, admin',
    ],
    ['rules:\n  no-such-rule: error\n', 'rules.no-such-rule', 'unknown key'],
    ['limits:\n  file-bytes: lots\n', 'limits.file-bytes', 'must be integer (got "lots")'],
    ['channels: production\n', 'channels', 'must be array'],
    [
      'exceptions:\n  - package: apm\n    rules: [overwrite]\n',
      'exceptions[0].package',
      'must match pattern',
    ],
    [
      'exceptions:\n  - package: apm@1.0/docs\n    rules: [overwrite]\n',
      'exceptions[0].package',
      'must match pattern',
    ],
    [
      'exceptions:\n  - package: apm@1.0.0\n    rules: [layout]\n',
      'exceptions[0].rules[0]',
      'must be one of overwrite, removal, version-increment, not-promoted, shadowed, frozen',
    ],
    [
      'exceptions:\n  - package: apm@1.0.0\n    rules: [overwrite]\n    channel: nope\n',
      'exceptions[0].channel',
      'unknown channel "nope"',
    ],
    [
      'promotions:\n  - from: production\n    to: snapshot\n',
      'promotions[0]',
      'does not lead to a more stable channel',
    ],
    ['promotions:\n  - from: snapshot\n    to: nowhere\n', 'promotions[0].to', 'unknown channel "nowhere"'],
    ['promotions: []\n', 'channels[0].arrival', 'no promotion edge leads to it'],
    [
      'channels:\n  - name: edge\n',
      'channels[0].arrival',
      'required for a channel without built-in defaults',
    ],
    ['channels:\n  - name: production\n  - name: production\n', 'channels[1].name', 'duplicate channel'],
    [
      'channels:\n  - name: production\n  - name: staging\n    branch: production\n',
      'channels[1].branch',
      'already used by channel production',
    ],
    ['- just a list\n', '(top level)', 'must be object'],
    // A packages root outside the tree, the tree itself or under .github would make every change look like none.
    ['packages-root: ..\n', 'packages-root', '".." is not a normalized path inside the repository'],
    ['packages-root: ../other\n', 'packages-root', 'not a normalized path inside the repository'],
    ['packages-root: packages/../x\n', 'packages-root', 'not a normalized path inside the repository'],
    ['packages-root: a//b\n', 'packages-root', 'not a normalized path inside the repository'],
    ['packages-root: .\n', 'packages-root', '"." is not a directory inside the repository'],
    ['packages-root: .github\n', 'packages-root', 'is under .github/'],
    ['packages-root: .GitHub/packages\n', 'packages-root', 'is under .GitHub/'],
    ['packages-root: .git/x\n', 'packages-root', 'is under .git/'],
    [
      [
        'channels:',
        '  - { name: c, arrival: direct, overwrite: allow, removal: allow }',
        '  - { name: to-c, arrival: direct, overwrite: allow, removal: allow }',
        '  - { name: b-to, arrival: direct, overwrite: allow, removal: allow }',
        '  - { name: b, arrival: direct, overwrite: allow, removal: allow }',
        'promotions:',
        '  - { from: b, to: to-c }',
        '  - { from: b-to, to: c }',
        '',
      ].join('\n'),
      'promotions[1]',
      'promotions b -> to-c and b-to -> c would share the branch promote/b-to-to-c',
    ],
  ])('rejects %j naming %s', (text, key, fragment) => {
    const error = configError(text);
    expect(error.key).toBe(key);
    expect(error.message).toContain(key);
    expect(error.message).toContain(fragment);
    expect(error.exitCode).toBe(2);
  });

  it.each([
    ['packages-root: ./packages\n', 'packages'],
    ['packages-root: ././storage/packages\n', 'storage/packages'],
    ['packages-root: .github-mirror/packages\n', '.github-mirror/packages'],
  ])('normalizes the packages root %j to %j', (text, root) => {
    expect(parsePolicy(text, 'policy.yml').packagesRoot).toBe(root);
  });

  it('reports unparsable YAML with the file and line', () => {
    const error = configError('channels:\n  - name: [unclosed\n');
    expect(error.message).toMatch(/^\.github\/package-storage\.yml: not valid YAML: .*line 3|\(3:/);
  });
});
