import { SETTING_PATHS } from './key-paths';
import type { LoadedConfig } from './load';
import { getPath, type SettingSource } from './merge';

/** One setting as Hakobu runs with it: its value, who set it, and whether the user may change it. */
export interface EffectiveSetting {
  key: string;
  /** The value in effect; null when the setting is unset and has no default. */
  value: unknown;
  source: SettingSource;
  /** The file that set it; null for a default. */
  file: string | null;
  locked: boolean;
}

/** Every known setting of a loaded configuration, in schema order, with its origin. */
export function effectiveSettings(load: LoadedConfig): EffectiveSetting[] {
  return SETTING_PATHS.map((key) => {
    const origin = load.origins[key] ?? { source: 'default', file: null, locked: false };
    return {
      key,
      value: getPath(load.config, key) ?? null,
      source: origin.source,
      file: origin.file,
      locked: origin.locked,
    };
  });
}
