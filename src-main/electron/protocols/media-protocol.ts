import type { Protocol } from 'electron';
import { handleMediaRequest, MEDIA_SCHEME, type MediaServer } from '../../core/library/media-url';

/**
 * Serves images to the renderer from main, so it never holds credentials or presigned URLs. The
 * core's Response goes back as it is: its Content-Type (a raster type core decided), nosniff and
 * inline disposition are what Chromium sees.
 */
export function registerMediaProtocol(protocol: Protocol, serve: MediaServer): void {
  // A standard Request: its signal aborts when the page drops the image, so main stops the work.
  protocol.handle(MEDIA_SCHEME, (request) =>
    handleMediaRequest(serve, request.url, request.signal),
  );
}
