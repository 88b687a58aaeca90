import type { UserFacingError } from '../api/dispatch';
import { awsErrorFields } from '../cognito-errors/aws-error-fields';
import { singleFlight } from '../concurrency/single-flight';
import type { Logger } from '../log/logger';
import { notSignedIn, sessionExpired } from './auth-errors';
import type { RefreshTokenVault } from './refresh-token-vault';
import {
  tokenSetFromResult,
  tokensNeedRefresh,
  type SignInMethod,
  type TokenSet,
} from './token-set';
import type { TokenEndpoint } from './managed-login/token-endpoint';
import type { RefreshMethod, UserPoolApi } from './user-pool-api';

/** What the keeper tells its session about. */
export interface TokenKeeperEvents {
  /** New tokens are in place (sign-in, refresh, restore). */
  adopted(tokens: TokenSet): void;
  /** The refresh token is dead (revoked, expired, reused): the user must sign in again. */
  expired(tokens: TokenSet, error: UserFacingError): Promise<void>;
}

export interface TokenKeeperOptions {
  api: UserPoolApi;
  /** The managed-login domain's token endpoint, when browser sign-in is configured. */
  tokenEndpoint: TokenEndpoint | undefined;
  vault: RefreshTokenVault;
  now: () => number;
  log: Logger;
  translate: (error: unknown) => UserFacingError;
  events: TokenKeeperEvents;
}

// Only a definite answer about the refresh token ends the session; a network failure does not.
const isDeadSession = (error: UserFacingError) => error.code === 'auth.sessionExpired';

/**
 * Holds the signed-in tokens and renews them ahead of expiry: one refresh at a time however many
 * callers ask, the rotated refresh token written back to the keychain, and a dead refresh token
 * reported once (never retried in a loop).
 */
export class TokenKeeper {
  private tokens: TokenSet | undefined;
  private method: RefreshMethod = 'REFRESH_TOKEN_AUTH';
  /** Bumped whenever the session is replaced, so a late refresh cannot revive an old one. */
  private generation = 0;
  private readonly sharedRefresh = singleFlight(() => this.refreshNow());

  constructor(private readonly options: TokenKeeperOptions) {}

  /** The current tokens, if signed in. */
  get current(): TokenSet | undefined {
    return this.tokens;
  }

  /** Installs tokens from a sign-in or restore; stores the refresh token if it is new. */
  async adopt(tokens: TokenSet, previousRefreshToken?: string): Promise<void> {
    this.tokens = tokens;
    if (tokens.refreshToken !== previousRefreshToken) {
      const { username, refreshToken, signInName, method } = tokens;
      await this.options.vault.write(username, refreshToken, signInName, method);
    }
    this.options.events.adopted(tokens);
  }

  /** Starts a new session generation (sign-in, sign-out); returns the tokens that were held. */
  reset(): TokenSet | undefined {
    const previous = this.tokens;
    this.tokens = undefined;
    this.generation += 1;
    return previous;
  }

  /**
   * Exchanges a refresh token. A browser sign-in's goes back to the managed-login domain's token
   * endpoint (grant_type=refresh_token), where it came from. A password sign-in's starts with
   * REFRESH_TOKEN_AUTH; a client with refresh-token rotation rejects that flow, and from then on
   * GetTokensFromRefreshToken is used.
   */
  async exchange(refreshToken: string, method: SignInMethod = 'password'): Promise<TokenSet> {
    const { api, now, log, tokenEndpoint } = this.options;
    if (method === 'managedLogin') {
      if (!tokenEndpoint) throw sessionExpired();
      const result = await tokenEndpoint.refresh(refreshToken);
      return tokenSetFromResult(result, refreshToken, now(), method);
    }
    try {
      return tokenSetFromResult(await api.refresh(refreshToken, this.method), refreshToken, now());
    } catch (error) {
      if (this.method !== 'REFRESH_TOKEN_AUTH' || !rejectsClassicRefresh(error)) throw error;
      log.info('REFRESH_TOKEN_AUTH refused; switching to GetTokensFromRefreshToken');
      this.method = 'GetTokensFromRefreshToken';
      return tokenSetFromResult(await api.refresh(refreshToken, this.method), refreshToken, now());
    }
  }

  /** Valid tokens, refreshed first when expired or about to be. */
  async fresh(): Promise<TokenSet> {
    const tokens = this.tokens;
    if (!tokens) throw notSignedIn();
    if (!tokensNeedRefresh(tokens, this.options.now())) return tokens;
    try {
      return await this.sharedRefresh();
    } catch (error) {
      // Offline a few minutes before expiry: the current tokens still work, so use them.
      const serverNow = this.options.now() - tokens.clockDriftMs;
      const usable = serverNow < Math.min(tokens.idExpiresAt, tokens.accessExpiresAt);
      if (usable && this.tokens === tokens && !isDeadSession(error as UserFacingError)) {
        return tokens;
      }
      throw error;
    }
  }

  private async refreshNow(): Promise<TokenSet> {
    const tokens = this.tokens;
    const generation = this.generation;
    if (!tokens) throw notSignedIn();
    let next: TokenSet;
    try {
      next = await this.exchange(tokens.refreshToken, tokens.method);
    } catch (raw) {
      const error = this.options.translate(raw);
      this.options.log.warn(`token refresh failed: ${error.code}`);
      if (generation === this.generation && isDeadSession(error)) {
        this.reset();
        await this.options.events.expired(tokens, error);
      }
      throw error;
    }
    // Signed out (or in as someone else) while the refresh was on the wire: drop its result.
    if (generation !== this.generation) throw notSignedIn();
    await this.adopt(next, tokens.refreshToken);
    return next;
  }
}

/** True when REFRESH_TOKEN_AUTH itself is refused (rotation on), not the token. */
function rejectsClassicRefresh(error: unknown): boolean {
  const aws = awsErrorFields(error);
  return aws.code === 'InvalidParameterException' || aws.code === 'UnsupportedOperationException';
}
