// What a maintainer sees of a red check with many problems, from the bundled action run as a child process the way
// the runner runs it, against real git and the OpenAPI-checked fake GitHub API: annotations within GitHub's limits
// (the most blocking ones, the failure message saying how many more), the job summary with every violation's
// message and what to do, the `report` output, the sticky comment created, updated and resolved, and the check run
// carrying every annotation (or the fallback when the token may not create one).
import { getOctokit } from '@actions/github';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../support/git.js';
import type { ActionRun } from '../support/run-action.js';
import type { VersionSpec } from '../support/storage-origin.js';
import {
  failingChange,
  holdings,
  owner,
  passingChange,
  promoteBot,
  repo,
  runOnPull,
  storageRepository,
  validatePull,
  type Repository,
} from '../support/validate-scenarios.js';

let r: Repository;
const marker = '<!-- package-storage-actions validate report -->';

beforeAll(async () => {
  r = await storageRepository();
});
afterAll(async () => {
  await r.close();
  await cleanupTempDirs();
});
afterEach(() => {
  expect(r.gh.violations).toEqual([]);
});

const api = () => getOctokit(r.gh.token, { baseUrl: r.gh.url });

interface FindingOut {
  rule: string;
  severity: string;
  package: string | null;
  version: string | null;
  path: string | null;
  message: string;
  count: number;
}
const findings = (run: ActionRun): FindingOut[] => JSON.parse(run.outputs.findings ?? '[]') as FindingOut[];

/**
 * The summary as a reader sees its text: without the HTML tags, the entities the report escapes with decoded, and
 * without the zero-width space that keeps `name@version` from linking a user.
 */
const text = (markdown: string): string =>
  markdown
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\u200b/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** A small valid package (a manifest and a README), for changes of dozens of versions. */
const small = (name: string, version: string): VersionSpec => ({
  name,
  version,
  generate: false,
  manifest: { name, version, kibana: { range: '^8.12.0', spelling: 'dotted', quote: 'double' } },
  files: { 'docs/README.md': `# ${name}\n\nCollect ${name} logs.\n` },
});

/** Dozens of versions, most skipping staging; one version with 40 bad files; overwrites; a bad title. */
function manyProblems(count = 30): { add: VersionSpec[]; title: string } {
  const add: VersionSpec[] = [];
  // Versions in no channel yet (not-promoted).
  for (let i = 0; i < count; i++) add.push(small(`pkg_${String(i).padStart(2, '0')}`, '1.0.0'));
  // Production's released versions with other content (overwrite + not-promoted).
  add.push({ ...holdings.production[0]!, seed: 90 }, { ...holdings.production[1]!, seed: 91 });
  // A version with 40 bad files: 20 development files (forbidden-path), 20 under a directory with "-" (layout).
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`_dev/build/fixture_${i}.json`] = `{"n": ${i}}\n`;
  for (let i = 0; i < 20; i++) files[`data_stream/access-logs/fields/field_${i}.yml`] = `- name: f${i}\n`;
  add.push({ name: 'badfiles', version: '2.0.0', seed: 95, files });
  // Staging's copies, promoted properly (they pass).
  add.push(holdings.staging[0]!, holdings.staging[1]!);
  return { add, title: 'Add many packages' };
}

describe('a red check with many problems (bundled action)', () => {
  let run: ActionRun;
  let number: number;

  beforeAll(async () => {
    const { add, title } = manyProblems();
    ({ run, number } = await validatePull(r, {
      base: 'production',
      change: { add },
      title,
      head: 'many-problems',
      inputs: { comment: 'on-failure' },
      mode: 'bundle',
    }));
  });

  it('fails with at most 10 error annotations, the most blocking first, the last one saying how many more', () => {
    expect(run.exitCode, run.stderr).toBe(1);
    const all = findings(run);
    const errors = all.filter((f) => f.severity === 'error');
    // 30 + 2 not-promoted, 2 overwrite, title-prefix, the bad version's forbidden-path, layout and not-promoted.
    expect(errors.length).toBe(38);
    const annotations = run.annotations.filter((a) => a.level === 'error');
    expect(annotations).toHaveLength(10);
    // One per version and rule, never per file: the 40 bad files are two annotations.
    const bad = annotations.filter((a) => a.title?.endsWith('badfiles@2.0.0'));
    expect(bad.map((a) => a.title)).toEqual([
      'layout: badfiles@2.0.0',
      'forbidden-path: badfiles@2.0.0',
      'not-promoted: badfiles@2.0.0',
    ]);
    // What the registry would refuse comes before what an exception could lift.
    const rules = annotations.slice(0, 9).map((a) => a.title?.split(':')[0]);
    expect(rules.slice(0, 2)).toEqual(['layout', 'forbidden-path']);
    expect(rules.indexOf('overwrite')).toBeLessThan(rules.indexOf('not-promoted'));
    expect(annotations[9]!.message).toBe(
      `package-storage policy: 38 violations (layout, forbidden-path, overwrite, title-prefix, not-promoted); 9 annotated here, 29 more with what to do in the job summary`,
    );
    for (const a of annotations.slice(0, 9)) expect(a.message).toContain(' — What to do: ');
    expect(run.annotations.filter((a) => a.level === 'warning').length).toBeLessThanOrEqual(10);
    expect(run.annotations.filter((a) => a.level === 'notice').length).toBeLessThanOrEqual(10);
  });

  it('writes a summary under 1 MiB with every violation, its message and what to do', () => {
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    const shown = text(run.summary);
    expect(shown).toMatch(/^## ❌ package-storage policy: PR #\d+ into production is blocked/);
    expect(shown).toContain(
      '**38 violations in 33 of 35 changed versions and in the change itself must be fixed before this can merge:**',
    );
    for (const f of findings(run).filter((x) => x.severity !== 'notice')) expect(shown).toContain(f.message);
    // The 40 files: counted, the first ones listed with their paths.
    const forbidden = findings(run).find((f) => f.rule === 'forbidden-path')!;
    expect(forbidden.count).toBe(20);
    expect(shown).toContain('packages/badfiles/2.0.0/_dev/build/fixture_0.json');
    expect(shown).toContain('… and 10 more (20 in all');
    // What to do: the exact promote inputs that bring the versions in through staging.
    expect(shown).toContain('from: snapshot');
    expect(shown).toMatch(/packages: badfiles@2\.0\.0, pkg_00@1\.0\.0, pkg_01@1\.0\.0, /);
    expect(shown).toContain('Edit the PR title to start with [production]');
    // Long summaries collapse by package.
    expect(
      run.summary.match(/<details><summary>❌ pkg&#95;\d\d: 1 version, 1 violation<\/summary>/g),
    ).toHaveLength(30);
  });

  it('sets the report output to the summary it wrote, and posts it as the sticky comment', async () => {
    expect(run.summary).toBe(`${run.outputs.report}\n`);
    expect(run.outputs.comment).toBe('created');
    const { data } = await api().rest.issues.listComments({ owner, repo, issue_number: number });
    expect(data).toHaveLength(1);
    expect(data[0]!.body!.startsWith(marker)).toBe(true);
    expect(data[0]!.body!.length).toBeLessThanOrEqual(65_536);
    expect(text(data[0]!.body!)).toContain('is blocked');
    expect(text(data[0]!.body!)).toContain(
      '[job summary](https://github.com/acme/package-storage/actions/runs/',
    );
  });

  it('updates the comment in place on the next push, and marks it resolved when the check passes', async () => {
    const [first] = (await api().rest.issues.listComments({ owner, repo, issue_number: number })).data;
    // A push that leaves one problem: the same comment, updated.
    const { add } = manyProblems();
    const removeVersions = add
      .filter((v) => v.name.startsWith('pkg_') && v.name !== 'pkg_00')
      .concat(add.filter((v) => v.name === 'badfiles'))
      .map(({ name, version }) => ({ name, version }));
    const pull = r.gh.pulls.get(number)!;
    pull.title = '[production] Add a package';
    const again = await validatePull(r, {
      base: 'production',
      number,
      head: 'many-problems',
      // Production's own copies back, the new versions but one gone.
      change: { removeVersions, add: [holdings.production[0]!, holdings.production[1]!] },
      title: pull.title,
      inputs: { comment: 'on-failure' },
      mode: 'bundle',
    });
    expect(again.run.exitCode).toBe(1);
    expect(again.run.outputs.comment).toBe('updated');
    let comments = (await api().rest.issues.listComments({ owner, repo, issue_number: number })).data;
    expect(comments.map((c) => c.id)).toEqual([first!.id]);
    expect(text(comments[0]!.body!), comments[0]!.body).toContain(
      '1 violation in 1 of 3 changed versions must be fixed',
    );

    // The fix: the package comes through staging instead (its copy there), and the check passes.
    await r.origin.commit('staging', { add: [small('pkg_00', '1.0.0')] });
    const passed = await runOnPull(r, {
      base: 'production',
      number,
      head: 'many-problems',
      inputs: { comment: 'on-failure' },
      mode: 'bundle',
    });
    expect(passed.run.exitCode, passed.run.stdout).toBe(0);
    expect(passed.run.outputs.comment).toBe('updated');
    comments = (await api().rest.issues.listComments({ owner, repo, issue_number: number })).data;
    expect(comments.map((c) => c.id)).toEqual([first!.id]);
    expect(comments[0]!.body).toContain('## ✅ Resolved — package-storage policy:');
    expect(r.gh.calls('issues/create-comment')).toHaveLength(1);
  });
});

describe('the sticky comment', () => {
  it('is never duplicated: a duplicate left by a concurrent run is deleted, and on-failure creates none on a pass', async () => {
    const { change, title, head, user } = passingChange();
    const opened = await validatePull(r, {
      base: 'production',
      change,
      title,
      head,
      user,
      inputs: { comment: 'on-failure' },
    });
    expect(opened.run.exitCode, opened.run.stdout).toBe(0);
    expect(opened.run.outputs.comment).toBe('none');
    // promote's PR, recognised: the `exact` output for automation, the sentence for the maintainer.
    expect(JSON.parse(opened.run.outputs.exact!)).toEqual({
      kind: 'promotion',
      from: 'staging',
      to: 'production',
    });
    expect(text(opened.run.summary)).toContain(
      '**A pure promotion from staging, 3 versions:** each is an identical copy of the one in staging, and nothing else changes',
    );
    const octokit = api();
    const list = () => octokit.rest.issues.listComments({ owner, repo, issue_number: opened.number });
    expect((await list()).data).toEqual([]);
    // Two runs raced and both created one.
    for (const body of [`${marker}\nold report 1`, `${marker}\nold report 2`])
      await octokit.rest.issues.createComment({ owner, repo, issue_number: opened.number, body });
    await octokit.rest.issues.createComment({ owner, repo, issue_number: opened.number, body: 'LGTM' });
    const always = await runOnPull(r, {
      base: 'production',
      number: opened.number,
      head,
      inputs: { comment: 'always' },
    });
    expect(always.run.outputs.comment).toBe('updated');
    const after = (await list()).data;
    expect(after.map((c) => c.body!.split('\n')[0])).toEqual([marker, 'LGTM']);
    expect(text(after[0]!.body!)).toContain('A pure promotion from staging, 3 versions');
    // Another run (its own run link in the report): the same comment, updated.
    const again = await runOnPull(r, {
      base: 'production',
      number: opened.number,
      head,
      inputs: { comment: 'always' },
    });
    expect(again.run.outputs.comment).toBe('updated');
    expect((await list()).data.map((c) => c.id)).toEqual(after.map((c) => c.id));
    r.gh.closePull(opened.number);
  });

  it("is ours only when the token's account wrote it: a planted report and a maintainer's quote are left alone", async () => {
    const { change, title, labels } = failingChange();
    const head = 'planted-report';
    await r.origin.commit(head, { parent: 'production', ...change });
    const number = (await r.gh.openPull({ head, base: 'production', title, user: 'contributor' })).number;
    for (const l of labels) r.gh.addLabel(number, l.label, l.actor);
    const deletes = r.gh.calls('issues/delete-comment').length;
    // Before any run: a fake "passing" report by the contributor, and a maintainer quoting the marker.
    r.gh.addComment(number, 'contributor', `${marker}\n## ✅ package-storage policy: passes`);
    r.gh.addComment(number, 'maintainer', `${marker}\n> the bot said it fails; looking`);
    const octokit = api();
    const list = async () =>
      (await octokit.rest.issues.listComments({ owner, repo, issue_number: number })).data.map((c) => ({
        by: c.user!.login,
        first: c.body!.split('\n')[1]!,
      }));
    const failing = await runOnPull(r, {
      base: 'production',
      number,
      head,
      inputs: { comment: 'on-failure' },
    });
    expect(failing.run.exitCode).toBe(1);
    expect(failing.run.outputs.comment).toBe('created');
    const planted = [
      { by: 'contributor', first: '## ✅ package-storage policy: passes' },
      { by: 'maintainer', first: '> the bot said it fails; looking' },
    ];
    expect(await list()).toEqual([
      ...planted,
      {
        by: 'github-actions[bot]',
        first: expect.stringMatching(/^## ❌ package-storage policy: PR #\d+ into production is blocked/),
      },
    ]);

    // Control: the fix resolves our comment, and only ours.
    await r.origin.commit(head, { parent: 'production', files: { 'docs/notes.md': 'notes\n' } });
    r.gh.pulls.get(number)!.title = '[production] Notes';
    const fixed = await runOnPull(r, { base: 'production', number, head, inputs: { comment: 'on-failure' } });
    expect(fixed.run.exitCode, fixed.run.stdout).toBe(0);
    expect(fixed.run.outputs.comment).toBe('updated');
    expect(await list()).toEqual([
      ...planted,
      {
        by: 'github-actions[bot]',
        first: expect.stringMatching(/^## ✅ Resolved — package-storage policy:/),
      },
    ]);
    expect(r.gh.calls('issues/delete-comment')).toHaveLength(deletes);
  });
});

describe('annotations: check-run', () => {
  it('carries every annotation on a check run of the head commit, 50 per request', async () => {
    const { add, title } = manyProblems(60);
    const creates = r.gh.calls('checks/create').length;
    const updates = r.gh.calls('checks/update').length;
    const { run, headSha } = await validatePull(r, {
      base: 'production',
      change: { add },
      title,
      inputs: { annotations: 'check-run' },
      mode: 'bundle',
    });
    expect(run.exitCode).toBe(1);
    const withPath = findings(run).filter((f) => f.path !== null);
    expect(withPath.length).toBeGreaterThan(50);
    expect(r.gh.calls('checks/create').length - creates).toBe(1);
    expect(r.gh.calls('checks/update').length - updates).toBe(Math.ceil(withPath.length / 50) - 1);
    const octokit = api();
    // The failure message names the check run; read it back as a client would.
    const failure = run.annotations.find((a) => a.level === 'error')!;
    const id = Number(/check run "package-storage policy" \(.*\/runs\/(\d+)\)/.exec(failure.message)?.[1]);
    const { data: check } = await octokit.rest.checks.get({ owner, repo, check_run_id: id });
    expect(check).toMatchObject({
      name: 'package-storage policy',
      head_sha: headSha,
      status: 'completed',
      conclusion: 'failure',
    });
    expect(check.output.annotations_count).toBe(withPath.length);
    expect(check.output.summary!.length).toBeLessThanOrEqual(65_535);
    const annotations = await octokit.paginate(octokit.rest.checks.listAnnotations, {
      owner,
      repo,
      check_run_id: id,
      per_page: 100,
    });
    expect(annotations).toHaveLength(withPath.length);
    expect(annotations[0]).toMatchObject({ annotation_level: 'failure', title: 'layout: badfiles@2.0.0' });
    // The step itself annotates no finding (they would show twice in the diff); only the failure.
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([failure]);
  });

  it('falls back to workflow commands with a notice when the token may not create check runs (no checks: write)', async () => {
    const { change, title, labels } = failingChange();
    r.gh.setReadOnlyToken(true);
    try {
      const { run } = await validatePull(r, {
        base: 'production',
        change,
        title,
        labels,
        inputs: { annotations: 'check-run', comment: 'always' },
        mode: 'bundle',
      });
      // The verdict, not an operational error.
      expect(run.exitCode).toBe(1);
      expect(run.annotations).toContainEqual(
        expect.objectContaining({
          level: 'notice',
          message: expect.stringContaining('annotations: check-run needs `checks: write`'),
        }),
      );
      expect(run.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          title: 'manifest: redis@0.9.0',
          file: 'packages/redis/0.9.0/manifest.yml',
          line: 8,
        }),
      );
      expect(run.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: expect.stringContaining('`comment` needs `pull-requests: write`'),
        }),
      );
      expect(run.outputs.comment).toBe('failed');
    } finally {
      r.gh.setReadOnlyToken(false);
    }
  });
});

describe('what the summary says about exceptions', () => {
  it('says how to request one, why the label approves nothing yet, and who approved it for which commit', async () => {
    const { change, title } = failingChange();
    const opened = await validatePull(r, { base: 'production', change, title });
    expect(opened.run.exitCode).toBe(1);
    const short = opened.headSha.slice(0, 7);
    // No label yet: what an exception would lift, what it cannot, and how to ask for one.
    let shown = text(opened.run.summary);
    expect(shown).toContain(
      'An exception would lift not-promoted (3), title-prefix (1), but not overwrite (production never overwrites a version), manifest (the registry would refuse or mis-serve it).',
    );
    expect(shown).toContain(
      `If one is warranted (a backport, a legal removal, a hotfix): add the label policy-exception and have a user with the admin role approve the head commit ${short}`,
    );

    // The label, applied by a maintainer: production's exceptions need an admin. The summary says so, not only a notice.
    r.gh.addLabel(opened.number, 'policy-exception', 'maintainer');
    const labelled = await runOnPull(r, { base: 'production', number: opened.number, head: opened.head });
    expect(labelled.run.exitCode).toBe(1);
    shown = text(labelled.run.summary);
    expect(shown).toContain(
      `⏳ **Requested, not approved yet:** label "policy-exception" is on the PR but approves nothing yet: it was applied by @maintainer, whose role is maintain. An exception needs a user with the admin role, other than the PR's author and the pusher of its head, to approve the head commit ${short} into production`,
    );
    expect(shown).not.toContain('If one is warranted');
    expect(labelled.run.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('approves nothing yet') }),
    );

    // An admin approves the head: what the exception lifts turns into notices; what it cannot still blocks.
    await r.gh.addReview(opened.number, { user: 'admin-user', state: 'APPROVED' });
    const approved = await runOnPull(r, { base: 'production', number: opened.number, head: opened.head });
    expect(approved.run.exitCode).toBe(1);
    shown = text(approved.run.summary);
    expect(shown).toContain(
      `🟡 exception approved by @admin-user (an approving review, for head ${short}); what it allows is listed as notices below.`,
    );
    expect(shown).toContain(
      '**2 violations in 2 of 5 changed versions must be fixed before this can merge:** manifest (1), overwrite (1).',
    );
    expect(shown).toContain('**not-promoted** (exception): nginx@1.7.0 enters production by promotion');
    const lifted = findings(approved.run).filter(
      (f) => f.rule === 'not-promoted' || f.rule === 'title-prefix',
    );
    expect(lifted.map((f) => f.severity)).toEqual(['notice', 'notice', 'notice', 'notice']);
    r.gh.closePull(opened.number);
  });
});

describe("what the summary says about promote's PRs", () => {
  it('recognises a pure cleanup: every removed version served on, identical, from a more stable channel', async () => {
    const { run } = await validatePull(r, {
      base: 'snapshot',
      head: 'cleanup/snapshot',
      user: promoteBot,
      title: '[snapshot] Remove promoted packages (nginx-1.6.0, system-1.20.0)',
      change: {
        removeVersions: [
          { name: 'nginx', version: '1.6.0' },
          { name: 'system', version: '1.20.0' },
        ],
      },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.exact!)).toEqual({ kind: 'cleanup', channel: 'snapshot' });
    const shown = text(run.summary);
    expect(shown).toContain(
      '**A pure cleanup of snapshot, 2 versions removed:** each is served on from a more stable channel with identical content, and nothing else changes',
    );
    expect(shown).toContain('No registry serves anything different');
  });

  it('says nothing of the kind for the same copies on a branch promote did not make', async () => {
    const { change } = passingChange();
    const { run } = await validatePull(r, {
      base: 'production',
      head: 'release-by-hand',
      title: '[production] Release nginx 1.6.0, apm 8.1.0 and system 1.20.0',
      change,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.exact).toBe('');
    const shown = text(run.summary);
    expect(shown).toContain('All 3 changed versions pass.');
    expect(shown).not.toContain('pure promotion');
  });

  it.each([
    { who: 'a fork named like promote’s branch', user: 'mallory', fork: true },
    { who: 'a person with write access on promote’s branch name', user: 'writer', fork: false },
  ])('says nothing of the kind for $who', async ({ user, fork }) => {
    const { change, title, head } = passingChange();
    const { run, number } = await validatePull(r, {
      base: 'production',
      head,
      title,
      change,
      user,
      fork,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.exact).toBe('');
    expect(text(run.summary)).not.toContain('pure promotion');
    r.gh.closePull(number);
  });
});
