import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibraryWorld, type LibraryWorld } from './world';

describe('deleting', () => {
  let world: LibraryWorld;
  beforeAll(async () => {
    world = await startLibraryWorld();
  });
  afterAll(() => world.dispose());

  const namesIn = async (path: string) =>
    (await world.library.list({ location: 'photos', path })).objects.map((o) => o.name);

  it('refuses a read-only location as a whole, with a code the UI can translate', async () => {
    const key = await world.put('archive/2020/old.jpg', 'old');
    await expect(world.library.delete({ location: 'archive', keys: [key] })).rejects.toMatchObject({
      code: 'library.readOnlyLocation',
      params: { location: 'archive' },
    });
    expect(world.requests('DeleteObjects') + world.requests('DeleteObject')).toBe(0);
    expect(await namesIn('archive/2020/')).toEqual(['old.jpg']);
  });

  it('deletes in a readwrite location and reports each key it could not delete', async () => {
    const a = await world.put('del/a.jpg', 'a');
    const b = await world.put('del/b.jpg', 'b');
    const ctrl = await world.put('del/c\u0001.jpg', 'c');
    const outside = 'team/not-mine.jpg';
    const progress: number[] = [];
    const result = await world.library.delete({
      location: 'photos',
      keys: [a, b, ctrl, outside],
      onProgress: (done) => progress.push(done),
    });
    expect(result.deleted.sort()).toEqual([a, b, ctrl].sort());
    expect(result.failed).toEqual([
      expect.objectContaining({ key: outside, code: 'library.outsideLocation' }),
    ]);
    expect(progress.at(-1)).toBe(4);
    expect(await namesIn('del/')).toEqual([]);
  });

  it('reports the keys S3 refuses one by one (a location outside the identity prefix)', async () => {
    const misconfigured = world.reopen({
      locations: [{ name: 'team', bucket: 'hakobu-demo', prefix: 'team/', access: 'readwrite' }],
    });
    const result = await misconfigured.library.delete({
      location: 'team',
      keys: ['team/a.jpg', 'team/b.jpg'],
    });
    expect(result.deleted).toEqual([]);
    expect(result.failed.map((f) => [f.key, f.code])).toEqual([
      ['team/a.jpg', 'library.accessDenied'],
      ['team/b.jpg', 'library.accessDenied'],
    ]);
    expect(result.failed[0]?.message).toContain('identity ID');
    misconfigured.library.dispose();
  });

  it('sends at most 1,000 keys per DeleteObjects request', async () => {
    const relative = Array.from(
      { length: 1005 },
      (_, i) => `bulk/${String(i).padStart(4, '0')}.jpg`,
    );
    await world.putMany(relative);
    const before = world.requests('DeleteObjects');
    const keys = relative.map((r) => `${world.identityId}/${r}`);
    const result = await world.library.delete({ location: 'photos', keys });
    expect(result.deleted).toHaveLength(1005);
    expect(result.failed).toEqual([]);
    expect(world.requests('DeleteObjects') - before).toBe(2);
    expect(await namesIn('bulk/')).toEqual([]);
  });
});
