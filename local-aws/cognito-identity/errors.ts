import { AwsError } from '../http/aws-error';

// Codes and messages as AWSCognitoIdentityService sends them (all with HTTP 400).

/** ResourceNotFoundException for an identity pool ID that names no pool. */
export const poolNotFound = (poolId: string) =>
  new AwsError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);

/** ResourceNotFoundException for an identity ID that names no identity. */
export const identityNotFound = (identityId: string) =>
  new AwsError('ResourceNotFoundException', `Identity '${identityId}' not found.`);

/** NotAuthorizedException for a call without Logins on a pool that refuses guests. */
export const unauthenticatedNotSupported = () =>
  new AwsError(
    'NotAuthorizedException',
    'Unauthenticated access is not supported for this identity pool.',
  );

/** NotAuthorizedException when the Logins do not prove the caller owns the identity. */
export const identityForbidden = (identityId: string) =>
  new AwsError('NotAuthorizedException', `Access to Identity '${identityId}' is forbidden.`);

/** NotAuthorizedException for a Logins key or app client the pool is not configured with. */
export const unsupportedProvider = () =>
  new AwsError(
    'NotAuthorizedException',
    'Token is not from a supported provider of this identity pool.',
  );

/** NotAuthorizedException for a login token that fails validation, with Cognito's reason. */
export const invalidLoginToken = (reason: string) =>
  new AwsError('NotAuthorizedException', `Invalid login token. ${reason}`);

/** InvalidIdentityPoolConfigurationException: no role, an unknown role, or a role that distrusts the pool. */
export const invalidPoolConfiguration = () =>
  new AwsError(
    'InvalidIdentityPoolConfigurationException',
    'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
  );

/** NotAuthorizedException when "choose role from token" finds no single role and resolution is Deny. */
export const ambiguousRoleDenied = () =>
  new AwsError('NotAuthorizedException', 'The ambiguous role mapping rules denied this request.');

/** NotAuthorizedException for a CustomRoleArn the token's cognito:roles do not grant. */
export const customRoleNotGranted = (roleArn: string) =>
  new AwsError(
    'NotAuthorizedException',
    `Not authorized to assume role '${roleArn}': it is not among the token's cognito:roles.`,
  );

/** MissingAuthenticationTokenException for an unsigned call to a developer (signed) operation. */
export const missingAuthenticationToken = () =>
  new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
