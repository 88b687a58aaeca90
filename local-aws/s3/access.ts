import { TLSSocket } from 'node:tls';
import type { AwsError } from '../http/aws-error';
import { authorizeS3 } from '../iam/authorize';
import { accessPointArn } from './access-points/address';
import { accessDenied, noSuchKey } from './errors';
import type { S3Request } from './request';

/** arn:aws:s3:::<bucket> */
export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
/** arn:aws:s3:::<bucket>/<key> */
export const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** What an action applies to: the account (ListBuckets), the request's bucket, or one object. */
export type S3Resource = { on: 'account' } | { on: 'bucket' } | { on: 'object'; key: string };

/** The request's bucket as an S3Resource. */
export const theBucket: S3Resource = { on: 'bucket' };
/** One object of the request's bucket as an S3Resource. */
export const anObject = (key: string): S3Resource => ({ on: 'object', key });

function decide(
  r: S3Request,
  action: string,
  resource: string,
  context: Record<string, string>,
  resourcePolicy: Parameters<typeof authorizeS3>[1]['resourcePolicy'],
): boolean {
  const decision = authorizeS3(r.ctx, {
    credentials: r.auth.credentials,
    action,
    resource,
    context,
    ...(resourcePolicy ? { resourcePolicy } : {}),
    secureTransport: r.req.socket instanceof TLSSocket,
  });
  return decision === 'Allowed';
}

/**
 * True when S3 would allow the action. Directly on a bucket, the caller's role and the bucket
 * policy decide together. Through an access point, as S3 does it, both the access point (role and
 * access point policy, on the access point's ARNs) and the bucket (role and bucket policy, on the
 * bucket's ARNs) must allow it; both see the s3:DataAccessPoint* keys, with which a bucket policy
 * delegates its access control to its account's access points.
 */
export function isAllowed(
  r: S3Request,
  action: string,
  resource: S3Resource,
  context: Record<string, string> = {},
): boolean {
  if (resource.on === 'account') return decide(r, action, '*', context, undefined);
  const bucketPolicy = r.ctx.state.buckets[r.bucket]?.policy;
  const onBucket =
    resource.on === 'bucket' ? bucketArn(r.bucket) : objectArn(r.bucket, resource.key);
  const point = r.accessPoint;
  if (!point) return decide(r, action, onBucket, context, bucketPolicy);
  const pointArn = accessPointArn(r.ctx, point.name);
  const viaPoint = {
    ...context,
    's3:DataAccessPointArn': pointArn,
    's3:DataAccessPointAccount': r.ctx.state.accountId,
    's3:AccessPointNetworkOrigin': 'Internet',
  };
  const onPoint = resource.on === 'bucket' ? pointArn : `${pointArn}/object/${resource.key}`;
  return (
    decide(r, action, onPoint, viaPoint, point.policy) &&
    decide(r, action, onBucket, viaPoint, bucketPolicy)
  );
}

/** Throws S3's AccessDenied unless S3 would allow the action (see isAllowed). */
export function requireAllowed(
  r: S3Request,
  action: string,
  resource: S3Resource,
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
  return isAllowed(r, 's3:ListBucket', theBucket) ? noSuchKey(r.key) : accessDenied();
}
