import { join } from 'node:path';
import type { LocalAwsContext } from '../../context';
import { BlobStore } from './blob-store';
import { ObjectTable } from './object-table';
import { UploadTable } from './upload-table';

/** Everything stored for one bucket under <data>/s3/<bucket>/. */
export interface BucketStorage {
  readonly name: string;
  readonly blobs: BlobStore;
  readonly objects: ObjectTable;
  readonly uploads: UploadTable;
}

function openBucket(dataDir: string, name: string): BucketStorage {
  const root = join(dataDir, 's3', name);
  const blobs = new BlobStore(join(root, 'blobs'), join(root, 'tmp'));
  const objects = new ObjectTable(join(root, 'objects'), blobs);
  const uploads = new UploadTable(join(root, 'uploads'), blobs);
  objects.load();
  uploads.load();
  // Only now does every surviving record hold its blobs, so anything else is debris of a crash.
  blobs.sweep();
  return { name, blobs, objects, uploads };
}

const opened = new WeakMap<LocalAwsContext, Map<string, BucketStorage>>();

/**
 * The storage of a bucket that exists in the state, opened (and rebuilt from disk) on first use in
 * this server's lifetime; undefined for a bucket the state does not know.
 */
export function bucketStorage(ctx: LocalAwsContext, name: string): BucketStorage | undefined {
  if (!Object.hasOwn(ctx.state.buckets, name)) return undefined;
  let buckets = opened.get(ctx);
  if (!buckets) {
    buckets = new Map();
    opened.set(ctx, buckets);
  }
  let bucket = buckets.get(name);
  if (!bucket) {
    bucket = openBucket(ctx.dataDir, name);
    buckets.set(name, bucket);
  }
  return bucket;
}

/** Opens every bucket now, so a restart rebuilds its indexes (and sweeps debris) up front. */
export function openAllBuckets(ctx: LocalAwsContext): void {
  for (const name of Object.keys(ctx.state.buckets)) bucketStorage(ctx, name);
}
