import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Log, seed001Setup } from '../local-aws/s3-access-points/access-point-kit';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectDecoded, signIn } from './support/screens';

const USER = 'test@hakobu.example';
const PASSWORD = 'Hakobu-seed-001!';

// Seed 001: images in two buckets, each behind an S3 access point, read with one sign-in. Hakobu
// gets the two locations as access point ARNs (the config local-aws writes for this setup) and
// reaches both through the SDK's access point addressing.
describe('two access-point locations in one session (seed 001)', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US', setup: seed001Setup() });
    await hakobu.open();
    await signIn(hakobu.page, USER, PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await hakobu?.close();
  });

  const sidebar = () => hakobu.page.getByRole('navigation', { name: 'Locations' });
  const tile = (name: string) => hakobu.page.locator(`[role=gridcell][title="${name}"]`);

  it('lists both access points in the locations sidebar', async () => {
    await sidebar().getByRole('button', { name: 'cat' }).waitFor();
    const names = await sidebar().locator('.sidebar-label').allTextContents();
    expect(names).toEqual(['cat', 'dog']);
  });

  it('shows the kittens through the first access point', async () => {
    await sidebar().getByRole('button', { name: 'cat' }).click();
    await expectDecoded(tile('kitten.png').locator('img'));
    await expectDecoded(tile('kitten-2.png').locator('img'));
    expect(await tile('puppy.png').count()).toBe(0);
    await hakobu.screenshot('access-points-cat');
  });

  it('shows the puppies through the second, without signing in again', async () => {
    await sidebar().getByRole('button', { name: 'dog' }).click();
    await expectDecoded(tile('puppy.png').locator('img'));
    await expectDecoded(tile('puppy-2.png').locator('img'));
    expect(await tile('kitten.png').count()).toBe(0);
    expect(await hakobu.page.getByLabel('Password', { exact: true }).count()).toBe(0);
    await hakobu.screenshot('access-points-dog');
  });

  it('read every listing and image through an access point, none by bucket name', () => {
    const reads = s3Log(hakobu.la).filter((line) =>
      ['ListObjectsV2', 'HeadObject', 'GetObject'].includes(String(line.action)),
    );
    expect(new Set(reads.map((line) => line.accessPoint))).toEqual(new Set(['cat', 'dog']));
    expect(reads.filter((line) => line.status !== 200)).toEqual([]);
    expect(hakobu.pageErrors).toEqual([]);
  });
});
