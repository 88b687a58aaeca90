import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/**
 * Deletes every object under `prefix`, so a full run leaves one workload's worth of bytes on
 * disk at most instead of gigabytes. Throws if S3 refused any deletion.
 */
export async function deletePrefix(s3: S3Client, bucket: string, prefix: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length === 0) return deleted;
    const out = await s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }),
    );
    const refused = out.Errors ?? [];
    if (refused.length > 0) {
      const first = refused[0];
      throw new Error(
        `could not delete ${refused.length} benchmark objects (first: ${first?.Key}: ${first?.Code})`,
      );
    }
    deleted += keys.length;
  }
}
