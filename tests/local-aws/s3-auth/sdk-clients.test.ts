import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type ChecksumAlgorithm as SdkChecksumAlgorithm,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createChecksum, type ChecksumAlgorithm } from '../../../local-aws/s3/checksums';
import { useAuthHarness } from './auth-harness';

const auth = useAuthHarness();

function client(
  overrides: Partial<{
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string | undefined;
    region: string;
    maxAttempts: number;
    systemClockOffset: number;
  }> = {},
): S3Client {
  const settings = {
    accessKeyId: auth.issued.accessKeyId,
    secretAccessKey: auth.issued.secretAccessKey,
    sessionToken: auth.issued.sessionToken as string | undefined,
    region: auth.harness.region,
    maxAttempts: 1,
    systemClockOffset: 0,
    ...overrides,
  };
  return new S3Client({
    endpoint: auth.harness.endpoint,
    forcePathStyle: true,
    region: settings.region,
    maxAttempts: settings.maxAttempts,
    systemClockOffset: settings.systemClockOffset,
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      ...(settings.sessionToken === undefined ? {} : { sessionToken: settings.sessionToken }),
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(S3ServiceException);
  return error as S3ServiceException;
}

function lastOutcome() {
  const outcome = auth.harness.outcomes.at(-1);
  if (!outcome) throw new Error('no request reached the server');
  return outcome;
}

describe('requests signed by @aws-sdk/client-s3 are accepted', () => {
  test.each([
    'plain.txt',
    'folder/sub folder/スペース と 日本語.txt',
    "odd !'()*$&+,;=@[]~ chars.bin",
    'percent%20literal and+plus',
    'double//slash/./dot/../segments',
  ])('PutObject with key %j', async (key) => {
    await client().send(
      new PutObjectCommand({
        Bucket: 'hakobu-demo',
        Key: key,
        Body: Buffer.from(`body of ${key}`),
        Metadata: { note: '  spaced   out  value ', 'second-note': 'x' },
      }),
    );
    expect(lastOutcome()).toMatchObject({ ok: true, accessKeyId: auth.issued.accessKeyId });
    const outcome = lastOutcome();
    expect(outcome.ok && outcome.body.toString()).toBe(`body of ${key}`);
  });

  test('ListObjectsV2 with a prefix, delimiter and continuation token full of reserved characters', async () => {
    await client()
      .send(
        new ListObjectsV2Command({
          Bucket: 'hakobu-demo',
          Prefix: 'eu-west-1:id/a b+c=d&e/',
          Delimiter: '/',
          ContinuationToken: 'AbC/+==',
          StartAfter: 'ü',
          MaxKeys: 7,
        }),
      )
      .catch(() => undefined); // the harness answers with an empty body; only the auth matters here
    expect(lastOutcome()).toMatchObject({ ok: true });
  });

  test('GetObject with a Range and conditional headers', async () => {
    await client()
      .send(
        new GetObjectCommand({
          Bucket: 'hakobu-demo',
          Key: 'photos/2026/IMG_0001.HEIC',
          Range: 'bytes=0-1023',
          IfNoneMatch: '"abc"',
        }),
      )
      .catch(() => undefined);
    expect(lastOutcome()).toMatchObject({ ok: true });
  });
});

describe('streamed uploads arrive as aws-chunked bodies with a trailing checksum', () => {
  const pieces = Array.from({ length: 300 }, (_, i) => Buffer.alloc(97 + (i % 13), i % 251));
  const whole = Buffer.concat(pieces);

  test.each<ChecksumAlgorithm>(['CRC32', 'CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'])(
    'the %s trailer the SDK computed equals the stand-in checksum of the decoded body',
    async (algorithm) => {
      await client().send(
        new PutObjectCommand({
          Bucket: 'hakobu-demo',
          Key: `streamed-${algorithm}`,
          Body: Readable.from(pieces),
          ContentLength: whole.length,
          ChecksumAlgorithm: algorithm as SdkChecksumAlgorithm,
        }),
      );
      const outcome = lastOutcome();
      if (!outcome.ok) throw new Error(`refused: ${outcome.code} ${outcome.message}`);
      expect(outcome.body.equals(whole)).toBe(true);
      expect(outcome.contentLength).toBe(whole.length);
      const checksum = createChecksum(algorithm);
      checksum.update(outcome.body);
      expect(outcome.trailers).toEqual({
        [`x-amz-checksum-${algorithm.toLowerCase()}`]: checksum.digest().toString('base64'),
      });
    },
  );
});

describe('credential problems surface with S3 error codes the SDK recognizes', () => {
  test('a wrong secret is SignatureDoesNotMatch (403)', async () => {
    const error = await rejection(
      client({ secretAccessKey: `${auth.issued.secretAccessKey}x` }).send(
        new PutObjectCommand({ Bucket: 'hakobu-demo', Key: 'k', Body: 'x' }),
      ),
    );
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(lastOutcome()).toMatchObject({ details: { AWSAccessKeyId: auth.issued.accessKeyId } });
  });

  test('an access key the stand-in never issued is InvalidAccessKeyId (403)', async () => {
    const error = await rejection(
      client({ accessKeyId: 'ASIAUNKNOWNUNKNOWN00' }).send(
        new GetObjectCommand({ Bucket: 'hakobu-demo', Key: 'k' }),
      ),
    );
    expect(error.name).toBe('InvalidAccessKeyId');
    expect(error.message).toBe('The AWS Access Key Id you provided does not exist in our records.');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  test('temporary credentials without their session token are InvalidToken (400)', async () => {
    const error = await rejection(
      client({ sessionToken: undefined }).send(
        new GetObjectCommand({ Bucket: 'hakobu-demo', Key: 'k' }),
      ),
    );
    expect(error.name).toBe('InvalidToken');
    expect(error.message).toBe('The provided token is malformed or otherwise invalid.');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  test("another session's token is InvalidToken (400)", async () => {
    const other = auth.harness.issueCredentials();
    const error = await rejection(
      client({ sessionToken: other.sessionToken }).send(
        new GetObjectCommand({ Bucket: 'hakobu-demo', Key: 'k' }),
      ),
    );
    expect(error.name).toBe('InvalidToken');
  });

  test('expired credentials are ExpiredToken (400), whatever the signature', async () => {
    const expired = auth.harness.issueCredentials({ expiration: Date.now() - 1000 });
    const error = await rejection(
      client({
        accessKeyId: expired.accessKeyId,
        secretAccessKey: expired.secretAccessKey,
        sessionToken: expired.sessionToken,
      }).send(new PutObjectCommand({ Bucket: 'hakobu-demo', Key: 'k', Body: 'x' })),
    );
    expect(error.name).toBe('ExpiredToken');
    expect(error.message).toBe('The provided token has expired.');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  test('a client configured for another region is told the right one', async () => {
    const error = await rejection(
      client({ region: 'us-west-2' }).send(
        new GetObjectCommand({ Bucket: 'hakobu-demo', Key: 'k' }),
      ),
    );
    expect(error.name).toBe('AuthorizationHeaderMalformed');
    expect(lastOutcome()).toMatchObject({ status: 400, details: { Region: auth.harness.region } });
  });
});

describe('clock skew', () => {
  test('a client 20 minutes slow is refused with RequestTimeTooSkewed', async () => {
    const error = await rejection(
      client({ systemClockOffset: -20 * 60_000 }).send(
        new GetObjectCommand({ Bucket: 'hakobu-demo', Key: 'k' }),
      ),
    );
    expect(error.name).toBe('RequestTimeTooSkewed');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  test('a PC whose clock is 20 minutes slow recovers: the SDK adopts ServerTime and retries', async () => {
    auth.harness.clock.offsetMs = 20 * 60_000;
    try {
      const before = auth.harness.outcomes.length;
      await client({ maxAttempts: 3 }).send(
        new PutObjectCommand({ Bucket: 'hakobu-demo', Key: 'k', Body: 'x' }),
      );
      const outcomes = auth.harness.outcomes.slice(before);
      expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['RequestTimeTooSkewed', 'ok']);
    } finally {
      auth.harness.clock.offsetMs = 0;
    }
  });
});
