import { defineConfig } from 'vitest/config';

// Not part of the test suite: `npm run docs:summaries` runs these to write the documentation's example summaries.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/docs/**/*.render.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
