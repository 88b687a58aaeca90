import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The only signing algorithm S3 accepts from SigV4 clients. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
/** The hex SHA-256 of zero bytes, which chunk string-to-signs carry in place of chunk headers. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** HMAC-SHA256 of a UTF-8 string. */
export function hmacSha256(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Lower-case hex SHA-256 of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The credential scope, e.g. 20130524/us-east-1/s3/aws4_request. */
export function credentialScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/aws4_request`;
}

// The key is a pure function of its four inputs, and a client signs every request of a day with
// the same one: four HMACs (and a KeyObject each) per request bought nothing. Bounded, since
// every caller's secret and day adds an entry; clearing it all at the bound only costs recomputes.
const signingKeys = new Map<string, Buffer>();
const SIGNING_KEYS_KEPT = 1024;

/** Derives the SigV4 signing key from the secret and the scope's date, region and service. */
export function deriveSigningKey(
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
): Buffer {
  // JSON, so no field's text can run into the next one's and make two inputs share an entry.
  const id = JSON.stringify([secretAccessKey, shortDate, region, service]);
  const known = signingKeys.get(id);
  if (known) return known;
  const dateKey = hmacSha256(`AWS4${secretAccessKey}`, shortDate);
  const regionKey = hmacSha256(dateKey, region);
  const serviceKey = hmacSha256(regionKey, service);
  const key = hmacSha256(serviceKey, 'aws4_request');
  if (signingKeys.size >= SIGNING_KEYS_KEPT) signingKeys.clear();
  signingKeys.set(id, key);
  return key;
}

/** Signs a string-to-sign with a derived key, giving the lower-case hex signature. */
export function signString(signingKey: Buffer, stringToSign: string): string {
  return hmacSha256(signingKey, stringToSign).toString('hex');
}

/** Compares two hex signatures without leaking where they differ. */
export function signaturesEqual(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
