import type { SettingsView } from '../../../src-main/contract/views';

/** Where a setting's value comes from, as a translation key under "settings.source". */
export function sourceOf(
  settings: SettingsView,
  path: string,
): { key: 'default' | 'managed' | 'user' | 'env'; locked: boolean } {
  const entry = settings.sources[path];
  if (!entry) return { key: 'default', locked: false };
  // A locked value is IT's whatever its recorded source, so it reads as managed.
  return { key: entry.locked ? 'managed' : entry.source, locked: entry.locked };
}

/** The whole number typed in `text` when it lies within min–max; undefined for anything else. */
export function wholeNumberIn(text: string, min: number, max: number): number | undefined {
  // Digits only: Number() would also take "1e1", "0x10" or "" (as 0), which nobody means here.
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}
