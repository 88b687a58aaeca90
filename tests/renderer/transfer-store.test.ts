import { describe, expect, it } from 'vitest';
import type {
  TransferItemView,
  TransferState,
  TransfersDelta,
  TransfersSnapshot,
} from '../../src-main/contract/views';
import { bulkFromCounts } from '../../src-renderer/features/transfers/transfer-actions';
import { TransferStore } from '../../src-renderer/features/transfers/transfer-store';

const total = { size: 0, sentBytes: 0, active: 0, completed: 0, failed: 0 };
const item = (id: string, state: TransferState = 'queued', sentBytes = 0): TransferItemView => ({
  id,
  name: `${id}.jpg`,
  location: 'main',
  key: `u/${id}.jpg`,
  size: 100,
  sentBytes,
  state,
});
const snapshot = (seq: number, items: TransferItemView[]): TransfersSnapshot => ({
  seq,
  items,
  total,
});
const delta = (
  seq: number,
  upserts: TransferItemView[],
  removed: string[] = [],
): TransfersDelta => ({
  seq,
  upserts,
  removed,
  total,
});
const states = (store: TransferStore) =>
  store.current()?.snapshot.items.map((i) => `${i.id}:${i.state}`);

describe('transfer store', () => {
  it('asks for a snapshot first, then applies deltas that follow it', () => {
    const store = new TransferStore();
    expect(store.applyDelta(delta(5, [item('a')]))).toBe('resync');
    expect(store.reset(snapshot(5, [item('a'), item('b')]))).toBe('ok');
    expect(store.applyDelta(delta(6, [item('a', 'uploading', 40), item('c')]))).toBe('ok');
    expect(states(store)).toEqual(['a:uploading', 'b:queued', 'c:queued']);
    expect(store.current()?.counts).toMatchObject({ queued: 2, uploading: 1 });
  });

  it('after a gap in seq, resyncs through a snapshot and replays the deltas that came meanwhile', () => {
    const store = new TransferStore();
    store.reset(snapshot(10, [item('a'), item('b')]));
    // Delta 11 was missed (a reconnect): 12 must not be applied on top of 10.
    expect(store.applyDelta(delta(12, [item('b', 'completed')]))).toBe('resync');
    expect(states(store)).toEqual(['a:queued', 'b:queued']);
    // Delta 13 arrives before the snapshot answer; the snapshot already includes 12.
    expect(store.applyDelta(delta(13, [item('a', 'completed')]))).toBe('ok');
    expect(store.reset(snapshot(12, [item('a', 'uploading'), item('b', 'completed')]))).toBe('ok');
    expect(states(store)).toEqual(['a:completed', 'b:completed']);
    expect(store.current()?.seq).toBe(13);
    expect(store.applyDelta(delta(14, [], ['a']))).toBe('ok');
    expect(states(store)).toEqual(['b:completed']);
  });

  it('keeps the object of every item a delta did not touch, so their rows do not render again', () => {
    const store = new TransferStore();
    store.reset(snapshot(1, [item('a'), item('b')]));
    const before = store.current();
    store.applyDelta(delta(2, [item('b', 'uploading', 10)]));
    const after = store.current();
    expect(after).not.toBe(before);
    expect(after?.byId.get('a')).toBe(before?.snapshot.items[0]);
    expect(after?.ids).toBe(before?.ids);
  });

  it('ignores a command result older than what it already shows', () => {
    const store = new TransferStore();
    store.reset(snapshot(1, [item('a')]));
    store.applyDelta(delta(2, [item('a', 'completed')]));
    store.offer(snapshot(1, [item('a', 'uploading')]));
    expect(states(store)).toEqual(['a:completed']);
    store.offer(snapshot(2, [item('a', 'completed'), item('b')]));
    expect(states(store)).toEqual(['a:completed', 'b:queued']);
  });

  it('tries again with the next delta when a snapshot could not be fetched', () => {
    const store = new TransferStore();
    store.reset(snapshot(1, []));
    expect(store.applyDelta(delta(3, [item('a')]))).toBe('resync');
    store.resyncFailed();
    expect(store.applyDelta(delta(4, [item('a')]))).toBe('resync');
  });
});

describe('bulk commands from the store counts', () => {
  it('offers what the list holds, without looking at every item', () => {
    const store = new TransferStore();
    store.reset(snapshot(1, [item('a', 'failed'), item('b', 'paused'), item('c', 'completed')]));
    const counts = store.current()?.counts;
    expect(counts && bulkFromCounts(counts)).toEqual({
      canPause: false,
      canResume: true,
      canCancel: true,
      canRetry: true,
      canClear: true,
    });
    store.applyDelta(delta(2, [item('b', 'uploading')], ['a', 'c']));
    const after = store.current()?.counts;
    expect(after && bulkFromCounts(after)).toMatchObject({
      canPause: true,
      canResume: false,
      canRetry: false,
      canClear: false,
    });
  });
});
