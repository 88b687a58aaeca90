import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '../checksums';
import { invalidRequest } from '../errors';
import { attributesFromRequest } from '../objects/attributes';
import { header, type BucketRequest } from '../request';
import { sendXml } from '../respond';
import { randomString } from '../../state/ids';
import type { ChecksumType, UploadRecord } from '../storage/records';

/**
 * Reads x-amz-checksum-algorithm and x-amz-checksum-type as S3 pairs them: CRC64NVME is always
 * FULL_OBJECT, the SHAs always COMPOSITE, the CRC32s COMPOSITE unless asked otherwise.
 */
function readUploadChecksum(r: BucketRequest): UploadRecord['checksum'] {
  const rawAlgorithm = header(r.req, 'x-amz-checksum-algorithm')?.trim().toUpperCase();
  const rawType = header(r.req, 'x-amz-checksum-type')?.trim().toUpperCase();
  if (!rawAlgorithm) {
    if (rawType) {
      throw invalidRequest(
        'The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.',
      );
    }
    return undefined;
  }
  const algorithm = CHECKSUM_ALGORITHMS.find((a) => a === rawAlgorithm);
  if (!algorithm) {
    throw invalidRequest(
      'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]',
    );
  }
  const type = rawType ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE');
  if (type !== 'FULL_OBJECT' && type !== 'COMPOSITE') {
    throw invalidRequest('Value for x-amz-checksum-type header is invalid.');
  }
  if (!supports(algorithm, type)) {
    throw invalidRequest(
      `The ${type} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`,
    );
  }
  return { algorithm, type };
}

function supports(algorithm: ChecksumAlgorithm, type: ChecksumType): boolean {
  if (algorithm === 'CRC64NVME') return type === 'FULL_OBJECT';
  if (algorithm === 'SHA1' || algorithm === 'SHA256') return type === 'COMPOSITE';
  return true;
}

/** CreateMultipartUpload: records the upload (and its checksum choice) and returns its ID. */
export async function createMultipartUpload(r: BucketRequest): Promise<void> {
  const checksum = readUploadChecksum(r);
  const record: UploadRecord = {
    ...attributesFromRequest(r.req),
    uploadId: randomString(64),
    key: r.key,
    initiated: r.ctx.now(),
    ...(checksum ? { checksum } : {}),
    initiator: r.auth.credentials.identityId,
  };
  await r.storage.uploads.create(record);
  r.log.uploadId = record.uploadId;
  sendXml(
    r,
    'InitiateMultipartUploadResult',
    [
      ['Bucket', r.bucket],
      ['Key', r.key],
      ['UploadId', record.uploadId],
    ],
    checksum
      ? { 'x-amz-checksum-algorithm': checksum.algorithm, 'x-amz-checksum-type': checksum.type }
      : {},
  );
}
