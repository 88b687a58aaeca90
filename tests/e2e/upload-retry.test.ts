import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { dropFiles } from './support/drop';
import { testBlob } from './support/files';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectProgress, expectText, PATIENCE_MS, signIn } from './support/screens';

// S3 failing every part of a multipart upload: the upload must end as failed with something the
// user can do about it, and Retry must finish it once S3 works again.
describe('an upload that S3 keeps refusing', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US' });
    await hakobu.open();
    await signIn(hakobu.page, DEMO_USERNAME, DEMO_PASSWORD);
    await expectText(hakobu.page, 'This folder is empty.');
  });
  afterAll(() => hakobu?.close());

  it('shows the upload as failed, with Retry, while every part is refused', async () => {
    const { page, la } = hakobu;
    await la.setFaults({ uploadPartFailureRate: 1, failureStatus: 503 });
    // 12 MiB: over the 8 MiB part size, so it goes multipart.
    await dropFiles(page, [testBlob('survey-scan.tif', 12 * 1024 * 1024)]);
    await page.getByRole('navigation').getByRole('button', { name: 'Transfers' }).click();

    const row = page.getByRole('listitem').filter({ hasText: 'survey-scan.tif' });
    await row.getByText('Failed', { exact: true }).waitFor({ timeout: PATIENCE_MS });
    const reason = row.getByText(/^Upload failed:/);
    expect(await reason.innerText()).toMatch(/retry/i);
    await row.getByRole('button', { name: 'Retry survey-scan.tif' }).waitFor();
    await expectText(page, '1 failed');
    await hakobu.screenshot('transfers-failed');
  });

  it('finishes the upload after Retry once S3 accepts parts again', async () => {
    const { page, la } = hakobu;
    await la.setFaults({ uploadPartFailureRate: 0 });
    const row = page.getByRole('listitem').filter({ hasText: 'survey-scan.tif' });
    await row.getByRole('button', { name: 'Retry survey-scan.tif' }).click();

    await row.getByText('Done', { exact: true }).waitFor({ timeout: PATIENCE_MS });
    await expectProgress(page.getByRole('progressbar', { name: 'Overall progress' }), 100);
    expect(await page.getByText('1 failed').count()).toBe(0);

    await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click();
    await page.getByRole('gridcell', { name: 'survey-scan.tif' }).waitFor({ timeout: PATIENCE_MS });
    expect(hakobu.pageErrors).toEqual([]);
  });
});
