import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../http/aws-error';
import {
  checksumHeaderName,
  requestedChecksumAlgorithm,
  verifyChecksum,
  type ChecksumAlgorithm,
} from '../checksums';
import { badContentMd5, invalidDigest, invalidRequest } from '../errors';
import { header } from '../request';
import type { BodyDigests } from '../storage/receive-body';

/** What a request promises about its body: a Content-MD5 and/or one flexible checksum. */
export interface IntegrityClaims {
  contentMd5?: string;
  algorithm?: ChecksumAlgorithm;
  /** Where the checksum value comes from: a header now, or a trailer after the body. */
  source?: 'header' | 'trailer';
}

/**
 * Reads the integrity headers before the body streams, so malformed ones fail fast, and tells the
 * receiver which checksum to compute.
 */
export function readIntegrityClaims(req: IncomingMessage): IntegrityClaims {
  const claims: IntegrityClaims = {};
  const md5 = header(req, 'content-md5');
  if (md5 !== undefined) {
    const raw = Buffer.from(md5, 'base64');
    if (raw.length !== 16 || raw.toString('base64') !== md5) throw invalidDigest(md5);
    claims.contentMd5 = md5;
  }
  const algorithm = requestedChecksumAlgorithm(req.headers);
  if (!algorithm) return claims;
  claims.algorithm = algorithm;
  const name = checksumHeaderName(algorithm);
  const trailer = header(req, 'x-amz-trailer')?.trim().toLowerCase();
  if (header(req, name) !== undefined) claims.source = 'header';
  else if (trailer === name) claims.source = 'trailer';
  else
    throw invalidRequest(
      'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.',
    );
  return claims;
}

/** A flexible checksum the client sent and the body matched. */
export interface VerifiedChecksum {
  algorithm: ChecksumAlgorithm;
  /** Base64 of the digest. */
  value: string;
}

/** 400 MalformedTrailerError: a declared trailer that never arrived. */
const malformedTrailer = () =>
  new AwsError(
    'MalformedTrailerError',
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
  );

/**
 * Checks a received body against the request's claims: Content-MD5 (BadDigest) and the flexible
 * checksum from its header or trailer (InvalidRequest when malformed, BadDigest when different).
 * Returns the verified checksum when the request carried one.
 */
export async function verifyBody(
  req: IncomingMessage,
  claims: IntegrityClaims,
  body: BodyDigests,
  trailers: Promise<Record<string, string>>,
): Promise<VerifiedChecksum | undefined> {
  if (claims.contentMd5 !== undefined) {
    const calculated = body.md5.toString('base64');
    if (calculated !== claims.contentMd5) throw badContentMd5(claims.contentMd5, calculated);
  }
  const { algorithm } = claims;
  if (!algorithm) return undefined;
  const name = checksumHeaderName(algorithm);
  const claimed =
    claims.source === 'header' ? header(req, name) : lowerCaseKeys(await trailers)[name];
  if (claimed === undefined) throw malformedTrailer();
  const actual = body.checksums[algorithm];
  if (!actual) throw new Error(`checksum ${algorithm} was not computed`);
  verifyChecksum(algorithm, claimed.trim(), actual);
  return { algorithm, value: actual.toString('base64') };
}

function lowerCaseKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}
