import {
  CfnIdentityPool,
  CfnIdentityPoolRoleAttachment,
  type UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { PolicyDocument, Role, WebIdentityPrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { authenticatedTrustPolicy, userPolicy } from '../policy/user-policy';
import type { GroupProps, HakobuBackendProps } from '../props';
import type { HakobuUserPool } from './user-pool';

/** Builds a role Cognito Identity may hand to this pool's signed-in users, with the user policy. */
function userRole(
  scope: Construct,
  id: string,
  identityPoolId: string,
  bucketArn: string,
  sharedPrefixes: readonly string[],
): Role {
  const trust = authenticatedTrustPolicy(identityPoolId);
  const statement = trust.Statement[0];
  const role = new Role(scope, id, {
    description: 'Hakobu: a signed-in user, limited to their own folder',
    assumedBy: new WebIdentityPrincipal('cognito-identity.amazonaws.com', statement?.Condition),
    inlinePolicies: {
      HakobuUserFolder: PolicyDocument.fromJson(userPolicy(bucketArn, sharedPrefixes)),
    },
  });
  // The trust policy comes verbatim from the policy module, the one source local-aws checks too.
  (role.node.defaultChild as CfnRole).assumeRolePolicyDocument = trust;
  return role;
}

/**
 * The identity pool that turns a user pool sign-in into temporary AWS keys: no guest identities,
 * one authenticated role, and optionally one role per group chosen from the ID token.
 *
 * The L1 resources are used on purpose: the L2 IdentityPool always creates an unauthenticated
 * role, and Hakobu must have none.
 */
export class HakobuIdentityPool extends Construct {
  readonly identityPool: CfnIdentityPool;
  readonly authenticatedRole: Role;
  readonly groupRoles = new Map<string, Role>();

  constructor(
    scope: Construct,
    id: string,
    users: HakobuUserPool,
    clients: readonly UserPoolClient[],
    bucketArn: string,
    props: HakobuBackendProps,
  ) {
    super(scope, id);
    const pool: UserPool = users.pool;
    this.identityPool = new CfnIdentityPool(this, 'Pool', {
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      // The desktop client and, with SSO, the managed-login client: only their ID tokens get keys.
      cognitoIdentityProviders: clients.map((client) => ({
        providerName: pool.userPoolProviderName,
        clientId: client.userPoolClientId,
        // Cognito Identity asks the user pool, so a revoked or signed-out token gets no keys.
        serverSideTokenCheck: true,
      })),
    });
    const poolId = this.identityPool.ref;
    const baseShared = props.sharedReadOnly.map((s) => s.prefix);
    this.authenticatedRole = userRole(this, 'AuthenticatedRole', poolId, bucketArn, baseShared);

    if (props.chooseRoleFromToken) {
      props.groups.forEach((group: GroupProps, index) => {
        const shared = [...baseShared, ...group.sharedReadOnly.map((s) => s.prefix)];
        const role = userRole(this, `GroupRole${index}`, poolId, bucketArn, shared);
        this.groupRoles.set(group.name, role);
        const cfnGroup = users.groups.get(group.name);
        if (cfnGroup) cfnGroup.roleArn = role.roleArn;
      });
    }

    new CfnIdentityPoolRoleAttachment(this, 'Roles', {
      identityPoolId: poolId,
      roles: { authenticated: this.authenticatedRole.roleArn },
      ...(props.chooseRoleFromToken
        ? {
            // A map key cannot be a token, so the provider goes in identityProvider instead.
            roleMappings: Object.fromEntries(
              clients.map((client, index) => [
                `client${index}`,
                {
                  identityProvider: `${pool.userPoolProviderName}:${client.userPoolClientId}`,
                  type: 'Token',
                  ambiguousRoleResolution: 'Deny',
                },
              ]),
            ),
          }
        : {}),
    });
  }
}
