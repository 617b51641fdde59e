import { defineConfig } from 'vitest/config';

// Benchmarks are not tests: they run only through `npm run bench:*`, one file at a time, with no time limit.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/**/*.bench.ts'],
    testTimeout: 0,
    hookTimeout: 0,
    fileParallelism: false,
  },
});
