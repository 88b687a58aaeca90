import type { BucketRequest } from '../request';
import { sendEmpty } from '../respond';
import { findUpload } from './find-upload';

/** AbortMultipartUpload: forgets the upload and frees its parts; NoSuchUpload afterwards. */
export async function abortMultipartUpload(r: BucketRequest): Promise<void> {
  const upload = findUpload(r);
  await r.storage.uploads.remove(upload.uploadId);
  sendEmpty(r, 204);
}
