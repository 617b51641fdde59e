// An oracle for semver 2.0.0 written from the specification (semver.org), independent of node-semver, and
// generators of versions from their components.
import fc from 'fast-check';

// The regular expression published on semver.org (numbered groups), anchored.
const semverOrg =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export interface Parts {
  major: bigint;
  minor: bigint;
  patch: bigint;
  prerelease: string[];
  build: string[];
}

export function parseStrict(version: string): Parts | undefined {
  const m = semverOrg.exec(version);
  if (!m) return undefined;
  return {
    major: BigInt(m[1]!),
    minor: BigInt(m[2]!),
    patch: BigInt(m[3]!),
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
    build: m[5] === undefined ? [] : m[5].split('.'),
  };
}

/**
 * What the project documents as a valid version directory: semver 2.0.0 as spelled, within the limits every
 * semver implementation in the pipeline has (at most 256 characters, major/minor/patch within 2^53 - 1).
 */
export function isStrictOracle(version: string): boolean {
  const parts = parseStrict(version);
  if (!parts || version.length > 256) return false;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return parts.major <= max && parts.minor <= max && parts.patch <= max;
}

const sign = (n: bigint | number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const numeric = /^\d+$/;

/** Semver 2.0.0 precedence (build metadata ignored), as -1, 0 or 1. */
export function comparePrecedence(a: string, b: string): number {
  const x = parseStrict(a);
  const y = parseStrict(b);
  if (!x || !y) throw new Error(`not semver: ${a} / ${b}`);
  for (const key of ['major', 'minor', 'patch'] as const) if (x[key] !== y[key]) return sign(x[key] - y[key]);
  // A version without prerelease ranks above any prerelease of it.
  if (x.prerelease.length === 0 || y.prerelease.length === 0)
    return sign(y.prerelease.length - x.prerelease.length);
  for (let i = 0; i < Math.min(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i]!;
    const q = y.prerelease[i]!;
    if (p === q) continue;
    const pn = numeric.test(p);
    const qn = numeric.test(q);
    if (pn && qn) return sign(BigInt(p) - BigInt(q));
    if (pn !== qn) return pn ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    return p < q ? -1 : 1; // ASCII order
  }
  return sign(x.prerelease.length - y.prerelease.length);
}

// Numbers as people write them, with the occasional large one (within 2^53 - 1: node-semver's limit).
const component = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2000 }) },
  { weight: 1, arbitrary: fc.maxSafeNat() },
);

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split(''));

/** One prerelease identifier: rc1, dev, beta, preview1, 3, 0, SNAPSHOT, a-b... */
export const prereleaseIdentifier: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('rc', 'dev', 'beta', 'alpha', 'preview', 'SNAPSHOT', 'next') },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('rc', 'dev', 'beta', 'alpha', 'preview', 'b', 'x-'),
        fc.integer({ min: 0, max: 20 }),
      )
      .map(([word, n]) => `${word}${n}`),
  },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) },
  { weight: 1, arbitrary: fc.maxSafeNat().map(String) },
  // any identifier the grammar allows: digits with a letter or dash anywhere
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: alnum, minLength: 1, maxLength: 8 })
      .filter((s) => !numeric.test(s) || s === '0' || !s.startsWith('0')),
  },
);

const buildIdentifier = fc.string({ unit: alnum, minLength: 1, maxLength: 6 });

/** Strict semver versions built from components, prereleases and (optionally) build metadata. */
export function strictVersion(options: { build?: boolean } = {}): fc.Arbitrary<string> {
  return fc
    .record({
      major: component,
      minor: component,
      patch: component,
      prerelease: fc.oneof(
        { weight: 2, arbitrary: fc.constant<string[]>([]) },
        { weight: 3, arbitrary: fc.array(prereleaseIdentifier, { minLength: 1, maxLength: 3 }) },
      ),
      build:
        options.build === true
          ? fc.oneof(fc.constant<string[]>([]), fc.array(buildIdentifier, { minLength: 1, maxLength: 2 }))
          : fc.constant<string[]>([]),
    })
    .map(
      ({ major, minor, patch, prerelease, build }) =>
        `${major}.${minor}.${patch}${prerelease.length ? `-${prerelease.join('.')}` : ''}${build.length ? `+${build.join('.')}` : ''}`,
    );
}

/** Small versions, so that generated sets share components and exercise ties and prerelease ordering. */
export const smallVersion: fc.Arbitrary<string> = fc
  .record({
    major: fc.integer({ min: 0, max: 2 }),
    minor: fc.integer({ min: 0, max: 2 }),
    patch: fc.integer({ min: 0, max: 2 }),
    prerelease: fc.oneof(
      fc.constant<string[]>([]),
      fc.array(
        fc.constantFrom(
          'rc1',
          'rc2',
          'rc10',
          'dev',
          'dev.3',
          'beta',
          'beta.1',
          'preview1',
          '1',
          '2',
          '10',
          'a',
        ),
        { minLength: 1, maxLength: 2 },
      ),
    ),
  })
  .map(
    ({ major, minor, patch, prerelease }) =>
      `${major}.${minor}.${patch}${prerelease.length ? `-${prerelease.join('.')}` : ''}`,
  );

/** Strings close to versions: loose spellings, leading zeros, padding, missing parts, stray characters. */
export const nearVersion: fc.Arbitrary<string> = fc.oneof(
  strictVersion({ build: true }).chain((v) =>
    fc.oneof(
      fc.constantFrom(
        `v${v}`,
        `=${v}`,
        ` ${v}`,
        `${v} `,
        `${v}\n`,
        `0${v}`,
        `${v}.0`,
        `${v}-`,
        `${v}+`,
        `V${v}`,
      ),
      fc.constant(v.replace(/^(\d+)\.(\d+)\.(\d+)/, '$1.$2')),
      fc.constant(v.replace(/^(\d+)\./, '$1.0')),
      fc.constant(v.replace(/-(\w)/, '-0$1')),
      fc.constant(v.replace(/\./, '..')),
      fc
        .tuple(fc.nat({ max: v.length }), fc.constantFrom('.', '-', '+', '_', 'v', '0', ' ', 'é', '..', '-0'))
        .map(([i, c]) => `${v.slice(0, i)}${c}${v.slice(i)}`),
    ),
  ),
  fc.string({ unit: fc.constantFrom(...'0123456789.-+avrc'.split('')), maxLength: 16 }),
  // over the length limits
  fc
    .nat({ max: 3 })
    .map(
      (i) =>
        [
          '1.0.0-' + 'a'.repeat(251),
          '1.0.0-' + 'a'.repeat(250),
          '9007199254740992.0.0',
          '1.9007199254740991.0',
        ][i]!,
    ),
);
