// Tokens and credentials are renewed before they expire, not after: five minutes ahead for
// hour-long lifetimes, a fifth of the lifetime for the short ones tests and strict pools use.
const MAX_MARGIN_MS = 5 * 60 * 1000;
const LIFETIME_FRACTION = 0.2;

/** How long before expiry something issued at issuedAt should be renewed (milliseconds). */
export function refreshMargin(issuedAtMs: number, expiresAtMs: number): number {
  const lifetime = Math.max(0, expiresAtMs - issuedAtMs);
  return Math.min(MAX_MARGIN_MS, lifetime * LIFETIME_FRACTION);
}

/** True when something valid from issuedAt to expiresAt is expired or about to be at `now`. */
export function needsRefresh(issuedAtMs: number, expiresAtMs: number, nowMs: number): boolean {
  return nowMs >= expiresAtMs - refreshMargin(issuedAtMs, expiresAtMs);
}
