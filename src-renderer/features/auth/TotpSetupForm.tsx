import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthForm, type ChallengeStepProps } from './AuthForm';
import { CodeField } from './CodeField';
import { groupSecret, isCompleteCode, otpauthSecret } from './otpauth';
import { QrCode } from './QrCode';
import { useSessionAction } from './use-session-action';

/** TOTP enrolment: scan the QR code (or type the key) into an authenticator app, then prove it works. */
export function TotpSetupForm({
  otpauthUri,
  error,
  onSession,
  onCancel,
}: ChallengeStepProps & { otpauthUri?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const verify = useSessionAction(() => api.invoke('session.verifyTotpSetup', { code }), onSession);
  const secret = otpauthUri ? otpauthSecret(otpauthUri) : null;
  const shown = verify.error ?? error;
  return (
    <AuthForm
      title={t('auth.totpSetupTitle')}
      onSubmit={() => {
        if (isCompleteCode(code)) void verify.run();
      }}
      submitLabel={t('auth.verify')}
      submitDisabled={verify.busy || !isCompleteCode(code)}
      link={{ label: t('auth.backToSignIn'), onClick: onCancel }}
    >
      <ol className="auth-steps">
        <li>{t('auth.totpSetupStepScan')}</li>
        <li>{t('auth.totpSetupStepCode')}</li>
      </ol>
      {otpauthUri && (
        <div className="totp-setup">
          <QrCode value={otpauthUri} label={t('auth.qrAlt')} />
          {secret && (
            <div className="totp-secret">
              <span className="field-hint">{t('auth.totpManualKey')}</span>
              <code className="mono totp-secret-value">{groupSecret(secret)}</code>
            </div>
          )}
        </div>
      )}
      {shown && <ErrorAlert error={shown} />}
      <CodeField value={code} onChange={setCode} />
    </AuthForm>
  );
}
