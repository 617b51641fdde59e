import { describe, expect, it } from 'vitest';
import {
  mergeGroupPayload,
  pullRequestPayload,
  pushPayload,
  validateWebhook,
  webhookExample,
  workflowDispatchPayload,
} from '../support/webhooks.js';

const owner = 'acme';
const repo = 'package-storage';
const sha = (c: string) => c.repeat(40);

interface RefShape {
  ref: string;
  sha: string;
  label: string;
  repo: { full_name: string; fork: boolean };
}
interface PrShape {
  number: number;
  title: string;
  state: string;
  base: RefShape;
  head: RefShape;
  user: { login: string };
  labels: Array<{ name: string }>;
}

describe('webhook payloads', () => {
  it.each(['opened', 'synchronize', 'edited', 'reopened', 'labeled'] as const)(
    'pull_request %s',
    (action) => {
      const p = pullRequestPayload({
        action,
        number: 7,
        title: 'Promote foo',
        base: { ref: 'staging', sha: sha('b') },
        head: { ref: 'promote/foo', sha: sha('c') },
        labels: ['promote'],
        owner,
        repo,
        defaultBranch: 'main',
      });
      const pr = p.pull_request as unknown as PrShape;
      expect(p.action).toBe(action);
      expect([p.number, pr.number, pr.title, pr.state]).toEqual([7, 7, 'Promote foo', 'open']);
      expect([pr.base.ref, pr.base.sha, pr.head.ref, pr.head.sha]).toEqual([
        'staging',
        sha('b'),
        'promote/foo',
        sha('c'),
      ]);
      expect([pr.head.repo.full_name, pr.head.label, pr.head.repo.fork]).toEqual([
        `${owner}/${repo}`,
        `${owner}:promote/foo`,
        false,
      ]);
      expect((p.repository as Record<string, unknown>).full_name).toBe(`${owner}/${repo}`);
      expect((p.repository as Record<string, unknown>).default_branch).toBe('main');
      expect(pr.labels.map((l) => l.name)).toEqual(['promote']);
      expect(JSON.stringify(p)).not.toMatch(/Codertocat|Hello-World/);
      if (action === 'synchronize') expect([p.before, p.after]).toEqual([sha('b'), sha('c')]);
      if (action === 'edited') expect(p.changes).toEqual({ title: { from: 'Promote foo (old)' } });
      if (action === 'labeled') expect((p.label as { name: string }).name).toBe('promote');
    },
  );

  it('pull_request from a fork', () => {
    const p = pullRequestPayload({
      action: 'opened',
      number: 3,
      title: 't',
      base: { ref: 'snapshot', sha: sha('1') },
      head: { ref: 'main', sha: sha('2') },
      fork: true,
      owner,
      repo,
      defaultBranch: 'main',
      sender: 'mallory',
      user: 'mallory',
    });
    const pr = p.pull_request as unknown as PrShape;
    expect([pr.head.repo.full_name, pr.head.repo.fork, pr.head.label, pr.user.login]).toEqual([
      `mallory/${repo}`,
      true,
      'mallory:main',
      'mallory',
    ]);
    expect(pr.base.repo.full_name).toBe(`${owner}/${repo}`);
    expect((p.sender as { login: string }).login).toBe('mallory');
  });

  it('push, merge_group and workflow_dispatch', () => {
    const push = pushPayload({
      ref: 'refs/heads/snapshot',
      before: sha('a'),
      after: sha('b'),
      owner,
      repo,
      defaultBranch: 'main',
    });
    expect([push.created, push.deleted, (push.head_commit as { id: string }).id]).toEqual([
      false,
      false,
      sha('b'),
    ]);
    const del = pushPayload({
      ref: 'refs/heads/x',
      before: sha('a'),
      after: sha('0'),
      owner,
      repo,
      defaultBranch: 'main',
    });
    expect([del.deleted, del.head_commit, del.commits]).toEqual([true, null, []]);

    const mg = mergeGroupPayload({
      headSha: sha('d'),
      headRef: `gh-readonly-queue/main/pr-7-${sha('c')}`,
      baseSha: sha('e'),
      baseRef: 'main',
      owner,
      repo,
    });
    expect(mg.merge_group).toMatchObject({ head_sha: sha('d'), base_ref: 'refs/heads/main' });

    const wd = workflowDispatchPayload({
      ref: 'main',
      inputs: { package: 'foo', version: '1.0.0' },
      owner,
      repo,
    });
    expect([wd.ref, wd.inputs]).toEqual(['refs/heads/main', { package: 'foo', version: '1.0.0' }]);
  });

  it('rejects invalid payloads with the schema errors; the raw examples predate required fields', () => {
    expect(() =>
      pullRequestPayload({
        action: 'opened',
        number: 1.5,
        title: 't',
        base: { ref: 'a', sha: sha('1') },
        head: { ref: 'b', sha: sha('2') },
        owner,
        repo,
        defaultBranch: 'main',
      }),
    ).toThrow(/number must be integer/);
    expect(() => validateWebhook('push', webhookExample('push'))).toThrow(/has_discussions/);
  });
});
