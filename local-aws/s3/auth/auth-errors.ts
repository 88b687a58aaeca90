import { AwsError } from '../../http/aws-error';

/**
 * S3's authentication errors with the codes, messages, statuses and extra XML fields the real
 * service sends, so clients (the SDK's clock-skew correction, region redirects) react as they would
 * against AWS.
 */

/** Format S3 uses for ServerTime and Expires: ISO 8601 without milliseconds. */
export function s3Timestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A request with no credentials at all: S3 treats it as anonymous, and no bucket here is public. */
export function anonymousAccessDenied(): AwsError {
  return new AwsError('AccessDenied', 'Access Denied', 403);
}

/** An AWS Signature Version 2 (or other non-SigV4) attempt. */
export function unsupportedAuthMechanism(): AwsError {
  return new AwsError(
    'InvalidRequest',
    'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    400,
  );
}

/** Both an Authorization header and presigned query parameters. */
export function onlyOneAuthMechanism(authorization: string): AwsError {
  return new AwsError(
    'InvalidArgument',
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    400,
    { ArgumentName: 'Authorization', ArgumentValue: authorization },
  );
}

/** The Authorization header does not parse, or its scope is not this endpoint's. */
export function authorizationHeaderMalformed(
  reason: string,
  details: Record<string, string> = {},
): AwsError {
  return new AwsError(
    'AuthorizationHeaderMalformed',
    `The authorization header is malformed; ${reason}`,
    400,
    details,
  );
}

/** A presigned URL's X-Amz-* parameters do not parse, or their scope is not this endpoint's. */
export function authorizationQueryParametersError(
  message: string,
  details: Record<string, string> = {},
): AwsError {
  return new AwsError('AuthorizationQueryParametersError', message, 400, details);
}

/** Neither x-amz-date nor Date holds a usable timestamp. */
export function missingRequestDate(): AwsError {
  return new AwsError(
    'AccessDenied',
    'AWS authentication requires a valid Date or x-amz-date header',
    403,
  );
}

/** The access key ID is not one the stand-in issued (or it was pruned after expiry). */
export function invalidAccessKeyId(accessKeyId: string): AwsError {
  return new AwsError(
    'InvalidAccessKeyId',
    'The AWS Access Key Id you provided does not exist in our records.',
    403,
    { AWSAccessKeyId: accessKeyId },
  );
}

/** Temporary credentials used without their session token, or with someone else's. */
export function invalidToken(token: string | undefined): AwsError {
  return new AwsError(
    'InvalidToken',
    'The provided token is malformed or otherwise invalid.',
    400,
    token ? { 'Token-0': token } : {},
  );
}

/** The temporary credentials' expiration has passed. */
export function expiredToken(token: string): AwsError {
  return new AwsError('ExpiredToken', 'The provided token has expired.', 400, {
    'Token-0': token,
  });
}

/** A header-signed request more than 15 minutes away from the server clock. */
export function requestTimeTooSkewed(requestTime: string, serverTimeMs: number): AwsError {
  return new AwsError(
    'RequestTimeTooSkewed',
    'The difference between the request time and the current time is too large.',
    403,
    {
      RequestTime: requestTime,
      ServerTime: s3Timestamp(serverTimeMs),
      MaxAllowedSkewMilliseconds: '900000',
    },
  );
}

/** A presigned URL used after X-Amz-Date + X-Amz-Expires. */
export function presignedUrlExpired(
  expiresSeconds: number,
  expiresAtMs: number,
  serverTimeMs: number,
): AwsError {
  return new AwsError('AccessDenied', 'Request has expired', 403, {
    'X-Amz-Expires': String(expiresSeconds),
    Expires: s3Timestamp(expiresAtMs),
    ServerTime: s3Timestamp(serverTimeMs),
  });
}

/** A presigned URL whose X-Amz-Date lies in the future. */
export function presignedUrlNotYetValid(amzDate: string, serverTimeMs: number): AwsError {
  return new AwsError('AccessDenied', 'Request is not yet valid', 403, {
    'X-Amz-Date': amzDate,
    ServerTime: s3Timestamp(serverTimeMs),
  });
}

/** x-amz-* headers that the signature does not cover, which S3 refuses to trust. */
export function headersNotSigned(names: string[]): AwsError {
  return new AwsError(
    'AccessDenied',
    'There were headers present in the request which were not signed',
    403,
    { HeadersNotSigned: names.join(', ') },
  );
}

/** What S3 reports with a mismatch; the canonical request lets a client author debug the signer. */
export interface SignatureMismatchDetails {
  accessKeyId: string;
  stringToSign: string;
  signatureProvided: string;
  canonicalRequest?: string;
}

/** The signature (request, chunk or trailer) is not the one the secret produces. */
export function signatureDoesNotMatch(details: SignatureMismatchDetails): AwsError {
  const hex = (text: string): string =>
    [...Buffer.from(text, 'utf8')].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return new AwsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    403,
    {
      AWSAccessKeyId: details.accessKeyId,
      StringToSign: details.stringToSign,
      SignatureProvided: details.signatureProvided,
      StringToSignBytes: hex(details.stringToSign),
      ...(details.canonicalRequest === undefined
        ? {}
        : {
            CanonicalRequest: details.canonicalRequest,
            CanonicalRequestBytes: hex(details.canonicalRequest),
          }),
    },
  );
}

/** Header-signed S3 requests must declare their payload hash. */
export function missingContentSha256(): AwsError {
  return new AwsError(
    'InvalidRequest',
    'Missing required header for this request: x-amz-content-sha256',
    400,
  );
}

/** x-amz-content-sha256 is neither a hex SHA-256 nor a payload mode S3 knows. */
export function invalidContentSha256(value: string): AwsError {
  return new AwsError(
    'InvalidArgument',
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
    400,
    { ArgumentName: 'x-amz-content-sha256', ArgumentValue: value },
  );
}

/** SigV4a streaming (ECDSA): real S3 has it, the stand-in does not. */
export function sigV4aNotImplemented(value: string): AwsError {
  return new AwsError(
    'NotImplemented',
    'A header you provided implies functionality that is not implemented.',
    501,
    { Header: `x-amz-content-sha256: ${value}` },
  );
}
