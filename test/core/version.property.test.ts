// Properties of version handling (src/core/version.ts) against an oracle written from the semver 2.0.0 spec.
import fc from 'fast-check';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { compareVersions, isStrictSemver, sortVersions } from '../../src/core/version.js';
import { runs } from '../support/properties/runs.js';
import { anyString } from '../support/properties/text.js';
import {
  comparePrecedence,
  isStrictOracle,
  nearVersion,
  smallVersion,
  strictVersion,
} from '../support/properties/semver.js';

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const opposite = (n: number): number => (n === 0 ? 0 : -n);

const anyVersionText = fc.oneof(
  { weight: 3, arbitrary: strictVersion({ build: true }) },
  { weight: 4, arbitrary: nearVersion },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: anyString({ maxLength: 20 }) },
);

/** A version with precedence ties: the same version with different build metadata. */
const versionWithBuild = fc.oneof(
  smallVersion,
  fc.tuple(smallVersion, fc.constantFrom('b1', 'b2', '001', 'sha.5114f85')).map(([v, b]) => `${v}+${b}`),
);
const orderable = fc.oneof(versionWithBuild, strictVersion({ build: true }));

describe('property: version strings', () => {
  it('isStrictSemver agrees with the semver.org grammar (within node-semver limits)', () => {
    fc.assert(
      fc.property(anyVersionText, (text) => {
        expect(isStrictSemver(text)).toBe(isStrictOracle(text));
      }),
      runs(5),
    );
  });

  it('isStrictSemver agrees with semver.parse (not loose) spelled back exactly', () => {
    fc.assert(
      fc.property(anyVersionText, (text) => {
        const parsed = semver.parse(text, { loose: false });
        const spelled =
          parsed && [parsed.version, ...(parsed.build.length ? [parsed.build.join('.')] : [])].join('+');
        expect(isStrictSemver(text)).toBe(spelled === text);
        // Without build metadata that is semver.valid spelled back.
        if (!text.includes('+')) expect(isStrictSemver(text)).toBe(semver.valid(text) === text);
      }),
      runs(5),
    );
  });

  it('every version built from components is strict', () => {
    fc.assert(
      fc.property(strictVersion({ build: true }), (v) => {
        expect(isStrictSemver(v)).toBe(true);
      }),
      runs(),
    );
  });
});

describe('property: version ordering', () => {
  it('compareVersions is semver precedence (spec oracle and semver.compare)', () => {
    fc.assert(
      fc.property(orderable, orderable, (a, b) => {
        const got = sign(compareVersions(a, b));
        expect(got).toBe(comparePrecedence(a, b));
        expect(got).toBe(semver.compare(a, b));
      }),
      runs(5),
    );
  });

  it('compareVersions is a total preorder: reflexive, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(orderable, orderable, orderable, (a, b, c) => {
        expect(compareVersions(a, a)).toBe(0);
        expect(sign(compareVersions(a, b))).toBe(opposite(sign(compareVersions(b, a))));
        const ab = compareVersions(a, b);
        const bc = compareVersions(b, c);
        if (ab <= 0 && bc <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
        if (ab === 0 && bc === 0) expect(compareVersions(a, c)).toBe(0);
        // Equal precedence only for the same version up to build metadata.
        if (ab === 0) expect(a.split('+')[0]).toBe(b.split('+')[0]);
      }),
      runs(5),
    );
  });

  it('sortVersions sorts by precedence, keeps every element and ignores input order', () => {
    fc.assert(
      fc.property(
        fc
          .array(orderable, { maxLength: 25 })
          .chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
          ),
        ([list, shuffled]) => {
          const sorted = sortVersions(list);
          expect([...sorted].sort()).toEqual([...list].sort());
          for (let i = 1; i < sorted.length; i++)
            expect(comparePrecedence(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
          // Ties (build metadata) are broken deterministically: any input order gives the same output.
          expect(sortVersions(shuffled)).toEqual(sorted);
          expect(sortVersions(new Set(list))).toEqual(sortVersions([...new Set(list)]));
        },
      ),
      runs(2),
    );
  });

  it('the last of sortVersions is the semver maximum', () => {
    fc.assert(
      fc.property(fc.array(orderable, { minLength: 1, maxLength: 20 }), (list) => {
        const last = sortVersions(list).at(-1)!;
        expect(list.every((v) => comparePrecedence(v, last) <= 0)).toBe(true);
        expect(semver.compare(last, semver.maxSatisfying(list, '*', { includePrerelease: true })!)).toBe(0);
      }),
      runs(),
    );
  });
});
