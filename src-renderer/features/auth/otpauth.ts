/** The shared secret inside an otpauth:// URI, for people who type it instead of scanning. */
export function otpauthSecret(uri: string): string | null {
  try {
    return new URL(uri).searchParams.get('secret');
  } catch {
    return null;
  }
}

/** Splits a base32 secret into groups of four so it can be read out and typed without slips. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}

/** Keeps only the digits of a typed code ("123 456" → "123456"), as authenticator apps show gaps. */
export function digitsOnly(code: string): string {
  return code.replace(/\D+/g, '');
}

/** True when a code has the 6–8 digits Cognito accepts. */
export function isCompleteCode(code: string): boolean {
  return /^\d{6,8}$/.test(code);
}
