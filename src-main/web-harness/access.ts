import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The session cookie's name: one per port, so two harnesses on one host never share a secret. */
export const sessionCookieName = (port: number): string => `hakobu_harness_${port}`;

const sameSecret = (given: string | undefined, secret: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Where the harness listens: what every request must name as its Host and (when sent) Origin. */
export interface HarnessSite {
  origin: string;
  host: string;
  secret: string;
  cookie: string;
}

/** The secret a request presents: the `token` query parameter, or the session cookie set on first load. */
export function presentedSecret(
  req: IncomingMessage,
  url: URL,
  cookie: string,
): string | undefined {
  const fromQuery = url.searchParams.get('token') ?? undefined;
  if (fromQuery) return fromQuery;
  const cookies = String(req.headers.cookie ?? '').split(';');
  for (const entry of cookies) {
    const [name, ...value] = entry.trim().split('=');
    if (name === cookie) return value.join('=');
  }
  return undefined;
}

/**
 * True when a request carries the per-run secret, names the harness itself as its Host (so a
 * DNS-rebound name is refused), and comes from the harness's own origin. `requireOrigin` is for
 * WebSocket upgrades and writes, where browsers always send Origin: its absence means no browser
 * page of ours sent it.
 */
export function isAuthorized(
  req: IncomingMessage,
  url: URL,
  site: HarnessSite,
  requireOrigin = false,
): boolean {
  if (req.headers.host !== site.host) return false;
  const requestOrigin = req.headers.origin;
  if (requestOrigin === undefined ? requireOrigin : requestOrigin !== site.origin) return false;
  return sameSecret(presentedSecret(req, url, site.cookie), site.secret);
}
