import type {
  TransferItemView,
  TransferState,
  TransfersDelta,
  TransfersSnapshot,
  TransfersTotal,
} from '../../../src-main/contract/views';

/** How many items are in each state. */
export type StateCounts = Record<TransferState, number>;

/** The transfer list as the window shows it: items by id, their order, and counts per state. */
export interface TransfersView {
  /** The seq of the last delta (or snapshot) applied. */
  seq: number;
  /** Item ids in list order; a new array only when items join or leave. */
  ids: readonly string[];
  /** Unchanged items keep their object, so memoized rows skip them. */
  byId: ReadonlyMap<string, TransferItemView>;
  total: TransfersTotal;
  counts: Readonly<StateCounts>;
  /** The whole list as a snapshot; its items are built on first use. */
  readonly snapshot: TransfersSnapshot;
}

/** 'resync': the caller must fetch a snapshot and give it to reset (or call resyncFailed). */
export type DeltaOutcome = 'ok' | 'resync';

const noCounts = (): StateCounts => ({
  queued: 0,
  uploading: 0,
  paused: 0,
  conflict: 0,
  completed: 0,
  skipped: 0,
  failed: 0,
  cancelled: 0,
});

function viewOf(
  seq: number,
  ids: readonly string[],
  byId: ReadonlyMap<string, TransferItemView>,
  total: TransfersTotal,
  counts: StateCounts,
): TransfersView {
  let items: TransferItemView[] | undefined;
  // Readers of the totals alone (the header) never pay for the list.
  const snapshot: TransfersSnapshot = {
    seq,
    total,
    get items() {
      items ??= ids.flatMap((id) => byId.get(id) ?? []);
      return items;
    },
  };
  return { seq, ids, byId, total, counts: { ...counts }, snapshot };
}

/**
 * The window's copy of the transfer list, kept by 'transfers.changed' deltas in O(changed) each.
 * A delta whose seq does not follow the last one means events were missed (a reconnect, a new
 * session): the store asks for a snapshot and keeps later deltas until it arrives.
 */
export class TransferStore {
  private view: TransfersView | null = null;
  private byId = new Map<string, TransferItemView>();
  private ids: string[] = [];
  private counts = noCounts();
  /** Deltas that came while a snapshot was on its way, replayed after it. */
  private waiting: TransfersDelta[] = [];
  private resyncing = false;

  /** The list now, or null before the first snapshot. */
  current(): TransfersView | null {
    return this.view;
  }

  /** Applies a delta if it follows the last seq; 'resync' asks the caller for a snapshot. */
  applyDelta(delta: TransfersDelta): DeltaOutcome {
    if (this.resyncing) {
      this.waiting.push(delta);
      return 'ok';
    }
    if (!this.view || delta.seq !== this.view.seq + 1) {
      this.waiting = [delta];
      return this.beginResync();
    }
    this.merge(delta);
    return 'ok';
  }

  /** Marks a snapshot as wanted (at start, after a reconnect); 'ok' when one is already on its way. */
  beginResync(): DeltaOutcome {
    if (this.resyncing) return 'ok';
    this.resyncing = true;
    return 'resync';
  }

  /** The snapshot could not be fetched: the next delta (or beginResync) tries again. */
  resyncFailed(): void {
    this.resyncing = false;
    this.waiting = [];
  }

  /**
   * Replaces everything with a snapshot asked for after a gap (or at start), then replays the
   * deltas that came meanwhile and follow it; 'resync' again if there is still a gap.
   */
  reset(snapshot: TransfersSnapshot): DeltaOutcome {
    this.byId = new Map(snapshot.items.map((item) => [item.id, item]));
    this.ids = snapshot.items.map((item) => item.id);
    this.counts = noCounts();
    for (const item of snapshot.items) this.counts[item.state]++;
    this.publish(snapshot.seq, snapshot.total, true);
    this.resyncing = false;
    const later = this.waiting.filter((delta) => delta.seq > snapshot.seq);
    this.waiting = [];
    for (const [index, delta] of later.entries()) {
      if (this.applyDelta(delta) === 'resync') {
        this.waiting = later.slice(index);
        return 'resync';
      }
    }
    return 'ok';
  }

  /** Takes a snapshot a command returned, unless the list already moved past it. */
  offer(snapshot: TransfersSnapshot): void {
    if (this.resyncing || (this.view && snapshot.seq < this.view.seq)) return;
    this.reset(snapshot);
  }

  private merge(delta: TransfersDelta): void {
    let reordered = false;
    for (const item of delta.upserts) {
      const before = this.byId.get(item.id);
      if (before) this.counts[before.state]--;
      else {
        this.ids.push(item.id);
        reordered = true;
      }
      this.counts[item.state]++;
      this.byId.set(item.id, item);
    }
    if (delta.removed.length > 0) {
      const gone = new Set(delta.removed.filter((id) => this.byId.has(id)));
      for (const id of gone) {
        const before = this.byId.get(id);
        if (before) this.counts[before.state]--;
        this.byId.delete(id);
      }
      if (gone.size > 0) {
        this.ids = this.ids.filter((id) => !gone.has(id));
        reordered = true;
      }
    }
    this.publish(delta.seq, delta.total, reordered);
  }

  // A new view object per change (React sees it); the id list is copied only when it changed.
  private publish(seq: number, total: TransfersTotal, reordered: boolean): void {
    const ids = reordered || !this.view ? [...this.ids] : this.view.ids;
    this.view = viewOf(seq, ids, this.byId, total, this.counts);
  }
}
