import { z } from 'zod';
import type { SecretStore, SecretWriteResult } from './secret-store';

/**
 * What is kept between launches: only the refresh token, plus the device secrets when the pool
 * tracks devices (a refresh with device tracking on needs the device key). ID and access tokens
 * are minted again from the refresh token, so they never touch the keychain.
 */
export const StoredSignIn = z
  .object({
    refreshToken: z.string().min(1),
    device: z
      .object({
        deviceKey: z.string().min(1),
        deviceGroupKey: z.string().min(1),
        randomPassword: z.string().min(1),
      })
      .strict()
      .optional(),
  })
  .strict();
export type StoredSignIn = z.infer<typeof StoredSignIn>;

/** The keychain account holding one user's sign-in. Pool IDs never contain "/" or "#". */
export const signInAccount = (userPoolId: string, username: string) => `${userPoolId}/${username}`;
/** The keychain account naming who last signed in to a pool (not a secret; lets launch restore). */
export const lastUserAccount = (userPoolId: string) => `${userPoolId}#last-user`;

/** Remembers sign-ins per user pool and user in a SecretStore, so launch can restore silently. */
export class SignInVault {
  constructor(private readonly store: SecretStore) {}

  /** Keeps a user's refresh token (and device secrets), and marks them as the pool's last user. */
  async save(
    userPoolId: string,
    username: string,
    signIn: StoredSignIn,
  ): Promise<SecretWriteResult> {
    // strict() turns an access or ID token slipped in through a cast into a loud programmer error.
    const secret = JSON.stringify(StoredSignIn.parse(signIn));
    const written = await this.store.set(signInAccount(userPoolId, username), secret);
    if (!written.ok) return written;
    return this.store.set(lastUserAccount(userPoolId), username);
  }

  /** A user's kept sign-in, or null (also when what is stored is not a sign-in Hakobu wrote). */
  async load(userPoolId: string, username: string): Promise<StoredSignIn | null> {
    const secret = await this.store.get(signInAccount(userPoolId, username));
    if (secret === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(secret);
    } catch {
      return null;
    }
    const parsed = StoredSignIn.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  /** Who last signed in to the pool, even after they signed out (to prefill the sign-in form). */
  lastUsername(userPoolId: string): Promise<string | null> {
    return this.store.get(lastUserAccount(userPoolId));
  }

  /** The last user's kept sign-in, for a silent restore at launch; null if there is none. */
  async restoreLast(
    userPoolId: string,
  ): Promise<{ username: string; signIn: StoredSignIn } | null> {
    const username = await this.lastUsername(userPoolId);
    if (!username) return null;
    const signIn = await this.load(userPoolId, username);
    return signIn ? { username, signIn } : null;
  }

  /** Forgets a user's sign-in (sign-out). The last-user pointer stays unless `everything` is set. */
  async forget(userPoolId: string, username: string, everything = false): Promise<void> {
    await this.store.delete(signInAccount(userPoolId, username));
    if (everything && (await this.lastUsername(userPoolId)) === username) {
      await this.store.delete(lastUserAccount(userPoolId));
    }
  }
}
