import { APP_HOST, APP_SCHEME } from '../protocols/schemes';

/**
 * The renderer's Content-Security-Policy: only our own bundle runs, images come only from the
 * media protocol (served by main), and nothing remote is ever loaded.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' hakobu-media: data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every renderer document is served with. */
export function documentSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/** True when a URL belongs to the app itself (the only origin the window may show). */
export const isAppUrl = (url: string): boolean => {
  try {
    // Node reports the origin of a custom scheme as "null", so compare its parts instead.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
};
