import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibraryWorld, type LibraryWorld } from './world';

// A key is only text to S3, but a proxy or SDK on the way may resolve "." and "..": such a key
// could name an object outside the location. Download and delete hold keys to the media rule.
describe('keys with "." or ".." segments', () => {
  let world: LibraryWorld;
  let downloads: string;
  let prefix: string;
  beforeAll(async () => {
    world = await startLibraryWorld();
    prefix = `${world.identityId}/`;
    downloads = mkdtempSync(join(tmpdir(), 'hakobu-downloads-'));
  });
  afterAll(async () => {
    rmSync(downloads, { recursive: true, force: true });
    await world.dispose();
  });

  const namesIn = async (path: string) =>
    (await world.library.list({ location: 'photos', path })).objects.map((o) => o.name);

  it('refuses to download one, without asking S3 or writing a file', async () => {
    await world.put('keep.txt', 'mine');
    const before = world.requests('GetObject');
    for (const key of [
      `${prefix}a/../../other/x`,
      `${prefix}a/../keep.txt`,
      `${prefix}./keep.txt`,
      `${prefix}a\\..\\..\\other\\x`,
    ]) {
      await expect(
        world.library.download({ location: 'photos', key, directory: downloads }),
      ).rejects.toMatchObject({
        code: 'library.outsideLocation',
        message: expect.stringContaining('".."'),
      });
    }
    expect(world.requests('GetObject')).toBe(before);
    expect(readdirSync(downloads)).toEqual([]);
  });

  it('refuses to delete one and deletes the other keys of the same request', async () => {
    await world.put('dots/keep.txt', 'keep');
    const goes = await world.put('dots/goes.txt', 'goes');
    const dotted = [`${prefix}dots/x/../keep.txt`, `${prefix}dots/./keep.txt`, `${prefix}../x`];
    const result = await world.library.delete({ location: 'photos', keys: [...dotted, goes] });
    expect(result.deleted).toEqual([goes]);
    expect(result.failed.map((f) => [f.key, f.code])).toEqual(
      dotted.map((key) => [key, 'library.outsideLocation']),
    );
    expect(result.failed[0]?.message).toContain('Hakobu does not download or delete it');
    expect(await namesIn('dots/')).toEqual(['keep.txt']);
  });
});
