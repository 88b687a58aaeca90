import {
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  demoCredentials,
  getIdentityCredentials,
  mintUserTokens,
  type IdentityCredentials,
} from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { s3Client, s3Requests, sha256OfFile, sha256OfStream, writeTestFile } from './s3-test-kit';

const MiB = 1024 * 1024;
let la: TestLocalAws;
let me: IdentityCredentials;
let scratch: string;
let bigFile: string;

beforeAll(async () => {
  la = await startTestLocalAws();
  me = await demoCredentials(la);
  scratch = mkdtempSync(join(tmpdir(), 'hakobu-s3-sdk-'));
  bigFile = join(scratch, 'fifty.bin');
  await writeTestFile(bigFile, 50 * MiB, 50);
});
afterAll(async () => {
  await la.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof S3ServiceException))
    throw new Error(`expected an S3 error, got ${String(error)}`);
  return error;
}

describe('lib-storage Upload with the SDK defaults (CRC32 in aws-chunked trailers)', () => {
  test('a 50 MiB file goes up in parts and comes back byte-identical', async () => {
    const s3 = s3Client(la, me);
    const Key = `${me.identityId}/videos/fifty.bin`;
    const upload = new Upload({
      client: s3,
      params: {
        Bucket: la.info.bucket,
        Key,
        Body: createReadStream(bigFile),
        ContentType: 'video/mp4',
      },
      partSize: 8 * MiB,
    });
    const done = await upload.done();
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-7"$/);
    expect(done.ChecksumCRC32).toMatch(/-7$/);

    const parts = s3Requests(la).filter((r) => r.action === 'UploadPart' && r.status === 200);
    expect(parts.map((p) => p.partNumber).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);

    const head = await s3.send(new HeadObjectCommand({ Bucket: la.info.bucket, Key }));
    expect(head.ContentLength).toBe(50 * MiB);
    expect(head.ContentType).toBe('video/mp4');
    const got = await s3.send(new GetObjectCommand({ Bucket: la.info.bucket, Key }));
    expect(await sha256OfStream(got.Body as Readable)).toBe(await sha256OfFile(bigFile));

    const pending = await s3.send(
      new ListMultipartUploadsCommand({ Bucket: la.info.bucket, Prefix: `${me.identityId}/` }),
    );
    expect(pending.Uploads ?? []).toEqual([]);
  });

  test("another identity's prefix is AccessDenied, for single and multipart uploads alike", async () => {
    const s3 = s3Client(la, me);
    const someoneElse = `${la.info.region}:00000000-0000-4000-8000-000000000000`;
    const put = await rejection(
      s3.send(
        new PutObjectCommand({ Bucket: la.info.bucket, Key: `${someoneElse}/x.txt`, Body: 'x' }),
      ),
    );
    expect(put.name).toBe('AccessDenied');
    expect(put.$metadata.httpStatusCode).toBe(403);
    expect(put.message).toBe('Access Denied');

    const upload = new Upload({
      client: s3,
      params: {
        Bucket: la.info.bucket,
        Key: `${someoneElse}/big.bin`,
        Body: createReadStream(bigFile),
      },
      partSize: 8 * MiB,
    });
    const error = await rejection(upload.done());
    expect(error.name).toBe('AccessDenied');
  });

  test('expired credentials are refused with ExpiredToken', async () => {
    const { IdToken } = await mintUserTokens(la);
    const short = await getIdentityCredentials(la, IdToken);
    const issued = la.context.state.credentials[short.credentials.accessKeyId];
    if (!issued) throw new Error('the stand-in did not record the credentials it issued');
    issued.expiration = la.context.now() - 1000;
    // Static credentials without an expiry, so the SDK does not refresh them itself.
    const { expiration: _ignored, ...staticCredentials } = short.credentials;
    const s3 = s3Client(la, short, { credentials: staticCredentials });
    const error = await rejection(
      s3.send(
        new PutObjectCommand({
          Bucket: la.info.bucket,
          Key: `${short.identityId}/late.txt`,
          Body: 'x',
        }),
      ),
    );
    expect(error.name).toBe('ExpiredToken');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
