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

/** The choices for a concurrency setting (the contract allows 1 to 16). */
export const concurrencyChoices: readonly number[] = Array.from({ length: 16 }, (_, i) => i + 1);
