import {
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
  type PutObjectCommandOutput,
} from '@aws-sdk/client-s3';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { objectPath, objectUrlBase } from '../../../src-main/core/transfers/direct-put/object-url';

// The direct PutObject must reach exactly the URL the SDK would: a key encoded differently is
// signed for one path and stored under another, or refused with SignatureDoesNotMatch.

interface Captured {
  origin: string;
  path: string;
}

/** The URL the SDK itself would send a PutObject to, captured before it goes out. */
async function sdkUrl(region: string, bucket: string, key: string, endpoint?: string) {
  const client = new S3Client({
    region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
  });
  let captured: Captured | undefined;
  const capture: FinalizeRequestMiddleware<PutObjectCommandInput, PutObjectCommandOutput> =
    () => (args) => {
      const request = args.request as {
        protocol: string;
        hostname: string;
        port?: number;
        path: string;
      };
      const port = request.port ? `:${request.port}` : '';
      captured = { origin: `${request.protocol}//${request.hostname}${port}`, path: request.path };
      return Promise.reject(new Error('captured'));
    };
  const command = new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' });
  command.middlewareStack.add(capture, { step: 'finalizeRequest', priority: 'low' });
  await expect(client.send(command)).rejects.toThrow('captured');
  client.destroy();
  return captured;
}

const KEYS = [
  'ap-northeast-1:0f3c/photos/IMG_0001.jpg',
  'ap-northeast-1:0f3c/旅行 2024/写真（１）.jpg',
  "ap-northeast-1:0f3c/a b+c~d!e*f(g)h'i.txt",
  'ap-northeast-1:0f3c/100% #1?x=y&z;.txt',
  'ap-northeast-1:0f3c/double//slash/',
  'ap-northeast-1:0f3c/emoji-😀-é.png',
];

describe('the direct PutObject URL', () => {
  it.each(KEYS)('is the SDK’s own for %j below a custom (path-style) endpoint', async (key) => {
    const base = objectUrlBase('ap-northeast-1', 'hakobu-demo', 'http://127.0.0.1:4566');
    const sdk = await sdkUrl('ap-northeast-1', 'hakobu-demo', key, 'http://127.0.0.1:4566');
    expect(base && { origin: base.origin, path: objectPath(base, key) }).toEqual(sdk);
  });

  it.each(KEYS)('is the SDK’s own for %j on AWS (virtual-hosted)', async (key) => {
    const base = objectUrlBase('ap-northeast-1', 'hakobu-demo', undefined);
    const sdk = await sdkUrl('ap-northeast-1', 'hakobu-demo', key);
    expect(base && { origin: base.origin, path: objectPath(base, key) }).toEqual(sdk);
  });

  it('is the SDK’s own in a China region', async () => {
    const base = objectUrlBase('cn-north-1', 'hakobu-demo', undefined);
    const sdk = await sdkUrl('cn-north-1', 'hakobu-demo', 'k/1.jpg');
    expect(base && { origin: base.origin, path: objectPath(base, 'k/1.jpg') }).toEqual(sdk);
  });

  it('leaves access points and dotted bucket names to the SDK', () => {
    const arn = 'arn:aws:s3:ap-northeast-1:123456789012:accesspoint/photos';
    expect(objectUrlBase('ap-northeast-1', arn, undefined)).toBeUndefined();
    expect(objectUrlBase('ap-northeast-1', arn, 'http://127.0.0.1:4566')).toBeUndefined();
    expect(objectUrlBase('ap-northeast-1', 'photos.example.com', undefined)).toBeUndefined();
    expect(objectUrlBase('ap-northeast-1', 'b', 'https://vpce-1.s3.x/base')).toBeUndefined();
  });
});
