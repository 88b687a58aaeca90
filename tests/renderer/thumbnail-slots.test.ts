import { describe, expect, it } from 'vitest';
import { LoadSlots } from '../../src-renderer/features/library/thumbnail-slots';

describe('thumbnail load slots', () => {
  it('loads at most the limit at once and starts the next in order as one finishes', () => {
    const slots = new LoadSlots(2);
    const started: string[] = [];
    const done = ['a', 'b', 'c', 'd'].map((name) => slots.request(() => started.push(name)));
    expect(started).toEqual(['a', 'b']);
    done[0]?.();
    expect(started).toEqual(['a', 'b', 'c']);
    done[0]?.(); // twice frees nothing more
    expect(slots.counts).toEqual({ running: 2, waiting: 1 });
  });

  it('never starts a load whose tile left before its turn', () => {
    const slots = new LoadSlots(1);
    const started: string[] = [];
    const first = slots.request(() => started.push('first'));
    const scrolledPast = slots.request(() => started.push('scrolled past'));
    slots.request(() => started.push('in view'));
    scrolledPast();
    first();
    expect(started).toEqual(['first', 'in view']);
    expect(slots.counts).toEqual({ running: 1, waiting: 0 });
  });
});
