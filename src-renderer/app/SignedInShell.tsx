import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../src-main/contract/views';
import { BrowseProvider } from '../features/library/browse-context';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { DiagnosticsScreen } from '../features/settings/DiagnosticsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TransfersProvider } from '../features/transfers/transfers-context';
import { TransfersScreen } from '../features/transfers/TransfersScreen';
import { ConflictsProvider } from '../features/upload/conflicts';
import { UploadProvider } from '../features/upload/upload-context';
import { ErrorAlert } from '../components/ErrorAlert';
import { AppCommands } from './AppCommands';
import { TopBar } from './TopBar';
import { useRoute } from './use-route';

type SignedIn = Extract<SessionView, { status: 'signedIn' }>;

/** The app after sign-in: header, the current screen, drops anywhere, and conflict prompts. */
export function SignedInShell({
  session,
  onSession,
}: {
  session: SignedIn;
  onSession: (session: SessionView) => void;
}) {
  const { t } = useTranslation();
  const [route, navigate] = useRoute();
  const main = useRef<HTMLElement>(null);
  return (
    <TransfersProvider>
      <BrowseProvider>
        <UploadProvider>
          <ConflictsProvider>
            <div className="shell">
              {/* A button, not a #main link: the hash holds the route. */}
              <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
                {t('shell.skipToContent')}
              </button>
              <TopBar
                route={route}
                navigate={navigate}
                username={session.username}
                onSession={onSession}
              />
              {session.error && (
                // Signed in, but the Identity Pool refused storage access: say why, in IT's terms.
                <div className="shell-banner">
                  <ErrorAlert error={session.error} />
                </div>
              )}
              <main ref={main} id="main" className="shell-main" tabIndex={-1}>
                {route === 'library' && <LibraryScreen />}
                {route === 'transfers' && <TransfersScreen />}
                {route === 'settings' && (
                  <SettingsScreen
                    username={session.username}
                    keychain={session.keychain}
                    onSession={onSession}
                    onOpenDiagnostics={() => navigate('diagnostics')}
                  />
                )}
                {route === 'diagnostics' && (
                  <DiagnosticsScreen onBack={() => navigate('settings')} />
                )}
              </main>
            </div>
            <AppCommands navigate={navigate} />
          </ConflictsProvider>
        </UploadProvider>
      </BrowseProvider>
    </TransfersProvider>
  );
}
