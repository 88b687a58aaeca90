import {
  GetUserCommand,
  InitiateAuthCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedLoginInfo } from '../../../local-aws/managed-login/server';
import { getIdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { authorizeUrl, Browser, formOf, pkce, postForm } from './oauth-kit';

let la: TestLocalAws;
let ml: ManagedLoginInfo;
const CALLBACK = 'http://localhost:47120/callback';

beforeAll(async () => {
  la = await startTestLocalAws();
  if (!la.info.managedLogin) throw new Error('the default setup has no managed login');
  ml = la.info.managedLogin;
});
afterAll(() => la.dispose());

/** Signs in on /login with the demo user; returns the callback URL with the code. */
async function signInWithPassword(browser: Browser, params: Record<string, string>) {
  const login = await browser.follow(authorizeUrl(ml, params), CALLBACK);
  expect(login.status).toBe(200);
  expect(login.body).toContain('<html lang="en">');
  const form = formOf(login.body, login.url);
  const demo = la.info.demoUser ?? { username: '', password: '' };
  const done = await browser.follow(form.action, CALLBACK, {
    form: { ...form.fields, username: demo.username, password: demo.password },
  });
  return new URL(done.finalUrl);
}

async function redeem(code: string, verifier: string, extra: Record<string, string> = {}) {
  return postForm(`${ml.domain}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: ml.clientId,
    code,
    redirect_uri: CALLBACK,
    code_verifier: verifier,
    ...extra,
  });
}

describe('managed login: authorization code with PKCE', () => {
  it('signs a pool user in on /login and returns tokens the rest of AWS accepts', async () => {
    const { verifier, challenge } = pkce();
    const callback = await signInWithPassword(new Browser(), {
      state: 'st-1',
      nonce: 'n-1',
      scope: 'openid email profile aws.cognito.signin.user.admin',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(callback.searchParams.get('state')).toBe('st-1');
    const code = callback.searchParams.get('code') ?? '';
    const tokens = await redeem(code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });

    // The ID token verifies against the pool's published keys, as any relying party checks it.
    const jwks = createRemoteJWKSet(
      new URL(`${la.info.endpoint}/${ml.userPoolId}/.well-known/jwks.json`),
    );
    const { payload } = await jwtVerify(String(tokens.json.id_token), jwks, {
      audience: ml.clientId,
    });
    expect(payload).toMatchObject({
      token_use: 'id',
      nonce: 'n-1',
      email: la.info.demoUser?.username,
    });
    expect(decodeJwt(String(tokens.json.access_token)).scope).toBe(
      'openid email profile aws.cognito.signin.user.admin',
    );

    const idp = new CognitoIdentityProviderClient({
      region: la.info.region,
      endpoint: la.info.endpoint,
    });
    const me = await idp.send(
      new GetUserCommand({ AccessToken: String(tokens.json.access_token) }),
    );
    expect(me.UserAttributes?.find((a) => a.Name === 'email')?.Value).toBe(
      la.info.demoUser?.username,
    );

    const info = await fetch(`${ml.domain}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${String(tokens.json.access_token)}` },
    });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      email: la.info.demoUser?.username,
      email_verified: 'true',
    });

    // The refresh token works at the token endpoint and through InitiateAuth alike.
    const refreshed = await postForm(`${ml.domain}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: ml.clientId,
      refresh_token: String(tokens.json.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(String(refreshed.json.access_token)).scope).toContain('openid');
    const viaApi = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: ml.clientId,
        AuthParameters: { REFRESH_TOKEN: String(tokens.json.refresh_token) },
      }),
    );
    expect(viaApi.AuthenticationResult?.IdToken).toBeTruthy();

    // Identity pool credentials, and an upload under the identity's own prefix.
    const { identityId, credentials } = await getIdentityCredentials(
      la,
      String(tokens.json.id_token),
    );
    const s3 = new S3Client({
      region: la.info.region,
      endpoint: la.info.endpoint,
      forcePathStyle: true,
      credentials,
    });
    await s3.send(
      new PutObjectCommand({ Bucket: la.info.bucket, Key: `${identityId}/sso.txt`, Body: 'hi' }),
    );
    await expect(
      s3.send(
        new PutObjectCommand({ Bucket: la.info.bucket, Key: 'someone-else/sso.txt', Body: 'hi' }),
      ),
    ).rejects.toThrow(/Access Denied/i);

    // Revoking the refresh token ends the sign-in: refresh fails afterwards.
    const revoked = await postForm(`${ml.domain}/oauth2/revoke`, {
      token: String(tokens.json.refresh_token),
      client_id: ml.clientId,
    });
    expect(revoked.status).toBe(200);
    const afterRevoke = await postForm(`${ml.domain}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: ml.clientId,
      refresh_token: String(tokens.json.refresh_token),
    });
    expect(afterRevoke).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('spends a code on its first use: a second redemption is invalid_grant', async () => {
    const { verifier, challenge } = pkce();
    const callback = await signInWithPassword(new Browser(), {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const code = callback.searchParams.get('code') ?? '';
    expect((await redeem(code, verifier)).status).toBe(200);
    expect(await redeem(code, verifier)).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('lets a code expire unredeemed: invalid_grant once its time is up', async () => {
    await la.setFaults({ authorizationCodeSeconds: 1 });
    try {
      const { verifier, challenge } = pkce();
      const callback = await signInWithPassword(new Browser(), {
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(await redeem(callback.searchParams.get('code') ?? '', verifier)).toEqual({
        status: 400,
        json: { error: 'invalid_grant' },
      });
    } finally {
      await la.setFaults({ authorizationCodeSeconds: 300 });
    }
  });

  it('refuses a wrong verifier with invalid_grant, and a different redirect_uri too', async () => {
    const browser = new Browser();
    const { challenge } = pkce();
    const first = await signInWithPassword(browser, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(await redeem(first.searchParams.get('code') ?? '', pkce().verifier)).toEqual({
      status: 400,
      json: { error: 'invalid_grant' },
    });
    const { verifier, challenge: second } = pkce();
    // The session cookie signs the browser straight in this time.
    const again = await browser.follow(
      authorizeUrl(ml, { code_challenge: second, code_challenge_method: 'S256' }),
      CALLBACK,
    );
    const code = new URL(again.finalUrl).searchParams.get('code') ?? '';
    expect(
      await redeem(code, verifier, { redirect_uri: 'http://localhost:47121/callback' }),
    ).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('shows the wrong-password message on the form instead of redirecting', async () => {
    const browser = new Browser();
    const login = await browser.follow(authorizeUrl(ml, {}), CALLBACK);
    const form = formOf(login.body, login.url);
    const again = await browser.request(form.action, {
      form: { ...form.fields, username: la.info.demoUser?.username ?? '', password: 'wrong' },
    });
    expect(again.status).toBe(400);
    expect(again.body).toContain('Incorrect username or password.');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const browser = new Browser();
    const login = await browser.follow(authorizeUrl(ml, {}), CALLBACK);
    const form = formOf(login.body, login.url);
    const res = await browser.request(form.action, {
      form: {
        _csrf: 'forged',
        username: la.info.demoUser?.username ?? '',
        password: la.info.demoUser?.password ?? '',
      },
    });
    expect(res.status).toBe(403);
    expect(res.location).toBeNull();
  });
});
