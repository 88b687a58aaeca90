import { randomUUID } from 'node:crypto';
import type { LocalAwsContext } from '../../context';
import { hashCode, maskPhone, newSixDigitCode, recordDeliveredCode } from '../codes-log';
import { CognitoErrors } from '../errors';
import { chooseMfaStep } from '../mfa/choose';
import type { AppClientState, UserPoolState, UserState } from '../model';
import { verifyPassword } from '../password';
import { issueRefreshToken } from '../refresh/store';
import type { ChallengeName, SessionBook } from '../sessions';
import { mintTokens } from '../tokens';
import { enabledMfaMethods, userAttributes } from '../user-view';

/** Everything one sign-in step works on. */
export interface SignIn {
  ctx: LocalAwsContext;
  sessions: SessionBook;
  pool: UserPoolState;
  client: AppClientState;
  user: UserState;
}

/** InitiateAuth / RespondToAuthChallenge output: a challenge or the tokens. */
export interface AuthOutcome {
  ChallengeName?: ChallengeName;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: {
    AccessToken: string;
    ExpiresIn: number;
    TokenType: 'Bearer';
    IdToken: string;
    RefreshToken?: string;
  };
}

/** Rejects a user who may not even try to sign in (disabled). */
export function assertUserMaySignIn(user: UserState): void {
  if (!user.enabled) throw CognitoErrors.userDisabled();
}

/** Checks a plain password, then the states a correct password still cannot get past. */
export function checkPasswordAndState(ctx: LocalAwsContext, user: UserState, password: string) {
  if (!verifyPassword(user.password, password)) throw CognitoErrors.incorrectPassword();
  assertStateAfterPassword(ctx, user);
}

/** The states Cognito reports only once the password was right. */
export function assertStateAfterPassword(ctx: LocalAwsContext, user: UserState): void {
  if (user.status === 'UNCONFIRMED') throw CognitoErrors.userNotConfirmed();
  if (user.status === 'RESET_REQUIRED') throw CognitoErrors.passwordResetRequired();
  if (
    user.status === 'FORCE_CHANGE_PASSWORD' &&
    user.temporaryPasswordExpiresAt !== undefined &&
    user.temporaryPasswordExpiresAt < ctx.now()
  )
    throw CognitoErrors.temporaryPasswordExpired();
}

/** After the password: a new password first if the current one is temporary, then MFA. */
export async function afterPassword(signIn: SignIn): Promise<AuthOutcome> {
  if (signIn.user.status === 'FORCE_CHANGE_PASSWORD') {
    const attributes = Object.fromEntries(
      userAttributes(signIn.user)
        .filter((a) => a.Name !== 'sub')
        .map((a) => [a.Name, a.Value]),
    );
    return challenge(signIn, 'NEW_PASSWORD_REQUIRED', {
      userAttributes: JSON.stringify(attributes),
      requiredAttributes: '[]',
    });
  }
  return afterNewPassword(signIn);
}

/** After the password is settled: the MFA challenge the pool and user call for, or tokens. */
export async function afterNewPassword(signIn: SignIn): Promise<AuthOutcome> {
  const step = chooseMfaStep(signIn.pool, signIn.user);
  if (!step) return issueTokens(signIn);
  return startMfaChallenge(signIn, step);
}

/** Issues the given MFA challenge (sending the SMS code when it is SMS_MFA). */
export function startMfaChallenge(
  signIn: SignIn,
  step: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'SELECT_MFA_TYPE' | 'MFA_SETUP',
): AuthOutcome {
  const { user } = signIn;
  if (step === 'SMS_MFA') {
    const phone = user.phoneNumber ?? '';
    const code = newSixDigitCode();
    recordDeliveredCode(signIn.ctx, {
      userPoolId: signIn.pool.id,
      user,
      purpose: 'sms-mfa',
      code,
    });
    return challenge(
      signIn,
      'SMS_MFA',
      { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: maskPhone(phone) },
      { smsCodeHash: hashCode(code) },
    );
  }
  if (step === 'SELECT_MFA_TYPE')
    return challenge(signIn, step, { MFAS_CAN_CHOOSE: JSON.stringify(enabledMfaMethods(user)) });
  if (step === 'MFA_SETUP')
    return challenge(signIn, step, { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) });
  return challenge(signIn, step, {});
}

function challenge(
  signIn: SignIn,
  name: ChallengeName,
  parameters: Record<string, string>,
  extra: { smsCodeHash?: string } = {},
): AuthOutcome {
  return {
    ChallengeName: name,
    Session: signIn.sessions.issueChallenge(signIn.pool, {
      kind: 'challenge',
      clientId: signIn.client.clientId,
      username: signIn.user.username,
      challenge: name,
      ...extra,
    }),
    ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: signIn.user.username },
  };
}

/** Ends a sign-in: ID, access and refresh tokens of a new sign-in (origin). */
export async function issueTokens(signIn: SignIn): Promise<AuthOutcome> {
  const { ctx, pool, client, user } = signIn;
  const authTime = Math.floor(ctx.now() / 1000);
  const originJti = randomUUID();
  const tokens = await mintTokens(ctx, pool, client, user, { authTime, originJti });
  const RefreshToken = issueRefreshToken(ctx, pool, client, user, { originJti, authTime });
  ctx.save();
  return { ChallengeParameters: {}, AuthenticationResult: { ...tokens, RefreshToken } };
}
