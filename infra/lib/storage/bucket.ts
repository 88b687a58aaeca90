import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { HakobuBackendProps } from '../props';

/** Days after which S3 aborts a multipart upload nobody finished, so orphaned parts stop billing. */
export const ABORT_INCOMPLETE_UPLOADS_DAYS = 7;

/**
 * The bucket users upload into: private (Block Public Access, owner-enforced), encrypted, reachable
 * over TLS only, and swept of abandoned multipart uploads.
 */
export class HakobuBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: HakobuBackendProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      ...(props.bucketName ? { bucketName: props.bucketName } : {}),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: props.versioned,
      lifecycleRules: [
        {
          id: 'AbortIncompleteMultipartUploads',
          abortIncompleteMultipartUploadAfter: Duration.days(ABORT_INCOMPLETE_UPLOADS_DAYS),
        },
        ...(props.versioned
          ? [{ id: 'ExpireOldVersions', noncurrentVersionExpiration: Duration.days(30) }]
          : []),
      ],
      // Hakobu uploads from its main process (Node), where CORS does not apply; only a browser
      // client needs a rule.
      ...(props.browserOrigins.length
        ? {
            cors: [
              {
                allowedOrigins: props.browserOrigins,
                allowedMethods: [
                  HttpMethods.GET,
                  HttpMethods.PUT,
                  HttpMethods.POST,
                  HttpMethods.DELETE,
                  HttpMethods.HEAD,
                ],
                allowedHeaders: ['*'],
                exposedHeaders: ['ETag'],
                maxAge: 3000,
              },
            ],
          }
        : {}),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
