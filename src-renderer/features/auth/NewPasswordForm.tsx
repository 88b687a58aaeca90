import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthForm, type ChallengeStepProps } from './AuthForm';
import { NewPasswordFields, PasswordMismatchAlert } from './NewPasswordFields';
import { useNewPassword } from './use-new-password';
import { useSessionAction } from './use-session-action';

/** The first sign-in with a temporary password: choose a permanent one (typed twice). */
export function NewPasswordForm({ error, onSession, onCancel }: ChallengeStepProps) {
  const { t } = useTranslation();
  const api = useApi();
  const newPassword = useNewPassword();
  const submit = useSessionAction(
    () => api.invoke('session.completeNewPassword', { newPassword: newPassword.password }),
    onSession,
  );
  const shown = submit.error ?? error;
  return (
    <AuthForm
      title={t('auth.newPasswordTitle')}
      onSubmit={() => {
        if (newPassword.confirm()) void submit.run();
      }}
      submitLabel={t('auth.setPassword')}
      submitDisabled={submit.busy}
      link={{ label: t('auth.backToSignIn'), onClick: onCancel }}
    >
      <p className="auth-lead">{t('auth.newPasswordLead')}</p>
      {shown && <ErrorAlert error={shown} />}
      <PasswordMismatchAlert state={newPassword} />
      <NewPasswordFields state={newPassword} autoFocus />
    </AuthForm>
  );
}
