import { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { AuthenticationResultTokens } from '../token-set';
import { domainEndpoint } from './authorize-url';
import { signInServiceUnreachable, tokenRefused } from './errors';

// The token endpoint's answers (Cognito, RFC 6749 §5): checked before a field is trusted.
const TokenResponse = z.object({
  id_token: z.string().min(1),
  access_token: z.string().min(1),
  // Present after a code exchange; after a refresh only when the client rotates refresh tokens.
  refresh_token: z.string().min(1).optional(),
  token_type: z.string(),
  expires_in: z.number().optional(),
});
const OAuthError = z.object({ error: z.string().min(1), error_description: z.string().optional() });

const REQUEST_TIMEOUT_MS = 15_000;

/** The network call the endpoint makes; tests and shells may pass their own. */
export type Fetch = (input: URL, init: RequestInit) => Promise<Response>;

/**
 * Cognito's OAuth endpoints under the managed-login domain: /oauth2/token for the code exchange
 * and refresh, /oauth2/revoke for sign-out. The app client is public (no secret), so only
 * client_id is sent. Errors come back in the user's words; no token ever appears in one.
 */
export class TokenEndpoint {
  constructor(
    private readonly domain: string,
    private readonly clientId: string,
    private readonly log: Logger,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** Exchanges the authorization code (RFC 7636: with the verifier, and the same redirect_uri). */
  async exchangeCode(code: string, redirectUri: string, verifier: string) {
    const result = await this.tokenRequest({
      grant_type: 'authorization_code',
      client_id: this.clientId,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    if (!result.RefreshToken) {
      throw signInServiceUnreachable('the token endpoint answered without a refresh token');
    }
    return result;
  }

  /** New ID and access tokens for a refresh token (and a new refresh token if rotated). */
  refresh(refreshToken: string): Promise<AuthenticationResultTokens> {
    return this.tokenRequest({
      grant_type: 'refresh_token',
      client_id: this.clientId,
      refresh_token: refreshToken,
    });
  }

  /** Revokes a refresh token and the access tokens issued from it. */
  async revoke(refreshToken: string): Promise<void> {
    const res = await this.post('oauth2/revoke', { token: refreshToken, client_id: this.clientId });
    if (res.ok) return;
    throw await this.refusal(res);
  }

  private async tokenRequest(form: Record<string, string>): Promise<AuthenticationResultTokens> {
    const res = await this.post('oauth2/token', form);
    if (!res.ok) throw await this.refusal(res);
    const parsed = TokenResponse.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      throw signInServiceUnreachable(
        'the token endpoint answered with something that is not tokens',
      );
    }
    const { id_token, access_token, refresh_token } = parsed.data;
    return {
      IdToken: id_token,
      AccessToken: access_token,
      ...(refresh_token ? { RefreshToken: refresh_token } : {}),
    };
  }

  private async post(path: string, form: Record<string, string>): Promise<Response> {
    const url = domainEndpoint(this.domain, path);
    try {
      return await this.fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        // A 3xx here would carry the form elsewhere: Cognito never redirects these endpoints.
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.log.warn(`${url.pathname} request failed`, error);
      throw signInServiceUnreachable(`${url.host} did not answer`);
    }
  }

  private async refusal(res: Response) {
    const body = OAuthError.safeParse(await res.json().catch(() => undefined));
    this.log.warn(
      `token endpoint refused: HTTP ${res.status} ${body.success ? body.data.error : ''}`,
    );
    if (!body.success)
      return signInServiceUnreachable(`HTTP ${res.status} from the token endpoint`);
    return tokenRefused(body.data.error, body.data.error_description);
  }
}
