import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { LocalAwsContext } from '../../context';
import type { SeedObjectSetup } from '../../setup/schema';
import type { BucketStorage } from './bucket-storage';

/**
 * Stores the objects the setup file gave a bucket, once, when its new data folder first opens
 * it: the body goes to a blob, the record to the log, and the list leaves the state. Records are
 * in memory at once; their log writes are among those closing the bucket waits for.
 */
export function storeSeedObjects(ctx: LocalAwsContext, storage: BucketStorage): void {
  const bucket = ctx.state.buckets[storage.name];
  const seeds: SeedObjectSetup[] = bucket?.seedObjects ?? [];
  if (!bucket || seeds.length === 0) return;
  const lastModified = Math.floor(ctx.now() / 1000) * 1000;
  for (const seed of seeds) {
    const body = Buffer.from(seed.base64, 'base64');
    const file = storage.blobs.newBlob();
    writeFileSync(storage.blobs.path(file), body);
    const etag = createHash('md5').update(body).digest('hex');
    storage.objects
      .put({
        key: seed.key,
        contentType: seed.contentType,
        headers: {},
        userMetadata: {},
        size: body.length,
        etag,
        lastModified,
        multipart: false,
        segments: [{ file, size: body.length, etag }],
      })
      .catch((error: unknown) => {
        ctx.log({ service: 's3', seedObject: seed.key, internalError: String(error) });
      });
  }
  delete bucket.seedObjects;
  ctx.save();
}
