import type { GetIdentityPoolRolesCommandOutput } from '@aws-sdk/client-cognito-identity';
import type { HakobuConfig } from '../../config';
import type { IdTokenFacts } from '../probes/id-token';
import { loginProviderName } from '../probes/services';

/** What decides the role, as far as doctor can see it. */
export interface RoleFacts {
  config: HakobuConfig;
  claims: IdTokenFacts;
  /** GetIdentityPoolRoles, when administrator credentials were given. */
  poolRoles: GetIdentityPoolRolesCommandOutput | undefined;
}

/** The role Cognito picks (or would pick) for this user, and why. */
export interface RoleChoice {
  roleArn: string | undefined;
  /** "customRoleArn", "token" (a group's role), "pool" (the authenticated role), or a guess. */
  source: 'customRoleArn' | 'token' | 'pool' | 'tokenOrPool' | 'unknown';
  /** Plain words for the report. */
  words: string;
}

/** The role the token offers: the preferred role, or the only one. */
function tokenRole(claims: IdTokenFacts): string | undefined {
  return claims.preferredRole ?? (claims.roles.length === 1 ? claims.roles[0] : undefined);
}

function usesTokenRoles(facts: RoleFacts): boolean {
  const key = `${loginProviderName(facts.config)}:${facts.config.clientId}`;
  return facts.poolRoles?.RoleMappings?.[key]?.Type === 'Token';
}

/** Works out which role is in play, from the config, the token's claims and (if known) the pool's roles. */
export function chooseRole(facts: RoleFacts): RoleChoice {
  const { config, claims, poolRoles } = facts;
  if (config.customRoleArn) {
    return {
      roleArn: config.customRoleArn,
      source: 'customRoleArn',
      words: `${config.customRoleArn} (customRoleArn in the config)`,
    };
  }
  const fromToken = tokenRole(claims);
  if (poolRoles) {
    if (usesTokenRoles(facts) && fromToken) {
      return {
        roleArn: fromToken,
        source: 'token',
        words: `${fromToken} (chosen from the token: the role of the user's group)`,
      };
    }
    const authenticated = poolRoles.Roles?.authenticated;
    return {
      roleArn: authenticated,
      source: 'pool',
      words: authenticated
        ? `${authenticated} (the identity pool's authenticated role)`
        : 'none (the identity pool has no authenticated role)',
    };
  }
  if (fromToken) {
    return {
      roleArn: fromToken,
      source: 'tokenOrPool',
      words:
        `${fromToken} if the identity pool chooses the role from the token (the user's group ` +
        "role), otherwise the identity pool's authenticated role",
    };
  }
  return {
    roleArn: undefined,
    source: 'unknown',
    words:
      "the identity pool's authenticated role (its ARN can only be read with administrator " +
      'credentials or in the Cognito console)',
  };
}

/** The trust policy every role given out by the identity pool needs, in words an admin can paste. */
export function trustPolicyNeeded(identityPoolId: string, subject = 'Its'): string {
  return (
    `${subject} trust policy must allow "sts:AssumeRoleWithWebIdentity" for the principal ` +
    '{"Federated": "cognito-identity.amazonaws.com"} with the conditions ' +
    `"StringEquals": {"cognito-identity.amazonaws.com:aud": "${identityPoolId}"} and ` +
    '"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}.'
  );
}

/** Which of the three InvalidIdentityPoolConfigurationException causes applies (pitfall S8). */
export type PoolConfigurationCause =
  | { kind: 'noRoleAssigned' }
  | { kind: 'tokenRoleUnusable'; roleArn: string; source: 'customRoleArn' | 'token' }
  | { kind: 'trustPolicy'; roleArn: string }
  | { kind: 'undetermined'; choice: RoleChoice };

/** Names the cause as precisely as the facts allow. */
export function diagnosePoolConfiguration(facts: RoleFacts): PoolConfigurationCause {
  const choice = chooseRole(facts);
  if ((choice.source === 'customRoleArn' || choice.source === 'token') && choice.roleArn) {
    return { kind: 'tokenRoleUnusable', roleArn: choice.roleArn, source: choice.source };
  }
  if (choice.source === 'pool') {
    return choice.roleArn
      ? { kind: 'trustPolicy', roleArn: choice.roleArn }
      : { kind: 'noRoleAssigned' };
  }
  return { kind: 'undetermined', choice };
}
