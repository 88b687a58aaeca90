import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { CompanyIdpUserSetup } from '../setup/schema';
import type { CompanyIdpState, CompanyIdpUserState } from './model';

const KEY_LENGTH = 32;

/** A setup user as the IdP keeps it: a stable sub and a scrypt hash in place of the password. */
export function companyUserFromSetup(user: CompanyIdpUserSetup): CompanyIdpUserState {
  const salt = randomBytes(16);
  // A sub derived from the username keeps a restarted stand-in's federated user the same person.
  const sub = user.sub ?? createHash('sha256').update(user.username).digest('hex').slice(0, 24);
  return {
    username: user.username,
    sub,
    ...(user.email ? { email: user.email } : {}),
    ...(user.name ? { name: user.name } : {}),
    passwordSalt: salt.toString('base64'),
    passwordHash: scryptSync(user.password, salt, KEY_LENGTH).toString('base64'),
  };
}

/** The user whose username and password both match, or undefined (constant-time comparison). */
export function authenticateCompanyUser(
  idp: CompanyIdpState,
  username: string,
  password: string,
): CompanyIdpUserState | undefined {
  const user = idp.users.find((u) => u.username === username);
  if (!user) return undefined;
  const expected = Buffer.from(user.passwordHash, 'base64');
  const actual = scryptSync(password, Buffer.from(user.passwordSalt, 'base64'), expected.length);
  return timingSafeEqual(expected, actual) ? user : undefined;
}
