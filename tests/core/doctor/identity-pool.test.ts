import { afterEach, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { adminCredentials, doctorOn, stepOf, withIdentityPool } from './fixtures';

let la: TestLocalAws | undefined;
afterEach(async () => {
  await la?.dispose();
  la = undefined;
});

describe('doctor on a broken identity pool', () => {
  it.each([
    ['probing without credentials', {}],
    ['reading the pool with administrator credentials', { adminCredentials }],
  ])(
    'unauthenticated identities allowed: warns to turn guest access off (S3), %s',
    async (_how, extra) => {
      la = await startTestLocalAws(withIdentityPool({ allowUnauthenticatedIdentities: true }));
      const report = await doctorOn(la, extra);
      const step = stepOf(report, 'identity-pool');
      expect(step).toMatchObject({ status: 'warn', code: 'doctor.identityPool.guestsAllowed' });
      expect(step.fix).toContain('never uses unauthenticated (guest) identities');
      expect(step.fix).toContain('Guest access');
      // A warning: the rest still runs, and the report is not a failure.
      expect(stepOf(report, 'role').status).toBe('ok');
      expect(report.ok).toBe(true);
    },
  );

  it('unknown identity pool: says to copy the identity pool ID', async () => {
    la = await startTestLocalAws();
    const identityPoolId = 'ap-northeast-1:00000000-0000-4000-8000-000000000000';
    const report = await doctorOn(la, { configPatch: { identityPoolId } });
    const step = stepOf(report, 'identity-pool');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.identityPool.missing' });
    expect(step.detail).toContain(`Identity pool ${identityPoolId} does not exist`);
    expect(step.fix).toContain('identityPoolId');
    expect(stepOf(report, 'identity-provider').status).toBe('skipped');
  });

  describe('provider that names another app client', () => {
    const otherClientSetup = (base: Parameters<ReturnType<typeof withIdentityPool>>[0]) => {
      const [pool] = base.userPools;
      if (!pool) throw new Error('no user pool');
      const withSecondClient = {
        ...base,
        userPools: [{ ...pool, clients: [...pool.clients, { name: 'hakobu-web' }] }],
      };
      return withIdentityPool({ providers: [{ userPool: pool.name, clients: ['hakobu-web'] }] })(
        withSecondClient as typeof base,
      );
    };

    it('fails the provider step, naming the user pool ID and app client ID to set', async () => {
      la = await startTestLocalAws(otherClientSetup);
      const report = await doctorOn(la);
      expect(stepOf(report, 'sign-in').status).toBe('ok');
      const step = stepOf(report, 'identity-provider');
      expect(step).toMatchObject({ status: 'fail', code: 'doctor.identityProvider.notConfigured' });
      expect(step.detail).toContain(
        'Token is not from a supported provider of this identity pool.',
      );
      expect(step.fix).toContain(`user pool ID ${la.info.userPoolId}`);
      expect(step.fix).toContain(`app client ID ${la.info.clientId}`);
      expect(stepOf(report, 'role').status).toBe('skipped');
    });

    it('with administrator credentials, also shows which client the pool lists instead', async () => {
      la = await startTestLocalAws(otherClientSetup);
      const pool = la.context.state.userPools[la.info.userPoolId];
      const webClient = Object.values(pool?.clients ?? {}).find((c) => c.name === 'hakobu-web');
      const report = await doctorOn(la, { adminCredentials });
      const step = stepOf(report, 'identity-provider');
      expect(step.status).toBe('fail');
      expect(step.detail).toContain(`with app client ${webClient?.clientId ?? 'missing'}`);
    });
  });
});
