import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
  type UploadPartCommandInput,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createChecksum, type ChecksumAlgorithm } from '../../../local-aws/s3/checksums';
import { s3Client, testBytes, useDemoS3 } from './s3-test-kit';

// Since December 2024 S3 stores a full-object CRC64NVME for every upload that names no checksum
// (rclone, s3cmd, older SDKs, presigned PUTs), and returns it with x-amz-checksum-mode: ENABLED.
const demo = useDemoS3();

/** A client that sends a checksum only where an operation requires one, as older SDKs do. */
const plainClient = () =>
  s3Client(demo.la, demo.me, {
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

const crc64 = (...buffers: Buffer[]) => {
  const checksum = createChecksum('CRC64NVME');
  for (const buffer of buffers) checksum.update(buffer);
  return checksum.digest().toString('base64');
};

/** A multipart upload created with no checksum, `parts` sent with `partExtras`, then completed. */
async function uploadInParts(
  s3: S3Client,
  Key: string,
  parts: readonly Buffer[],
  partExtras: Partial<UploadPartCommandInput> = {},
) {
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: demo.bucket, Key }),
  );
  const etags: string[] = [];
  for (const [i, Body] of parts.entries()) {
    const out = await s3.send(
      new UploadPartCommand({
        Bucket: demo.bucket,
        Key,
        UploadId,
        PartNumber: i + 1,
        Body,
        ...partExtras,
      }),
    );
    etags.push(out.ETag ?? '');
  }
  return s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: demo.bucket,
      Key,
      UploadId,
      MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
    }),
  );
}

describe('an upload sent without any checksum', () => {
  test('PutObject answers with the CRC64NVME S3 stored, and HEAD/GET return it in checksum mode', async () => {
    const s3 = plainClient();
    const Key = `${demo.home}default/plain.bin`;
    const body = testBytes(70_000, 3);
    const put = await s3.send(new PutObjectCommand({ Bucket: demo.bucket, Key, Body: body }));
    expect(put.ChecksumCRC64NVME).toBe(crc64(body));
    expect(put.ChecksumType).toBe('FULL_OBJECT');

    const head = await s3.send(
      new HeadObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
    );
    expect(head.ChecksumCRC64NVME).toBe(crc64(body));
    expect(head.ChecksumType).toBe('FULL_OBJECT');

    // The default SDK client validates the CRC64NVME of a whole GET against the bytes it read.
    const get = await demo.s3.send(
      new GetObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
    );
    expect(Buffer.from((await get.Body?.transformToByteArray()) ?? []).equals(body)).toBe(true);
    expect(get.ChecksumCRC64NVME).toBe(crc64(body));

    const plainHead = await s3.send(new HeadObjectCommand({ Bucket: demo.bucket, Key }));
    expect(plainHead.ChecksumCRC64NVME).toBeUndefined();
  });

  test('a ranged GET carries no whole-object checksum', async () => {
    const Key = `${demo.home}default/ranged.bin`;
    await plainClient().send(
      new PutObjectCommand({ Bucket: demo.bucket, Key, Body: testBytes(4096, 4) }),
    );
    const ranged = await demo.s3.send(
      new GetObjectCommand({
        Bucket: demo.bucket,
        Key,
        Range: 'bytes=0-99',
        ChecksumMode: 'ENABLED',
      }),
    );
    expect(ranged.ContentLength).toBe(100);
    expect(ranged.ChecksumCRC64NVME).toBeUndefined();
  });

  test('a multipart upload created without a checksum completes with a full-object CRC64NVME', async () => {
    const s3 = plainClient();
    const Key = `${demo.home}default/multipart.bin`;
    const parts = [testBytes(5 * 1024 * 1024, 5), testBytes(1234, 6)];
    const done = await uploadInParts(s3, Key, parts);
    expect(done.ChecksumCRC64NVME).toBe(crc64(...parts));
    expect(done.ChecksumType).toBe('FULL_OBJECT');

    const head = await s3.send(
      new HeadObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
    );
    expect(head.ChecksumCRC64NVME).toBe(crc64(...parts));
    expect(head.ChecksumType).toBe('FULL_OBJECT');
  });

  test('parts sent with CRC32 into an upload created without a checksum still read back by part', async () => {
    // What the SDK's default client does with lib-storage: no algorithm on CreateMultipartUpload,
    // then a CRC32 on each UploadPart.
    const Key = `${demo.home}default/parts-crc32.bin`;
    const parts = [testBytes(5 * 1024 * 1024, 7), testBytes(999, 8)];
    const done = await uploadInParts(demo.s3, Key, parts, { ChecksumAlgorithm: 'CRC32' });
    expect(done.ChecksumCRC64NVME).toBe(crc64(...parts));
    // The default client checks any checksum header against the bytes: a part's CRC32 passed
    // off as the object's CRC64NVME would fail this read.
    const second = await demo.s3.send(
      new GetObjectCommand({ Bucket: demo.bucket, Key, PartNumber: 2, ChecksumMode: 'ENABLED' }),
    );
    const bytes = Buffer.from((await second.Body?.transformToByteArray()) ?? []);
    expect(bytes.equals(parts[1] ?? Buffer.alloc(0))).toBe(true);
    expect(second.ChecksumCRC64NVME).toBeUndefined();
  });

  test('listings name the default algorithm for such objects', async () => {
    const Key = `${demo.home}default/listed.txt`;
    await plainClient().send(new PutObjectCommand({ Bucket: demo.bucket, Key, Body: 'listed' }));
    const listed = await demo.s3.send(
      new ListObjectsV2Command({ Bucket: demo.bucket, Prefix: Key }),
    );
    expect(listed.Contents?.[0]).toMatchObject({
      Key,
      ChecksumAlgorithm: ['CRC64NVME'],
      ChecksumType: 'FULL_OBJECT',
    });
  });
});

test('an upload with its own checksum keeps that one, not the default', async () => {
  const Key = `${demo.home}default/own.txt`;
  await demo.s3.send(
    new PutObjectCommand({ Bucket: demo.bucket, Key, Body: 'own', ChecksumAlgorithm: 'SHA256' }),
  );
  const head = await demo.s3.send(
    new HeadObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
  );
  expect(head.ChecksumSHA256).toBeDefined();
  expect(head.ChecksumCRC64NVME).toBeUndefined();
});

describe('a streamed upload with a trailing checksum', () => {
  const pieces = Array.from({ length: 40 }, (_, i) => testBytes(1000 + i, 20 + i));
  const whole = Buffer.concat(pieces);

  test.each<ChecksumAlgorithm>(['CRC32', 'CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'])(
    'stores the %s the SDK sent after the body, and returns it in checksum mode',
    async (algorithm) => {
      const Key = `${demo.home}trailers/${algorithm}`;
      // A stream of unknown content makes the SDK send aws-chunked with the checksum as a trailer.
      await demo.s3.send(
        new PutObjectCommand({
          Bucket: demo.bucket,
          Key,
          Body: Readable.from(pieces),
          ContentLength: whole.length,
          ChecksumAlgorithm: algorithm,
        }),
      );
      const expected = createChecksum(algorithm);
      expected.update(whole);
      const head = await demo.s3.send(
        new HeadObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
      );
      expect(head[`Checksum${algorithm}`]).toBe(expected.digest().toString('base64'));
      expect(head.ChecksumType).toBe('FULL_OBJECT');
      expect(head.ContentLength).toBe(whole.length);
    },
  );
});

describe('a stand-in told to add no default checksum (as S3 before December 2024)', () => {
  test('stores none for a checksum-less PutObject or multipart upload, and keeps a sent one', async () => {
    await demo.la.setFaults({ defaultChecksums: 'none' });
    try {
      const s3 = plainClient();
      const Key = `${demo.home}no-default/plain.bin`;
      const put = await s3.send(
        new PutObjectCommand({ Bucket: demo.bucket, Key, Body: testBytes(5_000, 1) }),
      );
      expect(put.ChecksumCRC64NVME).toBeUndefined();
      const head = await s3.send(
        new HeadObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
      );
      expect(head.ChecksumCRC64NVME).toBeUndefined();

      const MultiKey = `${demo.home}no-default/multi.bin`;
      const done = await uploadInParts(s3, MultiKey, [testBytes(1_000, 2)]);
      expect(done.ChecksumCRC64NVME).toBeUndefined();

      const sent = await s3.send(
        new PutObjectCommand({
          Bucket: demo.bucket,
          Key: `${demo.home}no-default/sent.bin`,
          Body: testBytes(5_000, 3),
          ChecksumAlgorithm: 'CRC32',
        }),
      );
      expect(sent.ChecksumCRC32).toBeDefined();
    } finally {
      await demo.la.setFaults({ defaultChecksums: 'crc64nvme' });
    }
  });
});
