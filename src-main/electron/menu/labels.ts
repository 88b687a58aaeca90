/** Menu labels in the two languages Hakobu speaks; the renderer has its own i18n bundle. */
export const MENU_LABELS = {
  en: {
    file: 'File',
    uploadFiles: 'Upload Files…',
    settings: 'Settings…',
    signOut: 'Sign Out',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    diagnostics: 'Run Diagnostics',
    documentation: 'Hakobu Help',
  },
  ja: {
    file: 'ファイル',
    uploadFiles: 'ファイルをアップロード…',
    settings: '設定…',
    signOut: 'サインアウト',
    edit: '編集',
    view: '表示',
    window: 'ウインドウ',
    help: 'ヘルプ',
    diagnostics: '診断を実行',
    documentation: 'Hakobu ヘルプ',
  },
} as const;

export type MenuLanguage = keyof typeof MENU_LABELS;

/** Picks the menu language from a locale such as "ja-JP"; English otherwise. */
export const menuLanguageFor = (locale: string): MenuLanguage =>
  locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
