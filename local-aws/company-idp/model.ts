import type { SigningKey } from '../cognito-idp/model';

/** A user of the built-in company IdP, as persisted: the password only as a scrypt hash. */
export interface CompanyIdpUserState {
  username: string;
  sub: string;
  email?: string;
  name?: string;
  passwordSalt: string;
  passwordHash: string;
}

/** The company IdP's side of a federation: its users, its signing key and the client Cognito is. */
export interface CompanyIdpState {
  users: CompanyIdpUserState[];
  signingKey: SigningKey;
  /** The OIDC client Cognito is registered as at this IdP (client_secret_post). */
  clientId: string;
  clientSecret: string;
}
