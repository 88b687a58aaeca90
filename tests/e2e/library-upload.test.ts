import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { dropFiles } from './support/drop';
import { testFolder, testImage } from './support/files';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectDecoded, expectProgress, expectText, PATIENCE_MS, signIn } from './support/screens';

// One user's day, in order: a wrong password, sign-in, dropping photos and a folder, watching the
// uploads finish, browsing and previewing them, reloading the window, settings, and signing out.
describe('signing in, uploading and browsing (English)', () => {
  let hakobu: HakobuSession;
  const folder = testFolder('trip', 20);

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US' });
    await hakobu.open();
  });
  afterAll(async () => {
    await hakobu?.close();
    rmSync(dirname(folder.path), { recursive: true, force: true });
  });

  it('says in plain words that the password is wrong, and keeps working', async () => {
    const { page } = hakobu;
    await page.getByLabel('Email', { exact: true }).waitFor();
    await hakobu.screenshot('sign-in');
    await signIn(page, DEMO_USERNAME, 'Not-the-password-1');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/username or password is incorrect/i);
    // No error code, exception name or stack trace: words a user can act on.
    expect(await alert.innerText()).not.toMatch(/Exception|Error:|at \w+ \(/);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isEnabled()).toBe(true);
    expect(hakobu.pageErrors).toEqual([]);
  });

  it('signs in and shows the empty library', async () => {
    const { page } = hakobu;
    await signIn(page, DEMO_USERNAME, DEMO_PASSWORD);
    await expectText(page, 'This folder is empty.');
    expect(await page.getByLabel('Email', { exact: true }).count()).toBe(0);
  });

  it('uploads three dropped photos and a picked folder of 20 files to 100%', async () => {
    const { page } = hakobu;
    const photos = await Promise.all([
      testImage('sunrise.png', 'png', [255, 160, 40]),
      testImage('harbour.jpg', 'jpeg', [40, 140, 255]),
      testImage('lantern.jpg', 'jpeg', [220, 40, 60]),
    ]);
    await dropFiles(page, photos);
    await expectText(page, 'Added 3 items to the uploads for “hakobu-demo”.');

    // A synthetic drop cannot carry folder entries, so the folder comes through the folder picker.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload folder' }).click();
    await (await chooser).setFiles(folder.path);

    await page.getByRole('navigation').getByRole('button', { name: 'Transfers' }).click();
    // All 23 done first (the folder's files may still be on their way to the queue), then 100%.
    await expectText(page, '23 done');
    await expectProgress(page.getByRole('progressbar', { name: 'Overall progress' }), 100);
    expect(await page.getByText('Failed', { exact: true }).count()).toBe(0);
    // Where each file went, as the library names it, without the identity ID in front.
    const sunrise = page.getByRole('listitem').filter({ hasText: 'sunrise.png' });
    expect(await sunrise.innerText()).toContain('hakobu-demo · sunrise.png');
    await hakobu.screenshot('transfers');
  });

  it('shows each photo as a thumbnail, and the folder with its 20 files', async () => {
    const { page } = hakobu;
    await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click();
    const grid = page.getByRole('grid');
    for (const name of ['sunrise.png', 'harbour.jpg', 'lantern.jpg']) {
      await expectDecoded(grid.getByRole('img', { name, exact: true }));
    }
    await hakobu.screenshot('library-grid');

    await grid.getByRole('gridcell', { name: 'trip' }).click();
    await grid.getByRole('gridcell', { name: 'note-20.txt' }).waitFor({ timeout: PATIENCE_MS });
    expect(await grid.getByRole('gridcell').count()).toBe(20);
    await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button').click();
    await grid.getByRole('gridcell', { name: 'trip' }).waitFor();
  });

  it('previews photos in the lightbox and moves between them with the keyboard', async () => {
    const { page } = hakobu;
    // Keyboard only: focus the tile, Enter opens it.
    await page.getByRole('gridcell', { name: 'harbour.jpg' }).focus();
    await page.keyboard.press('Enter');
    let preview = page.getByRole('dialog', { name: 'harbour.jpg' });
    await expectDecoded(preview.getByRole('img', { name: 'harbour.jpg' }));
    await expectText(preview, '1 of 3');
    await hakobu.screenshot('lightbox');

    await page.keyboard.press('ArrowRight');
    preview = page.getByRole('dialog', { name: 'lantern.jpg' });
    await expectDecoded(preview.getByRole('img', { name: 'lantern.jpg' }));
    await expectText(preview, '2 of 3');

    await page.keyboard.press('ArrowLeft');
    await page.getByRole('dialog', { name: 'harbour.jpg' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('keeps the session when the window reloads', async () => {
    const { page } = hakobu;
    await page.reload();
    await expectDecoded(page.getByRole('img', { name: 'sunrise.png', exact: true }));
    expect(await page.getByLabel('Email', { exact: true }).count()).toBe(0);
    expect(await page.getByText(DEMO_USERNAME).count()).toBeGreaterThan(0);
  });

  it('shows settings and a diagnostics run that finds nothing wrong', async () => {
    const { page } = hakobu;
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await hakobu.screenshot('settings');

    await page.getByRole('button', { name: 'Open Diagnostics' }).click();
    await expectText(page, 'Everything looks good.');
    expect(await page.getByText('(failed)').count()).toBe(0);
    await hakobu.screenshot('diagnostics');
  });

  it('signs out back to the sign-in form', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(hakobu.pageErrors).toEqual([]);
  });
});
