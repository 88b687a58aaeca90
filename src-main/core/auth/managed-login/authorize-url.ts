/** The scopes Hakobu asks for: the ID token carries email and profile claims for the UI. */
export const MANAGED_LOGIN_SCOPES = ['openid', 'email', 'profile'] as const;

/** What an /oauth2/authorize request names. */
export interface AuthorizeRequest {
  /** The managed-login domain, such as https://example.auth.ap-northeast-1.amazoncognito.com. */
  domain: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  /** Straight to this IdP (its provider name in the user pool), skipping managed login's page. */
  identityProvider?: string;
  /** Or the IdP found by one of its identifiers (an email domain, say). */
  idpIdentifier?: string;
}

/** An endpoint under the domain; a domain configured with a trailing slash still works. */
export function domainEndpoint(domain: string, path: string): URL {
  return new URL(path, domain.endsWith('/') ? domain : `${domain}/`);
}

/** The authorization-code + PKCE request Cognito's /oauth2/authorize expects (RFC 8252 §6). */
export function authorizeUrl(request: AuthorizeRequest): string {
  const url = domainEndpoint(request.domain, 'oauth2/authorize');
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', request.clientId);
  params.set('redirect_uri', request.redirectUri);
  params.set('scope', MANAGED_LOGIN_SCOPES.join(' '));
  params.set('state', request.state);
  params.set('code_challenge_method', 'S256');
  params.set('code_challenge', request.codeChallenge);
  if (request.identityProvider) params.set('identity_provider', request.identityProvider);
  else if (request.idpIdentifier) params.set('idp_identifier', request.idpIdentifier);
  return url.toString();
}

/** Managed login's /logout, which ends the browser's session and returns to `logoutUri`. */
export function logoutUrl(domain: string, clientId: string, logoutUri: string): string {
  const url = domainEndpoint(domain, 'logout');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('logout_uri', logoutUri);
  return url.toString();
}
