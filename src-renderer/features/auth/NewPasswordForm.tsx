import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, UserError } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/Field';
import { useSessionAction } from './use-session-action';

/** The first sign-in with a temporary password: choose a permanent one (typed twice). */
export function NewPasswordForm({
  error,
  onSession,
  onCancel,
}: {
  error?: UserError;
  onSession: (session: SessionView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = useSessionAction(
    () => api.invoke('session.completeNewPassword', { newPassword: password }),
    onSession,
  );
  const shown = submit.error ?? error;
  return (
    <form
      className="auth-form"
      onSubmit={(event) => {
        event.preventDefault();
        setMismatch(password !== repeat);
        if (password === repeat) void submit.run();
      }}
    >
      <h1 className="auth-title">{t('auth.newPasswordTitle')}</h1>
      <p className="auth-lead">{t('auth.newPasswordLead')}</p>
      {shown && <ErrorAlert error={shown} />}
      {mismatch && <ErrorAlert error={t('auth.passwordMismatch')} />}
      <PasswordField
        label={t('auth.newPassword')}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        autoFocus
      />
      <PasswordField
        label={t('auth.repeatPassword')}
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
      />
      <button type="submit" className="button button-primary button-block" disabled={submit.busy}>
        {t('auth.setPassword')}
      </button>
      <div className="auth-links">
        <button type="button" className="link-button" onClick={onCancel}>
          {t('auth.backToSignIn')}
        </button>
      </div>
    </form>
  );
}
