import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert, Notice } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/Field';
import { useAction } from '../../components/use-action';
import { NewPasswordFields, PasswordMismatchAlert } from '../auth/NewPasswordFields';
import { useNewPassword } from '../auth/use-new-password';

/** Changes the signed-in user's password (current one, then the new one twice). */
export function ChangePasswordForm({ onSession }: { onSession: (session: SessionView) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const [done, setDone] = useState(false);
  const change = useAction(async () => {
    onSession(
      await api.invoke('session.changePassword', {
        oldPassword: current,
        newPassword: newPassword.password,
      }),
    );
    setOpen(false);
    setDone(true);
    setCurrent('');
    newPassword.clear();
  });

  if (!open) {
    return (
      <>
        {done && <Notice>{t('settings.passwordChanged')}</Notice>}
        <button
          type="button"
          className="button"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t('settings.changePassword')}
        </button>
      </>
    );
  }
  return (
    <form
      className="change-password"
      onSubmit={(event) => {
        event.preventDefault();
        if (newPassword.confirm()) void change.run();
      }}
    >
      {change.error && <ErrorAlert error={change.error} />}
      <PasswordMismatchAlert state={newPassword} />
      <PasswordField
        label={t('settings.currentPassword')}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        autoFocus
      />
      <NewPasswordFields state={newPassword} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={change.busy}>
          {t('settings.changePassword')}
        </button>
      </div>
    </form>
  );
}
