import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleTrustsCognitoIdentity } from '../../../local-aws/iam/trust';
import {
  AUTHENTICATED_ROLE_ARN,
  authenticatedTrustPolicy,
} from '../../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(() => la.dispose());

const identityId = 'ap-northeast-1:11111111-2222-3333-4444-555555555555';

describe('roleTrustsCognitoIdentity', () => {
  it('accepts the trust policy Cognito needs, for this pool and authenticated sessions', async () => {
    const role = la.context.state.roles[AUTHENTICATED_ROLE_ARN];
    if (!role) throw new Error('default role missing');
    const poolId = la.info.identityPoolId;
    const amr = ['authenticated', 'cognito-idp.ap-northeast-1.amazonaws.com/pool'];
    expect(
      await roleTrustsCognitoIdentity(la.context, role, {
        identityPoolId: poolId,
        identityId,
        amr,
      }),
    ).toBe(true);
    expect(
      await roleTrustsCognitoIdentity(la.context, role, {
        identityPoolId: 'ap-northeast-1:00000000-0000-0000-0000-000000000000',
        identityId,
        amr,
      }),
    ).toBe(false);
    expect(
      await roleTrustsCognitoIdentity(la.context, role, {
        identityPoolId: poolId,
        identityId,
        amr: ['unauthenticated'],
      }),
    ).toBe(false);
  });

  it('refuses a missing trust policy and one that trusts another principal or action', async () => {
    const poolId = la.info.identityPoolId;
    const amr = ['authenticated'];
    const trust = (Principal: unknown, Action: string) => ({
      ...authenticatedTrustPolicy(poolId),
      Statement: [{ ...authenticatedTrustPolicy(poolId).Statement[0], Principal, Action }],
    });
    const wrongAction = trust({ Federated: 'cognito-identity.amazonaws.com' }, 'sts:AssumeRole');
    const wrongPrincipal = trust(
      { Federated: 'cognito-idp.amazonaws.com' },
      'sts:AssumeRoleWithWebIdentity',
    );
    const role = la.context.state.roles[AUTHENTICATED_ROLE_ARN];
    if (!role) throw new Error('default role missing');
    const base = { arn: role.arn, policy: role.policy };
    for (const trustPolicy of [undefined, wrongAction, wrongPrincipal, 'not a policy']) {
      expect(
        await roleTrustsCognitoIdentity(
          la.context,
          { ...base, trustPolicy },
          { identityPoolId: poolId, identityId, amr },
        ),
      ).toBe(false);
    }
  });
});
