import { CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { toUserError, type UserFacingError } from '../api/dispatch';
import { userPoolErrorTranslator } from '../cognito-errors/translate';
import { silentLogger, type Logger } from '../log/logger';
import { alreadySignedIn, notSignedIn, sessionExpired } from './auth-errors';
import { BrowserSignIn } from './browser-sign-in';
import { endRemoteSession } from './end-session';
import { TokenEndpoint } from './managed-login/token-endpoint';
import type { AuthSessionOptions } from './auth-session-options';
import { AuthStateHolder, type AuthState, type AuthStateListener } from './auth-state';
import { installFastSrpMath } from './fast-srp-math';
import * as flows from './library-flows';
import { MemoryStorage } from './memory-storage';
import { changeOwnPassword, confirmPasswordReset, requestPasswordReset } from './password-flows';
import { PendingStep } from './pending-step';
import { RefreshTokenVault } from './refresh-token-vault';
import { TokenKeeper } from './token-keeper';
import { restoreFromKeychain, type RestoreHost } from './restore-session';
import { runSignInStep, type SignInStepHost } from './sign-in-step';
import { toCognitoUserSession, type TokenSet } from './token-set';
import { UserPoolApi } from './user-pool-api';

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
  private readonly log: Logger;
  private readonly now: () => number;
  private user: CognitoUser | undefined;
  private readonly pending = new PendingStep();
  /** What the sign-in step and restore modules move this session with. */
  private readonly flowHost: SignInStepHost & RestoreHost;
  private readonly translator: (error: unknown) => UserFacingError;
  private readonly tokenEndpoint: TokenEndpoint | undefined;
  /** Browser sign-in (Cognito managed login), behind the same state, keychain and refresh. */
  readonly browser: BrowserSignIn;

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
    this.translator = userPoolErrorTranslator(config);
    const domain = config.signIn.domain;
    this.tokenEndpoint = domain ? new TokenEndpoint(domain, config.clientId, this.log) : undefined;
    this.keeper = new TokenKeeper({
      api: this.api,
      tokenEndpoint: this.tokenEndpoint,
      vault: this.vault,
      now: this.now,
      log: this.log,
      translate: this.translator,
      events: {
        adopted: (tokens) => this.enterSignedIn(tokens),
        expired: (tokens, error) => this.enterExpired(tokens, error),
      },
    });
    this.holder = new AuthStateHolder({ status: 'signedOut', keychain: 'unavailable' });
    this.flowHost = {
      holder: this.holder,
      pending: this.pending,
      vault: this.vault,
      keeper: this.keeper,
      log: this.log,
      now: this.now,
      translate: this.translator,
      enterSignedOut: (username) => this.enterSignedOut(username),
      enterExpired: (who, error) => this.enterExpired(who, error),
      adoptUser: (user) => (this.user = user),
    };
    this.browser = new BrowserSignIn(this.flowHost, {
      config,
      tokenEndpoint: this.tokenEndpoint,
      openBrowser: options.openBrowser,
      language: options.language ?? 'en',
      ...(options.fallbackRedirectUri ? { fallbackRedirectUri: options.fallbackRedirectUri } : {}),
    });
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
  restore(): Promise<AuthState> {
    return restoreFromKeychain(this.flowHost);
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
    const destination = await requestPasswordReset(user, this.translator);
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
    await confirmPasswordReset(pending.user, code, newPassword, this.translator);
    this.enterSignedOut(pending.username);
    return this.state;
  }

  /** Changes the signed-in user's password. */
  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await this.freshTokens();
    if (!this.user) throw notSignedIn();
    await changeOwnPassword(this.user, oldPassword, newPassword, this.translator);
  }

  /** Signs out: revokes at Cognito (endRemoteSession), then forgets the keychain entry regardless. */
  async signOut(): Promise<AuthState> {
    await this.browser.cancel();
    const tokens = this.keeper.reset();
    // The keychain keeps the sign-in under Cognito's username; the form shows the sign-in name.
    const shown = tokens?.signInName ?? this.pendingOrStateUsername();
    const username = tokens?.username ?? shown;
    this.user = undefined;
    this.pending.clear();
    this.storage.clear();
    try {
      if (tokens) {
        const serverNow = this.now() - tokens.clockDriftMs;
        await endRemoteSession(tokens, this.api, this.browser, serverNow);
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

  /** Runs one sign-in step (see runSignInStep) and answers the state it led to. */
  private async step(
    user: CognitoUser,
    username: string,
    run: () => Promise<flows.SignInStep>,
  ): Promise<AuthState> {
    await runSignInStep(this.flowHost, user, username, run);
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
}

/** Creates the session for a configuration (call restore() at launch). */
export function createAuthSession(options: AuthSessionOptions): AuthSession {
  return new AuthSession(options);
}
