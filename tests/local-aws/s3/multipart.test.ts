import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { sha256OfStream, testBytes, failure, useDemoS3 } from './s3-test-kit';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

const MiB = 1024 * 1024;
const demo = useDemoS3();

/** Starts an upload (CRC32, as lib-storage does) and uploads the given part bodies. */
async function uploadParts(Key: string, bodies: Buffer[]) {
  const { UploadId } = await demo.s3.send(
    new CreateMultipartUploadCommand({ Bucket: demo.bucket, Key, ChecksumAlgorithm: 'CRC32' }),
  );
  const parts: CompletedPart[] = [];
  for (const [i, Body] of bodies.entries()) {
    const result = await demo.s3.send(
      new UploadPartCommand({ Bucket: demo.bucket, Key, UploadId, PartNumber: i + 1, Body }),
    );
    parts.push({ PartNumber: i + 1, ETag: result.ETag, ChecksumCRC32: result.ChecksumCRC32 });
  }
  return { UploadId: UploadId ?? '', parts };
}

describe('CompleteMultipartUpload', () => {
  test('joins parts into one object with a multipart ETag and a composite CRC32', async () => {
    const Key = `${demo.me.identityId}/mp/ok.bin`;
    const bodies = [testBytes(5 * MiB, 1), testBytes(5 * MiB, 2), testBytes(1234, 3)];
    const { UploadId, parts } = await uploadParts(Key, bodies);
    const done = await demo.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: demo.bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    const md5s = Buffer.concat(bodies.map((b) => createHash('md5').update(b).digest()));
    expect(done.ETag).toBe(`"${createHash('md5').update(md5s).digest('hex')}-3"`);
    const partCrcs = Buffer.concat(parts.map((p) => Buffer.from(p.ChecksumCRC32 ?? '', 'base64')));
    const composite = Buffer.alloc(4);
    composite.writeUInt32BE(crc32(partCrcs));
    expect(done.ChecksumCRC32).toBe(`${composite.toString('base64')}-3`);
    expect(done.ChecksumType).toBe('COMPOSITE');

    const got = await demo.s3.send(new GetObjectCommand({ Bucket: demo.bucket, Key }));
    expect(got.ContentLength).toBe(10 * MiB + 1234);
    const expected = createHash('sha256');
    for (const b of bodies) expected.update(b);
    expect(await sha256OfStream(got.Body as Readable)).toBe(expected.digest('hex'));
    // The upload is gone once completed.
    const again = await failure(
      demo.s3.send(new ListPartsCommand({ Bucket: demo.bucket, Key, UploadId })),
    );
    expect(again.name).toBe('NoSuchUpload');
  });

  test('a non-final part under 5 MiB is EntityTooSmall', async () => {
    const Key = `${demo.me.identityId}/mp/small.bin`;
    const { UploadId, parts } = await uploadParts(Key, [testBytes(MiB), testBytes(MiB)]);
    const error = await failure(
      demo.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: demo.bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: parts },
        }),
      ),
    );
    expect(error.name).toBe('EntityTooSmall');
    expect(error.message).toBe('Your proposed upload is smaller than the minimum allowed size');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  test('parts out of order are InvalidPartOrder; a wrong ETag or checksum is InvalidPart', async () => {
    const Key = `${demo.me.identityId}/mp/order.bin`;
    const { UploadId, parts } = await uploadParts(Key, [testBytes(5 * MiB, 4), testBytes(10, 5)]);
    const [first, second] = parts as [CompletedPart, CompletedPart];
    const complete = (Parts: CompletedPart[]) =>
      failure(
        demo.s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: demo.bucket,
            Key,
            UploadId,
            MultipartUpload: { Parts },
          }),
        ),
      );

    expect((await complete([second, first])).name).toBe('InvalidPartOrder');
    expect(
      (await complete([first, { ...second, ETag: '"00000000000000000000000000000000"' }])).name,
    ).toBe('InvalidPart');
    expect((await complete([first, { ...second, ChecksumCRC32: 'AAAAAA==' }])).name).toBe(
      'InvalidPart',
    );
    expect((await complete([first, { ...second, PartNumber: 3 }])).name).toBe('InvalidPart');
    const missing = await complete([first, { PartNumber: 2, ETag: second.ETag }]);
    expect(missing.name).toBe('InvalidRequest');
    expect(missing.message).toMatch(/must include the checksum for each part/);
  });
});

test('abort makes the upload disappear: NoSuchUpload afterwards, ListMultipartUploads empty', async () => {
  const Key = `${demo.me.identityId}/mp/aborted.bin`;
  const { UploadId } = await uploadParts(Key, [testBytes(100)]);
  const listed = await demo.s3.send(
    new ListMultipartUploadsCommand({
      Bucket: demo.bucket,
      Prefix: `${demo.me.identityId}/mp/aborted`,
    }),
  );
  expect(listed.Uploads?.map((u) => u.UploadId)).toEqual([UploadId]);
  expect(listed.Uploads?.[0]?.Key).toBe(Key);

  await demo.s3.send(new AbortMultipartUploadCommand({ Bucket: demo.bucket, Key, UploadId }));
  const after = await demo.s3.send(
    new ListMultipartUploadsCommand({
      Bucket: demo.bucket,
      Prefix: `${demo.me.identityId}/mp/aborted`,
    }),
  );
  expect(after.Uploads ?? []).toEqual([]);
  const error = await failure(
    demo.s3.send(
      new UploadPartCommand({ Bucket: demo.bucket, Key, UploadId, PartNumber: 2, Body: 'late' }),
    ),
  );
  expect(error.name).toBe('NoSuchUpload');
  expect(error.$metadata.httpStatusCode).toBe(404);
  expect(
    (
      await failure(
        demo.s3.send(new AbortMultipartUploadCommand({ Bucket: demo.bucket, Key, UploadId })),
      )
    ).name,
  ).toBe('NoSuchUpload');
});

test('ListParts pages by max-parts with part-number markers and returns each part checksum', async () => {
  const Key = `${demo.me.identityId}/mp/paged.bin`;
  const bodies = [1, 2, 3, 4, 5].map((n) => testBytes(100 * n, n));
  const { UploadId, parts } = await uploadParts(Key, bodies);
  // Re-sending a part replaces it rather than adding another.
  const resent = await demo.s3.send(
    new UploadPartCommand({
      Bucket: demo.bucket,
      Key,
      UploadId,
      PartNumber: 3,
      Body: testBytes(300, 3),
    }),
  );
  expect(resent.ETag).toBe(parts[2]?.ETag);

  const seen: { PartNumber?: number; Size?: number; ChecksumCRC32?: string }[] = [];
  let marker: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await demo.s3.send(
      new ListPartsCommand({
        Bucket: demo.bucket,
        Key,
        UploadId,
        MaxParts: 2,
        PartNumberMarker: marker,
      }),
    );
    pages++;
    seen.push(...(page.Parts ?? []));
    if (!page.IsTruncated) break;
    marker = page.NextPartNumberMarker;
  }
  expect(pages).toBe(3);
  expect(seen.map((p) => p.PartNumber)).toEqual([1, 2, 3, 4, 5]);
  expect(seen.map((p) => p.Size)).toEqual([100, 200, 300, 400, 500]);
  expect(seen.map((p) => p.ChecksumCRC32)).toEqual(parts.map((p) => p.ChecksumCRC32));
  await demo.s3.send(new AbortMultipartUploadCommand({ Bucket: demo.bucket, Key, UploadId }));
});

test('a part number outside 1..10000 is InvalidArgument', async () => {
  const Key = `${demo.me.identityId}/mp/range.bin`;
  const { UploadId } = await uploadParts(Key, []);
  const error = await failure(
    demo.s3.send(
      new UploadPartCommand({ Bucket: demo.bucket, Key, UploadId, PartNumber: 10_001, Body: 'x' }),
    ),
  );
  expect(error.name).toBe('InvalidArgument');
  expect(error.message).toBe('Part number must be an integer between 1 and 10000, inclusive');
});

test('a FULL_OBJECT CRC32 upload checks the whole-object checksum and the SDK validates it on GET', async () => {
  const Key = `${demo.me.identityId}/mp/full-object.bin`;
  const bodies = [testBytes(5 * MiB, 8), testBytes(4321, 9)];
  const { UploadId } = await demo.s3.send(
    new CreateMultipartUploadCommand({
      Bucket: demo.bucket,
      Key,
      ChecksumAlgorithm: 'CRC32',
      ChecksumType: 'FULL_OBJECT',
    }),
  );
  const parts: CompletedPart[] = [];
  for (const [i, Body] of bodies.entries()) {
    const result = await demo.s3.send(
      new UploadPartCommand({ Bucket: demo.bucket, Key, UploadId, PartNumber: i + 1, Body }),
    );
    parts.push({ PartNumber: i + 1, ETag: result.ETag, ChecksumCRC32: result.ChecksumCRC32 });
  }
  const whole = Buffer.alloc(4);
  whole.writeUInt32BE(crc32(Buffer.concat(bodies)));
  const complete = (ChecksumCRC32: string) =>
    demo.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: demo.bucket,
        Key,
        UploadId,
        ChecksumCRC32,
        ChecksumType: 'FULL_OBJECT',
        MultipartUpload: { Parts: parts },
      }),
    );
  const wrong = await failure(complete('AAAAAA=='));
  expect(wrong.name).toBe('BadDigest');
  const done = await complete(whole.toString('base64'));
  expect(done.ChecksumCRC32).toBe(whole.toString('base64'));
  expect(done.ChecksumType).toBe('FULL_OBJECT');

  const got = await demo.s3.send(
    new GetObjectCommand({ Bucket: demo.bucket, Key, ChecksumMode: 'ENABLED' }),
  );
  expect(got.ChecksumCRC32).toBe(whole.toString('base64'));
  expect(await sha256OfStream(got.Body as Readable)).toBe(
    createHash('sha256').update(Buffer.concat(bodies)).digest('hex'),
  );
});
