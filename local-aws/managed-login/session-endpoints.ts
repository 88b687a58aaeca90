import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyAccessToken } from '../cognito-idp/access-token';
import { findRefreshToken, revokeSignIn } from '../cognito-idp/refresh/store';
import { userAttributes } from '../cognito-idp/user-view';
import { AwsError } from '../http/aws-error';
import { errorPage, SESSION_COOKIE, type ManagedLogin } from './finish';
import {
  cookie,
  isForm,
  readCookies,
  readForm,
  redirect,
  sendHtml,
  sendJson,
  withQuery,
} from './http';
import { authenticateClient, OAuthError } from './token-endpoint';

/** POST /oauth2/revoke: ends the sign-in a refresh token belongs to; 200 with an empty body. */
export async function serveRevoke(
  ml: ManagedLogin,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    if (req.method !== 'POST' || !isForm(req)) throw new OAuthError('invalid_request');
    const form = await readForm(req);
    const client = authenticateClient(ml, req, form);
    const token = form.get('token');
    if (!token) throw new OAuthError('invalid_request');
    // Only refresh tokens can be revoked; an access or ID token is a JWT.
    if (token.split('.').length === 3) throw new OAuthError('unsupported_token_type');
    const found = findRefreshToken(ml.pool, token);
    if (found) {
      if (found.record.clientId !== client.clientId) throw new OAuthError('invalid_request');
      found.record.revoked = true;
      if (found.record.originJti) revokeSignIn(ml.pool, found.record.originJti);
      ml.ctx.save();
    }
    ml.ctx.log({ service: 'managed-login', action: 'revoke', status: 200 });
    res.writeHead(200, { 'content-length': 0, 'cache-control': 'no-store' });
    res.end();
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    ml.ctx.log({ service: 'managed-login', action: 'revoke', error: error.error, status: 400 });
    sendJson(res, 400, { error: error.error });
  }
}

function bearerError(res: ServerResponse, status: number, error: string, description: string) {
  sendJson(
    res,
    status,
    { error, error_description: description },
    { 'www-authenticate': `Bearer error="${error}", error_description="${description}"` },
  );
}

/** GET or POST /oauth2/userInfo: the user's attributes, for an access token granted openid. */
export async function serveUserInfo(
  ml: ManagedLogin,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!bearer?.[1]) return bearerError(res, 401, 'invalid_request', 'Access token is missing');
  try {
    const holder = await verifyAccessToken(ml.ctx, bearer[1]);
    if (!holder.scopes.includes('openid'))
      return bearerError(
        res,
        403,
        'insufficient_scope',
        'Access token does not have the openid scope',
      );
    const attributes = Object.fromEntries(
      userAttributes(holder.user).map((a) => [a.Name, a.Value]),
    );
    sendJson(res, 200, { ...attributes, username: holder.user.username });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    bearerError(res, 401, 'invalid_token', error.message);
  }
}

/**
 * GET /logout: ends the browser session, then either returns to a registered sign-out URL
 * (client_id + logout_uri) or starts a new sign-in (client_id + redirect_uri + response_type).
 */
export function serveLogout(
  ml: ManagedLogin,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const q = url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const client = Object.hasOwn(ml.pool.clients, clientId) ? ml.pool.clients[clientId] : undefined;
  if (!client) return sendHtml(res, 400, errorPage('invalid_request', 'Invalid client_id.'));
  const logoutUri = q.get('logout_uri');
  const redirectUri = q.get('redirect_uri');
  let next: string;
  if (logoutUri !== null) {
    if (!client.oauth?.logoutUrls.includes(logoutUri))
      return sendHtml(
        res,
        400,
        errorPage('invalid_request', 'logout_uri is not a sign-out URL of this client.'),
      );
    next = logoutUri;
  } else if (redirectUri !== null && q.get('response_type') !== null) {
    next = `${ml.domain}/login?${q.toString()}`;
  } else {
    return sendHtml(
      res,
      400,
      errorPage('invalid_request', 'logout_uri or redirect_uri is required.'),
    );
  }
  ml.store.endSession(readCookies(req).get(SESSION_COOKIE));
  ml.ctx.log({ service: 'managed-login', action: 'logout', status: 302 });
  redirect(res, withQuery(next, {}), [cookie(SESSION_COOKIE, '', 0)]);
}
