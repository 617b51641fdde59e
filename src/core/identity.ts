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
