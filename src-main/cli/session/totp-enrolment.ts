import QRCode from 'qrcode';

/** The base32 secret inside an otpauth:// URI, for people who type it into their app. */
export function secretOf(otpauthUri: string): string | undefined {
  try {
    return new URL(otpauthUri).searchParams.get('secret') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Splits a base32 secret into groups of four, the way authenticator apps show them. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * The enrolment instructions: a QR code when a terminal can show one, and always the secret and
 * the URI, since a script (or a screen reader) needs text.
 */
export async function enrolmentText(otpauthUri: string, terminal: boolean): Promise<string> {
  const lines = [
    'Your account needs two-step verification. Add it to an authenticator app',
    '(Google Authenticator, Microsoft Authenticator, 1Password, …):',
  ];
  if (terminal) {
    const qr = await QRCode.toString(otpauthUri, { type: 'terminal', small: true });
    lines.push('', qr.trimEnd());
  }
  const secret = secretOf(otpauthUri);
  lines.push('');
  if (secret) lines.push(`  Secret key: ${grouped(secret)}`);
  lines.push(`  URI:        ${otpauthUri}`, '');
  return lines.join('\n');
}
