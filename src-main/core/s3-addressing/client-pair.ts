import type { S3Client } from '@aws-sdk/client-s3';
import { parseAccessPointArn } from './access-point-arn';

/** What an S3 client is addressed for: plain buckets, or access point ARNs (s3ClientAddressing). */
export type S3Target = 'bucket' | 'accessPoint';

/** The target a request's Bucket needs: an access point ARN, or a bucket name. */
export function s3TargetOf(bucket: string): S3Target {
  return parseAccessPointArn(bucket) ? 'accessPoint' : 'bucket';
}

/**
 * One S3 client per target, each built on first use: most configurations name no access point,
 * so they never build (or rebuild, after a credentials refresh) the second client.
 */
export class S3ClientPair {
  private readonly built = new Map<S3Target, S3Client>();

  constructor(private readonly build: (target: S3Target) => S3Client) {}

  /** The client for `target`, built now if this pair has not built it yet. */
  get(target: S3Target): S3Client {
    let client = this.built.get(target);
    if (!client) this.built.set(target, (client = this.build(target)));
    return client;
  }

  /** The client for requests whose Bucket is `bucket` (a bucket name or access point ARN). */
  for(bucket: string): S3Client {
    return this.get(s3TargetOf(bucket));
  }

  /** Destroys the clients built so far. */
  destroy(): void {
    for (const client of this.built.values()) client.destroy();
  }
}
