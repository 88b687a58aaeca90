import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createChecksum, type ChecksumAlgorithm } from '../checksums';
import type { BlobStore } from '../storage/blob-store';
import type { Segment } from '../storage/records';

/** The ETag S3 gives a multipart object: MD5 of the parts' binary MD5s, then "-<part count>". */
export function multipartEtag(partEtags: readonly string[]): string {
  const md5 = createHash('md5');
  for (const etag of partEtags) md5.update(Buffer.from(etag, 'hex'));
  return `${md5.digest('hex')}-${partEtags.length}`;
}

/** A COMPOSITE checksum: the checksum of the parts' raw checksums, base64, then "-<part count>". */
export function compositeChecksum(
  algorithm: ChecksumAlgorithm,
  partChecksums: readonly string[],
): string {
  const hasher = createChecksum(algorithm);
  for (const value of partChecksums) hasher.update(Buffer.from(value, 'base64'));
  return `${hasher.digest().toString('base64')}-${partChecksums.length}`;
}

/** A FULL_OBJECT checksum of a multipart object, computed by reading its parts back in order. */
export async function fullObjectChecksum(
  blobs: BlobStore,
  segments: readonly Segment[],
  algorithm: ChecksumAlgorithm,
): Promise<string> {
  const hasher = createChecksum(algorithm);
  for (const segment of segments) {
    for await (const chunk of createReadStream(blobs.path(segment.file))) {
      hasher.update(chunk as Buffer);
    }
  }
  return hasher.digest().toString('base64');
}
