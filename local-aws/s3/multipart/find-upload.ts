import { invalidArgument, noSuchUpload } from '../errors';
import type { BucketRequest } from '../request';
import type { UploadRecord } from '../storage/records';
import { UPLOAD_ID_PATTERN } from '../storage/upload-table';

/** The upload named by ?uploadId, which must exist and belong to the request's key. */
export function findUpload(r: BucketRequest): UploadRecord {
  const uploadId = r.query.get('uploadId') ?? '';
  r.log.uploadId = uploadId;
  const upload = UPLOAD_ID_PATTERN.test(uploadId) ? r.storage.uploads.get(uploadId) : undefined;
  if (!upload || upload.key !== r.key) throw noSuchUpload(uploadId);
  return upload;
}

/** Reads ?partNumber, which S3 requires to be an integer from 1 to 10,000. */
export function readPartNumber(r: BucketRequest): number {
  const raw = r.query.get('partNumber') ?? '';
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 10_000) {
    throw invalidArgument(
      'Part number must be an integer between 1 and 10000, inclusive',
      'partNumber',
      raw,
    );
  }
  r.log.partNumber = value;
  return value;
}
