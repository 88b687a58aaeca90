import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppClientState } from '../cognito-idp/model';
import { findUser } from '../cognito-idp/lookup';
import { renewFromRefreshToken } from '../cognito-idp/refresh/renew';
import { issueRefreshToken } from '../cognito-idp/refresh/store';
import { mintTokens, type IssuedTokens } from '../cognito-idp/tokens';
import { AwsError } from '../http/aws-error';
import type { ManagedLogin } from './finish';
import { isForm, readForm, sendJson } from './http';

/** An OAuth error: 400 with {"error": …}, as Cognito's token and revoke endpoints answer. */
export class OAuthError extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The client a token-endpoint request authenticates as: HTTP Basic or client_id (and
 * client_secret) in the form. A public client has no secret; a confidential one must send it.
 */
export function authenticateClient(
  ml: ManagedLogin,
  req: IncomingMessage,
  form: URLSearchParams,
): AppClientState {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, colon < 0 ? undefined : colon));
    secret = colon < 0 ? '' : decodeURIComponent(decoded.slice(colon + 1));
  }
  if (!clientId) throw new OAuthError('invalid_request');
  const client = Object.hasOwn(ml.pool.clients, clientId) ? ml.pool.clients[clientId] : undefined;
  if (!client) throw new OAuthError('invalid_client');
  if (client.clientSecret && !(secret && sameText(client.clientSecret, secret)))
    throw new OAuthError('invalid_client');
  return client;
}

// RFC 7636: BASE64URL(SHA256(ASCII(code_verifier))).
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

function tokenResponse(tokens: IssuedTokens, scopes: string[] | undefined, refreshToken?: string) {
  return {
    // Cognito returns an ID token only when openid was granted (API sign-ins always get one).
    ...(!scopes || scopes.includes('openid') ? { id_token: tokens.IdToken } : {}),
    access_token: tokens.AccessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    expires_in: tokens.ExpiresIn,
    token_type: 'Bearer',
  };
}

async function redeemCode(ml: ManagedLogin, client: AppClientState, form: URLSearchParams) {
  if (!client.oauth?.flows.includes('code')) throw new OAuthError('unauthorized_client');
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (!code || !redirectUri) throw new OAuthError('invalid_request');
  // Taken out before any check, so a code is spent by its first use whatever follows.
  const grant = ml.store.redeemCode(code);
  if (!grant || grant.clientId !== client.clientId || grant.redirectUri !== redirectUri)
    throw new OAuthError('invalid_grant');
  if (grant.codeChallenge) {
    const verifier = form.get('code_verifier');
    if (!verifier || !VERIFIER.test(verifier)) throw new OAuthError('invalid_request');
    if (!sameText(s256(verifier), grant.codeChallenge)) throw new OAuthError('invalid_grant');
  }
  const user = findUser(ml.pool, grant.username);
  if (!user?.enabled) throw new OAuthError('invalid_grant');
  const signIn = { authTime: grant.authTime, originJti: randomUUID(), scopes: grant.scopes };
  const tokens = await mintTokens(ml.ctx, ml.pool, client, user, {
    ...signIn,
    ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
  });
  const refreshToken = issueRefreshToken(ml.ctx, ml.pool, client, user, signIn);
  ml.ctx.save();
  return tokenResponse(tokens, grant.scopes, refreshToken);
}

async function refresh(ml: ManagedLogin, client: AppClientState, form: URLSearchParams) {
  const token = form.get('refresh_token');
  if (!token) throw new OAuthError('invalid_request');
  try {
    // authenticateClient has proven the secret (if any) already; the client's own one passes again.
    const outcome = await renewFromRefreshToken(ml.ctx, ml.pool, client, token, {
      kind: 'GetTokensFromRefreshToken',
      clientSecret: client.clientSecret,
    });
    const result = outcome.AuthenticationResult;
    if (!result) throw new OAuthError('invalid_grant');
    return {
      id_token: result.IdToken,
      access_token: result.AccessToken,
      ...(result.RefreshToken ? { refresh_token: result.RefreshToken } : {}),
      expires_in: result.ExpiresIn,
      token_type: 'Bearer',
    };
  } catch (error) {
    if (error instanceof AwsError) throw new OAuthError('invalid_grant');
    throw error;
  }
}

/** POST /oauth2/token: the authorization code grant (with PKCE) and the refresh token grant. */
export async function serveToken(
  ml: ManagedLogin,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    if (req.method !== 'POST' || !isForm(req)) throw new OAuthError('invalid_request');
    const form = await readForm(req);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request');
    const client = authenticateClient(ml, req, form);
    let body: Record<string, unknown>;
    if (grantType === 'authorization_code') body = await redeemCode(ml, client, form);
    else if (grantType === 'refresh_token') body = await refresh(ml, client, form);
    else if (grantType === 'client_credentials') throw new OAuthError('unauthorized_client');
    else throw new OAuthError('unsupported_grant_type');
    ml.ctx.log({ service: 'managed-login', action: 'token', grantType, status: 200 });
    sendJson(res, 200, body);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    ml.ctx.log({ service: 'managed-login', action: 'token', error: error.error, status: 400 });
    sendJson(res, 400, { error: error.error });
  }
}
