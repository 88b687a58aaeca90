import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';
import { CognitoErrors } from './errors';
import type { PasswordPolicy, PasswordRecord, UserPoolState } from './model';
import { createSrpVerifier } from './srp/verifier';

const SCRYPT_KEY_LENGTH = 32;

/** Cognito's default password policy, used when a pool sets none. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

// The special characters Cognito's policy counts as symbols.
const SYMBOLS = '^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+= ';

/** Derives what is stored for a password (never the password itself). */
export function createPasswordRecord(
  userPoolId: string,
  username: string,
  password: string,
): PasswordRecord {
  const scryptSalt = randomBytes(16);
  const { salt, verifier } = createSrpVerifier(userPoolId, username, password);
  return {
    scryptSalt: scryptSalt.toString('base64'),
    scryptHash: scryptSync(password, scryptSalt, SCRYPT_KEY_LENGTH).toString('base64'),
    srpSalt: salt,
    srpVerifier: verifier,
  };
}

/** True when the password matches the stored scrypt hash (constant-time comparison). */
export function verifyPassword(record: PasswordRecord, password: string): boolean {
  const expected = Buffer.from(record.scryptHash, 'base64');
  const actual = scryptSync(password, Buffer.from(record.scryptSalt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** The pool's policy, or Cognito's default. */
export const policyOf = (pool: UserPoolState): PasswordPolicy =>
  pool.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;

/** The first rule a password breaks, in Cognito's words, or undefined when it complies. */
export function policyViolation(policy: PasswordPolicy, password: string): string | undefined {
  if ([...password].length < policy.minimumLength) return 'Password not long enough';
  if (policy.requireLowercase && !/[a-z]/.test(password))
    return 'Password must have lowercase characters';
  if (policy.requireUppercase && !/[A-Z]/.test(password))
    return 'Password must have uppercase characters';
  if (policy.requireNumbers && !/[0-9]/.test(password))
    return 'Password must have numeric characters';
  if (policy.requireSymbols && ![...password].some((c) => SYMBOLS.includes(c)))
    return 'Password must have symbol characters';
  return undefined;
}

/**
 * Throws InvalidPasswordException when the password breaks the pool's policy. ChangePassword
 * words it "did not conform with policy", the other operations "does not conform to policy".
 */
export function assertPasswordPolicy(
  pool: UserPoolState,
  password: string,
  wording: 'set' | 'change' = 'set',
): void {
  const violation = policyViolation(policyOf(pool), password);
  if (violation) throw CognitoErrors.invalidPassword(violation, wording === 'change');
}

/** A random temporary password that satisfies the pool's policy (for AdminCreateUser without one). */
export function generateTemporaryPassword(pool: UserPoolState): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? '';
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=.'];
  const length = Math.max(policyOf(pool).minimumLength, 12);
  const chars = classes.map(pick);
  while (chars.length < length) chars.push(pick(classes.join('')));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
