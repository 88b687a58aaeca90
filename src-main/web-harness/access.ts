import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'hakobu_harness';

const sameSecret = (given: string | undefined, secret: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The secret a request presents: the `token` query parameter, or the session cookie set on first load. */
export function presentedSecret(req: IncomingMessage, url: URL): string | undefined {
  const fromQuery = url.searchParams.get('token') ?? undefined;
  if (fromQuery) return fromQuery;
  const cookies = String(req.headers.cookie ?? '').split(';');
  for (const cookie of cookies) {
    const [name, ...value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * True when a request carries the per-run secret and, if it names an Origin, comes from the
 * harness's own origin: other pages in the same browser can neither read nor drive the core.
 */
export function isAuthorized(
  req: IncomingMessage,
  url: URL,
  secret: string,
  origin: string,
): boolean {
  const requestOrigin = req.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) return false;
  return sameSecret(presentedSecret(req, url), secret);
}
