import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { forSigning, queryString, s3Signer, type WireResponse } from '../s3-auth/wire';
import { bodyText, failure, useDemoS3 } from './s3-test-kit';

const demo = useDemoS3();

const keyFor = (name: string) => `${demo.home}conditional/${name}`;

const read = async (Key: string) =>
  bodyText(
    (await demo.s3.send(new GetObjectCommand({ Bucket: demo.bucket, Key }))).Body as Readable,
  );

const put = (Key: string, Body: string, conditions: { IfNoneMatch?: string; IfMatch?: string }) =>
  demo.s3.send(new PutObjectCommand({ Bucket: demo.bucket, Key, Body, ...conditions }));

/** A signed request sent with Expect: 100-continue, whose body leaves only on finish(). */
interface HeldRequest {
  /** Resolves once the server has taken the request in and run its checks. */
  accepted: Promise<unknown>;
  /** Sends the body and resolves with the answer. */
  finish(): Promise<WireResponse>;
}

/**
 * Holds a request between its headers and its body. Node's server answers 100 Continue as it hands
 * the request to local-aws, whose precondition check runs in that same turn, so once `accepted`
 * resolves the request is in flight with its check done: whatever the test does next happens while
 * it is in flight, with no sleeps.
 */
async function holdRequest(request: {
  method: string;
  key: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}): Promise<HeldRequest> {
  const body = Buffer.from(request.body);
  const signed = await s3Signer(demo.me.credentials, demo.la.info.region).sign(
    forSigning(demo.la.info.endpoint, {
      method: request.method,
      path: `/${demo.bucket}/${request.key.split('/').map(encodeURIComponent).join('/')}`,
      query: request.query ?? {},
      headers: {
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        'content-length': String(body.length),
        ...request.headers,
      },
    }),
  );
  const url = new URL(demo.la.info.endpoint);
  const search = queryString(signed.query as Record<string, string>);
  const req = httpRequest({
    host: url.hostname,
    port: url.port,
    method: request.method,
    path: search ? `${signed.path}?${search}` : signed.path,
    headers: { ...(signed.headers as Record<string, string>), expect: '100-continue' },
  });
  const answered = new Promise<WireResponse>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
        resolve({ status: res.statusCode ?? 0, body: text, code });
      });
    });
  });
  const accepted = once(req, 'continue');
  req.flushHeaders();
  return {
    accepted,
    finish: () => {
      req.end(body);
      return answered;
    },
  };
}

describe('PutObject with If-None-Match: *', () => {
  test('two conditional puts in flight together: the first to land wins, the other is 409 ConditionalRequestConflict', async () => {
    const Key = keyFor('race.txt');
    const first = await holdRequest({
      method: 'PUT',
      key: Key,
      headers: { 'if-none-match': '*' },
      body: 'first',
    });
    const second = await holdRequest({
      method: 'PUT',
      key: Key,
      headers: { 'if-none-match': '*' },
      body: 'second',
    });
    await Promise.all([first.accepted, second.accepted]);

    expect(await first.finish()).toMatchObject({ status: 200 });
    const lost = await second.finish();
    expect(lost).toMatchObject({ status: 409, code: 'ConditionalRequestConflict' });
    expect(lost.body).toContain(
      '<Message>The conditional request cannot succeed due to a conflicting operation against this resource.</Message>',
    );
    expect(await read(Key)).toBe('first');

    // Retried, as S3 advises after a 409, it finds the key settled: a 412 in S3's error shape.
    const retried = await holdRequest({
      method: 'PUT',
      key: Key,
      headers: { 'if-none-match': '*' },
      body: 'second',
    });
    const refusal = await retried.finish();
    expect(refusal).toMatchObject({ status: 412, code: 'PreconditionFailed' });
    expect(refusal.body).toContain(
      '<Message>At least one of the pre-conditions you specified did not hold</Message>',
    );
    expect(refusal.body).toContain('<Condition>If-None-Match</Condition>');
    const viaSdk = await failure(put(Key, 'second', { IfNoneMatch: '*' }));
    expect(viaSdk.name).toBe('PreconditionFailed');
    expect(viaSdk.$metadata.httpStatusCode).toBe(412);
    expect(await read(Key)).toBe('first');
  });

  test('concurrent SDK puts of one key: exactly one succeeds, every other one is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const Key = keyFor(`crowd-${round}.txt`);
      const bodies = Array.from({ length: 6 }, (_, i) => `writer ${i}`);
      const results = await Promise.allSettled(
        bodies.map((body) => put(Key, body, { IfNoneMatch: '*' })),
      );
      const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [bodies[i]] : []));
      expect(winners).toHaveLength(1);
      const refusals = results.flatMap((r) =>
        r.status === 'rejected' ? [(r.reason as { name: string }).name] : [],
      );
      for (const name of refusals)
        expect(['PreconditionFailed', 'ConditionalRequestConflict']).toContain(name);
      expect(await read(Key)).toBe(winners[0]);
    }
  });
});

test('If-Match replaces only the version named; a missing key is 404, a delete mid-flight 409', async () => {
  const Key = keyFor('versioned.txt');
  const v1 = await put(Key, 'v1', {});
  const v2 = await put(Key, 'v2', { IfMatch: v1.ETag });
  expect(await read(Key)).toBe('v2');

  const stale = await failure(put(Key, 'v3', { IfMatch: v1.ETag }));
  expect(stale.name).toBe('PreconditionFailed');
  expect(stale.$metadata.httpStatusCode).toBe(412);
  expect(await read(Key)).toBe('v2');

  const missing = await failure(put(keyFor('never.txt'), 'x', { IfMatch: v2.ETag }));
  expect(missing.name).toBe('NoSuchKey');
  expect(missing.$metadata.httpStatusCode).toBe(404);

  const held = await holdRequest({
    method: 'PUT',
    key: Key,
    headers: { 'if-match': v2.ETag ?? '' },
    body: 'v3',
  });
  await held.accepted;
  await demo.s3.send(new DeleteObjectCommand({ Bucket: demo.bucket, Key }));
  expect(await held.finish()).toMatchObject({ status: 409, code: 'ConditionalRequestConflict' });
  const gone = await failure(demo.s3.send(new GetObjectCommand({ Bucket: demo.bucket, Key })));
  expect(gone.$metadata.httpStatusCode).not.toBe(200);
});

test('forms S3 does not implement on writes are 501 NotImplemented and store nothing', async () => {
  const Key = keyFor('unsupported.txt');
  const { ETag } = await put(Key, 'kept', {});
  for (const conditions of [
    { IfNoneMatch: ETag },
    { IfMatch: '*' },
    { IfMatch: ETag, IfNoneMatch: '*' },
  ]) {
    const error = await failure(put(Key, 'dropped', conditions));
    expect(error.name).toBe('NotImplemented');
    expect(error.$metadata.httpStatusCode).toBe(501);
  }
  expect(await read(Key)).toBe('kept');
});

/** Starts an upload of one small part (a lone part may be any size). */
async function startUpload(Key: string) {
  const { UploadId } = await demo.s3.send(
    new CreateMultipartUploadCommand({ Bucket: demo.bucket, Key }),
  );
  const part = await demo.s3.send(
    new UploadPartCommand({ Bucket: demo.bucket, Key, UploadId, PartNumber: 1, Body: 'part' }),
  );
  return { UploadId: UploadId ?? '', parts: [{ PartNumber: 1, ETag: part.ETag ?? '' }] };
}

const complete = (
  Key: string,
  upload: Awaited<ReturnType<typeof startUpload>>,
  conditions: { IfNoneMatch?: string; IfMatch?: string },
) =>
  demo.s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: demo.bucket,
      Key,
      UploadId: upload.UploadId,
      MultipartUpload: { Parts: upload.parts },
      ...conditions,
    }),
  );

test('CompleteMultipartUpload: a key taken since Create is 412 and the upload stays; overtaken mid-flight is 409 and it ends', async () => {
  const Key = keyFor('multipart.bin');
  const first = await startUpload(Key);
  const taken = await put(Key, 'got there first', { IfNoneMatch: '*' });

  const refused = await failure(complete(Key, first, { IfNoneMatch: '*' }));
  expect(refused.name).toBe('PreconditionFailed');
  expect(refused.$metadata.httpStatusCode).toBe(412);
  expect(await read(Key)).toBe('got there first');
  // S3 keeps the upload after a 412, so the client may still complete it otherwise, or abort it.
  const kept = await demo.s3.send(
    new ListPartsCommand({ Bucket: demo.bucket, Key, UploadId: first.UploadId }),
  );
  expect(kept.Parts?.map((p) => p.PartNumber)).toEqual([1]);
  await complete(Key, first, { IfMatch: taken.ETag });
  expect(await read(Key)).toBe('part');

  await demo.s3.send(new DeleteObjectCommand({ Bucket: demo.bucket, Key }));
  const second = await startUpload(Key);
  const manifest = second.parts
    .map((p) => `<Part><PartNumber>${p.PartNumber}</PartNumber><ETag>${p.ETag}</ETag></Part>`)
    .join('');
  const held = await holdRequest({
    method: 'POST',
    key: Key,
    query: { uploadId: second.UploadId },
    headers: { 'if-none-match': '*', 'content-type': 'application/xml' },
    body: `<CompleteMultipartUpload>${manifest}</CompleteMultipartUpload>`,
  });
  await held.accepted;
  await put(Key, 'overtook it', {});
  expect(await held.finish()).toMatchObject({ status: 409, code: 'ConditionalRequestConflict' });
  expect(await read(Key)).toBe('overtook it');
  // After a 409 S3 says to start over with CreateMultipartUpload: this upload is finished.
  const ended = await failure(
    demo.s3.send(new ListPartsCommand({ Bucket: demo.bucket, Key, UploadId: second.UploadId })),
  );
  expect(ended.name).toBe('NoSuchUpload');
});
