import { describe, expect, it } from 'vitest';
import {
  TokenEndpoint,
  type Fetch,
} from '../../../../src-main/core/auth/managed-login/token-endpoint';
import { silentLogger } from '../../../../src-main/core/log/logger';

// What the token endpoint's failures look like to the user. local-aws answers every OAuth error
// as Cognito does (tests/cli/browser-login.test.ts drives it); here are the answers no healthy
// Cognito gives — a proxy's error page, a dropped connection, a body that is not tokens.

const DOMAIN = 'https://example.auth.ap-northeast-1.amazoncognito.com';
const answering =
  (status: number, body: string): Fetch =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });
const endpoint = (fetch: Fetch) => new TokenEndpoint(DOMAIN, 'client', silentLogger, fetch);

describe('the token endpoint in plain words', () => {
  it('ends the session on invalid_grant (revoked or expired refresh token)', async () => {
    const refresh = endpoint(answering(400, '{"error":"invalid_grant"}')).refresh('rt');
    await expect(refresh).rejects.toMatchObject({ code: 'auth.sessionExpired' });
  });

  it('sends IT to doctor for a client problem, naming the OAuth error', async () => {
    const call = endpoint(answering(400, '{"error":"unauthorized_client"}'));
    await expect(call.exchangeCode('c', 'http://localhost:1/callback', 'v')).rejects.toMatchObject({
      code: 'auth.browserTokenRefused',
      message: expect.stringMatching(/unauthorized_client.*hakobu doctor/),
    });
  });

  it('calls a proxy page, a dropped connection and a non-token body unreachable, never internal', async () => {
    const cases: Fetch[] = [
      answering(502, '<html>Bad gateway</html>'),
      async () => {
        throw new TypeError('fetch failed');
      },
      answering(200, '{"access_token":"only-this"}'),
    ];
    for (const fetch of cases) {
      await expect(endpoint(fetch).refresh('rt')).rejects.toMatchObject({
        code: 'auth.browserUnreachable',
      });
    }
  });

  it('posts a form with the verifier and the same redirect_uri, and reads the tokens', async () => {
    let sent: { url: string; body: string } | undefined;
    const fetch: Fetch = async (url, init) => {
      sent = { url: url.toString(), body: String(init.body) };
      return new Response(
        JSON.stringify({
          id_token: 'i',
          access_token: 'a',
          refresh_token: 'r',
          token_type: 'Bearer',
        }),
        { status: 200 },
      );
    };
    const tokens = await endpoint(fetch).exchangeCode(
      'code1',
      'http://localhost:47120/callback',
      'ver',
    );
    expect(tokens).toEqual({ IdToken: 'i', AccessToken: 'a', RefreshToken: 'r' });
    expect(sent?.url).toBe(`${DOMAIN}/oauth2/token`);
    expect(Object.fromEntries(new URLSearchParams(sent?.body))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client',
      code: 'code1',
      redirect_uri: 'http://localhost:47120/callback',
      code_verifier: 'ver',
    });
  });
});
