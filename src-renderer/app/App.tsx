import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { HakobuApi } from '../../src-main/contract/api';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ToastProvider } from '../components/Toasts';
import { ApiProvider } from './api-context';
import { SettingsProvider } from './settings-context';
import { Shell } from './Shell';

/** The whole renderer, given its transport and its i18next instance. */
export function App({ api, i18n }: { api: HakobuApi; i18n: i18n }) {
  return (
    <ApiProvider api={api}>
      <I18nextProvider i18n={i18n}>
        <SettingsProvider>
          <ToastProvider>
            <ErrorBoundary>
              <Shell />
            </ErrorBoundary>
          </ToastProvider>
        </SettingsProvider>
      </I18nextProvider>
    </ApiProvider>
  );
}
