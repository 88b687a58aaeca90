import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';
import type { AuthenticatedRequest } from './auth/authenticate';
import type { AccessPointState } from './model';
import type { BucketStorage } from './storage/bucket-storage';

/** What ends up in requests.log for one S3 request; handlers fill in what they learn. */
export interface S3LogFields {
  action: string;
  bucket?: string;
  key?: string;
  uploadId?: string;
  partNumber?: number;
  /** A fault injected into this request, e.g. 'InternalError' or 'reset'. */
  fault?: string;
  /** The access point the request came through, by name. */
  accessPoint?: string;
  /** The conditional-write header a PutObject or CompleteMultipartUpload carried. */
  condition?: 'If-None-Match' | 'If-Match';
}

/** One S3 request after routing and authentication, as every operation handler receives it. */
export interface S3Request {
  ctx: LocalAwsContext;
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  /** The bucket itself, also when the request came through an access point. */
  bucket: string;
  /** The access point the request came through, if it did. */
  accessPoint?: AccessPointState;
  /** '' for bucket-level operations. */
  key: string;
  requestId: string;
  auth: AuthenticatedRequest;
  log: S3LogFields;
}

/** A request addressed to an existing bucket, with that bucket's storage opened. */
export interface BucketRequest extends S3Request {
  storage: BucketStorage;
}

/** A request header as one string (Node joins repeated headers into arrays for a few names). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
