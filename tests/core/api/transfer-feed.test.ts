import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TransferItemView, TransfersSnapshot } from '../../../src-main/contract/views';
import { startTransferFeed } from '../../../src-main/core/api/transfer-feed';
import { TypedEmitter, type TransferEvents } from '../../../src-main/core/transfers/events';

// A stand-in engine: the feed only needs the engine's events and its snapshot.
function fakeEngine() {
  const events = new TypedEmitter<TransferEvents>();
  const items: TransferItemView[] = [];
  const snapshot = (): TransfersSnapshot => ({
    items: [...items],
    total: { size: items.length, sentBytes: 0, active: items.length, completed: 0, failed: 0 },
  });
  return {
    events,
    items,
    engine: { on: events.on.bind(events), snapshot } as Parameters<typeof startTransferFeed>[0],
  };
}

afterEach(() => vi.useRealTimers());

describe('transfer feed', () => {
  it('sends a 1,000-file enqueue as a couple of snapshots that end with every file', () => {
    vi.useFakeTimers();
    const { events, items, engine } = fakeEngine();
    const sent: TransfersSnapshot[] = [];
    const feed = startTransferFeed(engine, (s) => sent.push(s), 100);
    for (let i = 0; i < 1000; i++) {
      const item = { id: `t${i}`, state: 'queued' } as unknown as TransferItemView;
      items.push(item);
      events.emit('itemAdded', item);
    }
    // The first change after idle goes out at once; the rest wait for one trailing snapshot.
    expect(sent.length).toBe(1);
    vi.advanceTimersByTime(100);
    expect(sent.length).toBe(2);
    expect(sent.at(-1)?.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(sent.at(-1)?.total.active).toBe(1000);
    vi.advanceTimersByTime(1000);
    expect(sent.length).toBe(2);
    feed.stop();
  });

  it('sends nothing after it is stopped', () => {
    vi.useFakeTimers();
    const { events, engine } = fakeEngine();
    const sent: TransfersSnapshot[] = [];
    const feed = startTransferFeed(engine, (s) => sent.push(s), 100);
    events.emit('stateChanged', { id: 'a' } as unknown as TransferItemView);
    events.emit('stateChanged', { id: 'a' } as unknown as TransferItemView);
    feed.stop();
    vi.advanceTimersByTime(1000);
    events.emit('stateChanged', { id: 'a' } as unknown as TransferItemView);
    expect(sent.length).toBe(1);
  });
});
