import { rm } from 'node:fs/promises';
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
  /** Running byte count while the body streams in; throwing aborts the transfer. */
  onProgress?: (received: number) => void;
}

/**
 * Receives a request body into a temp file and verifies it: announced length (MissingContentLength,
 * EntityTooLarge, IncompleteBody), Content-MD5 and the flexible checksum. On failure the temp file
 * is already gone.
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
  const body = await receiveBody(r.auth.payload, r.storage.blobs.newTempPath(), {
    algorithms: [...algorithms],
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  try {
    if (body.size !== length) throw incompleteBody();
    const claimed = await verifyBody(r.req, claims, body, r.auth.trailers);
    return claimed ? { body, claimed } : { body };
  } catch (error) {
    await rm(body.tempPath, { force: true });
    throw error;
  }
}
