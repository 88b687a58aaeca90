import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { companyUserFromSetup } from '../company-idp/users';
import type { AppClientSetup, FederatedProviderSetup, UserPoolSetup } from '../setup/schema';
import { newClientId, newClientSecret } from '../state/ids';
import type { FederatedProviderState, OAuthClientSettings } from './model';

/** The provider name of the pool's own users in SupportedIdentityProviders. */
export const COGNITO_PROVIDER = 'COGNITO';

/**
 * A client's managed-login settings, checked as CreateUserPoolClient does: a code grant needs
 * callback URLs, and every supported provider must be COGNITO or one of the pool's.
 */
export function oauthSettingsFromSetup(
  pool: UserPoolSetup,
  client: AppClientSetup,
): OAuthClientSettings | undefined {
  // A client with callback URLs but no flow stays known to managed login, which then refuses it
  // with unauthorized_client, as Cognito does.
  if (client.allowedOAuthFlows.length === 0 && client.callbackUrls.length === 0) return undefined;
  const where = `user pool ${pool.name}: client ${client.name}`;
  if (client.callbackUrls.length === 0)
    throw new Error(`${where}: allowedOAuthFlows needs at least one callbackUrls entry`);
  const known = new Set([COGNITO_PROVIDER, ...pool.identityProviders.map((p) => p.name)]);
  for (const name of client.supportedIdentityProviders) {
    if (!known.has(name))
      throw new Error(
        `${where}: supportedIdentityProviders names ${name}, which is neither COGNITO nor one of the pool's identityProviders`,
      );
  }
  return {
    flows: [...client.allowedOAuthFlows],
    scopes: [...client.allowedOAuthScopes],
    callbackUrls: [...client.callbackUrls],
    logoutUrls: [...client.logoutUrls],
    identityProviders: [...client.supportedIdentityProviders],
  };
}

/** A pool's OIDC provider with its built-in IdP: users, a signing key, Cognito's client there. */
export function federatedProviderFromSetup(setup: FederatedProviderSetup): FederatedProviderState {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    name: setup.name,
    type: setup.type,
    attributeMapping: { ...setup.attributeMapping },
    authorizeScopes: [...setup.authorizeScopes],
    builtIn: {
      users: setup.users.map(companyUserFromSetup),
      signingKey: {
        kid: randomUUID(),
        privateJwk: privateKey.export({ format: 'jwk' }) as Record<string, unknown>,
      },
      clientId: newClientId(),
      clientSecret: newClientSecret(),
    },
  };
}
