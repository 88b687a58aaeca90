import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { doctorOn, stepOf } from './fixtures';

let la: TestLocalAws | undefined;
afterEach(async () => {
  await la?.dispose();
  la = undefined;
});

/** A second user pool, holding the same demo user, whose app client allows both flows. */
const withSecondPool = (base: LocalAwsSetup): Record<string, unknown> => {
  const [pool] = base.userPools;
  if (!pool) throw new Error('no user pool');
  const flows = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  const second = {
    ...pool,
    name: 'hakobu-other',
    clients: [{ name: 'other-desktop', explicitAuthFlows: flows }],
  };
  return { ...base, userPools: [pool, second] };
};

/** The ID of the app client of the second pool. */
function secondClientId(running: TestLocalAws): string {
  const pool = Object.values(running.context.state.userPools).find(
    (p) => p.name === 'hakobu-other',
  );
  const id = Object.keys(pool?.clients ?? {})[0];
  if (!id) throw new Error('no second client');
  return id;
}

describe('doctor signing in', () => {
  it('a wrong password fails the sign-in step and says what to check', async () => {
    la = await startTestLocalAws();
    const report = await doctorOn(la, {
      signIn: { username: DEMO_USERNAME, password: 'Wrong-1!' },
    });
    const step = stepOf(report, 'sign-in');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.signIn.failed' });
    expect(step.fix).toContain('Check the username and password');
    expect(stepOf(report, 'role').status).toBe('skipped');
  });

  it('with SRP, a client of another pool looks like a wrong password: the fix says so', async () => {
    la = await startTestLocalAws(withSecondPool);
    const report = await doctorOn(la, { configPatch: { clientId: secondClientId(la) } });
    const step = stepOf(report, 'sign-in');
    expect(step.status).toBe('fail');
    expect(step.fix).toContain(`check that userPoolId ${la.info.userPoolId} is the user pool that`);
  });

  it('with the password flow, a client of another pool is named from the ID token', async () => {
    la = await startTestLocalAws(withSecondPool);
    const report = await doctorOn(la, {
      configPatch: { clientId: secondClientId(la), authFlow: 'USER_PASSWORD_AUTH' },
    });
    const step = stepOf(report, 'sign-in');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.signIn.otherPool' });
    expect(step.detail).toContain(`but the config names ${la.info.userPoolId}`);
    expect(String(step.params?.tokenPool)).not.toBe(la.info.userPoolId);
  });

  it('an account that must answer MFA: skips with a reason instead of failing', async () => {
    la = await startTestLocalAws((base) => {
      const [pool] = base.userPools;
      if (!pool) throw new Error('no user pool');
      const users = pool.users.map((u, i) =>
        i === 0 ? { ...u, totpSecret: 'JBSWY3DPEHPK3PXP' } : u,
      );
      return { ...base, userPools: [{ ...pool, users }] };
    });
    const report = await doctorOn(la);
    expect(stepOf(report, 'sign-in')).toMatchObject({
      status: 'skipped',
      code: 'doctor.signIn.challenge',
      params: { challenge: 'SOFTWARE_TOKEN_MFA' },
    });
    expect(stepOf(report, 'role').status).toBe('skipped');
  });
});
