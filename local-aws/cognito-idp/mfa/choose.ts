import type { MfaMethod, UserPoolState, UserState } from '../model';
import { enabledMfaMethods } from '../user-view';

/** The MFA challenge a sign-in must pass next, if any. */
export type MfaStep = MfaMethod | 'SELECT_MFA_TYPE' | 'MFA_SETUP';

/**
 * Decides the MFA step after the password, as Cognito does: the preferred enabled method, a
 * choice when several are on without a preference, and when the pool requires MFA but the user
 * has none, SMS to a known phone number or else TOTP set-up.
 */
export function chooseMfaStep(pool: UserPoolState, user: UserState): MfaStep | undefined {
  if (pool.mfaConfiguration === 'OFF') return undefined;
  const methods = enabledMfaMethods(user);
  if (user.preferredMfa && methods.includes(user.preferredMfa)) return user.preferredMfa;
  if (methods.length === 1) return methods[0];
  if (methods.length > 1) return 'SELECT_MFA_TYPE';
  if (pool.mfaConfiguration !== 'ON') return undefined;
  if (user.totpSecret) return 'SOFTWARE_TOKEN_MFA';
  if (user.phoneNumber) return 'SMS_MFA';
  return 'MFA_SETUP';
}
