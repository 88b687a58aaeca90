// Tokens, passwords and AWS credentials must never reach a log file. Redaction is by shape (JWTs,
// AWS keys and session tokens) and by name (object fields, JSON fields, headers and URL query
// parameters), so a secret is caught wherever it ends up: in an object, a JSON body pasted into an
// error message, a header dump or a presigned URL, even a percent-encoded one.

const REDACTED = '[redacted]';
const TRUNCATED = '[truncated]';
const CIRCULAR = '[circular]';
/** Deeper than this, a value is replaced rather than walked: nothing hides below the limit. */
const MAX_DEPTH = 8;

/**
 * A field, header or parameter under one of these names holds a secret. AccessKeyId is an
 * identifier and stays readable; everything that proves identity goes. The names are spelled out
 * in the text patterns too, so an ordinary parameter or field is never even matched.
 */
const SECRET_NAME_SOURCE = String.raw`[\w.-]{0,40}?(?:token|secret|password|signature|mfa_code)[\w.-]{0,40}|(?:proxy-)?authorization|(?:set-)?cookie|x-api-key|x-amz-credential|session|srp_[ab]|usercode|confirmationcode`;
const SECRET_NAME = new RegExp(`^(?:${SECRET_NAME_SOURCE})$`, 'i');

// Whether a field, header or parameter name says its value is a secret.
function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

// JWTs and JWEs (ID, access and Cognito refresh tokens), AWS access key IDs, STS session tokens.
// Case matters for shapes: lowercase look-alikes are ordinary words.
const SHAPES =
  /eyJ[\w-]{5,}(?:\.[\w-]*){2,4}|\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\b(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[\w+/=%-]{16,}/g;

// '&', '=' and '?' as they appear in a URL that is itself a query value (presigned URLs travel so).
const AMP = '&|%(?:25)?26';
const EQ = '=|%(?:25)?3D';
const QUERY_START = String.raw`^|[?&;\n]|%(?:25)?(?:3F|26)`;
const QUERY_VALUE = `(?:(?!${AMP})[^&\\s"'#<>])+`;

interface Pass {
  /** A cheap test for the character every match needs, so most lines skip the pattern. */
  needs: (text: string) => boolean;
  pattern: RegExp;
  replacement: string;
}

const hasQuote = (text: string) => text.includes('"');
const hasColon = (text: string) => text.includes(':');
const hasEquals = (text: string) => text.includes('=') || text.includes('%');

// Each pattern captures what stays before the secret (a name, a separator); the secret becomes
// "[redacted]". One pattern per shape: V8 scans a single pattern far faster than an alternation.
const PASSES: readonly Pass[] = [
  {
    // JSON fields, also inside a JSON string (\"name\":\"value\"): $1 is the quote as written.
    needs: hasQuote,
    pattern: new RegExp(
      String.raw`(\\*")(${SECRET_NAME_SOURCE})(\1\s*:\s*\1)(?:[^"\\]|\\.)*?\1`,
      'gi',
    ),
    replacement: `$1$2$3${REDACTED}$1`,
  },
  {
    // Headers as text, "Authorization: AWS4-HMAC-SHA256 …": to the end of the line or quote.
    needs: hasColon,
    pattern:
      /((?<![\w-])(?:(?:proxy-)?authorization|x-amz-security-token|(?:set-)?cookie|x-api-key)\s*:\s*['"]?)[^\r\n"'\\]+/gi,
    replacement: `$1${REDACTED}`,
  },
  {
    // Query and form parameters (?secret=…, &refresh_token=…, %26X-Amz-Security-Token%3D…).
    needs: hasEquals,
    pattern: new RegExp(
      `((?:${QUERY_START})(?:${SECRET_NAME_SOURCE})(?:${EQ}))${QUERY_VALUE}`,
      'gi',
    ),
    replacement: `$1${REDACTED}`,
  },
  {
    // Presigned-URL parameters wherever they stand.
    needs: hasEquals,
    pattern: new RegExp(
      `(\\bX-Amz-(?:Security-Token|Signature|Credential)(?:${EQ}))${QUERY_VALUE}`,
      'gi',
    ),
    replacement: `$1${REDACTED}`,
  },
  // The parts of a signed Authorization header.
  { needs: hasEquals, pattern: /(\bCredential=)[^,\s"']+/g, replacement: `$1${REDACTED}` },
  { needs: hasEquals, pattern: /(\bSignature=)[0-9a-f]{64}/g, replacement: `$1${REDACTED}` },
];

/** Replaces every token, key, password or signature in a string with "[redacted]". */
export function redactText(text: string): string {
  let out = text.replace(SHAPES, REDACTED);
  for (const pass of PASSES) {
    if (pass.needs(out)) out = out.replace(pass.pattern, pass.replacement);
  }
  return out;
}

/**
 * Deep-copies a value for logging, redacting secret-named fields and secret-shaped strings.
 * Anything nested deeper than eight levels becomes "[truncated]", a cycle "[circular]".
 */
export function redactValue(value: unknown): unknown {
  return redactAt(value, 0, new Set());
}

function redactAt(value: unknown, depth: number, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return TRUNCATED;
  if (ancestors.has(value)) return CIRCULAR;
  if (value instanceof Date) return value;
  if (value instanceof URL) return redactText(value.href);
  // Walking a buffer would copy every byte; its contents are never worth a log line.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `[${value.byteLength} bytes]`;
  }
  ancestors.add(value);
  try {
    return redactContainer(value, depth, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function redactContainer(value: object, depth: number, ancestors: Set<object>): unknown {
  const inner = (item: unknown) => redactAt(item, depth + 1, ancestors);
  if (Array.isArray(value)) return value.map(inner);
  if (value instanceof Set) return [...value].map(inner);
  if (value instanceof Map) return redactEntries([...value.entries()], depth, ancestors);
  const fields = redactEntries(Object.entries(value), depth, ancestors);
  if (!(value instanceof Error)) return fields;
  return {
    name: value.name,
    message: redactText(value.message),
    stack: value.stack && redactText(value.stack),
    ...(value.cause !== undefined ? { cause: inner(value.cause) } : {}),
    ...fields,
  };
}

function redactEntries(
  entries: readonly (readonly [unknown, unknown])[],
  depth: number,
  ancestors: Set<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, item] of entries) {
    const key = String(rawKey);
    // A secret-named flag or number ("hasPassword": true, "tokenTtl": 3600) is no secret.
    const hidden =
      isSecretName(key) &&
      item != null &&
      item !== '' &&
      typeof item !== 'boolean' &&
      typeof item !== 'number';
    out[key] = hidden ? REDACTED : redactAt(item, depth + 1, ancestors);
  }
  return out;
}
