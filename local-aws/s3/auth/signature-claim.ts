import type { IncomingMessage } from 'node:http';
import {
  authorizationHeaderMalformed,
  authorizationQueryParametersError,
  missingRequestDate,
  onlyOneAuthMechanism,
  unsupportedAuthMechanism,
} from './auth-errors';
import type { QueryParameter } from './canonical-request';
import { SIGV4_ALGORITHM } from './sigv4-crypto';

/** What a SigV4 request claims about itself, from its Authorization header or presigned query. */
export interface SignatureClaim {
  kind: 'header' | 'presigned';
  accessKeyId: string;
  /** yyyymmdd from the credential scope. */
  scopeDate: string;
  scopeRegion: string;
  scopeService: string;
  /** Lower-case names, in the order the client listed (and therefore signed) them. */
  signedHeaders: string[];
  signature: string;
  /** yyyymmddThhmmssZ: X-Amz-Date, x-amz-date or the Date header converted. */
  amzDate: string;
  /** As the client sent it, for RequestTimeTooSkewed. */
  rawRequestTime: string;
  securityToken: string | undefined;
  /** Presigned URLs only: X-Amz-Expires in seconds. */
  expiresSeconds?: number;
}

const AMZ_DATE = /^\d{8}T\d{6}Z$/;
const MAX_PRESIGN_SECONDS = 604_800;

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryValue(query: QueryParameter[], name: string): string | undefined {
  return query.find((parameter) => parameter.key === name)?.value;
}

/** Converts an RFC 7231 Date header to SigV4's basic ISO 8601 form. */
function amzDateFromHttpDate(value: string): string | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function splitScope(credential: string): string[] {
  return credential.split('/');
}

function parseAuthorizationHeader(req: IncomingMessage, authorization: string): SignatureClaim {
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) throw unsupportedAuthMechanism();
  const fields = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const expectedForm = 'expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
  if (!credential)
    throw authorizationHeaderMalformed(`the Credential is mal-formed; ${expectedForm}`);
  if (!signedHeaders || !signature) {
    throw authorizationHeaderMalformed('incorrect number of components');
  }
  const scope = splitScope(credential);
  if (scope.length !== 5) {
    throw authorizationHeaderMalformed(`the Credential is mal-formed; ${expectedForm}`);
  }
  const [accessKeyId, scopeDate, scopeRegion, scopeService, terminal] = scope as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (terminal !== 'aws4_request') {
    throw authorizationHeaderMalformed(
      `incorrect terminal "${terminal}". This endpoint uses "aws4_request".`,
    );
  }

  const xAmzDate = firstHeader(req, 'x-amz-date');
  const httpDate = firstHeader(req, 'date');
  const rawRequestTime = xAmzDate ?? httpDate ?? '';
  const amzDate =
    xAmzDate !== undefined
      ? AMZ_DATE.test(xAmzDate)
        ? xAmzDate
        : undefined
      : httpDate !== undefined
        ? amzDateFromHttpDate(httpDate)
        : undefined;
  if (!amzDate) throw missingRequestDate();

  return {
    kind: 'header',
    accessKeyId,
    scopeDate,
    scopeRegion,
    scopeService,
    signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()),
    signature,
    amzDate,
    rawRequestTime,
    securityToken: firstHeader(req, 'x-amz-security-token'),
  };
}

function parsePresignedQuery(query: QueryParameter[]): SignatureClaim {
  const algorithm = queryValue(query, 'X-Amz-Algorithm');
  const credential = queryValue(query, 'X-Amz-Credential');
  const amzDate = queryValue(query, 'X-Amz-Date');
  const expires = queryValue(query, 'X-Amz-Expires');
  const signedHeaders = queryValue(query, 'X-Amz-SignedHeaders');
  const signature = queryValue(query, 'X-Amz-Signature');
  if (algorithm !== SIGV4_ALGORITHM) {
    throw authorizationQueryParametersError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  if (!credential || !amzDate || !expires || !signedHeaders || !signature) {
    throw authorizationQueryParametersError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const scope = splitScope(credential);
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    throw authorizationQueryParametersError(
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    );
  }
  const [accessKeyId, scopeDate, scopeRegion, scopeService] = scope as [
    string,
    string,
    string,
    string,
  ];
  if (!AMZ_DATE.test(amzDate)) {
    throw authorizationQueryParametersError(
      `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`,
    );
  }
  if (!/^\d+$/.test(expires)) {
    throw authorizationQueryParametersError('X-Amz-Expires should be a number');
  }
  const expiresSeconds = Number(expires);
  if (expiresSeconds > MAX_PRESIGN_SECONDS) {
    throw authorizationQueryParametersError(
      'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    );
  }
  return {
    kind: 'presigned',
    accessKeyId,
    scopeDate,
    scopeRegion,
    scopeService,
    signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()),
    signature,
    amzDate,
    rawRequestTime: amzDate,
    securityToken: queryValue(query, 'X-Amz-Security-Token'),
    expiresSeconds,
  };
}

/**
 * Reads the SigV4 claim of a request, or undefined when it carries no credentials at all.
 * Throws S3's error for a malformed or non-SigV4 attempt.
 */
export function readSignatureClaim(
  req: IncomingMessage,
  query: QueryParameter[],
): SignatureClaim | undefined {
  const authorization = firstHeader(req, 'authorization');
  const presigned = query.some((parameter) => parameter.key === 'X-Amz-Algorithm');
  const presignedV2 = query.some(
    (parameter) => parameter.key === 'AWSAccessKeyId' || parameter.key === 'Signature',
  );
  if (authorization !== undefined && (presigned || presignedV2)) {
    throw onlyOneAuthMechanism(authorization);
  }
  if (authorization !== undefined) return parseAuthorizationHeader(req, authorization);
  if (presigned) return parsePresignedQuery(query);
  if (presignedV2) throw unsupportedAuthMechanism();
  return undefined;
}
