// Tokens and AWS credentials must never reach a log file. Redaction is by shape (JWTs, AWS keys,
// Cognito refresh tokens) and by field name, so a secret is caught wherever it ends up.

const REDACTED = '[redacted]';

const PATTERNS: readonly RegExp[] = [
  // JWTs (ID and access tokens, three parts) and JWEs (Cognito refresh tokens, five parts):
  // base64url parts, the first starting with eyJ ('{"').
  /eyJ[\w-]{5,}(?:\.[\w-]*){2,4}/g,
  // AWS access key IDs (long-term AKIA, temporary ASIA).
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  // Presigned-URL and header credentials.
  /(X-Amz-(?:Security-Token|Signature|Credential)=)[^&\s"']+/gi,
  /(Credential=)[^,\s]+/g,
  /(Signature=)[0-9a-f]{64}/g,
];

const SECRET_KEYS =
  /^(?:.*token.*|.*secret.*|.*password.*|authorization|x-amz-security-token|sessionToken|SessionToken|SecretKey|SRP_A|SRP_B|PASSWORD_CLAIM_SIGNATURE|SECRET_BLOCK|SECRET_HASH)$/i;

/** Replaces every token, key or signature in a string with "[redacted]". */
export function redactText(text: string): string {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}

/** Deep-copies a value for logging, redacting secret-named fields and secret-shaped strings. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack && redactText(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      SECRET_KEYS.test(key) && item != null && item !== ''
        ? REDACTED
        : redactValue(item, depth + 1);
  }
  return out;
}
