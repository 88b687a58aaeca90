import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMediaRequest, mediaUrl } from '../../../src-main/core/library';
import { jpeg, flatPng, startLibraryWorld, type LibraryWorld } from './world';

// Another tool with write access to the bucket decides what Content-Type is stored with an object.
// The media origin must never hand such an object back as a page, a script or a readable file.
describe('the media server decides what an object is served as', () => {
  let world: LibraryWorld;
  let photo: Buffer;
  const privateKey = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n';
  const page = '<!doctype html><script>fetch("/media/thumb/photos/x")</script>';
  beforeAll(async () => {
    world = await startLibraryWorld();
    photo = await jpeg(64, 48);
    await world.put('home/.ssh/id_rsa', privateKey, 'application/octet-stream');
    await world.put('evil.html', page, 'text/html');
    await world.put(
      'logo.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
      'image/svg+xml',
    );
    await world.put('page.jpg', page, 'text/html');
    await world.put('mislabelled.jpg', photo, 'text/html');
    await world.put('really-a-png.jpg', await flatPng(16, 16), 'text/javascript');
    await world.put('旅行/富士山 "1".jpg', photo, 'image/jpeg');
  });
  afterAll(() => world.dispose());

  const image = (relativePath: string) =>
    world.library.media({ kind: 'image', location: 'photos', relativePath });

  it('refuses an uploaded private key with 415 and never fetches it', async () => {
    const url = mediaUrl('image', 'photos', 'home/.ssh/id_rsa');
    const response = await handleMediaRequest(world.library.media, url);
    expect(response.status).toBe(415);
    expect(response.headers.get('x-hakobu-error')).toBe('library.notAnImage');
    expect(await response.text()).not.toContain('PRIVATE KEY');
    expect(world.requests('GetObject', `${world.identityId}/home/.ssh/id_rsa`)).toBe(0);
  });

  it.each(['evil.html', 'logo.svg'])(
    'refuses %s, whatever type is stored with it',
    async (name) => {
      const response = await image(name);
      expect(response.status).toBe(415);
      expect(response.headers.get('x-hakobu-error')).toBe('library.notAnImage');
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    },
  );

  it('refuses a page named .jpg, since its bytes are no image', async () => {
    const response = await image('page.jpg');
    expect(response.status).toBe(415);
    expect(response.headers.get('x-hakobu-error')).toBe('library.notAnImage');
    expect(await response.text()).not.toContain('<script>');
  });

  it('serves a JPEG stored as text/html as image/jpeg, never sniffed, inline', async () => {
    const response = await image('mislabelled.jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(
      "inline; filename*=UTF-8''mislabelled.jpg",
    );
    expect(response.headers.get('content-length')).toBe(String(photo.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('serves the type the bytes show, not the one the name or the bucket claims', async () => {
    const response = await image('really-a-png.jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('names a Japanese file with quotes in it safely in the disposition', async () => {
    const response = await image('旅行/富士山 "1".jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      "inline; filename*=UTF-8''%E5%AF%8C%E5%A3%AB%E5%B1%B1%20%221%22.jpg",
    );
  });

  it('serves thumbnails as WebP, never sniffed, inline', async () => {
    const response = await world.library.media({
      kind: 'thumb',
      location: 'photos',
      relativePath: 'mislabelled.jpg',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe('inline');
  });

  it('marks even a refused URL as never to be sniffed', async () => {
    const response = await handleMediaRequest(
      world.library.media,
      'hakobu-media://image/photos/../secret.html',
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-hakobu-error')).toBe('library.notFound');
  });
});
