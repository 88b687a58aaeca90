import type { S3ServiceException } from '@aws-sdk/client-s3';
import {
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { s3Client, s3Requests, sha256OfStream, testBytes } from './s3-test-kit';

const MiB = 1024 * 1024;
let la: TestLocalAws;
let me: IdentityCredentials;

beforeEach(async () => {
  la = await startTestLocalAws();
  me = await demoCredentials(la);
});
afterEach(() => la.dispose());

/** Uploads through lib-storage with a generous retry budget, then checks the bytes that landed. */
async function uploadAndVerify(Key: string, data: Buffer): Promise<void> {
  const s3 = s3Client(la, me, { maxAttempts: 10 });
  await new Upload({
    client: s3,
    params: { Bucket: la.info.bucket, Key, Body: data },
    partSize: 5 * MiB,
    queueSize: 2,
  }).done();
  const got = await s3.send(new GetObjectCommand({ Bucket: la.info.bucket, Key }));
  expect(await sha256OfStream(got.Body as Readable)).toBe(
    createHash('sha256').update(data).digest('hex'),
  );
}

/** Every part number of the upload was stored exactly once, whatever failed along the way. */
function expectEachPartStoredOnce(partCount: number): void {
  const stored = s3Requests(la)
    .filter((r) => r.action === 'UploadPart' && r.status === 200)
    .map((r) => r.partNumber)
    .sort((a, b) => (a ?? 0) - (b ?? 0));
  expect(stored).toEqual(Array.from({ length: partCount }, (_, i) => i + 1));
}

test('with 30% of UploadPart failing, the SDK retries and the upload completes', async () => {
  await la.setFaults({ uploadPartFailureRate: 0.3 });
  await uploadAndVerify(`${me.identityId}/faulty.bin`, testBytes(40 * MiB, 11));

  const failed = s3Requests(la).filter((r) => r.action === 'UploadPart' && r.status !== 200);
  expect(failed.length).toBeGreaterThan(0);
  expect(failed.every((r) => r.status === 503 && r.code === 'SlowDown')).toBe(true);
  expectEachPartStoredOnce(8);
});

test('an injected failure answers with S3 wording and leaves no part behind', async () => {
  const s3 = s3Client(la, me, { maxAttempts: 1 });
  const Bucket = la.info.bucket;
  const Key = `${me.identityId}/always-failing.bin`;
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  const attempt = () =>
    s3
      .send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: testBytes(MiB) }))
      .then(
        () => undefined,
        (e: unknown) => e as S3ServiceException,
      );

  await la.setFaults({ uploadPartFailureRate: 1, failureStatus: 500 });
  const internal = await attempt();
  expect(internal?.name).toBe('InternalError');
  expect(internal?.message).toBe('We encountered an internal error. Please try again.');
  expect(internal?.$metadata.httpStatusCode).toBe(500);

  await la.setFaults({ failureStatus: 503 });
  const slow = await attempt();
  expect(slow?.name).toBe('SlowDown');
  expect(slow?.message).toBe('Please reduce your request rate.');
  expect(slow?.$metadata.httpStatusCode).toBe(503);

  const parts = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
  expect(parts.Parts ?? []).toEqual([]);
});

test('a connection cut mid-part is retried by the SDK, and the cut attempt stores nothing', async () => {
  await la.setFaults({ uploadPartResetRate: 0.4, resetAfterBytes: 256 * 1024 });
  await uploadAndVerify(`${me.identityId}/reset.bin`, testBytes(26 * MiB, 13));

  const resets = s3Requests(la).filter((r) => r.action === 'UploadPart' && r.fault === 'reset');
  expect(resets.length).toBeGreaterThan(0);
  expect(resets.every((r) => r.status === 0)).toBe(true);
  expectEachPartStoredOnce(6);
});
