import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../src-main/contract/channels';
import type { KeychainStatus, SessionView } from '../../../src-main/contract/views';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert, Notice } from '../../components/ErrorAlert';
import { CommandButton } from '../../components/CommandButton';
import { Spinner } from '../../components/Spinner';
import { useAction } from '../../components/use-action';
import { ChangePasswordForm } from './ChangePasswordForm';
import { NumberSetting } from './NumberSetting';
import { SelectSetting } from './SelectSetting';
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
        <NumberSetting
          settings={settings}
          path="transfers.parallelTransfers"
          label={t('settings.parallelTransfers')}
          hint={t('settings.parallelTransfersHint')}
          value={transfers.parallelTransfers}
          min={1}
          max={64}
          saving={save.busy}
          onSave={async (parallelTransfers) =>
            (await save.run({ transfers: { parallelTransfers } })) !== undefined
          }
        />
        <SelectSetting
          settings={settings}
          path="transfers.conflictPolicy"
          label={t('settings.conflictPolicy')}
          hint={t('settings.conflictPolicyHint')}
          value={transfers.conflictPolicy}
          choices={(['ask', 'overwrite', 'rename', 'skip'] as const).map((policy) => ({
            value: policy,
            label: t(`settings.policy.${policy}`),
          }))}
          saving={save.busy}
          onChange={(value) =>
            void save.run({
              transfers: { conflictPolicy: value as typeof transfers.conflictPolicy },
            })
          }
        />
      </section>

      <section className="settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('settings.appearance')}</h2>
        <SelectSetting
          settings={settings}
          path="ui.language"
          label={t('settings.language')}
          value={ui.language}
          choices={[
            { value: 'system', label: t('settings.languageSystem') },
            // Each language is named in itself, so it can be found whatever is showing.
            { value: 'ja', label: '日本語', lang: 'ja' },
            { value: 'en', label: 'English', lang: 'en' },
          ]}
          saving={save.busy}
          onChange={(value) => void save.run({ ui: { language: value as typeof ui.language } })}
        />
        <SelectSetting
          settings={settings}
          path="ui.theme"
          label={t('settings.theme')}
          value={ui.theme}
          choices={(['system', 'light', 'dark'] as const).map((theme) => ({
            value: theme,
            label: t(`settings.themes.${theme}`),
          }))}
          saving={save.busy}
          onChange={(value) => void save.run({ ui: { theme: value as typeof ui.theme } })}
        />
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
        <CommandButton
          icon="diagnostics"
          label={t('settings.openDiagnostics')}
          onClick={onOpenDiagnostics}
        />
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
