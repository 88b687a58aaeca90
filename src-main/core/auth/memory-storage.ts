import type { ICognitoStorage } from 'amazon-cognito-identity-js';

/**
 * The token cache amazon-cognito-identity-js writes to. Kept in memory on purpose: its default
 * (localStorage, or a file in some Node polyfills) would leave tokens on disk; the refresh token
 * persists only in the OS keychain.
 */
export class MemoryStorage implements ICognitoStorage {
  private readonly items = new Map<string, string>();

  /** Stores a value under a key. */
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  /** Returns the value under a key, or null. */
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  /** Forgets one key. */
  removeItem(key: string): void {
    this.items.delete(key);
  }

  /** Forgets everything (sign-out, expiry). */
  clear(): void {
    this.items.clear();
  }
}
