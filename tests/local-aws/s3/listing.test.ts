import {
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, test } from 'vitest';
import { useDemoS3 } from './s3-test-kit';

const demo = useDemoS3();
const names = [
  'a.txt',
  'b/1.txt',
  'b/2.txt',
  'b/deeper/3.txt',
  'c/1.txt',
  'd.txt',
  'e/1.txt',
  'f.txt',
  // Emoji sort after U+E000..U+FFFF in S3's (UTF-8) order, unlike JavaScript's string order.
  'g-\u{1F600}.txt',
  'g-\uFF21.txt',
];

beforeAll(async () => {
  for (const name of names) {
    await demo.s3.send(
      new PutObjectCommand({ Bucket: demo.la.info.bucket, Key: demo.home + name, Body: name }),
    );
  }
});

/** Pages through ListObjectsV2 with continuation tokens, collecting every row. */
async function listAll(pageSize: number, delimiter?: string) {
  const keys: string[] = [];
  const prefixes: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await demo.s3.send(
      new ListObjectsV2Command({
        Bucket: demo.la.info.bucket,
        Prefix: demo.home,
        MaxKeys: pageSize,
        ContinuationToken: token,
        ...(delimiter ? { Delimiter: delimiter } : {}),
      }),
    );
    pages++;
    expect(page.KeyCount).toBe((page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0));
    expect(page.KeyCount).toBeLessThanOrEqual(pageSize);
    keys.push(...(page.Contents ?? []).map((c) => (c.Key ?? '').slice(demo.home.length)));
    prefixes.push(
      ...(page.CommonPrefixes ?? []).map((p) => (p.Prefix ?? '').slice(demo.home.length)),
    );
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
    if (page.IsTruncated) expect(token).toBeTruthy();
  } while (token);
  return { keys, prefixes, pages };
}

describe('ListObjectsV2', () => {
  test('lists keys in UTF-8 byte order with sizes and ETags', async () => {
    const page = await demo.s3.send(
      new ListObjectsV2Command({ Bucket: demo.la.info.bucket, Prefix: demo.home }),
    );
    expect(page.Contents?.map((c) => c.Key?.slice(demo.home.length))).toEqual([
      'a.txt',
      'b/1.txt',
      'b/2.txt',
      'b/deeper/3.txt',
      'c/1.txt',
      'd.txt',
      'e/1.txt',
      'f.txt',
      'g-\uFF21.txt',
      'g-\u{1F600}.txt',
    ]);
    expect(page.Contents?.[0]).toMatchObject({ Size: 5, StorageClass: 'STANDARD' });
    expect(page.Contents?.[0]?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(page.IsTruncated).toBe(false);
  });

  test('a delimiter rolls keys up into folders', async () => {
    const page = await demo.s3.send(
      new ListObjectsV2Command({
        Bucket: demo.la.info.bucket,
        Prefix: `${demo.home}b/`,
        Delimiter: '/',
      }),
    );
    expect(page.Contents?.map((c) => c.Key)).toEqual([
      `${demo.home}b/1.txt`,
      `${demo.home}b/2.txt`,
    ]);
    expect(page.CommonPrefixes?.map((p) => p.Prefix)).toEqual([`${demo.home}b/deeper/`]);
    expect(page.Delimiter).toBe('/');
  });

  test('continuation tokens page through keys and folders without repeats or gaps', async () => {
    const flat = await listAll(3);
    expect(flat.keys).toHaveLength(names.length);
    expect(flat.pages).toBe(4);
    const folded = await listAll(2, '/');
    expect(folded.keys).toEqual(['a.txt', 'd.txt', 'f.txt', 'g-\uFF21.txt', 'g-\u{1F600}.txt']);
    expect(folded.prefixes).toEqual(['b/', 'c/', 'e/']);
  });

  test('start-after skips to the keys after it', async () => {
    const page = await demo.s3.send(
      new ListObjectsV2Command({
        Bucket: demo.la.info.bucket,
        Prefix: demo.home,
        StartAfter: `${demo.home}d.txt`,
      }),
    );
    expect(page.Contents?.[0]?.Key).toBe(`${demo.home}e/1.txt`);
    expect(page.StartAfter).toBe(`${demo.home}d.txt`);
  });

  test('encoding-type=url percent-encodes keys that XML cannot carry', async () => {
    const odd = `${demo.home}odd/ctl\u0001 plus+ü.txt`;
    await demo.s3.send(new PutObjectCommand({ Bucket: demo.la.info.bucket, Key: odd, Body: 'x' }));
    const page = await demo.s3.send(
      new ListObjectsV2Command({
        Bucket: demo.la.info.bucket,
        Prefix: `${demo.home}odd/`,
        EncodingType: 'url',
      }),
    );
    expect(page.EncodingType).toBe('url');
    const encoded = page.Contents?.[0]?.Key ?? '';
    expect(encoded).toBe(`${demo.home.replace(':', '%3A')}odd/ctl%01+plus%2B%C3%BC.txt`);
    expect(decodeURIComponent(encoded.replace(/\+/g, ' '))).toBe(odd);
    expect(page.Prefix).toBe(`${demo.home.replace(':', '%3A')}odd/`);
  });

  test('max-keys above 1000 is capped; a forged continuation token is refused', async () => {
    const page = await demo.s3.send(
      new ListObjectsV2Command({ Bucket: demo.la.info.bucket, Prefix: demo.home, MaxKeys: 5000 }),
    );
    expect(page.MaxKeys).toBe(1000);
    const error = await demo.s3
      .send(
        new ListObjectsV2Command({
          Bucket: demo.la.info.bucket,
          Prefix: demo.home,
          ContinuationToken: 'nope',
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect((error as S3ServiceException).name).toBe('InvalidArgument');
  });

  test("listing outside the identity's prefix is AccessDenied", async () => {
    const error = await demo.s3
      .send(new ListObjectsV2Command({ Bucket: demo.la.info.bucket }))
      .catch((e: unknown) => e);
    expect((error as S3ServiceException).name).toBe('AccessDenied');
    expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(403);
  });
});

test('ListObjects (v1) pages with markers', async () => {
  const first = await demo.s3.send(
    new ListObjectsCommand({
      Bucket: demo.la.info.bucket,
      Prefix: demo.home,
      Delimiter: '/',
      MaxKeys: 2,
    }),
  );
  expect(first.Contents?.map((c) => c.Key)).toEqual([`${demo.home}a.txt`]);
  expect(first.CommonPrefixes?.map((p) => p.Prefix)).toEqual([`${demo.home}b/`]);
  expect(first.IsTruncated).toBe(true);
  const second = await demo.s3.send(
    new ListObjectsCommand({
      Bucket: demo.la.info.bucket,
      Prefix: demo.home,
      Delimiter: '/',
      MaxKeys: 2,
      Marker: first.NextMarker,
    }),
  );
  expect(second.CommonPrefixes?.map((p) => p.Prefix)).toEqual([`${demo.home}c/`]);
  expect(second.Contents?.map((c) => c.Key)).toEqual([`${demo.home}d.txt`]);
});
