import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LocalAwsContext } from '../context';
import { CognitoErrors } from './errors';
import type { AppClientState, UserPoolState, UserState } from './model';
import { findUser } from './sign-in-names';

/** The pool with this ID, or ResourceNotFoundException. */
export function requirePool(ctx: LocalAwsContext, userPoolId: string): UserPoolState {
  const pool = Object.hasOwn(ctx.state.userPools, userPoolId)
    ? ctx.state.userPools[userPoolId]
    : undefined;
  if (!pool) throw CognitoErrors.poolNotFound(userPoolId);
  return pool;
}

/** The app client with this ID and its pool, or ResourceNotFoundException. */
export function requireClient(
  ctx: LocalAwsContext,
  clientId: string,
): { pool: UserPoolState; client: AppClientState } {
  for (const pool of Object.values(ctx.state.userPools)) {
    const client = Object.hasOwn(pool.clients, clientId) ? pool.clients[clientId] : undefined;
    if (client) return { pool, client };
  }
  throw CognitoErrors.clientNotFound(clientId);
}

export { findUser } from './sign-in-names';

/** The pool's user by username, email or alias (see findUser), or UserNotFoundException. */
export function requireUser(pool: UserPoolState, name: string): UserState {
  const user = findUser(pool, name);
  if (!user) throw CognitoErrors.userNotFound();
  return user;
}

/** The pool's user with this sub, or undefined. */
export const findUserBySub = (pool: UserPoolState, sub: string): UserState | undefined =>
  Object.values(pool.users).find((u) => u.sub === sub);

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** SECRET_HASH = base64(HMAC-SHA256(clientSecret, username + clientId)). */
export const secretHash = (clientSecret: string, username: string, clientId: string): string =>
  createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');

/**
 * Enforces SECRET_HASH as Cognito does: required and checked for a client with a secret,
 * refused for a client without one. Any of the user's names may have been hashed.
 */
export function checkSecretHash(
  client: AppClientState,
  given: string | null | undefined,
  names: string[],
): void {
  if (!client.clientSecret) {
    if (given) throw CognitoErrors.secretHashUnexpected(client.clientId);
    return;
  }
  if (!given) throw CognitoErrors.secretHashMissing(client.clientId);
  const secret = client.clientSecret;
  if (!names.some((name) => sameText(secretHash(secret, name, client.clientId), given)))
    throw CognitoErrors.secretHashWrong(client.clientId);
}

/** Enforces a plain ClientSecret (GetTokensFromRefreshToken, RevokeToken). */
export function checkClientSecret(client: AppClientState, given: string | undefined): void {
  if (!client.clientSecret) return;
  if (!given) throw CognitoErrors.clientSecretMissing(client.clientId);
  if (!sameText(client.clientSecret, given)) throw CognitoErrors.clientSecretWrong(client.clientId);
}

/** Admin operations must arrive signed; any SigV4 signature is accepted (there are no IAM users). */
export function requireSignedRequest(req: IncomingMessage): void {
  const authorization = req.headers.authorization;
  if (!authorization || !authorization.startsWith('AWS4-HMAC-SHA256'))
    throw CognitoErrors.missingAuthentication();
}
