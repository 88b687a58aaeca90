import type { MessageBoxSyncOptions } from 'electron';
import type { MenuLanguage } from './menu/labels';

const QUIT_TEXT = {
  en: {
    message: 'Uploads are still running.',
    detail:
      'If you quit now, Hakobu will continue them the next time it starts. Nothing already sent is lost.',
    quit: 'Quit',
    stay: 'Keep Uploading',
  },
  ja: {
    message: 'アップロード中のファイルがあります。',
    detail:
      '今終了しても、次に Hakobu を起動したときに続きから再開します。送信済みのデータは失われません。',
    quit: '終了',
    stay: 'アップロードを続ける',
  },
} satisfies Record<MenuLanguage, Record<string, string>>;

/** The question asked before quitting during uploads; button 0 keeps the app running. */
export function quitDuringUploadsDialog(
  language: MenuLanguage,
  active: number,
): MessageBoxSyncOptions {
  const text = QUIT_TEXT[language];
  return {
    type: 'question',
    title: 'Hakobu',
    message: text.message,
    detail: `${text.detail} (${active})`,
    buttons: [text.stay, text.quit],
    defaultId: 0,
    cancelId: 0,
  };
}

/** True when the user chose to quit (the dialog's second button). */
export const userChoseQuit = (response: number): boolean => response === 1;
