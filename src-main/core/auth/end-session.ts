import type { BrowserSignIn } from './browser-sign-in';
import type { TokenSet } from './token-set';
import type { UserPoolApi } from './user-pool-api';

/**
 * Ends a sign-in at Cognito; failures are logged, never thrown (sign-out completes locally).
 * A password sign-in: GlobalSignOut (given a still-valid access token) and RevokeToken. A
 * browser sign-in: /oauth2/revoke on its domain (BrowserSignIn.signOut), because its access token carries the
 * OAuth scopes asked for (openid email profile), and GlobalSignOut refuses a token without
 * aws.cognito.signin.user.admin.
 */
export async function endRemoteSession(
  tokens: TokenSet,
  api: UserPoolApi,
  browser: BrowserSignIn,
  serverNow: number,
): Promise<void> {
  if (tokens.method === 'managedLogin') {
    await browser.signOut(tokens.refreshToken);
    return;
  }
  // Cognito refuses GlobalSignOut with an expired access token; RevokeToken still works.
  const accessValid = serverNow < tokens.accessExpiresAt;
  await api.endSession(accessValid ? tokens.accessToken : undefined, tokens.refreshToken);
}
