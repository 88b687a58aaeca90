import { Secret, TOTP } from 'otpauth';

/** A fresh TOTP secret in base32, as AssociateSoftwareToken hands out (160 bits, like Cognito). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** True when the code is the RFC 6238 code (SHA-1, 6 digits, 30 s) of now or ±1 step. */
export function isTotpCodeValid(secretBase32: string, code: string, nowMs: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 });
  return totp.validate({ token: code, timestamp: nowMs, window: 1 }) !== null;
}
