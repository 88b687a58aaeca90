import type { LocalAwsContext } from '../context';
import { operation, type JsonOperation } from '../http/json-protocol';
import { amrFor } from './amr';
import { issueCredentials } from './credentials';
import { identityForbidden, unauthenticatedNotSupported } from './errors';
import {
  createGuestIdentity,
  identityForLogins,
  linkGuestIdentity,
  requireIdentity,
  requirePool,
} from './identities';
import { verifyLogins } from './login-token';
import type { IdentityPoolState } from './model';
import { chooseAuthenticatedRole, chooseGuestRole, requireAssumableRole } from './roles';
import { GetCredentialsForIdentityInput, GetIdInput, IdentityPoolIdInput } from './schemas';
import { requireSigV4 } from './signed-request';

const hasLogins = (logins: Record<string, string> | undefined): logins is Record<string, string> =>
  logins !== undefined && Object.keys(logins).length > 0;

function describePool(pool: IdentityPoolState) {
  return {
    IdentityPoolId: pool.id,
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: pool.allowUnauthenticatedIdentities,
    AllowClassicFlow: false,
    CognitoIdentityProviders: pool.providers.flatMap((provider) =>
      provider.clientIds.map((ClientId) => ({
        ProviderName: provider.providerName,
        ClientId,
        ServerSideTokenCheck: false,
      })),
    ),
    IdentityPoolTags: {},
  };
}

function poolRoles(pool: IdentityPoolState) {
  const { roleMapping } = pool;
  return {
    IdentityPoolId: pool.id,
    Roles: { ...pool.roles },
    ...(roleMapping
      ? {
          RoleMappings: Object.fromEntries(
            pool.providers.flatMap((provider) =>
              provider.clientIds.map((clientId) => [
                `${provider.providerName}:${clientId}`,
                {
                  Type: roleMapping.type,
                  AmbiguousRoleResolution: roleMapping.ambiguousRoleResolution,
                },
              ]),
            ),
          ),
        }
      : {}),
  };
}

/** The AWSCognitoIdentityService operations, by name. */
export function cognitoIdentityOperations(ctx: LocalAwsContext): Record<string, JsonOperation> {
  return {
    GetId: operation(GetIdInput, async (input) => {
      const pool = requirePool(ctx, input.IdentityPoolId);
      if (!hasLogins(input.Logins)) {
        if (!pool.allowUnauthenticatedIdentities) throw unauthenticatedNotSupported();
        return { IdentityId: createGuestIdentity(ctx, pool).identityId };
      }
      const logins = await verifyLogins(ctx, pool, input.Logins);
      return { IdentityId: identityForLogins(ctx, pool, logins).identityId };
    }),

    GetCredentialsForIdentity: operation(GetCredentialsForIdentityInput, async (input) => {
      const { pool, identity } = requireIdentity(ctx, input.IdentityId);
      let roleArn: string;
      if (!hasLogins(input.Logins)) {
        if (!pool.allowUnauthenticatedIdentities) throw unauthenticatedNotSupported();
        // A signed-in identity cannot be used as a guest: that would bypass its logins.
        if (Object.keys(identity.logins).length > 0) throw identityForbidden(identity.identityId);
        roleArn = chooseGuestRole(pool);
      } else {
        const logins = await verifyLogins(ctx, pool, input.Logins);
        const owned = logins.find((login) => identity.logins[login.providerName] === login.sub);
        if (!owned && !linkGuestIdentity(ctx, pool, identity, logins))
          throw identityForbidden(identity.identityId);
        roleArn = chooseAuthenticatedRole(pool, owned ?? logins[0], input.CustomRoleArn);
      }
      const amr = amrFor(identity);
      const session = { identityPoolId: pool.id, identityId: identity.identityId, amr };
      await requireAssumableRole(ctx, roleArn, session);
      const issued = issueCredentials(ctx, pool, { identityId: identity.identityId, roleArn, amr });
      return {
        IdentityId: identity.identityId,
        Credentials: {
          AccessKeyId: issued.accessKeyId,
          SecretKey: issued.secretAccessKey,
          SessionToken: issued.sessionToken,
          // JSON 1.1 timestamps are epoch seconds.
          Expiration: issued.expiration / 1000,
        },
      };
    }),

    DescribeIdentityPool: operation(IdentityPoolIdInput, (input, req) => {
      requireSigV4(req);
      return describePool(requirePool(ctx, input.IdentityPoolId));
    }),

    GetIdentityPoolRoles: operation(IdentityPoolIdInput, (input, req) => {
      requireSigV4(req);
      return poolRoles(requirePool(ctx, input.IdentityPoolId));
    }),
  };
}
