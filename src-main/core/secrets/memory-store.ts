import {
  checkSecretSize,
  SESSION_ONLY_MESSAGE,
  type SecretStore,
  type SecretStoreStatus,
  type SecretWriteResult,
} from './secret-store';

/**
 * An in-memory SecretStore for unit tests of other modules. It keeps the real limits (size
 * check) and can play a machine without a keychain, so callers' session-only paths get tested.
 */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  private readonly keychain: boolean;

  constructor(options: { available?: boolean } = {}) {
    this.keychain = options.available ?? true;
  }

  /** True unless constructed as a machine without a keychain. */
  async available(): Promise<boolean> {
    return this.keychain;
  }

  /** A keychain named "memory", or session-only when constructed unavailable. */
  async status(): Promise<SecretStoreStatus> {
    if (this.keychain) return { mode: 'keychain', backend: 'memory' };
    return {
      mode: 'session-only',
      code: 'KEYCHAIN_NOT_REACHABLE',
      message: SESSION_ONLY_MESSAGE,
      fix: 'This is a test store constructed without a keychain.',
      detail: 'MemorySecretStore({ available: false })',
    };
  }

  /** The stored secret, or null. */
  async get(account: string): Promise<string | null> {
    return this.keychain ? (this.entries.get(account) ?? null) : null;
  }

  /** Stores the secret, with the same size limit as the real keychains. */
  async set(account: string, secret: string): Promise<SecretWriteResult> {
    if (!this.keychain) {
      return {
        ok: false,
        code: 'KEYCHAIN_UNAVAILABLE',
        message: SESSION_ONLY_MESSAGE,
        params: {},
      };
    }
    const size = checkSecretSize(secret);
    if (size.ok) this.entries.set(account, secret);
    return size;
  }

  /** Removes the secret; true if one was there. */
  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }
}
