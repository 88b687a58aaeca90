import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../src-main/contract/views';
import { Dialog } from '../components/Dialog';
import { Icon, type IconName } from '../components/Icon';
import { IconButton } from '../components/IconButton';
import { Logo } from '../components/Logo';
import { useToast } from '../components/Toasts';
import { TransfersSummary } from '../features/transfers/TransfersSummary';
import { useTransfers } from '../features/transfers/transfers-context';
import { errorText, toUserError } from '../i18n/errors';
import { useApi } from './api-context';
import type { Route } from './routes';

const NAV: { route: Route; icon: IconName }[] = [
  { route: 'library', icon: 'library' },
  { route: 'transfers', icon: 'transfers' },
  { route: 'settings', icon: 'settings' },
];

/** The header: the screens, a glance at running uploads, and the account with sign-out. */
export function TopBar({
  route,
  navigate,
  username,
  onSession,
}: {
  route: Route;
  navigate: (route: Route) => void;
  username: string;
  onSession: (session: SessionView) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useToast();
  const { snapshot } = useTransfers();
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const active = snapshot?.total.active ?? 0;

  const signOut = () => {
    setConfirmSignOut(false);
    api
      .invoke('session.signOut')
      .then(onSession, (error: unknown) => notify('error', errorText(i18n, toUserError(error))));
  };

  return (
    <header className="topbar">
      <div className="topbar-brand">
        <Logo />
        <span>Hakobu</span>
      </div>
      <nav className="topbar-nav" aria-label={t('shell.navigation')}>
        {NAV.map(({ route: target, icon }) => {
          const current = route === target || (target === 'settings' && route === 'diagnostics');
          return (
            <button
              key={target}
              type="button"
              className="topbar-link"
              aria-current={current ? 'page' : undefined}
              onClick={() => navigate(target)}
            >
              <Icon name={icon} />
              {t(`shell.nav.${target}`)}
              {target === 'transfers' && active > 0 && (
                <span className="badge badge-accent">{active}</span>
              )}
            </button>
          );
        })}
      </nav>
      <div className="topbar-end">
        {route !== 'transfers' && <TransfersSummary onOpen={() => navigate('transfers')} />}
        <span className="topbar-user" title={username}>
          {username}
        </span>
        <IconButton
          icon="signOut"
          label={t('shell.signOut')}
          onClick={() => (active > 0 ? setConfirmSignOut(true) : signOut())}
        />
      </div>
      {confirmSignOut && (
        <Dialog title={t('shell.signOutTitle')} onClose={() => setConfirmSignOut(false)}>
          <p className="muted">{t('shell.signOutBody', { count: active })}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              data-autofocus
              onClick={() => setConfirmSignOut(false)}
            >
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-primary" onClick={signOut}>
              {t('shell.signOut')}
            </button>
          </div>
        </Dialog>
      )}
    </header>
  );
}
