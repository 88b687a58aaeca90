import type { ExplicitAuthFlow } from '../setup/schema';

/** What is stored for a password: never the password itself. */
export interface PasswordRecord {
  /** scrypt hash for USER_PASSWORD_AUTH and ChangePassword. */
  scryptSalt: string;
  scryptHash: string;
  /** SRP-6a salt and verifier (hex), computed as Cognito does from pool name, username and password. */
  srpSalt: string;
  srpVerifier: string;
}

export interface UserState {
  username: string;
  sub: string;
  email?: string;
  phoneNumber?: string;
  status: 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED' | 'RESET_REQUIRED';
  enabled: boolean;
  password: PasswordRecord;
  groups: string[];
  /** Enrolled TOTP secret (base32). */
  totpSecret?: string;
  /** Secret handed out by AssociateSoftwareToken, awaiting VerifySoftwareToken. */
  pendingTotpSecret?: string;
  preferredMfa?: 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';
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
}

export interface GroupState {
  name: string;
  roleArn?: string;
  precedence?: number;
}

export interface RefreshTokenState {
  clientId: string;
  username: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface SigningKey {
  kid: string;
  /** Private RSA key as a JWK; the public half is served at /<poolId>/.well-known/jwks.json. */
  privateJwk: Record<string, unknown>;
}

export interface UserPoolState {
  id: string;
  name: string;
  mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  signingKey: SigningKey;
  clients: Record<string, AppClientState>;
  groups: Record<string, GroupState>;
  /** Keyed by username. */
  users: Record<string, UserState>;
  /** Keyed by the opaque refresh token string. */
  refreshTokens: Record<string, RefreshTokenState>;
}
