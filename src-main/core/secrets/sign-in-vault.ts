import { createHash } from 'node:crypto';
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
    /** How the token was got; absent means the password form (every sign-in before issue 12). */
    method: z.literal('managedLogin').optional(),
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

/**
 * Which Cognito a sign-in belongs to. A refresh token is sent back to where it came from, so the
 * keychain keeps it per user pool, app client and endpoints: once a config names another client
 * or endpoint, the stored token is not even read, let alone sent there.
 */
export interface SignInScope {
  userPoolId: string;
  clientId: string;
  /** The configured endpoint overrides (absent ones mean AWS itself). */
  endpoints: { cognitoIdp?: string; cognitoIdentity?: string; s3?: string };
  /** With browser sign-in, its domain also receives the refresh token, so it is part of the scope. */
  signIn?: { method?: 'password' | 'managedLogin'; domain?: string | undefined };
}

/**
 * The account prefix of a scope: "<pool>/<client>/<digest of the endpoints>". Pool and client IDs
 * never contain "/" or "#"; endpoint URLs do, hence the digest (which also keeps names short).
 */
export function scopeAccount(scope: SignInScope): string {
  const { cognitoIdp, cognitoIdentity, s3 } = scope.endpoints;
  const parts = [cognitoIdp ?? null, cognitoIdentity ?? null, s3 ?? null];
  // Only with browser sign-in, so that password sign-ins remembered before it keep their entry.
  const { method, domain } = scope.signIn ?? {};
  if (method === 'managedLogin' && domain) parts.push(domain);
  const endpoints = JSON.stringify(parts);
  const digest = createHash('sha256').update(endpoints).digest('hex').slice(0, 16);
  return `${scope.userPoolId}/${scope.clientId}/${digest}`;
}

/** The keychain account holding one user's sign-in. */
export const signInAccount = (scope: SignInScope, username: string) =>
  `${scopeAccount(scope)}/${username}`;
/** The keychain account naming who last signed in to a scope (not a secret; lets launch restore). */
export const lastUserAccount = (scope: SignInScope) => `${scopeAccount(scope)}#last-user`;
/**
 * The keychain account keeping the name a user signs in with (their email, in a pool that signs
 * in by email), when it is not their username: kept after sign-out to prefill the form.
 */
export const signInNameAccount = (scope: SignInScope, username: string) =>
  `${signInAccount(scope, username)}#sign-in-name`;
/** Where versions before the scoped accounts kept a user's sign-in: per pool only. */
const legacySignInAccount = (scope: SignInScope, username: string) =>
  `${scope.userPoolId}/${username}`;

/** Remembers sign-ins per scope (pool, client, endpoints) and user, so launch can restore silently. */
export class SignInVault {
  constructor(private readonly store: SecretStore) {}

  /**
   * Keeps a user's refresh token (and device secrets) under their username, with the name they
   * sign in with when it differs, and marks them as the pool's last user.
   */
  async save(
    scope: SignInScope,
    username: string,
    signIn: StoredSignIn,
    signInName = username,
  ): Promise<SecretWriteResult> {
    // strict() turns an access or ID token slipped in through a cast into a loud programmer error.
    const secret = JSON.stringify(StoredSignIn.parse(signIn));
    const written = await this.store.set(signInAccount(scope, username), secret);
    if (!written.ok) return written;
    if (signInName === username) await this.store.delete(signInNameAccount(scope, username));
    else {
      const named = await this.store.set(signInNameAccount(scope, username), signInName);
      if (!named.ok) return named;
    }
    // A token an older version kept per pool only is never read again: do not leave it lying about.
    await this.store.delete(legacySignInAccount(scope, username));
    return this.store.set(lastUserAccount(scope), username);
  }

  /** A user's kept sign-in, or null (also when what is stored is not a sign-in Hakobu wrote). */
  async load(scope: SignInScope, username: string): Promise<StoredSignIn | null> {
    const secret = await this.store.get(signInAccount(scope, username));
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

  /** Who last signed in to the scope, even after they signed out (to prefill the sign-in form). */
  lastUsername(scope: SignInScope): Promise<string | null> {
    return this.store.get(lastUserAccount(scope));
  }

  /** The name a user signs in with (their email in an email pool), else their username. */
  async signInName(scope: SignInScope, username: string): Promise<string> {
    return (await this.store.get(signInNameAccount(scope, username))) ?? username;
  }

  /** The last user's kept sign-in, for a silent restore at launch; null if there is none. */
  async restoreLast(
    scope: SignInScope,
  ): Promise<{ username: string; signInName: string; signIn: StoredSignIn } | null> {
    const username = await this.lastUsername(scope);
    if (!username) return null;
    const signIn = await this.load(scope, username);
    return signIn ? { username, signInName: await this.signInName(scope, username), signIn } : null;
  }

  /** Forgets a user's sign-in (sign-out). The last-user pointer stays unless `everything` is set. */
  async forget(scope: SignInScope, username: string, everything = false): Promise<void> {
    await this.store.delete(signInAccount(scope, username));
    await this.store.delete(legacySignInAccount(scope, username));
    if (everything && (await this.lastUsername(scope)) === username) {
      await this.store.delete(lastUserAccount(scope));
      await this.store.delete(signInNameAccount(scope, username));
    }
  }
}
