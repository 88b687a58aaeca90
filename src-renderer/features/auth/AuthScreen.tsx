import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { Notice } from '../../components/ErrorAlert';
import { Logo } from '../../components/Logo';
import { BrowserSignIn } from './BrowserSignIn';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { MfaCodeForm } from './MfaCodeForm';
import { NewPasswordForm } from './NewPasswordForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { SignInForm } from './SignInForm';
import { TotpSetupForm } from './TotpSetupForm';
import './auth.css';

type NotSignedIn = Exclude<SessionView, { status: 'signedIn' }>;

/** Everything before the library: sign-in, each Cognito challenge, and the forgotten-password flow. */
export function AuthScreen({
  session,
  onSession,
}: {
  session: NotSignedIn;
  onSession: (session: SessionView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  // The forgotten-password request form is local: main has no state for it until a code is sent.
  const [forgotFor, setForgotFor] = useState<string | null>(null);
  const [resetDone, setResetDone] = useState(false);
  const cancel = () => {
    setForgotFor(null);
    api.invoke('session.cancelChallenge').then(onSession, () => {});
  };

  return (
    <div className="auth-screen">
      <main className="auth-card">
        <div className="auth-brand">
          <Logo />
          <span>Hakobu</span>
        </div>
        {renderStep()}
        {session.keychain === 'unavailable' && (
          <Notice icon="lock">{t('auth.keychainUnavailable')}</Notice>
        )}
      </main>
    </div>
  );

  function renderStep() {
    switch (session.status) {
      case 'challenge':
        if (session.challenge === 'NEW_PASSWORD_REQUIRED') {
          return <NewPasswordForm error={session.error} onSession={onSession} onCancel={cancel} />;
        }
        if (session.challenge === 'MFA_SETUP') {
          return (
            <TotpSetupForm
              otpauthUri={session.otpauthUri}
              error={session.error}
              onSession={onSession}
              onCancel={cancel}
            />
          );
        }
        return (
          <MfaCodeForm
            kind={session.challenge}
            destination={session.destination}
            error={session.error}
            onSession={onSession}
            onCancel={cancel}
          />
        );
      case 'resettingPassword':
        return (
          <ResetPasswordForm
            session={session}
            onSession={onSession}
            onReset={() => {
              setForgotFor(null);
              setResetDone(true);
            }}
          />
        );
      case 'signedOut':
      case 'expired':
        // IT chose browser sign-in (signIn.method "managedLogin"): no password form at all.
        if (session.browserSignIn) {
          return <BrowserSignIn session={session} onSession={onSession} />;
        }
        if (forgotFor !== null) {
          return (
            <ForgotPasswordForm
              initialUsername={forgotFor}
              onSession={onSession}
              onBack={() => setForgotFor(null)}
            />
          );
        }
        return (
          <SignInForm
            key={session.status}
            session={session}
            onSession={onSession}
            onForgotPassword={(username) => {
              setResetDone(false);
              setForgotFor(username);
            }}
            notice={resetDone ? t('auth.passwordResetDone') : undefined}
          />
        );
    }
  }
}
