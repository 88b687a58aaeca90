import type { AwsErrorFields } from './aws-error-fields';

/** What the translation of an error may mention: the settings a user or IT would have to change. */
export interface ErrorContext {
  service: 'cognito-idp' | 'cognito-identity';
  authFlow?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
  userPoolId?: string;
  clientId?: string;
  identityPoolId?: string;
}

/** One row of the table: an AWS error (narrowed by message when one code means several things). */
export interface ErrorRule {
  service?: ErrorContext['service'];
  awsCode: string | readonly string[];
  message?: RegExp;
  code: string;
  text: (aws: AwsErrorFields, ctx: ErrorContext) => string;
  params?: (aws: AwsErrorFields, ctx: ErrorContext) => Record<string, string>;
}

const otherFlow = (flow: string) =>
  flow === 'USER_SRP_AUTH' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH';
const flowIn = (aws: AwsErrorFields, ctx: ErrorContext) =>
  /USER_PASSWORD_AUTH/.test(aws.message)
    ? 'USER_PASSWORD_AUTH'
    : /USER_SRP_AUTH/.test(aws.message)
      ? 'USER_SRP_AUTH'
      : (ctx.authFlow ?? 'USER_SRP_AUTH');

/** What a row says, for the meanings AWS reports under more than one error code. */
type RuleOutcome = Pick<ErrorRule, 'code' | 'text'>;

// S7: a desktop app cannot keep a client secret; AWS reports it under two codes.
const clientHasSecret: RuleOutcome = {
  code: 'auth.clientHasSecret',
  text: (_a, ctx) =>
    `The app client ${ctx.clientId ?? ''} has a client secret, which a desktop app cannot keep safe. ` +
    'Ask IT to use a public app client (no secret) and put its ID in Hakobu’s config.',
};

const codeMismatch: RuleOutcome = {
  code: 'auth.codeMismatch',
  text: () => 'The code is not correct. Check it and try again.',
};

// First match wins, so narrow rows (by message) come before the general row for the same code.
// Pitfalls S1, S6, S7 and S8 (shared/reference/pitfalls.md) each have a row.
export const COGNITO_ERROR_TABLE: readonly ErrorRule[] = [
  // --- User pool (cognito-idp) ---
  {
    service: 'cognito-idp',
    awsCode: 'NotAuthorizedException',
    message: /secret/i,
    ...clientHasSecret,
  },
  {
    service: 'cognito-idp',
    awsCode: 'NotAuthorizedException',
    message: /attempts exceeded/i,
    code: 'auth.tooManyAttempts',
    text: () => 'Too many failed attempts. Wait a few minutes, then try again.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'NotAuthorizedException',
    message: /disabled/i,
    code: 'auth.userDisabled',
    text: () => 'This account is disabled. Ask your IT administrator to enable it.',
  },
  {
    service: 'cognito-idp',
    awsCode: ['NotAuthorizedException', 'RefreshTokenReuseException'],
    message: /refresh token|access token|reuse|invalidated/i,
    code: 'auth.sessionExpired',
    text: () => 'Your session has ended. Please sign in again.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'NotAuthorizedException',
    message: /temporary password has expired/i,
    code: 'auth.temporaryPasswordExpired',
    text: () =>
      'Your temporary password has expired. Ask your IT administrator to send you a new one.',
  },
  {
    service: 'cognito-idp',
    awsCode: ['NotAuthorizedException', 'InvalidParameterException'],
    message: /cannot (be )?reset/i,
    code: 'auth.cannotResetPassword',
    text: () =>
      'Your password cannot be reset from here (the account may still have a temporary password, ' +
      'or no verified email or phone number). Ask your IT administrator to reset it.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'NotAuthorizedException',
    message: /session/i,
    code: 'auth.challengeExpired',
    text: () => 'This sign-in step took too long and has expired. Please sign in again.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'NotAuthorizedException',
    message: /invalid code/i,
    ...codeMismatch,
  },
  {
    service: 'cognito-idp',
    // Same words for both, so the sign-in screen never tells whether an account exists.
    awsCode: ['NotAuthorizedException', 'UserNotFoundException'],
    code: 'auth.wrongCredentials',
    text: () =>
      'The username or password is incorrect. Check both and try again, or choose “Forgot password”.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'InvalidParameterException',
    message: /REFRESH_TOKEN_AUTH|refresh token auth/i,
    code: 'auth.refreshNotEnabled',
    text: () =>
      'The app client does not allow staying signed in. ' +
      'Ask IT to enable ALLOW_REFRESH_TOKEN_AUTH on the app client.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'InvalidParameterException',
    message: /(USER_SRP_AUTH|USER_PASSWORD_AUTH).*not enabled/i,
    code: 'auth.flowNotEnabled',
    // S6: the config names one flow, the app client allows another.
    text: (aws, ctx) => {
      const flow = flowIn(aws, ctx);
      return (
        `The app client does not allow ${flow} sign-in. Ask IT to enable ALLOW_${flow} on the app ` +
        `client, or set "authFlow": "${otherFlow(flow)}" in Hakobu’s config if the client allows that.`
      );
    },
    params: (aws, ctx) => ({ flow: flowIn(aws, ctx), otherFlow: otherFlow(flowIn(aws, ctx)) }),
  },
  {
    service: 'cognito-idp',
    awsCode: 'InvalidParameterException',
    message: /secret/i,
    ...clientHasSecret,
  },
  {
    service: 'cognito-idp',
    awsCode: 'InvalidPasswordException',
    code: 'auth.passwordPolicy',
    text: (aws) =>
      `The new password does not meet the password policy (${aws.message.replace(/^Password (does|did) not conform (to|with) policy:\s*/i, '')}). ` +
      'Choose a longer password that mixes upper- and lower-case letters, digits and symbols.',
    params: (aws) => ({ detail: aws.message }),
  },
  {
    service: 'cognito-idp',
    awsCode: ['CodeMismatchException', 'EnableSoftwareTokenMFAException'],
    ...codeMismatch,
  },
  {
    service: 'cognito-idp',
    awsCode: 'ExpiredCodeException',
    code: 'auth.codeExpired',
    text: () => 'The code has expired. Request a new code, then try again.',
  },
  {
    service: 'cognito-idp',
    awsCode: [
      'LimitExceededException',
      'TooManyRequestsException',
      'TooManyFailedAttemptsException',
      'CodeDeliveryFailureException',
    ],
    code: 'auth.tooManyAttempts',
    text: () => 'Too many attempts. Wait a few minutes, then try again.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'UserNotConfirmedException',
    code: 'auth.userNotConfirmed',
    text: () => 'This account has not been confirmed yet. Ask your IT administrator to confirm it.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'PasswordResetRequiredException',
    code: 'auth.passwordResetRequired',
    text: () => 'Your password must be reset. Choose “Forgot password” to set a new one.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'SoftwareTokenMFANotFoundException',
    code: 'auth.totpNotEnabled',
    text: () =>
      'The user pool does not allow authenticator apps (TOTP). Ask IT to enable TOTP MFA on the user pool.',
  },
  {
    service: 'cognito-idp',
    awsCode: 'ResourceNotFoundException',
    code: 'auth.misconfigured',
    text: () =>
      'The user pool or app client in Hakobu’s config does not exist. ' +
      'Ask IT to check region, userPoolId and clientId.',
  },
  // --- Identity pool (cognito-identity) ---
  {
    service: 'cognito-identity',
    awsCode: 'NotAuthorizedException',
    message: /missing a required claim: aud/i,
    code: 'identity.accessTokenUsed',
    // S1: the access token has no aud claim; only the ID token belongs in Logins.
    text: () =>
      'The Identity Pool was given an access token instead of an ID token. ' +
      'Only the ID token can be exchanged for AWS credentials; report this to the app’s developers.',
  },
  {
    service: 'cognito-identity',
    awsCode: 'NotAuthorizedException',
    message: /expired/i,
    code: 'identity.tokenExpired',
    text: () => 'Your sign-in expired before AWS credentials were issued. Try again.',
  },
  {
    service: 'cognito-identity',
    awsCode: 'NotAuthorizedException',
    message: /issuer|provider|audience|aud\b|not from a supported/i,
    code: 'identity.providerNotConfigured',
    text: (_a, ctx) =>
      `The Identity Pool does not accept sign-ins from user pool ${ctx.userPoolId ?? ''} and app client ` +
      `${ctx.clientId ?? ''}. Ask IT to add them as an authentication provider of the identity pool.`,
  },
  {
    service: 'cognito-identity',
    awsCode: ['NotAuthorizedException', 'InvalidParameterException'],
    message: /assume role|CustomRoleArn/i,
    code: 'identity.customRoleRejected',
    // S9: a configured CustomRoleArn must be one of the roles the token grants.
    text: () =>
      'The role set in customRoleArn is not one of the roles your account may use. ' +
      'Ask IT for the right role ARN (your user-pool groups decide it), or remove customRoleArn ' +
      'from Hakobu’s config.',
  },
  {
    service: 'cognito-identity',
    awsCode: ['NotAuthorizedException', 'InvalidIdentityPoolConfigurationException'],
    message: /ambiguous|role mapping/i,
    code: 'identity.roleMapping',
    // S8, "choose role from token": no single role could be chosen and ambiguity resolves to Deny.
    text: () =>
      'The Identity Pool could not choose a role from your user-pool groups. Ask IT to give your ' +
      'groups a role (with precedence), or to let the identity pool fall back to its authenticated role.',
  },
  {
    service: 'cognito-identity',
    awsCode: 'NotAuthorizedException',
    message: /forbidden/i,
    code: 'identity.forbidden',
    text: () =>
      'The saved identity belongs to another sign-in. Sign out and sign in again; if it persists, ' +
      'ask IT to check the identity pool’s authentication providers.',
  },
  {
    service: 'cognito-identity',
    awsCode: 'InvalidIdentityPoolConfigurationException',
    code: 'identity.noUsableRole',
    // S8: AWS gives the same words when no authenticated role is assigned, when the role does not
    // exist, and when its trust policy does not accept this pool; the doctor tells them apart.
    text: (_a, ctx) =>
      'The Identity Pool has no role it can give signed-in users. Ask IT to check that the pool has ' +
      'an authenticated role, and that the role’s trust policy lets cognito-identity.amazonaws.com ' +
      `assume it with aud = ${ctx.identityPoolId ?? 'the identity pool ID'} and amr = authenticated ` +
      '(“hakobu doctor” names which).',
  },
  {
    service: 'cognito-identity',
    awsCode: 'ResourceNotFoundException',
    message: /pool/i,
    code: 'identity.poolNotFound',
    text: () =>
      'The identity pool in Hakobu’s config does not exist. Ask IT to check region and identityPoolId.',
  },
  {
    service: 'cognito-identity',
    awsCode: ['TooManyRequestsException', 'LimitExceededException'],
    code: 'identity.throttled',
    text: () => 'Too many requests to the Identity Pool. Wait a moment, then try again.',
  },
];

/** Finds the first row of the table that matches an error, or undefined. */
export function findErrorRule(aws: AwsErrorFields, ctx: ErrorContext): ErrorRule | undefined {
  return COGNITO_ERROR_TABLE.find((rule) => {
    if (rule.service && rule.service !== ctx.service) return false;
    const codes = typeof rule.awsCode === 'string' ? [rule.awsCode] : rule.awsCode;
    if (!codes.includes(aws.code)) return false;
    return !rule.message || rule.message.test(aws.message);
  });
}
