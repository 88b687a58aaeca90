import { CredentialsUnavailableError, UserFacingError } from '../errors/user-facing';
import { awsErrorFields } from '../cognito-errors/aws-error-fields';

/** A library failure with a stable code (translated in the UI) and English words saying what to do. */
export class LibraryError extends UserFacingError {
  override name = 'LibraryError';
}

export { CredentialsUnavailableError };

/** What an S3 error message may mention: where the request went. */
export interface S3ErrorContext {
  bucket: string;
  key?: string;
  region: string;
  identityId: string;
}

/** The user-facing error for a request that needs a new sign-in. */
export function signInRequired(): LibraryError {
  return new LibraryError(
    'library.signInRequired',
    'Your session has ended. Sign in again, then retry.',
  );
}

const what = (ctx: S3ErrorContext) => (ctx.key ? `${ctx.key} in ${ctx.bucket}` : ctx.bucket);

// The one table from S3's error codes to what a user can do about them. HEAD responses have no
// body, so the SDK reports them only by status; normalizeCode gives those their S3 code back.
const S3_ERRORS: Record<string, (ctx: S3ErrorContext) => LibraryError> = {
  // Pitfall S10: the IAM policy variable is the Identity Pool identity ID, not the user-pool sub.
  AccessDenied: (ctx) =>
    new LibraryError(
      'library.accessDenied',
      `S3 refused access to ${what(ctx)}. Your own files must live under your Identity Pool identity ID ` +
        `(${ctx.identityId}/), not your user name or user-pool "sub". Ask your administrator to check that ` +
        'the location prefix is "${identityId}/" and that the role policy uses ' +
        '${cognito-identity.amazonaws.com:sub}.',
      { bucket: ctx.bucket, key: ctx.key ?? '', identityId: ctx.identityId },
    ),
  NoSuchBucket: (ctx) =>
    new LibraryError(
      'library.noSuchBucket',
      `The bucket ${ctx.bucket} does not exist (or not in region ${ctx.region}). Ask your administrator ` +
        'to check the bucket name and the region in the Hakobu configuration.',
      { bucket: ctx.bucket, region: ctx.region },
    ),
  NoSuchAccessPoint: (ctx) =>
    new LibraryError(
      'library.noSuchAccessPoint',
      `The access point ${ctx.bucket} does not exist: its name, account ID or region is not one S3 ` +
        'knows. Ask your administrator to check the access point ARN in the Hakobu configuration.',
      { bucket: ctx.bucket },
    ),
  PermanentRedirect: (ctx) => wrongRegion(ctx),
  AuthorizationHeaderMalformed: (ctx) => wrongRegion(ctx),
  NoSuchKey: (ctx) =>
    new LibraryError(
      'library.notFound',
      `${ctx.key ?? 'The file'} is no longer there. Refresh the folder to see its current contents.`,
      { key: ctx.key ?? '' },
    ),
  ExpiredToken: () => signInRequired(),
  InvalidToken: () => signInRequired(),
  InvalidAccessKeyId: () => signInRequired(),
  RequestTimeTooSkewed: () => clockWrong(),
  SignatureDoesNotMatch: () => clockWrong(),
  SlowDown: () => busy(),
  ServiceUnavailable: () => busy(),
  InternalError: () => busy(),
};

function wrongRegion(ctx: S3ErrorContext): LibraryError {
  return new LibraryError(
    'library.wrongRegion',
    `The bucket ${ctx.bucket} is not in region ${ctx.region}. Ask your administrator to check the region ` +
      'in the Hakobu configuration.',
    { bucket: ctx.bucket, region: ctx.region },
  );
}

function clockWrong(): LibraryError {
  return new LibraryError(
    'library.clockWrong',
    'S3 rejected the request signature. Check that your computer clock and time zone are correct, then retry.',
  );
}

function busy(): LibraryError {
  return new LibraryError(
    'library.busy',
    'S3 is busy or had an internal error. Retry in a moment.',
  );
}

const STATUS_CODES: Record<number, string> = {
  301: 'PermanentRedirect',
  403: 'AccessDenied',
  404: 'NoSuchKey',
  503: 'SlowDown',
};

// The SDK names an error without a body "Unknown" (or by its status); S3's own codes are words.
const isBodiless = (code: string) => code === 'Unknown' || code === '' || /^\d+$/.test(code);

/** The S3 error code of a failed SDK call, recovering it from the status when S3 sent no body. */
export function s3ErrorCode(error: unknown): string {
  const { code, status } = awsErrorFields(error);
  if (code === 'NotFound') return 'NoSuchKey';
  if (code === 'Forbidden') return 'AccessDenied';
  return isBodiless(code) && status !== undefined ? (STATUS_CODES[status] ?? code) : code;
}

/** True when S3 said the credentials' session expired, so a refresh and one retry may succeed. */
export function isExpiredCredentials(error: unknown): boolean {
  const { code, status } = awsErrorFields(error);
  // A HEAD answered 400 without a body is how an expired token looks to the SDK.
  if (isBodiless(code)) return status === 400;
  return code === 'ExpiredToken' || code === 'TokenRefreshRequired';
}

/** The LibraryError for an error code S3 reported inside a successful response (DeleteObjects). */
export function fromS3Code(code: string, ctx: S3ErrorContext): LibraryError {
  const known = S3_ERRORS[code];
  if (known) return known(ctx);
  return new LibraryError(
    'library.failed',
    `S3 refused the request for ${what(ctx)} (${code}). Retry, or ask your administrator.`,
    { bucket: ctx.bucket, key: ctx.key ?? '', awsCode: code },
  );
}

/** Turns whatever an S3 call threw into the LibraryError shown to the user. */
export function toLibraryError(error: unknown, ctx: S3ErrorContext): LibraryError {
  if (error instanceof LibraryError) return error;
  if (error instanceof CredentialsUnavailableError) return signInRequired();
  const code = s3ErrorCode(error);
  const known = S3_ERRORS[code];
  if (known) return known(ctx);
  const fields = awsErrorFields(error);
  if (fields.status === undefined) {
    return new LibraryError(
      'library.network',
      `Could not reach S3 (${fields.message || code}). Check your network connection, then retry.`,
      { detail: fields.message || code },
      { cause: error },
    );
  }
  return new LibraryError(
    'library.failed',
    `S3 refused the request for ${what(ctx)} (${code}, HTTP ${fields.status}). Retry, or ask your administrator.`,
    { bucket: ctx.bucket, key: ctx.key ?? '', awsCode: code, status: fields.status },
    { cause: error },
  );
}
