import { describe, expect, test } from 'vitest';
import { createChecksum } from '../../../local-aws/s3/checksums';
import { useAuthHarness } from './auth-harness';
import { send, signAndSend } from './wire';

const auth = useAuthHarness();

function lastOutcome() {
  const outcome = auth.harness.outcomes.at(-1);
  if (!outcome) throw new Error('no request reached the server');
  return outcome;
}

const host = () => new URL(auth.harness.endpoint).host;

describe('requests that are not properly signed', () => {
  test('no credentials at all is AccessDenied "Access Denied"', async () => {
    const response = await send(auth.harness.endpoint, {
      method: 'GET',
      path: '/hakobu-demo/k',
      headers: { host: host() },
    });
    expect(response).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(lastOutcome()).toMatchObject({ message: 'Access Denied' });
  });

  test('Signature Version 2 is refused with the mechanism S3 wants instead', async () => {
    const response = await send(auth.harness.endpoint, {
      method: 'GET',
      path: '/hakobu-demo/k',
      headers: { host: host(), authorization: `AWS ${auth.issued.accessKeyId}:c2lnbmF0dXJl` },
    });
    expect(response).toMatchObject({ status: 400, code: 'InvalidRequest' });
    expect(lastOutcome()).toMatchObject({
      message:
        'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    });
  });

  test('a header-signed request without x-amz-content-sha256 is InvalidRequest', async () => {
    const response = await signAndSend(
      auth.harness.endpoint,
      auth.issued,
      auth.harness.region,
      {
        method: 'GET',
        path: '/hakobu-demo/k',
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      },
      {
        tamper: (signed) => {
          delete signed.headers['x-amz-content-sha256'];
        },
      },
    );
    expect(response).toMatchObject({ status: 400, code: 'InvalidRequest' });
    expect(lastOutcome()).toMatchObject({
      message: 'Missing required header for this request: x-amz-content-sha256',
    });
  });

  test('an x-amz-content-sha256 that is no hash and no mode is InvalidArgument', async () => {
    const response = await signAndSend(auth.harness.endpoint, auth.issued, auth.harness.region, {
      method: 'PUT',
      path: '/hakobu-demo/k',
      headers: { 'x-amz-content-sha256': 'tjnVEQ5UTP/DL91eAGOmew==' },
      body: Buffer.from('x'),
    });
    expect(response).toMatchObject({ status: 400, code: 'InvalidArgument' });
    expect(lastOutcome()).toMatchObject({ details: { ArgumentName: 'x-amz-content-sha256' } });
  });

  test('a signed header changed in transit is SignatureDoesNotMatch, with the canonical request', async () => {
    const response = await signAndSend(
      auth.harness.endpoint,
      auth.issued,
      auth.harness.region,
      {
        method: 'PUT',
        path: '/hakobu-demo/k',
        headers: { 'x-amz-meta-owner': 'alice', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        body: Buffer.from('x'),
      },
      {
        tamper: (signed) => {
          signed.headers['x-amz-meta-owner'] = 'mallory';
        },
      },
    );
    expect(response).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const outcome = lastOutcome();
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.details['CanonicalRequest']).toContain(
      'x-amz-meta-owner:mallory',
    );
  });

  test('an x-amz-* header added after signing is refused as not signed', async () => {
    const response = await signAndSend(
      auth.harness.endpoint,
      auth.issued,
      auth.harness.region,
      { method: 'PUT', path: '/hakobu-demo/k', body: Buffer.from('x') },
      {
        tamper: (signed) => {
          signed.headers['x-amz-acl'] = 'public-read';
        },
      },
    );
    expect(response).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(lastOutcome()).toMatchObject({ details: { HeadersNotSigned: 'x-amz-acl' } });
  });

  test('a body that does not match its signed SHA-256 is XAmzContentSHA256Mismatch', async () => {
    const response = await signAndSend(
      auth.harness.endpoint,
      auth.issued,
      auth.harness.region,
      { method: 'PUT', path: '/hakobu-demo/k', body: Buffer.from('the signed body') },
      {
        tamper: (signed) => {
          signed.body = Buffer.from('the other body!');
        },
      },
    );
    expect(response).toMatchObject({ status: 400, code: 'XAmzContentSHA256Mismatch' });
  });
});

describe('STREAMING-UNSIGNED-PAYLOAD-TRAILER bodies built by hand', () => {
  const crc32Of = (data: Buffer): string => {
    const checksum = createChecksum('CRC32');
    checksum.update(data);
    return checksum.digest().toString('base64');
  };
  const put = (body: Buffer, headers: Record<string, string>) =>
    signAndSend(auth.harness.endpoint, auth.issued, auth.harness.region, {
      method: 'PUT',
      path: '/hakobu-demo/chunked',
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'x-amz-trailer': 'x-amz-checksum-crc32',
        'content-length': String(body.length),
        ...headers,
      },
      body,
    });

  test('a well-formed body is decoded and its trailer delivered', async () => {
    const data = Buffer.from('hello world');
    const body = Buffer.from(
      `5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:${crc32Of(data)}\r\n\r\n`,
    );
    const response = await put(body, { 'x-amz-decoded-content-length': '11' });
    expect(response.status).toBe(200);
    expect(lastOutcome()).toMatchObject({
      ok: true,
      contentLength: 11,
      trailers: { 'x-amz-checksum-crc32': crc32Of(data) },
    });
  });

  test('fewer bytes than x-amz-decoded-content-length is IncompleteBody with both counts', async () => {
    const body = Buffer.from(
      `5\r\nhello\r\n0\r\nx-amz-checksum-crc32:${crc32Of(Buffer.from('hello'))}\r\n\r\n`,
    );
    const response = await put(body, { 'x-amz-decoded-content-length': '10' });
    expect(response).toMatchObject({ status: 400, code: 'IncompleteBody' });
    expect(lastOutcome()).toMatchObject({
      details: { NumberBytesExpected: '10', NumberBytesProvided: '5' },
    });
  });

  test('a trailer other than the one x-amz-trailer announced is MalformedTrailerError', async () => {
    const body = Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32c:AAAAAA==\r\n\r\n');
    const response = await put(body, { 'x-amz-decoded-content-length': '5' });
    expect(response).toMatchObject({ status: 400, code: 'MalformedTrailerError' });
  });

  test('an announced trailer that never comes is MalformedTrailerError', async () => {
    const body = Buffer.from('5\r\nhello\r\n0\r\n\r\n');
    const response = await put(body, { 'x-amz-decoded-content-length': '5' });
    expect(response).toMatchObject({ status: 400, code: 'MalformedTrailerError' });
  });

  test('without x-amz-decoded-content-length it is MissingContentLength', async () => {
    const body = Buffer.from('5\r\nhello\r\n0\r\n\r\n');
    const response = await put(body, {});
    expect(response).toMatchObject({ status: 411, code: 'MissingContentLength' });
  });
});
