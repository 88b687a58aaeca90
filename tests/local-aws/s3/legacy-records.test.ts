import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { PartRecord, UploadRecord } from '../../../local-aws/s3/storage/records';
import {
  closeBucket,
  contents,
  dataFolder,
  logLines,
  objectRecord,
  openTestBucket,
} from './storage-kit';

const UPLOAD_ID = 'A'.repeat(40);

/** Lays out bucket `b` as versions before the record log stored it: a JSON file per record. */
function writeLegacyBucket(data: string): void {
  const root = join(data, 's3', 'b');
  for (const folder of ['blobs', 'objects', 'tmp', join('uploads', UPLOAD_ID)]) {
    mkdirSync(join(root, folder), { recursive: true });
  }
  const blob = (name: string, body: string) => writeFileSync(join(root, 'blobs', name), body);
  for (const [key, body] of [
    ['photos/one.jpg', 'first'],
    ['photos/two.jpg', 'second'],
  ] as const) {
    const file = `blob-${body}`;
    blob(file, body);
    const name = createHash('sha256').update(key).digest('hex');
    writeFileSync(
      join(root, 'objects', `${name}.json`),
      JSON.stringify(objectRecord(key, file, body)),
    );
  }
  // A record torn by a crash of the old writer is skipped, as it was then.
  writeFileSync(join(root, 'objects', `${'f'.repeat(64)}.json`), '{"key":"torn","si');
  const upload: UploadRecord = {
    uploadId: UPLOAD_ID,
    key: 'big.bin',
    initiated: 1_700_000_000_000,
    initiator: 'someone',
    contentType: 'application/octet-stream',
    headers: {},
    userMetadata: {},
  };
  const part: PartRecord = {
    partNumber: 1,
    file: 'blob-part-1',
    size: 4,
    etag: 'etag-part',
    lastModified: 1_700_000_000_000,
  };
  blob('blob-part-1', 'part');
  writeFileSync(join(root, 'uploads', UPLOAD_ID, 'upload.json'), JSON.stringify(upload));
  writeFileSync(join(root, 'uploads', UPLOAD_ID, 'part-1.json'), JSON.stringify(part));
  writeFileSync(join(root, 'tmp', 'half-received'), 'debris');
}

test('a data folder with the old per-key JSON records loads, and its records move into the log', async () => {
  const data = dataFolder();
  writeLegacyBucket(data);
  const root = join(data, 's3', 'b');

  const bucket = openTestBucket(data);
  const expected = [
    ['photos/one.jpg', 'first'],
    ['photos/two.jpg', 'second'],
  ];
  expect(contents(bucket)).toEqual(expected);
  expect(bucket.uploads.all().map((u) => u.uploadId)).toEqual([UPLOAD_ID]);
  expect(bucket.uploads.parts(UPLOAD_ID).map((p) => p.file)).toEqual(['blob-part-1']);
  // Migrated once: the old layout is gone and the log alone holds the three records.
  for (const old of ['objects', 'uploads', 'tmp']) expect(existsSync(join(root, old))).toBe(false);
  expect(logLines(data)).toHaveLength(4);
  expect(existsSync(join(root, 'blobs', 'blob-part-1'))).toBe(true);

  await bucket.objects.delete('photos/one.jpg');
  await closeBucket(bucket);
  const reopened = openTestBucket(data);
  expect(contents(reopened)).toEqual(expected.slice(1));
  expect(reopened.uploads.parts(UPLOAD_ID)).toHaveLength(1);
});
