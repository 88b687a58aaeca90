import { invalidArgument } from '../errors';

/**
 * Reads a max-keys / max-uploads / max-parts style parameter: default 1000, values above 1000
 * capped to 1000 as S3 does, anything not a non-negative integer refused.
 */
export function readMaxParameter(query: URLSearchParams, name: string): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return 1000;
  if (!/^\d+$/.test(raw)) {
    throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, raw);
  }
  return Math.min(Number(raw), 1000);
}

/** Reads encoding-type, which S3 only accepts as "url". */
export function readEncodingType(query: URLSearchParams): 'url' | null {
  const raw = query.get('encoding-type');
  if (raw === null) return null;
  if (raw.toLowerCase() !== 'url') {
    throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', raw);
  }
  return 'url';
}

/** Continuation tokens are opaque to clients; here they carry the last row's name. */
export function encodeContinuationToken(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64');
}

/** Decodes a continuation token, refusing any this server did not issue. */
export function decodeContinuationToken(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'after' in parsed &&
      typeof parsed.after === 'string'
    ) {
      return parsed.after;
    }
  } catch {
    // Falls through to S3's answer for a token it cannot use.
  }
  throw invalidArgument(
    'The continuation token provided is incorrect',
    'continuation-token',
    token,
  );
}
