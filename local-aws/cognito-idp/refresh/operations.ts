import { z } from 'zod';
import type { LocalAwsContext } from '../../context';
import { CognitoErrors } from '../errors';
import { checkClientSecret, requireClient } from '../lookup';
import { renewFromRefreshToken } from './renew';
import { findRefreshToken, revokeSignIn } from './store';

/** GetTokensFromRefreshToken's input. */
export const GetTokensInput = z.object({
  RefreshToken: z.string().min(1),
  ClientId: z.string().min(1),
  ClientSecret: z.string().optional(),
});

/** RevokeToken's input. */
export const RevokeTokenInput = z.object({
  Token: z.string().min(1),
  ClientId: z.string().min(1),
  ClientSecret: z.string().optional(),
});

/** GetTokensFromRefreshToken: renews a sign-in, rotating the refresh token when the client does. */
export async function getTokensFromRefreshToken(
  ctx: LocalAwsContext,
  input: z.infer<typeof GetTokensInput>,
) {
  const { pool, client } = requireClient(ctx, input.ClientId);
  const via = { kind: 'GetTokensFromRefreshToken' as const, clientSecret: input.ClientSecret };
  const outcome = await renewFromRefreshToken(ctx, pool, client, input.RefreshToken, via);
  return { AuthenticationResult: outcome.AuthenticationResult };
}

/** RevokeToken: ends the sign-in a refresh token belongs to, with its access tokens. */
export function revokeToken(ctx: LocalAwsContext, input: z.infer<typeof RevokeTokenInput>) {
  const { pool, client } = requireClient(ctx, input.ClientId);
  checkClientSecret(client, input.ClientSecret);
  if (input.Token.split('.').length === 3) throw CognitoErrors.unsupportedTokenType();
  const found = findRefreshToken(pool, input.Token);
  // Like OAuth revocation (RFC 7009), a token that is unknown or already dead is no error.
  if (!found) return {};
  if (found.record.clientId !== client.clientId) throw CognitoErrors.revokeWrongClient();
  found.record.revoked = true;
  if (found.record.originJti) revokeSignIn(pool, found.record.originJti);
  ctx.save();
  return {};
}
