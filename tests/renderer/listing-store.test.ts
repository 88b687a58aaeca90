import { describe, expect, it } from 'vitest';
import { HakobuError } from '../../src-main/contract/api';
import type { LibraryObjectView, LibraryPage } from '../../src-main/contract/views';
import { ListingStore } from '../../src-renderer/features/library/listing-store';

const object = (key: string): LibraryObjectView => ({
  key,
  name: key,
  size: 1,
  lastModified: '2026-01-01T00:00:00Z',
  isImage: true,
});

/** A folder served in pages of `pageSize`, as library.list would (keys sorted, opaque tokens). */
function folder(keys: string[], pageSize: number, folders: string[] = []) {
  const calls: (string | undefined)[] = [];
  const state = { keys: [...keys].sort() };
  const fetchPage = async (nextToken?: string): Promise<LibraryPage> => {
    calls.push(nextToken);
    const start = nextToken ? Number(nextToken) : 0;
    const end = start + pageSize;
    return {
      location: 'Photos',
      path: '',
      folders: start === 0 ? folders : [],
      objects: state.keys.slice(start, end).map(object),
      ...(end < state.keys.length ? { nextToken: String(end) } : {}),
    };
  };
  return { calls, state, fetchPage };
}

const keysOf = (store: ListingStore) => store.getSnapshot().objects.map((o) => o.key);

describe('ListingStore', () => {
  it('pages on demand and stops at the last page', async () => {
    const source = folder(['a', 'b', 'c', 'd', 'e'], 2, ['trip/']);
    const store = new ListingStore(source.fetchPage);
    expect(store.getSnapshot()).toMatchObject({ loaded: false, hasMore: true });
    await store.loadMore();
    expect(keysOf(store)).toEqual(['a', 'b']);
    expect(store.getSnapshot().folders).toEqual(['trip/']);
    await store.loadMore();
    await store.loadMore();
    expect(keysOf(store)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(store.getSnapshot()).toMatchObject({ loaded: true, hasMore: false, loading: false });
    await store.loadMore();
    expect(source.calls).toEqual([undefined, '2', '4']);
  });

  it('asks for each page once, however often scrolling asks', async () => {
    const source = folder(['a', 'b', 'c'], 2);
    const store = new ListingStore(source.fetchPage);
    await Promise.all([store.loadMore(), store.loadMore(), store.loadMore()]);
    expect(source.calls).toEqual([undefined]);
  });

  it('shows new uploads in place when refreshed, without losing pages already loaded', async () => {
    const source = folder(['a', 'c', 'e', 'g', 'i', 'k'], 2);
    const store = new ListingStore(source.fetchPage);
    await store.loadMore();
    await store.loadMore();
    expect(keysOf(store)).toEqual(['a', 'c', 'e', 'g']);
    source.state.keys = ['a', 'b', 'c', 'e', 'f', 'g', 'i', 'k'];
    await store.refresh();
    // b and f appear in key order; the listing still reaches past g, and paging resumes after it.
    expect(keysOf(store)).toEqual(['a', 'b', 'c', 'e', 'f', 'g']);
    await store.loadMore();
    expect(keysOf(store)).toEqual(['a', 'b', 'c', 'e', 'f', 'g', 'i', 'k']);
    expect(store.getSnapshot().hasMore).toBe(false);
  });

  it('keeps an error for the UI, and tries again only when asked', async () => {
    let fail = true;
    const source = folder(['a'], 10);
    const store = new ListingStore(async (token) => {
      if (fail) throw new HakobuError('identity.throttled', 'Too many requests.');
      return source.fetchPage(token);
    });
    await store.loadMore();
    expect(store.getSnapshot().error).toEqual({
      code: 'identity.throttled',
      message: 'Too many requests.',
    });
    fail = false;
    await store.loadMore(); // a failed listing does not retry on its own
    expect(keysOf(store)).toEqual([]);
    await store.retry();
    expect(keysOf(store)).toEqual(['a']);
    expect(store.getSnapshot().error).toBeNull();
  });

  it('drops deleted objects and tells subscribers', async () => {
    const store = new ListingStore(folder(['a', 'b'], 10).fetchPage);
    await store.loadMore();
    let notified = 0;
    const off = store.subscribe(() => notified++);
    store.remove(['a']);
    off();
    store.remove(['b']);
    expect(notified).toBe(1);
    expect(keysOf(store)).toEqual([]);
  });
});
