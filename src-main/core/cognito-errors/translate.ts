import { UserFacingError } from '../api/dispatch';
import { awsErrorFields } from './aws-error-fields';
import { CognitoUserError } from './cognito-user-error';
import { findErrorRule, type ErrorContext } from './error-table';

const NETWORK_TEXT: Record<ErrorContext['service'], [string, string]> = {
  'cognito-idp': [
    'auth.networkUnreachable',
    'Cannot reach the sign-in service. Check your network connection, then try again.',
  ],
  'cognito-identity': [
    'identity.networkUnreachable',
    'Cannot reach the AWS credentials service. Check your network connection, then try again.',
  ],
};

/** Turns anything a Cognito client threw into a CognitoUserError, using the one error table. */
export function translateCognitoError(error: unknown, ctx: ErrorContext): UserFacingError {
  if (error instanceof UserFacingError) return error;
  const aws = awsErrorFields(error);
  if (aws.network) {
    const [code, text] = NETWORK_TEXT[ctx.service];
    return new CognitoUserError(code, text, undefined, aws.code, error);
  }
  const rule = findErrorRule(aws, ctx);
  if (rule) {
    return new CognitoUserError(
      rule.code,
      rule.text(aws, ctx),
      rule.params?.(aws, ctx),
      aws.code,
      error,
    );
  }
  const prefix = ctx.service === 'cognito-idp' ? 'auth' : 'identity';
  const what = ctx.service === 'cognito-idp' ? 'Sign-in' : 'Getting AWS credentials';
  return new CognitoUserError(
    `${prefix}.unexpected`,
    `${what} failed (${aws.code}: ${aws.message || 'no details'}). Try again; if it keeps ` +
      'happening, run “hakobu doctor” or send the log to IT.',
    { awsCode: aws.code },
    aws.code,
    error,
  );
}

/** translateCognitoError bound to a user pool and app client, as the sign-in session uses it. */
export function userPoolErrorTranslator(config: {
  authFlow: ErrorContext['authFlow'];
  userPoolId: string;
  clientId: string;
}): (error: unknown) => UserFacingError {
  const { authFlow, userPoolId, clientId } = config;
  const ctx: ErrorContext = { service: 'cognito-idp', authFlow, userPoolId, clientId };
  return (error) => translateCognitoError(error, ctx);
}
