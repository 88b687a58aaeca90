import type { HakobuConfig } from '../config';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets';

/** What an AuthSession is made from. */
export interface AuthSessionOptions {
  config: HakobuConfig;
  /** The OS keychain; without one the session lives in memory only (session-only mode). */
  secrets?: SecretStore;
  log?: Logger;
  /** Shown in the user's list of MFA devices after TOTP enrolment. */
  deviceName?: string;
  now?: () => number;
}
