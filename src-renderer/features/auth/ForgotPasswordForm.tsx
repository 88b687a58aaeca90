import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
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
    <form
      className="auth-form"
      onSubmit={(event) => {
        event.preventDefault();
        void request.run();
      }}
    >
      <h1 className="auth-title">{t('auth.forgotTitle')}</h1>
      <p className="auth-lead">{t('auth.forgotLead')}</p>
      {request.error && <ErrorAlert error={request.error} />}
      <Field
        label={t('auth.email')}
        value={username}
        onChange={setUsername}
        inputMode="email"
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        required
        autoFocus
      />
      <button type="submit" className="button button-primary button-block" disabled={request.busy}>
        {t('auth.sendCode')}
      </button>
      <div className="auth-links">
        <button type="button" className="link-button" onClick={onBack}>
          {t('auth.backToSignIn')}
        </button>
      </div>
    </form>
  );
}
