import { createHash, randomBytes } from 'node:crypto';
import type { LocalAwsContext } from '../../context';
import type { AppClientState, RefreshTokenState, UserPoolState, UserState } from '../model';

// Cognito's refresh tokens are JWEs nobody but Cognito can read; ours look the same (five
// base64url parts under a JWE header) and are just as opaque: random, looked up by hash.
const JWE_HEADER = Buffer.from(
  JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' }),
).toString('base64url');

/** The key a refresh token is stored under: its SHA-256, hex. */
export const refreshTokenKey = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** Stores and returns a new refresh token for one sign-in (originJti) of a user. */
export function issueRefreshToken(
  ctx: LocalAwsContext,
  pool: UserPoolState,
  client: AppClientState,
  user: UserState,
  signIn: { originJti: string; authTime: number; scopes?: string[] },
): string {
  pruneExpired(ctx, pool);
  const part = (bytes: number) => randomBytes(bytes).toString('base64url');
  const token = [JWE_HEADER, part(256), part(12), part(400), part(16)].join('.');
  const now = ctx.now();
  pool.refreshTokens[refreshTokenKey(token)] = {
    clientId: client.clientId,
    username: user.username,
    originJti: signIn.originJti,
    authTime: signIn.authTime,
    issuedAt: now,
    expiresAt: now + client.refreshTokenValiditySeconds * 1000,
    revoked: false,
    ...(signIn.scopes ? { scopes: signIn.scopes } : {}),
  };
  return token;
}

/** The stored record of a refresh token, or undefined. */
export function findRefreshToken(
  pool: UserPoolState,
  token: string,
): { key: string; record: RefreshTokenState } | undefined {
  const key = refreshTokenKey(token);
  const record = Object.hasOwn(pool.refreshTokens, key) ? pool.refreshTokens[key] : undefined;
  return record ? { key, record } : undefined;
}

/** Revokes every refresh token of one sign-in; its access tokens then fail as revoked. */
export function revokeSignIn(pool: UserPoolState, originJti: string): void {
  for (const record of Object.values(pool.refreshTokens))
    if (record.originJti === originJti) record.revoked = true;
}

/** Signs a user out everywhere: all refresh tokens revoked, all earlier access tokens too. */
export function revokeEverySignIn(
  ctx: LocalAwsContext,
  pool: UserPoolState,
  user: UserState,
): void {
  for (const record of Object.values(pool.refreshTokens))
    if (record.username === user.username) record.revoked = true;
  user.tokensValidAfter = Math.floor(ctx.now() / 1000);
}

/** True when the sign-in an access token came from has been revoked. */
export const isSignInRevoked = (pool: UserPoolState, originJti: string): boolean =>
  Object.values(pool.refreshTokens).some((r) => r.originJti === originJti && r.revoked);

/** Forgets the refresh tokens of a deleted user. */
export function forgetUserTokens(pool: UserPoolState, username: string): void {
  for (const [key, record] of Object.entries(pool.refreshTokens))
    if (record.username === username) delete pool.refreshTokens[key];
}

// Expired records cannot be used and their access tokens have expired long before.
function pruneExpired(ctx: LocalAwsContext, pool: UserPoolState): void {
  const now = ctx.now();
  for (const [key, record] of Object.entries(pool.refreshTokens))
    if (record.expiresAt < now) delete pool.refreshTokens[key];
}
