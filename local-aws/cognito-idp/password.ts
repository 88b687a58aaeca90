import type { PasswordRecord } from './model';

// PLACEHOLDER — the cognito-idp work replaces this with scrypt + the real SRP-6a verifier.
/** Derives what is stored for a password (never the password itself). */
export function createPasswordRecord(
  _userPoolId: string,
  _username: string,
  _password: string,
): PasswordRecord {
  throw new Error('not implemented');
}
