import { z } from 'zod';
import { AwsError } from '../http/aws-error';
import type { UserPoolState, UserState } from './model';
import { claimSignInNames } from './sign-in-names';

/** Cognito's AttributeType as requests carry it. */
export const AttributeInput = z.object({ Name: z.string().min(1), Value: z.string().default('') });
export type AttributeInput = z.infer<typeof AttributeInput>;

const IMMUTABLE = new Set(['sub']);

/** Applies attribute updates (AdminCreateUser, NEW_PASSWORD_REQUIRED) to a user. */
export function applyAttributeUpdates(user: UserState, updates: AttributeInput[]): void {
  for (const { Name, Value } of updates) {
    if (IMMUTABLE.has(Name))
      throw new AwsError('InvalidParameterException', `Cannot modify an already provided ${Name}`);
    switch (Name) {
      case 'email':
        user.email = Value;
        user.emailVerified ??= false;
        break;
      case 'email_verified':
        user.emailVerified = Value === 'true';
        break;
      case 'phone_number':
        if (!/^\+\d{4,15}$/.test(Value))
          throw new AwsError('InvalidParameterException', 'Invalid phone number format.');
        user.phoneNumber = Value;
        user.phoneNumberVerified ??= false;
        break;
      case 'phone_number_verified':
        user.phoneNumberVerified = Value === 'true';
        break;
      default:
        user.attributes = { ...user.attributes, [Name]: Value };
    }
  }
}

/**
 * Applies attribute updates to a stored user only if no other user already signs in with the
 * email, phone or alias they set (AliasExistsException otherwise), leaving the user untouched
 * on refusal.
 */
export function updateAttributesChecked(
  pool: UserPoolState,
  user: UserState,
  updates: AttributeInput[],
  options: { force?: boolean } = {},
): void {
  const draft = structuredClone(user);
  applyAttributeUpdates(draft, updates);
  claimSignInNames(pool, draft, { creating: false, replacing: user, ...options });
  Object.assign(user, draft);
}
