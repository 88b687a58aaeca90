import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatList,
  formatPercent,
  formatSpeed,
  wholePercent,
} from '../../src-renderer/i18n/format';

describe('formatBytes', () => {
  it('uses decimal units and the locale', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatBytes(12_345_678_901, 'en')).toBe('12 GB');
    expect(formatBytes(512, 'ja')).toBe('512 バイト');
    expect(formatBytes(1_500_000, 'ja')).toBe('1.5 MB');
  });

  it('moves to the next unit instead of printing "1,000 kB"', () => {
    expect(formatBytes(999_950, 'en')).toBe('1 MB');
    expect(formatBytes(999_499, 'en')).toBe('999 kB');
  });

  it('treats a negative size as nothing', () => {
    expect(formatBytes(-5, 'en')).toBe('0 bytes');
  });
});

describe('formatSpeed', () => {
  it('prints bytes per second in the locale', () => {
    expect(formatSpeed(12_300_000, 'en')).toBe('12 MB/s');
    expect(formatSpeed(2_400_000, 'ja')).toBe('2.4 MB/秒');
  });
});

describe('formatDuration', () => {
  it('shows at most two units, in each language its own way', () => {
    expect(formatDuration(45, 'en')).toBe('45s');
    expect(formatDuration(200, 'en')).toBe('3m 20s');
    expect(formatDuration(7_505, 'en')).toBe('2h 5m');
    expect(formatDuration(200, 'ja')).toBe('3 分 20 秒');
    expect(formatDuration(7_505, 'ja')).toBe('2 時間 5 分');
  });

  it('rounds and never goes below zero', () => {
    expect(formatDuration(59.6, 'en')).toBe('1m 0s');
    expect(formatDuration(-3, 'en')).toBe('0s');
  });
});

describe('formatPercent', () => {
  it('floors so that 100% means finished', () => {
    expect(formatPercent(999, 1000, 'en')).toBe('99%');
    expect(formatPercent(1000, 1000, 'en')).toBe('100%');
    expect(formatPercent(5, 0, 'en')).toBe('0%');
  });

  it('gives progress bars the same whole percentage, within 0–100', () => {
    expect(wholePercent(999, 1000)).toBe(99);
    expect(wholePercent(1000, 1000)).toBe(100);
    expect(wholePercent(2000, 1000)).toBe(100);
    expect(wholePercent(-5, 1000)).toBe(0);
    expect(wholePercent(5, 0)).toBe(0);
  });
});

describe('formatDateTime and formatCount', () => {
  it('formats per locale and passes through what is not a date', () => {
    const iso = '2026-11-23T03:04:00.000Z';
    expect(formatDateTime(iso, 'ja')).toMatch(/^2026\/11\/23 \d{1,2}:04$/);
    expect(formatDateTime(iso, 'en')).toMatch(/^Nov 23, 2026, \d{1,2}:04\s[AP]M$/);
    expect(formatDateTime('yesterday', 'en')).toBe('yesterday');
    expect(formatCount(10_000, 'en')).toBe('10,000');
  });
});

describe('formatList', () => {
  it('joins names as each language does', () => {
    expect(formatList(['Clock', 'Role'], 'en')).toBe('Clock and Role');
    expect(formatList(['時計', 'ロール', 'バケット'], 'ja')).toBe('時計、ロール、バケット');
    expect(formatList(['Role'], 'en')).toBe('Role');
  });
});
