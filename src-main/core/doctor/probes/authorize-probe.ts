import { authorizeUrl } from '../../auth/managed-login/authorize-url';
import { createPkce, createState } from '../../auth/managed-login/pkce';
import type { DoctorContext } from '../context';

/** Where managed login sent a browser that asked to sign in (doctor follows no redirect). */
export type AuthorizeVerdict =
  /** On to the sign-in page or the IdP: the client, scopes and callback URL are accepted. */
  | { kind: 'signInPage' }
  /** Back to the callback with an OAuth error (unauthorized_client, invalid_scope…). */
  | { kind: 'callbackError'; error: string; description?: string }
  /** Cognito's own error page: the callback URL is not registered, or the client is unknown. */
  | { kind: 'errorPage'; error: string; description?: string }
  | { kind: 'notManagedLogin'; status: number }
  | { kind: 'unreachable'; message: string };

const KNOWN_PAGE_ERRORS = ['redirect_mismatch', 'invalid_client', 'invalid_request'] as const;

/**
 * Asks /oauth2/authorize, as the app would, for one callback URL and reads where it redirects.
 * No developer credentials are needed: the answer tells a good client from a misconfigured one.
 */
export async function probeAuthorize(
  ctx: DoctorContext,
  redirectUri: string,
): Promise<AuthorizeVerdict> {
  const { signIn, clientId } = ctx.config;
  const url = authorizeUrl({
    domain: signIn.domain ?? '',
    clientId,
    redirectUri,
    state: createState(),
    codeChallenge: createPkce().challenge,
    ...(signIn.identityProvider ? { identityProvider: signIn.identityProvider } : {}),
  });
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal: ctx.signal() });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { kind: 'unreachable', message: cause instanceof Error ? cause.message : String(cause) };
  }
  const body = await response.text().catch(() => '');
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    const target = new URL(location, url);
    if (`${target.origin}${target.pathname}` === redirectUri) {
      const error = target.searchParams.get('error');
      if (!error) return { kind: 'signInPage' };
      const description = target.searchParams.get('error_description') ?? undefined;
      return { kind: 'callbackError', error, ...(description ? { description } : {}) };
    }
    if (target.pathname === '/error') {
      return { kind: 'errorPage', error: target.searchParams.get('error') ?? 'unknown' };
    }
    return { kind: 'signInPage' };
  }
  if (response.status === 200 && /<form/i.test(body)) return { kind: 'signInPage' };
  const named = KNOWN_PAGE_ERRORS.find((code) => body.includes(code));
  if (response.status === 400 && named) {
    return { kind: 'errorPage', error: /Invalid client_id/i.test(body) ? 'invalid_client' : named };
  }
  return { kind: 'notManagedLogin', status: response.status };
}
