import type { UserError } from '../../contract/views';

/** An error whose code and message are meant for the user; anything else is reported generically. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string | number>,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'UserFacingError';
  }

  /** The plain value that crosses IPC and is stored in journals. */
  toUserError(): UserError {
    return {
      code: this.code,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

/** Raised when the credentials provider itself fails: only signing in again can help. */
export class CredentialsUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `Credentials are unavailable: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'CredentialsUnavailableError';
  }
}
