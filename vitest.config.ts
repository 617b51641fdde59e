import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// In CI: one progress line per test file (test/support/progress-reporter.ts) and the runner's own JSON report, so
// .ci/run can print "N passed, N failed" from it.
const reporters = process.env.CI
  ? ['./test/support/progress-reporter.ts', ['json', { outputFile: '.tmp/vitest-report.json' }]]
  : ['default'];

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Most test time is spent waiting on git, registries and child processes, so even two cores keep two test files
    // busy (vitest's default, cores - 1, would run them one at a time here).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Worker threads started by the sources (publish-image's layer workers) run TypeScript through these hooks.
    // An absolute URL: tests change the working directory (the action tests run in their workspace).
    execArgv: ['--import', new URL('./test/support/worker-ts/register.mjs', import.meta.url).href],
    clearMocks: true,
    unstubEnvs: true,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: reporters as never,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/index.ts'],
    },
  },
});
