import { z } from 'zod';
import type { LocalAwsContext } from '../context';
import { AwsError } from '../http/aws-error';
import { hashCode, newSixDigitCode, recordDeliveredCode } from './codes-log';
import { CognitoErrors } from './errors';
import { requirePool, requireUser } from './lookup';
import type { UserPoolState, UserState } from './model';
import { assertPasswordPolicy, createPasswordRecord, policyOf } from './password';
import { forgetUserTokens, revokeEverySignIn } from './refresh/store';
import { adminUserView } from './user-view';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Input naming one user of one pool, the shape most admin operations share. */
export const AdminUserInput = z.object({
  UserPoolId: z.string().min(1),
  Username: z.string().min(1),
});

/** AdminSetUserPassword's input. */
export const AdminSetUserPasswordInput = AdminUserInput.extend({
  Password: z.string().min(1),
  Permanent: z.boolean().default(false),
});

/** AdminAddUserToGroup's and AdminRemoveUserFromGroup's input. */
export const AdminGroupInput = AdminUserInput.extend({ GroupName: z.string().min(1) });

/** The pool and the user an admin request names (by username, email or alias). */
export function poolUser(ctx: LocalAwsContext, input: z.infer<typeof AdminUserInput>) {
  const pool = requirePool(ctx, input.UserPoolId);
  return { pool, user: requireUser(pool, input.Username) };
}

/** Gives a user a temporary password: FORCE_CHANGE_PASSWORD until it expires or is changed. */
export function setTemporaryPassword(
  pool: UserPoolState,
  user: UserState,
  password: string,
  now: number,
): void {
  user.password = createPasswordRecord(pool.id, user.username, password);
  user.status = 'FORCE_CHANGE_PASSWORD';
  user.temporaryPasswordExpiresAt = now + policyOf(pool).temporaryPasswordValidityDays * DAY_MS;
}

/** AdminSetUserPassword: a permanent password confirms the user, a temporary one forces a change. */
export function adminSetUserPassword(
  ctx: LocalAwsContext,
  input: z.infer<typeof AdminSetUserPasswordInput>,
) {
  const { pool, user } = poolUser(ctx, input);
  assertPasswordPolicy(pool, input.Password);
  const now = ctx.now();
  if (input.Permanent) {
    user.password = createPasswordRecord(pool.id, user.username, input.Password);
    user.status = 'CONFIRMED';
    delete user.temporaryPasswordExpiresAt;
  } else setTemporaryPassword(pool, user, input.Password, now);
  user.updatedAt = now;
  ctx.save();
  return {};
}

/** AdminAddUserToGroup: the group then shows in cognito:groups (and its role in cognito:roles). */
export function adminAddUserToGroup(ctx: LocalAwsContext, input: z.infer<typeof AdminGroupInput>) {
  const { pool, user } = poolUser(ctx, input);
  if (!Object.hasOwn(pool.groups, input.GroupName)) throw CognitoErrors.groupNotFound();
  if (!user.groups.includes(input.GroupName)) user.groups.push(input.GroupName);
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}

/** AdminRemoveUserFromGroup. */
export function adminRemoveUserFromGroup(
  ctx: LocalAwsContext,
  input: z.infer<typeof AdminGroupInput>,
) {
  const { pool, user } = poolUser(ctx, input);
  if (!Object.hasOwn(pool.groups, input.GroupName)) throw CognitoErrors.groupNotFound();
  user.groups = user.groups.filter((g) => g !== input.GroupName);
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}

/** AdminDeleteUser: the user and every refresh token of theirs are gone. */
export function adminDeleteUser(ctx: LocalAwsContext, input: z.infer<typeof AdminUserInput>) {
  const { pool, user } = poolUser(ctx, input);
  delete pool.users[user.username];
  forgetUserTokens(pool, user.username);
  ctx.save();
  return {};
}

/** AdminGetUser. */
export function adminGetUser(ctx: LocalAwsContext, input: z.infer<typeof AdminUserInput>) {
  return adminUserView(poolUser(ctx, input).user);
}

/** AdminDisableUser: the user can no longer sign in, and their tokens are revoked. */
export function adminDisableUser(ctx: LocalAwsContext, input: z.infer<typeof AdminUserInput>) {
  const { pool, user } = poolUser(ctx, input);
  user.enabled = false;
  revokeEverySignIn(ctx, pool, user);
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}

/** AdminEnableUser. */
export function adminEnableUser(ctx: LocalAwsContext, input: z.infer<typeof AdminUserInput>) {
  const { user } = poolUser(ctx, input);
  user.enabled = true;
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}

/** AdminUserGlobalSignOut: GlobalSignOut on the user's behalf. */
export function adminUserGlobalSignOut(
  ctx: LocalAwsContext,
  input: z.infer<typeof AdminUserInput>,
) {
  const { pool, user } = poolUser(ctx, input);
  revokeEverySignIn(ctx, pool, user);
  ctx.save();
  return {};
}

/** AdminResetUserPassword: RESET_REQUIRED, with a reset code sent when the user can receive one. */
export function adminResetUserPassword(
  ctx: LocalAwsContext,
  input: z.infer<typeof AdminUserInput>,
) {
  const { pool, user } = poolUser(ctx, input);
  user.status = 'RESET_REQUIRED';
  user.updatedAt = ctx.now();
  const code = newSixDigitCode();
  user.pendingCode = {
    purpose: 'forgot-password',
    hash: hashCode(code),
    expiresAt: ctx.now() + 60 * 60 * 1000,
  };
  ctx.save();
  if (user.email || user.phoneNumber)
    recordDeliveredCode(ctx, {
      userPoolId: pool.id,
      user,
      purpose: 'forgot-password',
      code,
    });
  return {};
}

/** AdminConfirmSignUp: confirms an UNCONFIRMED user. */
export function adminConfirmSignUp(ctx: LocalAwsContext, input: z.infer<typeof AdminUserInput>) {
  const { user } = poolUser(ctx, input);
  if (user.status !== 'UNCONFIRMED')
    throw new AwsError(
      'NotAuthorizedException',
      `User cannot be confirmed. Current status is ${user.status}`,
    );
  user.status = 'CONFIRMED';
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}
