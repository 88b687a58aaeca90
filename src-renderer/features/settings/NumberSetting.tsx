import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../src-main/contract/views';
import { SettingRow } from './SettingRow';
import { wholeNumberIn } from './setting-source';

/**
 * A whole-number setting typed into a box. It saves when the user presses Enter or leaves the
 * box, not on every keystroke, so typing "24" never saves 2 on the way; Escape puts the saved
 * value back. A number outside min–max is explained under the box and never sent. `onSave`
 * resolves to whether it was saved: then the box shows the value main now runs with (a cap may
 * keep it below what was typed); if not, the typed number stays to try again.
 */
export function NumberSetting({
  settings,
  path,
  label,
  hint,
  value,
  min,
  max,
  saving,
  onSave,
}: {
  settings: SettingsView;
  path: string;
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  saving: boolean;
  onSave: (value: number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  // What the user typed and has not saved; null shows `value`, so a value changed elsewhere (IT's
  // file, a reconnect) shows as soon as it arrives.
  const [draft, setDraft] = useState<string | null>(null);
  // The number being saved: Enter and the blur that follows (the box is disabled while saving)
  // must not send it twice.
  const pending = useRef<number | undefined>(undefined);
  const text = draft ?? String(value);

  const parsed = wholeNumberIn(text, min, max);
  const commit = () => {
    if (parsed === undefined || parsed === pending.current) return;
    if (parsed === value) return setDraft(null);
    pending.current = parsed;
    void onSave(parsed).then((saved) => {
      pending.current = undefined;
      if (saved) setDraft(null);
    });
  };

  return (
    <SettingRow settings={settings} path={path} label={label} hint={hint}>
      {({ id, locked, describedBy }) => (
        <>
          <input
            id={id}
            className="input"
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={text}
            disabled={locked || saving}
            aria-invalid={parsed === undefined}
            aria-describedby={parsed === undefined ? `${describedBy} ${id}-error` : describedBy}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit();
              if (event.key === 'Escape') setDraft(null);
            }}
          />
          {parsed === undefined && (
            <span id={`${id}-error`} className="setting-error">
              {t('settings.wholeNumber', { min, max })}
            </span>
          )}
        </>
      )}
    </SettingRow>
  );
}
