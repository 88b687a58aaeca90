import { afterEach, describe, expect, it } from 'vitest';
import { getIdentityCredentials, mintUserTokens } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { authenticatedTrustPolicy } from '../../../local-aws/setup/default-setup';
import {
  AUTHENTICATED_ROLE_ARN,
  EDITOR_ROLE_ARN,
  IDENTITY_POOL_ID,
  guestTrustPolicy,
  SECOND_USER,
  VIEWER_ROLE_ARN,
  rejection,
  withFixedPool,
  withGroupRoles,
} from './fixtures';

// ID tokens come from mintTokens (via mintUserTokens): the user pool's real token code, which puts
// cognito:roles and cognito:preferred_role in them from the user's groups.
let la: TestLocalAws | undefined;
afterEach(async () => {
  await la?.dispose();
  la = undefined;
});

const roleInUse = (running: TestLocalAws, accessKeyId: string) =>
  running.context.state.credentials[accessKeyId]?.roleArn;

const CONFIG_ERROR = {
  name: 'InvalidIdentityPoolConfigurationException',
  message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
  status: 400,
};

describe('role choice', () => {
  it('uses the pool’s authenticated role by default', async () => {
    la = await startTestLocalAws((base) => withGroupRoles(base));
    const { credentials } = await getIdentityCredentials(la, (await mintUserTokens(la)).IdToken);
    expect(roleInUse(la, credentials.accessKeyId)).toBe(AUTHENTICATED_ROLE_ARN);
  });

  it('takes a CustomRoleArn that the token’s cognito:roles grant', async () => {
    la = await startTestLocalAws((base) => withGroupRoles(base));
    const { IdToken } = await mintUserTokens(la);
    const { credentials } = await getIdentityCredentials(la, IdToken, {
      customRoleArn: VIEWER_ROLE_ARN,
    });
    expect(roleInUse(la, credentials.accessKeyId)).toBe(VIEWER_ROLE_ARN);
  });

  it('refuses a CustomRoleArn the token does not grant', async () => {
    la = await startTestLocalAws((base) => withGroupRoles(base));
    const { IdToken } = await mintUserTokens(la, SECOND_USER);
    const error = await rejection(
      getIdentityCredentials(la, IdToken, { customRoleArn: EDITOR_ROLE_ARN }),
    );
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toContain(EDITOR_ROLE_ARN);
  });

  it('with "choose role from token", uses cognito:preferred_role', async () => {
    la = await startTestLocalAws((base) =>
      withGroupRoles(base, { roleMapping: { type: 'Token', ambiguousRoleResolution: 'Deny' } }),
    );
    const { credentials } = await getIdentityCredentials(la, (await mintUserTokens(la)).IdToken);
    expect(roleInUse(la, credentials.accessKeyId)).toBe(EDITOR_ROLE_ARN);
  });

  it('with "choose role from token", falls back to the authenticated role or denies', async () => {
    la = await startTestLocalAws((base) =>
      withGroupRoles(base, {
        roleMapping: { type: 'Token', ambiguousRoleResolution: 'AuthenticatedRole' },
      }),
    );
    // The second user is in no group, so the token names no role.
    const fallback = await getIdentityCredentials(
      la,
      (await mintUserTokens(la, SECOND_USER)).IdToken,
    );
    expect(roleInUse(la, fallback.credentials.accessKeyId)).toBe(AUTHENTICATED_ROLE_ARN);
    await la.dispose();

    la = await startTestLocalAws((base) =>
      withGroupRoles(base, { roleMapping: { type: 'Token', ambiguousRoleResolution: 'Deny' } }),
    );
    const { IdToken } = await mintUserTokens(la, SECOND_USER);
    expect(await rejection(getIdentityCredentials(la, IdToken))).toEqual({
      name: 'NotAuthorizedException',
      message: 'The ambiguous role mapping rules denied this request.',
      status: 400,
    });
  });
});

describe('InvalidIdentityPoolConfigurationException', () => {
  it('when the pool has no authenticated role', async () => {
    la = await startTestLocalAws((base) => withFixedPool(base, { roles: {} }));
    expect(await rejection(getIdentityCredentials(la, (await mintUserTokens(la)).IdToken))).toEqual(
      CONFIG_ERROR,
    );
  });

  it('when the pool’s role does not exist', async () => {
    la = await startTestLocalAws((base) => ({ ...withFixedPool(base), roles: [] }));
    expect(await rejection(getIdentityCredentials(la, (await mintUserTokens(la)).IdToken))).toEqual(
      CONFIG_ERROR,
    );
  });

  it('when the role’s trust policy names another identity pool', async () => {
    la = await startTestLocalAws((base) => ({
      ...withFixedPool(base),
      roles: base.roles.map((role) => ({
        ...role,
        trustPolicy: authenticatedTrustPolicy(
          'ap-northeast-1:ffffffff-ffff-ffff-ffff-ffffffffffff',
        ),
      })),
    }));
    expect(await rejection(getIdentityCredentials(la, (await mintUserTokens(la)).IdToken))).toEqual(
      CONFIG_ERROR,
    );
  });

  it('when the trust policy trusts only unauthenticated sessions', async () => {
    la = await startTestLocalAws((base) => ({
      ...withFixedPool(base),
      roles: base.roles.map((role) => ({
        ...role,
        trustPolicy: guestTrustPolicy(IDENTITY_POOL_ID),
      })),
    }));
    expect(await rejection(getIdentityCredentials(la, (await mintUserTokens(la)).IdToken))).toEqual(
      CONFIG_ERROR,
    );
  });
});
