import type { Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './csp';

/** Hosts whose https links open in the user's browser (help and support pages only). */
export const EXTERNAL_LINK_ALLOWLIST: ReadonlySet<string> = new Set([
  'hakobu.example',
  'docs.aws.amazon.com',
]);

/** True for an https link to an allowlisted host; anything else never leaves the app. */
export function isAllowedExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_LINK_ALLOWLIST.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** Blocks every navigation away from the app, denies new windows, and opens allowlisted links outside. */
export function guardNavigation(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  const blockForeign = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }: HandlerDetails): WindowOpenHandlerResponse => {
    if (isAllowedExternalLink(url)) void openExternal(url);
    return { action: 'deny' };
  });
}
