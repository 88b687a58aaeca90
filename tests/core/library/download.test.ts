import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noisyPng, startLibraryWorld, type LibraryWorld } from './world';

describe('downloading', () => {
  let world: LibraryWorld;
  let downloads: string;
  let photo: Buffer;
  let key: string;
  beforeAll(async () => {
    world = await startLibraryWorld();
    photo = await noisyPng(400, 300);
    key = await world.put('trip/beach.png', photo, 'image/png');
  });
  afterAll(() => world.dispose());
  beforeEach(() => {
    downloads = mkdtempSync(join(tmpdir(), 'hakobu-downloads-'));
  });
  afterEach(() => rmSync(downloads, { recursive: true, force: true }));

  it('saves the object under its own name and reports progress up to its size', async () => {
    const progress: [number, number | undefined][] = [];
    const saved = await world.library.download({
      location: 'photos',
      key,
      directory: downloads,
      onProgress: (received, total) => progress.push([received, total]),
    });
    expect(saved).toBe(join(downloads, 'beach.png'));
    expect(readFileSync(saved).equals(photo)).toBe(true);
    expect(progress.at(-1)).toEqual([photo.length, photo.length]);
    expect(readdirSync(downloads)).toEqual(['beach.png']);
  });

  it('never overwrites an existing file: it picks "name (1).ext", then "name (2).ext"', async () => {
    writeFileSync(join(downloads, 'beach.png'), 'mine, keep me');
    const first = await world.library.download({ location: 'photos', key, directory: downloads });
    const second = await world.library.download({ location: 'photos', key, directory: downloads });
    expect(first).toBe(join(downloads, 'beach (1).png'));
    expect(second).toBe(join(downloads, 'beach (2).png'));
    expect(readFileSync(join(downloads, 'beach.png'), 'utf8')).toBe('mine, keep me');
    expect(readFileSync(second).equals(photo)).toBe(true);
    // No "*.part" file is left behind.
    expect(readdirSync(downloads).sort()).toEqual(['beach (1).png', 'beach (2).png', 'beach.png']);
  });

  it('gives concurrent downloads of one name different files', async () => {
    const saved = await Promise.all(
      [1, 2, 3].map(() =>
        world.library.download({ location: 'photos', key, directory: downloads }),
      ),
    );
    expect(new Set(saved).size).toBe(3);
    for (const path of saved) expect(readFileSync(path).equals(photo)).toBe(true);
  });

  it('makes a key with characters a desktop forbids into a valid file name', async () => {
    const odd = await world.put('odd/a:b?\u0001.txt', 'text');
    const saved = await world.library.download({
      location: 'photos',
      key: odd,
      directory: downloads,
    });
    expect(saved).toBe(join(downloads, 'a_b__.txt'));
    expect(readFileSync(saved, 'utf8')).toBe('text');
  });

  it('refuses a key outside the location and leaves nothing behind', async () => {
    await expect(
      world.library.download({ location: 'archive', key, directory: downloads }),
    ).rejects.toMatchObject({ code: 'library.outsideLocation' });
    expect(readdirSync(downloads)).toEqual([]);
  });

  it('reports a missing object and leaves no partial file', async () => {
    await expect(
      world.library.download({
        location: 'photos',
        key: `${world.identityId}/trip/gone.png`,
        directory: downloads,
      }),
    ).rejects.toMatchObject({ code: 'library.notFound' });
    expect(readdirSync(downloads)).toEqual([]);
  });

  it('explains a folder it cannot write to', async () => {
    await expect(
      world.library.download({ location: 'photos', key, directory: join(downloads, 'missing') }),
    ).rejects.toMatchObject({ code: 'library.cannotSave' });
  });
});
