import { createServer, type Server } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPANY_DEMO_PASSWORD,
  COMPANY_DEMO_USERNAME,
  COMPANY_IDP_NAME,
  SSO_CALLBACK_PORTS,
} from '../../local-aws/setup/default-setup';
import { dropFiles } from './support/drop';
import { testImage } from './support/files';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectDecoded, expectText, PATIENCE_MS } from './support/screens';

// Signing in with the company's identity provider, as a user meets it: Hakobu opens the system
// browser (the harness hands the address to the test, which opens it in a separate browser
// context, as the user's own browser), the company IdP's page, the tab that says to go back, and
// Hakobu signed in. IT's managed file sets it up, as it would on a real fleet.

type Info = HakobuSession['la']['info'];

/** IT's managed file for browser sign-in against local-aws's managed login and company IdP. */
const ssoManagedConfig =
  (extra: Record<string, unknown> = {}) =>
  (appConfig: { endpoints?: unknown }, info: Info) => {
    const sso = info.managedLogin;
    if (!sso) throw new Error('local-aws started without managed login');
    return {
      endpoints: appConfig.endpoints,
      clientId: sso.clientId,
      signIn: {
        method: 'managedLogin',
        domain: sso.domain,
        identityProvider: COMPANY_IDP_NAME,
        displayName: 'Company',
        callbackPorts: [...SSO_CALLBACK_PORTS],
        ...extra,
      },
    };
  };

/** Takes a loopback port, as another program would. */
async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return server;
}

/** The user's own browser: a context apart from the app's window (its own cookies). */
async function systemBrowser(
  hakobu: HakobuSession,
): Promise<{ tab: Page; context: BrowserContext }> {
  const context = await hakobu.browser.newContext({ locale: 'en-US' });
  return { context, tab: await context.newPage() };
}

async function signInAtCompany(tab: Page, url: string, button = 'Sign in'): Promise<void> {
  await tab.goto(url);
  await tab.getByLabel('Company email', { exact: true }).fill(COMPANY_DEMO_USERNAME);
  await tab.getByLabel('Password', { exact: true }).fill(COMPANY_DEMO_PASSWORD);
  await tab.getByRole('button', { name: button, exact: true }).click();
}

describe('signing in with the company identity provider', () => {
  let hakobu: HakobuSession;
  let browser: { tab: Page; context: BrowserContext };

  beforeAll(async () => {
    hakobu = await startHakobu({
      locale: 'en-US',
      managedConfig: ssoManagedConfig({ signOutOfBrowser: true }),
    });
    browser = await systemBrowser(hakobu);
    await hakobu.open();
  });
  afterAll(async () => {
    await browser?.context.close();
    await hakobu?.close();
  });

  it('offers "Sign in with Company" instead of a password form', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'Sign in with Company' }).waitFor();
    expect(await page.getByLabel('Email', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);
    await hakobu.screenshot('sso-sign-in');
  });

  it('says so when the user cancels at the company IdP, and can start again', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'Sign in with Company' }).click();
    await page.getByRole('heading', { name: 'Continue in your browser' }).waitFor();
    await hakobu.screenshot('sso-waiting');
    await browser.tab.goto(await hakobu.harness.nextBrowserUrl());
    await browser.tab.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectText(browser.tab, 'Sign-in cancelled');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: PATIENCE_MS });
    expect(await alert.innerText()).toMatch(/Sign-in was cancelled in the browser/);
    expect(await page.getByRole('button', { name: 'Sign in with Company' }).isEnabled()).toBe(true);
  });

  it('ignores a redirect from another attempt (state mismatch) and tells the user to retry', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'Sign in with Company' }).click();
    const url = new URL(await hakobu.harness.nextBrowserUrl());
    const forged = new URL(url.searchParams.get('redirect_uri') ?? '');
    forged.search = new URLSearchParams({ code: 'not-for-you', state: 'an-old-one' }).toString();
    await browser.tab.goto(forged.toString());
    await expectText(browser.tab, 'This sign-in link is out of date');
    await expectText(page, /different sign-in attempt/);
  });

  it('signs in through the company IdP on the next free callback port', async () => {
    const { page } = hakobu;
    // Another program holds the first registered port: Hakobu takes the next one.
    const blocker = await occupy(SSO_CALLBACK_PORTS[0]);
    try {
      await page.getByRole('button', { name: 'Sign in with Company' }).click();
      const url = new URL(await hakobu.harness.nextBrowserUrl());
      expect(url.searchParams.get('redirect_uri')).not.toContain(`:${SSO_CALLBACK_PORTS[0]}/`);
      expect(url.searchParams.get('identity_provider')).toBe(COMPANY_IDP_NAME);
      await signInAtCompany(browser.tab, url.toString());
      await expectText(browser.tab, 'You can close this tab and return to Hakobu.');
    } finally {
      await new Promise((done) => blocker.close(done));
    }
    await expectText(page, 'This folder is empty.');
    // Who is signed in, by the email the company sent; never Cognito's CompanyIdP_… username.
    await expectText(page, COMPANY_DEMO_USERNAME);
    await hakobu.screenshot('sso-signed-in');
  });

  it('uploads into the federated user’s own folder and keeps the session across a reload', async () => {
    const { page } = hakobu;
    await dropFiles(page, [await testImage('badge.png', 'png', [30, 160, 90])]);
    await expectText(page, 'Added 1 item to the uploads for “hakobu-demo”.');
    await expectDecoded(
      page.getByRole('grid').getByRole('img', { name: 'badge.png', exact: true }),
    );
    await page.reload();
    await expectDecoded(
      page.getByRole('grid').getByRole('img', { name: 'badge.png', exact: true }),
    );
    expect(await page.getByRole('button', { name: 'Sign in with Company' }).count()).toBe(0);
  });

  it('signs out back to the company sign-in button, ending the browser’s session too', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with Company' }).waitFor();
    // IT asked for it (signIn.signOutOfBrowser): the browser goes to managed login's /logout.
    const logout = new URL(await hakobu.harness.nextBrowserUrl());
    expect(logout.pathname).toBe('/logout');
    await browser.tab.goto(logout.toString());
    await expectText(browser.tab, 'Signed out of Hakobu');
    expect(hakobu.pageErrors).toEqual([]);
  });
});

describe('when the browser never comes back', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({
      locale: 'ja-JP',
      managedConfig: ssoManagedConfig({ browserTimeoutSeconds: 1 }),
    });
    await hakobu.open();
  });
  afterAll(() => hakobu?.close());

  it('stops waiting, says so in Japanese, and offers to try again', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'Company でサインイン' }).click();
    await hakobu.harness.nextBrowserUrl();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: PATIENCE_MS });
    expect(await alert.innerText()).toMatch(/1 分以内に完了しませんでした/);
    await page.getByRole('button', { name: 'Company でサインイン' }).waitFor();
    await hakobu.screenshot('sso-timed-out-ja');
  });
});
