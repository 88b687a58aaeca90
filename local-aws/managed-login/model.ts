import type { CompanyIdpState } from '../company-idp/model';
import type { OAuthScope } from '../setup/schema';

/** An app client's managed-login settings (AllowedOAuthFlows, CallbackURLs and the rest). */
export interface OAuthClientSettings {
  flows: 'code'[];
  scopes: OAuthScope[];
  callbackUrls: string[];
  logoutUrls: string[];
  /** 'COGNITO' and names of the pool's federated providers. */
  identityProviders: string[];
}

/** A pool's OIDC identity provider (DescribeIdentityProvider), with the built-in IdP behind it. */
export interface FederatedProviderState {
  name: string;
  type: 'OIDC';
  /** User pool attribute ← the provider's claim. */
  attributeMapping: Record<string, string>;
  authorizeScopes: string[];
  builtIn: CompanyIdpState;
}

/** The link a federated user keeps to the provider account it came from (the identities attribute). */
export interface FederatedIdentity {
  providerName: string;
  providerType: 'OIDC';
  /** The provider's sub. */
  userId: string;
  issuer: string;
  /** Epoch milliseconds. */
  dateCreated: number;
}
