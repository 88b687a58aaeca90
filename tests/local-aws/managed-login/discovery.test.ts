import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { authorizeUrl, Browser, formOf, postForm } from './oauth-kit';

let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(() => la.dispose());

const ml = () => {
  if (!la.info.managedLogin) throw new Error('the default setup has no managed login');
  return la.info.managedLogin;
};
const admin = () =>
  new CognitoIdentityProviderClient({
    region: la.info.region,
    endpoint: la.info.endpoint,
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
  });

describe('managed login: what apps and doctor can discover', () => {
  it('lists the managed-login endpoints in the pool’s OpenID configuration', async () => {
    const res = await fetch(
      `${la.info.endpoint}/${ml().userPoolId}/.well-known/openid-configuration`,
    );
    expect(await res.json()).toMatchObject({
      authorization_endpoint: `${ml().domain}/oauth2/authorize`,
      token_endpoint: `${ml().domain}/oauth2/token`,
      userinfo_endpoint: `${ml().domain}/oauth2/userInfo`,
      revocation_endpoint: `${ml().domain}/oauth2/revoke`,
    });
  });

  it('describes the pool’s domain and the client’s OAuth settings', async () => {
    const pool = await admin().send(new DescribeUserPoolCommand({ UserPoolId: ml().userPoolId }));
    expect(pool.UserPool?.Domain).toBe('hakobu-local');
    const client = await admin().send(
      new DescribeUserPoolClientCommand({ UserPoolId: ml().userPoolId, ClientId: ml().clientId }),
    );
    expect(client.UserPoolClient).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: expect.arrayContaining([
        'http://localhost:47120/callback',
        'hakobu://callback',
      ]),
      LogoutURLs: expect.arrayContaining(['http://localhost:47120/signed-out']),
      SupportedIdentityProviders: ['COGNITO', 'CompanyIdP'],
    });
    const passwordClient = await admin().send(
      new DescribeUserPoolClientCommand({
        UserPoolId: ml().userPoolId,
        ClientId: la.info.clientId,
      }),
    );
    expect(passwordClient.UserPoolClient?.AllowedOAuthFlowsUserPoolClient).toBe(false);
  });

  it('keeps the federated user and refresh tokens across a restart (on new ports)', async () => {
    const CALLBACK = 'http://localhost:47120/callback';
    const browser = new Browser();
    const page = await browser.follow(
      authorizeUrl(ml(), { identity_provider: 'CompanyIdP' }),
      CALLBACK,
    );
    const form = formOf(page.body, page.url);
    const taro = ml().idpUsers[0] ?? { username: '', password: '' };
    const done = await browser.follow(form.action, CALLBACK, {
      form: { ...form.fields, action: 'sign-in', username: taro.username, password: taro.password },
    });
    const tokens = await postForm(`${ml().domain}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: ml().clientId,
      code: new URL(done.finalUrl).searchParams.get('code') ?? '',
      redirect_uri: CALLBACK,
    });
    const username = decodeJwt(String(tokens.json.id_token))['cognito:username'];

    la = await la.restart();
    const refreshed = await postForm(`${ml().domain}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: ml().clientId,
      refresh_token: String(tokens.json.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(String(refreshed.json.id_token))['cognito:username']).toBe(username);
  });
});
