import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPANY_DEMO_PASSWORD,
  COMPANY_DEMO_USERNAME,
  COMPANY_IDP_NAME,
} from '../../local-aws/setup/default-setup';
import { KeytarSecretStore, lastUserAccount, signInAccount } from '../../src-main/core/secrets';
import { CHROMIUM_ARGS } from '../e2e/support/hakobu';
import { configFor } from '../helpers/config';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { newMachine, runCli, startCli, waitFor, type CliMachine } from './cli-harness';

// `hakobu login --browser --no-open` on a machine without a browser: the address goes to stderr,
// and the test opens it in Chromium as the user would in a browser elsewhere.

let la: TestLocalAws;
let browser: Browser;
const keychain = new KeytarSecretStore();

beforeAll(async () => {
  la = await startTestLocalAws();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await la?.dispose();
});

/** A machine whose config says: sign in through managed login, straight to the company IdP. */
function ssoMachine(): { machine: CliMachine; signIn: Record<string, unknown> } {
  const sso = la.info.managedLogin;
  if (!sso) throw new Error('local-aws started without managed login');
  const machine = newMachine(la);
  const signIn = { method: 'managedLogin', domain: sso.domain, identityProvider: COMPANY_IDP_NAME };
  const config = join(machine.home, 'sso.json');
  writeFileSync(config, JSON.stringify({ ...configFor(la), clientId: sso.clientId, signIn }));
  machine.env.HAKOBU_CONFIG = config;
  return { machine, signIn };
}

/** The address `hakobu login` printed for the browser. */
const printedUrl = (stderr: string) => /(http:\/\/\S+\/oauth2\/authorize\S*)/.exec(stderr)?.[1];

describe('hakobu login --browser', () => {
  it('logs in through the company IdP, restores in a new process, and logout revokes', async () => {
    const { machine, signIn } = ssoMachine();
    const login = startCli(machine, ['login', '--browser', '--no-open']);
    await waitFor(() => printedUrl(login.stderr()) !== undefined, 'the sign-in address');
    const tab = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await tab.goto(printedUrl(login.stderr()) ?? '');
    await tab.getByLabel('Company email', { exact: true }).fill(COMPANY_DEMO_USERNAME);
    await tab.getByLabel('Password', { exact: true }).fill(COMPANY_DEMO_PASSWORD);
    await tab.getByRole('button', { name: 'Sign in', exact: true }).click();
    await tab.getByText('You can close this tab and return to Hakobu.').waitFor();
    const done = await login.result;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`Logged in as ${COMPANY_DEMO_USERNAME}.`);

    // The refresh token is in the keychain, under the domain it must go back to.
    const sso = la.info.managedLogin;
    const scope = { ...configFor(la), clientId: sso?.clientId ?? '', signIn };
    const username = (await keychain.get(lastUserAccount(scope))) ?? '';
    expect(username).toMatch(new RegExp(`^${COMPANY_IDP_NAME}_`));
    const stored = JSON.parse((await keychain.get(signInAccount(scope, username))) ?? '{}') as {
      refreshToken?: string;
      method?: string;
    };
    expect(stored.method).toBe('managedLogin');

    const whoami = await runCli(machine, ['whoami', '--json']);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ username: COMPANY_DEMO_USERNAME });

    const logout = await runCli(machine, ['logout']);
    expect(logout.code, logout.stderr).toBe(0);
    // Revoked at the domain: the token the keychain held no longer buys new ones.
    const refresh = await fetch(`${sso?.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: sso?.clientId ?? '',
        refresh_token: stored.refreshToken ?? '',
      }),
    });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await keychain.get(signInAccount(scope, username))).toBeNull();
  });

  it('waits on where no browser opens, and says the sign-in was cancelled at the IdP', async () => {
    const { machine } = ssoMachine();
    // No xdg-open on PATH, as on a server: the address is printed and Hakobu keeps waiting.
    const login = startCli(machine, ['login'], { env: { PATH: machine.home } });
    await waitFor(() => printedUrl(login.stderr()) !== undefined, 'the sign-in address');
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(printedUrl(login.stderr()) ?? '');
    await tab.getByRole('button', { name: 'Cancel', exact: true }).click();
    const done = await login.result;
    expect(done.code).not.toBe(0);
    expect(done.stderr).toMatch(/No browser could be opened here/);
    expect(done.stderr).toMatch(/Sign-in was cancelled in the browser/);
    expect(done.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks to log in again, once, when IT revoked the sign-in', async () => {
    const { machine, signIn } = ssoMachine();
    const login = startCli(machine, ['login', '--browser', '--no-open']);
    await waitFor(() => printedUrl(login.stderr()) !== undefined, 'the sign-in address');
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(printedUrl(login.stderr()) ?? '');
    await tab.getByLabel('Company email', { exact: true }).fill(COMPANY_DEMO_USERNAME);
    await tab.getByLabel('Password', { exact: true }).fill(COMPANY_DEMO_PASSWORD);
    await tab.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect((await login.result).code).toBe(0);

    const sso = la.info.managedLogin;
    const scope = { ...configFor(la), clientId: sso?.clientId ?? '', signIn };
    const username = (await keychain.get(lastUserAccount(scope))) ?? '';
    const { refreshToken } = JSON.parse(
      (await keychain.get(signInAccount(scope, username))) ?? '{}',
    ) as {
      refreshToken?: string;
    };
    await fetch(`${sso?.domain}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken ?? '', client_id: sso?.clientId ?? '' }),
    });

    const whoami = await runCli(machine, ['whoami']);
    expect(whoami.code).not.toBe(0);
    expect(whoami.stderr).toMatch(/Your session has ended.*hakobu login/);
    // The dead token is gone from the keychain: it is never sent again.
    expect(await keychain.get(signInAccount(scope, username))).toBeNull();
  });
});
