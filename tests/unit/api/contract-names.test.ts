import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../src-main/contract/channels';
import { EVENT_NAMES, INVOKE_CHANNEL_NAMES } from '../../../src-main/contract/names';

describe('the preload name lists', () => {
  it('name exactly the contract channels, so the preload neither drops nor invents one', () => {
    expect([...INVOKE_CHANNEL_NAMES].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('have no duplicate events', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });
});
