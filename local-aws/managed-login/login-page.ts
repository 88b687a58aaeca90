import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { findUser } from '../cognito-idp/lookup';
import { chooseMfaStep } from '../cognito-idp/mfa/choose';
import type { UserState } from '../cognito-idp/model';
import { verifyPassword } from '../cognito-idp/password';
import {
  allowsCognitoSignIn,
  checkAuthorizeRequest,
  type AuthorizeRequest,
} from './authorize-request';
import { errorParagraph, escapeHtml, hidden, page } from './html';
import { cookie, readCookies, readForm, sendHtml } from './http';
import { failAuthorize, finishSignIn, type ManagedLogin } from './finish';
import { newSecret } from './store';

/** The double-submit CSRF cookie, named as Cognito's managed login names it. */
const CSRF_COOKIE = 'XSRF-TOKEN';
const INCORRECT = 'Incorrect username or password.';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function renderLogin(
  ml: ManagedLogin,
  request: AuthorizeRequest,
  query: string,
  csrf: string,
  message?: string,
): string {
  const usernameLabel = ml.pool.usernameAttributes?.includes('email') ? 'Email' : 'Username';
  const providers = request.client.oauth.identityProviders.filter((p) => p !== 'COGNITO');
  const federated = providers
    .map((name) => {
      const params = new URLSearchParams(query);
      params.delete('identity_provider');
      params.delete('idp_identifier');
      params.set('identity_provider', name);
      return `<form method="get" action="/oauth2/authorize">${[...params]
        .map(([k, v]) => hidden(k, v))
        .join(
          '',
        )}<button type="submit" class="secondary">Sign in with ${escapeHtml(name)}</button></form>`;
    })
    .join('\n');
  const own = allowsCognitoSignIn(request)
    ? `<form method="post" action="/login?${escapeHtml(query)}">
${hidden('_csrf', csrf)}
<label for="username">${usernameLabel}</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`
    : '';
  const divider = own && federated ? '<hr>' : '';
  return page('Sign in', `${errorParagraph(message)}${own}${divider}${federated}`);
}

function showLogin(
  ml: ManagedLogin,
  res: ServerResponse,
  request: AuthorizeRequest,
  query: string,
  status: number,
  message?: string,
): void {
  const csrf = newSecret();
  sendHtml(res, status, renderLogin(ml, request, query, csrf, message), [
    cookie(CSRF_COOKIE, csrf, 3600),
  ]);
}

// What keeps a correct password from signing in here, in Cognito's words, or undefined.
function refusal(ml: ManagedLogin, user: UserState): string | undefined {
  if (!user.enabled) return 'User is disabled.';
  if (user.status === 'UNCONFIRMED') return 'User is not confirmed.';
  if (user.status === 'RESET_REQUIRED') return 'Password reset required for the user.';
  if (user.status === 'FORCE_CHANGE_PASSWORD')
    return 'This account needs a new password: set one in Hakobu or ask your administrator.';
  if (chooseMfaStep(ml.pool, user))
    return 'This stand-in’s managed login does not ask for MFA codes: sign in through the API.';
  return undefined;
}

/** GET and POST /login: Cognito's own sign-in form, for the pool's users. */
export async function serveLogin(
  ml: ManagedLogin,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const checked = checkAuthorizeRequest(ml.pool, url.searchParams);
  if ('kind' in checked) return failAuthorize(ml, res, checked);
  const query = url.searchParams.toString();
  if (req.method !== 'POST') return showLogin(ml, res, checked, query, 200);

  const form = await readForm(req);
  const expected = readCookies(req).get(CSRF_COOKIE);
  const given = form.get('_csrf') ?? '';
  if (!expected || !sameSecret(expected, given))
    return showLogin(ml, res, checked, query, 403, 'Your sign-in form expired. Please try again.');
  if (!allowsCognitoSignIn(checked))
    return showLogin(ml, res, checked, query, 400, 'Sign in with your identity provider instead.');
  const user = findUser(ml.pool, form.get('username') ?? '');
  // A federated user's password was never chosen by anyone: it fails like a wrong one.
  if (
    !user ||
    user.status === 'EXTERNAL_PROVIDER' ||
    !verifyPassword(user.password, form.get('password') ?? '')
  ) {
    ml.ctx.log({ service: 'managed-login', action: 'login', status: 400 });
    return showLogin(ml, res, checked, query, 400, INCORRECT);
  }
  const refused = refusal(ml, user);
  if (refused) return showLogin(ml, res, checked, query, 400, refused);
  ml.ctx.log({ service: 'managed-login', action: 'login', status: 302 });
  finishSignIn(ml, res, checked, user, Math.floor(ml.ctx.now() / 1000));
}
