import type { ChecksumAlgorithm } from '../checksums';
import { entityTooLarge, incompleteBody, missingContentLength } from '../errors';
import type { BucketRequest } from '../request';
import { receiveBody, type ReceivedBody } from '../storage/receive-body';
import { readIntegrityClaims, verifyBody, type VerifiedChecksum } from './body-integrity';

/** The largest body a single PUT (object or part) may carry: 5 GiB. */
export const MAX_SINGLE_UPLOAD_BYTES = 5 * 1024 ** 3;

export interface VerifiedBody {
  body: ReceivedBody;
  /** The checksum the client sent, verified. */
  claimed?: VerifiedChecksum;
}

export interface VerifiedBodyOptions {
  /** Checksums to compute even when the client sends none (a multipart upload's algorithm). */
  alsoCompute?: readonly ChecksumAlgorithm[];
  /**
   * A checksum to compute only when the client sends none of its own: S3's default (CRC64NVME),
   * so a body that already carries a checksum is not hashed a second time.
   */
  fallback?: ChecksumAlgorithm;
  /** Running byte count while the body streams in; throwing aborts the transfer. */
  onProgress?: (received: number) => void;
}

/**
 * Receives a request body into a new blob and verifies it: announced length (MissingContentLength,
 * EntityTooLarge, IncompleteBody), Content-MD5 and the flexible checksum. On failure the blob is
 * already being deleted; on success the caller records it or discards it.
 */
export async function receiveVerifiedBody(
  r: BucketRequest,
  options: VerifiedBodyOptions = {},
): Promise<VerifiedBody> {
  const length = r.auth.contentLength;
  if (length === undefined) throw missingContentLength();
  if (length > MAX_SINGLE_UPLOAD_BYTES) throw entityTooLarge(length);
  const claims = readIntegrityClaims(r.req);
  const algorithms = new Set<ChecksumAlgorithm>(options.alsoCompute ?? []);
  if (claims.algorithm) algorithms.add(claims.algorithm);
  else if (options.fallback) algorithms.add(options.fallback);
  const { blobs } = r.storage;
  const file = blobs.newBlob();
  const digests = await receiveBody(r.auth.payload, blobs.path(file), {
    algorithms: [...algorithms],
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const body = { ...digests, file };
  try {
    if (body.size !== length) throw incompleteBody();
    const claimed = await verifyBody(r.req, claims, body, r.auth.trailers);
    return claimed ? { body, claimed } : { body };
  } catch (error) {
    blobs.discard(file);
    throw error;
  }
}
