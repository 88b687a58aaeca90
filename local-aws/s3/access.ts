import { TLSSocket } from 'node:tls';
import type { AwsError } from '../http/aws-error';
import { authorizeS3 } from '../iam/authorize';
import { accessDenied, noSuchKey } from './errors';
import type { S3Request } from './request';

/** arn:aws:s3:::<bucket> */
export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
/** arn:aws:s3:::<bucket>/<key> */
export const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** True when the caller's role allows the action on the resource. */
export function isAllowed(
  r: S3Request,
  action: string,
  resource: string,
  context?: Record<string, string>,
): boolean {
  const decision = authorizeS3(r.ctx, {
    credentials: r.auth.credentials,
    action,
    resource,
    ...(context ? { context } : {}),
    secureTransport: r.req.socket instanceof TLSSocket,
  });
  return decision === 'Allowed';
}

/** Throws S3's AccessDenied unless the caller's role allows the action on the resource. */
export function requireAllowed(
  r: S3Request,
  action: string,
  resource: string,
  context?: Record<string, string>,
): void {
  if (!isAllowed(r, action, resource, context)) throw accessDenied();
}

/**
 * The error for a key that does not exist. S3 only admits that a key is missing to a caller who may
 * list the bucket; anyone else gets AccessDenied, so that absence leaks nothing. The check carries
 * no s3:prefix, so a ListBucket grant that is conditioned on a prefix does not count.
 */
export function missingObjectError(r: S3Request): AwsError {
  return isAllowed(r, 's3:ListBucket', bucketArn(r.bucket)) ? noSuchKey(r.key) : accessDenied();
}
