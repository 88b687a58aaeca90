import type {
  FederatedIdentity,
  FederatedProviderState,
  OAuthClientSettings,
} from '../managed-login/model';
import type { AliasAttribute, ExplicitAuthFlow, UsernameAttribute } from '../setup/schema';

/** What is stored for a password: never the password itself. */
export interface PasswordRecord {
  /** scrypt hash for USER_PASSWORD_AUTH and ChangePassword. */
  scryptSalt: string;
  scryptHash: string;
  /** SRP-6a salt and verifier (hex), computed as Cognito does from pool name, username and password. */
  srpSalt: string;
  srpVerifier: string;
}

/** The two MFA methods a user can turn on. */
export type MfaMethod = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';

/** EXTERNAL_PROVIDER: created by federation; the (random) password can never be typed. */
export type UserStatus =
  'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

/** A one-time code the user was sent (ForgotPassword), stored hashed. */
export interface PendingCode {
  purpose: 'forgot-password';
  /** SHA-256 of the code, hex. */
  hash: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface UserState {
  username: string;
  sub: string;
  email?: string;
  /** Absent means verified: users from the setup file count as verified. */
  emailVerified?: boolean;
  phoneNumber?: string;
  phoneNumberVerified?: boolean;
  /** Any other attribute (name, locale, custom:*), exactly as AdminCreateUser received it. */
  attributes?: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  password: PasswordRecord;
  /** Epoch milliseconds after which a temporary (FORCE_CHANGE_PASSWORD) password stops working. */
  temporaryPasswordExpiresAt?: number;
  groups: string[];
  /** Enrolled TOTP secret (base32). */
  totpSecret?: string;
  /** Secret handed out by AssociateSoftwareToken, awaiting VerifySoftwareToken. */
  pendingTotpSecret?: string;
  /** MFA methods turned on; when absent, the preferred method alone counts as on. */
  enabledMfa?: MfaMethod[];
  preferredMfa?: MfaMethod;
  pendingCode?: PendingCode;
  /** Set on a user federation created: the provider account (the identities attribute). */
  federation?: FederatedIdentity;
  /** Tokens issued before this (epoch seconds) are revoked: GlobalSignOut. */
  tokensValidAfter?: number;
  createdAt: number;
  updatedAt: number;
}

export interface AppClientState {
  clientId: string;
  name: string;
  clientSecret?: string;
  explicitAuthFlows: ExplicitAuthFlow[];
  idTokenValiditySeconds: number;
  accessTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  refreshTokenRotation: boolean;
  /** Managed login settings; absent on clients without OAuth flows. */
  oauth?: OAuthClientSettings;
}

export interface GroupState {
  name: string;
  roleArn?: string;
  precedence?: number;
}

export interface RefreshTokenState {
  clientId: string;
  username: string;
  /** The sign-in this token belongs to; every ID and access token minted from it carries it. */
  originJti?: string;
  /** auth_time (epoch seconds) of that sign-in, repeated in refreshed tokens. */
  authTime?: number;
  issuedAt: number;
  expiresAt: number;
  /** RevokeToken, GlobalSignOut or an admin action: the tokens of this sign-in are dead too. */
  revoked: boolean;
  /** Rotated out by GetTokensFromRefreshToken; the sign-in lives on under the new token. */
  replaced?: boolean;
  /** OAuth scopes granted at managed login, repeated in every refreshed access token. */
  scopes?: string[];
}

export interface SigningKey {
  kid: string;
  /** Private RSA key as a JWK; the public half is served at /<poolId>/.well-known/jwks.json. */
  privateJwk: Record<string, unknown>;
}

/** Cognito's PasswordPolicyType, in the stand-in's spelling. */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  temporaryPasswordValidityDays: number;
}

export interface UserPoolState {
  id: string;
  name: string;
  /** Users sign in by these instead of a username, which is then their sub; absent means none. */
  usernameAttributes?: UsernameAttribute[];
  /** Further names a user may sign in with (email and phone only once verified). */
  aliasAttributes?: AliasAttribute[];
  mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  /** Cognito's default policy applies when absent. */
  passwordPolicy?: PasswordPolicy;
  signingKey: SigningKey;
  clients: Record<string, AppClientState>;
  groups: Record<string, GroupState>;
  /** Keyed by username (the sub, in a pool with usernameAttributes). */
  users: Record<string, UserState>;
  /** Managed login's domain prefix; managed login is served only for a pool with one. */
  domain?: string;
  /** OIDC providers users can federate from, by ProviderName. */
  identityProviders?: Record<string, FederatedProviderState>;
  /** Keyed by the SHA-256 (hex) of the opaque refresh token, so state.json holds no live token. */
  refreshTokens: Record<string, RefreshTokenState>;
}
