import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Logger } from '../log/logger';
import type { AuthenticationResultTokens } from './token-set';

/** How a refresh token is exchanged: the classic flow, or the one rotating clients require. */
export type RefreshMethod = 'REFRESH_TOKEN_AUTH' | 'GetTokensFromRefreshToken';

// Sign-out must not hang on a dead network: the keychain entry is deleted whatever happens.
const SIGN_OUT_TIMEOUT_MS = 5_000;

/**
 * The user pool calls made outside amazon-cognito-identity-js. Its refreshSession retries every
 * error (a revoked token included) about six times over several seconds and clears the cached
 * user on NotAuthorizedException, and it knows nothing of GetTokensFromRefreshToken; its
 * RevokeToken retries the same way. Here each call is made once, and the caller decides.
 */
export class UserPoolApi {
  private readonly client: CognitoIdentityProviderClient;

  constructor(
    region: string,
    private readonly clientId: string,
    endpoint: string | undefined,
    private readonly log: Logger,
  ) {
    this.client = new CognitoIdentityProviderClient({
      region,
      ...(endpoint ? { endpoint } : {}),
      // Transient failures get one more try; NotAuthorizedException is never retried by the SDK.
      maxAttempts: 2,
    });
  }

  /** Exchanges a refresh token for new ID and access tokens (and a new refresh token if rotated). */
  async refresh(refreshToken: string, method: RefreshMethod): Promise<AuthenticationResultTokens> {
    if (method === 'GetTokensFromRefreshToken') {
      const out = await this.client.send(
        new GetTokensFromRefreshTokenCommand({
          ClientId: this.clientId,
          RefreshToken: refreshToken,
        }),
      );
      return out.AuthenticationResult ?? {};
    }
    const out = await this.client.send(
      new InitiateAuthCommand({
        ClientId: this.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
    return out.AuthenticationResult ?? {};
  }

  /** Signs the user out everywhere: every refresh token of the user stops working. */
  async globalSignOut(accessToken: string): Promise<void> {
    await this.client.send(new GlobalSignOutCommand({ AccessToken: accessToken }), {
      abortSignal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
    });
  }

  /** Revokes one refresh token and the access tokens issued from it. */
  async revokeToken(refreshToken: string): Promise<void> {
    await this.client.send(
      new RevokeTokenCommand({ ClientId: this.clientId, Token: refreshToken }),
      {
        abortSignal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
      },
    );
  }

  /**
   * Ends a sign-in at Cognito: GlobalSignOut (given a still-valid access token), then RevokeToken.
   * Failures are logged, not thrown: sign-out completes locally whatever the network does.
   */
  async endSession(accessToken: string | undefined, refreshToken: string): Promise<void> {
    if (accessToken) {
      await this.globalSignOut(accessToken).catch((error: unknown) =>
        this.log.warn('GlobalSignOut failed', error),
      );
    }
    await this.revokeToken(refreshToken).catch((error: unknown) =>
      this.log.warn('RevokeToken failed', error),
    );
  }

  /** Releases the HTTP agent. */
  destroy(): void {
    this.client.destroy();
  }
}
