import { z } from 'zod';
import type { LocalAwsContext } from '../../context';
import { CognitoErrors } from '../errors';
import { checkSecretHash, requireClient, requirePool, requireUser } from '../lookup';
import type { AppClientState, UserPoolState } from '../model';
import { renewFromRefreshToken } from '../refresh/renew';
import type { SessionBook } from '../sessions';
import {
  afterPassword,
  assertUserMaySignIn,
  checkPasswordAndState,
  type AuthOutcome,
  type SignIn,
} from './outcome';
import { startSrp } from './srp';

const AuthFlow = z.enum([
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
]);
type AuthFlow = z.infer<typeof AuthFlow>;

const Parameters = z.record(z.string(), z.string().nullish()).default({});

/** InitiateAuth's input. */
export const InitiateAuthInput = z.object({
  AuthFlow,
  ClientId: z.string().min(1),
  AuthParameters: Parameters,
});

/** AdminInitiateAuth's input. */
export const AdminInitiateAuthInput = InitiateAuthInput.extend({ UserPoolId: z.string().min(1) });

type Params = z.infer<typeof Parameters>;

function param(params: Params, name: string): string {
  const value = params[name];
  if (!value) throw CognitoErrors.missingParameter(name);
  return value;
}

function assertFlowEnabled(client: AppClientState, flow: AuthFlow): void {
  const allowed = new Set(client.explicitAuthFlows);
  switch (flow) {
    case 'USER_SRP_AUTH':
      if (!allowed.has('ALLOW_USER_SRP_AUTH')) throw CognitoErrors.srpNotEnabled();
      return;
    case 'USER_PASSWORD_AUTH':
      if (!allowed.has('ALLOW_USER_PASSWORD_AUTH')) throw CognitoErrors.passwordAuthNotEnabled();
      return;
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      if (!allowed.has('ALLOW_ADMIN_USER_PASSWORD_AUTH')) throw CognitoErrors.adminAuthNotEnabled();
      return;
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      // Rotation is the likelier cause when both apply, and its message names the fix.
      if (client.refreshTokenRotation) throw CognitoErrors.refreshAuthWithRotation();
      if (!allowed.has('ALLOW_REFRESH_TOKEN_AUTH')) throw CognitoErrors.refreshAuthNotEnabled();
      return;
    case 'CUSTOM_AUTH':
      throw CognitoErrors.customAuthNotConfigured();
    case 'USER_AUTH':
      throw CognitoErrors.authFlowNotSupported();
  }
}

async function startFlow(
  ctx: LocalAwsContext,
  sessions: SessionBook,
  pool: UserPoolState,
  client: AppClientState,
  flow: AuthFlow,
  params: Params,
): Promise<AuthOutcome> {
  assertFlowEnabled(client, flow);
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    const token = param(params, 'REFRESH_TOKEN');
    const via = { kind: 'REFRESH_TOKEN_AUTH' as const, secretHash: params.SECRET_HASH };
    return renewFromRefreshToken(ctx, pool, client, token, via);
  }
  const username = param(params, 'USERNAME');
  if (client.clientSecret && !params.SECRET_HASH)
    throw CognitoErrors.secretHashMissing(client.clientId);
  // The email (or alias) the user typed finds them; SECRET_HASH may be over that name too.
  const user = requireUser(pool, username);
  checkSecretHash(client, params.SECRET_HASH, [username, user.username, user.sub]);
  assertUserMaySignIn(user);
  const signIn: SignIn = { ctx, sessions, pool, client, user };
  if (flow === 'USER_SRP_AUTH') return startSrp(signIn, param(params, 'SRP_A'));
  checkPasswordAndState(ctx, user, param(params, 'PASSWORD'));
  return afterPassword(signIn);
}

/** InitiateAuth: the public sign-in entry (SRP, password, refresh). */
export async function initiateAuth(
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof InitiateAuthInput>,
): Promise<AuthOutcome> {
  const { pool, client } = requireClient(ctx, input.ClientId);
  if (input.AuthFlow === 'ADMIN_USER_PASSWORD_AUTH' || input.AuthFlow === 'ADMIN_NO_SRP_AUTH')
    throw CognitoErrors.authFlowNotSupported();
  return startFlow(ctx, sessions, pool, client, input.AuthFlow, input.AuthParameters);
}

/** AdminInitiateAuth: the server-side entry (admin password flow, SRP and refresh). */
export async function adminInitiateAuth(
  ctx: LocalAwsContext,
  sessions: SessionBook,
  input: z.infer<typeof AdminInitiateAuthInput>,
): Promise<AuthOutcome> {
  const pool = requirePool(ctx, input.UserPoolId);
  const { client } = requireClient(ctx, input.ClientId);
  if (!Object.hasOwn(pool.clients, client.clientId))
    throw CognitoErrors.clientNotFound(input.ClientId);
  if (input.AuthFlow === 'USER_PASSWORD_AUTH') throw CognitoErrors.authFlowNotSupported();
  return startFlow(ctx, sessions, pool, client, input.AuthFlow, input.AuthParameters);
}
