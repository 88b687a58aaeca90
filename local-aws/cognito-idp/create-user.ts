import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LocalAwsContext } from '../context';
import { AdminUserInput, poolUser, setTemporaryPassword } from './admin-ops';
import { applyAttributeUpdates, AttributeInput, updateAttributesChecked } from './attributes';
import { recordDeliveredCode } from './codes-log';
import { CognitoErrors } from './errors';
import { findUser, requirePool } from './lookup';
import type { UserPoolState, UserState } from './model';
import { assertPasswordPolicy, createPasswordRecord, generateTemporaryPassword } from './password';
import { claimSignInNames, nameNewUser } from './sign-in-names';
import { userType } from './user-view';

/** AdminCreateUser's input. */
export const AdminCreateUserInput = AdminUserInput.extend({
  UserAttributes: z.array(AttributeInput).default([]),
  TemporaryPassword: z.string().min(1).optional(),
  MessageAction: z.enum(['RESEND', 'SUPPRESS']).optional(),
  /** Moves a verified email or phone alias from another user instead of refusing it. */
  ForceAliasCreation: z.boolean().default(false),
});

/** AdminUpdateUserAttributes' input. */
export const AdminUpdateUserAttributesInput = AdminUserInput.extend({
  UserAttributes: z.array(AttributeInput).min(1),
});

function resendTo(pool: UserPoolState, name: string): UserState {
  const existing = findUser(pool, name);
  if (!existing) throw CognitoErrors.userNotFound();
  if (existing.status !== 'FORCE_CHANGE_PASSWORD')
    throw CognitoErrors.unsupportedUserState('User account already exists');
  return existing;
}

/** A new user as Cognito names it: in a pool that signs in by email, a UUID username and sub. */
function newUser(
  pool: UserPoolState,
  input: z.infer<typeof AdminCreateUserInput>,
  now: number,
): UserState {
  const named = nameNewUser(pool, input.Username, input.UserAttributes);
  if (Object.hasOwn(pool.users, named.username)) throw CognitoErrors.userExists();
  const user: UserState = {
    username: named.username,
    sub: named.sub,
    status: 'FORCE_CHANGE_PASSWORD',
    enabled: true,
    password: createPasswordRecord(pool.id, named.username, randomUUID()),
    groups: [],
    createdAt: now,
    updatedAt: now,
  };
  applyAttributeUpdates(user, [...named.implied, ...input.UserAttributes]);
  claimSignInNames(pool, user, { creating: true, force: input.ForceAliasCreation });
  return user;
}

/** AdminCreateUser: a user in FORCE_CHANGE_PASSWORD whose invitation lands in codes.log. */
export function adminCreateUser(ctx: LocalAwsContext, input: z.infer<typeof AdminCreateUserInput>) {
  const pool = requirePool(ctx, input.UserPoolId);
  if (input.TemporaryPassword) assertPasswordPolicy(pool, input.TemporaryPassword);
  const now = ctx.now();
  let user: UserState;
  if (input.MessageAction === 'RESEND') {
    user = resendTo(pool, input.Username);
    updateAttributesChecked(pool, user, input.UserAttributes, {
      force: input.ForceAliasCreation,
    });
  } else user = newUser(pool, input, now);
  const temporary = input.TemporaryPassword ?? generateTemporaryPassword(pool);
  setTemporaryPassword(pool, user, temporary, now);
  user.updatedAt = now;
  pool.users[user.username] = user;
  ctx.save();
  if (input.MessageAction !== 'SUPPRESS')
    recordDeliveredCode(ctx, {
      userPoolId: pool.id,
      user,
      purpose: 'temporary-password',
      code: temporary,
    });
  return { User: userType(user) };
}

/**
 * AdminUpdateUserAttributes: sets attributes, refusing an email, phone or alias another user
 * already signs in with (AliasExistsException). In a pool that signs in by email, a new email
 * is the user's new sign-in name; the username (UUID) stays.
 */
export function adminUpdateUserAttributes(
  ctx: LocalAwsContext,
  input: z.infer<typeof AdminUpdateUserAttributesInput>,
) {
  const { pool, user } = poolUser(ctx, input);
  updateAttributesChecked(pool, user, input.UserAttributes);
  user.updatedAt = ctx.now();
  ctx.save();
  return {};
}
