import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAwsContext } from '../../context';
import { BlobStore } from './blob-store';
import { hasLegacyRecords, readLegacyRecords, removeLegacyRecords } from './legacy-records';
import { applyLine, liveCount, liveLines, type BucketRecords } from './log-entries';
import { ObjectTable } from './object-table';
import { RecordLog, type RecordLogOptions } from './record-log';
import { storeSeedObjects } from './seed-objects';
import { UploadTable } from './upload-table';

/** Everything stored for one bucket under <data>/s3/<bucket>/. */
export interface BucketStorage {
  readonly name: string;
  readonly blobs: BlobStore;
  readonly objects: ObjectTable;
  readonly uploads: UploadTable;
  /** Where objects and uploads are recorded; closing it waits for writes in flight. */
  readonly log: RecordLog;
}

/**
 * Opens the storage under <data>/s3/<name>/: replays the record log (after the per-key records of
 * older versions, which it then absorbs), and deletes blobs no record refers to.
 */
export function openBucket(
  dataDir: string,
  name: string,
  options: Omit<RecordLogOptions, 'beforeCommit'> = {},
): BucketStorage {
  const root = join(dataDir, 's3', name);
  mkdirSync(root, { recursive: true });
  const blobs = new BlobStore(join(root, 'blobs'));
  const state: BucketRecords = { objects: new Map(), uploads: new Map() };
  const legacy = hasLegacyRecords(root);
  if (legacy) readLegacyRecords(root, state);
  const { log, lines } = RecordLog.open(join(root, 'records.log'), {
    ...options,
    beforeCommit: () => blobs.syncFolder(),
  });
  for (const line of lines) applyLine(state, line);
  log.track({ count: () => liveCount(state), lines: () => liveLines(state) });
  if (legacy || log.shouldCompact()) log.rewriteNow();
  // Only once the log holding them is durable may the old records go.
  if (legacy) removeLegacyRecords(root);
  // Bodies used to arrive in tmp/ and be renamed into blobs/; a folder left from then is debris.
  rmSync(join(root, 'tmp'), { recursive: true, force: true });
  const objects = new ObjectTable(state.objects, log, blobs);
  const uploads = new UploadTable(state.uploads, log, blobs);
  // Only now does every surviving record hold its blobs, so anything else is debris of a crash.
  blobs.sweep();
  return { name, blobs, objects, uploads, log };
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
    storeSeedObjects(ctx, bucket);
  }
  return bucket;
}

/** Opens every bucket now, so a restart rebuilds its indexes (and sweeps debris) up front. */
export function openAllBuckets(ctx: LocalAwsContext): void {
  for (const name of Object.keys(ctx.state.buckets)) bucketStorage(ctx, name);
}

/** Waits for every record write in flight and closes the logs (the server is stopping). */
export async function closeAllBuckets(ctx: LocalAwsContext): Promise<void> {
  const buckets = opened.get(ctx);
  opened.delete(ctx);
  await Promise.all([...(buckets?.values() ?? [])].map((bucket) => bucket.log.close()));
}
