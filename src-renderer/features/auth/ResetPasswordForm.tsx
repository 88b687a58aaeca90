import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/Field';
import { CodeField } from './CodeField';
import { isCompleteCode } from './otpauth';
import { useSessionAction } from './use-session-action';

type ResettingSession = Extract<SessionView, { status: 'resettingPassword' }>;

/** Step two of a forgotten password: the emailed code and a new password, typed twice. */
export function ResetPasswordForm({
  session,
  onSession,
  onReset,
}: {
  session: ResettingSession;
  onSession: (session: SessionView) => void;
  /** Called when the new password is set, so the sign-in screen can say so. */
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const confirm = useSessionAction(
    () => api.invoke('session.confirmForgotPassword', { code, newPassword: password }),
    onSession,
  );
  const back = useSessionAction(() => api.invoke('session.cancelChallenge'), onSession);
  const error = confirm.error ?? session.error;

  return (
    <form
      className="auth-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setMismatch(password !== repeat);
        if (password !== repeat || !isCompleteCode(code)) return;
        const next = await confirm.run();
        if (next && next.status !== 'resettingPassword') onReset();
      }}
    >
      <h1 className="auth-title">{t('auth.resetTitle')}</h1>
      <p className="auth-lead">
        {session.destination
          ? t('auth.resetLeadTo', { destination: session.destination })
          : t('auth.resetLead')}
      </p>
      {error && <ErrorAlert error={error} />}
      {mismatch && <ErrorAlert error={t('auth.passwordMismatch')} />}
      <CodeField value={code} onChange={setCode} />
      <PasswordField
        label={t('auth.newPassword')}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
      />
      <PasswordField
        label={t('auth.repeatPassword')}
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
      />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={confirm.busy || !isCompleteCode(code)}
      >
        {t('auth.setPassword')}
      </button>
      <div className="auth-links">
        <button type="button" className="link-button" onClick={() => void back.run()}>
          {t('auth.backToSignIn')}
        </button>
      </div>
    </form>
  );
}
