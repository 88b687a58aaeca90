import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { LocalAwsContext } from '../context';
import { operation, type JsonOperation } from '../http/json-protocol';
import {
  AccessTokenInput,
  changePassword,
  ChangePasswordInput,
  confirmForgotPassword,
  ConfirmForgotPasswordInput,
  forgotPassword,
  ForgotPasswordInput,
  getUser,
  globalSignOut,
} from './account-ops';
import { authenticateAccessToken } from './access-token';
import * as admin from './admin-ops';
import {
  adminCreateUser,
  AdminCreateUserInput,
  adminUpdateUserAttributes,
  AdminUpdateUserAttributesInput,
} from './create-user';
import {
  describeUserPool,
  DescribeUserPoolClientInput,
  describeUserPoolClient,
  DescribeUserPoolInput,
} from './describe';
import { listUsers, ListUsersInput } from './list-users';
import { requirePool, requireSignedRequest, requireUser } from './lookup';
import {
  AdminSetPreferenceInput,
  associateSoftwareToken,
  AssociateInput,
  SetPreferenceInput,
  setMfaPreference,
  verifySoftwareToken,
  VerifyInput,
} from './mfa/operations';
import {
  getTokensFromRefreshToken,
  GetTokensInput,
  revokeToken,
  RevokeTokenInput,
} from './refresh/operations';
import { SessionBook } from './sessions';
import {
  adminInitiateAuth,
  AdminInitiateAuthInput,
  initiateAuth,
  InitiateAuthInput,
} from './sign-in/initiate';
import {
  AdminRespondInput,
  adminRespondToAuthChallenge,
  RespondInput,
  respondToAuthChallenge,
} from './sign-in/respond';

export { serveWellKnown } from './well-known';

/** An admin operation: SigV4-signed (any signature), then the handler. */
function adminOperation<S extends z.ZodType>(
  input: S,
  handle: (input: z.infer<S>) => unknown,
): JsonOperation<S> {
  return operation(input, (parsed: z.infer<S>, req: IncomingMessage) => {
    requireSignedRequest(req);
    return handle(parsed);
  });
}

/** The AWSCognitoIdentityProviderService operations, by name. */
export function cognitoIdpOperations(ctx: LocalAwsContext): Record<string, JsonOperation> {
  const sessions = new SessionBook(ctx);
  return {
    InitiateAuth: operation(InitiateAuthInput, (i) => initiateAuth(ctx, sessions, i)),
    RespondToAuthChallenge: operation(RespondInput, (i) =>
      respondToAuthChallenge(ctx, sessions, i),
    ),
    GetTokensFromRefreshToken: operation(GetTokensInput, (i) => getTokensFromRefreshToken(ctx, i)),
    RevokeToken: operation(RevokeTokenInput, (i) => revokeToken(ctx, i)),
    GetUser: operation(AccessTokenInput, (i) => getUser(ctx, i)),
    GlobalSignOut: operation(AccessTokenInput, (i) => globalSignOut(ctx, i)),
    ChangePassword: operation(ChangePasswordInput, (i) => changePassword(ctx, i)),
    ForgotPassword: operation(ForgotPasswordInput, (i) => forgotPassword(ctx, i)),
    ConfirmForgotPassword: operation(ConfirmForgotPasswordInput, (i) =>
      confirmForgotPassword(ctx, i),
    ),
    AssociateSoftwareToken: operation(AssociateInput, (i) =>
      associateSoftwareToken(ctx, sessions, i),
    ),
    VerifySoftwareToken: operation(VerifyInput, (i) => verifySoftwareToken(ctx, sessions, i)),
    SetUserMFAPreference: operation(SetPreferenceInput, async (i) => {
      const { user } = await authenticateAccessToken(ctx, i.AccessToken);
      return setMfaPreference(ctx, user, i);
    }),

    AdminInitiateAuth: adminOperation(AdminInitiateAuthInput, (i) =>
      adminInitiateAuth(ctx, sessions, i),
    ),
    AdminRespondToAuthChallenge: adminOperation(AdminRespondInput, (i) =>
      adminRespondToAuthChallenge(ctx, sessions, i),
    ),
    AdminCreateUser: adminOperation(AdminCreateUserInput, (i) => adminCreateUser(ctx, i)),
    AdminUpdateUserAttributes: adminOperation(AdminUpdateUserAttributesInput, (i) =>
      adminUpdateUserAttributes(ctx, i),
    ),
    ListUsers: adminOperation(ListUsersInput, (i) => listUsers(ctx, i)),
    AdminSetUserPassword: adminOperation(admin.AdminSetUserPasswordInput, (i) =>
      admin.adminSetUserPassword(ctx, i),
    ),
    AdminAddUserToGroup: adminOperation(admin.AdminGroupInput, (i) =>
      admin.adminAddUserToGroup(ctx, i),
    ),
    AdminRemoveUserFromGroup: adminOperation(admin.AdminGroupInput, (i) =>
      admin.adminRemoveUserFromGroup(ctx, i),
    ),
    AdminDeleteUser: adminOperation(admin.AdminUserInput, (i) => admin.adminDeleteUser(ctx, i)),
    AdminGetUser: adminOperation(admin.AdminUserInput, (i) => admin.adminGetUser(ctx, i)),
    AdminDisableUser: adminOperation(admin.AdminUserInput, (i) => admin.adminDisableUser(ctx, i)),
    AdminEnableUser: adminOperation(admin.AdminUserInput, (i) => admin.adminEnableUser(ctx, i)),
    AdminUserGlobalSignOut: adminOperation(admin.AdminUserInput, (i) =>
      admin.adminUserGlobalSignOut(ctx, i),
    ),
    AdminResetUserPassword: adminOperation(admin.AdminUserInput, (i) =>
      admin.adminResetUserPassword(ctx, i),
    ),
    AdminConfirmSignUp: adminOperation(admin.AdminUserInput, (i) =>
      admin.adminConfirmSignUp(ctx, i),
    ),
    AdminSetUserMFAPreference: adminOperation(AdminSetPreferenceInput, (i) =>
      setMfaPreference(ctx, requireUser(requirePool(ctx, i.UserPoolId), i.Username), i),
    ),
    DescribeUserPool: adminOperation(DescribeUserPoolInput, (i) => describeUserPool(ctx, i)),
    DescribeUserPoolClient: adminOperation(DescribeUserPoolClientInput, (i) =>
      describeUserPoolClient(ctx, i),
    ),
  };
}
