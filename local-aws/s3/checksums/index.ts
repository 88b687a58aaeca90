import { Crc32c } from '@aws-crypto/crc32c';
import { createHash, type Hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { crc32 } from 'node:zlib';
import { AwsError } from '../../http/aws-error';
import { Crc64Nvme } from './crc64-nvme';

/** The additional checksums S3 accepts (x-amz-checksum-<lower-case name>). */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256' | 'CRC64NVME';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = [
  'CRC32',
  'CRC32C',
  'SHA1',
  'SHA256',
  'CRC64NVME',
];

/**
 * The checksum S3 stores for an upload that names none (since December 2024): a full-object
 * CRC64NVME, for single PUTs and multipart uploads alike.
 */
export const DEFAULT_CHECKSUM_ALGORITHM: ChecksumAlgorithm = 'CRC64NVME';

/** An incremental digest; digest() returns the raw bytes S3 base64-encodes in headers and XML. */
export interface Checksum {
  update(data: Uint8Array): void;
  digest(): Buffer;
}

function uint32BigEndian(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0, 0);
  return out;
}

function fromNodeHash(hash: Hash): Checksum {
  return { update: (data) => void hash.update(data), digest: () => hash.digest() };
}

/** Starts an incremental checksum of the given algorithm. */
export function createChecksum(algorithm: ChecksumAlgorithm): Checksum {
  switch (algorithm) {
    case 'CRC32': {
      let value = 0;
      return {
        update: (data) => void (value = crc32(data, value)),
        digest: () => uint32BigEndian(value),
      };
    }
    case 'CRC32C': {
      const crc = new Crc32c();
      return {
        update: (data) => void crc.update(data),
        digest: () => uint32BigEndian(crc.digest()),
      };
    }
    case 'SHA1':
      return fromNodeHash(createHash('sha1'));
    case 'SHA256':
      return fromNodeHash(createHash('sha256'));
    case 'CRC64NVME':
      return new Crc64Nvme();
  }
}

/** Starts an incremental MD5, which S3 uses for ETags and Content-MD5. */
export function createMd5(): Checksum {
  return fromNodeHash(createHash('md5'));
}

/** The request/response header that carries a checksum, e.g. x-amz-checksum-crc32. */
export function checksumHeaderName(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

function algorithmFromHeaderName(name: string): ChecksumAlgorithm | undefined {
  return CHECKSUM_ALGORITHMS.find((algorithm) => checksumHeaderName(algorithm) === name);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads the checksum algorithm a request names (x-amz-checksum-*, x-amz-sdk-checksum-algorithm,
 * x-amz-trailer). Throws S3's InvalidRequest when it names an unknown algorithm or more than one.
 */
export function requestedChecksumAlgorithm(
  headers: IncomingHttpHeaders,
): ChecksumAlgorithm | undefined {
  // x-amz-checksum-type and x-amz-checksum-algorithm (CreateMultipartUpload) are not values.
  const valued = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-amz-checksum-'))
    .map(algorithmFromHeaderName)
    .filter((algorithm): algorithm is ChecksumAlgorithm => algorithm !== undefined);
  const trailer = single(headers['x-amz-trailer'])?.trim().toLowerCase();
  const trailed = trailer ? algorithmFromHeaderName(trailer) : undefined;
  if (trailer && !trailed) {
    throw new AwsError(
      'InvalidRequest',
      'The value specified in the x-amz-trailer header is not supported',
    );
  }
  const named = new Set([...valued, ...(trailed ? [trailed] : [])]);
  if (named.size > 1) {
    throw new AwsError(
      'InvalidRequest',
      'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    );
  }
  const [algorithm] = named;
  if (algorithm) return algorithm;

  const sdk = single(headers['x-amz-sdk-checksum-algorithm'])?.trim().toUpperCase();
  if (!sdk) return undefined;
  const declared = CHECKSUM_ALGORITHMS.find((candidate) => candidate === sdk);
  if (!declared) {
    throw new AwsError(
      'InvalidRequest',
      'Value for x-amz-sdk-checksum-algorithm header is invalid.',
    );
  }
  return declared;
}

const DIGEST_LENGTH: Record<ChecksumAlgorithm, number> = {
  CRC32: 4,
  CRC32C: 4,
  SHA1: 20,
  SHA256: 32,
  CRC64NVME: 8,
};

/**
 * Compares a client's base64 checksum with the computed digest: S3's InvalidRequest when the value
 * cannot be a checksum of that kind, BadDigest when it is well-formed but wrong.
 */
export function verifyChecksum(
  algorithm: ChecksumAlgorithm,
  claimedBase64: string,
  actual: Buffer,
): void {
  const claimed = Buffer.from(claimedBase64, 'base64');
  if (claimed.length !== DIGEST_LENGTH[algorithm] || claimed.toString('base64') !== claimedBase64) {
    throw new AwsError(
      'InvalidRequest',
      `Value for ${checksumHeaderName(algorithm)} header is invalid.`,
    );
  }
  if (!claimed.equals(actual)) {
    throw new AwsError(
      'BadDigest',
      `The ${algorithm} you specified did not match the calculated checksum.`,
    );
  }
}
