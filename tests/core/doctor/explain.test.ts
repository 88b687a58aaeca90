import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src-main/core/doctor';
import {
  invalidLoginToken,
  invalidPoolConfiguration,
  unauthenticatedNotSupported,
  unsupportedProvider,
} from '../../../local-aws/cognito-identity/errors';
import { CognitoErrors } from '../../../local-aws/cognito-idp/errors';
import { noSuchBucket } from '../../../local-aws/s3/errors';

// Where possible the messages come from the stand-in, which words them as AWS does.
const asPasted = (error: { code: string; message: string }) => `${error.code}: ${error.message}`;

describe('explainError', () => {
  it.each([
    [
      'S1',
      'doctor.explain.accessTokenUsed',
      asPasted(invalidLoginToken('Missing a required claim: aud')),
    ],
    [
      'S1',
      'doctor.explain.accessTokenUsed',
      'error in autheticatig AWSNotAuthorizedException: Invalid login token. Missing a required claim: aud',
    ],
    [
      'S2',
      'doctor.explain.credentialsNotReady',
      'NotAuthorizedException: Missing credentials in config',
    ],
    ['S2', 'doctor.explain.credentialsNotReady', 'Upload FailedMissing credentials in config'],
    ['S3', 'doctor.explain.guestRefused', asPasted(unauthenticatedNotSupported())],
    [
      'S4',
      'doctor.explain.cors',
      "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    ],
    ['S6', 'doctor.explain.flowNotEnabled', asPasted(CognitoErrors.srpNotEnabled())],
    ['S6', 'doctor.explain.flowNotEnabled', asPasted(CognitoErrors.passwordAuthNotEnabled())],
    ['S7', 'doctor.explain.clientSecret', asPasted(CognitoErrors.secretHashMissing('1a2b3c'))],
    ['S8', 'doctor.explain.poolConfiguration', asPasted(invalidPoolConfiguration())],
    ['S8', 'doctor.explain.poolConfiguration', 'InvalidIdentityPoolConfigurationException'],
    ['S10', 'doctor.explain.accessDenied', 'AccessDenied: Access Denied'],
  ])('%s: %s from %j', (pitfall, code, text) => {
    const explained = explainError(text);
    expect(explained).toMatchObject({ code, pitfall });
    expect(explained.fix.length).toBeGreaterThan(20);
  });

  it('names the ID token as the fix for the access-token mistake', () => {
    expect(explainError('Invalid login token. Missing a required claim: aud').fix).toContain(
      'ID token',
    );
  });

  it('tells IT that CORS does not apply to Hakobu', () => {
    expect(explainError('CORS preflight failed').fix).toContain('main process');
  });

  it('says to use a public app client for SECRET_HASH errors', () => {
    expect(explainError('SECRET_HASH was not received').fix).toContain(
      'public app client (no secret)',
    );
  });

  it('names all three causes of InvalidIdentityPoolConfigurationException', () => {
    const { cause, fix } = explainError('InvalidIdentityPoolConfigurationException');
    expect(cause).toMatch(/no authenticated role[\s\S]*chosen from the token[\s\S]*trust policy/);
    expect(fix).toContain('"cognito-identity.amazonaws.com:amr" = "authenticated"');
  });

  it('explains provider and bucket errors without a pitfall number', () => {
    expect(explainError(asPasted(unsupportedProvider())).code).toBe(
      'doctor.explain.providerNotConfigured',
    );
    expect(explainError(asPasted(noSuchBucket('x')))).toMatchObject({
      code: 'doctor.explain.noSuchBucket',
    });
    expect(explainError(asPasted(CognitoErrors.clientNotFound('abc'))).code).toBe(
      'doctor.explain.clientMissing',
    );
  });

  it('falls back to the app’s Cognito error table', () => {
    const explained = explainError('UserNotConfirmedException: User is not confirmed.');
    expect(explained.code).toBe('doctor.explain.auth.userNotConfirmed');
    expect(explained.fix).toContain('confirm');
  });

  it('admits when it does not know a message', () => {
    expect(explainError('the printer is on fire')).toMatchObject({
      code: 'doctor.explain.unknown',
    });
  });
});
