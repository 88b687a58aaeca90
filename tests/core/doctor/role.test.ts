import { afterEach, describe, expect, it } from 'vitest';
import {
  AUTHENTICATED_ROLE_ARN,
  authenticatedTrustPolicy,
  identityPrefixPolicy,
} from '../../../local-aws/setup/default-setup';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { adminCredentials, doctorOn, stepOf, withIdentityPool } from './fixtures';

let la: TestLocalAws | undefined;
afterEach(async () => {
  await la?.dispose();
  la = undefined;
});

const EDITOR_ROLE_ARN = 'arn:aws:iam::000000000000:role/hakobu-editors';
const OTHER_POOL = 'ap-northeast-1:99999999-9999-4999-8999-999999999999';

/** A trust policy that names another identity pool: the role exists, Cognito may not assume it. */
const distrustingPolicy = authenticatedTrustPolicy(OTHER_POOL);

const withBadTrust = (base: LocalAwsSetup) => ({
  ...base,
  roles: [
    {
      arn: AUTHENTICATED_ROLE_ARN,
      trustPolicy: distrustingPolicy,
      policy: identityPrefixPolicy('hakobu-demo'),
    },
  ],
});

const IDENTITY_POOL_ID = 'ap-northeast-1:0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';

/**
 * The demo user is an editor and the pool chooses the role from the token. The editors' role
 * trusts this pool, or (untrusted) has no trust policy at all, so Cognito may not assume it.
 */
const withGroupRole =
  (trusted: boolean) =>
  (base: LocalAwsSetup): Record<string, unknown> => {
    const [pool] = base.userPools;
    if (!pool) throw new Error('no user pool');
    const editorRole = {
      arn: EDITOR_ROLE_ARN,
      policy: identityPrefixPolicy('hakobu-demo'),
      ...(trusted ? { trustPolicy: authenticatedTrustPolicy(IDENTITY_POOL_ID) } : {}),
    };
    const withGroups = {
      ...base,
      userPools: [
        {
          ...pool,
          groups: [{ name: 'editors', roleArn: EDITOR_ROLE_ARN, precedence: 1 }],
          users: pool.users.map((u, i) => (i === 0 ? { ...u, groups: ['editors'] } : u)),
        },
      ],
      roles: [...base.roles, editorRole],
    };
    return withIdentityPool({ id: IDENTITY_POOL_ID, roleMapping: { type: 'Token' } })(
      withGroups as LocalAwsSetup,
    );
  };

describe('doctor on InvalidIdentityPoolConfigurationException (S8)', () => {
  it('no role assigned: names that cause when administrator credentials can read the roles', async () => {
    la = await startTestLocalAws(withIdentityPool({ roles: {} }));
    const report = await doctorOn(la, { adminCredentials });
    const step = stepOf(report, 'role');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.role.noRoleAssigned' });
    expect(step.detail).toContain('InvalidIdentityPoolConfigurationException');
    expect(step.detail).toContain('has no authenticated role assigned');
    expect(step.fix).toContain('Authenticated role');
    expect(stepOf(report, 'bucket:demo').status).toBe('skipped');
  });

  it('no role assigned, without administrator credentials: lists the possible causes', async () => {
    la = await startTestLocalAws(withIdentityPool({ roles: {} }));
    const step = stepOf(await doctorOn(la), 'role');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.role.poolConfiguration' });
    expect(step.fix).toContain('an authenticated role is assigned');
    expect(step.fix).toContain(`"cognito-identity.amazonaws.com:aud": "${la.info.identityPoolId}"`);
  });

  it('trust policy for another pool: names the role and the aud and amr it must allow', async () => {
    la = await startTestLocalAws(withBadTrust);
    const step = stepOf(await doctorOn(la, { adminCredentials }), 'role');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.role.trustPolicy' });
    expect(step.detail).toContain(`${AUTHENTICATED_ROLE_ARN} is assigned, but its trust policy`);
    expect(step.fix).toContain(`"cognito-identity.amazonaws.com:aud": "${la.info.identityPoolId}"`);
    expect(step.fix).toContain('"cognito-identity.amazonaws.com:amr": "authenticated"');
  });

  it('role chosen from the token is misconfigured: names the group’s role', async () => {
    la = await startTestLocalAws(withGroupRole(false));
    const step = stepOf(await doctorOn(la, { adminCredentials }), 'role');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.role.tokenRoleUnusable' });
    expect(step.detail).toContain(`the role from the token is misconfigured: ${EDITOR_ROLE_ARN}`);
    expect(step.fix).toContain(`Check role ${EDITOR_ROLE_ARN} in IAM`);
  });

  it('customRoleArn that cannot be assumed: names it without administrator credentials', async () => {
    la = await startTestLocalAws(withGroupRole(false));
    const step = stepOf(
      await doctorOn(la, { configPatch: { customRoleArn: EDITOR_ROLE_ARN } }),
      'role',
    );
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.role.tokenRoleUnusable' });
    expect(step.detail).toContain('set as customRoleArn in the config');
  });
});

describe('doctor on per-group roles (S9)', () => {
  it('customRoleArn the user’s groups do not grant: lists the roles they do', async () => {
    la = await startTestLocalAws(withGroupRole(false));
    const notGranted = 'arn:aws:iam::000000000000:role/hakobu-admins';
    const step = stepOf(await doctorOn(la, { configPatch: { customRoleArn: notGranted } }), 'role');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.role.customRoleNotGranted' });
    expect(step.detail).toContain(`cognito:roles: ${EDITOR_ROLE_ARN}`);
    expect(step.fix).toContain('Set customRoleArn to one of those roles');
  });

  it('a working group role: shows it as the role in use', async () => {
    la = await startTestLocalAws(withGroupRole(true));
    const step = stepOf(await doctorOn(la, { adminCredentials }), 'role');
    expect(step).toMatchObject({
      status: 'ok',
      params: { role: EDITOR_ROLE_ARN, roleSource: 'token' },
    });
    expect(step.detail).toContain("chosen from the token: the role of the user's group");
  });
});
