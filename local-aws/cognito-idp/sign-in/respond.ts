import { z } from 'zod';
import type { LocalAwsContext } from '../../context';
import { hashCode } from '../codes-log';
import { CognitoErrors } from '../errors';
import { isTotpCodeValid } from '../mfa/totp';
import { checkSecretHash, findUser, requireClient, requirePool, requireUser } from '../lookup';
import type { UserState } from '../model';
import { assertPasswordPolicy, createPasswordRecord } from '../password';
import { ChallengeName, type ChallengeSession, type SessionBook } from '../sessions';
import { enabledMfaMethods } from '../user-view';
import { updateAttributesChecked } from '../attributes';
import {
  afterNewPassword,
  afterPassword,
  assertStateAfterPassword,
  issueTokens,
  startMfaChallenge,
  type AuthOutcome,
  type SignIn,
} from './outcome';
import { verifyPasswordClaim } from './srp';

/** RespondToAuthChallenge's input. */
export const RespondInput = z.object({
  ClientId: z.string().min(1),
  ChallengeName,
  Session: z.string().optional(),
  ChallengeResponses: z.record(z.string(), z.string().nullish()).default({}),
});

/** AdminRespondToAuthChallenge's input. */
export const AdminRespondInput = RespondInput.extend({ UserPoolId: z.string().min(1) });

type Responses = z.infer<typeof RespondInput>['ChallengeResponses'];

function response(responses: Responses, name: string): string {
  const value = responses[name];
  if (!value) throw CognitoErrors.missingParameter(name);
  return value;
}

const USER_ATTRIBUTE_PREFIX = 'userAttributes.';

async function answerNewPassword(signIn: SignIn, responses: Responses): Promise<AuthOutcome> {
  const { ctx, pool, user } = signIn;
  const password = response(responses, 'NEW_PASSWORD');
  assertPasswordPolicy(pool, password);
  const updates = Object.entries(responses)
    .filter(([name, value]) => name.startsWith(USER_ATTRIBUTE_PREFIX) && typeof value === 'string')
    .map(([name, value]) => ({
      Name: name.slice(USER_ATTRIBUTE_PREFIX.length),
      Value: value ?? '',
    }));
  updateAttributesChecked(pool, user, updates);
  user.password = createPasswordRecord(pool.id, user.username, password);
  user.status = 'CONFIRMED';
  delete user.temporaryPasswordExpiresAt;
  user.updatedAt = ctx.now();
  ctx.save();
  return afterNewPassword(signIn);
}

function answerMfaCode(
  signIn: SignIn,
  session: ChallengeSession,
  challenge: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA',
  responses: Responses,
): void {
  const { user } = signIn;
  if (challenge === 'SMS_MFA') {
    const code = response(responses, 'SMS_MFA_CODE');
    if (!session.smsCodeHash || hashCode(code) !== session.smsCodeHash)
      throw CognitoErrors.mfaCodeMismatch();
    return;
  }
  const code = response(responses, 'SOFTWARE_TOKEN_MFA_CODE');
  if (!user.totpSecret || !isTotpCodeValid(user.totpSecret, code, signIn.ctx.now()))
    throw CognitoErrors.mfaCodeMismatch();
}

function selectMfaType(signIn: SignIn, responses: Responses): AuthOutcome {
  const answer = response(responses, 'ANSWER');
  const methods = enabledMfaMethods(signIn.user);
  if ((answer !== 'SMS_MFA' && answer !== 'SOFTWARE_TOKEN_MFA') || !methods.includes(answer))
    throw CognitoErrors.invalidMfaAnswer();
  return startMfaChallenge(signIn, answer);
}

async function answerSessionChallenge(
  signIn: SignIn,
  session: ChallengeSession,
  responses: Responses,
): Promise<AuthOutcome> {
  switch (session.challenge) {
    case 'NEW_PASSWORD_REQUIRED': {
      const outcome = await answerNewPassword(signIn, responses);
      signIn.sessions.redeem(session);
      return outcome;
    }
    case 'SMS_MFA':
    case 'SOFTWARE_TOKEN_MFA':
      // A wrong code leaves the session usable for another try, as in Cognito.
      answerMfaCode(signIn, session, session.challenge, responses);
      signIn.sessions.redeem(session);
      return issueTokens(signIn);
    case 'SELECT_MFA_TYPE': {
      const outcome = selectMfaType(signIn, responses);
      signIn.sessions.redeem(session);
      return outcome;
    }
    case 'MFA_SETUP':
      if (!session.mfaSetupVerified) throw CognitoErrors.mfaSetupIncomplete();
      signIn.sessions.redeem(session);
      return issueTokens(signIn);
    case 'PASSWORD_VERIFIER':
      throw CognitoErrors.sessionInvalid();
  }
}

async function respond(
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof RespondInput>,
  poolId?: string,
): Promise<AuthOutcome> {
  const found = requireClient(ctx, input.ClientId);
  const pool = poolId ? requirePool(ctx, poolId) : found.pool;
  if (pool !== found.pool) throw CognitoErrors.clientNotFound(input.ClientId);
  const { client } = found;
  const responses = input.ChallengeResponses;
  const username = response(responses, 'USERNAME');
  if (client.clientSecret && !responses.SECRET_HASH)
    throw CognitoErrors.secretHashMissing(client.clientId);

  let user: UserState;
  if (input.ChallengeName === 'PASSWORD_VERIFIER') {
    user = verifyPasswordClaim(sessions, pool, client, responses);
    checkSecretHash(client, responses.SECRET_HASH, [username, user.username, user.sub]);
    if (!user.enabled) throw CognitoErrors.userDisabled();
    assertStateAfterPassword(ctx, user);
    return afterPassword({ ctx, sessions, pool, client, user });
  }
  if (!input.Session) throw CognitoErrors.missingParameter('Session');
  const session = sessions.openChallenge(pool, client.clientId, input.Session);
  if (session.challenge !== input.ChallengeName) throw CognitoErrors.sessionInvalid();
  user = requireUser(pool, session.username);
  // Clients that signed in by email without SRP (USER_PASSWORD_AUTH) keep answering as the email.
  if (findUser(pool, username) !== user) throw CognitoErrors.sessionInvalid();
  checkSecretHash(client, responses.SECRET_HASH, [username, user.username, user.sub]);
  if (!user.enabled) throw CognitoErrors.userDisabled();
  return answerSessionChallenge({ ctx, sessions, pool, client, user }, session, responses);
}

/** RespondToAuthChallenge: answers the challenge InitiateAuth (or a previous answer) posed. */
export const respondToAuthChallenge = (
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof RespondInput>,
): Promise<AuthOutcome> => respond(ctx, sessions, input);

/** AdminRespondToAuthChallenge: the same, for a named pool. */
export const adminRespondToAuthChallenge = (
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof AdminRespondInput>,
): Promise<AuthOutcome> => respond(ctx, sessions, input, input.UserPoolId);
