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
import { AppCommands } from './AppCommands';
import { StorageUnavailable } from './StorageUnavailable';
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
  // Signed in, but the Identity Pool refused storage access: the library and transfers cannot
  // work, so those screens say why instead; settings and diagnostics stay useful.
  const storageError = session.identityId ? undefined : session.error;
  const storageScreen = route === 'library' || route === 'transfers';
  return (
    // Remounted when storage access arrives, so every screen loads afresh with it.
    <TransfersProvider key={session.identityId ?? 'no-storage'}>
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
              <main ref={main} id="main" className="shell-main" tabIndex={-1}>
                {storageError && storageScreen && (
                  <StorageUnavailable
                    error={storageError}
                    onSession={onSession}
                    onOpenDiagnostics={() => navigate('diagnostics')}
                  />
                )}
                {!storageError && route === 'library' && <LibraryScreen />}
                {!storageError && route === 'transfers' && <TransfersScreen />}
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
