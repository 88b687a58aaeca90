import { decodeJwt } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedLoginInfo } from '../../../local-aws/managed-login/server';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { CHROMIUM_ARGS } from '../../e2e/support/hakobu';
import { authorizeUrl, pkce, postForm } from './oauth-kit';

let la: TestLocalAws;
let ml: ManagedLoginInfo;
let browser: Browser;
const CALLBACK = 'http://localhost:47120/callback';

beforeAll(async () => {
  la = await startTestLocalAws();
  if (!la.info.managedLogin) throw new Error('the default setup has no managed login');
  ml = la.info.managedLogin;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser.close();
  await la.dispose();
});

/** A fresh page whose app callback (nobody listens on it) is answered here and remembered. */
async function pageWithCallback(): Promise<{ page: Page; callback: Promise<URL> }> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const callback = new Promise<URL>((resolve) => {
    void page.route(`${CALLBACK}**`, async (route) => {
      resolve(new URL(route.request().url()));
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'back in the app' });
    });
  });
  return { page, callback };
}

async function redeem(callback: URL, verifier: string) {
  return postForm(`${ml.domain}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: ml.clientId,
    code: callback.searchParams.get('code') ?? '',
    redirect_uri: CALLBACK,
    code_verifier: verifier,
  });
}

describe('managed login in Chromium', () => {
  it('signs a pool user in through the real /login form', async () => {
    const { page, callback } = await pageWithCallback();
    const { verifier, challenge } = pkce();
    await page.goto(
      authorizeUrl(ml, { state: 'ui-1', code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    await expect(page.title()).resolves.toBe('Sign in');
    await page.getByLabel('Email').fill(la.info.demoUser?.username ?? '');
    await page.getByLabel('Password').fill(la.info.demoUser?.password ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const url = await callback;
    expect(url.searchParams.get('state')).toBe('ui-1');
    const tokens = await redeem(url, verifier);
    expect(tokens.status).toBe(200);
    expect(decodeJwt(String(tokens.json.id_token)).email).toBe(la.info.demoUser?.username);
    await page.context().close();
  });

  it('federates through the company IdP from the /login page button', async () => {
    const { page, callback } = await pageWithCallback();
    const { verifier, challenge } = pkce();
    await page.goto(
      authorizeUrl(ml, { state: 'ui-2', code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    await page.getByRole('button', { name: `Sign in with ${ml.identityProvider ?? ''}` }).click();
    await expect(page.title()).resolves.toBe('Company sign-in');
    const taro = ml.idpUsers[0] ?? { username: '', password: '' };
    await page.getByLabel('Company email').fill(taro.username);
    await page.getByLabel('Password').fill(taro.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const url = await callback;
    expect(url.searchParams.get('state')).toBe('ui-2');
    const tokens = await redeem(url, verifier);
    expect(tokens.status).toBe(200);
    const id = decodeJwt(String(tokens.json.id_token));
    expect(String(id['cognito:username']).startsWith(`${ml.identityProvider ?? '-'}_`)).toBe(true);
    expect(id.email).toBe(taro.username);
    await page.context().close();
  });

  it('returns access_denied to the app when the user presses Cancel at the IdP', async () => {
    const { page, callback } = await pageWithCallback();
    await page.goto(
      authorizeUrl(ml, { state: 'ui-3', identity_provider: ml.identityProvider ?? '' }),
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    const url = await callback;
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe('ui-3');
    await page.context().close();
  });
});
