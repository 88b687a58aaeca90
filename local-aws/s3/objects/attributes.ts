import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../http/aws-error';
import { header } from '../request';
import type { ObjectAttributes } from '../storage/records';

/** S3's default when a PUT names no Content-Type. */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';
const STORED_HEADERS = [
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
] as const;
const METADATA_PREFIX = 'x-amz-meta-';
const MAX_METADATA_BYTES = 2 * 1024;

/**
 * The attributes a PutObject or CreateMultipartUpload sets: content type, the standard headers S3
 * stores, and user metadata (x-amz-meta-*), limited to 2 KB as in S3.
 */
export function attributesFromRequest(req: IncomingMessage): ObjectAttributes {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    let value = header(req, name);
    // aws-chunked describes how this request was framed, not the object; S3 drops it.
    if (name === 'content-encoding' && value !== undefined) {
      value = value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '' && v.toLowerCase() !== 'aws-chunked')
        .join(',');
    }
    if (value) headers[name] = value;
  }
  const userMetadata: Record<string, string> = {};
  let metadataBytes = 0;
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith(METADATA_PREFIX) || value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    const short = name.slice(METADATA_PREFIX.length);
    userMetadata[short] = joined;
    metadataBytes += Buffer.byteLength(short) + Buffer.byteLength(joined);
  }
  if (metadataBytes > MAX_METADATA_BYTES) {
    throw new AwsError(
      'MetadataTooLarge',
      'Your metadata headers exceed the maximum allowed metadata size',
      400,
      { Size: String(metadataBytes), MaxSizeAllowed: String(MAX_METADATA_BYTES) },
    );
  }
  return {
    contentType: header(req, 'content-type') || DEFAULT_CONTENT_TYPE,
    headers,
    userMetadata,
  };
}
