import type { IncomingMessage } from 'node:http';
import { notModified, preconditionFailed } from '../errors';
import { header } from '../request';
import type { ObjectRecord } from '../storage/records';
import { unquoteEtag } from './object-headers';

function etagListMatches(list: string, etag: string): boolean {
  return list.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || unquoteEtag(trimmed) === etag;
  });
}

/** Seconds since the epoch of an HTTP date header, or undefined when absent or unparseable. */
function dateSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * Applies GET/HEAD conditional headers in RFC 7232 order, which gives S3's documented pairs:
 * If-Match true with If-Unmodified-Since false serves the object; If-None-Match false with
 * If-Modified-Since true answers 304.
 */
export function checkReadConditions(req: IncomingMessage, record: ObjectRecord): void {
  const modified = Math.floor(record.lastModified / 1000);
  const ifMatch = header(req, 'if-match');
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, record.etag)) throw preconditionFailed('If-Match');
  } else {
    const since = dateSeconds(header(req, 'if-unmodified-since'));
    if (since !== undefined && modified > since) throw preconditionFailed('If-Unmodified-Since');
  }
  const ifNoneMatch = header(req, 'if-none-match');
  if (ifNoneMatch !== undefined) {
    if (etagListMatches(ifNoneMatch, record.etag)) throw notModified();
  } else {
    const since = dateSeconds(header(req, 'if-modified-since'));
    if (since !== undefined && modified <= since) throw notModified();
  }
}
