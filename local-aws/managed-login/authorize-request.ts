import { z } from 'zod';
import type { AppClientState, UserPoolState } from '../cognito-idp/model';
import { OAuthScope } from '../setup/schema';
import { COGNITO_PROVIDER } from './bootstrap';
import type { OAuthClientSettings } from './model';

// Query values may repeat; a repeated OAuth parameter is malformed, so only single strings pass.
const One = z.string();

/** /oauth2/authorize's (and /login's) query, before the client's settings are consulted. */
export const AuthorizeQuery = z.object({
  client_id: One.min(1).optional(),
  redirect_uri: One.min(1).optional(),
  response_type: One.optional(),
  state: One.max(2048).optional(),
  scope: One.optional(),
  code_challenge: One.optional(),
  code_challenge_method: One.optional(),
  nonce: One.max(2048).optional(),
  identity_provider: One.optional(),
  idp_identifier: One.optional(),
  lang: One.optional(),
});
export type AuthorizeQuery = z.infer<typeof AuthorizeQuery>;

/** An authorize request that passed every check: what a code will be bound to. */
export interface AuthorizeRequest {
  pool: UserPoolState;
  client: AppClientState & { oauth: OAuthClientSettings };
  redirectUri: string;
  state?: string;
  scopes: string[];
  codeChallenge?: string;
  nonce?: string;
  /** COGNITO, or a federated provider the client supports. */
  provider?: string;
}

/** Why a request failed: shown on Cognito's own error page, or sent back to the app's callback. */
export type AuthorizeFailure =
  | { kind: 'page'; error: string; description: string }
  | { kind: 'redirect'; redirectUri: string; state?: string; error: string; description: string };

const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function chooseProvider(
  pool: UserPoolState,
  oauth: OAuthClientSettings,
  query: AuthorizeQuery,
): string | undefined | { unknown: string } {
  if (query.identity_provider !== undefined) {
    return oauth.identityProviders.includes(query.identity_provider)
      ? query.identity_provider
      : { unknown: query.identity_provider };
  }
  if (query.idp_identifier !== undefined) {
    const wanted = query.idp_identifier.toLowerCase();
    const match = Object.keys(pool.identityProviders ?? {}).find(
      (name) => name.toLowerCase() === wanted && oauth.identityProviders.includes(name),
    );
    return match ?? { unknown: query.idp_identifier };
  }
  return undefined;
}

/**
 * Checks an authorize request as Cognito does: an unknown client or a callback URL not on its list
 * ends on Cognito's error page (never redirecting to an unregistered URL); every later problem
 * goes back to the callback as error=…&error_description=…&state=….
 */
export function checkAuthorizeRequest(
  pool: UserPoolState,
  raw: URLSearchParams,
): AuthorizeRequest | AuthorizeFailure {
  const single = Object.fromEntries(
    [...new Set(raw.keys())].map((k) => [k, raw.getAll(k).length === 1 ? raw.get(k) : null]),
  );
  const parsed = AuthorizeQuery.safeParse(single);
  if (!parsed.success)
    return { kind: 'page', error: 'invalid_request', description: 'A parameter is repeated.' };
  const query = parsed.data;
  const client =
    query.client_id && Object.hasOwn(pool.clients, query.client_id)
      ? pool.clients[query.client_id]
      : undefined;
  if (!client) return { kind: 'page', error: 'invalid_request', description: 'Invalid client_id.' };
  const oauth = client.oauth;
  if (!query.redirect_uri || !oauth?.callbackUrls.includes(query.redirect_uri))
    return { kind: 'page', error: 'redirect_mismatch', description: 'redirect_mismatch' };
  const back = (error: string, description: string): AuthorizeFailure => ({
    kind: 'redirect',
    redirectUri: query.redirect_uri ?? '',
    ...(query.state !== undefined ? { state: query.state } : {}),
    error,
    description,
  });
  if (!oauth.flows.includes('code'))
    return back('unauthorized_client', 'Client is not enabled for the code grant.');
  if (query.response_type !== 'code')
    return back('unsupported_response_type', 'response_type must be code.');
  // No scope asks for every scope the client may have, as Cognito grants it.
  const scopes = query.scope === undefined ? [...oauth.scopes] : query.scope.split(' ');
  if (
    scopes.some((s) => !OAuthScope.safeParse(s).success || !(oauth.scopes as string[]).includes(s))
  )
    return back('invalid_scope', 'invalid_scope');
  if (query.code_challenge !== undefined || query.code_challenge_method !== undefined) {
    if (query.code_challenge_method !== 'S256')
      return back('invalid_request', 'code_challenge_method must be S256.');
    if (!query.code_challenge || !S256_CHALLENGE.test(query.code_challenge))
      return back('invalid_request', 'code_challenge must be 43 base64url characters.');
  }
  const provider = chooseProvider(pool, oauth, query);
  if (typeof provider === 'object')
    return back(
      'invalid_request',
      `Identity provider ${provider.unknown} is not enabled for this client.`,
    );
  if (provider === undefined && !oauth.identityProviders.length)
    return back('invalid_request', 'The client supports no identity provider.');
  return {
    pool,
    client: { ...client, oauth },
    redirectUri: query.redirect_uri,
    ...(query.state !== undefined ? { state: query.state } : {}),
    scopes,
    ...(query.code_challenge ? { codeChallenge: query.code_challenge } : {}),
    ...(query.nonce !== undefined ? { nonce: query.nonce } : {}),
    ...(provider ? { provider } : {}),
  };
}

/** True when the request may sign in with the pool's own users (on /login). */
export const allowsCognitoSignIn = (request: AuthorizeRequest): boolean =>
  request.client.oauth.identityProviders.includes(COGNITO_PROVIDER) &&
  (request.provider === undefined || request.provider === COGNITO_PROVIDER);
