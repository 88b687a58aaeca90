import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../src-main/contract/channels';
import type { AppInfo, SettingsView } from '../../src-main/contract/views';
import { resolveLanguage } from '../i18n';
import { useApi } from './api-context';
import { useOnReconnect } from './connection';
import { applyTheme } from './theme';

interface SettingsState {
  appInfo: AppInfo | null;
  settings: SettingsView | null;
  /** Saves a change and returns the settings as main now sees them; throws a HakobuError. */
  update: (patch: SettingsPatch) => Promise<SettingsView>;
  /** The locale for numbers and dates: the UI language, or the OS locale when it matches. */
  locale: string;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Loads the app info and settings, and applies the language and theme they choose. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { i18n } = useTranslation();
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<SettingsView | null>(null);

  const load = useCallback(() => {
    // Both may fail before main is ready; the UI then keeps the OS language and theme.
    api.invoke('app.info').then(setAppInfo, () => {});
    api.invoke('settings.get').then(setSettings, () => {});
  }, [api]);
  useEffect(load, [load]);
  useOnReconnect(load);

  const osLocale = appInfo?.locale ?? navigator.language;
  const language = resolveLanguage(settings?.values.ui.language ?? 'system', osLocale);
  const theme = settings?.values.ui.theme ?? 'system';

  useEffect(() => {
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);
  useEffect(() => applyTheme(theme), [theme]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const next = await api.invoke('settings.update', patch);
      setSettings(next);
      return next;
    },
    [api],
  );

  const locale = osLocale.toLowerCase().startsWith(language) ? osLocale : language;
  return (
    <SettingsContext value={{ appInfo, settings, update, locale }}>{children}</SettingsContext>
  );
}

/** App info, settings and the formatting locale. */
export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}

/** The locale to format numbers, sizes and dates with. */
export function useLocale(): string {
  return useSettings().locale;
}
