import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert, Notice } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/Field';
import { AuthForm } from './AuthForm';
import { EmailField } from './EmailField';
import { useSessionAction } from './use-session-action';

type SignInSession = Extract<SessionView, { status: 'signedOut' | 'expired' }>;

/** Email and password; after an expiry it names the account and asks to sign in again. */
export function SignInForm({
  session,
  onSession,
  onForgotPassword,
  notice,
}: {
  session: SignInSession;
  onSession: (session: SessionView) => void;
  onForgotPassword: (username: string) => void;
  /** A message from the step before, e.g. that the password was reset. */
  notice?: string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState(
    session.status === 'expired' ? session.username : (session.lastUsername ?? ''),
  );
  const [password, setPassword] = useState('');
  const signIn = useSessionAction(
    () => api.invoke('session.signIn', { username: username.trim(), password }),
    onSession,
  );
  const error = signIn.error ?? (session.status === 'signedOut' ? session.error : undefined);

  return (
    <AuthForm
      title={t('auth.signInTitle')}
      onSubmit={() => void signIn.run()}
      submitLabel={signIn.busy ? t('auth.signingIn') : t('auth.signIn')}
      submitDisabled={signIn.busy}
      link={{
        label: t('auth.forgotPassword'),
        onClick: () => onForgotPassword(username.trim()),
      }}
    >
      {session.status === 'expired' && <Notice>{t('auth.expired')}</Notice>}
      {notice && <Notice>{notice}</Notice>}
      {error && <ErrorAlert error={error} />}
      <EmailField value={username} onChange={setUsername} autoFocus={username === ''} />
      <PasswordField
        label={t('auth.password')}
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        autoFocus={username !== ''}
      />
    </AuthForm>
  );
}
