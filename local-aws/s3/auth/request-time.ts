import {
  authorizationQueryParametersError,
  presignedUrlExpired,
  presignedUrlNotYetValid,
  requestTimeTooSkewed,
} from './auth-errors';
import type { SignatureClaim } from './signature-claim';

/** S3 refuses requests signed more than 15 minutes away from its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Epoch milliseconds of a yyyymmddThhmmssZ timestamp. */
export function parseAmzDate(amzDate: string): number {
  const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  return Date.parse(iso);
}

/**
 * Checks a claim's timestamp against the server clock: a header-signed request must be within the
 * allowed skew, a presigned URL must have started and not yet expired.
 */
export function checkRequestTime(claim: SignatureClaim, nowMs: number): void {
  const signedAt = parseAmzDate(claim.amzDate);
  if (claim.kind === 'header') {
    if (Number.isNaN(signedAt) || Math.abs(nowMs - signedAt) > MAX_CLOCK_SKEW_MS) {
      throw requestTimeTooSkewed(claim.rawRequestTime, nowMs);
    }
    return;
  }
  if (Number.isNaN(signedAt)) {
    throw authorizationQueryParametersError(
      `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`,
    );
  }
  if (signedAt - nowMs > MAX_CLOCK_SKEW_MS) throw presignedUrlNotYetValid(claim.amzDate, nowMs);
  const expiresSeconds = claim.expiresSeconds ?? 0;
  const expiresAt = signedAt + expiresSeconds * 1000;
  if (nowMs > expiresAt) throw presignedUrlExpired(expiresSeconds, expiresAt, nowMs);
}
