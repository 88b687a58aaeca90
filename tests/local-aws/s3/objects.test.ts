import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoCredentials } from '../../helpers/identity';
import { startTestLocalAws } from '../../helpers/local-aws';
import { bodyText, s3Client, testBytes, failure, useDemoS3 } from './s3-test-kit';

const demo = useDemoS3();

const text = (body: unknown) => bodyText(body as Readable);

describe('PutObject and GetObject', () => {
  test('content type and user metadata come back as they were put', async () => {
    const Key = `${demo.home}meta.txt`;
    await demo.s3.send(
      new PutObjectCommand({
        Bucket: demo.bucket,
        Key,
        Body: 'hello',
        ContentType: 'text/plain; charset=utf-8',
        Metadata: { 'original-name': 'Meta.txt' },
        CacheControl: 'no-cache',
      }),
    );
    const head = await demo.s3.send(new HeadObjectCommand({ Bucket: demo.bucket, Key }));
    expect(head.ContentType).toBe('text/plain; charset=utf-8');
    expect(head.Metadata).toEqual({ 'original-name': 'Meta.txt' });
    expect(head.CacheControl).toBe('no-cache');
    expect(head.ETag).toBe(`"${createHash('md5').update('hello').digest('hex')}"`);
  });

  test('a wrong Content-MD5 is BadDigest and stores nothing', async () => {
    const Key = `${demo.home}md5.txt`;
    const error = await failure(
      demo.s3.send(
        new PutObjectCommand({
          Bucket: demo.bucket,
          Key,
          Body: 'hello',
          ContentMD5: createHash('md5').update('other').digest('base64'),
        }),
      ),
    );
    expect(error.name).toBe('BadDigest');
    expect(error.message).toBe('The Content-MD5 you specified did not match what we received.');
    expect(
      (await failure(demo.s3.send(new HeadObjectCommand({ Bucket: demo.bucket, Key })))).$metadata
        .httpStatusCode,
    ).toBe(403);
  });

  test('a wrong or malformed CRC32 is refused with S3 wording', async () => {
    const wrong = await failure(
      demo.s3.send(
        new PutObjectCommand({
          Bucket: demo.bucket,
          Key: `${demo.home}crc.txt`,
          Body: 'hello',
          ChecksumCRC32: 'AAAAAA==',
        }),
      ),
    );
    expect(wrong.name).toBe('BadDigest');
    expect(wrong.message).toBe('The CRC32 you specified did not match the calculated checksum.');
    const malformed = await failure(
      demo.s3.send(
        new PutObjectCommand({
          Bucket: demo.bucket,
          Key: `${demo.home}crc.txt`,
          Body: 'hello',
          ChecksumCRC32: 'nope',
        }),
      ),
    );
    expect(malformed.name).toBe('InvalidRequest');
    expect(malformed.message).toBe('Value for x-amz-checksum-crc32 header is invalid.');
  });

  test('with checksum mode the stored CRC32 is returned; without it, it is not', async () => {
    const Key = `${demo.home}checksum.txt`;
    await demo.s3.send(
      new PutObjectCommand({
        Bucket: demo.bucket,
        Key,
        Body: 'checksummed',
        ChecksumAlgorithm: 'CRC32',
      }),
    );
    const expected = Buffer.alloc(4);
    expected.writeUInt32BE(crc32('checksummed'));
    const withMode = await demo.s3.send(
      new HeadObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
    );
    expect(withMode.ChecksumCRC32).toBe(expected.toString('base64'));
    expect(withMode.ChecksumType).toBe('FULL_OBJECT');
    const withoutMode = await demo.s3.send(new HeadObjectCommand({ Bucket: demo.bucket, Key }));
    expect(withoutMode.ChecksumCRC32).toBeUndefined();
  });

  test('If-None-Match: * refuses to overwrite an existing key', async () => {
    const Key = `${demo.home}once.txt`;
    await demo.s3.send(
      new PutObjectCommand({ Bucket: demo.bucket, Key, Body: 'first', IfNoneMatch: '*' }),
    );
    const error = await failure(
      demo.s3.send(
        new PutObjectCommand({ Bucket: demo.bucket, Key, Body: 'second', IfNoneMatch: '*' }),
      ),
    );
    expect(error.name).toBe('PreconditionFailed');
    expect(error.$metadata.httpStatusCode).toBe(412);
    expect(
      await text((await demo.s3.send(new GetObjectCommand({ Bucket: demo.bucket, Key }))).Body),
    ).toBe('first');
  });
});

describe('ranged and conditional GET', () => {
  const Key = () => `${demo.home}range.bin`;
  const data = testBytes(1000, 7);

  beforeAll(async () => {
    await demo.s3.send(new PutObjectCommand({ Bucket: demo.bucket, Key: Key(), Body: data }));
  });

  test('a Range returns 206 with exactly those bytes and a Content-Range', async () => {
    const got = await demo.s3.send(
      new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), Range: 'bytes=100-199' }),
    );
    expect(got.$metadata.httpStatusCode).toBe(206);
    expect(got.ContentRange).toBe('bytes 100-199/1000');
    expect(got.ContentLength).toBe(100);
    const bytes = Buffer.from(
      await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
    );
    expect(bytes.equals(data.subarray(100, 200))).toBe(true);

    const tail = await demo.s3.send(
      new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), Range: 'bytes=-10' }),
    );
    expect(tail.ContentRange).toBe('bytes 990-999/1000');
  });

  test('a range past the end is InvalidRange (416)', async () => {
    const error = await failure(
      demo.s3.send(new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), Range: 'bytes=1000-' })),
    );
    expect(error.name).toBe('InvalidRange');
    expect(error.$metadata.httpStatusCode).toBe(416);
  });

  test('If-None-Match with the ETag is 304; If-Match with another ETag is 412', async () => {
    const head = await demo.s3.send(new HeadObjectCommand({ Bucket: demo.bucket, Key: Key() }));
    const notModified = await failure(
      demo.s3.send(
        new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), IfNoneMatch: head.ETag }),
      ),
    );
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    const failed = await failure(
      demo.s3.send(new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), IfMatch: '"0123"' })),
    );
    expect(failed.name).toBe('PreconditionFailed');
    expect(failed.$metadata.httpStatusCode).toBe(412);
    const ok = await demo.s3.send(
      new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), IfMatch: head.ETag }),
    );
    expect(ok.$metadata.httpStatusCode).toBe(200);
    await ok.Body?.transformToByteArray();
  });

  test('If-Modified-Since in the future is 304; If-Unmodified-Since in the past is 412', async () => {
    const future = new Date(Date.now() + 3_600_000);
    const past = new Date(Date.now() - 3_600_000);
    const notModified = await failure(
      demo.s3.send(
        new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), IfModifiedSince: future }),
      ),
    );
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    const failed = await failure(
      demo.s3.send(
        new GetObjectCommand({ Bucket: demo.bucket, Key: Key(), IfUnmodifiedSince: past }),
      ),
    );
    expect(failed.name).toBe('PreconditionFailed');
  });
});

describe('missing things', () => {
  test('a missing key is AccessDenied when the role may not list the bucket, as in S3', async () => {
    const error = await failure(
      demo.s3.send(new GetObjectCommand({ Bucket: demo.bucket, Key: `${demo.home}nothing-here` })),
    );
    expect(error.name).toBe('AccessDenied');
  });

  test('a missing key is NoSuchKey for a role that may list the bucket', async () => {
    const open = await startTestLocalAws((base) => ({
      ...base,
      roles: base.roles.map((role) => ({
        ...role,
        policy: {
          ...role.policy,
          Statement: [
            ...role.policy.Statement,
            {
              Effect: 'Allow',
              Action: ['s3:ListBucket', 's3:GetBucketLocation'],
              Resource: `arn:aws:s3:::${base.buckets[0]?.name ?? ''}`,
            },
          ],
        },
      })),
    }));
    try {
      const them = await demoCredentials(open);
      const client = s3Client(open, them);
      const error = await failure(
        client.send(
          new GetObjectCommand({ Bucket: demo.bucket, Key: `${them.identityId}/nothing` }),
        ),
      );
      expect(error.name).toBe('NoSuchKey');
      expect(error.message).toBe('The specified key does not exist.');
      expect(error.$metadata.httpStatusCode).toBe(404);
      const head = await failure(
        client.send(
          new HeadObjectCommand({ Bucket: demo.bucket, Key: `${them.identityId}/nothing` }),
        ),
      );
      expect(head.name).toBe('NotFound');
      expect((await client.send(new HeadBucketCommand({ Bucket: demo.bucket }))).BucketRegion).toBe(
        open.info.region,
      );
      const location = await client.send(new GetBucketLocationCommand({ Bucket: demo.bucket }));
      expect(location.LocationConstraint).toBe(open.info.region);
    } finally {
      await open.dispose();
    }
  });

  test('an unknown bucket is NoSuchBucket', async () => {
    const error = await failure(
      demo.s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: `${demo.home}x` })),
    );
    expect(error.name).toBe('NoSuchBucket');
    expect(error.message).toBe('The specified bucket does not exist');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  test('HeadBucket is 403 when ListBucket is granted only under a prefix', async () => {
    const error = await failure(demo.s3.send(new HeadBucketCommand({ Bucket: demo.bucket })));
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});

describe('deleting', () => {
  test('DeleteObject removes a key and succeeds for a missing one', async () => {
    const Key = `${demo.home}gone.txt`;
    await demo.s3.send(new PutObjectCommand({ Bucket: demo.bucket, Key, Body: 'bye' }));
    await demo.s3.send(new DeleteObjectCommand({ Bucket: demo.bucket, Key }));
    await demo.s3.send(new DeleteObjectCommand({ Bucket: demo.bucket, Key }));
    expect(
      (await failure(demo.s3.send(new HeadObjectCommand({ Bucket: demo.bucket, Key })))).$metadata
        .httpStatusCode,
    ).toBe(403);
  });

  test('DeleteObjects reports each key, denies keys outside the prefix, and Quiet lists only errors', async () => {
    const keys = ['d1.txt', 'd2.txt', 'd3 & <odd>.txt'].map((k) => `${demo.home}${k}`);
    for (const Key of keys)
      await demo.s3.send(new PutObjectCommand({ Bucket: demo.bucket, Key, Body: Key }));
    const result = await demo.s3.send(
      new DeleteObjectsCommand({
        Bucket: demo.bucket,
        Delete: { Objects: [...keys.slice(0, 2), 'someone-else/x.txt'].map((Key) => ({ Key })) },
      }),
    );
    expect(result.Deleted?.map((d) => d.Key)).toEqual(keys.slice(0, 2));
    expect(result.Errors).toEqual([
      { Key: 'someone-else/x.txt', Code: 'AccessDenied', Message: 'Access Denied' },
    ]);

    const quiet = await demo.s3.send(
      new DeleteObjectsCommand({
        Bucket: demo.bucket,
        Delete: { Objects: [{ Key: keys[2] }], Quiet: true },
      }),
    );
    expect(quiet.Deleted ?? []).toEqual([]);
    expect(quiet.Errors ?? []).toEqual([]);
    for (const Key of keys) {
      expect(
        (await failure(demo.s3.send(new HeadObjectCommand({ Bucket: demo.bucket, Key })))).$metadata
          .httpStatusCode,
      ).toBe(403);
    }
  });
});
