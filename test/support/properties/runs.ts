// Shared settings for the property tests (test/**/*.property.test.ts). The default suite runs a few cases per
// property; the fuzz run (test/fuzz.config.ts) sets FUZZ_RUNS=10000 for every property. A failure prints the
// seed and path; replay it with FUZZ_SEED=<seed> FUZZ_PATH=<path>.
import fc from 'fast-check';

const defaultRuns = 100;

function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer (got ${raw})`);
  return value;
}

const explicitRuns = positiveInteger('FUZZ_RUNS');

/** Cases per property: FUZZ_RUNS when set, else the default. */
export const numRuns = explicitRuns ?? defaultRuns;

/**
 * fast-check parameters for `fc.assert`. `scale` shrinks the default count of an expensive property; FUZZ_RUNS,
 * when set, applies to every property unscaled.
 */
export function runs<T>(scale = 1): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const path = process.env.FUZZ_PATH;
  return {
    numRuns: explicitRuns ?? Math.max(1, Math.round(defaultRuns * scale)),
    ...(seed !== undefined && Number.isInteger(seed) ? { seed } : {}),
    ...(path ? { path } : {}),
  };
}
