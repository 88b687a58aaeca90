import { errorParagraph, escapeHtml, hidden, page } from '../managed-login/html';

/** The authorize parameters the IdP's sign-in form carries through its POST. */
export const CARRIED = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce'];

/** The company IdP's sign-in page, with Sign in and Cancel (Cancel answers access_denied). */
export function companyLoginPage(params: URLSearchParams, csrf: string, message?: string): string {
  const carried = CARRIED.filter((name) => params.has(name))
    .map((name) => hidden(name, params.get(name) ?? ''))
    .join('');
  return page(
    'Company sign-in',
    `${errorParagraph(message)}<p>Sign in with your company account to continue.</p>
<form method="post" action="/authorize">
${hidden('_csrf', csrf)}${carried}
<label for="username">Company email</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit" name="action" value="sign-in">Sign in</button>
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Cancel</button>
</form>`,
  );
}

/** The IdP's error page, for a request it cannot send back anywhere. */
export const companyErrorPage = (message: string): string =>
  page('Company sign-in', `<p class="error" role="alert">${escapeHtml(message)}</p>`);
