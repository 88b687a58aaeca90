import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { Logo } from '../components/Logo';
import { Spinner } from '../components/Spinner';
import { AuthScreen } from '../features/auth/AuthScreen';
import { ConnectionBanner } from './connection';
import { SignedInShell } from './SignedInShell';
import { useSession } from './use-session';

/** Chooses between the sign-in screens and the app, following the session. */
export function Shell() {
  const { t } = useTranslation();
  const { session, loadError, setSession, reload } = useSession();
  return (
    <>
      <ConnectionBanner />
      {session === null ? (
        <div className="splash">
          <Logo size={44} />
          {loadError ? (
            <>
              <ErrorAlert error={loadError} />
              <button type="button" className="button" onClick={reload}>
                {t('common.retry')}
              </button>
            </>
          ) : (
            <Spinner label={t('common.loading')} />
          )}
        </div>
      ) : session.status === 'signedIn' ? (
        <SignedInShell session={session} onSession={setSession} />
      ) : (
        <AuthScreen session={session} onSession={setSession} />
      )}
    </>
  );
}
