import { describe, expect, it } from 'vitest';
import { translateCognitoError } from '../../../src-main/core/cognito-errors/translate';

// Failures the stand-in has no switch for (attempt limits, disabled users, a dropped network),
// shaped exactly as amazon-cognito-identity-js and the SDK throw them.
const libraryError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, name: code });
const idp = { service: 'cognito-idp', authFlow: 'USER_SRP_AUTH' } as const;

describe('Cognito errors in plain words', () => {
  it.each([
    ['NotAuthorizedException', 'Password attempts exceeded', 'auth.tooManyAttempts'],
    [
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
      'auth.tooManyAttempts',
    ],
    ['NotAuthorizedException', 'User is disabled.', 'auth.userDisabled'],
    ['UserNotConfirmedException', 'User is not confirmed.', 'auth.userNotConfirmed'],
    [
      'PasswordResetRequiredException',
      'Password reset required for the user',
      'auth.passwordResetRequired',
    ],
    [
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
      'auth.codeExpired',
    ],
    [
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
      'auth.challengeExpired',
    ],
    ['ResourceNotFoundException', 'User pool client abc does not exist.', 'auth.misconfigured'],
  ])('%s "%s" becomes %s', (code, message, expected) => {
    const error = translateCognitoError(libraryError(code, message), idp);
    expect(error.code).toBe(expected);
    expect(error.message).not.toBe(message);
  });

  it('calls a request that never got an answer a network problem', () => {
    const offline = Object.assign(new Error('Network error'), { code: 'NetworkError' });
    expect(translateCognitoError(offline, idp).code).toBe('auth.networkUnreachable');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(translateCognitoError(refused, { service: 'cognito-identity' }).code).toBe(
      'identity.networkUnreachable',
    );
  });

  it('keeps the AWS code in an unexpected error, so the log and doctor can name it', () => {
    const error = translateCognitoError(libraryError('InternalErrorException', 'boom'), idp);
    expect(error).toMatchObject({
      code: 'auth.unexpected',
      params: { awsCode: 'InternalErrorException' },
    });
    expect(error.message).toContain('InternalErrorException');
  });
});
