import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { IssuedCredentials } from '../../cognito-identity/model';
import type { LocalAwsContext } from '../../context';
import { openPayload } from '../payload/open-payload';
import { parsePayloadMode, UNSIGNED_PAYLOAD, type PayloadMode } from '../payload/payload-mode';
import {
  anonymousAccessDenied,
  authorizationHeaderMalformed,
  authorizationQueryParametersError,
  headersNotSigned,
  missingContentSha256,
  signatureDoesNotMatch,
} from './auth-errors';
import {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalHeaders,
  canonicalQueryString,
  canonicalUriCandidates,
  parseRawQuery,
  type QueryParameter,
} from './canonical-request';
import { resolveCredentials } from './credentials';
import { checkRequestTime } from './request-time';
import { readSignatureClaim, type SignatureClaim } from './signature-claim';
import { credentialScope, deriveSigningKey, signString, signaturesEqual } from './sigv4-crypto';

export interface AuthenticatedRequest {
  /** cognito-identity/model.ts; found in ctx.state.credentials by access key ID. */
  credentials: IssuedCredentials;
  /** The request body with aws-chunked framing removed; chunk signatures verified as it streams. */
  payload: Readable;
  /** Resolves once payload has ended: trailing headers, lower-cased (e.g. x-amz-checksum-crc32); rejects with
   *  an AwsError on a bad chunk signature or when a hex x-amz-content-sha256 does not match the body. */
  trailers: Promise<Record<string, string>>;
  /** Decoded content length when known (x-amz-decoded-content-length, else content-length). */
  contentLength: number | undefined;
}

const SERVICE = 's3';

/** Rejects a scope that is not this endpoint's region and S3, or not the request's own day. */
function checkScope(claim: SignatureClaim, region: string): void {
  const malformed = (reason: string, details: Record<string, string> = {}): Error =>
    claim.kind === 'header'
      ? authorizationHeaderMalformed(reason, details)
      : authorizationQueryParametersError(
          `Error parsing the X-Amz-Credential parameter; ${reason}`,
          details,
        );
  if (claim.scopeRegion !== region) {
    throw malformed(`the region '${claim.scopeRegion}' is wrong; expecting '${region}'`, {
      Region: region,
    });
  }
  if (claim.scopeService !== SERVICE) {
    throw malformed(`incorrect service "${claim.scopeService}". This endpoint belongs to "s3".`);
  }
  const requestDay = claim.amzDate.slice(0, 8);
  if (claim.scopeDate !== requestDay) {
    throw malformed(
      `Invalid credential date "${claim.scopeDate}". This date is not the same as X-Amz-Date: "${requestDay}".`,
    );
  }
}

/** The payload hash the client signed: a header for header auth, UNSIGNED-PAYLOAD for presigned. */
function signedPayloadHash(
  req: IncomingMessage,
  claim: SignatureClaim,
  query: QueryParameter[],
): string {
  if (claim.kind === 'presigned') {
    return (
      query.find((parameter) => parameter.key === 'X-Amz-Content-Sha256')?.value ?? UNSIGNED_PAYLOAD
    );
  }
  const header = req.headers['x-amz-content-sha256'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) throw missingContentSha256();
  return value;
}

function verifySignature(
  req: IncomingMessage,
  claim: SignatureClaim,
  rawPath: string,
  query: QueryParameter[],
  payloadHash: string,
  signingKey: Buffer,
  scope: string,
): void {
  const common = {
    method: req.method ?? 'GET',
    canonicalQuery: canonicalQueryString(query),
    canonicalHeaders: canonicalHeaders(req, claim.signedHeaders),
    signedHeaders: claim.signedHeaders,
    payloadHash,
  };
  let firstAttempt: { canonicalRequest: string; stringToSign: string } | undefined;
  for (const canonicalUri of canonicalUriCandidates(rawPath)) {
    const canonicalRequest = buildCanonicalRequest({ ...common, canonicalUri });
    const stringToSign = buildStringToSign(claim.amzDate, scope, canonicalRequest);
    if (signaturesEqual(signString(signingKey, stringToSign), claim.signature)) return;
    firstAttempt ??= { canonicalRequest, stringToSign };
  }
  throw signatureDoesNotMatch({
    accessKeyId: claim.accessKeyId,
    signatureProvided: claim.signature,
    stringToSign: firstAttempt?.stringToSign ?? '',
    canonicalRequest: firstAttempt?.canonicalRequest ?? '',
  });
}

/**
 * S3 does not trust x-amz-* headers that ride along outside the signature. A presigned request's
 * payload is UNSIGNED-PAYLOAD whatever x-amz-content-sha256 says, so that one header is harmless.
 */
function checkAllAmzHeadersSigned(req: IncomingMessage, claim: SignatureClaim): void {
  const signed = new Set(claim.signedHeaders);
  if (claim.kind === 'presigned') signed.add('x-amz-content-sha256');
  const unsigned = Object.keys(req.headers).filter(
    (name) => name.startsWith('x-amz-') && !signed.has(name),
  );
  if (unsigned.length > 0) throw headersNotSigned(unsigned);
}

/** Authenticates a SigV4 S3 request (header or presigned query) and opens its decoded payload. */
export async function authenticateS3Request(
  ctx: LocalAwsContext,
  req: IncomingMessage,
  url: URL,
): Promise<AuthenticatedRequest> {
  // The signature covers the path and query exactly as sent; URL would normalize them.
  const rawTarget = req.url ?? `${url.pathname}${url.search}`;
  const queryStart = rawTarget.indexOf('?');
  const rawPath = queryStart < 0 ? rawTarget : rawTarget.slice(0, queryStart);
  const query = parseRawQuery(queryStart < 0 ? '' : rawTarget.slice(queryStart + 1));

  const claim = readSignatureClaim(req, query);
  if (!claim) throw anonymousAccessDenied();
  checkScope(claim, ctx.region);
  checkRequestTime(claim, ctx.now());
  const credentials = resolveCredentials(ctx, claim);
  const payloadHash = signedPayloadHash(req, claim, query);
  const mode: PayloadMode = parsePayloadMode(payloadHash);

  const scope = credentialScope(claim.scopeDate, claim.scopeRegion, SERVICE);
  const signingKey = deriveSigningKey(
    credentials.secretAccessKey,
    claim.scopeDate,
    claim.scopeRegion,
    SERVICE,
  );
  verifySignature(req, claim, rawPath, query, payloadHash, signingKey, scope);
  checkAllAmzHeadersSigned(req, claim);

  const opened = openPayload(req, mode, {
    accessKeyId: claim.accessKeyId,
    signingKey,
    amzDate: claim.amzDate,
    scope,
    seedSignature: claim.signature,
  });
  return { credentials, ...opened };
}
