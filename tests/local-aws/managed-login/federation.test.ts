import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
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

/** Starts a federated sign-in and returns the IdP's page (and the browser on it). */
async function openIdpPage(params: Record<string, string>) {
  const browser = new Browser();
  const page = await browser.follow(
    authorizeUrl(ml, { identity_provider: ml.identityProvider ?? '', ...params }),
    CALLBACK,
  );
  expect(page.url.startsWith(`${ml.idpIssuer ?? '-'}/authorize`)).toBe(true);
  expect(page.body).toContain('Company sign-in');
  return { browser, page };
}

describe('managed login: federation through the company IdP', () => {
  it('creates <Provider>_<sub> as EXTERNAL_PROVIDER with mapped attributes and identities', async () => {
    const { verifier, challenge } = pkce();
    const { browser, page } = await openIdpPage({
      state: 'fed-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const form = formOf(page.body, page.url);
    const taro = ml.idpUsers[0] ?? { username: '', password: '' };
    const done = await browser.follow(form.action, CALLBACK, {
      form: { ...form.fields, action: 'sign-in', username: taro.username, password: taro.password },
    });
    const callback = new URL(done.finalUrl);
    expect(callback.searchParams.get('state')).toBe('fed-1');
    const tokens = await postForm(`${ml.domain}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: ml.clientId,
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    const id = decodeJwt(String(tokens.json.id_token));
    const username = String(id['cognito:username']);
    expect(username).toMatch(new RegExp(`^${ml.identityProvider ?? '-'}_[0-9a-f]+$`));
    expect(id).toMatchObject({ email: taro.username, name: 'Taro Yamada' });
    expect(id['cognito:groups']).toEqual([`${ml.userPoolId}_${ml.identityProvider ?? ''}`]);
    expect(id.identities).toEqual([
      expect.objectContaining({
        userId: username.split('_')[1],
        providerName: ml.identityProvider,
        providerType: 'OIDC',
        issuer: ml.idpIssuer,
        primary: 'true',
      }),
    ]);

    const admin = new CognitoIdentityProviderClient({
      region: la.info.region,
      endpoint: la.info.endpoint,
      credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
    });
    const user = await admin.send(
      new AdminGetUserCommand({ UserPoolId: ml.userPoolId, Username: username }),
    );
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');

    // The federated user gets identity pool credentials like anyone else.
    const { identityId } = await getIdentityCredentials(la, String(tokens.json.id_token));
    expect(identityId).toMatch(/^ap-northeast-1:/);

    // The second sign-in finds the same user rather than creating another.
    const again = await openIdpPage({});
    const form2 = formOf(again.page.body, again.page.url);
    const done2 = await again.browser.follow(form2.action, CALLBACK, {
      form: {
        ...form2.fields,
        action: 'sign-in',
        username: taro.username,
        password: taro.password,
      },
    });
    const tokens2 = await postForm(`${ml.domain}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: ml.clientId,
      code: new URL(done2.finalUrl).searchParams.get('code') ?? '',
      redirect_uri: CALLBACK,
    });
    expect(decodeJwt(String(tokens2.json.id_token))['cognito:username']).toBe(username);
  });

  it('sends access_denied back to the app when the user cancels at the IdP', async () => {
    const { browser, page } = await openIdpPage({ state: 'cancel-me' });
    const form = formOf(page.body, page.url);
    const done = await browser.follow(form.action, CALLBACK, {
      form: { ...form.fields, action: 'cancel' },
    });
    const callback = new URL(done.finalUrl);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('cancel-me');
    expect(callback.searchParams.has('code')).toBe(false);
  });

  it('keeps the IdP page with an error for a wrong company password', async () => {
    const { browser, page } = await openIdpPage({});
    const form = formOf(page.body, page.url);
    const res = await browser.request(form.action, {
      form: {
        ...form.fields,
        action: 'sign-in',
        username: ml.idpUsers[0]?.username ?? '',
        password: 'nope',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Incorrect email or password.');
  });

  it('refuses the federated user at the pool password form', async () => {
    const browser = new Browser();
    const login = await browser.follow(authorizeUrl(ml, {}), CALLBACK);
    const form = formOf(login.body, login.url);
    const res = await browser.request(form.action, {
      form: {
        ...form.fields,
        username: ml.idpUsers[0]?.username ?? '',
        password: ml.idpUsers[0]?.password ?? '',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Incorrect username or password.');
  });
});
