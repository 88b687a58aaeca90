import { createHash } from 'node:crypto';
import { AwsError } from '../../http/aws-error';
import { createChecksum } from '../checksums';
import type { S3Request } from '../request';
import { readIntegrityClaims, verifyBody } from './body-integrity';

export interface SmallBodyOptions {
  /** Largest accepted document, in bytes (2 MiB unless given). */
  limit?: number;
  /** Refuse a document that carries neither Content-MD5 nor a flexible checksum. */
  requireDigest?: boolean;
  /** Whether x-amz-checksum-* headers describe this document (true unless given). */
  flexibleChecksums?: boolean;
}

/**
 * Reads a small request document (CompleteMultipartUpload, DeleteObjects) from the authenticated
 * payload, with a size cap, and verifies any Content-MD5 or checksum it came with. With
 * requireDigest, a body without either is refused, as S3 refuses DeleteObjects without one.
 */
export async function readVerifiedSmallBody(
  r: S3Request,
  options: SmallBodyOptions = {},
): Promise<Buffer> {
  const limit = options.limit ?? 2 * 1024 * 1024;
  const claims = readIntegrityClaims(r.req);
  // CompleteMultipartUpload's x-amz-checksum-* headers describe the object, not this document.
  if (options.flexibleChecksums === false) delete claims.algorithm;
  if (options.requireDigest && claims.contentMd5 === undefined && claims.algorithm === undefined) {
    throw new AwsError('InvalidRequest', 'Missing required header for this request: Content-MD5');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of r.auth.payload) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      throw new AwsError('MaxMessageLengthExceeded', 'Your request was too big.', 400, {
        MaxMessageLengthBytes: String(limit),
      });
    }
    chunks.push(buf);
  }
  const body = Buffer.concat(chunks);
  const checksums: Parameters<typeof verifyBody>[2]['checksums'] = {};
  if (claims.algorithm) {
    const hasher = createChecksum(claims.algorithm);
    hasher.update(body);
    checksums[claims.algorithm] = hasher.digest();
  }
  const md5 = createHash('md5').update(body).digest();
  await verifyBody(r.req, claims, { size: body.length, md5, checksums }, r.auth.trailers);
  return body;
}
