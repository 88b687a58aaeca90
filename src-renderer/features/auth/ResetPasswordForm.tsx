import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthForm } from './AuthForm';
import { CodeField } from './CodeField';
import { NewPasswordFields, PasswordMismatchAlert } from './NewPasswordFields';
import { isCompleteCode } from './otpauth';
import { useNewPassword } from './use-new-password';
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
  const newPassword = useNewPassword();
  const confirm = useSessionAction(
    () => api.invoke('session.confirmForgotPassword', { code, newPassword: newPassword.password }),
    onSession,
  );
  const back = useSessionAction(() => api.invoke('session.cancelChallenge'), onSession);
  const error = confirm.error ?? session.error;

  return (
    <AuthForm
      title={t('auth.resetTitle')}
      onSubmit={async () => {
        if (!newPassword.confirm() || !isCompleteCode(code)) return;
        const next = await confirm.run();
        if (next && next.status !== 'resettingPassword') onReset();
      }}
      submitLabel={t('auth.setPassword')}
      submitDisabled={confirm.busy || !isCompleteCode(code)}
      link={{ label: t('auth.backToSignIn'), onClick: () => void back.run() }}
    >
      <p className="auth-lead">
        {session.destination
          ? t('auth.resetLeadTo', { destination: session.destination })
          : t('auth.resetLead')}
      </p>
      {error && <ErrorAlert error={error} />}
      <PasswordMismatchAlert state={newPassword} />
      <CodeField value={code} onChange={setCode} />
      <NewPasswordFields state={newPassword} />
    </AuthForm>
  );
}
