import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import type { LocalAwsSetup } from '../../local-aws/setup/schema';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { menuCommands } from './support/menu';
import { expectText, signIn } from './support/screens';

/** The identity pool has no authenticated role: sign-in works, storage access does not (S8). */
const withoutAuthenticatedRole = (base: LocalAwsSetup) => ({
  ...base,
  identityPools: base.identityPools.map((pool) => ({ ...pool, roles: {} })),
});

describe('signed in, but the identity pool gives no storage access', () => {
  let hakobu: HakobuSession;
  let menu: Awaited<ReturnType<typeof menuCommands>>;

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US', setup: withoutAuthenticatedRole });
    menu = await menuCommands(hakobu.page);
    await hakobu.open();
    await signIn(hakobu.page, DEMO_USERNAME, DEMO_PASSWORD);
  });
  afterAll(() => hakobu?.close());

  it('says why instead of showing a library that cannot load', async () => {
    const { page } = hakobu;
    await page.getByRole('heading', { name: "Your files can't be reached" }).waitFor();
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toMatch(/no role it can give signed-in users.*Ask IT/s);
    expect(await page.getByRole('grid').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Upload files' }).count()).toBe(0);
    await hakobu.screenshot('storage-unavailable');

    await page.getByRole('navigation').getByRole('button', { name: 'Transfers' }).click();
    await page.getByRole('heading', { name: "Your files can't be reached" }).waitFor();
    // Asking again gets the same answer while IT has not fixed the pool, and nothing breaks.
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: "Your files can't be reached" }).waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/no role it can give/);
  });

  it('leads to Diagnostics, which names the role step as the problem', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'Run Diagnostics' }).click();
    // The verdict names the failed step, so nobody has to scroll to find it.
    await expectText(page, 'Some checks need attention: Role and AWS credentials.');
    const roleStep = page.getByRole('listitem').filter({ hasText: /^Role and AWS credentials/ });
    expect(await roleStep.innerText()).toMatch(/\(failed\)/);
    expect(await roleStep.innerText()).toMatch(/authenticated role/);
    await roleStep.scrollIntoViewIfNeeded();
    await hakobu.screenshot('diagnostics-no-role');
  });

  it('follows the application menu to Settings and to Diagnostics', async () => {
    const { page } = hakobu;
    menu('openSettings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    menu('runDiagnostics');
    await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    await expectText(page, /^Some checks need attention/);
    expect(hakobu.pageErrors).toEqual([]);
  });
});
