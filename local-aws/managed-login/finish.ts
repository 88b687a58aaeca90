import type { ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';
import type { UserPoolState, UserState } from '../cognito-idp/model';
import type { AuthorizeFailure, AuthorizeRequest } from './authorize-request';
import { escapeHtml, page } from './html';
import { cookie, redirect, sendHtml, withQuery } from './http';
import { SESSION_LIFETIME_MS, type ManagedLoginStore } from './store';

/** Everything managed login's handlers share. */
export interface ManagedLogin {
  ctx: LocalAwsContext;
  pool: UserPoolState;
  store: ManagedLoginStore;
  /** http://localhost:<port>, managed login's own origin. */
  domain: string;
  /** Each federated provider's origin (its OIDC issuer), by provider name. */
  providerOrigins: ReadonlyMap<string, string>;
}

/** Cognito's session cookie: set at sign-in, it lets a later authorize skip the password. */
export const SESSION_COOKIE = 'cognito';

/** Sends the app its code: starts (or keeps) the browser session and redirects to the callback. */
export function finishSignIn(
  ml: ManagedLogin,
  res: ServerResponse,
  request: AuthorizeRequest,
  user: UserState,
  authTime: number,
  keepSession?: string,
): void {
  const code = ml.store.issueCode({
    poolId: ml.pool.id,
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    scopes: request.scopes,
    username: user.username,
    authTime,
  });
  const cookies = keepSession
    ? []
    : [
        cookie(
          SESSION_COOKIE,
          ml.store.startSession({ poolId: ml.pool.id, username: user.username, authTime }),
          SESSION_LIFETIME_MS / 1000,
        ),
      ];
  ml.ctx.log({ service: 'managed-login', action: 'code', clientId: request.client.clientId });
  redirect(res, withQuery(request.redirectUri, { code, state: request.state }), cookies);
}

/** Answers a failed authorize request: Cognito's error page, or an error back at the callback. */
export function failAuthorize(
  ml: ManagedLogin,
  res: ServerResponse,
  failure: AuthorizeFailure,
): void {
  ml.ctx.log({ service: 'managed-login', action: 'authorize-error', error: failure.error });
  if (failure.kind === 'redirect') {
    redirect(
      res,
      withQuery(failure.redirectUri, {
        error_description: failure.description,
        error: failure.error,
        state: failure.state,
      }),
    );
    return;
  }
  sendHtml(res, 400, errorPage(failure.error, failure.description));
}

/** Cognito's own error page (the request cannot go back to any app). */
export function errorPage(error: string, description: string): string {
  return page(
    'An error was encountered',
    `<p class="error" role="alert">${escapeHtml(description)}</p><p>Error code: <code>${escapeHtml(error)}</code></p>`,
  );
}
