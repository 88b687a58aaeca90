import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, UserError } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
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
}: {
  otpauthUri?: string;
  error?: UserError;
  onSession: (session: SessionView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const verify = useSessionAction(() => api.invoke('session.verifyTotpSetup', { code }), onSession);
  const secret = otpauthUri ? otpauthSecret(otpauthUri) : null;
  const shown = verify.error ?? error;
  return (
    <form
      className="auth-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isCompleteCode(code)) void verify.run();
      }}
    >
      <h1 className="auth-title">{t('auth.totpSetupTitle')}</h1>
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
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={verify.busy || !isCompleteCode(code)}
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
