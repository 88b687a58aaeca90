import { describe, expect, it } from 'vitest';
import {
  isSinglePut,
  MAX_PARTS,
  partSizeFor,
  planParts,
} from '../../../src-main/core/transfers/part-plan';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('part planning', () => {
  it('uses the configured part size for ordinary files', () => {
    expect(partSizeFor(100 * MiB, 8)).toBe(8 * MiB);
    expect(partSizeFor(100 * MiB, 16)).toBe(16 * MiB);
  });

  it('never goes below S3 minimum of 5 MiB', () => {
    expect(partSizeFor(100 * MiB, 1)).toBe(5 * MiB);
  });

  it('grows the part size so a 100 GiB file fits in 10,000 parts, in whole MiB', () => {
    const size = 100 * GiB;
    const partSize = partSizeFor(size, 8);
    expect(partSize % MiB).toBe(0);
    expect(partSize).toBe(11 * MiB); // ceil(100 GiB / 10,000) = 10.24 MiB → 11 MiB
    const parts = planParts(size, partSize);
    expect(parts.length).toBeLessThanOrEqual(MAX_PARTS);
    expect(parts.length).toBe(Math.ceil(size / partSize));
    expect(parts.reduce((sum, p) => sum + p.length, 0)).toBe(size);
  });

  it('cuts parts back to back with a shorter last part', () => {
    const parts = planParts(20 * MiB + 3, 8 * MiB);
    expect(parts.map((p) => [p.partNumber, p.offset, p.length])).toEqual([
      [1, 0, 8 * MiB],
      [2, 8 * MiB, 8 * MiB],
      [3, 16 * MiB, 4 * MiB + 3],
    ]);
  });

  it('sends files smaller than one part with a single PutObject', () => {
    expect(isSinglePut(0, 8 * MiB)).toBe(true);
    expect(isSinglePut(8 * MiB - 1, 8 * MiB)).toBe(true);
    expect(isSinglePut(8 * MiB, 8 * MiB)).toBe(false);
  });

  it('refuses a plan over 10,000 parts', () => {
    expect(() => planParts(10_001 * 5 * MiB, 5 * MiB)).toThrow(RangeError);
  });
});
