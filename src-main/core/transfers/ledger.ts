import type {
  TransferItemView,
  TransferState,
  TransfersDelta,
  TransfersTotal,
} from '../../contract/views';
import { BUSY, itemSize, toView, type TransferItem } from './item';
import { etaSeconds, type ProgressMeter } from './progress';

/** What an item adds to the totals, as last counted. */
interface Counted {
  state: TransferState;
  size: number;
  sent: number;
}

const STATES: readonly TransferState[] = [
  'queued',
  'uploading',
  'paused',
  'conflict',
  'completed',
  'skipped',
  'failed',
  'cancelled',
];

/** Skipped and cancelled items do not count toward the queue's size. */
const counts = (state: TransferState) => state !== 'skipped' && state !== 'cancelled';

/**
 * The engine's bookkeeping, O(1) per change: items by id and by state, running totals, and the
 * ids changed since the last delta. A 10,000-file drop changes an item tens of thousands of
 * times; anything that scanned every item on each change made it quadratic.
 */
export class TransferLedger {
  /** Every item by id, in the order they joined. */
  readonly items = new Map<string, TransferItem>();
  private readonly counted = new Map<string, Counted>();
  private readonly byState = new Map<TransferState, Set<TransferItem>>(
    STATES.map((state) => [state, new Set()]),
  );
  private readonly sums = { size: 0, sent: 0, remaining: 0 };
  private dirty = new Set<string>();
  private removed = new Set<string>();
  /** The seq of the last delta taken; an engine starts past any earlier one's (see nextEpoch). */
  private seqNow = nextEpoch();

  /** The seq of the last delta taken (snapshots carry it so a client knows which delta is next). */
  get seq(): number {
    return this.seqNow;
  }

  /** Items in `state`, live (do not change states while iterating it). */
  inState(state: TransferState): ReadonlySet<TransferItem> {
    return this.byState.get(state) ?? new Set();
  }

  /** How many items are queued or uploading. */
  get busy(): number {
    return this.inState('queued').size + this.inState('uploading').size;
  }

  /** Adds an item (it goes out whole with the next delta). */
  add(item: TransferItem): void {
    this.items.set(item.id, item);
    this.removed.delete(item.id);
    this.refresh(item);
  }

  /** Counts an item again after its state, size or bytes changed, and marks it changed. */
  refresh(item: TransferItem): void {
    // A forgotten item stays forgotten, whatever a late event of its last run says.
    if (this.items.get(item.id) !== item) return;
    this.recount(item);
    this.dirty.add(item.id);
  }

  /** refresh() by id; nothing when the item is gone. */
  refreshId(id: string): void {
    const item = this.items.get(id);
    if (item) this.refresh(item);
  }

  // Like refresh, without marking the item changed (its view goes out with its next change or tick).
  private recount(item: TransferItem): void {
    const before = this.counted.get(item.id);
    if (before) this.count(before, -1);
    if (before?.state !== item.state) {
      if (before) this.byState.get(before.state)?.delete(item);
      this.byState.get(item.state)?.add(item);
    }
    const now = { state: item.state, size: itemSize(item), sent: item.meter.sentBytes };
    this.counted.set(item.id, now);
    this.count(now, 1);
  }

  /** Forgets an item; the next delta lists its id as removed. */
  remove(item: TransferItem): void {
    const before = this.counted.get(item.id);
    if (!before) return;
    this.count(before, -1);
    this.byState.get(before.state)?.delete(item);
    this.counted.delete(item.id);
    this.items.delete(item.id);
    this.dirty.delete(item.id);
    this.removed.add(item.id);
  }

  private count(entry: Counted, sign: 1 | -1): void {
    if (counts(entry.state)) {
      this.sums.size += sign * entry.size;
      this.sums.sent += sign * entry.sent;
    }
    if (BUSY.has(entry.state)) this.sums.remaining += sign * (entry.size - entry.sent);
  }

  /** Totals over every item still relevant, with the queue's speed from `meter`. */
  total(meter: ProgressMeter): TransfersTotal {
    // Bytes move without events between ticks: recount the few running items, not all of them.
    for (const item of [...this.inState('uploading')]) this.recount(item);
    const active = this.busy;
    const total: TransfersTotal = {
      size: this.sums.size,
      sentBytes: this.sums.sent,
      active,
      completed: this.inState('completed').size,
      failed: this.inState('failed').size,
    };
    const speed = meter.speed();
    if (active > 0 && speed !== undefined) {
      total.speed = speed;
      const eta = etaSeconds(this.sums.remaining, speed);
      if (eta !== undefined) total.etaSeconds = eta;
    }
    return total;
  }

  /** Every item's view, recounting each (a snapshot is O(n) anyway, so it also heals any drift). */
  views(): TransferItemView[] {
    const views: TransferItemView[] = [];
    for (const item of [...this.items.values()]) {
      this.recount(item);
      views.push(toView(item));
    }
    return views;
  }

  /** The changes since the last delta, as the next delta; starts a new round. */
  takeDelta(meter: ProgressMeter): TransfersDelta {
    const upserts: TransferItemView[] = [];
    for (const id of this.dirty) {
      const item = this.items.get(id);
      if (item) upserts.push(toView(item));
    }
    const removed = [...this.removed];
    this.dirty = new Set();
    this.removed = new Set();
    this.seqNow += 1;
    return { seq: this.seqNow, upserts, removed, total: this.total(meter) };
  }
}

let lastEpoch = 0;

/**
 * A starting seq past every earlier engine's in this process (and, being time based, past an
 * earlier process's): a window that followed the previous session's engine sees a gap, not a
 * follow-on delta, and asks for a snapshot instead of mixing two queues.
 */
function nextEpoch(): number {
  lastEpoch = Math.max(Date.now() * 1000, lastEpoch + 1_000_000);
  return lastEpoch;
}
