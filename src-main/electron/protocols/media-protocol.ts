import type { Protocol } from 'electron';
import { MEDIA_SCHEME, parseMediaUrl, type MediaRequest } from '../../core/library/media-url';

/** Answers a vetted media request (thumbnail or full image) from the library; core decides access. */
export type MediaServer = (request: MediaRequest) => Promise<Response>;

/** Handles a raw hakobu-media:// URL: refuses anything the guard rejects, then asks the library. */
export async function handleMediaRequest(serve: MediaServer, url: string): Promise<Response> {
  const parsed = parseMediaUrl(url);
  if (!parsed.ok) return new Response('Not found', { status: 404 });
  try {
    return await serve(parsed.request);
  } catch {
    return new Response('Unavailable', { status: 502 });
  }
}

/** Serves images to the renderer from main, so it never holds credentials or presigned URLs. */
export function registerMediaProtocol(protocol: Protocol, serve: MediaServer): void {
  protocol.handle(MEDIA_SCHEME, (request) => handleMediaRequest(serve, request.url));
}
