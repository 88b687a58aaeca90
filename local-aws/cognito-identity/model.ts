import type { PolicyDocument } from '../setup/schema';

export interface IdentityProviderState {
  /** cognito-idp.<region>.amazonaws.com/<userPoolId> */
  providerName: string;
  userPoolId: string;
  clientIds: string[];
}

export interface IdentityState {
  identityId: string;
  /** Provider name → the token's sub it was created for. */
  logins: Record<string, string>;
  createdAt: number;
}

export interface IdentityPoolState {
  id: string;
  name: string;
  allowUnauthenticatedIdentities: boolean;
  providers: IdentityProviderState[];
  roles: { authenticated?: string; unauthenticated?: string };
  roleMapping?: { type: 'Token'; ambiguousRoleResolution: 'AuthenticatedRole' | 'Deny' };
  credentialLifetimeSeconds: number;
  /** Keyed by identity ID (<region>:<uuid>). */
  identities: Record<string, IdentityState>;
}

export interface RoleState {
  arn: string;
  trustPolicy?: unknown;
  policy: PolicyDocument;
}

/** Temporary credentials handed out by GetCredentialsForIdentity, as S3 will look them up. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
  identityId: string;
  identityPoolId: string;
  roleArn: string;
  /** The session's amr as issued (auth type, then providers); derived from the identity when absent. */
  amr?: string[];
}
