import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMediaUrl } from '../../../src-main/core/library';
import { startLibraryWorld, type LibraryWorld } from './world';

describe('listing a folder', () => {
  let world: LibraryWorld;
  beforeAll(async () => {
    world = await startLibraryWorld();
    await world.put('cover.JPG', 'jpeg bytes', 'image/jpeg');
    await world.put('notes.txt', 'hello');
    await world.put('trip/day 1/beach.heic', 'heic bytes');
    await world.put('trip/map.pdf', 'pdf bytes');
    await world.put('trip/', '');
    await world.put('2024/a.webp', 'webp bytes');
  });
  afterAll(() => world.dispose());

  it('shows subfolders relative to the location and the files directly in the folder', async () => {
    const root = await world.library.list({ location: 'photos' });
    expect(root.path).toBe('');
    expect(root.folders).toEqual(['2024/', 'trip/']);
    expect(root.objects.map((o) => [o.name, o.key, o.size, o.isImage])).toEqual([
      ['cover.JPG', `${world.identityId}/cover.JPG`, 10, true],
      ['notes.txt', `${world.identityId}/notes.txt`, 5, false],
    ]);
    expect(root.nextToken).toBeUndefined();

    const trip = await world.library.list({ location: 'photos', path: 'trip' });
    expect(trip.path).toBe('trip/');
    expect(trip.folders).toEqual(['trip/day 1/']);
    // The folder's own marker object "trip/" is not a file in it.
    expect(trip.objects.map((o) => o.name)).toEqual(['map.pdf']);
  });

  it('gives images hakobu-media URLs that name the location and the path below its prefix', async () => {
    const page = await world.library.list({ location: 'photos', path: 'trip/day 1/' });
    const [beach] = page.objects;
    expect(beach?.isImage).toBe(true);
    const thumb = parseMediaUrl(beach?.thumbnailUrl ?? '');
    const image = parseMediaUrl(beach?.imageUrl ?? '');
    expect(thumb).toEqual({
      ok: true,
      request: { kind: 'thumb', location: 'photos', relativePath: 'trip/day 1/beach.heic' },
    });
    expect(image.ok && image.request.kind).toBe('image');

    const root = await world.library.list({ location: 'photos' });
    const notes = root.objects.find((o) => o.name === 'notes.txt');
    expect(notes?.thumbnailUrl).toBeUndefined();
    expect(notes?.imageUrl).toBeUndefined();
  });

  it('uses the URL builder the shell injects (the web harness serves /media/…)', async () => {
    const harness = world.reopen({
      mediaUrl: (kind, location, path) => `/media/${kind}/${location}/${path}`,
    });
    const page = await harness.library.list({ location: 'photos', path: '2024/' });
    expect(page.objects[0]?.thumbnailUrl).toBe('/media/thumb/photos/2024/a.webp');
    harness.library.dispose();
  });

  it('reads keys with control characters and Japanese names exactly (EncodingType=url)', async () => {
    const japanese = '写真/夏の思い出 ガ.png'.normalize('NFC');
    await world.put(japanese, 'png');
    await world.put('odd/tab\tand\u0001ctrl+plus.jpg', 'jpg');

    const folder = await world.library.list({ location: 'photos', path: '写真/' });
    expect(folder.objects.map((o) => o.name)).toEqual(['夏の思い出 ガ.png']);
    expect(folder.objects[0]?.key).toBe(`${world.identityId}/${japanese}`);
    expect(parseMediaUrl(folder.objects[0]?.thumbnailUrl ?? '')).toMatchObject({
      ok: true,
      request: { relativePath: japanese },
    });

    const odd = await world.library.list({ location: 'photos', path: 'odd/' });
    expect(odd.objects.map((o) => o.key)).toEqual([
      `${world.identityId}/odd/tab\tand\u0001ctrl+plus.jpg`,
    ]);
    // Still an image, but no media URL can carry a control character.
    expect(odd.objects[0]?.isImage).toBe(true);
    expect(odd.objects[0]?.thumbnailUrl).toBeUndefined();
  });

  it('refuses folder paths with "." or ".." segments', async () => {
    await expect(
      world.library.list({ location: 'photos', path: '../other/' }),
    ).rejects.toMatchObject({ code: 'library.badPath' });
  });

  it('names an unknown location', async () => {
    await expect(world.library.list({ location: 'nowhere' })).rejects.toMatchObject({
      code: 'library.unknownLocation',
    });
  });

  it('explains AccessDenied with the identity-ID prefix rule (pitfall S10)', async () => {
    const error: unknown = await world.library.list({ location: 'team' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'library.accessDenied' });
    expect((error as Error).message).toContain(`${world.identityId}/`);
    expect((error as Error).message).toContain('${cognito-identity.amazonaws.com:sub}');
  });

  it('explains a bucket that does not exist', async () => {
    const wrong = world.reopen({
      locations: [
        { name: 'typo', bucket: 'hakobu-demo-typo', prefix: '${identityId}/', access: 'readwrite' },
      ],
    });
    await expect(wrong.library.list({ location: 'typo' })).rejects.toMatchObject({
      code: 'library.noSuchBucket',
      params: { bucket: 'hakobu-demo-typo' },
    });
    wrong.library.dispose();
  });
});

describe('listing a large folder', () => {
  let world: LibraryWorld;
  beforeAll(async () => {
    world = await startLibraryWorld();
    const keys = Array.from({ length: 2500 }, (_, i) => `many/${String(i).padStart(4, '0')}.jpg`);
    await world.putMany(keys);
    // Seeding 2,500 real PUTs through the stand-in takes a while on two shared cores.
  }, 300_000);
  afterAll(() => world.dispose());

  it('pages through 2,500 objects 1,000 at a time with nextToken', async () => {
    const names: string[] = [];
    const pageSizes: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await world.library.list({
        location: 'photos',
        path: 'many/',
        maxKeys: 1000,
        ...(nextToken ? { nextToken } : {}),
      });
      pageSizes.push(page.objects.length);
      names.push(...page.objects.map((o) => o.name));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pageSizes).toEqual([1000, 1000, 500]);
    expect(new Set(names).size).toBe(2500);
    expect(names[0]).toBe('0000.jpg');
    expect(names[2499]).toBe('2499.jpg');
  });
});
