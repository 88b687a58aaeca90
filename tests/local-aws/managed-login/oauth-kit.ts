import { createHash, randomBytes } from 'node:crypto';
import type { ManagedLoginInfo } from '../../../local-aws/managed-login/server';

/** A PKCE pair: the verifier the app keeps and the S256 challenge it sends. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A browser without a browser: fetch with manual redirects and a cookie jar per host. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  private cookieHeader(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }

  private keep(url: URL, res: Response): void {
    const cookies = this.jar.get(url.host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      if (/Max-Age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, pair.slice(at + 1));
    }
    this.jar.set(url.host, cookies);
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const res = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(target),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    this.keep(target, res);
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  }

  /**
   * Follows redirects until one leaves for `stopAt` (the app's callback, which is not listening)
   * or a page is shown; returns that last response and the URL it came from.
   */
  async follow(url: string, stopAt: string, init: { form?: Record<string, string> } = {}) {
    let current = url;
    let res = await this.request(current, init);
    while (res.location) {
      const next = new URL(res.location, current).toString();
      if (next.startsWith(stopAt)) return { ...res, url: current, finalUrl: next };
      current = next;
      res = await this.request(current);
    }
    return { ...res, url: current, finalUrl: current };
  }
}

/** A form on a page: its action (absolute) and hidden fields. */
export function formOf(html: string, pageUrl: string, index = 0) {
  const forms = [
    ...html.matchAll(/<form method="(get|post)" action="([^"]*)">([\s\S]*?)<\/form>/g),
  ];
  const form = forms[index];
  if (!form) throw new Error(`no form ${index} on ${pageUrl}:\n${html}`);
  const unescape = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'");
  const fields: Record<string, string> = {};
  for (const m of (form[3] ?? '').matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    fields[unescape(m[1] ?? '')] = unescape(m[2] ?? '');
  return {
    method: form[1] ?? 'get',
    action: new URL(unescape(form[2] ?? ''), pageUrl).toString(),
    fields,
  };
}

/** The authorize URL an app builds. */
export function authorizeUrl(ml: ManagedLoginInfo, params: Record<string, string>): string {
  const url = new URL(`${ml.domain}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: ml.clientId,
    redirect_uri: ml.callbackUrls[0] ?? '',
    ...params,
  }))
    url.searchParams.set(k, v);
  return url.toString();
}

/** POSTs a form to the token (or revoke) endpoint; returns status and parsed JSON (or text). */
export async function postForm(url: string, form: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
