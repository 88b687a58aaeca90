import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openBucket, type BucketStorage } from '../../../local-aws/s3/storage/bucket-storage';
import type { RecordLogOptions } from '../../../local-aws/s3/storage/record-log';
import type { ObjectRecord } from '../../../local-aws/s3/storage/records';

const folders: string[] = [];
const open: BucketStorage[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((bucket) => bucket.log.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh data folder, removed after the test. */
export function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hakobu-bucket-'));
  folders.push(folder);
  return folder;
}

/** Opens bucket `b` in a data folder (closed after the test). */
export function openTestBucket(
  dataDir: string,
  options: Omit<RecordLogOptions, 'beforeCommit'> = {},
): BucketStorage {
  const bucket = openBucket(dataDir, 'b', options);
  open.push(bucket);
  return bucket;
}

/** Closes a bucket as a stopping server would, waiting for writes in flight. */
export async function closeBucket(bucket: BucketStorage): Promise<void> {
  open.splice(open.indexOf(bucket), 1);
  await bucket.log.close();
}

/** Writes a body as a new blob, as a PUT does before it records it. */
export function newBlob(bucket: BucketStorage, body: string): string {
  const file = bucket.blobs.newBlob();
  writeFileSync(bucket.blobs.path(file), body);
  return file;
}

/** An object record for a single-segment body. */
export function objectRecord(key: string, file: string, body: string): ObjectRecord {
  const size = Buffer.byteLength(body);
  return {
    key,
    size,
    etag: `etag-${body}`,
    lastModified: 1_700_000_000_000,
    contentType: 'application/octet-stream',
    headers: {},
    userMetadata: {},
    multipart: false,
    segments: [{ file, size, etag: `etag-${body}` }],
  };
}

/** Puts `body` under `key` the way PutObject does: blob first, then the record. */
export function putBody(bucket: BucketStorage, key: string, body: string): Promise<void> {
  return bucket.objects.put(objectRecord(key, newBlob(bucket, body), body));
}

/** Every object as key -> bytes read from its blob, in listing order. */
export function contents(bucket: BucketStorage): [string, string][] {
  const listed: [string, string][] = [];
  for (let i = 0; i < bucket.objects.index.size; i++) {
    const key = bucket.objects.index.at(i) as string;
    const record = bucket.objects.get(key);
    const bytes = (record?.segments ?? [])
      .map((s) => readFileSync(bucket.blobs.path(s.file), 'utf8'))
      .join('');
    listed.push([key, bytes]);
  }
  return listed;
}

/** The complete lines of a bucket's record log. */
export function logLines(dataDir: string): string[] {
  return readFileSync(logPath(dataDir), 'utf8').split('\n').filter(Boolean);
}

/** Where bucket `b` keeps its record log. */
export const logPath = (dataDir: string) => join(dataDir, 's3', 'b', 'records.log');
