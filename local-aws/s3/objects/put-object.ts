import { checksumHeaderName } from '../checksums';
import { receiveVerifiedBody } from '../integrity/verified-body';
import type { BucketRequest } from '../request';
import { sendEmpty } from '../respond';
import { attributesFromRequest } from './attributes';
import { beginConditionalWrite, type WriteGuard } from './conditional-write';
import { quoteEtag } from './object-headers';

/** S3 keeps Last-Modified in whole seconds. */
export const wholeSeconds = (epochMs: number) => Math.floor(epochMs / 1000) * 1000;

/**
 * PutObject: streams the body to disk, verifies it, then replaces the key atomically. A conditional
 * put is checked before its body is read, and confirmed in the same step as the replacement.
 */
export async function putObject(r: BucketRequest): Promise<void> {
  const guard = beginConditionalWrite(r);
  try {
    await store(r, guard);
  } finally {
    guard.end();
  }
}

async function store(r: BucketRequest, guard: WriteGuard): Promise<void> {
  const { objects, blobs } = r.storage;
  const attributes = attributesFromRequest(r.req);
  const { body, claimed } = await receiveVerifiedBody(r);
  const { file } = body;
  try {
    guard.confirm();
  } catch (error) {
    blobs.discard(file);
    throw error;
  }
  const etag = body.md5.toString('hex');
  const checksum = claimed && { ...claimed, type: 'FULL_OBJECT' as const };
  await objects.put({
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
