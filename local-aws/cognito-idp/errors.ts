import { AwsError } from '../http/aws-error';

// One place for Cognito's own error codes and messages, so every operation words a failure the
// way the real service does and clients that match on messages (amazon-cognito-identity-js,
// Hakobu's doctor) see the same text. Messages marked "unverified" could not be checked
// against the live service and follow Cognito's wording style.

const notAuthorized = (message: string) => new AwsError('NotAuthorizedException', message);
const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);

/** Cognito User Pools errors, by situation. */
export const CognitoErrors = {
  poolNotFound: (poolId: string) =>
    new AwsError('ResourceNotFoundException', `User pool ${poolId} does not exist.`),
  clientNotFound: (clientId: string) =>
    new AwsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`),
  groupNotFound: () => new AwsError('ResourceNotFoundException', 'Group not found.'),

  userNotFound: () => new AwsError('UserNotFoundException', 'User does not exist.'),
  /** ForgotPassword words an unknown user differently. */
  usernameClientNotFound: () =>
    new AwsError('UserNotFoundException', 'Username/client id combination not found.'),
  userExists: () => new AwsError('UsernameExistsException', 'User account already exists'),
  /** A pool that signs in by email (or phone) refuses any other username. */
  usernameNotEmail: () => invalidParameter('Username should be an email.'),
  /** unverified */
  usernameNotPhone: () => invalidParameter('Username should be a phone number.'),
  /** The email attribute of an email-as-username pool is the username; it cannot differ. */
  usernameAttributeMismatch: (attribute: 'email' | 'phone_number') =>
    invalidParameter(
      attribute === 'email'
        ? 'User email should be empty or same as username, since username attribute is email'
        : 'User phone number should be empty or same as username, since username attribute is phone_number',
    ),
  /** An alias must not be mistaken for a username, so a username may not look like one. */
  usernameLooksLikeAlias: (attribute: 'email' | 'phone_number') =>
    invalidParameter(
      attribute === 'email'
        ? 'Username cannot be of email format, since user pool is configured for email alias.'
        : 'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    ),
  /** A second user with the same sign-in email (or phone) in a pool that signs in by it. */
  signInAttributeTaken: (attribute: string) =>
    new AwsError(
      'UsernameExistsException',
      `An account with the given ${attribute} already exists.`,
    ),
  /** unverified wording: another user already signs in with this alias. */
  aliasExists: (attribute: string) =>
    new AwsError('AliasExistsException', `An account with the given ${attribute} already exists.`),
  userNotConfirmed: () => new AwsError('UserNotConfirmedException', 'User is not confirmed.'),
  userDisabled: () => notAuthorized('User is disabled.'),
  passwordResetRequired: () =>
    new AwsError('PasswordResetRequiredException', 'Password reset required for the user'),
  incorrectPassword: () => notAuthorized('Incorrect username or password.'),
  temporaryPasswordExpired: () =>
    notAuthorized('Temporary password has expired and must be reset by an administrator.'),
  cannotResetInState: () => notAuthorized('User password cannot be reset in the current state.'),
  noDeliveryForReset: () =>
    invalidParameter(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    ),

  srpNotEnabled: () => invalidParameter('USER_SRP_AUTH is not enabled for the client.'),
  passwordAuthNotEnabled: () =>
    invalidParameter('USER_PASSWORD_AUTH flow not enabled for this client'),
  adminAuthNotEnabled: () => invalidParameter('Auth flow not enabled for this client'),
  /** unverified */
  refreshAuthNotEnabled: () =>
    invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client'),
  /** unverified: Cognito documents the refusal, not its words. */
  refreshAuthWithRotation: () =>
    invalidParameter(
      'REFRESH_TOKEN_AUTH is not supported for a client with refresh token rotation enabled. Use GetTokensFromRefreshToken.',
    ),
  authFlowNotSupported: () => invalidParameter('Initiate Auth method not supported.'),
  customAuthNotConfigured: () =>
    invalidParameter('Custom auth lambda trigger is not configured for the user pool.'),
  missingParameter: (name: string) => invalidParameter(`Missing required parameter ${name}`),
  invalidTimestamp: () =>
    invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.'),
  /** unverified */
  invalidSrpA: () => invalidParameter('SRP_A is invalid.'),

  secretHashMissing: (clientId: string) =>
    notAuthorized(`Client ${clientId} is configured with secret but SECRET_HASH was not received`),
  secretHashWrong: (clientId: string) =>
    notAuthorized(`Unable to verify secret hash for client ${clientId}`),
  secretHashUnexpected: (clientId: string) =>
    invalidParameter(
      `Client ${clientId} is not configured for secret but secret hash was received`,
    ),
  clientSecretMissing: (clientId: string) =>
    notAuthorized(`Client ${clientId} is configured for secret but secret was not received`),
  /** unverified */
  clientSecretWrong: (clientId: string) =>
    notAuthorized(`Unable to verify client secret for client ${clientId}`),

  sessionExpired: () => notAuthorized('Invalid session for the user, session is expired.'),
  sessionUsed: () => notAuthorized('Invalid session for the user, session can only be used once.'),
  sessionInvalid: () => notAuthorized('Invalid session for the user.'),
  mfaCodeMismatch: () => new AwsError('CodeMismatchException', 'Invalid code received for user'),
  totpEnableMismatch: () =>
    new AwsError(
      'EnableSoftwareTokenMFAException',
      'Code mismatch and fail enable Software Token MFA',
    ),
  /** unverified */
  totpNotAssociated: () =>
    invalidParameter(
      'User has not associated a software token. Call AssociateSoftwareToken first.',
    ),
  /** unverified */
  mfaSetupIncomplete: () =>
    invalidParameter(
      'Software token MFA is not set up yet. Call AssociateSoftwareToken and VerifySoftwareToken with this session first.',
    ),
  /** unverified */
  invalidMfaAnswer: () =>
    invalidParameter('ANSWER must be one of the MFA types in MFAS_CAN_CHOOSE.'),
  mfaNotVerified: (method: string) =>
    invalidParameter(`User does not have delivery config set to turn on ${method}`),
  totpNotEnabledForPool: () =>
    new AwsError(
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA has not been enabled by the user pool.',
    ),
  resetCodeMismatch: () =>
    new AwsError('CodeMismatchException', 'Invalid verification code provided, please try again.'),
  resetCodeExpired: () =>
    new AwsError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),

  invalidPassword: (reason: string, changing = false) =>
    new AwsError(
      'InvalidPasswordException',
      changing
        ? `Password did not conform with policy: ${reason}`
        : `Password does not conform to policy: ${reason}`,
    ),

  accessTokenInvalid: () => notAuthorized('Invalid Access Token'),
  /** A managed-login access token granted without aws.cognito.signin.user.admin. */
  accessTokenScopes: () => notAuthorized('Access Token does not have required scopes'),
  accessTokenExpired: () => notAuthorized('Access Token has expired'),
  accessTokenRevoked: () => notAuthorized('Access Token has been revoked'),
  refreshTokenInvalid: () => notAuthorized('Invalid Refresh Token'),
  refreshTokenExpired: () => notAuthorized('Refresh Token has expired'),
  refreshTokenRevoked: () => notAuthorized('Refresh Token has been revoked'),
  /** unverified */
  refreshTokenReused: () =>
    new AwsError(
      'RefreshTokenReuseException',
      'Refresh token has been invalidated by refresh token rotation.',
    ),
  /** unverified */
  revokeWrongClient: () =>
    new AwsError('UnauthorizedException', 'The token was not issued to this client.'),
  /** unverified */
  unsupportedTokenType: () =>
    new AwsError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.'),
  unsupportedUserState: (detail: string) => new AwsError('UnsupportedUserStateException', detail),

  /** Admin operations are SigV4-signed; the stand-in accepts any signature but requires one. */
  missingAuthentication: () =>
    new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token'),
} as const;
