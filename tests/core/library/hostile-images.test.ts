// Finding 9 of issue 8: images come from a bucket anyone with write access can fill, so a file
// made to crash, hang or exhaust the decoder must cost one preview, never the app.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForkedThumbnailRenderer } from '../../../src-main/core/library/thumbnail-worker/fork';
import type { ThumbnailRenderer } from '../../../src-main/core/library/thumbnail-worker/renderer';
import { jpeg, startLibraryWorld, type LibraryWorld } from './world';

/** A valid PNG header that declares `width` × `height` pixels, with next to no data behind it. */
function declaredHugePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // A few compressed bytes of pixel data: enough for the header to be read, not for any image.
  const data = chunk('IDAT', deflateSync(Buffer.alloc(64)));
  return Buffer.concat([signature, chunk('IHDR', ihdr), data, chunk('IEND', Buffer.alloc(0))]);
}

describe('hostile images', () => {
  let world: LibraryWorld;
  let renderer: ThumbnailRenderer;
  let library: LibraryWorld['library'];
  beforeAll(async () => {
    world = await startLibraryWorld();
    // One helper, so every hostile file below hits the helper the next good image needs; test
    // hooks let a file stand in for a decoder crash or hang; a small heap to exhaust quickly.
    renderer = createForkedThumbnailRenderer({
      helpers: 1,
      timeoutMs: 3_000,
      heapMiB: 64,
      testHooks: true,
    });
    library = world.reopen({ renderer }).library;
  });
  afterAll(async () => {
    library.dispose();
    await renderer.close();
    await world.dispose();
  });

  const thumb = async (relativePath: string) => {
    const response = await library.media({ kind: 'thumb', location: 'photos', relativePath });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  const stillWorks = async () => {
    const { response, bytes } = await thumb('good.jpg');
    expect(response.status).toBe(200);
    expect((await sharp(bytes).metadata()).format).toBe('webp');
  };

  beforeAll(async () => {
    await world.put('good.jpg', await jpeg(400, 300), 'image/jpeg');
  });

  it('answers 415 for a truncated JPEG, then draws the next thumbnail', async () => {
    const whole = await jpeg(800, 600);
    await world.put('truncated.jpg', whole.subarray(0, Math.floor(whole.length / 3)), 'image/jpeg');
    const { response } = await thumb('truncated.jpg');
    expect(response.status).toBe(415);
    expect(response.headers.get('x-hakobu-error')).toBe('library.thumbnailUnsupported');
    await stillWorks();
  });

  it('answers 413 for a PNG that declares 10 billion pixels, before decoding any', async () => {
    const bomb = declaredHugePng(100_000, 100_000);
    expect(bomb.length).toBeLessThan(100);
    await world.put('declared-bomb.png', bomb, 'image/png');
    const { response } = await thumb('declared-bomb.png');
    expect(response.status).toBe(413);
    expect(response.headers.get('x-hakobu-error')).toBe('library.thumbnailTooLarge');
    await stillWorks();
  });

  it.each([
    ['crashes the decoder', 'crash'],
    ['hangs the decoder', 'hang'],
    ['exhausts the helper’s memory', 'hog'],
  ])('answers 502 for a file that %s, and the next thumbnail still renders', async (_, hook) => {
    await world.put(`${hook}.png`, `HAKOBU-TEST:${hook}`, 'image/png');
    const { response, bytes } = await thumb(`${hook}.png`);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-hakobu-error')).toBe('library.thumbnailFailed');
    expect(bytes.toString()).toContain(`preview of ${hook}.png`);
    // The test process (standing in for main) is still here, and a fresh helper draws.
    await stillWorks();
  });
});
