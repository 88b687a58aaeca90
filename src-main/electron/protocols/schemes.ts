import type { CustomScheme } from 'electron';
import { MEDIA_SCHEME } from '../../core/library/media-url';

/** The renderer's own origin: the bundle is served from main, never from file://. */
export const APP_SCHEME = 'hakobu-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Both schemes are standard and secure; neither bypasses CSP. The app scheme allows CORS because
 * Vite's module script tag carries `crossorigin`; media stays same-origin only.
 */
export const privilegedSchemes: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } },
];
