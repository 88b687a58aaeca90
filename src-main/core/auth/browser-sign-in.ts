import { toUserError, type UserFacingError } from '../api/dispatch';
import type { HakobuConfig } from '../config';
import { DEFAULT_CALLBACK_PORTS } from '../config/sign-in-rules';
import type { Logger } from '../log/logger';
import type { AuthState, AuthStateHolder } from './auth-state';
import { BrowserAttempt } from './managed-login/browser-attempt';
import { endBrowserSession } from './managed-login/browser-logout';
import { browserSignInNotConfigured, browserSignInWaiting } from './managed-login/errors';
import type { TokenEndpoint } from './managed-login/token-endpoint';
import type { RefreshTokenVault } from './refresh-token-vault';
import type { TokenKeeper } from './token-keeper';
import { tokenSetFromResult } from './token-set';

/** Opens a URL in the system browser (Electron's shell.openExternal, xdg-open, a test hook). */
export type OpenBrowser = (url: string) => Promise<void>;

/** What browser sign-in needs from the session it moves. */
export interface BrowserSignInHost {
  holder: AuthStateHolder;
  vault: RefreshTokenVault;
  keeper: TokenKeeper;
  log: Logger;
  now(): number;
}

export interface BrowserSignInOptions {
  config: HakobuConfig;
  tokenEndpoint: TokenEndpoint | undefined;
  openBrowser: OpenBrowser | undefined;
  /** hakobu://callback where the installer registered it (the deep-link fallback). */
  fallbackRedirectUri?: string;
  language: 'en' | 'ja';
}

const DEFAULT_TIMEOUT_S = 300;

/**
 * Signs in through the system browser with Cognito managed login (authorization code + PKCE,
 * RFC 8252): one attempt at a time, shown as signedOut with `browser: 'waiting'`; it ends signed
 * in (the refresh token kept as any other) or signed out with the reason in plain words.
 */
export class BrowserSignIn {
  private attempt: BrowserAttempt | undefined;
  private outcome: Promise<AuthState> | undefined;

  constructor(
    private readonly host: BrowserSignInHost,
    private readonly options: BrowserSignInOptions,
  ) {}

  /** Opens the browser at managed login; resolves with the sign-in URL once it was opened. */
  async start(openBrowser?: OpenBrowser): Promise<{ url: string }> {
    const { config, tokenEndpoint, language } = this.options;
    const { signIn } = config;
    const opener = openBrowser ?? this.options.openBrowser;
    if (signIn.method !== 'managedLogin' || !signIn.domain || !tokenEndpoint || !opener) {
      throw browserSignInNotConfigured();
    }
    if (this.attempt) throw browserSignInWaiting();
    await this.host.vault.probe();
    const attempt = await BrowserAttempt.start({
      domain: signIn.domain,
      clientId: config.clientId,
      ...(signIn.identityProvider ? { identityProvider: signIn.identityProvider } : {}),
      ...(signIn.idpIdentifier ? { idpIdentifier: signIn.idpIdentifier } : {}),
      ports: signIn.callbackPorts ?? DEFAULT_CALLBACK_PORTS,
      timeoutMs: (signIn.browserTimeoutSeconds ?? DEFAULT_TIMEOUT_S) * 1000,
      openBrowser: opener,
      ...(this.options.fallbackRedirectUri
        ? { fallbackRedirectUri: this.options.fallbackRedirectUri }
        : {}),
      language,
      log: this.host.log,
    }).catch((error: unknown) => {
      this.fail(error as UserFacingError);
      throw error;
    });
    this.attempt = attempt;
    const before = this.host.holder.state;
    this.host.holder.set({
      status: 'signedOut',
      keychain: this.host.vault.knownStatus,
      browser: 'waiting',
      ...('lastUsername' in before && before.lastUsername
        ? { lastUsername: before.lastUsername }
        : {}),
    });
    this.outcome = this.finish(attempt, tokenEndpoint);
    return { url: attempt.url };
  }

  /** The end of the waiting attempt (signed in, or signed out with why); the state if none. */
  wait(): Promise<AuthState> {
    return this.outcome ?? Promise.resolve(this.host.holder.state);
  }

  /** True while the browser is being waited for. */
  get waiting(): boolean {
    return this.attempt !== undefined;
  }

  /** Stops waiting for the browser (the user chose Cancel in Hakobu); resolves once it ended. */
  cancel(): Promise<AuthState> {
    this.attempt?.cancel();
    return this.wait();
  }

  /**
   * Revokes a browser sign-in's refresh token at /oauth2/revoke and, where IT asked for it
   * (signIn.signOutOfBrowser), ends the browser's own session too. Never throws.
   */
  async signOut(refreshToken: string): Promise<void> {
    const { config, tokenEndpoint, openBrowser, language } = this.options;
    const { log } = this.host;
    await tokenEndpoint
      ?.revoke(refreshToken)
      .catch((error: unknown) => log.warn('revoking at the managed-login domain failed', error));
    const { domain, signOutOfBrowser, callbackPorts, browserTimeoutSeconds } = config.signIn;
    if (!signOutOfBrowser || !domain || !openBrowser) return;
    await endBrowserSession({
      domain,
      clientId: config.clientId,
      ports: callbackPorts ?? DEFAULT_CALLBACK_PORTS,
      timeoutMs: (browserTimeoutSeconds ?? DEFAULT_TIMEOUT_S) * 1000,
      openBrowser,
      language,
      log,
    });
  }

  /** Hands a hakobu://callback deep link to the waiting attempt; true when it took it. */
  acceptRedirect(url: string): boolean {
    return this.attempt?.acceptRedirect(url) ?? false;
  }

  private async finish(attempt: BrowserAttempt, endpoint: TokenEndpoint): Promise<AuthState> {
    try {
      const { code, redirectUri, verifier } = await attempt.result;
      const result = await endpoint.exchangeCode(code, redirectUri, verifier);
      const tokens = tokenSetFromResult(result, '', this.host.now(), 'managedLogin');
      this.attempt = undefined;
      this.host.keeper.reset();
      await this.host.keeper.adopt(tokens);
    } catch (error) {
      this.attempt = undefined;
      this.host.log.info(`browser sign-in ended: ${toUserError(error).code}`);
      this.fail(error);
    }
    return this.host.holder.state;
  }

  private fail(error: unknown): void {
    const before = this.host.holder.state;
    const lastUsername = 'lastUsername' in before ? before.lastUsername : undefined;
    this.host.holder.set({
      status: 'signedOut',
      keychain: this.host.vault.knownStatus,
      error: toUserError(error),
      ...(lastUsername ? { lastUsername } : {}),
    });
  }
}
