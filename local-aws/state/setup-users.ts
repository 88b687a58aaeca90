import type { MfaMethod, UserPoolState, UserState } from '../cognito-idp/model';
import { createPasswordRecord } from '../cognito-idp/password';
import { claimSignInNames, nameNewUser } from '../cognito-idp/sign-in-names';
import type { UserSetup } from '../setup/schema';

function mfaFromSetup(user: UserSetup): Pick<UserState, 'enabledMfa' | 'preferredMfa'> {
  const enabledMfa: MfaMethod[] = [];
  if (user.totpSecret) enabledMfa.push('SOFTWARE_TOKEN_MFA');
  if (user.smsMfa && user.phoneNumber) enabledMfa.push('SMS_MFA');
  return enabledMfa[0] ? { enabledMfa, preferredMfa: enabledMfa[0] } : {};
}

// Builds the user as AdminCreateUser would name it. Setup users count as verified (no flags).
function userFromSetup(pool: UserPoolState, user: UserSetup, now: number): UserState {
  const given = [
    ...(user.email ? [{ Name: 'email', Value: user.email }] : []),
    ...(user.phoneNumber ? [{ Name: 'phone_number', Value: user.phoneNumber }] : []),
  ];
  const named = nameNewUser(pool, user.username, given);
  const implied = new Map(named.implied.map((a) => [a.Name, a.Value]));
  const email = user.email ?? implied.get('email');
  const phoneNumber = user.phoneNumber ?? implied.get('phone_number');
  return {
    username: named.username,
    sub: named.sub,
    ...(email ? { email } : {}),
    ...(user.preferredUsername
      ? { attributes: { preferred_username: user.preferredUsername } }
      : {}),
    status: user.status,
    enabled: true,
    password: createPasswordRecord(pool.id, named.username, user.password),
    groups: [...user.groups],
    ...(phoneNumber ? { phoneNumber } : {}),
    ...(user.totpSecret ? { totpSecret: user.totpSecret } : {}),
    ...mfaFromSetup(user),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Adds the setup file's users to a new pool. In a pool that signs in by email, `username` is the
 * email the user types and the stored username is a UUID, as Cognito makes it. A setup Cognito
 * would refuse (a non-email username there, a duplicate email or alias) stops the start.
 */
export function addSetupUsers(pool: UserPoolState, users: UserSetup[], now: number): void {
  for (const setup of users) {
    try {
      const user = userFromSetup(pool, setup, now);
      if (Object.hasOwn(pool.users, user.username)) throw new Error('User account already exists');
      claimSignInNames(pool, user, { creating: true });
      pool.users[user.username] = user;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`user pool ${pool.name}: user ${setup.username}: ${reason}`, {
        cause: error,
      });
    }
  }
}
