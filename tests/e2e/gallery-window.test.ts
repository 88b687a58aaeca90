import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKET, DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { demoCredentials } from '../helpers/identity';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectDecoded, PATIENCE_MS, signIn } from './support/screens';

const IMAGES = 10_000;
/** Far more than a screen of tiles, far fewer than the folder holds. */
const WINDOW_LIMIT = 200;
const name = (index: number) => `photo-${String(index + 1).padStart(5, '0')}.png`;

// A folder of 10,000 photos: the grid keeps only a window of tiles, however far the user scrolls,
// and asks for thumbnails only for the tiles it shows, not for all it passed.
describe('a gallery of 10,000 images', () => {
  let hakobu: HakobuSession;
  const thumbnailRequests: string[] = [];

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US' });
    const { identityId, credentials } = await demoCredentials(hakobu.la);
    const s3 = new S3Client({
      region: hakobu.la.info.region,
      endpoint: hakobu.la.info.endpoint,
      forcePathStyle: true,
      credentials,
    });
    const body = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#3a7' },
    })
      .png()
      .toBuffer();
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < IMAGES; index = next++) {
        await s3.send(
          new PutObjectCommand({
            Bucket: DEMO_BUCKET,
            Key: `${identityId}/${name(index)}`,
            Body: body,
            ContentType: 'image/png',
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    s3.destroy();
    hakobu.page.on('request', (request) => {
      if (request.url().includes('/media/thumb/')) thumbnailRequests.push(request.url());
    });
    await hakobu.open();
    await signIn(hakobu.page, DEMO_USERNAME, DEMO_PASSWORD);
  }, 300_000);
  afterAll(async () => {
    await hakobu?.close();
  });

  const grid = () => hakobu.page.getByRole('grid');
  const tiles = () => hakobu.page.locator('[role=gridcell]');

  it('shows the first screen of thumbnails with only a window of tiles in the page', async () => {
    await expectDecoded(tiles().first().locator('img'));
    expect(await tiles().count()).toBeGreaterThan(0);
    expect(await tiles().count()).toBeLessThan(WINDOW_LIMIT);
  });

  it('scrolls to the last image with the same small window, and shows its thumbnail', async () => {
    const last = hakobu.page.locator(`[role=gridcell][title="${name(IMAGES - 1)}"]`);
    // Like dragging the scrollbar to the bottom again and again while pages of the listing arrive.
    await expect
      .poll(
        async () => {
          await grid().evaluate((element) => {
            const scroller = element as unknown as { scrollTop: number; scrollHeight: number };
            scroller.scrollTop = scroller.scrollHeight;
          });
          return (await grid().getAttribute('aria-rowcount')) !== '-1' && (await last.count()) > 0;
        },
        { timeout: PATIENCE_MS, interval: 100 },
      )
      .toBe(true);
    const rows = Number(await grid().getAttribute('aria-rowcount'));
    const columns = Number(await grid().getAttribute('aria-colcount'));
    expect(rows * columns).toBeGreaterThanOrEqual(IMAGES);
    expect(await tiles().count()).toBeLessThan(WINDOW_LIMIT);
    await expectDecoded(last.locator('img'));
    await hakobu.screenshot('gallery-end');
  });

  it('never asked for the thumbnails of the tiles it scrolled past', () => {
    expect(thumbnailRequests.length).toBeGreaterThan(0);
    expect(thumbnailRequests.length).toBeLessThan(IMAGES / 10);
    expect(hakobu.pageErrors).toEqual([]);
  });
});
