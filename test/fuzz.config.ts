import { defineConfig } from 'vitest/config';

// The fuzz run: every property test (test/**/*.property.test.ts) and the tar writer's round-trip property
// (test/oci/tar.test.ts) with 10,000 cases each, no time limit. Override with FUZZ_RUNS / OCI_TAR_FUZZ_RUNS;
// replay a failure with the FUZZ_SEED and FUZZ_PATH it prints.
const runs = process.env.FUZZ_RUNS || '10000';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.property.test.ts', 'test/oci/tar.test.ts'],
    // Only the properties: every describe in test/**/*.property.test.ts and the tar property are named "property: ...".
    testNamePattern: /(^|\s)property: /,
    env: { FUZZ_RUNS: runs, OCI_TAR_FUZZ_RUNS: process.env.OCI_TAR_FUZZ_RUNS || runs },
    testTimeout: 0,
    hookTimeout: 180_000,
    reporters: ['verbose'],
  },
});
