import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { DEFAULT_PARALLEL_TRANSFERS } from '../../src-main/core/transfers/budget';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectText, signIn } from './support/screens';

// Issue 9 item 3: the Settings screen offers one "parallel transfers" number instead of the old
// files-at-a-time and parts-per-file pair, saves what the user types, and shows IT's value locked.

/** The settings row that holds a field: its hint, its control and where its value comes from. */
const rowOf = (page: Page, field: Locator) => page.locator('.setting').filter({ has: field });

/** The user's own config.json as the app wrote it. */
const userConfig = (hakobu: HakobuSession): unknown => {
  try {
    return JSON.parse(readFileSync(join(hakobu.harness.userData, 'config.json'), 'utf8'));
  } catch {
    return undefined;
  }
};

describe('the Parallel transfers setting (English)', () => {
  let hakobu: HakobuSession;
  const field = () => hakobu.page.getByLabel('Parallel transfers', { exact: true });

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US' });
    await hakobu.open();
    await signIn(hakobu.page, DEMO_USERNAME, DEMO_PASSWORD);
    await expectText(hakobu.page, 'This folder is empty.');
  });
  afterAll(() => hakobu?.close());

  it('shows one field with the number the engine uses, and says what it means', async () => {
    const { page } = hakobu;
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await field().waitFor();
    expect(await field().inputValue()).toBe(String(DEFAULT_PARALLEL_TRANSFERS));
    expect(await field().isEnabled()).toBe(true);
    const row = await rowOf(page, field()).innerText();
    expect(row).toMatch(/How many files, or pieces of large files, are sent at once/);
    expect(row).toMatch(/Your IT administrator may set it/);
    expect(row).toContain('Default');
    // The old pair is gone from the screen.
    expect(await page.getByText('Files at a time').count()).toBe(0);
    expect(await page.getByText('Parts per file at a time').count()).toBe(0);
    await hakobu.screenshot('settings-parallel-transfers');
  });

  it('saves 24 as transfers.parallelTransfers, and still shows it after a reload', async () => {
    const { page } = hakobu;
    await field().fill('24');
    await field().press('Enter');
    await expect.poll(() => userConfig(hakobu)).toEqual({ transfers: { parallelTransfers: 24 } });
    await expectText(rowOf(page, field()), 'Set by you');

    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await expect.poll(() => field().inputValue()).toBe('24');
  });

  it('explains a number out of range instead of saving it, and Escape puts 24 back', async () => {
    const { page } = hakobu;
    await field().fill('65');
    await field().press('Enter');
    await expectText(page, 'Enter a whole number from 1 to 64.');
    expect(await field().getAttribute('aria-invalid')).toBe('true');
    expect(userConfig(hakobu)).toEqual({ transfers: { parallelTransfers: 24 } });
    await field().press('Escape');
    expect(await field().inputValue()).toBe('24');
    expect(await page.getByText('Enter a whole number from 1 to 64.').count()).toBe(0);
    expect(hakobu.pageErrors).toEqual([]);
  });
});

describe('a parallel-transfers number IT manages (Japanese)', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({
      locale: 'ja-JP',
      managedConfig: ({ endpoints }) => ({ endpoints, transfers: { parallelTransfers: 6 } }),
    });
    await hakobu.open();
    await signIn(hakobu.page, DEMO_USERNAME, DEMO_PASSWORD, {
      email: 'メールアドレス',
      password: 'パスワード',
      signIn: 'サインイン',
    });
    await expectText(hakobu.page, 'このフォルダーは空です。');
  });
  afterAll(() => hakobu?.close());

  it("shows IT's number, locked, and says why it cannot be changed", async () => {
    const { page } = hakobu;
    await page.getByRole('navigation').getByRole('button', { name: '設定' }).click();
    const field = page.getByLabel('同時転送数', { exact: true });
    await field.waitFor();
    expect(await field.inputValue()).toBe('6');
    expect(await field.isDisabled()).toBe(true);
    const row = await rowOf(page, field).innerText();
    expect(row).toContain('一度に送るファイル');
    expect(row).toContain('組織が管理');
    expect(row).toContain('IT 管理者が全員向けに設定しているため、ここでは変更できません。');
    await hakobu.screenshot('ja-settings-managed');
    expect(userConfig(hakobu)).toBeUndefined();
    expect(hakobu.pageErrors).toEqual([]);
  });
});
