import { z } from 'zod';
import { AccessPointSetup, BucketSetup, RoleSetup } from './access-schema';

/** Auth flows an app client can allow, spelled as Cognito's ExplicitAuthFlows. */
export const ExplicitAuthFlow = z.enum([
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
]);
export type ExplicitAuthFlow = z.infer<typeof ExplicitAuthFlow>;

const Duration = z.number().int().positive();

/** The scopes a user pool grants without a resource server: Cognito's built-in ones. */
export const OAuthScope = z.enum([
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
]);
export type OAuthScope = z.infer<typeof OAuthScope>;

export const AppClientSetup = z.object({
  name: z.string().min(1),
  /** Fixed client ID (26 chars); generated once and persisted when omitted. */
  id: z
    .string()
    .regex(/^[a-z0-9]{26}$/)
    .optional(),
  /** A client secret makes SECRET_HASH mandatory, as in Cognito. */
  generateSecret: z.boolean().default(false),
  explicitAuthFlows: z
    .array(ExplicitAuthFlow)
    .default(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
  idTokenValiditySeconds: Duration.default(3600),
  accessTokenValiditySeconds: Duration.default(3600),
  refreshTokenValiditySeconds: Duration.default(30 * 24 * 3600),
  /** When on, GetTokensFromRefreshToken returns a new refresh token and retires the old one. */
  refreshTokenRotation: z.boolean().default(false),
  /** Managed login (OAuth 2.0) grants; 'code' is the only one the stand-in serves. */
  allowedOAuthFlows: z.array(z.enum(['code'])).default([]),
  /** Scopes the client may request at /oauth2/authorize. */
  allowedOAuthScopes: z.array(OAuthScope).default([]),
  /** Exact redirect_uri values /oauth2/authorize accepts (Cognito's CallbackURLs). */
  callbackUrls: z.array(z.string().url()).default([]),
  /** Exact logout_uri values /logout accepts (Cognito's LogoutURLs). */
  logoutUrls: z.array(z.string().url()).default([]),
  /** 'COGNITO' (the pool's own sign-in) and names of the pool's identityProviders. */
  supportedIdentityProviders: z.array(z.string().min(1)).default([]),
});
export type AppClientSetup = z.infer<typeof AppClientSetup>;

export const GroupSetup = z.object({
  name: z.string().min(1),
  roleArn: z.string().startsWith('arn:aws:iam::').optional(),
  precedence: z.number().int().nonnegative().optional(),
});

export const UserSetup = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  email: z.string().email().optional(),
  groups: z.array(z.string()).default([]),
  /** FORCE_CHANGE_PASSWORD produces the NEW_PASSWORD_REQUIRED challenge at sign-in. */
  status: z.enum(['CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'UNCONFIRMED']).default('CONFIRMED'),
  /** Base32 TOTP secret: the user has TOTP MFA enrolled and preferred. */
  totpSecret: z.string().optional(),
  /** preferred_username, a sign-in name when the pool lists it in aliasAttributes. */
  preferredUsername: z.string().min(1).optional(),
  /** E.164 phone number (+819012345678); SMS MFA codes go to <data>/codes.log. */
  phoneNumber: z
    .string()
    .regex(/^\+\d{4,15}$/)
    .optional(),
  /** SMS MFA turned on (and preferred unless TOTP is); needs phoneNumber. */
  smsMfa: z.boolean().default(false),
});
export type UserSetup = z.infer<typeof UserSetup>;

/** Cognito's PasswordPolicyType; the defaults are Cognito's own. */
export const PasswordPolicySetup = z.object({
  minimumLength: z.number().int().min(6).max(99).default(8),
  requireUppercase: z.boolean().default(true),
  requireLowercase: z.boolean().default(true),
  requireNumbers: z.boolean().default(true),
  requireSymbols: z.boolean().default(true),
  temporaryPasswordValidityDays: z.number().int().min(1).max(365).default(7),
});

/** A user of a built-in company identity provider: signs in there, never with the pool's password. */
export const CompanyIdpUserSetup = z.object({
  /** What the user types on the provider's sign-in page. */
  username: z.string().min(1),
  password: z.string().min(1),
  /** The provider's stable subject; derived from the username when omitted. */
  sub: z.string().min(1).optional(),
  email: z.string().email().optional(),
  name: z.string().min(1).optional(),
});
export type CompanyIdpUserSetup = z.infer<typeof CompanyIdpUserSetup>;

/**
 * An OIDC identity provider of the pool (CreateIdentityProvider, ProviderType OIDC). The stand-in
 * serves the provider itself too, on an origin of its own, with these users, so federation runs
 * offline exactly as an OIDC relying party would see it.
 */
export const FederatedProviderSetup = z.object({
  /** ProviderName: what identity_provider names and what federated usernames start with. */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{1,31}$/, 'letters, digits, . and -, 2-32'),
  type: z.literal('OIDC').default('OIDC'),
  /** AttributeMapping: user pool attribute ← the provider's claim. */
  attributeMapping: z
    .record(z.string(), z.string())
    .default({ email: 'email', name: 'name', username: 'sub' }),
  /** Scopes Cognito asks the provider for (authorize_scopes). */
  authorizeScopes: z.array(z.string()).default(['openid', 'email', 'profile']),
  users: z.array(CompanyIdpUserSetup).default([]),
});
export type FederatedProviderSetup = z.infer<typeof FederatedProviderSetup>;

/** Attributes a pool can take as the username instead of one the user picks (UsernameAttributes). */
export const UsernameAttribute = z.enum(['email', 'phone_number']);
export type UsernameAttribute = z.infer<typeof UsernameAttribute>;
/** Attributes a user may sign in with besides their username (AliasAttributes). */
export const AliasAttribute = z.enum(['email', 'phone_number', 'preferred_username']);
export type AliasAttribute = z.infer<typeof AliasAttribute>;

export const UserPoolSetup = z.object({
  name: z.string().min(1),
  /**
   * Sign in by email (or phone number) instead of a username: each user's username is then a
   * generated UUID (their sub), and a setup user's `username` is the email they type.
   */
  usernameAttributes: z.array(UsernameAttribute).default([]),
  /** Users keep a username and may also sign in with these (email and phone once verified). */
  aliasAttributes: z.array(AliasAttribute).default([]),
  /** Fixed pool ID such as ap-northeast-1_AbCdEfGhI; generated once and persisted when omitted. */
  id: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d_[A-Za-z0-9]+$/)
    .optional(),
  mfaConfiguration: z.enum(['OFF', 'OPTIONAL', 'ON']).default('OPTIONAL'),
  passwordPolicy: PasswordPolicySetup.default(PasswordPolicySetup.parse({})),
  clients: z.array(AppClientSetup).min(1),
  groups: z.array(GroupSetup).default([]),
  users: z.array(UserSetup).default([]),
  /** Managed login's domain prefix (<prefix>.auth.<region>.amazoncognito.com); none when omitted. */
  domain: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/)
    .optional(),
  identityProviders: z.array(FederatedProviderSetup).default([]),
});
export type UserPoolSetup = z.infer<typeof UserPoolSetup>;

export const IdentityProviderSetup = z.object({
  /** Name (or ID) of a user pool in this setup. */
  userPool: z.string().min(1),
  /** Client names (or IDs) whose tokens this provider accepts; all the pool's clients when omitted. */
  clients: z.array(z.string()).optional(),
});

export const IdentityPoolSetup = z.object({
  name: z.string().min(1),
  id: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]{36}$/)
    .optional(),
  allowUnauthenticatedIdentities: z.boolean().default(false),
  providers: z.array(IdentityProviderSetup).min(1),
  roles: z
    .object({
      authenticated: z.string().optional(),
      unauthenticated: z.string().optional(),
    })
    .default({}),
  /** "Choose role from token": cognito:preferred_role / cognito:roles decide the role. */
  roleMapping: z
    .object({
      type: z.literal('Token'),
      ambiguousRoleResolution: z.enum(['AuthenticatedRole', 'Deny']).default('AuthenticatedRole'),
    })
    .optional(),
  credentialLifetimeSeconds: Duration.default(3600),
});
export type IdentityPoolSetup = z.infer<typeof IdentityPoolSetup>;

export * from './access-schema';

export const FaultSetup = z.object({
  /** Added to every response, in milliseconds. */
  latencyMs: z.number().int().nonnegative().default(0),
  /** Fraction (0..1) of UploadPart requests that fail with failureStatus. */
  uploadPartFailureRate: z.number().min(0).max(1).default(0),
  failureStatus: z.union([z.literal(500), z.literal(503)]).default(503),
  /** Fraction (0..1) of UploadPart requests whose connection is reset after resetAfterBytes. */
  uploadPartResetRate: z.number().min(0).max(1).default(0),
  resetAfterBytes: z
    .number()
    .int()
    .nonnegative()
    .default(64 * 1024),
  /** Caps every issued credential lifetime (seconds), overriding the identity pool's setting. */
  credentialLifetimeSeconds: Duration.optional(),
  /** Caps ID and access token lifetimes (seconds). */
  tokenLifetimeSeconds: Duration.optional(),
  /** Caps how long a sign-in challenge Session stays answerable (Cognito: 3 minutes). */
  challengeSessionSeconds: Duration.optional(),
  /** Caps how long a managed-login authorization code stays redeemable (Cognito: 5 minutes). */
  authorizationCodeSeconds: Duration.optional(),
  /**
   * How conditional writes (If-None-Match / If-Match on PutObject and CompleteMultipartUpload)
   * are treated: as S3 does ('honour'), or as some S3-compatible services do, ignoring the
   * header ('ignore') or refusing it with 501 ('notImplemented'), so fallbacks can be tested.
   */
  conditionalWrites: z.enum(['honour', 'ignore', 'notImplemented']).default('honour'),
  /**
   * Whether an upload sent without a checksum gets S3's default full-object CRC64NVME ('crc64nvme',
   * as S3 since December 2024) or none ('none', as S3 before it and many S3-compatible services).
   * The bench turns it off: S3 computes it on its own servers, while here it would bill every
   * client that sends no checksum for CPU on the machine the clients run on.
   */
  defaultChecksums: z.enum(['crc64nvme', 'none']).default('crc64nvme'),
  /** Seed for the fault dice, so a failing run can be replayed. */
  seed: z.number().int().default(1),
});
export type FaultSetup = z.infer<typeof FaultSetup>;

/** The whole setup file: everything the stand-in serves when it starts on an empty data folder. */
export const LocalAwsSetup = z.object({
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
    .default('ap-northeast-1'),
  accountId: z
    .string()
    .regex(/^\d{12}$/)
    .default('000000000000'),
  userPools: z
    .array(
      // Cognito refuses a pool with both: "Only one of aliasAttributes or usernameAttributes can be set".
      UserPoolSetup.refine((p) => !(p.usernameAttributes.length && p.aliasAttributes.length), {
        message: 'usernameAttributes and aliasAttributes are mutually exclusive',
      }),
    )
    .min(1),
  identityPools: z.array(IdentityPoolSetup).default([]),
  roles: z.array(RoleSetup).default([]),
  buckets: z.array(BucketSetup).default([]),
  accessPoints: z.array(AccessPointSetup).default([]),
  faults: FaultSetup.default(FaultSetup.parse({})),
});
export type LocalAwsSetup = z.infer<typeof LocalAwsSetup>;
