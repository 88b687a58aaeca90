import type { IncomingMessage, ServerResponse } from 'node:http';
import { readSmallBody } from '../http/body';

/** A form body (application/x-www-form-urlencoded), as OAuth endpoints and HTML forms send it. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readSmallBody(req, 64 * 1024);
  return new URLSearchParams(body.toString('utf8'));
}

/** True when the request says its body is a form, as the token and revoke endpoints require. */
export const isForm = (req: IncomingMessage): boolean =>
  String(req.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');

/** Sends JSON with the no-store headers OAuth responses carry. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    pragma: 'no-cache',
    ...headers,
  });
  res.end(body);
}

/** Sends a page with headers that keep it from being framed, sniffed or loading anything else. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  cookies: string[] = [],
): void {
  res.writeHead(status, {
    'content-type': 'text/html;charset=UTF-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https: hakobu:; frame-ancestors 'none'",
    ...(cookies.length ? { 'set-cookie': cookies } : {}),
  });
  res.end(html);
}

/** A 302 to `location`, setting any cookies. */
export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(302, {
    location,
    'cache-control': 'no-store',
    'content-length': 0,
    ...(cookies.length ? { 'set-cookie': cookies } : {}),
  });
  res.end();
}

/** The request's cookies by name (the first of duplicates wins). */
export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(at + 1).trim()));
  }
  return cookies;
}

/** A Set-Cookie value: HttpOnly, SameSite=Lax, whole-site path; maxAge 0 deletes it. */
export const cookie = (name: string, value: string, maxAgeSeconds: number): string =>
  `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax`;

/** `base` with these query parameters added (undefined ones left out). */
export function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.append(name, value);
  return url.toString();
}
