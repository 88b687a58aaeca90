import { CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { toUserError, type UserFacingError } from '../api/dispatch';
import type { HakobuConfig } from '../config';
import { awsErrorFields } from '../cognito-errors/aws-error-fields';
import type { ErrorContext } from '../cognito-errors/error-table';
import { translateCognitoError } from '../cognito-errors/translate';
import { silentLogger, type Logger } from '../log/logger';
import type { SecretStore } from '../secrets';
import {
  alreadySignedIn,
  notSignedIn,
  sessionExpired,
  unsupportedChallenge,
  wrongCurrentPassword,
} from './auth-errors';
import { AuthStateHolder, type AuthState, type AuthStateListener } from './auth-state';
import { installFastSrpMath } from './fast-srp-math';
import * as flows from './library-flows';
import { MemoryStorage } from './memory-storage';
import { PendingStep } from './pending-step';
import { RefreshTokenVault } from './refresh-token-vault';
import { TokenKeeper } from './token-keeper';
import { tokenSetFromSession, toCognitoUserSession, type TokenSet } from './token-set';
import { UserPoolApi } from './user-pool-api';

export interface AuthSessionOptions {
  config: HakobuConfig;
  /** The OS keychain; without one the session lives in memory only (session-only mode). */
  secrets?: SecretStore;
  log?: Logger;
  /** Shown in the user's list of MFA devices after TOTP enrolment. */
  deviceName?: string;
  now?: () => number;
}

/**
 * The signed-in user, as one small state machine over amazon-cognito-identity-js:
 * signedOut → challenge(kind) → signedIn → expired (and a password-reset detour). Every change is
 * emitted to listeners without secrets; tokens are reachable only through getIdToken and
 * getAccessToken, which never return an expired token.
 */
export class AuthSession {
  private readonly holder: AuthStateHolder;
  // One Storage for the pool and every CognitoUser: CognitoUser does not inherit the pool's.
  private readonly storage = new MemoryStorage();
  private readonly pool: CognitoUserPool;
  private readonly api: UserPoolApi;
  private readonly vault: RefreshTokenVault;
  private readonly keeper: TokenKeeper;
  private readonly errorContext: ErrorContext;
  private readonly log: Logger;
  private readonly now: () => number;
  private user: CognitoUser | undefined;
  private readonly pending = new PendingStep();

  constructor(private readonly options: AuthSessionOptions) {
    const { config } = options;
    this.log = (options.log ?? silentLogger).child('auth');
    this.now = options.now ?? Date.now;
    installFastSrpMath();
    const endpoint = config.endpoints?.cognitoIdp;
    this.pool = new CognitoUserPool({
      UserPoolId: config.userPoolId,
      ClientId: config.clientId,
      Storage: this.storage,
      ...(endpoint ? { endpoint } : {}),
    });
    this.api = new UserPoolApi(config.region, config.clientId, endpoint, this.log);
    this.vault = new RefreshTokenVault(options.secrets, config, this.log);
    this.errorContext = {
      service: 'cognito-idp',
      authFlow: config.authFlow,
      userPoolId: config.userPoolId,
      clientId: config.clientId,
    };
    this.keeper = new TokenKeeper({
      api: this.api,
      vault: this.vault,
      now: this.now,
      log: this.log,
      translate: (error) => this.translate(error),
      events: {
        adopted: (tokens) => this.enterSignedIn(tokens),
        expired: (tokens, error) => this.enterExpired(tokens, error),
      },
    });
    this.holder = new AuthStateHolder({ status: 'signedOut', keychain: 'unavailable' });
  }

  /** The current state (no secrets in it). */
  get state(): AuthState {
    return this.holder.state;
  }

  /** Subscribes to state changes; returns the unsubscribe function. */
  onChange(listener: AuthStateListener): () => void {
    return this.holder.subscribe(listener);
  }

  /** The otpauth:// URI to show as a QR code while the MFA_SETUP challenge waits. */
  totpSetupUri(): string | undefined {
    return this.state.status === 'challenge' ? this.pending.setupUri : undefined;
  }

  /**
   * At launch: signs in silently with the refresh token from the keychain. Without a keychain, or
   * with nothing stored, stays signed out; a dead token ends in `expired` ("please sign in again").
   */
  async restore(): Promise<AuthState> {
    const keychain = await this.vault.probe();
    if (this.state.status !== 'signedOut') return this.state;
    const saved = await this.vault.read();
    if (!saved) {
      const lastUsername = await this.vault.lastSignInName();
      this.holder.set({ status: 'signedOut', keychain, ...(lastUsername ? { lastUsername } : {}) });
      return this.state;
    }
    this.keeper.reset();
    try {
      const tokens = await this.keeper.exchange(saved.refreshToken);
      await this.keeper.adopt(tokens, saved.refreshToken);
    } catch (raw) {
      const error = this.translate(raw);
      this.log.info(`restore failed: ${error.code}`);
      if (error.code === 'auth.sessionExpired') {
        await this.enterExpired(saved, error);
      } else {
        // Offline at launch, say: the token stays in the keychain for the next attempt.
        this.holder.set({
          status: 'signedOut',
          keychain,
          lastUsername: saved.signInName,
          error: toUserError(error),
        });
      }
    }
    return this.state;
  }

  /** Signs in with the configured flow; resolves signedIn or the first challenge. */
  async signIn(username: string, password: string): Promise<AuthState> {
    await this.vault.probe();
    const user = this.newUser(username);
    user.setAuthenticationFlowType(this.options.config.authFlow);
    return this.step(user, username, () => flows.authenticate(user, username, password));
  }

  /** Answers NEW_PASSWORD_REQUIRED. */
  async completeNewPassword(newPassword: string): Promise<AuthState> {
    const pending = this.pending.expect('NEW_PASSWORD_REQUIRED');
    return this.step(pending.user, pending.username, () =>
      flows.completeNewPassword(pending.user, newPassword),
    );
  }

  /** Answers SOFTWARE_TOKEN_MFA or SMS_MFA with the code the user typed. */
  async submitMfaCode(code: string): Promise<AuthState> {
    const pending = this.pending.expect('SOFTWARE_TOKEN_MFA', 'SMS_MFA');
    const challenge = pending.kind === 'SMS_MFA' ? 'SMS_MFA' : 'SOFTWARE_TOKEN_MFA';
    return this.step(pending.user, pending.username, () =>
      flows.sendMfaCode(pending.user, code, challenge),
    );
  }

  /** Finishes TOTP enrolment (MFA_SETUP) with the first code from the authenticator app. */
  async verifyTotpSetup(code: string): Promise<AuthState> {
    const pending = this.pending.expect('MFA_SETUP');
    const deviceName = this.options.deviceName ?? 'Hakobu';
    return this.step(pending.user, pending.username, async () => ({
      kind: 'done' as const,
      session: await flows.verifySoftwareToken(pending.user, code, deviceName),
    }));
  }

  /** Abandons a challenge or a password reset. */
  cancelChallenge(): AuthState {
    const pending = this.pending.current;
    if (pending) this.enterSignedOut(pending.username);
    return this.state;
  }

  /** Sends a password-reset code. An unknown user looks the same as a known one (no enumeration). */
  async forgotPassword(username: string): Promise<AuthState> {
    if (this.state.status === 'signedIn') throw alreadySignedIn();
    const user = this.newUser(username);
    let destination: string | undefined;
    try {
      destination = (await flows.forgotPassword(user)).destination;
    } catch (error) {
      if (awsErrorFields(error).code !== 'UserNotFoundException') throw this.translate(error);
    }
    this.pending.begin({ user, username, kind: 'PASSWORD_RESET' });
    this.holder.set({
      status: 'resettingPassword',
      username,
      keychain: this.vault.knownStatus,
      ...(destination ? { destination } : {}),
    });
    return this.state;
  }

  /** Sets the new password with the emailed code; the user then signs in with it. */
  async confirmForgotPassword(code: string, newPassword: string): Promise<AuthState> {
    const pending = this.pending.expect('PASSWORD_RESET');
    try {
      await flows.confirmPassword(pending.user, code, newPassword);
    } catch (error) {
      const aws = awsErrorFields(error);
      // Unknown user: answer as for a wrong code, so the reset screen reveals nothing either.
      const masked =
        aws.code === 'UserNotFoundException' ? { ...aws, code: 'CodeMismatchException' } : error;
      throw this.translate(masked);
    }
    this.enterSignedOut(pending.username);
    return this.state;
  }

  /** Changes the signed-in user's password. */
  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await this.freshTokens();
    const user = this.user;
    if (!user) throw notSignedIn();
    try {
      await flows.changePassword(user, oldPassword, newPassword);
    } catch (raw) {
      const error = this.translate(raw);
      throw error.code === 'auth.wrongCredentials' ? wrongCurrentPassword() : error;
    }
  }

  /**
   * Signs out: GlobalSignOut and RevokeToken at Cognito, then the keychain entry is deleted even
   * when the network calls fail (they are logged; the local session ends regardless).
   */
  async signOut(): Promise<AuthState> {
    const tokens = this.keeper.reset();
    // The keychain keeps the sign-in under Cognito's username; the form shows the sign-in name.
    const shown = tokens?.signInName ?? this.pendingOrStateUsername();
    const username = tokens?.username ?? shown;
    this.user = undefined;
    this.pending.clear();
    this.storage.clear();
    try {
      if (tokens) {
        // Cognito refuses GlobalSignOut with an expired access token; RevokeToken still works.
        const accessValid = this.now() - tokens.clockDriftMs < tokens.accessExpiresAt;
        await this.api.endSession(
          accessValid ? tokens.accessToken : undefined,
          tokens.refreshToken,
        );
      }
    } finally {
      if (username) await this.vault.remove(username);
      this.enterSignedOut(shown);
    }
    return this.state;
  }

  /** A valid ID token (refreshed first when expired or about to be). */
  async getIdToken(): Promise<string> {
    return (await this.freshTokens()).idToken;
  }

  /** A valid access token (refreshed first when expired or about to be). */
  async getAccessToken(): Promise<string> {
    return (await this.freshTokens()).accessToken;
  }

  /** Releases network resources. */
  dispose(): void {
    this.api.destroy();
  }

  private async freshTokens(): Promise<TokenSet> {
    const state = this.state;
    if (state.status === 'expired') throw sessionExpired(state.error);
    if (state.status !== 'signedIn' || !this.keeper.current) throw notSignedIn();
    return this.keeper.fresh();
  }

  /** Runs one sign-in step and moves the state machine to where it leads. */
  private async step(
    user: CognitoUser,
    username: string,
    run: () => Promise<flows.SignInStep>,
  ): Promise<AuthState> {
    let step: flows.SignInStep;
    try {
      step = await run();
    } catch (raw) {
      const error = this.translate(raw);
      // The challenge's Cognito session is gone: waiting on it would only fail again.
      if (error.code === 'auth.challengeExpired' && this.pending.current) {
        this.enterSignedOut(username);
      }
      throw error;
    }
    if (step.kind === 'unsupported') throw unsupportedChallenge(step.challenge);
    if (step.kind === 'challenge') {
      const secret =
        step.challenge === 'MFA_SETUP'
          ? await flows.associateSoftwareToken(user).catch((raw: unknown) => {
              throw this.translate(raw);
            })
          : undefined;
      this.pending.begin({ user, username, kind: step.challenge }, secret);
      this.holder.set({
        status: 'challenge',
        username,
        challenge: step.challenge,
        keychain: this.vault.knownStatus,
        ...(step.destination ? { destination: step.destination } : {}),
      });
      return this.state;
    }
    this.pending.clear();
    this.keeper.reset();
    // After SRP the library renamed the user to USER_ID_FOR_SRP (the UUID, in a pool that signs
    // in by email) and keyed its cache by it; the token's cognito:username is the same name, so
    // from here on the library's user is known by that, and the person by their sign-in name.
    this.user = user;
    await this.keeper.adopt(tokenSetFromSession(step.session, this.now()));
    return this.state;
  }

  private enterSignedIn(tokens: TokenSet): void {
    const user =
      this.user?.getUsername() === tokens.username ? this.user : this.newUser(tokens.username);
    user.setSignInUserSession(toCognitoUserSession(tokens));
    this.user = user;
    this.holder.set({
      status: 'signedIn',
      username: tokens.signInName,
      keychain: this.vault.knownStatus,
      idTokenExpiresAt: tokens.idExpiresAt + tokens.clockDriftMs,
      accessTokenExpiresAt: tokens.accessExpiresAt + tokens.clockDriftMs,
    });
  }

  private async enterExpired(
    who: { username: string; signInName: string },
    error: UserFacingError,
  ): Promise<void> {
    this.user = undefined;
    this.storage.clear();
    await this.vault.remove(who.username);
    this.holder.set({
      status: 'expired',
      username: who.signInName,
      keychain: this.vault.knownStatus,
      error: toUserError(error),
    });
  }

  private enterSignedOut(lastUsername: string | undefined): void {
    this.pending.clear();
    this.holder.set({
      status: 'signedOut',
      keychain: this.vault.knownStatus,
      ...(lastUsername ? { lastUsername } : {}),
    });
  }

  private pendingOrStateUsername(): string | undefined {
    const state = this.state;
    return this.pending.current?.username ?? ('username' in state ? state.username : undefined);
  }

  private newUser(username: string): CognitoUser {
    return new CognitoUser({ Username: username, Pool: this.pool, Storage: this.storage });
  }

  private translate(error: unknown): UserFacingError {
    return translateCognitoError(error, this.errorContext);
  }
}

/** Creates the session for a configuration (call restore() at launch). */
export function createAuthSession(options: AuthSessionOptions): AuthSession {
  return new AuthSession(options);
}
