import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../src-main/contract/channels';
import type { KeychainStatus, SessionView } from '../../../src-main/contract/views';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert, Notice } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useAction } from '../../components/use-action';
import { ChangePasswordForm } from './ChangePasswordForm';
import { concurrencyChoices } from './setting-source';
import { SettingRow } from './SettingRow';
import './settings.css';

/** Transfers, appearance and account settings, each showing where its value comes from. */
export function SettingsScreen({
  username,
  keychain,
  onSession,
  onOpenDiagnostics,
}: {
  username: string;
  keychain: KeychainStatus;
  onSession: (session: SessionView) => void;
  onOpenDiagnostics: () => void;
}) {
  const { t } = useTranslation();
  const { settings, appInfo, update } = useSettings();
  const save = useAction((patch: SettingsPatch) => update(patch));

  if (!settings) {
    return (
      <div className="screen-message">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  const { transfers, ui } = settings.values;

  return (
    <div className="settings-page">
      <h1>{t('settings.title')}</h1>
      {save.error && <ErrorAlert error={save.error} />}

      <section className="settings-section" aria-labelledby="settings-transfers">
        <h2 id="settings-transfers">{t('settings.transfers')}</h2>
        <SettingRow
          settings={settings}
          path="transfers.concurrency"
          label={t('settings.concurrency')}
          hint={t('settings.concurrencyHint')}
        >
          {({ id, locked, describedBy }) => (
            <select
              id={id}
              className="select"
              value={transfers.concurrency}
              disabled={locked || save.busy}
              aria-describedby={describedBy}
              onChange={(e) =>
                void save.run({ transfers: { concurrency: Number(e.target.value) } })
              }
            >
              {concurrencyChoices.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </SettingRow>
        <SettingRow
          settings={settings}
          path="transfers.partConcurrency"
          label={t('settings.partConcurrency')}
          hint={t('settings.partConcurrencyHint')}
        >
          {({ id, locked, describedBy }) => (
            <select
              id={id}
              className="select"
              value={transfers.partConcurrency}
              disabled={locked || save.busy}
              aria-describedby={describedBy}
              onChange={(e) =>
                void save.run({ transfers: { partConcurrency: Number(e.target.value) } })
              }
            >
              {concurrencyChoices.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </SettingRow>
        <SettingRow
          settings={settings}
          path="transfers.conflictPolicy"
          label={t('settings.conflictPolicy')}
          hint={t('settings.conflictPolicyHint')}
        >
          {({ id, locked, describedBy }) => (
            <select
              id={id}
              className="select"
              value={transfers.conflictPolicy}
              disabled={locked || save.busy}
              aria-describedby={describedBy}
              onChange={(e) =>
                void save.run({
                  transfers: {
                    conflictPolicy: e.target.value as typeof transfers.conflictPolicy,
                  },
                })
              }
            >
              {(['ask', 'overwrite', 'rename', 'skip'] as const).map((policy) => (
                <option key={policy} value={policy}>
                  {t(`settings.policy.${policy}`)}
                </option>
              ))}
            </select>
          )}
        </SettingRow>
      </section>

      <section className="settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('settings.appearance')}</h2>
        <SettingRow settings={settings} path="ui.language" label={t('settings.language')}>
          {({ id, locked, describedBy }) => (
            <select
              id={id}
              className="select"
              value={ui.language}
              disabled={locked || save.busy}
              aria-describedby={describedBy}
              onChange={(e) =>
                void save.run({ ui: { language: e.target.value as typeof ui.language } })
              }
            >
              <option value="system">{t('settings.languageSystem')}</option>
              {/* Each language is named in itself, so it can be found whatever is showing. */}
              <option value="ja" lang="ja">
                日本語
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          )}
        </SettingRow>
        <SettingRow settings={settings} path="ui.theme" label={t('settings.theme')}>
          {({ id, locked, describedBy }) => (
            <select
              id={id}
              className="select"
              value={ui.theme}
              disabled={locked || save.busy}
              aria-describedby={describedBy}
              onChange={(e) => void save.run({ ui: { theme: e.target.value as typeof ui.theme } })}
            >
              {(['system', 'light', 'dark'] as const).map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.themes.${theme}`)}
                </option>
              ))}
            </select>
          )}
        </SettingRow>
      </section>

      <section className="settings-section" aria-labelledby="settings-account">
        <h2 id="settings-account">{t('settings.account')}</h2>
        <p className="settings-account">
          {t('settings.signedInAs')} <strong>{username}</strong>
        </p>
        {keychain === 'unavailable' && <Notice icon="lock">{t('auth.keychainUnavailable')}</Notice>}
        <ChangePasswordForm onSession={onSession} />
      </section>

      <section className="settings-section" aria-labelledby="settings-help">
        <h2 id="settings-help">{t('settings.help')}</h2>
        <p className="muted">{t('settings.diagnosticsLead')}</p>
        <button type="button" className="button" onClick={onOpenDiagnostics}>
          <Icon name="diagnostics" />
          {t('settings.openDiagnostics')}
        </button>
        {appInfo && (
          <p className="settings-about muted">
            {t('settings.about', {
              version: appInfo.version,
              platform: appInfo.platform,
              shell: appInfo.shell,
            })}
          </p>
        )}
      </section>
    </div>
  );
}
