import { z } from 'zod';

/** The flexible checksum algorithms S3 accepts, spelled as in its headers' suffixes (upper case). */
export const ChecksumAlgorithmName = z.enum(['CRC32', 'CRC32C', 'SHA1', 'SHA256', 'CRC64NVME']);
export type ChecksumAlgorithmName = z.infer<typeof ChecksumAlgorithmName>;

/** FULL_OBJECT covers every byte; COMPOSITE is a checksum of the parts' checksums ("...-N"). */
export const ChecksumType = z.enum(['FULL_OBJECT', 'COMPOSITE']);
export type ChecksumType = z.infer<typeof ChecksumType>;

/** An object's checksum as stored and returned with x-amz-checksum-mode: ENABLED. */
export const StoredChecksum = z.object({
  algorithm: ChecksumAlgorithmName,
  type: ChecksumType,
  /** Base64, with "-N" appended for COMPOSITE. */
  value: z.string(),
});
export type StoredChecksum = z.infer<typeof StoredChecksum>;

/** What an object or upload carries besides its bytes: the headers S3 echoes back on GET. */
export const ObjectAttributes = z.object({
  contentType: z.string(),
  /** cache-control, content-disposition, content-encoding, content-language, expires. */
  headers: z.record(z.string(), z.string()),
  /** x-amz-meta-* without the prefix, names in lower case. */
  userMetadata: z.record(z.string(), z.string()),
});
export type ObjectAttributes = z.infer<typeof ObjectAttributes>;

/** One contiguous run of an object's bytes on disk: the whole body, or one multipart part. */
export const Segment = z.object({
  /** File name inside the bucket's blobs folder. */
  file: z.string().regex(/^[A-Za-z0-9-]+$/),
  size: z.number().int().nonnegative(),
  /** The part's ETag (MD5 hex); for a single PUT it equals the object's. */
  etag: z.string(),
  /** The part's own checksum (base64) in the object's algorithm, for multipart objects. */
  checksum: z.string().optional(),
});
export type Segment = z.infer<typeof Segment>;

/** <bucket>/objects/<sha256(key)>.json: everything S3 knows about one object. */
export const ObjectRecord = ObjectAttributes.extend({
  key: z.string(),
  size: z.number().int().nonnegative(),
  /** Without quotes: "md5hex" or "md5-of-md5s-N". */
  etag: z.string(),
  /** Epoch milliseconds, whole seconds as S3 keeps them. */
  lastModified: z.number().int(),
  checksum: StoredChecksum.optional(),
  /** True when the object came from CompleteMultipartUpload (then segments are its parts). */
  multipart: z.boolean(),
  segments: z.array(Segment),
});
export type ObjectRecord = z.infer<typeof ObjectRecord>;

/** <bucket>/uploads/<uploadId>/upload.json: a multipart upload in progress. */
export const UploadRecord = ObjectAttributes.extend({
  uploadId: z.string(),
  key: z.string(),
  /** Epoch milliseconds. */
  initiated: z.number().int(),
  checksum: z.object({ algorithm: ChecksumAlgorithmName, type: ChecksumType }).optional(),
  /** The identity (or access key) that created it, reported as Initiator/Owner. */
  initiator: z.string(),
});
export type UploadRecord = z.infer<typeof UploadRecord>;

/** <bucket>/uploads/<uploadId>/part-<n>.json: the last successfully stored copy of one part. */
export const PartRecord = z.object({
  partNumber: z.number().int().min(1).max(10_000),
  file: z.string().regex(/^[A-Za-z0-9-]+$/),
  size: z.number().int().nonnegative(),
  etag: z.string(),
  lastModified: z.number().int(),
  checksum: z.object({ algorithm: ChecksumAlgorithmName, value: z.string() }).optional(),
});
export type PartRecord = z.infer<typeof PartRecord>;
