import type { SettingsView } from '../../../src-main/contract/views';
import { SettingRow } from './SettingRow';

/** One choice in a setting's drop-down; `lang` marks a label written in another language. */
export interface SettingChoice {
  value: string;
  label: string;
  lang?: string;
}

/**
 * A setting chosen from a drop-down. It stays disabled while IT manages it or while a save is
 * under way, so two saves never race.
 */
export function SelectSetting({
  settings,
  path,
  label,
  hint,
  value,
  choices,
  saving,
  onChange,
}: {
  settings: SettingsView;
  path: string;
  label: string;
  hint?: string;
  value: string | number;
  choices: readonly SettingChoice[];
  saving: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <SettingRow settings={settings} path={path} label={label} hint={hint}>
      {({ id, locked, describedBy }) => (
        <select
          id={id}
          className="select"
          value={value}
          disabled={locked || saving}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value} lang={choice.lang}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </SettingRow>
  );
}
