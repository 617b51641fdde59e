// Text generators shared by the property tests. `anyChar` covers every code point, lone surrogates included,
// without fast-check's `unit: 'binary'` (which costs seconds to set up in each test worker).
import fc from 'fast-check';

export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x7f, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\n', '\r', '\t', '\u2028', '\u0085', '\ufeff', '\u200b', '\u202e'),
  },
);

/** Any string, as UTF-16 units: control characters, astral characters and lone surrogates included. */
export function anyString(
  constraints: { minLength?: number; maxLength?: number } = {},
): fc.Arbitrary<string> {
  return fc.string({ unit: anyChar, ...constraints });
}
