const ISSUER = 'Hakobu';

/**
 * The otpauth:// URI an authenticator app scans as a QR code during TOTP enrolment
 * (Google's Key Uri Format: label "Issuer:account", issuer repeated as a parameter).
 */
export function totpSetupUri(username: string, secretBase32: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(username)}`;
  const query = new URLSearchParams({ secret: secretBase32, issuer: ISSUER });
  return `otpauth://totp/${label}?${query.toString()}`;
}
