import { randomUUID } from 'node:crypto';
import type { LocalAwsContext } from '../../context';
import { CognitoErrors } from '../errors';
import { checkClientSecret, checkSecretHash, findUser } from '../lookup';
import type { AppClientState, UserPoolState } from '../model';
import type { AuthOutcome } from '../sign-in/outcome';
import { mintTokens } from '../tokens';
import { findRefreshToken, issueRefreshToken, refreshTokenKey } from './store';

/** How the refresh token arrived, which decides rotation and how the client proves its secret. */
export type RenewVia =
  | { kind: 'REFRESH_TOKEN_AUTH'; secretHash: string | null | undefined }
  | { kind: 'GetTokensFromRefreshToken'; clientSecret: string | undefined };

/**
 * Renews a sign-in from its refresh token: new ID and access tokens of the same sign-in, and,
 * through GetTokensFromRefreshToken on a rotating client, a new refresh token that keeps the
 * old one's expiry while the old one is retired.
 */
export async function renewFromRefreshToken(
  ctx: LocalAwsContext,
  pool: UserPoolState,
  client: AppClientState,
  token: string,
  via: RenewVia,
): Promise<AuthOutcome> {
  if (via.kind === 'GetTokensFromRefreshToken') checkClientSecret(client, via.clientSecret);
  else if (client.clientSecret && !via.secretHash)
    throw CognitoErrors.secretHashMissing(client.clientId);

  const found = findRefreshToken(pool, token);
  if (!found || found.record.clientId !== client.clientId)
    throw CognitoErrors.refreshTokenInvalid();
  const { record } = found;
  if (record.replaced) {
    if (via.kind === 'GetTokensFromRefreshToken') throw CognitoErrors.refreshTokenReused();
    throw CognitoErrors.refreshTokenInvalid();
  }
  if (record.revoked) throw CognitoErrors.refreshTokenRevoked();
  if (record.expiresAt <= ctx.now()) throw CognitoErrors.refreshTokenExpired();
  const user = findUser(pool, record.username);
  if (!user) throw CognitoErrors.userNotFound();
  if (via.kind === 'REFRESH_TOKEN_AUTH')
    checkSecretHash(client, via.secretHash, [user.username, user.sub]);
  if (!user.enabled) throw CognitoErrors.userDisabled();

  // Records written before sign-ins were tracked get an origin of their own now.
  record.originJti ??= randomUUID();
  record.authTime ??= Math.floor(record.issuedAt / 1000);
  const originJti = record.originJti;
  const authTime = record.authTime;
  const scopes = record.scopes;
  const tokens = await mintTokens(ctx, pool, client, user, {
    authTime,
    originJti,
    ...(scopes ? { scopes } : {}),
  });
  if (via.kind !== 'GetTokensFromRefreshToken' || !client.refreshTokenRotation)
    return { ChallengeParameters: {}, AuthenticationResult: tokens };

  const RefreshToken = issueRefreshToken(ctx, pool, client, user, {
    originJti,
    authTime,
    ...(scopes ? { scopes } : {}),
  });
  const successor = pool.refreshTokens[refreshTokenKey(RefreshToken)];
  if (successor) successor.expiresAt = record.expiresAt;
  record.replaced = true;
  ctx.save();
  return { ChallengeParameters: {}, AuthenticationResult: { ...tokens, RefreshToken } };
}
