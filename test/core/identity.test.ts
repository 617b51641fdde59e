// Content identity (src/core/identity.ts): same blobs at the same paths, whatever the order or the file modes.
import { describe, expect, it } from 'vitest';
import { contentIdentity } from '../../src/core/identity.js';

const a = { path: 'manifest.yml', blob: 'a'.repeat(40) };
const b = { path: 'docs/README.md', blob: 'b'.repeat(40) };

describe('contentIdentity', () => {
  it('does not depend on the order files are listed in', () => {
    expect(contentIdentity([a, b])).toBe(contentIdentity([b, a]));
    expect(contentIdentity([a, b])).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes with any path or blob', () => {
    const base = contentIdentity([a, b]);
    expect(contentIdentity([a, { ...b, blob: 'c'.repeat(40) }])).not.toBe(base);
    expect(contentIdentity([a, { ...b, path: 'docs/readme.md' }])).not.toBe(base);
    expect(contentIdentity([a])).not.toBe(base);
  });

  it('cannot be confused by a path that contains what a separator would look like', () => {
    // `x` + blob vs a path whose name carries the blob text: the NUL separator keeps them apart.
    expect(contentIdentity([{ path: 'x', blob: 'y' }])).not.toBe(
      contentIdentity([{ path: 'x\0y', blob: '' }]),
    );
  });
});
