import type { IncomingMessage } from 'node:http';
import { SIGV4_ALGORITHM, sha256Hex } from './sigv4-crypto';

/** One decoded query parameter, in the order it appeared. */
export interface QueryParameter {
  key: string;
  value: string;
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A stray '%' cannot be what the client signed as an escape, so treat it literally.
    return raw;
  }
}

/** Splits a raw query string (without '?') into decoded parameters; '+' stays a literal plus. */
export function parseRawQuery(rawQuery: string): QueryParameter[] {
  const parameters: QueryParameter[] = [];
  for (const segment of rawQuery.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const rawValue = eq < 0 ? '' : segment.slice(eq + 1);
    parameters.push({ key: decodeComponent(rawKey), value: decodeComponent(rawValue) });
  }
  return parameters;
}

/** SigV4's URI encoding: every byte except A-Z a-z 0-9 - . _ ~ becomes %XX (upper-case hex). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The canonical URIs a client may have signed for a raw request path. S3 encodes the path once, so
 * SDKs sign the path exactly as sent; a client that left safe characters unescaped on the wire
 * signed the strictly re-encoded form instead.
 */
export function canonicalUriCandidates(rawPath: string): string[] {
  const path = rawPath === '' ? '/' : rawPath;
  const reencoded = path
    .split('/')
    .map((segment) => uriEncode(decodeComponent(segment)))
    .join('/');
  return reencoded === path ? [path] : [path, reencoded];
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical query string: encoded pairs sorted by key then value, X-Amz-Signature left out. */
export function canonicalQueryString(parameters: QueryParameter[]): string {
  return parameters
    .filter((parameter) => parameter.key.toLowerCase() !== 'x-amz-signature')
    .map((parameter) => [uriEncode(parameter.key), uriEncode(parameter.value)] as const)
    .sort(([keyA, valueA], [keyB, valueB]) => byteOrder(keyA, keyB) || byteOrder(valueA, valueB))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function trimAll(value: string): string {
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The canonical headers block: one `name:value\n` line per signed header, values trimmed. */
export function canonicalHeaders(req: IncomingMessage, signedHeaders: string[]): string {
  return signedHeaders
    .map((name) => {
      const values = req.headersDistinct[name] ?? [];
      return `${name}:${values.map(trimAll).join(',')}\n`;
    })
    .join('');
}

/** The parts of a request that SigV4 signs. */
export interface CanonicalRequestInput {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  canonicalHeaders: string;
  signedHeaders: string[];
  payloadHash: string;
}

/** Assembles the canonical request exactly as AWS defines it. */
export function buildCanonicalRequest(input: CanonicalRequestInput): string {
  return [
    input.method,
    input.canonicalUri,
    input.canonicalQuery,
    input.canonicalHeaders,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}

/** The string-to-sign for a request signature. */
export function buildStringToSign(
  amzDate: string,
  scope: string,
  canonicalRequest: string,
): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
}
