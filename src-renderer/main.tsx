// Global styles first: CSS follows import order, and each feature's rules must come after the base.
import './app/theme.css';
import './app/base.css';
import './app/shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectHakobu } from './bridge';
import { createI18n, resolveLanguage } from './i18n';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // The OS language until main's settings arrive (SettingsProvider switches if they differ).
  const i18n = await createI18n(resolveLanguage('system', navigator.language));
  const api = await connectHakobu();
  createRoot(root).render(
    <StrictMode>
      <App api={api} i18n={i18n} />
    </StrictMode>,
  );
}

void start();
