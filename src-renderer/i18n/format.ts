// Numbers, sizes, speeds, durations and dates in the user's language, via Intl only.

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

const unit = (locale: string, name: string, display: 'short' | 'long' | 'narrow', digits = 0) =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: name,
    unitDisplay: display,
    maximumFractionDigits: digits,
  });

/** Picks the decimal unit that keeps the number under 1,000 once rounded (so never "1,000 kB"). */
function scale(bytes: number): { value: number; unitIndex: number; digits: number } {
  let value = bytes;
  let unitIndex = -1;
  for (;;) {
    const digits = value < 10 ? 1 : 0;
    const rounded = Number(value.toFixed(digits));
    if (rounded < 1000 || unitIndex === BYTE_UNITS.length - 1) return { value, unitIndex, digits };
    value /= 1000;
    unitIndex++;
  }
}

/** A file size such as "512 bytes", "1.5 MB" or "12 GB" (decimal units, as macOS and S3 show them). */
export function formatBytes(bytes: number, locale: string): string {
  const { value, unitIndex, digits } = scale(Math.max(0, bytes));
  if (unitIndex < 0) return unit(locale, 'byte', 'long').format(Math.round(value));
  return unit(locale, BYTE_UNITS[unitIndex] ?? 'petabyte', 'short', digits).format(value);
}

/** A transfer speed such as "12 MB/s". */
export function formatSpeed(bytesPerSecond: number, locale: string): string {
  const { value, unitIndex, digits } = scale(Math.max(0, bytesPerSecond));
  const name = unitIndex < 0 ? 'byte' : (BYTE_UNITS[unitIndex] ?? 'petabyte');
  return unit(locale, `${name}-per-second`, 'short', digits).format(value);
}

/** A remaining time such as "45s", "3m 20s" or "2h 5m" (two units at most: it is an estimate). */
export function formatDuration(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  // Japanese reads best as "3 分 20 秒"; English as "3m 20s".
  const display = locale.toLowerCase().startsWith('ja') ? 'short' : 'narrow';
  const parts: string[] = [];
  if (h > 0) parts.push(unit(locale, 'hour', display).format(h));
  if (h > 0 || m > 0) parts.push(unit(locale, 'minute', display).format(m));
  if (h === 0) parts.push(unit(locale, 'second', display).format(s));
  return parts.slice(0, 2).join(' ');
}

/** A point in time such as "Nov 23, 2026, 12:48 PM" or "2026/11/23 12:48". */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A whole number with the locale's grouping, such as "10,000". */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/**
 * The options of a counted message: `count` picks the plural form, `n` is the number as the
 * locale writes it (i18next would otherwise print the raw number).
 */
export function countOptions(count: number, locale: string): { count: number; n: string } {
  return { count, n: formatCount(count, locale) };
}

/** A share of a whole such as "42%"; 0 when the whole is empty. */
export function formatPercent(part: number, whole: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    wholePercent(part, whole) / 100,
  );
}

/** Progress as a whole percentage (0–100), floored so 100 means the last byte is in. */
export function wholePercent(part: number, whole: number): number {
  return whole > 0 ? Math.floor(Math.min(1, Math.max(0, part) / whole) * 100) : 0;
}

/** Names joined as the locale joins a list: "a, b, and c" or "a、b、c". */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
