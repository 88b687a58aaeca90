import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert, Notice } from '../../components/ErrorAlert';
import { useSessionAction } from './use-session-action';

type SignInSession = Extract<SessionView, { status: 'signedOut' | 'expired' }>;

/**
 * Browser sign-in (Cognito managed login, straight on to the company's IdP when IT says so):
 * one button, then "Continue in your browser" while main waits for the browser to come back.
 * No token and no address ever reaches this page: main opens the browser itself.
 */
export function BrowserSignIn({
  session,
  onSession,
}: {
  session: SignInSession;
  onSession: (session: SessionView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const start = useSessionAction(() => api.invoke('session.signInWithBrowser'), onSession);
  const cancel = useSessionAction(() => api.invoke('session.cancelBrowserSignIn'), onSession);
  const retry = useSessionAction(async () => {
    await api.invoke('session.cancelBrowserSignIn');
    return api.invoke('session.signInWithBrowser');
  }, onSession);
  const waiting = session.status === 'signedOut' && session.browser === 'waiting';
  const name = session.browserSignIn?.name;
  const label = name ? t('auth.signInWithCompany', { name }) : t('auth.signInWithBrowser');
  const error =
    start.error ??
    retry.error ??
    cancel.error ??
    (session.status === 'signedOut' && !waiting ? session.error : undefined);

  if (waiting) {
    return (
      <section className="auth-form" aria-live="polite">
        <h1 className="auth-title">{t('auth.browserWaitingTitle')}</h1>
        <p className="auth-lead">{t('auth.browserWaitingLead')}</p>
        {error && <ErrorAlert error={error} />}
        <button
          type="button"
          className="button button-primary button-block"
          disabled={retry.busy}
          onClick={() => void retry.run()}
        >
          {t('auth.tryAgain')}
        </button>
        <div className="auth-links">
          <button
            type="button"
            className="link-button"
            disabled={cancel.busy}
            onClick={() => void cancel.run()}
          >
            {t('auth.cancel')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="auth-form">
      <h1 className="auth-title">{t('auth.signInTitle')}</h1>
      {session.status === 'expired' && <Notice>{t('auth.expired')}</Notice>}
      {error && <ErrorAlert error={error} />}
      <p className="auth-lead">{t('auth.browserLead')}</p>
      <button
        type="button"
        className="button button-primary button-block"
        disabled={start.busy}
        onClick={() => void start.run()}
      >
        {start.busy ? t('auth.signingIn') : label}
      </button>
    </section>
  );
}
