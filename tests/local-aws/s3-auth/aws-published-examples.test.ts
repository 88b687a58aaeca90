import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startAuthHarness, type AuthHarness } from './auth-harness';
import { send, sendRaw } from './wire';

// AWS's worked examples (docs: sig-v4-header-based-auth, sigv4-query-string-auth, sigv4-streaming,
// sigv4-streaming-trailers). Their signatures were computed by AWS, not by this code, so a request
// the stand-in accepts here is one real S3 would accept.
const HOST = 'examplebucket.s3.amazonaws.com';
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SCOPE = `${ACCESS_KEY_ID}/20130524/us-east-1/s3/aws4_request`;
const authorization = (signedHeaders: string, signature: string): string =>
  `AWS4-HMAC-SHA256 Credential=${SCOPE},SignedHeaders=${signedHeaders},Signature=${signature}`;

let harness: AuthHarness;

beforeAll(async () => {
  harness = await startAuthHarness({ region: 'us-east-1' });
  // Long-term example keys, put straight into the state (the identity flow is not under test).
  harness.issueCredentials({
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sessionToken: '',
    expiration: Number.MAX_SAFE_INTEGER,
  });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.clock.now = Date.UTC(2013, 4, 24, 0, 0, 0);
});

describe('header-signed requests from the AWS documentation', () => {
  /** The documented PUT of /test$file.text, signed for the body 'Welcome to Amazon S3.'. */
  const examplePut = (body: string) =>
    send(harness.endpoint, {
      method: 'PUT',
      path: '/test$file.text',
      headers: {
        host: HOST,
        date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-date': '20130524T000000Z',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
        authorization: authorization(
          'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
          '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
        ),
      },
      body: Buffer.from(body),
    });

  /** A documented GET on the bucket itself: empty payload, signed with AWS's own signature. */
  const exampleBucketGet = (rawQuery: string, signature: string) =>
    send(harness.endpoint, {
      method: 'GET',
      path: '/',
      rawQuery,
      headers: {
        host: HOST,
        'x-amz-date': '20130524T000000Z',
        'x-amz-content-sha256': EMPTY_SHA256,
        authorization: authorization('host;x-amz-content-sha256;x-amz-date', signature),
      },
    });

  test('GET object with a Range header', async () => {
    const response = await send(harness.endpoint, {
      method: 'GET',
      path: '/test.txt',
      headers: {
        host: HOST,
        range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
        authorization: authorization(
          'host;range;x-amz-content-sha256;x-amz-date',
          'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
        ),
      },
    });
    expect(response.status).toBe(200);
  });

  test('PUT object whose key has a $ the client left unescaped on the wire', async () => {
    const response = await examplePut('Welcome to Amazon S3.');
    expect(response.status).toBe(200);
    expect(harness.outcomes.at(-1)).toMatchObject({ ok: true, contentLength: 21 });
  });

  test('the same PUT with a different body fails with XAmzContentSHA256Mismatch', async () => {
    const response = await examplePut('Welcome to Amazon S4.');
    expect(response).toMatchObject({ status: 400, code: 'XAmzContentSHA256Mismatch' });
    expect(harness.outcomes.at(-1)).toMatchObject({
      details: {
        ClientComputedContentSHA256:
          '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      },
    });
  });

  test('GET bucket lifecycle (a query parameter without a value)', async () => {
    const response = await exampleBucketGet(
      'lifecycle',
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
    expect(response.status).toBe(200);
  });

  test('list objects (query parameters sorted into the canonical order)', async () => {
    const response = await exampleBucketGet(
      'prefix=J&max-keys=2',
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
    expect(response.status).toBe(200);
  });

  test('a request signed on 24 May 2013 is refused once the clock is 16 minutes later', async () => {
    harness.clock.now = Date.UTC(2013, 4, 24, 0, 16, 0);
    const response = await exampleBucketGet(
      'max-keys=2&prefix=J',
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
    expect(response).toMatchObject({ status: 403, code: 'RequestTimeTooSkewed' });
    expect(harness.outcomes.at(-1)).toMatchObject({
      details: {
        RequestTime: '20130524T000000Z',
        ServerTime: '2013-05-24T00:16:00Z',
        MaxAllowedSkewMilliseconds: '900000',
      },
    });
  });
});

describe('the presigned URL from the AWS documentation', () => {
  const rawQuery =
    'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

  const getPresigned = () =>
    send(harness.endpoint, { method: 'GET', path: '/test.txt', rawQuery, headers: { host: HOST } });

  test('works within its 24 hours', async () => {
    harness.clock.now = Date.UTC(2013, 4, 24, 23, 59, 0);
    const response = await getPresigned();
    expect(response.status).toBe(200);
  });

  test('is refused with "Request has expired" afterwards', async () => {
    harness.clock.now = Date.UTC(2013, 4, 25, 0, 0, 1);
    const response = await getPresigned();
    expect(response).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(harness.outcomes.at(-1)).toMatchObject({
      message: 'Request has expired',
      details: { 'X-Amz-Expires': '86400', Expires: '2013-05-25T00:00:00Z' },
    });
  });
});

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD from the AWS documentation', () => {
  const chunkedBody = (firstChunkByte = 'a'): Buffer =>
    Buffer.concat([
      Buffer.from(
        '10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n',
      ),
      Buffer.from(firstChunkByte),
      Buffer.alloc(65535, 'a'),
      Buffer.from(
        '\r\n400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n',
      ),
      Buffer.alloc(1024, 'a'),
      Buffer.from(
        '\r\n0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n',
      ),
    ]);
  const head = (contentLength: number): string =>
    [
      'PUT /examplebucket/chunkObject.txt HTTP/1.1',
      'Host: s3.amazonaws.com',
      'x-amz-date: 20130524T000000Z',
      'x-amz-storage-class: REDUCED_REDUNDANCY',
      `Authorization: ${authorization(
        'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
        '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
      )}`,
      'x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'Content-Encoding: aws-chunked',
      'x-amz-decoded-content-length: 66560',
      `Content-Length: ${contentLength}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');

  test('decodes to 66,560 bytes even when it arrives a few bytes at a time', async () => {
    const body = chunkedBody();
    expect(body.length).toBe(66824);
    const response = await sendRaw(harness.endpoint, head(body.length), body, 13);
    expect(response.status).toBe(200);
    const outcome = harness.outcomes.at(-1);
    expect(outcome).toMatchObject({ ok: true, contentLength: 66560 });
    expect(outcome?.ok && outcome.body.equals(Buffer.alloc(66560, 'a'))).toBe(true);
  });

  test('a single altered byte in the first chunk fails its chunk signature', async () => {
    const body = chunkedBody('b');
    const response = await sendRaw(harness.endpoint, head(body.length), body, 4096);
    expect(response).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });
});

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER from the AWS documentation', () => {
  const body = (trailerValue: string, trailerSignature: string): Buffer =>
    Buffer.concat([
      Buffer.from(
        '10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n',
      ),
      Buffer.alloc(65536, 'a'),
      Buffer.from(
        '\r\n400;chunk-signature=1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7\r\n',
      ),
      Buffer.alloc(1024, 'a'),
      Buffer.from(
        '\r\n0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n' +
          `x-amz-checksum-crc32c:${trailerValue}\r\n` +
          `x-amz-trailer-signature:${trailerSignature}\r\n\r\n`,
      ),
    ]);
  const head = (contentLength: number): string =>
    [
      'PUT /examplebucket/chunkObject.txt HTTP/1.1',
      'Host: s3.amazonaws.com',
      'x-amz-date: 20130524T000000Z',
      'x-amz-storage-class: REDUCED_REDUNDANCY',
      `Authorization: ${authorization(
        'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer',
        '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
      )}`,
      'x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
      'Content-Encoding: aws-chunked',
      'x-amz-decoded-content-length: 66560',
      'x-amz-trailer: x-amz-checksum-crc32c',
      `Content-Length: ${contentLength}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
  // AWS's page prints this trailer signature; it is computed with the PAYLOAD label.
  const AWS_EXAMPLE_TRAILER_SIGNATURE =
    '63bddb248ad2590c92712055f51b8e78ab024eead08276b24f010b0efd74843f';
  // The same trailer signed with the AWS4-HMAC-SHA256-TRAILER label the page's text prescribes.
  const DOCUMENTED_LABEL_TRAILER_SIGNATURE =
    'd81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435';

  test.each([
    ['as printed in the example', AWS_EXAMPLE_TRAILER_SIGNATURE],
    ['with the documented TRAILER label', DOCUMENTED_LABEL_TRAILER_SIGNATURE],
  ])('delivers the signed CRC32C trailer (%s)', async (_label, signature) => {
    const wire = body('sOO8/Q==', signature);
    expect(wire.length).toBe(66946);
    const response = await sendRaw(harness.endpoint, head(wire.length), wire, 1000);
    expect(response.status).toBe(200);
    expect(harness.outcomes.at(-1)).toMatchObject({
      ok: true,
      trailers: { 'x-amz-checksum-crc32c': 'sOO8/Q==' },
    });
  });

  test('a trailer changed in transit fails the trailer signature', async () => {
    const wire = body('AAAAAA==', AWS_EXAMPLE_TRAILER_SIGNATURE);
    const response = await sendRaw(harness.endpoint, head(wire.length), wire, 8192);
    expect(response).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });
});
