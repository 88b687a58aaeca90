import {
  CognitoIdentityProviderClient,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedLoginInfo } from '../../../local-aws/managed-login/server';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { authorizeUrl, Browser, formOf, postForm } from './oauth-kit';

let la: TestLocalAws;
let ml: ManagedLoginInfo;
const CALLBACK = 'http://localhost:47120/callback';
const NO_CODE_CLIENT = 'nocodegrantclient000000000';
const CONFIDENTIAL_CLIENT = 'confidentialclient00000000';

beforeAll(async () => {
  la = await startTestLocalAws((base) => ({
    ...base,
    userPools: base.userPools.map((pool) => ({
      ...pool,
      clients: [
        ...pool.clients,
        // Registered callback URLs, but the code grant was never turned on.
        { name: 'no-code-grant', id: NO_CODE_CLIENT, callbackUrls: [CALLBACK] },
        {
          name: 'confidential',
          id: CONFIDENTIAL_CLIENT,
          generateSecret: true,
          allowedOAuthFlows: ['code'],
          allowedOAuthScopes: ['openid'],
          callbackUrls: [CALLBACK],
          supportedIdentityProviders: ['COGNITO'],
        },
      ],
    })),
  }));
  if (!la.info.managedLogin) throw new Error('the default setup has no managed login');
  ml = la.info.managedLogin;
});
afterAll(() => la.dispose());

const callbackOf = (location: string | null) => new URL(location ?? 'http://invalid/');

describe('managed login: the errors Cognito gives', () => {
  it('shows an error page, never redirecting, for a callback URL not on the list', async () => {
    const res = await new Browser().request(
      authorizeUrl(ml, { redirect_uri: 'http://localhost:9999/callback', state: 's' }),
    );
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
    expect(res.body).toContain('redirect_mismatch');
  });

  it('shows an error page for an unknown client', async () => {
    const res = await new Browser().request(authorizeUrl(ml, { client_id: 'nosuchclient' }));
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
  });

  it('sends unauthorized_client back for a client without the code grant, at both ends', async () => {
    const res = await new Browser().request(
      authorizeUrl(ml, { client_id: NO_CODE_CLIENT, state: 's1' }),
    );
    const callback = callbackOf(res.location);
    expect(callback.searchParams.get('error')).toBe('unauthorized_client');
    expect(callback.searchParams.get('state')).toBe('s1');
    const token = await postForm(`${ml.domain}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: NO_CODE_CLIENT,
      code: 'anything',
      redirect_uri: CALLBACK,
    });
    expect(token).toEqual({ status: 400, json: { error: 'unauthorized_client' } });
  });

  it('sends invalid_request back for an identity provider the client does not support', async () => {
    const res = await new Browser().request(
      authorizeUrl(ml, { identity_provider: 'Elsewhere', state: 's2' }),
    );
    const callback = callbackOf(res.location);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toContain('Elsewhere');
  });

  it('sends invalid_scope back for a scope the client may not ask for', async () => {
    const res = await new Browser().request(authorizeUrl(ml, { scope: 'openid phone' }));
    expect(callbackOf(res.location).searchParams.get('error')).toBe('invalid_scope');
  });

  it('answers the token endpoint errors with 400 and Cognito’s error codes', async () => {
    const token = (form: Record<string, string>) => postForm(`${ml.domain}/oauth2/token`, form);
    expect(await token({ grant_type: 'password', client_id: ml.clientId })).toEqual({
      status: 400,
      json: { error: 'unsupported_grant_type' },
    });
    expect(
      await token({ grant_type: 'authorization_code', client_id: 'nosuchclient', code: 'x' }),
    ).toEqual({
      status: 400,
      json: { error: 'invalid_client' },
    });
    expect(
      await token({
        grant_type: 'authorization_code',
        client_id: ml.clientId,
        code: 'never-issued',
        redirect_uri: CALLBACK,
      }),
    ).toEqual({ status: 400, json: { error: 'invalid_grant' } });
    const json = await fetch(`${ml.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code' }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ error: 'invalid_request' });
  });

  it('refuses a logout_uri not among the sign-out URLs, and signs the browser out for a listed one', async () => {
    const browser = new Browser();
    const login = await browser.follow(authorizeUrl(ml, {}), CALLBACK);
    const form = formOf(login.body, login.url);
    const demo = la.info.demoUser ?? { username: '', password: '' };
    await browser.follow(form.action, CALLBACK, { form: { ...form.fields, ...demo } });

    const bad = await browser.request(
      `${ml.domain}/logout?client_id=${ml.clientId}&logout_uri=${encodeURIComponent('http://localhost:9999/out')}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.location).toBeNull();
    // Still signed in: authorize goes straight back with a code.
    const still = await browser.request(authorizeUrl(ml, {}));
    expect(callbackOf(still.location).searchParams.has('code')).toBe(true);

    const out = ml.logoutUrls[0] ?? '';
    const good = await browser.request(
      `${ml.domain}/logout?client_id=${ml.clientId}&logout_uri=${encodeURIComponent(out)}`,
    );
    expect(good.status).toBe(302);
    expect(good.location).toBe(out);
    const after = await browser.follow(authorizeUrl(ml, {}), CALLBACK);
    expect(after.status).toBe(200);
    expect(after.body).toContain('name="password"');
  });

  it('makes a client with a secret prove it (HTTP Basic), and refuses the code without it', async () => {
    const browser = new Browser();
    const login = await browser.follow(
      authorizeUrl(ml, { client_id: CONFIDENTIAL_CLIENT }),
      CALLBACK,
    );
    const form = formOf(login.body, login.url);
    const demo = la.info.demoUser ?? { username: '', password: '' };
    const done = await browser.follow(form.action, CALLBACK, { form: { ...form.fields, ...demo } });
    const code = new URL(done.finalUrl).searchParams.get('code') ?? '';
    const body = { grant_type: 'authorization_code', code, redirect_uri: CALLBACK };
    expect(
      await postForm(`${ml.domain}/oauth2/token`, { ...body, client_id: CONFIDENTIAL_CLIENT }),
    ).toEqual({
      status: 400,
      json: { error: 'invalid_client' },
    });
    const secret =
      la.context.state.userPools[ml.userPoolId]?.clients[CONFIDENTIAL_CLIENT]?.clientSecret ?? '';
    // The refused attempt did not spend the code: the client never proved who it was.
    const res = await fetch(`${ml.domain}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CONFIDENTIAL_CLIENT}:${secret}`).toString('base64')}`,
      },
      body: new URLSearchParams(body).toString(),
    });
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object)).toEqual(
      expect.arrayContaining(['id_token', 'access_token', 'refresh_token']),
    );
  });

  it('grants only the scopes asked for: GetUser then needs aws.cognito.signin.user.admin', async () => {
    const browser = new Browser();
    const login = await browser.follow(authorizeUrl(ml, { scope: 'openid email' }), CALLBACK);
    const form = formOf(login.body, login.url);
    const demo = la.info.demoUser ?? { username: '', password: '' };
    const done = await browser.follow(form.action, CALLBACK, { form: { ...form.fields, ...demo } });
    const tokens = await postForm(`${ml.domain}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: ml.clientId,
      code: new URL(done.finalUrl).searchParams.get('code') ?? '',
      redirect_uri: CALLBACK,
    });
    const accessToken = String(tokens.json.access_token);
    const idp = new CognitoIdentityProviderClient({
      region: la.info.region,
      endpoint: la.info.endpoint,
    });
    await expect(idp.send(new GetUserCommand({ AccessToken: accessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token does not have required scopes',
    });
    const info = await fetch(`${ml.domain}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(info.status).toBe(200);
  });

  it('sends /logout with redirect_uri and response_type on to a fresh sign-in', async () => {
    const q = new URLSearchParams({
      client_id: ml.clientId,
      redirect_uri: CALLBACK,
      response_type: 'code',
      state: 'again',
    });
    const res = await new Browser().request(`${ml.domain}/logout?${q.toString()}`);
    expect(res.status).toBe(302);
    const next = new URL(res.location ?? '');
    expect(next.origin + next.pathname).toBe(`${ml.domain}/login`);
    expect(next.searchParams.get('state')).toBe('again');
  });

  it('escapes what the request carries into the sign-in page', async () => {
    const hostile = '"><script>alert(1)</script>';
    const page = await new Browser().follow(authorizeUrl(ml, { state: hostile }), CALLBACK);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<script>');
    // The state still goes back to the app intact after sign-in.
    expect(formOf(page.body, page.url).action).toContain(encodeURIComponent('<script>'));
  });

  it('refuses an access token at revoke and a bad one at userInfo', async () => {
    const revoke = await postForm(`${ml.domain}/oauth2/revoke`, {
      token: 'a.b.c',
      client_id: ml.clientId,
    });
    expect(revoke).toEqual({ status: 400, json: { error: 'unsupported_token_type' } });
    const info = await fetch(`${ml.domain}/oauth2/userInfo`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(info.status).toBe(401);
    expect(info.headers.get('www-authenticate')).toContain('invalid_token');
  });
});
