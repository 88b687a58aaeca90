import type { UserFacingError } from '../../api/dispatch';
import type { Logger } from '../../log/logger';
import { authorizeUrl } from './authorize-url';
import { judgeCallback, type CallbackResult } from './callback-result';
import { browserNotOpened, signInCancelled, signInTimedOut } from './errors';
import { startLoopbackListener, type LoopbackListener } from './loopback-listener';
import { createPkce, createState } from './pkce';

/** Where the managed login lives and how to reach the browser. */
export interface BrowserAttemptOptions {
  domain: string;
  clientId: string;
  identityProvider?: string;
  idpIdentifier?: string;
  ports: readonly number[];
  timeoutMs: number;
  /** Opens the system browser (shell.openExternal); never an embedded web view (RFC 8252 §8.12). */
  openBrowser(url: string): Promise<void>;
  /**
   * The installer-registered redirect (hakobu://callback) to use when every loopback port is
   * taken; then only acceptRedirect completes the attempt.
   */
  fallbackRedirectUri?: string;
  language: 'en' | 'ja';
  log: Logger;
}

/** What the token endpoint needs once the browser came back with a code. */
export interface AuthorizationCode {
  code: string;
  redirectUri: string;
  verifier: string;
}

/**
 * One browser sign-in: a fresh state and PKCE pair, a loopback listener (or the deep-link
 * fallback), the system browser opened at /oauth2/authorize, and one outcome — the code, or an
 * error in plain words (cancelled at the IdP, timed out, wrong state, cancelled in Hakobu).
 */
export class BrowserAttempt {
  /** Settles once: with the code, or with the reason there is none. */
  readonly result: Promise<AuthorizationCode>;
  private settle!: (outcome: { code: string } | { error: UserFacingError }) => void;
  private settled = false;
  private listener: LoopbackListener | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly state = createState();
  private readonly pkce = createPkce();
  private redirect = '';
  private address = '';

  private constructor(private readonly options: BrowserAttemptOptions) {
    this.result = new Promise<{ code: string }>((resolve, reject) => {
      this.settle = (outcome) => ('code' in outcome ? resolve(outcome) : reject(outcome.error));
    }).then(({ code }) => ({ code, redirectUri: this.redirect, verifier: this.pkce.verifier }));
    // Nobody may be listening yet (the CLI waits later): an unhandled rejection must not crash.
    this.result.catch(() => {});
  }

  /** Starts listening and opens the browser; resolves once the browser was asked to open. */
  static async start(options: BrowserAttemptOptions): Promise<BrowserAttempt> {
    const attempt = new BrowserAttempt(options);
    await attempt.begin();
    return attempt;
  }

  /** The /oauth2/authorize address the browser was sent to (the CLI prints it for --no-open). */
  get url(): string {
    return this.address;
  }

  /** The redirect URI this attempt registered with Cognito. */
  get redirectUri(): string {
    return this.redirect;
  }

  /** Ends the attempt as cancelled by the user in Hakobu. */
  cancel(): void {
    this.finish({ error: signInCancelled() });
  }

  /**
   * Completes the attempt from a redirect URL that reached Hakobu another way (a hakobu://
   * deep link). True when it belonged to this attempt, whatever it said.
   */
  acceptRedirect(redirectUrl: string): boolean {
    let url: URL;
    try {
      url = new URL(redirectUrl);
    } catch {
      return false;
    }
    if (this.settled || !this.options.fallbackRedirectUri) return false;
    if (`${url.protocol}//${url.host}${url.pathname}` !== this.options.fallbackRedirectUri)
      return false;
    this.take(judgeCallback(url.searchParams, this.state));
    return true;
  }

  private async begin(): Promise<void> {
    const { options } = this;
    try {
      this.listener = await startLoopbackListener({
        ports: options.ports,
        language: options.language,
        log: options.log,
        receive: (query) => {
          const result = judgeCallback(query, this.state);
          // The listener stops by itself once this page is sent; closing it now would cut it off.
          if (!this.settled) this.take(result, false);
          return { outcome: result.outcome, done: true };
        },
      });
      this.redirect = this.listener.redirectUri;
    } catch (error) {
      if (!options.fallbackRedirectUri) throw error;
      options.log.info('no loopback port free; the redirect comes back as a deep link');
      this.redirect = options.fallbackRedirectUri;
    }
    this.address = authorizeUrl({
      domain: options.domain,
      clientId: options.clientId,
      redirectUri: this.redirect,
      state: this.state,
      codeChallenge: this.pkce.challenge,
      ...(options.identityProvider ? { identityProvider: options.identityProvider } : {}),
      ...(options.idpIdentifier ? { idpIdentifier: options.idpIdentifier } : {}),
    });
    const minutes = Math.max(1, Math.round(options.timeoutMs / 60_000));
    this.timer = setTimeout(
      () => this.finish({ error: signInTimedOut(minutes) }),
      options.timeoutMs,
    );
    try {
      await options.openBrowser(this.address);
    } catch (error) {
      options.log.warn('the browser could not be opened', error);
      this.finish({ error: browserNotOpened() });
      throw browserNotOpened();
    }
  }

  private take(result: CallbackResult, closeListener = true): void {
    const outcome = result.kind === 'code' ? { code: result.code } : { error: result.error };
    this.finish(outcome, closeListener);
  }

  private finish(outcome: { code: string } | { error: UserFacingError }, closeListener = true) {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (closeListener) void this.listener?.close();
    this.settle(outcome);
  }
}
