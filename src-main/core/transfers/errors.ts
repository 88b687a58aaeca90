import { CredentialsUnavailableError, UserFacingError } from '../errors/user-facing';

/** A per-item failure or notice with a stable code (translated in the UI) and English advice. */
export class TransferError extends UserFacingError {
  override name = 'TransferError';
}

export { CredentialsUnavailableError };

/** Raised while reading a part when the file no longer has the size it had when the part was planned. */
export class FileChangedError extends Error {
  constructor(path: string) {
    super(`${path} changed while it was being read`);
    this.name = 'FileChangedError';
  }
}

function awsCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { name?: unknown; Code?: unknown };
  return typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : '';
}

function httpStatus(error: unknown): number | undefined {
  const meta = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof meta?.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
}

// The one table from S3's error codes to what a user can do about them.
const S3_ERRORS: Record<string, (key: string) => TransferError> = {
  AccessDenied: (key) =>
    new TransferError(
      'transfer.accessDenied',
      `You are not allowed to upload ${key}. Ask your administrator to check that the role's S3 policy covers your prefix.`,
      { key },
    ),
  NoSuchBucket: (key) =>
    new TransferError(
      'transfer.noSuchBucket',
      'The bucket in your Hakobu configuration does not exist. Ask your administrator to check the location settings.',
      { key },
    ),
  EntityTooLarge: (key) =>
    new TransferError('transfer.tooLarge', `${key} is larger than S3 accepts (5 TiB).`, { key }),
  InvalidAccessKeyId: (key) => signInRequired(key),
  ExpiredToken: (key) => signInRequired(key),
  SlowDown: (key) => serverBusy(key),
  ServiceUnavailable: (key) => serverBusy(key),
  InternalError: (key) => serverBusy(key),
  RequestTimeout: (key) => serverBusy(key),
  SignatureDoesNotMatch: (key) =>
    new TransferError(
      'transfer.signatureMismatch',
      'S3 rejected the request signature. Check that your computer clock is correct, then retry.',
      { key },
    ),
};

/** S3 kept answering "busy" or "internal error" through every retry: nothing is lost, try later. */
function serverBusy(key: string): TransferError {
  return new TransferError(
    'transfer.serverBusy',
    'The storage service is busy and kept refusing this file after several tries. Press Retry in a little while; the parts already sent are kept.',
    { key },
  );
}

/** The error for an item that cannot go on until the user signs in again. */
export function signInRequired(key: string): TransferError {
  return new TransferError(
    'transfer.signInRequired',
    'Your session has ended. Sign in again; the upload resumes where it stopped.',
    { key },
  );
}

/** Turns whatever an S3 call threw into the TransferError shown on the item. */
export function toTransferError(error: unknown, key: string): TransferError {
  if (error instanceof TransferError) return error;
  if (error instanceof CredentialsUnavailableError) return signInRequired(key);
  const code = awsCode(error);
  const known = S3_ERRORS[code];
  if (known) return known(key);
  const status = httpStatus(error);
  // HEAD responses have no body, so a refusal arrives as a bare 403 without S3's code.
  if (status === 403) return S3_ERRORS.AccessDenied?.(key) ?? signInRequired(key);
  const detail = error instanceof Error ? error.message : String(error);
  if (status === undefined) {
    return new TransferError(
      'transfer.network',
      `Could not reach S3 (${detail}). Check your network connection, then retry.`,
      { key, detail },
    );
  }
  return new TransferError(
    'transfer.failed',
    `S3 refused the upload of ${key} (${code || status}: ${detail}). Retry, or ask your administrator.`,
    { key, awsCode: code, status },
  );
}

/** The S3 error code of a failed SDK call ("" for network errors), for decisions in the engine. */
export function s3ErrorCode(error: unknown): string {
  return awsCode(error);
}

/** The HTTP status of a failed SDK call, when there was a response. */
export function s3HttpStatus(error: unknown): number | undefined {
  return httpStatus(error);
}
