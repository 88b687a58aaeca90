import type { CognitoUser } from 'amazon-cognito-identity-js';
import type { UserFacingError } from '../api/dispatch';
import { awsErrorFields } from '../cognito-errors/aws-error-fields';
import { wrongCurrentPassword } from './auth-errors';
import * as flows from './library-flows';

type Translate = (error: unknown) => UserFacingError;

/**
 * Sends a password-reset code; resolves where it went. An unknown user looks the same as a known
 * one (no enumeration): no destination, no error.
 */
export async function requestPasswordReset(
  user: CognitoUser,
  translate: Translate,
): Promise<string | undefined> {
  try {
    return (await flows.forgotPassword(user)).destination;
  } catch (error) {
    if (awsErrorFields(error).code !== 'UserNotFoundException') throw translate(error);
    return undefined;
  }
}

/** Sets the new password with the emailed code, in the user's words when Cognito refuses. */
export async function confirmPasswordReset(
  user: CognitoUser,
  code: string,
  newPassword: string,
  translate: Translate,
): Promise<void> {
  try {
    await flows.confirmPassword(user, code, newPassword);
  } catch (error) {
    const aws = awsErrorFields(error);
    // Unknown user: answer as for a wrong code, so the reset screen reveals nothing either.
    const masked =
      aws.code === 'UserNotFoundException' ? { ...aws, code: 'CodeMismatchException' } : error;
    throw translate(masked);
  }
}

/** Changes a signed-in user's password; a wrong old one is named as such. */
export async function changeOwnPassword(
  user: CognitoUser,
  oldPassword: string,
  newPassword: string,
  translate: Translate,
): Promise<void> {
  try {
    await flows.changePassword(user, oldPassword, newPassword);
  } catch (raw) {
    const error = translate(raw);
    throw error.code === 'auth.wrongCredentials' ? wrongCurrentPassword() : error;
  }
}
