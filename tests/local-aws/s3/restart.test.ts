import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { s3Client, sha256OfStream, testBytes } from './s3-test-kit';

const MiB = 1024 * 1024;
let la: TestLocalAws;
let me: IdentityCredentials;

beforeAll(async () => {
  la = await startTestLocalAws();
  me = await demoCredentials(la);
});
afterAll(() => la.dispose());

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

test('objects and unfinished uploads survive a restart on the same data folder', async () => {
  const Bucket = la.info.bucket;
  const small = testBytes(1000, 21);
  const big = testBytes(12 * MiB, 22);
  const partOne = testBytes(5 * MiB, 23);
  const partTwo = testBytes(777, 24);
  const before = s3Client(la, me);
  await before.send(
    new PutObjectCommand({ Bucket, Key: `${me.identityId}/small.bin`, Body: small }),
  );
  await new Upload({
    client: before,
    params: { Bucket, Key: `${me.identityId}/big.bin`, Body: big },
    partSize: 5 * MiB,
  }).done();
  const Key = `${me.identityId}/resumed.bin`;
  const { UploadId } = await before.send(
    new CreateMultipartUploadCommand({ Bucket, Key, ChecksumAlgorithm: 'CRC32' }),
  );
  const first = await before.send(
    new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: partOne }),
  );

  // Debris a crash would leave: a body whose record was never written, and (from versions that
  // received bodies into tmp/) a half-received upload.
  const bucketDir = join(la.dataDir, 's3', Bucket);
  writeFileSync(join(bucketDir, 'blobs', 'orphan-from-a-crash'), 'debris');
  mkdirSync(join(bucketDir, 'tmp'));
  writeFileSync(join(bucketDir, 'tmp', 'half-received'), 'debris');

  la = await la.restart();
  // Credentials live in the stand-in's state, so the same keys keep working on the new port.
  const after = s3Client(la, me);

  for (const [name, data] of [
    ['small.bin', small],
    ['big.bin', big],
  ] as const) {
    const got = await after.send(new GetObjectCommand({ Bucket, Key: `${me.identityId}/${name}` }));
    expect(await sha256OfStream(got.Body as Readable)).toBe(sha256(data));
  }
  const listed = await after.send(
    new ListObjectsV2Command({ Bucket, Prefix: `${me.identityId}/` }),
  );
  expect(listed.Contents?.map((c) => c.Key)).toEqual([
    `${me.identityId}/big.bin`,
    `${me.identityId}/small.bin`,
  ]);

  expect(existsSync(join(bucketDir, 'blobs', 'orphan-from-a-crash'))).toBe(false);
  expect(existsSync(join(bucketDir, 'tmp', 'half-received'))).toBe(false);

  const parts = await after.send(new ListPartsCommand({ Bucket, Key, UploadId }));
  expect(parts.Parts?.map((p) => [p.PartNumber, p.ETag, p.ChecksumCRC32])).toEqual([
    [1, first.ETag, first.ChecksumCRC32],
  ]);
  const second = await after.send(
    new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: partTwo }),
  );
  await after.send(
    new CompleteMultipartUploadCommand({
      Bucket,
      Key,
      UploadId,
      MultipartUpload: {
        Parts: [
          { PartNumber: 1, ETag: first.ETag, ChecksumCRC32: first.ChecksumCRC32 },
          { PartNumber: 2, ETag: second.ETag, ChecksumCRC32: second.ChecksumCRC32 },
        ],
      },
    }),
  );
  const resumed = await after.send(new GetObjectCommand({ Bucket, Key }));
  expect(await sha256OfStream(resumed.Body as Readable)).toBe(
    sha256(Buffer.concat([partOne, partTwo])),
  );
});
