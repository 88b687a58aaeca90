import { z } from 'zod';
import {
  checksumHeaderName,
  DEFAULT_CHECKSUM_ALGORITHM,
  type ChecksumAlgorithm,
} from '../checksums';
import {
  badChecksum,
  entityTooSmall,
  invalidPart,
  invalidPartOrder,
  invalidRequest,
  malformedXml,
  noSuchUpload,
} from '../errors';
import { readVerifiedSmallBody } from '../integrity/small-body';
import { beginConditionalWrite, type WriteGuard } from '../objects/conditional-write';
import { quoteEtag, unquoteEtag } from '../objects/object-headers';
import { wholeSeconds } from '../objects/put-object';
import { header, type BucketRequest } from '../request';
import { sendXml } from '../respond';
import type { PartRecord, Segment, StoredChecksum, UploadRecord } from '../storage/records';
import { parseXmlBody } from '../xml';
import { compositeChecksum, fullObjectChecksum, multipartEtag } from './composite';
import { findUpload } from './find-upload';

/** Every part but the last must be at least this big. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

const ListedPart = z.object({
  PartNumber: z.string().regex(/^\d+$/),
  ETag: z.string(),
  ChecksumCRC32: z.string().optional(),
  ChecksumCRC32C: z.string().optional(),
  ChecksumCRC64NVME: z.string().optional(),
  ChecksumSHA1: z.string().optional(),
  ChecksumSHA256: z.string().optional(),
});
type ListedPart = z.infer<typeof ListedPart>;
const CompleteRequest = z.object({
  CompleteMultipartUpload: z.object({ Part: z.array(ListedPart).min(1).max(10_000) }),
});

const listedChecksum = (part: ListedPart, algorithm: ChecksumAlgorithm) =>
  part[`Checksum${algorithm}`]?.trim();

/** Matches the request's part list against the stored parts, with S3's errors for each misfit. */
function resolveParts(
  upload: UploadRecord,
  stored: PartRecord[],
  listed: ListedPart[],
): PartRecord[] {
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  const algorithm = upload.checksum?.algorithm;
  const resolved: PartRecord[] = [];
  let previous = 0;
  for (const part of listed) {
    const partNumber = Number(part.PartNumber);
    if (partNumber <= previous) throw invalidPartOrder(upload.uploadId);
    previous = partNumber;
    const match = byNumber.get(partNumber);
    if (!match || unquoteEtag(part.ETag) !== match.etag) {
      throw invalidPart(upload.uploadId, partNumber, part.ETag);
    }
    if (algorithm) {
      const claimed = listedChecksum(part, algorithm);
      if (claimed === undefined && upload.checksum?.type === 'COMPOSITE') {
        throw invalidRequest(
          `The upload was created using a ${algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${partNumber} in the request.`,
        );
      }
      if (claimed !== undefined && claimed !== match.checksum?.value) {
        throw invalidPart(upload.uploadId, partNumber, part.ETag);
      }
    }
    resolved.push(match);
  }
  resolved.forEach((part, i) => {
    if (i < resolved.length - 1 && part.size < MIN_PART_BYTES) {
      throw entityTooSmall(part.size, part.partNumber, quoteEtag(part.etag));
    }
  });
  return resolved;
}

/**
 * The object's checksum: composite of the parts', or the whole object's (verified if claimed), or
 * S3's default for an upload that named none.
 */
async function objectChecksum(
  r: BucketRequest,
  upload: UploadRecord,
  segments: Segment[],
): Promise<StoredChecksum | undefined> {
  // An upload created without a checksum ends with S3's default: a full-object CRC64NVME of the
  // assembled bytes, which S3 has stored for every upload since December 2024.
  const defaults = r.ctx.state.faults.defaultChecksums === 'crc64nvme';
  if (!upload.checksum && !defaults) return undefined;
  const { algorithm, type } = upload.checksum ?? {
    algorithm: DEFAULT_CHECKSUM_ALGORITHM,
    type: 'FULL_OBJECT' as const,
  };
  if (type === 'COMPOSITE') {
    const values = segments.map((s) => s.checksum ?? '');
    return { algorithm, type, value: compositeChecksum(algorithm, values) };
  }
  const value = await fullObjectChecksum(r.storage.blobs, segments, algorithm);
  const claimed = header(r.req, checksumHeaderName(algorithm));
  if (claimed !== undefined && claimed.trim() !== value) throw badChecksum(algorithm);
  return { algorithm, type, value };
}

/**
 * CompleteMultipartUpload: checks the part list, then turns the parts into the object. A failed
 * precondition (412) keeps the upload, so the client can still complete it otherwise or abort it;
 * a conflict (409) ends it, since S3 tells the client to start the upload over.
 */
export async function completeMultipartUpload(r: BucketRequest): Promise<void> {
  const upload = findUpload(r);
  const guard = beginConditionalWrite(r);
  try {
    await complete(r, upload, guard);
  } finally {
    guard.end();
  }
}

async function complete(r: BucketRequest, upload: UploadRecord, guard: WriteGuard): Promise<void> {
  const body = await readVerifiedSmallBody(r, { flexibleChecksums: false });
  if (body.length === 0) throw malformedXml();
  const listed = parseXmlBody(body, CompleteRequest).CompleteMultipartUpload.Part;
  const parts = resolveParts(upload, r.storage.uploads.parts(upload.uploadId), listed);
  const size = parts.reduce((sum, p) => sum + p.size, 0);
  const announced = header(r.req, 'x-amz-mp-object-size');
  if (announced !== undefined && Number(announced) !== size) {
    throw invalidRequest(
      `The provided 'x-amz-mp-object-size' header value "${announced}" does not match what was computed: "${size}"`,
    );
  }
  // A segment's checksum is read back under the object's algorithm (GET by part number), so
  // parts checksummed otherwise (CRC32 parts of an upload created without one, which ends with
  // the default CRC64NVME) keep theirs out of the object.
  const segments: Segment[] = parts.map((p) => ({
    file: p.file,
    size: p.size,
    etag: p.etag,
    ...(p.checksum && p.checksum.algorithm === upload.checksum?.algorithm
      ? { checksum: p.checksum.value }
      : {}),
  }));
  const checksum = await objectChecksum(r, upload, segments);
  // Reading a full-object checksum yields to other requests: the upload may be gone by now.
  if (!r.storage.uploads.get(upload.uploadId)) throw noSuchUpload(upload.uploadId);
  try {
    guard.confirm();
  } catch (error) {
    await r.storage.uploads.remove(upload.uploadId);
    throw error;
  }
  const etag = multipartEtag(parts.map((p) => p.etag));
  // Both tables change in memory before either awaits, so no request sees the object and the
  // upload at once; on disk the upload's folder goes only once the object's record is written.
  const written = r.storage.objects.put({
    contentType: upload.contentType,
    headers: upload.headers,
    userMetadata: upload.userMetadata,
    key: r.key,
    size,
    etag,
    lastModified: wholeSeconds(r.ctx.now()),
    ...(checksum ? { checksum } : {}),
    multipart: true,
    segments,
  });
  const removed = r.storage.uploads.remove(upload.uploadId, written);
  await Promise.all([written, removed]);
  const location = `${r.ctx.endpoint}/${r.bucket}/${r.key.split('/').map(encodeURIComponent).join('/')}`;
  sendXml(r, 'CompleteMultipartUploadResult', [
    ['Location', location],
    ['Bucket', r.bucket],
    ['Key', r.key],
    ['ETag', quoteEtag(etag)],
    ...(checksum
      ? ([
          [`Checksum${checksum.algorithm}`, checksum.value],
          ['ChecksumType', checksum.type],
        ] as const)
      : []),
  ]);
}
