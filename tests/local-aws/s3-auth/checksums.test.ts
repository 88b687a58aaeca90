import { describe, expect, test } from 'vitest';
import { AwsError } from '../../../local-aws/http/aws-error';
import {
  createChecksum,
  createMd5,
  requestedChecksumAlgorithm,
  verifyChecksum,
  type ChecksumAlgorithm,
} from '../../../local-aws/s3/checksums';

// The standard check values: each algorithm's digest of the nine ASCII bytes "123456789".
const CHECK_VALUES: Record<ChecksumAlgorithm, string> = {
  CRC32: 'cbf43926',
  CRC32C: 'e3069283',
  CRC64NVME: 'ae8b14860a799888',
  SHA1: 'f7c3bc1d808e04732adf679965ccc34ca7ae3441',
  SHA256: '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225',
};

describe('checksums', () => {
  test.each(Object.entries(CHECK_VALUES))('%s of "123456789" is %s', (algorithm, hex) => {
    const checksum = createChecksum(algorithm as ChecksumAlgorithm);
    checksum.update(Buffer.from('123456789'));
    expect(checksum.digest().toString('hex')).toBe(hex);
  });

  test.each(Object.keys(CHECK_VALUES))('%s is the same fed in uneven pieces', (algorithm) => {
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) % 256));
    const whole = createChecksum(algorithm as ChecksumAlgorithm);
    whole.update(data);
    const pieces = createChecksum(algorithm as ChecksumAlgorithm);
    for (
      let offset = 0, size = 1;
      offset < data.length;
      offset += size, size = ((size * 3) % 101) + 1
    ) {
      pieces.update(data.subarray(offset, offset + size));
    }
    expect(pieces.digest().equals(whole.digest())).toBe(true);
  });

  test('MD5 for ETags', () => {
    const md5 = createMd5();
    md5.update(Buffer.from(''));
    expect(md5.digest().toString('hex')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});

describe('requestedChecksumAlgorithm', () => {
  test.each([
    [{}, undefined],
    [{ 'x-amz-checksum-crc32': 'AAAAAA==' }, 'CRC32'],
    [{ 'x-amz-checksum-crc64nvme': 'AAAAAAAAAAA=' }, 'CRC64NVME'],
    [{ 'x-amz-trailer': 'x-amz-checksum-crc32c' }, 'CRC32C'],
    [{ 'x-amz-sdk-checksum-algorithm': 'sha256' }, 'SHA256'],
    [{ 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': 'AAAAAA==' }, 'CRC32'],
    [{ 'x-amz-checksum-type': 'FULL_OBJECT', 'x-amz-checksum-algorithm': 'CRC32' }, undefined],
  ])('%j names %s', (headers, expected) => {
    expect(requestedChecksumAlgorithm(headers)).toBe(expected);
  });

  test.each([
    [{ 'x-amz-checksum-crc32': 'AAAAAA==', 'x-amz-checksum-sha1': 'x' }],
    [{ 'x-amz-sdk-checksum-algorithm': 'MD5' }],
    [{ 'x-amz-trailer': 'x-amz-checksum-md5' }],
  ])('%j is InvalidRequest', (headers) => {
    expect(() => requestedChecksumAlgorithm(headers)).toThrow(AwsError);
    try {
      requestedChecksumAlgorithm(headers);
    } catch (error) {
      expect(error).toMatchObject({ code: 'InvalidRequest', status: 400 });
    }
  });
});

describe('verifyChecksum', () => {
  const actual = (() => {
    const checksum = createChecksum('CRC32');
    checksum.update(Buffer.from('123456789'));
    return checksum.digest();
  })();

  test('accepts the right value', () => {
    expect(() => verifyChecksum('CRC32', actual.toString('base64'), actual)).not.toThrow();
  });

  test('a wrong value is BadDigest naming the algorithm', () => {
    expect(() => verifyChecksum('CRC32', 'AAAAAA==', actual)).toThrow(
      'The CRC32 you specified did not match the calculated checksum.',
    );
  });

  test('a value of the wrong size is InvalidRequest', () => {
    expect(() => verifyChecksum('CRC32', 'AAAAAAAA', actual)).toThrow(
      'Value for x-amz-checksum-crc32 header is invalid.',
    );
  });
});
