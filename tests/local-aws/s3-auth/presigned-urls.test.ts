import { describe, expect, test } from 'vitest';
import { useAuthHarness } from './auth-harness';
import { forSigning, queryString, s3Signer, type PlainRequest, type TestCredentials } from './wire';

const auth = useAuthHarness();

/**
 * Presigns with the SDK's SigV4 signer the way @aws-sdk/s3-request-presigner does: the payload is
 * UNSIGNED-PAYLOAD and only host is signed.
 */
async function presign(
  request: PlainRequest,
  options: { expiresIn?: number; signingDate?: Date; credentials?: TestCredentials } = {},
): Promise<URL> {
  const unsigned = new Set(['x-amz-content-sha256']);
  const presigned = await s3Signer(options.credentials ?? auth.issued, auth.harness.region).presign(
    forSigning(auth.harness.endpoint, {
      ...request,
      headers: { ...request.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    }),
    {
      expiresIn: options.expiresIn ?? 300,
      signingDate: options.signingDate ?? new Date(),
      unsignableHeaders: unsigned,
      unhoistableHeaders: unsigned,
    },
  );
  return new URL(
    `${auth.harness.endpoint}${presigned.path}?${queryString(presigned.query as Record<string, string>)}`,
  );
}

function lastOutcome() {
  const outcome = auth.harness.outcomes.at(-1);
  if (!outcome) throw new Error('no request reached the server');
  return outcome;
}

async function codeOf(response: Response): Promise<string | undefined> {
  return /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];
}

describe('presigned URLs made by the SDK signer', () => {
  test('a GET URL with a session token works with a plain fetch', async () => {
    const url = await presign({ method: 'GET', path: '/hakobu-demo/photos/a%20b%2B%C3%A4.jpg' });
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(auth.issued.sessionToken);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(lastOutcome()).toMatchObject({ ok: true, accessKeyId: auth.issued.accessKeyId });
  });

  test('a PUT URL carries its body through', async () => {
    const url = await presign({ method: 'PUT', path: '/hakobu-demo/upload.bin' });
    const body = Buffer.from('presigned upload body');
    const response = await fetch(url, { method: 'PUT', body });
    expect(response.status).toBe(200);
    const outcome = lastOutcome();
    expect(outcome.ok && outcome.body.equals(body)).toBe(true);
  });

  test('past X-Amz-Expires it is AccessDenied "Request has expired"', async () => {
    const url = await presign(
      { method: 'GET', path: '/hakobu-demo/k' },
      { expiresIn: 60, signingDate: new Date(Date.now() - 120_000) },
    );
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe('AccessDenied');
    expect(lastOutcome()).toMatchObject({ message: 'Request has expired' });
  });

  test('a URL dated an hour ahead is AccessDenied "Request is not yet valid"', async () => {
    const url = await presign(
      { method: 'GET', path: '/hakobu-demo/k' },
      { signingDate: new Date(Date.now() + 3_600_000) },
    );
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(lastOutcome()).toMatchObject({
      code: 'AccessDenied',
      message: 'Request is not yet valid',
    });
  });

  test('pointing a URL at another key breaks its signature', async () => {
    const url = await presign({ method: 'GET', path: '/hakobu-demo/mine.jpg' });
    url.pathname = '/hakobu-demo/someone-elses.jpg';
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe('SignatureDoesNotMatch');
  });

  test('stretching X-Amz-Expires beyond a week is refused before the signature is checked', async () => {
    const url = await presign({ method: 'GET', path: '/hakobu-demo/k' });
    url.searchParams.set('X-Amz-Expires', '604801');
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('AuthorizationQueryParametersError');
    expect(lastOutcome()).toMatchObject({
      message: 'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    });
  });

  test('a URL signed with the wrong secret is SignatureDoesNotMatch', async () => {
    const url = await presign(
      { method: 'GET', path: '/hakobu-demo/k' },
      { credentials: { ...auth.issued, secretAccessKey: 'not-the-secret' } },
    );
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe('SignatureDoesNotMatch');
  });

  test('credentials that expired after the URL was made are ExpiredToken', async () => {
    const shortLived = auth.harness.issueCredentials();
    const url = await presign(
      { method: 'GET', path: '/hakobu-demo/k' },
      { credentials: shortLived },
    );
    shortLived.expiration = Date.now() - 1;
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('ExpiredToken');
  });

  test('x-amz-* headers the URL did not sign are refused', async () => {
    const url = await presign({ method: 'PUT', path: '/hakobu-demo/k' });
    const response = await fetch(url, {
      method: 'PUT',
      body: 'x',
      headers: { 'x-amz-meta-owner': 'mallory' },
    });
    expect(response.status).toBe(403);
    expect(lastOutcome()).toMatchObject({
      code: 'AccessDenied',
      details: { HeadersNotSigned: 'x-amz-meta-owner' },
    });
  });

  test('an x-amz-content-sha256 header sent along with a URL is tolerated', async () => {
    const url = await presign({ method: 'PUT', path: '/hakobu-demo/k' });
    const response = await fetch(url, {
      method: 'PUT',
      body: 'x',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect(response.status).toBe(200);
  });

  test('a URL that also carries an Authorization header is InvalidArgument', async () => {
    const url = await presign({ method: 'GET', path: '/hakobu-demo/k' });
    const response = await fetch(url, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' },
    });
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('InvalidArgument');
  });
});
