import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { dropFiles } from './support/drop';
import type { PageFile } from './support/files';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectProgress, expectText, PATIENCE_MS, signIn } from './support/screens';

const COUNT = 200;
const name = (i: number) => `memo-${String(i + 1).padStart(3, '0')}.txt`;

/** The scrolling box's DOM properties (this project's tsconfig has Node's types, not the DOM's). */
interface Scroller {
  scrollTop: number;
  clientHeight: number;
}

/** Scrolls the (virtualized) transfer list from top to bottom and returns every name it showed. */
async function namesInList(hakobu: HakobuSession): Promise<Set<string>> {
  const list = hakobu.page.locator('.transfers-list');
  const seen = new Set<string>();
  await list.evaluate((el) => ((el as unknown as Scroller).scrollTop = 0));
  for (let guard = 0; guard < 1000; guard++) {
    for (const text of await list.locator('.transfer-name').allInnerTexts()) seen.add(text);
    const atEnd = await list.evaluate((box) => {
      const el = box as unknown as Scroller;
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight / 2;
      return el.scrollTop === before;
    });
    if (atEnd) break;
    // Let the virtualizer render the rows now in view.
    await hakobu.page.waitForTimeout(50);
  }
  return seen;
}

// A user drops a couple of hundred small files at once: each must show up in the list and finish.
describe('dropping many files at once', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US' });
    await hakobu.open();
    await signIn(hakobu.page, DEMO_USERNAME, DEMO_PASSWORD);
    await expectText(hakobu.page, 'This folder is empty.');
  });
  afterAll(() => hakobu?.close());

  it(
    'lists all 200 dropped files and uploads every one',
    async () => {
      const { page } = hakobu;
      const files: PageFile[] = Array.from({ length: COUNT }, (_, i) => ({
        name: name(i),
        type: 'text/plain',
        base64: Buffer.from(`memo ${i + 1}\n`).toString('base64'),
      }));
      await dropFiles(page, files);
      await page.getByRole('navigation').getByRole('button', { name: 'Transfers' }).click();

      await expectText(page, `${COUNT} done`);
      await expectProgress(page.getByRole('progressbar', { name: 'Overall progress' }), 100);
      const rows = page.getByRole('list', { name: 'Uploads' }).getByRole('listitem');
      expect(await rows.first().getAttribute('aria-setsize')).toBe(String(COUNT));
      const seen = await namesInList(hakobu);
      expect([...seen].sort()).toEqual(files.map((f) => f.name).sort());
      expect(await page.getByText('Failed', { exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Clear finished' }).click();
      await expectText(page, 'No uploads yet');
      expect(hakobu.pageErrors).toEqual([]);
    },
    4 * PATIENCE_MS,
  );
});
