import { decodeJwt, jwtVerify } from 'jose';
import type { LocalAwsContext } from '../context';
import { CognitoErrors } from './errors';
import { findUserBySub } from './lookup';
import type { UserPoolState, UserState } from './model';
import { isSignInRevoked } from './refresh/store';
import { issuerFor, poolKeys } from './tokens';

/** Who an access token speaks for, once it has passed every check. */
export interface AccessTokenHolder {
  pool: UserPoolState;
  user: UserState;
  clientId: string;
  originJti: string;
  /** The scopes the token was granted (its scope claim). */
  scopes: string[];
}

function poolOfToken(ctx: LocalAwsContext, token: string): UserPoolState {
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    throw CognitoErrors.accessTokenInvalid();
  }
  const pool = Object.values(ctx.state.userPools).find((p) => issuerFor(ctx, p.id) === iss);
  if (!pool) throw CognitoErrors.accessTokenInvalid();
  return pool;
}

/**
 * Verifies an access token as Cognito does for GetUser, ChangePassword and the like: signature,
 * issuer, token_use, scope, expiry, then revocation (GlobalSignOut, RevokeToken, disabled user).
 */
export async function authenticateAccessToken(
  ctx: LocalAwsContext,
  token: string,
): Promise<AccessTokenHolder> {
  const holder = await verifyAccessToken(ctx, token);
  // Self-service calls need this scope; managed login grants it only when the app asked.
  if (!holder.scopes.includes('aws.cognito.signin.user.admin'))
    throw CognitoErrors.accessTokenScopes();
  return holder;
}

/** Every check of authenticateAccessToken but the scope, which each caller decides (userInfo). */
export async function verifyAccessToken(
  ctx: LocalAwsContext,
  token: string,
): Promise<AccessTokenHolder> {
  const pool = poolOfToken(ctx, token);
  let claims: Record<string, unknown>;
  try {
    claims = (
      await jwtVerify(token, poolKeys(pool).publicKey, {
        issuer: issuerFor(ctx, pool.id),
        algorithms: ['RS256'],
        currentDate: new Date(ctx.now()),
      })
    ).payload;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWT_EXPIRED')
      throw CognitoErrors.accessTokenExpired();
    throw CognitoErrors.accessTokenInvalid();
  }
  if (claims.token_use !== 'access') throw CognitoErrors.accessTokenInvalid();
  const user = findUserBySub(pool, String(claims.sub));
  if (!user) throw CognitoErrors.userNotFound();
  const originJti = String(claims.origin_jti ?? '');
  const issuedAt = Number(claims.iat ?? 0);
  if (isSignInRevoked(pool, originJti) || issuedAt < (user.tokensValidAfter ?? 0))
    throw CognitoErrors.accessTokenRevoked();
  if (!user.enabled) throw CognitoErrors.userDisabled();
  const scopes = String(claims.scope ?? '').split(' ');
  return { pool, user, clientId: String(claims.client_id ?? ''), originJti, scopes };
}
