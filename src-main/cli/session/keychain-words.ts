import type { KeychainStatus } from '../../contract/views';
import { SESSION_ONLY_MESSAGE, type SecretStore } from '../../core/secrets';

/** What the keychain status means for the next command, in plain words (and for --json). */
export interface KeychainReport {
  remembered: boolean;
  message: string;
  fix?: string;
}

/**
 * Explains whether the sign-in outlives this command. Without a keychain every `hakobu` run is
 * its own session, which people do not expect from a login command, so it is said outright.
 */
export async function keychainReport(
  status: KeychainStatus,
  secrets: SecretStore,
): Promise<KeychainReport> {
  if (status === 'available') {
    const store = await secrets.status();
    const where = store.mode === 'keychain' ? store.backend : 'the system keychain';
    return {
      remembered: true,
      message: `Your sign-in is kept in ${where}; later hakobu commands use it until you run \`hakobu logout\`.`,
    };
  }
  const store = await secrets.status();
  return {
    remembered: false,
    message:
      `${SESSION_ONLY_MESSAGE} Session-only mode: this login lasted only for this command, ` +
      'so the next hakobu command will ask you to log in again ' +
      '(scripts can pass --username and --password-stdin to each command).',
    ...(store.mode === 'session-only' ? { fix: store.fix } : {}),
  };
}
