import type { Logger } from '../log/logger';
import type { TokenEndpoint } from './managed-login/token-endpoint';
import type { TokenSet } from './token-set';
import type { UserPoolApi } from './user-pool-api';

/**
 * Ends a sign-in at Cognito; failures are logged, never thrown (sign-out completes locally).
 * A password sign-in: GlobalSignOut (given a still-valid access token) and RevokeToken. A
 * browser sign-in: /oauth2/revoke on its domain only, because its access token carries the
 * OAuth scopes asked for (openid email profile), and GlobalSignOut refuses a token without
 * aws.cognito.signin.user.admin.
 */
export async function endRemoteSession(
  tokens: TokenSet,
  api: UserPoolApi,
  endpoint: TokenEndpoint | undefined,
  serverNow: number,
  log: Logger,
): Promise<void> {
  if (tokens.method === 'managedLogin') {
    await endpoint
      ?.revoke(tokens.refreshToken)
      .catch((error: unknown) => log.warn('revoking at the managed-login domain failed', error));
    return;
  }
  // Cognito refuses GlobalSignOut with an expired access token; RevokeToken still works.
  const accessValid = serverNow < tokens.accessExpiresAt;
  await api.endSession(accessValid ? tokens.accessToken : undefined, tokens.refreshToken);
}
