import { checksumHeaderName, DEFAULT_CHECKSUM_ALGORITHM } from '../checksums';
import type { VerifiedChecksum } from '../integrity/body-integrity';
import { receiveVerifiedBody } from '../integrity/verified-body';
import type { BucketRequest } from '../request';
import { sendEmpty } from '../respond';
import type { BodyDigests } from '../storage/receive-body';
import type { StoredChecksum } from '../storage/records';
import { attributesFromRequest } from './attributes';
import { beginConditionalWrite, type WriteGuard } from './conditional-write';
import { quoteEtag } from './object-headers';

/** S3 keeps Last-Modified in whole seconds. */
export const wholeSeconds = (epochMs: number) => Math.floor(epochMs / 1000) * 1000;

/**
 * What a single PUT stores: the client's verified checksum, else S3's default, whole-object (none
 * when the defaultChecksums setting is off).
 */
function storedChecksum(
  claimed: VerifiedChecksum | undefined,
  body: BodyDigests,
): StoredChecksum | undefined {
  if (claimed) return { ...claimed, type: 'FULL_OBJECT' };
  const digest = body.checksums[DEFAULT_CHECKSUM_ALGORITHM];
  if (!digest) return undefined;
  return {
    algorithm: DEFAULT_CHECKSUM_ALGORITHM,
    value: digest.toString('base64'),
    type: 'FULL_OBJECT',
  };
}

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
  // An upload without a checksum still gets one: S3 has stored a full-object CRC64NVME for
  // those since December 2024, and current SDKs read it back with ChecksumMode.
  const defaults = r.ctx.state.faults.defaultChecksums === 'crc64nvme';
  const { body, claimed } = await receiveVerifiedBody(
    r,
    defaults ? { fallback: DEFAULT_CHECKSUM_ALGORITHM } : {},
  );
  const { file } = body;
  try {
    guard.confirm();
  } catch (error) {
    blobs.discard(file);
    throw error;
  }
  const etag = body.md5.toString('hex');
  const checksum = storedChecksum(claimed, body);
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
