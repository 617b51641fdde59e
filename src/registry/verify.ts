// Blob content checks while streaming: size and sha256 digest against the descriptor.

import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Digest } from '../oci/types.js';
import type { RegistryError } from './errors.js';

/** Pass-through that counts and hashes, failing the stream when size or digest differ from the descriptor. */
export class BlobVerifier extends Transform {
  failure: RegistryError | undefined;
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private readonly expected: { digest: Digest; size?: number | undefined };
  private readonly makeError: (code: string, detail: string) => RegistryError;

  constructor(
    expected: { digest: Digest; size?: number | undefined },
    makeError: (code: string, detail: string) => RegistryError,
  ) {
    super();
    this.expected = expected;
    this.makeError = makeError;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expected.size !== undefined && this.bytes > this.expected.size) {
      cb(this.setFailure('SIZE_MISMATCH', `is longer than the expected ${this.expected.size} bytes`));
      return;
    }
    this.hash.update(chunk);
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    if (this.expected.size !== undefined && this.bytes !== this.expected.size) {
      cb(this.setFailure('SIZE_MISMATCH', `has ${this.bytes} bytes, expected ${this.expected.size}`));
      return;
    }
    const got = `sha256:${this.hash.digest('hex')}`;
    if (got !== this.expected.digest) {
      cb(this.setFailure('DIGEST_MISMATCH', `content hashes to ${got}, expected ${this.expected.digest}`));
      return;
    }
    cb();
  }

  private setFailure(code: string, detail: string): RegistryError {
    this.failure = this.makeError(code, detail);
    return this.failure;
  }
}
