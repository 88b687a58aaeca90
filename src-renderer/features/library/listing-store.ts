import type { LibraryObjectView, LibraryPage, UserError } from '../../../src-main/contract/views';
import { toUserError } from '../../i18n/errors';

export interface ListingSnapshot {
  folders: readonly string[];
  objects: readonly LibraryObjectView[];
  /** More pages wait behind a nextToken. */
  hasMore: boolean;
  loading: boolean;
  /** The first page has arrived (so an empty list means an empty folder). */
  loaded: boolean;
  error: UserError | null;
}

const initial: ListingSnapshot = {
  folders: [],
  objects: [],
  hasMore: true,
  loading: false,
  loaded: false,
  error: null,
};

/**
 * One folder's listing, paged on demand. Loads run one at a time (a refresh never interleaves with
 * a page load), and React reads it through useSyncExternalStore.
 */
export class ListingStore {
  private snapshot: ListingSnapshot = initial;
  private nextToken: string | undefined;
  private pageQueued = false;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly fetchPage: (nextToken?: string) => Promise<LibraryPage>) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ListingSnapshot => this.snapshot;

  /** Fetches the next page, unless one is already on its way, the last page is in, or it failed. */
  loadMore(): Promise<void> {
    const { hasMore, error } = this.snapshot;
    if (this.pageQueued || !hasMore || error) return this.queue;
    this.pageQueued = true;
    return this.run(async () => {
      try {
        // A refresh that ran first may have reached the end already.
        if (!this.snapshot.hasMore) return;
        const page = await this.fetchPage(this.nextToken);
        this.nextToken = page.nextToken;
        this.set({
          folders: mergeFolders(this.snapshot.folders, page.folders),
          objects: [...this.snapshot.objects, ...page.objects],
          hasMore: page.nextToken !== undefined,
          loaded: true,
        });
      } finally {
        this.pageQueued = false;
      }
    });
  }

  /** Clears a failed load so the next loadMore tries again. */
  retry(): Promise<void> {
    this.set({ error: null });
    return this.loadMore();
  }

  /**
   * Re-lists everything loaded so far (new uploads appear in place, in S3's key order). Pages past
   * the last loaded key are left for scrolling to fetch, as before.
   */
  refresh(): Promise<void> {
    return this.run(async () => {
      const lastKey = this.snapshot.loaded ? this.snapshot.objects.at(-1)?.key : undefined;
      let folders: readonly string[] = [];
      const objects: LibraryObjectView[] = [];
      let token: string | undefined;
      do {
        const page = await this.fetchPage(token);
        folders = mergeFolders(folders, page.folders);
        objects.push(...page.objects);
        token = page.nextToken;
      } while (
        token !== undefined &&
        lastKey !== undefined &&
        (objects.at(-1)?.key ?? '') < lastKey
      );
      this.nextToken = token;
      this.set({ folders, objects, hasMore: token !== undefined, loaded: true });
    });
  }

  /** Drops deleted objects from the listing without a round trip. */
  remove(keys: readonly string[]): void {
    const gone = new Set(keys);
    this.set({ objects: this.snapshot.objects.filter((object) => !gone.has(object.key)) });
  }

  private run(load: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(async () => {
      this.set({ loading: true });
      try {
        await load();
        this.set({ loading: false, error: null });
      } catch (error) {
        this.set({ loading: false, error: toUserError(error) });
      }
    });
    return this.queue;
  }

  private set(patch: Partial<ListingSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function mergeFolders(known: readonly string[], more: readonly string[]): readonly string[] {
  const seen = new Set(known);
  return [...known, ...more.filter((folder) => !seen.has(folder))];
}
