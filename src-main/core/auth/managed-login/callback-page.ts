/** What the browser tab tells the user once Hakobu has read the callback. */
export type CallbackOutcome = 'signedIn' | 'cancelled' | 'failed' | 'wrongAttempt' | 'signedOut';

type Language = 'en' | 'ja';

const TEXT: Record<Language, Record<CallbackOutcome, { title: string; body: string }>> = {
  en: {
    signedIn: {
      title: 'Signed in to Hakobu',
      body: 'You can close this tab and return to Hakobu.',
    },
    cancelled: {
      title: 'Sign-in cancelled',
      body: 'You can close this tab. To sign in, return to Hakobu and try again.',
    },
    failed: {
      title: 'Sign-in did not finish',
      body: 'You can close this tab. Hakobu shows what went wrong and how to try again.',
    },
    wrongAttempt: {
      title: 'This sign-in link is out of date',
      body: 'It belongs to an earlier sign-in attempt. Close this tab, return to Hakobu and try again.',
    },
    signedOut: {
      title: 'Signed out of Hakobu',
      body: 'This browser no longer keeps your sign-in for Hakobu. You can close this tab.',
    },
  },
  ja: {
    signedIn: {
      title: 'Hakobu にサインインしました',
      body: 'このタブを閉じて Hakobu に戻ってください。',
    },
    cancelled: {
      title: 'サインインはキャンセルされました',
      body: 'このタブを閉じてください。サインインするには Hakobu に戻ってもう一度お試しください。',
    },
    failed: {
      title: 'サインインを完了できませんでした',
      body: 'このタブを閉じてください。原因とやり直し方は Hakobu に表示されます。',
    },
    wrongAttempt: {
      title: 'このサインインのリンクは古くなっています',
      body: '以前のサインインのものです。このタブを閉じ、Hakobu に戻ってもう一度お試しください。',
    },
    signedOut: {
      title: 'Hakobu からサインアウトしました',
      body: 'このブラウザーには Hakobu のサインインが残っていません。このタブを閉じてください。',
    },
  },
};

/** The language of the browser tab: its Accept-Language, else the app's own. */
export function pageLanguage(acceptLanguage: string | undefined, fallback: Language): Language {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}

/** A small self-contained page (no scripts, no external resources) for the callback tab. */
export function callbackPage(outcome: CallbackOutcome, language: Language): string {
  const { title, body } = TEXT[language][outcome];
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}h1{font-size:1.4rem}</style>
</head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

/** Headers for the callback page: nothing cached, no referrer (the URL held a code), no scripts. */
export const CALLBACK_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
  connection: 'close',
} as const;
