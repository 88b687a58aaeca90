import type { AwsError } from '../http/aws-error';
import { getBucketLocation, headBucket, listBuckets } from './bucket/bucket-operations';
import { methodNotAllowed, notImplemented } from './errors';
import { listObjectsV1, listObjectsV2 } from './listing/list-objects';
import { abortMultipartUpload } from './multipart/abort-upload';
import { completeMultipartUpload } from './multipart/complete-upload';
import { createMultipartUpload } from './multipart/create-upload';
import { listMultipartUploads } from './multipart/list-uploads';
import { listParts } from './multipart/list-parts';
import { uploadPart } from './multipart/upload-part';
import { deleteObject, deleteObjects } from './objects/delete-object';
import { getObject, headObject } from './objects/get-object';
import { putObject } from './objects/put-object';
import type { BucketRequest, S3Request } from './request';

/** How an operation is authorized before its handler runs. */
export interface Permission {
  /** The IAM action, e.g. s3:GetObject. */
  action: string;
  /** Whether it applies to the bucket ARN or the object ARN. */
  on: 'bucket' | 'object' | 'account';
  /** Request condition keys, e.g. s3:prefix for listings. */
  context?: (query: URLSearchParams) => Record<string, string>;
}

/** One S3 operation: its name (as logged), its permission, and its handler. */
export type S3Operation =
  | { name: string; scope: 'service'; permission: Permission; handle(r: S3Request): Promise<void> }
  | {
      name: string;
      scope: 'bucket' | 'object';
      /** Undefined when the handler authorizes per item (DeleteObjects). */
      permission: Permission | undefined;
      handle(r: BucketRequest): Promise<void>;
    };

const prefixContext = (query: URLSearchParams) => ({ 's3:prefix': query.get('prefix') ?? '' });

const allow = (
  action: string,
  on: Permission['on'],
  context?: Permission['context'],
): Permission => (context ? { action, on, context } : { action, on });

const bucketOp = (
  name: string,
  permission: Permission | undefined,
  handle: (r: BucketRequest) => Promise<void>,
): S3Operation => ({ name, scope: 'bucket', permission, handle });

const objectOp = (
  name: string,
  action: string,
  handle: (r: BucketRequest) => Promise<void>,
): S3Operation => ({ name, scope: 'object', permission: allow(action, 'object'), handle });

// Subresources S3 has but the stand-in does not serve: answered NotImplemented rather than
// silently treated as a plain GET or PUT of the object or bucket.
const UNSERVED = [
  'acl',
  'tagging',
  'versioning',
  'versions',
  'policy',
  'cors',
  'lifecycle',
  'website',
  'logging',
  'notification',
  'replication',
  'encryption',
  'object-lock',
  'retention',
  'legal-hold',
  'torrent',
  'attributes',
  'restore',
  'select',
  'accelerate',
  'requestPayment',
  'ownershipControls',
  'publicAccessBlock',
  'intelligent-tiering',
  'inventory',
  'metrics',
  'analytics',
  'renameObject',
];

function bucketOperation(method: string, q: URLSearchParams): S3Operation | AwsError {
  if (method === 'GET' && q.has('location')) {
    return bucketOp(
      'GetBucketLocation',
      allow('s3:GetBucketLocation', 'bucket'),
      getBucketLocation,
    );
  }
  if (method === 'GET' && q.has('uploads')) {
    return bucketOp(
      'ListMultipartUploads',
      allow('s3:ListBucketMultipartUploads', 'bucket', prefixContext),
      listMultipartUploads,
    );
  }
  if (method === 'GET' && q.get('list-type') === '2') {
    return bucketOp(
      'ListObjectsV2',
      allow('s3:ListBucket', 'bucket', prefixContext),
      listObjectsV2,
    );
  }
  if (method === 'GET') {
    return bucketOp('ListObjects', allow('s3:ListBucket', 'bucket', prefixContext), listObjectsV1);
  }
  if (method === 'HEAD')
    return bucketOp('HeadBucket', allow('s3:ListBucket', 'bucket'), headBucket);
  if (method === 'POST' && q.has('delete'))
    return bucketOp('DeleteObjects', undefined, deleteObjects);
  if (method === 'PUT' || method === 'DELETE') {
    return notImplemented(method === 'PUT' ? 'CreateBucket' : 'DeleteBucket');
  }
  return methodNotAllowed(method, 'BUCKET');
}

function objectOperation(
  method: string,
  q: URLSearchParams,
  copySource: boolean,
): S3Operation | AwsError {
  const uploadId = q.has('uploadId');
  if (method === 'GET' && uploadId) {
    return objectOp('ListParts', 's3:ListMultipartUploadParts', listParts);
  }
  if (method === 'GET') return objectOp('GetObject', 's3:GetObject', getObject);
  if (method === 'HEAD') return objectOp('HeadObject', 's3:GetObject', headObject);
  if (method === 'PUT' && copySource) {
    return notImplemented(uploadId ? 'UploadPartCopy' : 'x-amz-copy-source');
  }
  if (method === 'PUT' && uploadId && q.has('partNumber')) {
    return objectOp('UploadPart', 's3:PutObject', uploadPart);
  }
  if (method === 'PUT') return objectOp('PutObject', 's3:PutObject', putObject);
  if (method === 'POST' && q.has('uploads')) {
    return objectOp('CreateMultipartUpload', 's3:PutObject', createMultipartUpload);
  }
  if (method === 'POST' && uploadId) {
    return objectOp('CompleteMultipartUpload', 's3:PutObject', completeMultipartUpload);
  }
  if (method === 'DELETE' && uploadId) {
    return objectOp('AbortMultipartUpload', 's3:AbortMultipartUpload', abortMultipartUpload);
  }
  if (method === 'DELETE') return objectOp('DeleteObject', 's3:DeleteObject', deleteObject);
  return methodNotAllowed(method, 'OBJECT');
}

/**
 * Picks the operation for a path-style request from its method, whether it names a bucket and a
 * key, and its subresource query parameters; an AwsError when S3 would refuse the combination.
 */
export function resolveOperation(
  method: string,
  bucket: string,
  key: string,
  query: URLSearchParams,
  copySource: boolean,
): S3Operation | AwsError {
  const unserved = UNSERVED.find((name) => query.has(name));
  if (unserved) return notImplemented(unserved);
  if (bucket === '') {
    if (method === 'GET') {
      return {
        name: 'ListBuckets',
        scope: 'service',
        permission: allow('s3:ListAllMyBuckets', 'account'),
        handle: listBuckets,
      };
    }
    return methodNotAllowed(method, 'SERVICE');
  }
  return key === '' ? bucketOperation(method, query) : objectOperation(method, query, copySource);
}
