// Properties of the path classifier and forbidden-path matcher (src/core/paths.ts), against an oracle written
// from the documented layout `<root>/<name>/<version>/<rest>`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPath, isForbidden } from '../../src/core/paths.js';
import { defaultPolicy } from '../../src/core/policy.js';
import { runs } from '../support/properties/runs.js';
import { anyString } from '../support/properties/text.js';
import { isStrictOracle, nearVersion, strictVersion } from '../support/properties/semver.js';

const nameChar = fc.constantFrom(...'abcxyz0189_'.split(''));
const validName = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: nameChar, minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: nameChar, minLength: 120, maxLength: 128 }) },
);
/** Names the layout refuses: other characters, or longer than 128. */
const invalidName = fc.oneof(
  validName.chain((n) =>
    fc
      .tuple(fc.nat({ max: n.length }), fc.constantFrom('-', '.', 'A', ' ', 'é', '*', '\\', '\n', ':', '@'))
      .map(([i, c]) => n.slice(0, i) + c + n.slice(i)),
  ),
  fc.string({ unit: nameChar, minLength: 129, maxLength: 140 }),
  fc.constantFrom('.', '..', 'Nginx', 'nginx-1', 'ngi nx'),
);
const restSegment = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc.string({ unit: fc.constantFrom(...'ab.-_ é日%:'.split('')), minLength: 1, maxLength: 8 }),
    },
    { weight: 2, arbitrary: anyString({ minLength: 1, maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('manifest.yml', 'docs', 'README.md', '...', '.hidden', '_dev', '. ', '.. '),
    },
  )
  .map((s) => s.replaceAll('/', '%'))
  .filter((s) => s !== '.' && s !== '..');
const badSegment = fc.constantFrom('', '.', '..');
const root = fc.oneof(
  fc.constant('packages'),
  fc.constantFrom('pkgs', 'a/b', 'packages/x', '.', 'p.q', 'p_q', '日本'),
);

/** The oracle: which place a path has, from the README's layout rules. */
function oracle(
  packagesRoot: string,
  path: string,
):
  | { kind: 'outside' }
  | { kind: 'misplaced' }
  | { kind: 'version'; name: string; version: string; rest: string } {
  if (!path.startsWith(`${packagesRoot}/`)) return { kind: 'outside' };
  const [name, version, ...rest] = path.slice(packagesRoot.length + 1).split('/');
  const nameOk = name !== undefined && /^[a-z0-9_]+$/.test(name) && name.length <= 128;
  const versionOk = version !== undefined && isStrictOracle(version);
  const restOk = rest.length > 0 && rest.every((s) => s !== '' && s !== '.' && s !== '..');
  return nameOk && versionOk && restOk
    ? { kind: 'version', name, version, rest: rest.join('/') }
    : { kind: 'misplaced' };
}

const kindOf = (place: ReturnType<typeof classifyPath>): unknown =>
  place.kind === 'version'
    ? { kind: place.kind, name: place.name, version: place.version, rest: place.rest }
    : { kind: place.kind };

describe('property: classifyPath', () => {
  it('a well-formed <root>/<name>/<version>/<rest> is that version', () => {
    fc.assert(
      fc.property(
        root,
        validName,
        strictVersion({ build: true }),
        fc.array(restSegment, { minLength: 1, maxLength: 5 }),
        (r, name, version, rest) => {
          const place = classifyPath(r, `${r}/${name}/${version}/${rest.join('/')}`);
          expect(place).toEqual({ kind: 'version', name, version, rest: rest.join('/') });
        },
      ),
      runs(2),
    );
  });

  it('an invalid name, a non-strict version or an empty, "." or ".." segment is misplaced', () => {
    const broken = fc
      .record({
        name: fc.oneof(validName, invalidName, fc.constant('')),
        version: fc.oneof(strictVersion({ build: true }), nearVersion, badSegment),
        rest: fc.array(
          fc.oneof({ weight: 4, arbitrary: restSegment }, { weight: 1, arbitrary: badSegment }),
          {
            maxLength: 4,
          },
        ),
        // also drop the version or rest entirely: files directly in <root>/ or <root>/<name>/
        depth: fc.constantFrom(1, 2, 3, 3, 3, 3),
      })
      .map(({ name, version, rest, depth }) =>
        [name, version, ...rest].slice(0, depth === 3 ? undefined : depth).join('/'),
      );
    fc.assert(
      fc.property(root, broken, (r, tail) => {
        const path = `${r}/${tail}`;
        const want = oracle(r, path);
        expect(kindOf(classifyPath(r, path))).toEqual(want);
        if (want.kind === 'misplaced')
          expect(classifyPath(r, path)).toMatchObject({ reason: expect.any(String) });
      }),
      runs(5),
    );
  });

  it('anything not under <root>/ is outside; anything under it is never outside', () => {
    const anyPath = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .array(fc.oneof(restSegment, badSegment, fc.constantFrom('packages', 'packagesx', 'pkgs', 'a')), {
          maxLength: 5,
        })
        .map((s) => s.join('/')),
      fc.constantFrom(
        'packages',
        'packages/',
        '/packages/a/1.0.0/x',
        './packages/a/1.0.0/x',
        'Packages/a/1.0.0/x',
      ),
    );
    fc.assert(
      fc.property(root, anyPath, (r, path) => {
        expect(kindOf(classifyPath(r, path))).toEqual(oracle(r, path));
        expect(classifyPath(r, path).kind === 'outside').toBe(!path.startsWith(`${r}/`));
      }),
      runs(5),
    );
  });
});

describe('property: isForbidden with the default patterns', () => {
  const patterns = defaultPolicy().forbiddenPaths;
  // Repository-relative paths as git reports them: no empty, "." or ".." segments, no leading slash.
  const segment = fc.oneof(
    { weight: 4, arbitrary: restSegment },
    {
      weight: 2,
      arbitrary: fc
        .string({ unit: fc.constantFrom(...'_a.-'.split('')), minLength: 1, maxLength: 4 })
        .filter((s) => s !== '.' && s !== '..'),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '_dev',
        '_',
        '__',
        'a_b',
        '._x',
        ' _x',
        '_日',
        '_.',
        '_*',
        '_[a]',
        '_{a,b}',
        '_!',
      ),
    },
  );
  it('matches iff some segment starts with "_"', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = segments.join('/');
        expect(isForbidden(patterns, path) !== undefined).toBe(segments.some((s) => s.startsWith('_')));
      }),
      runs(5),
    );
  });
});
