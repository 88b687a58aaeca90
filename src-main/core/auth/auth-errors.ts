import type { UserError } from '../../contract/views';
import { CognitoUserError } from '../cognito-errors/cognito-user-error';

// Errors the session raises by itself, before or instead of asking Cognito.

/** Nobody is signed in. */
export const notSignedIn = () =>
  new CognitoUserError('auth.notSignedIn', 'You are not signed in. Please sign in first.');

/** The session ended (revoked or expired refresh token): calm words, no retry. */
export const sessionExpired = (error?: UserError) =>
  new CognitoUserError(
    error?.code ?? 'auth.sessionExpired',
    error?.message ?? 'Your session has ended. Please sign in again.',
  );

/** A challenge answer arrived while no such challenge is waiting. */
export const noPendingChallenge = (expected: string) =>
  new CognitoUserError(
    'auth.noPendingChallenge',
    'This sign-in step is not waiting for an answer any more. Please start signing in again.',
    { expected },
  );

/** The pool asked for a challenge Hakobu cannot answer (a custom Lambda challenge). */
export const unsupportedChallenge = (challenge: string) =>
  new CognitoUserError(
    'auth.unsupportedChallenge',
    `This account needs a sign-in step Hakobu does not support (${challenge}). ` +
      'Ask IT to check the user pool’s sign-in triggers.',
    { challenge },
  );

/** Password reset was asked for while signed in. */
export const alreadySignedIn = () =>
  new CognitoUserError(
    'auth.alreadySignedIn',
    'You are signed in. Use “Change password” instead, or sign out first.',
  );

/** ChangePassword's NotAuthorizedException means the current password was wrong. */
export const wrongCurrentPassword = () =>
  new CognitoUserError(
    'auth.wrongCurrentPassword',
    'The current password is incorrect. Check it and try again.',
  );
