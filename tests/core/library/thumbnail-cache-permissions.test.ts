// Finding 6 of issue 8: thumbnails show the user's private images, so only the user may read them.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ThumbnailCache } from '../../../src-main/core/library/thumbnail-cache';

const root = mkdtempSync(join(tmpdir(), 'hakobu-cache-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the thumbnail cache on disk', () => {
  it('creates its folders 0700 and its files 0600, whatever the umask', async () => {
    const dir = join(root, 'fresh', 'Cache', 'thumbnails');
    const cache = new ThumbnailCache(dir);
    const name = ThumbnailCache.fileName('bucket', 'photo.jpg', '"1"');
    const previous = process.umask(0o022);
    try {
      await cache.write(name, Buffer.from('webp bytes'));
    } finally {
      process.umask(previous);
    }
    expect([mode(join(root, 'fresh')), mode(join(root, 'fresh', 'Cache')), mode(dir)]).toEqual([
      0o700, 0o700, 0o700,
    ]);
    expect(mode(join(dir, name))).toBe(0o600);
  });

  it('makes a cache left readable by an earlier version private when it opens it', async () => {
    const dir = join(root, 'earlier');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const name = ThumbnailCache.fileName('bucket', 'old.jpg', '"1"');
    writeFileSync(join(dir, name), 'webp bytes');
    chmodSync(join(dir, name), 0o644);

    const cache = new ThumbnailCache(dir);
    expect((await cache.read(name))?.toString()).toBe('webp bytes');
    expect([mode(dir), mode(join(dir, name))]).toEqual([0o700, 0o600]);
  });
});
