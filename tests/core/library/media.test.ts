import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMediaRequest, mediaUrl } from '../../../src-main/core/library';
import { jpeg, startLibraryWorld, type LibraryWorld } from './world';

describe('the media server', () => {
  let world: LibraryWorld;
  let photo: Buffer;
  beforeAll(async () => {
    world = await startLibraryWorld();
    photo = await jpeg(320, 240);
    await world.put('album/photo.jpg', photo, 'image/jpeg');
  });
  afterAll(() => world.dispose());

  const serve = (location: string, relativePath: string, kind: 'thumb' | 'image' = 'image') =>
    world.library.media({ kind, location, relativePath });

  it('streams the full image as the type its bytes show', async () => {
    const response = await serve('photos', 'album/photo.jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-length')).toBe(String(photo.length));
    expect(response.headers.get('cache-control')).toContain('private');
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('serves through a hakobu-media:// URL, as the Electron protocol handler calls it', async () => {
    const url = mediaUrl('image', 'photos', 'album/photo.jpg');
    const response = await handleMediaRequest(world.library.media, url);
    expect(response.status).toBe(200);
  });

  it('answers 404 for an unknown location without asking S3', async () => {
    const before = world.requests('GetObject');
    const response = await serve('elsewhere', 'album/photo.jpg');
    expect(response.status).toBe(404);
    expect(world.requests('GetObject')).toBe(before);
  });

  it('answers 404 for a missing key, although S3 itself says 403 without s3:ListBucket', async () => {
    const response = await serve('photos', 'album/gone.jpg');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-hakobu-error')).toBe('library.notFound');
    const thumb = await serve('photos', 'album/gone.jpg', 'thumb');
    expect(thumb.status).toBe(404);
  });

  it('answers 403 when S3 denies access to the location', async () => {
    const response = await serve('team', 'poster.jpg');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-hakobu-error')).toBe('library.accessDenied');
  });

  it('re-checks that a path stays inside the location prefix before any S3 request', async () => {
    const getsBefore = world.requests('GetObject');
    const headsBefore = world.requests('HeadObject');
    const attempts = [
      '../other-identity/photo.jpg',
      'album/../../secret.jpg',
      './album/photo.jpg',
      'album//photo.jpg',
      '',
      'album\\photo.jpg',
      'album/ctrl\u0001.jpg',
    ];
    for (const relativePath of attempts) {
      expect((await serve('photos', relativePath)).status).toBe(404);
      expect((await serve('photos', relativePath, 'thumb')).status).toBe(404);
    }
    expect(world.requests('GetObject')).toBe(getsBefore);
    expect(world.requests('HeadObject')).toBe(headsBefore);
  });

  it('keeps a narrower location from reaching its parent prefix', async () => {
    // "archive" is `${identityId}/archive/`: the album next to it is outside.
    const response = await serve('archive', '../album/photo.jpg');
    expect(response.status).toBe(404);
  });

  it('refreshes expired credentials once and retries (image and thumbnail)', async () => {
    world.expireLibraryCredentials();
    const image = await serve('photos', 'album/photo.jpg');
    expect(image.status).toBe(200);
    expect(world.refreshes()).toBe(1);

    world.expireLibraryCredentials();
    const thumb = await serve('photos', 'album/photo.jpg', 'thumb');
    expect(thumb.status).toBe(200);
    expect(world.refreshes()).toBe(2);
  });
});
