import { z } from 'zod';
import type { LocalAwsContext } from '../context';
import { authenticateAccessToken } from './access-token';
import { hashCode, maskEmail, maskPhone, newSixDigitCode, recordDeliveredCode } from './codes-log';
import { CognitoErrors } from './errors';
import { checkSecretHash, findUser, requireClient } from './lookup';
import type { UserState } from './model';
import { assertPasswordPolicy, createPasswordRecord, verifyPassword } from './password';
import { revokeEverySignIn } from './refresh/store';
import { mfaView, userAttributes } from './user-view';

/** Cognito keeps a ForgotPassword code valid for one hour. */
const RESET_CODE_LIFETIME_MS = 60 * 60 * 1000;

/** Input of the operations that act on the caller's own account (GetUser, GlobalSignOut). */
export const AccessTokenInput = z.object({ AccessToken: z.string().min(1) });

/** ChangePassword's input. */
export const ChangePasswordInput = AccessTokenInput.extend({
  PreviousPassword: z.string().min(1),
  ProposedPassword: z.string().min(1),
});

/** ForgotPassword's input. */
export const ForgotPasswordInput = z.object({
  ClientId: z.string().min(1),
  Username: z.string().min(1),
  SecretHash: z.string().optional(),
});

/** ConfirmForgotPassword's input. */
export const ConfirmForgotPasswordInput = ForgotPasswordInput.extend({
  ConfirmationCode: z.string().min(1),
  Password: z.string().min(1),
});

/** GetUser: the signed-in user's attributes and MFA settings. */
export async function getUser(ctx: LocalAwsContext, input: z.infer<typeof AccessTokenInput>) {
  const { user } = await authenticateAccessToken(ctx, input.AccessToken);
  return { Username: user.username, UserAttributes: userAttributes(user), ...mfaView(user) };
}

/** GlobalSignOut: revokes every refresh token of the user and the access tokens issued so far. */
export async function globalSignOut(ctx: LocalAwsContext, input: z.infer<typeof AccessTokenInput>) {
  const { pool, user } = await authenticateAccessToken(ctx, input.AccessToken);
  revokeEverySignIn(ctx, pool, user);
  ctx.save();
  return {};
}

/** ChangePassword: needs the current password; existing sessions stay signed in, as in Cognito. */
export async function changePassword(
  ctx: LocalAwsContext,
  input: z.infer<typeof ChangePasswordInput>,
) {
  const { pool, user } = await authenticateAccessToken(ctx, input.AccessToken);
  if (!verifyPassword(user.password, input.PreviousPassword))
    throw CognitoErrors.incorrectPassword();
  assertPasswordPolicy(pool, input.ProposedPassword, 'change');
  user.password = createPasswordRecord(pool.id, user.username, input.ProposedPassword);
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}

function resetDelivery(user: UserState) {
  if (user.email && (user.emailVerified ?? true))
    return { Destination: maskEmail(user.email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
  if (user.phoneNumber && (user.phoneNumberVerified ?? true))
    return {
      Destination: maskPhone(user.phoneNumber),
      DeliveryMedium: 'SMS',
      AttributeName: 'phone_number',
    };
  throw CognitoErrors.noDeliveryForReset();
}

function resettableUser(ctx: LocalAwsContext, input: z.infer<typeof ForgotPasswordInput>) {
  const { pool, client } = requireClient(ctx, input.ClientId);
  if (client.clientSecret && !input.SecretHash)
    throw CognitoErrors.secretHashMissing(client.clientId);
  const user = findUser(pool, input.Username);
  if (!user) throw CognitoErrors.usernameClientNotFound();
  checkSecretHash(client, input.SecretHash, [input.Username, user.username, user.sub]);
  if (!user.enabled) throw CognitoErrors.userDisabled();
  return { pool, user };
}

/** ForgotPassword: "sends" a six-digit code, which lands in codes.log. */
export function forgotPassword(ctx: LocalAwsContext, input: z.infer<typeof ForgotPasswordInput>) {
  const { pool, user } = resettableUser(ctx, input);
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw CognitoErrors.cannotResetInState();
  const delivery = resetDelivery(user);
  const code = newSixDigitCode();
  user.pendingCode = {
    purpose: 'forgot-password',
    hash: hashCode(code),
    expiresAt: ctx.now() + RESET_CODE_LIFETIME_MS,
  };
  ctx.save();
  recordDeliveredCode(ctx, {
    userPoolId: pool.id,
    user,
    purpose: 'forgot-password',
    code,
  });
  return { CodeDeliveryDetails: delivery };
}

/** ConfirmForgotPassword: the code from ForgotPassword sets a new password. */
export function confirmForgotPassword(
  ctx: LocalAwsContext,
  input: z.infer<typeof ConfirmForgotPasswordInput>,
) {
  const { pool, user } = resettableUser(ctx, input);
  const pending = user.pendingCode;
  if (!pending || hashCode(input.ConfirmationCode) !== pending.hash)
    throw CognitoErrors.resetCodeMismatch();
  if (pending.expiresAt < ctx.now()) throw CognitoErrors.resetCodeExpired();
  assertPasswordPolicy(pool, input.Password);
  user.password = createPasswordRecord(pool.id, user.username, input.Password);
  user.status = 'CONFIRMED';
  delete user.pendingCode;
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}
