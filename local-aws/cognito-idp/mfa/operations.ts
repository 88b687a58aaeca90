import { z } from 'zod';
import type { LocalAwsContext } from '../../context';
import { authenticateAccessToken } from '../access-token';
import { CognitoErrors } from '../errors';
import { requireUser } from '../lookup';
import type { MfaMethod, UserPoolState, UserState } from '../model';
import type { SessionBook } from '../sessions';
import { enabledMfaMethods } from '../user-view';
import { isTotpCodeValid, newTotpSecret } from './totp';

/** AssociateSoftwareToken's input: an access token, or the Session of an MFA_SETUP challenge. */
export const AssociateInput = z.object({
  AccessToken: z.string().optional(),
  Session: z.string().optional(),
});

/** VerifySoftwareToken's input. */
export const VerifyInput = AssociateInput.extend({
  UserCode: z
    .string()
    .regex(/^[0-9]{6}$/, 'Member must satisfy regular expression pattern: [0-9]+'),
  FriendlyDeviceName: z.string().optional(),
});

const MfaSettings = z
  .object({ Enabled: z.boolean().optional(), PreferredMfa: z.boolean().optional() })
  .optional();

/** SetUserMFAPreference's input. */
export const SetPreferenceInput = z.object({
  AccessToken: z.string().min(1),
  SMSMfaSettings: MfaSettings,
  SoftwareTokenMfaSettings: MfaSettings,
});

/** AdminSetUserMFAPreference's input. */
export const AdminSetPreferenceInput = SetPreferenceInput.omit({ AccessToken: true }).extend({
  UserPoolId: z.string().min(1),
  Username: z.string().min(1),
});

type Holder =
  | { via: 'token'; pool: UserPoolState; user: UserState }
  | {
      via: 'session';
      pool: UserPoolState;
      user: UserState;
      clientId: string;
      id: string;
      expiresAt: number;
    };

async function holderOf(
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof AssociateInput>,
): Promise<Holder> {
  if (input.AccessToken) {
    const { pool, user } = await authenticateAccessToken(ctx, input.AccessToken);
    return { via: 'token', pool, user };
  }
  if (!input.Session) throw CognitoErrors.missingParameter('AccessToken');
  const { pool, session } = sessions.openChallengeAnyPool(input.Session);
  if (session.challenge !== 'MFA_SETUP') throw CognitoErrors.sessionInvalid();
  return { via: 'session', pool, user: requireUser(pool, session.username), ...session };
}

function mfaSetupSession(sessions: SessionBook, holder: Holder, verified: boolean): string {
  if (holder.via !== 'session') return '';
  sessions.redeem(holder);
  return sessions.issueChallenge(holder.pool, {
    kind: 'challenge',
    clientId: holder.clientId,
    username: holder.user.username,
    challenge: 'MFA_SETUP',
    ...(verified ? { mfaSetupVerified: true } : {}),
  });
}

/** AssociateSoftwareToken: hands out a new TOTP secret to be confirmed by VerifySoftwareToken. */
export async function associateSoftwareToken(
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof AssociateInput>,
): Promise<{ SecretCode: string; Session?: string }> {
  const holder = await holderOf(ctx, sessions, input);
  if (holder.pool.mfaConfiguration === 'OFF') throw CognitoErrors.totpNotEnabledForPool();
  const secret = newTotpSecret();
  holder.user.pendingTotpSecret = secret;
  holder.user.updatedAt = ctx.now();
  ctx.save();
  const session = mfaSetupSession(sessions, holder, false);
  return { SecretCode: secret, ...(session ? { Session: session } : {}) };
}

function enable(user: UserState, method: MfaMethod, preferred: boolean): void {
  const methods = new Set(enabledMfaMethods(user));
  methods.add(method);
  user.enabledMfa = [...methods];
  if (preferred) user.preferredMfa = method;
}

/** VerifySoftwareToken: the first TOTP code from the authenticator app confirms the secret. */
export async function verifySoftwareToken(
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof VerifyInput>,
): Promise<{ Status: 'SUCCESS'; Session?: string }> {
  const holder = await holderOf(ctx, sessions, input);
  const { user, pool } = holder;
  if (!user.pendingTotpSecret) throw CognitoErrors.totpNotAssociated();
  if (!isTotpCodeValid(user.pendingTotpSecret, input.UserCode, ctx.now()))
    throw CognitoErrors.totpEnableMismatch();
  user.totpSecret = user.pendingTotpSecret;
  delete user.pendingTotpSecret;
  // Sign-in set-up, or a pool that requires MFA, turns the method on; otherwise the user
  // still chooses with SetUserMFAPreference.
  if (holder.via === 'session' || pool.mfaConfiguration === 'ON')
    enable(user, 'SOFTWARE_TOKEN_MFA', !user.preferredMfa);
  user.updatedAt = ctx.now();
  ctx.save();
  const session = mfaSetupSession(sessions, holder, true);
  return { Status: 'SUCCESS', ...(session ? { Session: session } : {}) };
}

const turnsOn = (settings: z.infer<typeof MfaSettings>) =>
  settings?.Enabled === true || settings?.PreferredMfa === true;

function assertDeliverable(
  user: UserState,
  method: MfaMethod,
  settings: z.infer<typeof MfaSettings>,
): void {
  const deliverable = method === 'SMS_MFA' ? !!user.phoneNumber : !!user.totpSecret;
  if (turnsOn(settings) && !deliverable) throw CognitoErrors.mfaNotVerified(method);
}

function applyPreference(
  user: UserState,
  method: MfaMethod,
  settings: z.infer<typeof MfaSettings>,
): void {
  if (!settings) return;
  const turningOn = turnsOn(settings);
  if (settings.Enabled === false) {
    user.enabledMfa = enabledMfaMethods(user).filter((m) => m !== method);
    if (user.preferredMfa === method) delete user.preferredMfa;
    return;
  }
  if (turningOn) enable(user, method, settings.PreferredMfa === true);
  else if (settings.PreferredMfa === false && user.preferredMfa === method)
    delete user.preferredMfa;
}

/** Applies SMS and TOTP settings as SetUserMFAPreference / AdminSetUserMFAPreference do. */
export function setMfaPreference(
  ctx: LocalAwsContext,
  user: UserState,
  input: z.infer<typeof AdminSetPreferenceInput> | z.infer<typeof SetPreferenceInput>,
): Record<string, never> {
  // Check both methods before touching either, so a refusal leaves the user unchanged.
  assertDeliverable(user, 'SMS_MFA', input.SMSMfaSettings);
  assertDeliverable(user, 'SOFTWARE_TOKEN_MFA', input.SoftwareTokenMfaSettings);
  applyPreference(user, 'SMS_MFA', input.SMSMfaSettings);
  applyPreference(user, 'SOFTWARE_TOKEN_MFA', input.SoftwareTokenMfaSettings);
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}
