// Properties of sanitizeTag (src/registry/reference.ts): any text becomes a tag the distribution spec accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTag, sanitizeTag } from '../../src/registry/reference.js';
import { runs } from '../support/properties/runs.js';
import { anyString } from '../support/properties/text.js';

// The tag grammar of the OCI distribution spec, written out here rather than imported.
const ociTag = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const tagChar = fc.constantFrom(...'abcXYZ019_.-'.split(''));

/** Valid tags, up to the 128-character limit. */
const validTag = fc
  .tuple(
    fc.constantFrom(...'aZ09_'.split('')),
    fc.oneof(
      fc.string({ unit: tagChar, maxLength: 20 }),
      fc.string({ unit: tagChar, minLength: 120, maxLength: 127 }),
    ),
  )
  .map(([first, rest]) => first + rest);

/** Branch names, refs and arbitrary text, including astral characters and over-long strings. */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: anyString({ minLength: 1, maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom(...'ab/._-+@: é😀\n'.split('')), minLength: 1 }),
  },
  { weight: 1, arbitrary: fc.string({ unit: tagChar, minLength: 100, maxLength: 300 }) },
  { weight: 2, arbitrary: validTag },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('feature/', 'release/', 'refs/heads/', '.', '-', '..', '@'),
        fc.string({ unit: tagChar }),
      )
      .map(([a, b]) => a + b),
  },
);

describe('property: sanitizeTag', () => {
  it('always yields a tag of the OCI grammar', () => {
    fc.assert(
      fc.property(text, (s) => {
        const tag = sanitizeTag(s);
        expect(tag).toMatch(ociTag);
        expect(isValidTag(tag)).toBe(true);
      }),
      runs(3),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = sanitizeTag(s);
        expect(sanitizeTag(once)).toBe(once);
      }),
      runs(2),
    );
  });

  it('keeps valid tags unchanged, so distinct valid tags stay distinct', () => {
    fc.assert(
      fc.property(validTag, validTag, (a, b) => {
        expect(sanitizeTag(a)).toBe(a);
        if (a !== b) expect(sanitizeTag(a)).not.toBe(sanitizeTag(b));
      }),
      runs(2),
    );
  });

  it('maps each UTF-16 unit in place: allowed characters survive, others become "-", then the first is fixed and the length capped', () => {
    fc.assert(
      fc.property(text, (s) => {
        const tag = sanitizeTag(s);
        expect(tag.length).toBe(Math.min(s.length, 128));
        for (let i = 1; i < tag.length; i++) {
          const c = s[i]!;
          expect(tag[i]).toBe(/[a-zA-Z0-9._-]/.test(c) ? c : '-');
        }
        expect(tag[0]).toBe(/[a-zA-Z0-9_]/.test(s[0]!) ? s[0] : '_');
      }),
      runs(2),
    );
  });

  it('refuses the empty string', () => {
    expect(() => sanitizeTag('')).toThrow(TypeError);
  });
});
