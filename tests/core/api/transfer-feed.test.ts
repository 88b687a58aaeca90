import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TransferItemView, TransfersDelta } from '../../../src-main/contract/views';
import { startTransferFeed } from '../../../src-main/core/api/transfer-feed';
import { TypedEmitter, type TransferEvents } from '../../../src-main/core/transfers/events';

// A stand-in engine: the feed only needs the engine's events and its deltas.
function fakeEngine() {
  const events = new TypedEmitter<TransferEvents>();
  let pending: TransferItemView[] = [];
  let seq = 41;
  let known = 0;
  const takeDelta = (): TransfersDelta => {
    const upserts = pending;
    pending = [];
    known += upserts.length;
    seq += 1;
    const total = { size: known, sentBytes: 0, active: known, completed: 0, failed: 0 };
    return { seq, upserts, removed: [], total };
  };
  const add = (item: TransferItemView) => {
    pending.push(item);
    events.emit('itemAdded', item);
  };
  const engine = { on: events.on.bind(events), takeDelta };
  return { events, add, engine };
}

const item = (id: string) => ({ id, state: 'queued' }) as unknown as TransferItemView;

afterEach(() => vi.useRealTimers());

describe('transfer feed', () => {
  it('sends a 1,000-file enqueue as a couple of numbered deltas that add up to every file', () => {
    vi.useFakeTimers();
    const { add, engine } = fakeEngine();
    const sent: TransfersDelta[] = [];
    const feed = startTransferFeed(engine, (d) => sent.push(d), 100);
    for (let i = 0; i < 1000; i++) add(item(`t${i}`));
    // The first change after idle goes out at once; the rest wait for one trailing delta.
    expect(sent.length).toBe(1);
    vi.advanceTimersByTime(100);
    expect(sent.length).toBe(2);
    expect(sent.flatMap((d) => d.upserts.map((i) => i.id))).toEqual(
      Array.from({ length: 1000 }, (_, i) => `t${i}`),
    );
    expect(sent.map((d) => d.seq)).toEqual([42, 43]);
    expect(sent.at(-1)?.total.active).toBe(1000);
    vi.advanceTimersByTime(1000);
    expect(sent.length).toBe(2);
    feed.stop();
  });

  it('sends a clear (removed ids) like any other change', () => {
    vi.useFakeTimers();
    const { events, engine } = fakeEngine();
    const sent: TransfersDelta[] = [];
    const feed = startTransferFeed(engine, (d) => sent.push(d), 100);
    events.emit('removed', { ids: ['a', 'b'] });
    expect(sent.length).toBe(1);
    feed.stop();
  });

  it('sends nothing after it is stopped', () => {
    vi.useFakeTimers();
    const { events, engine } = fakeEngine();
    const sent: TransfersDelta[] = [];
    const feed = startTransferFeed(engine, (d) => sent.push(d), 100);
    events.emit('stateChanged', item('a'));
    events.emit('stateChanged', item('a'));
    feed.stop();
    vi.advanceTimersByTime(1000);
    events.emit('stateChanged', item('a'));
    feed.flush();
    expect(sent.length).toBe(1);
  });
});
