import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatPng, jpeg, noisyPng, startLibraryWorld, type LibraryWorld } from './world';

async function thumb(world: LibraryWorld, relativePath: string) {
  const response = await world.library.media({ kind: 'thumb', location: 'photos', relativePath });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes };
}

const cacheBytes = (dir: string) =>
  readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

describe('thumbnails', () => {
  let world: LibraryWorld;
  beforeAll(async () => {
    world = await startLibraryWorld();
  });
  afterAll(() => world.dispose());

  it('draws a WebP inside 256×256 with the EXIF orientation applied', async () => {
    const original = await jpeg(600, 400, 6);
    const raw = await sharp(original).metadata();
    expect([raw.width, raw.height, raw.orientation]).toEqual([600, 400, 6]);
    await world.put('rotated.jpg', original, 'image/jpeg');

    const { response, bytes } = await thumb(world, 'rotated.jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toContain('private');
    const drawn = await sharp(bytes).metadata();
    expect(drawn.format).toBe('webp');
    // Orientation 6 turns the 600×400 pixels upright: the thumbnail is portrait.
    expect([drawn.width, drawn.height]).toEqual([171, 256]);
  });

  it('never enlarges a small image', async () => {
    await world.put('small.png', await flatPng(100, 80), 'image/png');
    const drawn = await sharp((await thumb(world, 'small.png')).bytes).metadata();
    expect([drawn.width, drawn.height]).toEqual([100, 80]);
  });

  it('serves a second request from the cache without downloading the image again', async () => {
    const key = await world.put('cached.png', await noisyPng(640, 480), 'image/png');
    const first = await thumb(world, 'cached.png');
    const second = await thumb(world, 'cached.png');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(world.requests('GetObject', key)).toBe(1);

    // A new library (as after a restart) finds the thumbnail on disk.
    const restarted = world.reopen();
    const third = await restarted.library.media({
      kind: 'thumb',
      location: 'photos',
      relativePath: 'cached.png',
    });
    expect(Buffer.from(await third.arrayBuffer()).equals(first.bytes)).toBe(true);
    expect(world.requests('GetObject', key)).toBe(1);
    restarted.library.dispose();
  });

  it('draws a new thumbnail when the object is replaced', async () => {
    const key = await world.put('replaced.jpg', await jpeg(300, 200), 'image/jpeg');
    const before = await sharp((await thumb(world, 'replaced.jpg')).bytes).metadata();
    await world.put('replaced.jpg', await jpeg(200, 300), 'image/jpeg');
    const after = await sharp((await thumb(world, 'replaced.jpg')).bytes).metadata();
    expect([before.width, before.height]).toEqual([256, 171]);
    expect([after.width, after.height]).toEqual([171, 256]);
    expect(world.requests('GetObject', key)).toBe(2);
  });

  it('shares one download among concurrent requests for the same thumbnail', async () => {
    const key = await world.put('popular.png', await noisyPng(800, 600), 'image/png');
    const results = await Promise.all([1, 2, 3, 4].map(() => thumb(world, 'popular.png')));
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 200]);
    expect(world.requests('GetObject', key)).toBe(1);
  });

  it('refuses a decompression bomb cleanly and keeps serving other thumbnails', async () => {
    const guarded = world.reopen({ maxInputPixels: 4_000_000 });
    const bomb = await flatPng(5000, 5000);
    // Small on disk and over the wire, 75 MB once decoded.
    expect(bomb.length).toBeLessThan(1_000_000);
    await world.put('bomb.png', bomb, 'image/png');
    const refused = await guarded.library.media({
      kind: 'thumb',
      location: 'photos',
      relativePath: 'bomb.png',
    });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('x-hakobu-error')).toBe('library.thumbnailTooLarge');

    await world.put('fine.png', await flatPng(1000, 800), 'image/png');
    const fine = await guarded.library.media({
      kind: 'thumb',
      location: 'photos',
      relativePath: 'fine.png',
    });
    expect(fine.status).toBe(200);
    guarded.library.dispose();
  });

  it('answers 415 for a file that is named like an image but is not one', async () => {
    await world.put('fake.jpg', 'this is text, not a JPEG', 'image/jpeg');
    const { response } = await thumb(world, 'fake.jpg');
    expect(response.status).toBe(415);
    expect(response.headers.get('x-hakobu-error')).toBe('library.thumbnailUnsupported');
  });
});

describe('the thumbnail cache bound', () => {
  let world: LibraryWorld;
  beforeAll(async () => {
    world = await startLibraryWorld();
  });
  afterAll(() => world.dispose());

  it('evicts the least recently used thumbnails past its size limit', async () => {
    const names = ['n1.png', 'n2.png', 'n3.png'];
    const keys: string[] = [];
    for (const name of names)
      keys.push(await world.put(name, await noisyPng(512, 512), 'image/png'));
    // Noise does not compress: each thumbnail is tens of KiB. Measure one to set the bound.
    const prober = world.reopen();
    const probe = await prober.library.media({
      kind: 'thumb',
      location: 'photos',
      relativePath: 'n1.png',
    });
    const oneSize = (await probe.arrayBuffer()).byteLength;
    prober.library.dispose();
    const limit = Math.floor(oneSize * 2.5);
    const bounded = world.reopen({ maxCacheBytes: limit });
    const show = (name: string) =>
      bounded.library
        .media({ kind: 'thumb', location: 'photos', relativePath: name })
        .then((r) => r.arrayBuffer());
    const gets = () => keys.map((key) => world.requests('GetObject', key));

    await show('n1.png'); // on disk from the probe: a hit
    await show('n2.png');
    await show('n1.png'); // n1 is now used more recently than n2
    await show('n3.png'); // three do not fit: the least recently used (n2) goes
    expect(gets()).toEqual([1, 1, 1]);
    expect(cacheBytes(world.cacheDir)).toBeLessThanOrEqual(limit);

    await show('n1.png');
    expect(gets()).toEqual([1, 1, 1]);
    await show('n2.png');
    expect(gets()).toEqual([1, 2, 1]);
    expect(cacheBytes(world.cacheDir)).toBeLessThanOrEqual(limit);
    bounded.library.dispose();
  });
});
