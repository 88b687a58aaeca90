import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { RoleState } from '../cognito-identity/model';
import type { LocalAwsContext } from '../context';

/** Who asks to assume a role: Cognito Identity on behalf of one identity of one pool. */
export interface WebIdentityAssumption {
  identityPoolId: string;
  identityId: string;
  amr: readonly string[];
}

/**
 * Whether the role's trust policy lets cognito-identity.amazonaws.com assume it for this identity
 * (sts:AssumeRoleWithWebIdentity with aud = pool ID and the session's amr), as STS decides it.
 */
export async function roleTrustsCognitoIdentity(
  ctx: LocalAwsContext,
  role: RoleState,
  assumption: WebIdentityAssumption,
): Promise<boolean> {
  if (!role.trustPolicy || typeof role.trustPolicy !== 'object') return false;
  const result = await runSimulation(
    {
      request: {
        principal: 'cognito-identity.amazonaws.com',
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: { resource: role.arn, accountId: ctx.state.accountId },
        contextVariables: {
          'cognito-identity.amazonaws.com:aud': assumption.identityPoolId,
          'cognito-identity.amazonaws.com:sub': assumption.identityId,
          'cognito-identity.amazonaws.com:amr': [...assumption.amr],
        },
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: role.trustPolicy,
    },
    {},
  );
  // A trust policy iam-simulate cannot even read is one STS would refuse too.
  return result.resultType !== 'error' && result.overallResult === 'Allowed';
}
