import { createPrivateKey, createPublicKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { z } from 'zod';
import {
  cookie,
  isForm,
  readCookies,
  readForm,
  redirect,
  sendHtml,
  sendJson,
  withQuery,
} from '../managed-login/http';
import type { FederatedProviderState } from '../managed-login/model';
import { companyErrorPage, companyLoginPage } from './pages';
import { authenticateCompanyUser } from './users';

/** A running company IdP: its issuer (origin) and how to stop it. */
export interface RunningCompanyIdp {
  issuer: string;
  close(): Promise<void>;
}

interface IssuedCode {
  sub: string;
  nonce?: string;
  redirectUri: string;
  expiresAt: number;
}

const CSRF_COOKIE = 'idp_csrf';
const AuthorizeParams = z.object({
  client_id: z.string(),
  redirect_uri: z.string(),
  response_type: z.literal('code'),
  state: z.string().optional(),
  nonce: z.string().optional(),
  scope: z.string().optional(),
});

const secret = () => randomBytes(24).toString('base64url');
const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Starts the stand-in company OIDC provider on 127.0.0.1 (a host of its own, so its cookies are
 * apart from managed login's on localhost): discovery, authorize with a sign-in page, token, jwks.
 * It knows one client, Cognito, whose only redirect URI is `cognitoRedirectUri`.
 */
export async function startCompanyIdp(
  provider: FederatedProviderState,
  cognitoRedirectUri: string,
  now: () => number,
): Promise<RunningCompanyIdp> {
  const idp = provider.builtIn;
  const privateKey = createPrivateKey({ key: idp.signingKey.privateJwk as never, format: 'jwk' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const codes = new Map<string, IssuedCode>();
  let issuer = '';

  const authorize = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const form = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const parsed = AuthorizeParams.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return sendHtml(res, 400, companyErrorPage('The sign-in request is incomplete.'));
    if (parsed.data.client_id !== idp.clientId)
      return sendHtml(res, 400, companyErrorPage('Unknown application.'));
    const params = parsed.data;
    if (params.redirect_uri !== cognitoRedirectUri)
      return sendHtml(res, 400, companyErrorPage('This redirect URI is not registered.'));
    const show = (status: number, message?: string) => {
      const csrf = secret();
      sendHtml(res, status, companyLoginPage(form, csrf, message), [
        cookie(CSRF_COOKIE, csrf, 3600),
      ]);
    };
    if (req.method !== 'POST') return show(200);
    const expected = readCookies(req).get(CSRF_COOKIE) ?? '';
    if (!expected || !same(expected, form.get('_csrf') ?? ''))
      return show(403, 'Your sign-in form expired. Please try again.');
    if (form.get('action') === 'cancel')
      return redirect(
        res,
        withQuery(params.redirect_uri, {
          error: 'access_denied',
          error_description: 'The user cancelled the sign-in.',
          state: params.state,
        }),
      );
    const user = authenticateCompanyUser(
      idp,
      form.get('username') ?? '',
      form.get('password') ?? '',
    );
    if (!user) return show(400, 'Incorrect email or password.');
    const code = secret();
    codes.set(code, {
      sub: user.sub,
      redirectUri: params.redirect_uri,
      expiresAt: now() + 60_000,
      ...(params.nonce !== undefined ? { nonce: params.nonce } : {}),
    });
    redirect(res, withQuery(params.redirect_uri, { code, state: params.state }));
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !isForm(req))
      return sendJson(res, 400, { error: 'invalid_request' });
    const form = await readForm(req);
    if (
      form.get('client_id') !== idp.clientId ||
      !same(form.get('client_secret') ?? '', idp.clientSecret)
    )
      return sendJson(res, 401, { error: 'invalid_client' });
    if (form.get('grant_type') !== 'authorization_code')
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    if (!issued || issued.expiresAt <= now() || issued.redirectUri !== form.get('redirect_uri'))
      return sendJson(res, 400, { error: 'invalid_grant' });
    const user = idp.users.find((u) => u.sub === issued.sub);
    if (!user) return sendJson(res, 400, { error: 'invalid_grant' });
    const seconds = Math.floor(now() / 1000);
    const idToken = await new SignJWT({
      ...(issued.nonce !== undefined ? { nonce: issued.nonce } : {}),
      ...(user.email ? { email: user.email, email_verified: true } : {}),
      ...(user.name ? { name: user.name } : {}),
      preferred_username: user.username,
    })
      .setProtectedHeader({ alg: 'RS256', kid: idp.signingKey.kid })
      .setIssuer(issuer)
      .setSubject(user.sub)
      .setAudience(idp.clientId)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + 3600)
      .sign(privateKey);
    sendJson(res, 200, {
      access_token: secret(),
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: 3600,
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = async () => {
      if (url.pathname === '/.well-known/openid-configuration')
        return sendJson(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['client_secret_post'],
        });
      if (url.pathname === '/jwks')
        return sendJson(res, 200, {
          keys: [{ ...jwk, kid: idp.signingKey.kid, alg: 'RS256', use: 'sig' }],
        });
      if (url.pathname === '/authorize') return authorize(req, res, url);
      if (url.pathname === '/token') return token(req, res);
      sendJson(res, 404, { error: 'not_found' });
    };
    route().catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: 'server_error', error_description: String(error) });
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
