import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../src-main/contract/views';
import { Icon } from '../../components/Icon';
import { sourceOf } from './setting-source';

/**
 * One setting: its label and control, where its value comes from, and — when IT manages it — why
 * it can't be changed here. The control is rendered by the caller with the given id and lock.
 */
export function SettingRow({
  settings,
  path,
  label,
  hint,
  children,
}: {
  settings: SettingsView;
  path: string;
  label: string;
  hint?: string;
  children: (control: { id: string; locked: boolean; describedBy: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { key, locked } = sourceOf(settings, path);
  const describedBy = `${id}-source`;
  return (
    <div className="setting">
      <div className="setting-text">
        <label className="setting-label" htmlFor={id}>
          {label}
        </label>
        {hint && <span className="field-hint">{hint}</span>}
      </div>
      <div className="setting-control">
        {children({ id, locked, describedBy })}
        <span id={describedBy} className={`setting-source${locked ? ' is-locked' : ''}`}>
          {locked && <Icon name="lock" size={13} />}
          {t(`settings.source.${key}`)}
          {locked && <span className="setting-locked">{t('settings.lockedExplained')}</span>}
        </span>
      </div>
    </div>
  );
}
