// `npm run demo` (the README's main command) runs the committed CLI bundle through a whole day, offline.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  it('walks the day with the verdicts a maintainer expects, using no network', () => {
    const result = spawnSync(process.execPath, ['bin/package-storage.js', 'demo'], {
      encoding: 'utf8',
      // No registry and no proxy: any network access would fail.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
      },
      timeout: 120_000,
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Demo finished: every step gave the verdict a maintainer should expect.');
    expect(out.match(/→ exit 1 \(blocked\)/g)).toHaveLength(3);
    expect(out).toContain('it is in snapshot: promote it through staging first');
    // The rebuild after promotions reuses every layer of staging and snapshot (their packages did not change).
    expect(out).toMatch(/layers: 5 \(1 base, 4 reused, 0 built/);
    expect(out).toMatch(/layers: 6 \(1 base, 5 reused, 0 built/);
    expect(out).toContain('8.15.0: tag created at');
    expect(out).not.toMatch(/\n\s+at /);
  });
});
