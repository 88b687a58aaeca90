import { rm } from 'node:fs/promises';
import { checksumHeaderName } from '../checksums';
import { receiveVerifiedBody } from '../integrity/verified-body';
import type { BucketRequest } from '../request';
import { sendEmpty } from '../respond';
import { attributesFromRequest } from './attributes';
import { checkWriteConditions } from './conditions';
import { quoteEtag } from './object-headers';

/** S3 keeps Last-Modified in whole seconds. */
export const wholeSeconds = (epochMs: number) => Math.floor(epochMs / 1000) * 1000;

/** PutObject: streams the body to disk, verifies it, then replaces the key atomically. */
export async function putObject(r: BucketRequest): Promise<void> {
  const { objects, blobs } = r.storage;
  checkWriteConditions(r.req, r.key, objects.get(r.key));
  const attributes = attributesFromRequest(r.req);
  const { body, claimed } = await receiveVerifiedBody(r);
  try {
    // Checked again: another writer may have won while this body streamed in.
    checkWriteConditions(r.req, r.key, objects.get(r.key));
  } catch (error) {
    await rm(body.tempPath, { force: true });
    throw error;
  }
  const file = await blobs.adopt(body.tempPath);
  const etag = body.md5.toString('hex');
  const checksum = claimed && { ...claimed, type: 'FULL_OBJECT' as const };
  objects.put({
    ...attributes,
    key: r.key,
    size: body.size,
    etag,
    lastModified: wholeSeconds(r.ctx.now()),
    ...(checksum ? { checksum } : {}),
    multipart: false,
    segments: [{ file, size: body.size, etag }],
  });
  sendEmpty(r, 200, {
    etag: quoteEtag(etag),
    'x-amz-server-side-encryption': 'AES256',
    ...(checksum
      ? {
          [checksumHeaderName(checksum.algorithm)]: checksum.value,
          'x-amz-checksum-type': checksum.type,
        }
      : {}),
  });
}
