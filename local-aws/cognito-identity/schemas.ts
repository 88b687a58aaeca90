import { z } from 'zod';

// Constraints as the Cognito Identity API declares them, so bad input fails like it does on AWS.
const POOL_OR_IDENTITY_ID = /^[\w-]+:[0-9a-f-]+$/;

const RegionalId = z
  .string()
  .min(1, 'Member must have length greater than or equal to 1')
  .max(55, 'Member must have length less than or equal to 55')
  .regex(POOL_OR_IDENTITY_ID, 'Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+');

const Logins = z
  .record(
    z.string().min(1).max(128, 'Member must have length less than or equal to 128'),
    z.string().min(1).max(50_000, 'Member must have length less than or equal to 50000'),
  )
  .refine((logins) => Object.keys(logins).length <= 10, {
    message: 'Member must have length less than or equal to 10',
  });

/** GetId input. */
export const GetIdInput = z.object({
  AccountId: z
    .string()
    .regex(/^\d{1,15}$/, 'Member must satisfy regular expression pattern: \\d+')
    .optional(),
  IdentityPoolId: RegionalId,
  Logins: Logins.optional(),
});

/** GetCredentialsForIdentity input. */
export const GetCredentialsForIdentityInput = z.object({
  IdentityId: RegionalId,
  Logins: Logins.optional(),
  CustomRoleArn: z
    .string()
    .min(20, 'Member must have length greater than or equal to 20')
    .max(2048, 'Member must have length less than or equal to 2048')
    .optional(),
});

/** Input of the developer operations that name one pool (DescribeIdentityPool, GetIdentityPoolRoles). */
export const IdentityPoolIdInput = z.object({ IdentityPoolId: RegionalId });
