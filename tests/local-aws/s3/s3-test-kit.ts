import { S3Client, S3ServiceException, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createCipheriv, createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { useFileFixture } from '../../helpers/file-fixture';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

/** An SDK client for the stand-in, path-style, with the SDK's default checksum behaviour. */
export function s3Client(
  la: TestLocalAws,
  identity: IdentityCredentials,
  config: Partial<S3ClientConfig> = {},
): S3Client {
  return new S3Client({
    region: la.info.region,
    endpoint: la.info.endpoint,
    forcePathStyle: true,
    credentials: identity.credentials,
    ...config,
  });
}

/** SHA-256 (hex) of a stream, without holding it in memory. */
export async function sha256OfStream(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest('hex');
}

/** SHA-256 (hex) of a file on disk. */
export const sha256OfFile = (path: string) => sha256OfStream(createReadStream(path));

/** Deterministic pseudo-random bytes (AES-CTR keystream), so a failure can be reproduced. */
export function testBytes(size: number, seed = 1): Buffer {
  return keystream(seed).update(Buffer.alloc(size));
}

function keystream(seed: number) {
  const key = createHash('sha256').update(`hakobu-test-${seed}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
}

/** Writes `size` deterministic bytes to a file in 1 MiB steps, never holding them all. */
export async function writeTestFile(path: string, size: number, seed = 1): Promise<void> {
  const cipher = keystream(seed);
  const zeros = Buffer.alloc(1024 * 1024);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += zeros.length) {
    const chunk = cipher.update(zeros.subarray(0, Math.min(zeros.length, size - written)));
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

/** One line of <data>/requests.log. */
export interface LoggedRequest {
  service: string;
  action?: string;
  key?: string;
  uploadId?: string;
  partNumber?: number;
  status?: number;
  code?: string;
  fault?: string;
}

/** The S3 lines of requests.log so far. */
export function s3Requests(la: TestLocalAws): LoggedRequest[] {
  return readFileSync(join(la.dataDir, 'requests.log'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LoggedRequest)
    .filter((entry) => entry.service === 's3' && entry.action !== undefined);
}

/** Reads a whole small SDK body as text. */
export async function bodyText(body: Readable | undefined): Promise<string> {
  if (!body) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The demo user's S3 on a stand-in shared by a test file. */
export interface DemoS3 {
  readonly la: TestLocalAws;
  readonly me: IdentityCredentials;
  readonly s3: S3Client;
  readonly bucket: string;
  /** The user's own prefix, `<identityId>/`. */
  readonly home: string;
}

/** Starts a stand-in before a file's tests, signs the demo user in, and disposes it after them. */
export function useDemoS3(): DemoS3 {
  const current = useFileFixture(
    async (): Promise<DemoS3> => {
      const la = await startTestLocalAws();
      const me = await demoCredentials(la);
      return { la, me, s3: s3Client(la, me), bucket: la.info.bucket, home: `${me.identityId}/` };
    },
    (started) => started.la.dispose(),
  );
  return {
    get la() {
      return current().la;
    },
    get me() {
      return current().me;
    },
    get s3() {
      return current().s3;
    },
    get bucket() {
      return current().bucket;
    },
    get home() {
      return current().home;
    },
  };
}

/** The S3 error a request failed with; fails the test if it succeeded or failed otherwise. */
export async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof S3ServiceException))
    throw new Error(`expected an S3 error, got ${String(error)}`);
  return error;
}
