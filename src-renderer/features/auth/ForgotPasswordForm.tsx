import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthForm } from './AuthForm';
import { EmailField } from './EmailField';
import { useSessionAction } from './use-session-action';

/** Step one of a forgotten password: ask Cognito to send a reset code to the account's email. */
export function ForgotPasswordForm({
  initialUsername,
  onSession,
  onBack,
}: {
  initialUsername: string;
  onSession: (session: SessionView) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState(initialUsername);
  const request = useSessionAction(
    () => api.invoke('session.forgotPassword', { username: username.trim() }),
    onSession,
  );
  return (
    <AuthForm
      title={t('auth.forgotTitle')}
      onSubmit={() => void request.run()}
      submitLabel={t('auth.sendCode')}
      submitDisabled={request.busy}
      link={{ label: t('auth.backToSignIn'), onClick: onBack }}
    >
      <p className="auth-lead">{t('auth.forgotLead')}</p>
      {request.error && <ErrorAlert error={request.error} />}
      <EmailField value={username} onChange={setUsername} autoFocus />
    </AuthForm>
  );
}
