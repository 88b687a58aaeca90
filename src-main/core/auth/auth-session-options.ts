import type { HakobuConfig } from '../config';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets';
import type { OpenBrowser } from './browser-sign-in';

/** What an AuthSession is made from. */
export interface AuthSessionOptions {
  config: HakobuConfig;
  /** The OS keychain; without one the session lives in memory only (session-only mode). */
  secrets?: SecretStore;
  log?: Logger;
  /** Shown in the user's list of MFA devices after TOTP enrolment. */
  deviceName?: string;
  now?: () => number;
  /** Opens the system browser for browser sign-in (shell.openExternal; a hook in tests). */
  openBrowser?: OpenBrowser;
  /** The deep link the installer registered (hakobu://callback), used when no loopback port is free. */
  fallbackRedirectUri?: string;
  /** The language of the page the browser shows after sign-in, when the browser does not say. */
  language?: 'en' | 'ja';
}
