import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCompanyIdp, type RunningCompanyIdp } from '../company-idp/server';
import type { LocalAwsContext } from '../context';
import { checkAuthorizeRequest } from './authorize-request';
import { COGNITO_PROVIDER } from './bootstrap';
import { startFederation, serveIdpResponse } from './federation';
import {
  errorPage,
  failAuthorize,
  finishSignIn,
  SESSION_COOKIE,
  type ManagedLogin,
} from './finish';
import { readCookies, redirect, sendHtml, sendJson } from './http';
import { serveLogin } from './login-page';
import { serveLogout, serveRevoke, serveUserInfo } from './session-endpoints';
import { ManagedLoginStore } from './store';
import { serveToken } from './token-endpoint';

/** What local-aws.json says about managed login: where it is and who can sign in. */
export interface ManagedLoginInfo {
  /** http://localhost:<port>, standing in for https://<prefix>.auth.<region>.amazoncognito.com. */
  domain: string;
  userPoolId: string;
  /** The first app client with the code grant. */
  clientId: string;
  callbackUrls: string[];
  logoutUrls: string[];
  scopes: string[];
  /** The first federated provider of the pool, or null. */
  identityProvider: string | null;
  /** Its issuer (http://127.0.0.1:<port>), or null. */
  idpIssuer: string | null;
  idpUsers: { username: string; password: string; email?: string }[];
}

/** A running managed login (and its company IdPs). */
export interface RunningManagedLogin {
  info: ManagedLoginInfo;
  close(): Promise<void>;
}

async function authorize(ml: ManagedLogin, req: IncomingMessage, res: ServerResponse, url: URL) {
  const request = checkAuthorizeRequest(ml.pool, url.searchParams);
  if ('kind' in request) return failAuthorize(ml, res, request);
  const provider = request.provider;
  if (provider && provider !== COGNITO_PROVIDER)
    return startFederation(ml, res, { ...request, provider }, url.searchParams);
  // A browser signed in within the hour gets its code without the form, as with Cognito's cookie.
  const sessionId = readCookies(req).get(SESSION_COOKIE);
  const session = ml.store.session(sessionId);
  const user = session ? ml.pool.users[session.username] : undefined;
  if (session && user?.enabled) {
    const federatedOnly = user.status === 'EXTERNAL_PROVIDER';
    const allowed = request.client.oauth.identityProviders.includes(
      federatedOnly ? (user.federation?.providerName ?? '') : COGNITO_PROVIDER,
    );
    if (allowed) return finishSignIn(ml, res, request, user, session.authTime, sessionId);
  }
  redirect(res, `${ml.domain}/login?${url.searchParams.toString()}`);
}

function route(ml: ManagedLogin, req: IncomingMessage, res: ServerResponse): Promise<void> | void {
  const url = new URL(req.url ?? '/', ml.domain);
  switch (url.pathname) {
    case '/oauth2/authorize':
      return authorize(ml, req, res, url);
    case '/login':
      return serveLogin(ml, req, res, url);
    case '/oauth2/idpresponse':
      return serveIdpResponse(ml, res, url);
    case '/oauth2/token':
      return serveToken(ml, req, res);
    case '/oauth2/revoke':
      return serveRevoke(ml, req, res);
    case '/oauth2/userInfo':
      return serveUserInfo(ml, req, res);
    case '/logout':
      return serveLogout(ml, req, res, url);
    case '/error':
      return sendHtml(
        res,
        400,
        errorPage(url.searchParams.get('error') ?? 'error', 'An error was encountered.'),
      );
    default:
      return sendJson(res, 404, { error: 'not_found' });
  }
}

/**
 * Starts managed login for the first pool with a domain, on its own listener (its paths, such as
 * /login, would collide with S3 bucket names on the main port), and a company IdP on another
 * origin for each of the pool's federated providers. Undefined when no pool has a domain.
 */
export async function startManagedLogin(
  ctx: LocalAwsContext,
  port = 0,
): Promise<RunningManagedLogin | undefined> {
  const pool = Object.values(ctx.state.userPools).find((p) => p.domain);
  if (!pool) return undefined;
  const providerOrigins = new Map<string, string>();
  const ml: ManagedLogin = {
    ctx,
    pool,
    store: new ManagedLoginStore(
      () => ctx.now(),
      () => {
        const cap = ctx.state.faults.authorizationCodeSeconds;
        return cap === undefined ? undefined : cap * 1000;
      },
    ),
    domain: '',
    providerOrigins,
  };
  const server = createServer((req, res) => {
    Promise.resolve(route(ml, req, res)).catch((error: unknown) => {
      if (!res.headersSent) sendHtml(res, 500, errorPage('server_error', String(error)));
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  // localhost, not 127.0.0.1: the name a browser keeps cookies under, as it would for a real domain.
  ml.domain = `http://localhost:${(server.address() as AddressInfo).port}`;
  ctx.managedLoginDomain = ml.domain;
  const idps: RunningCompanyIdp[] = [];
  for (const provider of Object.values(pool.identityProviders ?? {})) {
    const idp = await startCompanyIdp(provider, `${ml.domain}/oauth2/idpresponse`, () => ctx.now());
    providerOrigins.set(provider.name, idp.issuer);
    idps.push(idp);
  }
  const client = Object.values(pool.clients).find((c) => c.oauth?.flows.includes('code'));
  const firstProvider = Object.keys(pool.identityProviders ?? {})[0] ?? null;
  return {
    info: {
      domain: ml.domain,
      userPoolId: pool.id,
      clientId: client?.clientId ?? '',
      callbackUrls: client?.oauth?.callbackUrls ?? [],
      logoutUrls: client?.oauth?.logoutUrls ?? [],
      scopes: client?.oauth?.scopes ?? [],
      identityProvider: firstProvider,
      idpIssuer: firstProvider ? (providerOrigins.get(firstProvider) ?? null) : null,
      idpUsers: (ctx.state.demoFederatedUsers ?? [])
        .filter((u) => u.provider === firstProvider)
        .map(({ username, password, email }) => ({
          username,
          password,
          ...(email ? { email } : {}),
        })),
    },
    close: async () => {
      await Promise.all(idps.map((idp) => idp.close()));
      await new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      });
    },
  };
}
