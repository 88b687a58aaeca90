import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { IdentityPoolState, RoleState } from '../cognito-identity/model';
import type { AppClientState, UserPoolState } from '../cognito-idp/model';
import { federatedProviderFromSetup, oauthSettingsFromSetup } from '../managed-login/bootstrap';
import { authenticatedTrustPolicy } from '../setup/default-setup';
import type { LocalAwsSetup } from '../setup/schema';
import { newClientId, newClientSecret, newRegionalUuid, newUserPoolId } from './ids';
import type { LocalAwsState } from './model';
import { accessPointsFromSetup } from './setup-access-points';
import { addSetupUsers } from './setup-users';

function signingKey(): UserPoolState['signingKey'] {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid: randomUUID(),
    privateJwk: privateKey.export({ format: 'jwk' }) as Record<string, unknown>,
  };
}

/** Turns a validated setup into the initial persisted state, generating every ID once. */
export function bootstrapState(setup: LocalAwsSetup, now = Date.now()): LocalAwsState {
  const { region } = setup;
  const userPools: Record<string, UserPoolState> = {};
  const poolIdByName = new Map<string, string>();
  const clientIdByName = new Map<string, string>();

  for (const pool of setup.userPools) {
    const id = pool.id ?? newUserPoolId(region);
    poolIdByName.set(pool.name, id).set(id, id);
    const clients: Record<string, AppClientState> = {};
    for (const client of pool.clients) {
      const oauth = oauthSettingsFromSetup(pool, client);
      const clientId = client.id ?? newClientId();
      clientIdByName.set(`${id}/${client.name}`, clientId).set(`${id}/${clientId}`, clientId);
      clients[clientId] = {
        clientId,
        name: client.name,
        ...(client.generateSecret ? { clientSecret: newClientSecret() } : {}),
        explicitAuthFlows: client.explicitAuthFlows,
        idTokenValiditySeconds: client.idTokenValiditySeconds,
        accessTokenValiditySeconds: client.accessTokenValiditySeconds,
        refreshTokenValiditySeconds: client.refreshTokenValiditySeconds,
        refreshTokenRotation: client.refreshTokenRotation,
        ...(oauth ? { oauth } : {}),
      };
    }
    const poolState: UserPoolState = {
      id,
      name: pool.name,
      ...(pool.usernameAttributes.length ? { usernameAttributes: pool.usernameAttributes } : {}),
      ...(pool.aliasAttributes.length ? { aliasAttributes: pool.aliasAttributes } : {}),
      mfaConfiguration: pool.mfaConfiguration,
      passwordPolicy: { ...pool.passwordPolicy },
      signingKey: signingKey(),
      clients,
      groups: Object.fromEntries(pool.groups.map((g) => [g.name, { ...g }])),
      users: {},
      refreshTokens: {},
      ...(pool.domain ? { domain: pool.domain } : {}),
      ...(pool.identityProviders.length
        ? {
            identityProviders: Object.fromEntries(
              pool.identityProviders.map((p) => [p.name, federatedProviderFromSetup(p)]),
            ),
          }
        : {}),
    };
    addSetupUsers(poolState, pool.users, now);
    userPools[id] = poolState;
  }

  const identityPools: Record<string, IdentityPoolState> = {};
  const trustByRole = new Map<string, unknown>();
  for (const pool of setup.identityPools) {
    const id = pool.id ?? newRegionalUuid(region);
    const providers = pool.providers.map((p) => {
      const userPoolId = poolIdByName.get(p.userPool);
      if (!userPoolId)
        throw new Error(`identity pool ${pool.name}: unknown user pool ${p.userPool}`);
      const clientIds = p.clients
        ? p.clients.map((c) => {
            const clientId = clientIdByName.get(`${userPoolId}/${c}`);
            if (!clientId) throw new Error(`identity pool ${pool.name}: unknown client ${c}`);
            return clientId;
          })
        : Object.keys(userPools[userPoolId]?.clients ?? {});
      return {
        providerName: `cognito-idp.${region}.amazonaws.com/${userPoolId}`,
        userPoolId,
        clientIds,
      };
    });
    identityPools[id] = {
      id,
      name: pool.name,
      allowUnauthenticatedIdentities: pool.allowUnauthenticatedIdentities,
      providers,
      roles: { ...pool.roles },
      ...(pool.roleMapping ? { roleMapping: pool.roleMapping } : {}),
      credentialLifetimeSeconds: pool.credentialLifetimeSeconds,
      identities: {},
    };
    for (const arn of Object.values(pool.roles)) {
      if (arn && !trustByRole.has(arn)) trustByRole.set(arn, authenticatedTrustPolicy(id));
    }
  }

  const roles: Record<string, RoleState> = {};
  for (const role of setup.roles) {
    roles[role.arn] = {
      arn: role.arn,
      trustPolicy: role.trustPolicy ?? trustByRole.get(role.arn),
      policy: role.policy,
    };
  }

  const demo = setup.userPools[0]?.users[0];
  const demoFederatedUsers = (setup.userPools[0]?.identityProviders ?? []).flatMap((p) =>
    p.users.map((u) => ({
      provider: p.name,
      username: u.username,
      password: u.password,
      ...(u.email ? { email: u.email } : {}),
    })),
  );
  return {
    version: 1,
    region,
    accountId: setup.accountId,
    userPools,
    identityPools,
    roles,
    credentials: {},
    buckets: Object.fromEntries(
      setup.buckets.map((b) => [
        b.name,
        {
          name: b.name,
          createdAt: now,
          ...(b.policy ? { policy: b.policy } : {}),
          ...(b.objects.length ? { seedObjects: b.objects } : {}),
        },
      ]),
    ),
    accessPoints: accessPointsFromSetup(setup, now),
    faults: setup.faults,
    ...(demo ? { demoUser: { username: demo.username, password: demo.password } } : {}),
    ...(demoFederatedUsers.length ? { demoFederatedUsers } : {}),
  };
}
