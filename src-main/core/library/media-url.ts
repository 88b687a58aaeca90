// hakobu-media://<kind>/<location>/<path relative to the location's prefix>
// The renderer only ever names a location and a relative path; main resolves the real key, so a
// crafted URL can reach nothing outside the user's own prefix of a configured location.

import { isRasterImageType, MEDIA_SAFETY_HEADERS } from './media-types';

export const MEDIA_SCHEME = 'hakobu-media';
export type MediaKind = 'thumb' | 'image';

export interface MediaRequest {
  kind: MediaKind;
  location: string;
  /** Path below the location's prefix, decoded, with '/' separators. */
  relativePath: string;
  /**
   * Aborted when the page no longer wants the answer (the img left the DOM): work not yet
   * started is dropped, and a running download or decode is not waited for.
   */
  signal?: AbortSignal;
}

export type MediaUrlResult = { ok: true; request: MediaRequest } | { ok: false; reason: string };

/** Builds the media URL for an object below a location's prefix. */
export function mediaUrl(kind: MediaKind, location: string, relativePath: string): string {
  const path = relativePath.split('/').map(encodeURIComponent).join('/');
  return `${MEDIA_SCHEME}://${kind}/${encodeURIComponent(location)}/${path}`;
}

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

const hasControlChar = (s: string) =>
  [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Parses and vets a media URL: no traversal (`..`, `%2e%2e`), no absolute or backslash paths. */
export function parseMediaUrl(raw: string): MediaUrlResult {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${MEDIA_SCHEME}:`) return { ok: false, reason: 'wrong scheme' };
  if (url.host !== 'thumb' && url.host !== 'image') return { ok: false, reason: 'unknown kind' };
  if (url.search || url.hash || url.username || url.password || url.port) {
    return { ok: false, reason: 'unexpected URL parts' };
  }
  // Use the raw text after the host: URL parsing already collapses "/../", which would hide an attempt.
  const afterHost = raw.slice(raw.indexOf(url.host) + url.host.length);
  const segments = afterHost.split('/').slice(1);
  if (segments.length < 2) return { ok: false, reason: 'missing location or path' };
  const decoded = segments.map(decode);
  if (decoded.some((s) => s === undefined)) return { ok: false, reason: 'bad encoding' };
  const [location, ...path] = decoded as string[];
  const unsafe = (s: string) =>
    s === '' || s === '.' || s === '..' || s.includes('/') || s.includes('\\') || hasControlChar(s);
  if (!location || unsafe(location)) return { ok: false, reason: 'bad location' };
  if (path.some(unsafe)) return { ok: false, reason: 'path traversal or empty segment' };
  return { ok: true, request: { kind: url.host, location, relativePath: path.join('/') } };
}

/** Answers a vetted media request (thumbnail or full image) from the library; core decides access. */
export type MediaServer = (request: MediaRequest) => Promise<Response>;

const plainError = (status: number, text: string, code: string) =>
  new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Hakobu-Error': code,
      ...MEDIA_SAFETY_HEADERS,
    },
  });

/**
 * What every shell sends on: a success only as a raster image type, and every response with the
 * safety headers, whichever MediaServer answered. A success of any other type is refused, so no
 * server (or future kind) can make the media origin serve a document.
 */
function vetted(response: Response): Response {
  if (response.ok && !isRasterImageType(response.headers.get('content-type'))) {
    void response.body?.cancel();
    return plainError(415, 'Not an image', 'library.notAnImage');
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(MEDIA_SAFETY_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}

/**
 * Handles a raw hakobu-media:// URL: refuses anything the guard rejects, then asks the library.
 * `signal` is the shell's sign that the page dropped the request.
 */
export async function handleMediaRequest(
  serve: MediaServer,
  url: string,
  signal?: AbortSignal,
): Promise<Response> {
  const parsed = parseMediaUrl(url);
  if (!parsed.ok) return plainError(404, 'Not found', 'library.notFound');
  try {
    return vetted(await serve(signal ? { ...parsed.request, signal } : parsed.request));
  } catch {
    return plainError(502, 'Unavailable', 'library.failed');
  }
}
