import { describe, expect, it } from 'vitest';
import type { TransferState } from '../../../src-main/contract/views';
import type { TransferItem } from '../../../src-main/core/transfers/item';
import type { JournalRecord } from '../../../src-main/core/transfers/journal';
import { TransferLedger } from '../../../src-main/core/transfers/ledger';
import { ProgressMeter } from '../../../src-main/core/transfers/progress';

function item(id: string, size: number, state: TransferState = 'queued'): TransferItem {
  return {
    id,
    record: { fingerprint: { size } } as JournalRecord,
    name: `${id}.txt`,
    location: 'main',
    bucket: 'b',
    state,
    meter: new ProgressMeter(),
  };
}

describe('transfer ledger', () => {
  it('sends only the item that moved after 1,000 were queued, with totals over all of them', () => {
    const ledger = new TransferLedger();
    const items = Array.from({ length: 1000 }, (_, i) => item(`t${i}`, 100));
    for (const it of items) ledger.add(it);
    const first = ledger.takeDelta(new ProgressMeter());
    expect(first.upserts).toHaveLength(1000);
    expect(first.total).toMatchObject({ size: 100_000, sentBytes: 0, active: 1000 });

    const moving = items[7] as TransferItem;
    moving.state = 'uploading';
    moving.meter.add(40);
    ledger.refresh(moving);
    const next = ledger.takeDelta(new ProgressMeter());
    expect(next.seq).toBe(first.seq + 1);
    expect(next.upserts.map((v) => [v.id, v.state, v.sentBytes])).toEqual([
      ['t7', 'uploading', 40],
    ]);
    expect(next.removed).toEqual([]);
    expect(next.total).toMatchObject({ size: 100_000, sentBytes: 40, active: 1000, completed: 0 });
  });

  it('counts bytes of running items as they move, without a change to send', () => {
    const ledger = new TransferLedger();
    const running = item('a', 1000, 'uploading');
    ledger.add(running);
    ledger.takeDelta(new ProgressMeter());
    running.meter.add(600);
    const delta = ledger.takeDelta(new ProgressMeter());
    expect(delta.upserts).toEqual([]);
    expect(delta.total.sentBytes).toBe(600);
  });

  it('keeps counts per state and leaves skipped and cancelled items out of the size', () => {
    const ledger = new TransferLedger();
    const [a, b, c] = [item('a', 10), item('b', 20), item('c', 30)];
    for (const it of [a, b, c]) ledger.add(it);
    a.state = 'completed';
    a.meter.reset(10);
    b.state = 'skipped';
    c.state = 'failed';
    for (const it of [a, b, c]) ledger.refresh(it);
    const { total } = ledger.takeDelta(new ProgressMeter());
    expect(total).toMatchObject({ size: 40, sentBytes: 10, active: 0, completed: 1, failed: 1 });
    expect(ledger.busy).toBe(0);
    expect([...ledger.inState('failed')].map((i) => i.id)).toEqual(['c']);
  });

  it('lists removed items once, and forgets them in the totals', () => {
    const ledger = new TransferLedger();
    const [a, b] = [item('a', 10, 'completed'), item('b', 20)];
    ledger.add(a);
    ledger.add(b);
    ledger.takeDelta(new ProgressMeter());
    ledger.remove(a);
    // A late event of a forgotten item must not bring it back.
    ledger.refresh(a);
    const delta = ledger.takeDelta(new ProgressMeter());
    expect(delta.removed).toEqual(['a']);
    expect(delta.total).toMatchObject({ size: 20, completed: 0, active: 1 });
    expect(ledger.takeDelta(new ProgressMeter()).removed).toEqual([]);
    expect(ledger.views().map((v) => v.id)).toEqual(['b']);
  });

  it('starts each ledger past the seq of any earlier one, so a window following it resyncs', () => {
    const earlier = new TransferLedger();
    for (let i = 0; i < 5; i++) earlier.takeDelta(new ProgressMeter());
    expect(new TransferLedger().seq).toBeGreaterThan(earlier.seq + 1);
  });
});
