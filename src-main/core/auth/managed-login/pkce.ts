import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A PKCE pair (RFC 7636): the verifier stays in Hakobu, the S256 challenge goes to Cognito. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A fresh PKCE pair: 32 random bytes (43 base64url characters, the RFC's minimum length). */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier) };
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)), without padding. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A random `state` (RFC 6749 §10.12): ties the callback to the attempt this app started. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares the callback's state with ours in constant time (no early exit on the first mismatch). */
export function sameState(expected: string, received: string | null): boolean {
  if (received === null) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(received).digest();
  return timingSafeEqual(a, b);
}
