import { UserFacingError } from '../../core/errors/user-facing';

/** The exit statuses scripts can rely on. */
export const EXIT = {
  /** Everything the command was asked to do was done. */
  ok: 0,
  /** Something failed: an item did not upload, sign-in is needed, the service refused… */
  failure: 1,
  /** The command line itself was wrong (unknown option, missing argument). */
  usage: 2,
} as const;
/** One of the EXIT statuses. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in the command line: reported with a pointer to --help, exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help explains the right usage, when known. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user can act on, with a stable code for --json consumers (exit status 1). */
export function failure(
  code: string,
  message: string,
  params?: Record<string, string | number>,
): UserFacingError {
  return new UserFacingError(code, message, params);
}
