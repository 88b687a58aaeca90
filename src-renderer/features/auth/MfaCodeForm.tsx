import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthForm, type ChallengeStepProps } from './AuthForm';
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
}: ChallengeStepProps & {
  kind: 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';
  destination?: string;
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
    <AuthForm
      title={t('auth.mfaTitle')}
      onSubmit={() => {
        if (isCompleteCode(code)) void submit.run();
      }}
      submitLabel={t('auth.verify')}
      submitDisabled={submit.busy || !isCompleteCode(code)}
      link={{ label: t('auth.backToSignIn'), onClick: onCancel }}
    >
      <p className="auth-lead">{lead}</p>
      {shown && <ErrorAlert error={shown} />}
      <CodeField value={code} onChange={setCode} />
    </AuthForm>
  );
}
