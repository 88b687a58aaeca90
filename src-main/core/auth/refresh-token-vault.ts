import type { KeychainStatus } from '../../contract/views';
import type { Logger } from '../log/logger';
import { SignInVault, type SecretStore, type SignInScope } from '../secrets';
import type { SignInMethod } from './token-set';

/** A sign-in remembered in the keychain: whose it is and the refresh token, nothing else. */
export interface RememberedSignIn {
  /** Cognito's username (a UUID in a pool that signs in by email), which keys the entry. */
  username: string;
  /** What the user signs in with and sees (their email in such a pool). */
  signInName: string;
  refreshToken: string;
  method: SignInMethod;
}

/**
 * Keeps the refresh token in the OS keychain (through the secrets module's SignInVault). Without
 * a keychain, or when it refuses a write, the session lives in memory only and the user signs in
 * again at the next launch; `knownStatus` tells the UI which. Never throws: a keychain problem
 * must not break sign-in or sign-out.
 */
export class RefreshTokenVault {
  private status: KeychainStatus | undefined;
  private readonly vault: SignInVault | undefined;

  constructor(
    private readonly store: SecretStore | undefined,
    /** Whose tokens these are: pool, client and endpoints (see SignInScope). */
    private readonly scope: SignInScope,
    private readonly log: Logger,
  ) {
    this.vault = store ? new SignInVault(store) : undefined;
  }

  /** The keychain status found by the last probe or write ('unavailable' before any). */
  get knownStatus(): KeychainStatus {
    return this.status ?? 'unavailable';
  }

  /** Probes the keychain once; later calls reuse the answer. */
  async probe(): Promise<KeychainStatus> {
    if (this.status) return this.status;
    let available = false;
    try {
      available = (await this.store?.available()) ?? false;
    } catch (error) {
      this.log.warn('keychain probe failed; the session will not be remembered', error);
    }
    this.status = available ? 'available' : 'unavailable';
    return this.status;
  }

  /** The sign-in remembered for this pool, client and endpoints, or null. */
  async read(): Promise<RememberedSignIn | null> {
    if ((await this.probe()) !== 'available' || !this.vault) return null;
    try {
      const last = await this.vault.restoreLast(this.scope);
      return last
        ? {
            username: last.username,
            signInName: last.signInName,
            refreshToken: last.signIn.refreshToken,
            method: last.signIn.method ?? 'password',
          }
        : null;
    } catch (error) {
      this.log.warn('keychain read failed', error);
      return null;
    }
  }

  /** The name the last user signs in with (kept after sign-out to prefill the form), or undefined. */
  async lastSignInName(): Promise<string | undefined> {
    if ((await this.probe()) !== 'available' || !this.vault) return undefined;
    try {
      const username = await this.vault.lastUsername(this.scope);
      return username ? await this.vault.signInName(this.scope, username) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Remembers a sign-in; if the keychain refuses, the session simply stays in memory only. */
  async write(
    username: string,
    refreshToken: string,
    signInName = username,
    method: SignInMethod = 'password',
  ): Promise<void> {
    if ((await this.probe()) !== 'available' || !this.vault) return;
    const signIn = method === 'managedLogin' ? { refreshToken, method } : { refreshToken };
    try {
      const written = await this.vault.save(this.scope, username, signIn, signInName);
      if (written.ok) return;
      this.log.warn(`keychain refused the sign-in (${written.code}); it will not be remembered`);
    } catch (error) {
      this.log.warn('keychain write failed; the sign-in will not be remembered', error);
    }
    this.status = 'unavailable';
  }

  /** Forgets a user's sign-in (sign-out, dead refresh token). */
  async remove(username: string): Promise<void> {
    if (!this.vault) return;
    try {
      await this.vault.forget(this.scope, username);
    } catch (error) {
      this.log.warn('keychain delete failed', error);
    }
  }
}
