import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];
export type LanguageSetting = Language | 'system';

/** Picks the UI language: the setting when explicit, else the OS locale (English unless it is Japanese). */
export function resolveLanguage(setting: LanguageSetting, osLocale: string | undefined): Language {
  if (setting !== 'system') return setting;
  return osLocale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Creates the renderer's i18next instance with both languages bundled (nothing is fetched). */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    // Error codes such as "auth.wrongPassword" become nested keys; ':' is never a namespace.
    nsSeparator: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
