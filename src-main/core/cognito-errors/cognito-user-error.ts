import { UserFacingError } from '../api/dispatch';

/** A Cognito failure turned into words a user can act on, keeping the AWS code for the log and doctor. */
export class CognitoUserError extends UserFacingError {
  constructor(
    code: string,
    message: string,
    params?: Record<string, string | number>,
    /** The AWS error code it came from (e.g. NotAuthorizedException), when there was one. */
    readonly awsCode?: string,
    cause?: unknown,
  ) {
    super(code, message, params);
    this.name = 'CognitoUserError';
    if (cause !== undefined) this.cause = cause;
  }
}
