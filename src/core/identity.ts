// The content identity of a package version. The registry serves the bytes at each path, so two copies of a version
// are the same when every path holds the same blob; the executable bit (git mode 100755 vs 100644) is not content.
// The identity is a digest over the sorted (path, blob id) pairs: equal git trees give equal identities, and trees
// that differ only in file modes do too.
import { createHash } from 'node:crypto';

export interface ContentFile {
  /** Path relative to the version directory. */
  path: string;
  /** Git blob id of the file's bytes. */
  blob: string;
}

/** `sha256:<hex>` over `<path>\0<blob>\n` lines sorted by the paths' UTF-8 bytes. */
export function contentIdentity(files: Iterable<ContentFile>): string {
  const lines = [...files].map((f) => Buffer.from(`${f.path}\0${f.blob}\n`, 'utf8'));
  lines.sort((x, y) => Buffer.compare(x, y));
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return `sha256:${hash.digest('hex')}`;
}

/** Content identity by git tree id, for the trees a check compares (only where two trees differ). */
export type ContentIdentities = ReadonlyMap<string, string>;

/**
 * Whether two version trees hold the same content: equal tree ids, or equal content identities. A tree without a
 * known identity (too many files to read, or `identity: tree`) is only equal to itself.
 */
export function sameContent(
  identities: ContentIdentities | undefined,
  a: string | undefined,
  b: string | undefined,
): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  const x = identities?.get(a);
  return x !== undefined && x === identities?.get(b);
}

/** Same content in different trees: the copies differ only in file modes. */
export function modesOnly(
  identities: ContentIdentities | undefined,
  a: string | undefined,
  b: string | undefined,
): boolean {
  return a !== b && sameContent(identities, a, b);
}
