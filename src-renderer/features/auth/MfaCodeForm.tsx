import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, UserError } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CodeField } from './CodeField';
import { isCompleteCode } from './otpauth';
import { useSessionAction } from './use-session-action';

/** The second factor at sign-in: a code from the authenticator app, or one sent by SMS. */
export function MfaCodeForm({
  kind,
  destination,
  error,
  onSession,
  onCancel,
}: {
  kind: 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';
  destination?: string;
  error?: UserError;
  onSession: (session: SessionView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const submit = useSessionAction(() => api.invoke('session.submitMfaCode', { code }), onSession);
  const shown = submit.error ?? error;
  const lead =
    kind === 'SMS_MFA'
      ? destination
        ? t('auth.smsLeadTo', { destination })
        : t('auth.smsLead')
      : t('auth.totpLead');
  return (
    <form
      className="auth-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isCompleteCode(code)) void submit.run();
      }}
    >
      <h1 className="auth-title">{t('auth.mfaTitle')}</h1>
      <p className="auth-lead">{lead}</p>
      {shown && <ErrorAlert error={shown} />}
      <CodeField value={code} onChange={setCode} />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={submit.busy || !isCompleteCode(code)}
      >
        {t('auth.verify')}
      </button>
      <div className="auth-links">
        <button type="button" className="link-button" onClick={onCancel}>
          {t('auth.backToSignIn')}
        </button>
      </div>
    </form>
  );
}
