import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PARALLEL_TRANSFERS,
  MAX_PARTS_PER_FILE,
  parallelTransfers,
  partsPerFile,
} from '../../../src-main/core/transfers/budget';

// The one "parallel transfers" setting: what the engine ends up using for each kind of config.

afterEach(() => {
  delete process.env.HAKOBU_PARALLEL_TRANSFERS;
});

describe('parallel transfers', () => {
  it('is the default when nothing sets it', () => {
    expect(parallelTransfers({})).toBe(DEFAULT_PARALLEL_TRANSFERS);
    expect(DEFAULT_PARALLEL_TRANSFERS).toBe(32);
  });

  it('is what the config says', () => {
    expect(parallelTransfers({ parallelTransfers: 12 })).toBe(12);
  });

  it('stays under the product of an old config’s concurrency and partConcurrency', () => {
    expect(parallelTransfers({ concurrency: 1 })).toBe(1);
    expect(parallelTransfers({ concurrency: 3, partConcurrency: 4 })).toBe(12);
    expect(parallelTransfers({ parallelTransfers: 6, concurrency: 3, partConcurrency: 4 })).toBe(6);
  });

  it('takes HAKOBU_PARALLEL_TRANSFERS for a benchmark sweep, within 1-64 only', () => {
    process.env.HAKOBU_PARALLEL_TRANSFERS = '48';
    expect(parallelTransfers({ parallelTransfers: 4 })).toBe(48);
    process.env.HAKOBU_PARALLEL_TRANSFERS = '65';
    expect(parallelTransfers({ parallelTransfers: 4 })).toBe(4);
  });

  it('sends at most eight parts of one file at once, fewer when the budget is smaller', () => {
    expect(MAX_PARTS_PER_FILE).toBe(8);
    expect(partsPerFile(32)).toBe(8);
    expect(partsPerFile(3)).toBe(3);
  });
});
