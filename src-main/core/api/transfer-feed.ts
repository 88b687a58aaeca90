import type { EventChannels } from '../../contract/channels';
import type { TransferEngine } from '../transfers/engine';

/** How often, at most, a full transfers snapshot goes out while the queue keeps changing. */
export const TRANSFER_FEED_INTERVAL_MS = 150;

export interface TransferFeed {
  /** Stops the timer; a pending change is dropped (the session is going away). */
  stop(): void;
}

/**
 * Coalesces the engine's per-item events into at most one 'transfers.changed' every interval.
 * Each snapshot is O(n), so emitting one per itemAdded made a 10,000-file drop O(n²);
 * the first change after idle still goes out at once so a single click feels immediate,
 * and a trailing emit guarantees the last state is always seen.
 */
export function startTransferFeed(
  engine: Pick<TransferEngine, 'on' | 'snapshot'>,
  emit: (snapshot: EventChannels['transfers.changed']) => void,
  intervalMs = TRANSFER_FEED_INTERVAL_MS,
): TransferFeed {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let stopped = false;

  const flush = () => {
    timer = undefined;
    if (stopped || !dirty) return;
    dirty = false;
    emit(engine.snapshot());
    // Keep the window open: changes arriving during it wait for the next tick.
    timer = setTimeout(flush, intervalMs);
  };
  const changed = () => {
    if (stopped) return;
    dirty = true;
    if (!timer) flush();
  };

  engine.on('itemAdded', changed);
  engine.on('stateChanged', changed);
  engine.on('progress', changed);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
