import type { OutgoingHttpHeaders } from 'node:http';
import { checksumHeaderName } from '../checksums';
import type { ObjectRecord } from '../storage/records';

/** An ETag as S3 sends it: in double quotes. */
export const quoteEtag = (etag: string) => `"${etag}"`;

/** Removes the quotes (and a weak W/ marker) a client may send around an ETag. */
export const unquoteEtag = (etag: string) => etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');

/** An HTTP date (RFC 7231 IMF-fixdate), as in Last-Modified. */
export const httpDate = (epochMs: number) => new Date(epochMs).toUTCString();

/** The headers GetObject and HeadObject describe an object with. */
export function objectHeaders(
  record: ObjectRecord,
  options: { checksumMode: boolean },
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'content-type': record.contentType,
    etag: quoteEtag(record.etag),
    'last-modified': httpDate(record.lastModified),
    'accept-ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
    ...record.headers,
  };
  for (const [name, value] of Object.entries(record.userMetadata)) {
    headers[`x-amz-meta-${name}`] = value;
  }
  if (options.checksumMode && record.checksum) {
    headers[checksumHeaderName(record.checksum.algorithm)] = record.checksum.value;
    headers['x-amz-checksum-type'] = record.checksum.type;
  }
  return headers;
}
