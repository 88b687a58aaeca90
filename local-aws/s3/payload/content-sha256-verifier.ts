import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { contentSha256Mismatch } from './payload-errors';

/**
 * Passes a plain body through while hashing it; when x-amz-content-sha256 named a hex digest, the
 * stream fails with XAmzContentSHA256Mismatch instead of ending if the body does not match.
 */
export class ContentSha256Verifier extends Transform {
  private readonly hash = createHash('sha256');

  constructor(private readonly expected: string | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.expected !== undefined) this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected === undefined) return callback();
    const computed = this.hash.digest('hex');
    callback(computed === this.expected ? null : contentSha256Mismatch(this.expected, computed));
  }
}
