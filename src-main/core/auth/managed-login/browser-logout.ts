import type { Logger } from '../../log/logger';
import { logoutUrl } from './authorize-url';
import { SIGNED_OUT_PATH, startLoopbackListener } from './loopback-listener';

/** What ending the browser's managed-login session needs. */
export interface BrowserLogoutOptions {
  domain: string;
  clientId: string;
  ports: readonly number[];
  timeoutMs: number;
  openBrowser(url: string): Promise<void>;
  language: 'en' | 'ja';
  log: Logger;
}

/**
 * Ends the managed-login session the browser keeps (its cookie on the domain), so the next
 * sign-in asks again: the browser goes to /logout, which returns it to a registered sign-out URL
 * on this computer, where a one-request listener says "signed out". Best effort: a failure is
 * logged, since Hakobu's own sign-out is already complete.
 */
export async function endBrowserSession(options: BrowserLogoutOptions): Promise<void> {
  try {
    const listener = await startLoopbackListener({
      ports: options.ports,
      path: SIGNED_OUT_PATH,
      language: options.language,
      log: options.log,
      receive: () => ({ outcome: 'signedOut', done: true }),
    });
    setTimeout(() => void listener.close(), options.timeoutMs).unref();
    await options.openBrowser(logoutUrl(options.domain, options.clientId, listener.redirectUri));
  } catch (error) {
    options.log.warn('could not end the browser session', error);
  }
}
