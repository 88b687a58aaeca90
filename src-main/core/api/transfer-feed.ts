import type { EventChannels } from '../../contract/channels';
import type { TransferEngine } from '../transfers/engine';

/** How often, at most, a transfers delta goes out while the queue keeps changing. */
export const TRANSFER_FEED_INTERVAL_MS = 150;

export interface TransferFeed {
  /** Sends what changed now (if anything did), e.g. right after a new engine restored its queue. */
  flush(): void;
  /** Stops the timer; a pending change is dropped (the session is going away). */
  stop(): void;
}

/**
 * Coalesces the engine's per-item events into at most one 'transfers.changed' every interval,
 * each carrying only the items changed since the previous one (the engine keeps them as it goes),
 * so a 10,000-file drop costs O(changed) per emit instead of a full snapshot each time.
 * The first change after idle still goes out at once so a single click feels immediate,
 * and a trailing emit guarantees the last state is always seen.
 */
export function startTransferFeed(
  engine: Pick<TransferEngine, 'on' | 'takeDelta'>,
  emit: (delta: EventChannels['transfers.changed']) => void,
  intervalMs = TRANSFER_FEED_INTERVAL_MS,
): TransferFeed {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let stopped = false;

  const send = () => {
    dirty = false;
    emit(engine.takeDelta());
  };
  const tick = () => {
    timer = undefined;
    if (stopped || !dirty) return;
    send();
    // Keep the window open: changes arriving during it wait for the next tick.
    timer = setTimeout(tick, intervalMs);
  };
  const changed = () => {
    if (stopped) return;
    dirty = true;
    if (!timer) tick();
  };

  const unsubscribe = [
    engine.on('itemAdded', changed),
    engine.on('stateChanged', changed),
    engine.on('progress', changed),
    engine.on('removed', changed),
  ];
  return {
    flush() {
      if (!stopped) send();
    },
    stop() {
      stopped = true;
      for (const off of unsubscribe) off();
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
