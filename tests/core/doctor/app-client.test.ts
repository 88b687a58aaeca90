import { afterEach, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { doctorOn, stepOf, withClient } from './fixtures';

let la: TestLocalAws | undefined;
afterEach(async () => {
  await la?.dispose();
  la = undefined;
});

describe('doctor on a broken app client', () => {
  it('SRP disabled, password allowed: says to set authFlow or enable ALLOW_USER_SRP_AUTH (S6)', async () => {
    la = await startTestLocalAws(
      withClient({ explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    const report = await doctorOn(la);
    const step = stepOf(report, 'auth-flow');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.authFlow.notEnabled' });
    expect(step.detail).toContain('USER_SRP_AUTH is not enabled for the client.');
    expect(step.fix).toContain('"authFlow": "USER_PASSWORD_AUTH"');
    expect(step.fix).toContain('enable ALLOW_USER_SRP_AUTH');
    expect(stepOf(report, 'user-pool').status).toBe('ok');
    // The secret is still checked, through the flow the client does allow.
    expect(stepOf(report, 'client-secret').status).toBe('ok');
    expect(stepOf(report, 'sign-in')).toMatchObject({
      status: 'skipped',
      params: { dependsOn: 'auth-flow' },
    });
    expect(report.ok).toBe(false);
  });

  it('password flow configured but only SRP allowed: says which flow to set', async () => {
    la = await startTestLocalAws();
    const report = await doctorOn(la, { configPatch: { authFlow: 'USER_PASSWORD_AUTH' } });
    const step = stepOf(report, 'auth-flow');
    expect(step.status).toBe('fail');
    expect(step.detail).toContain('USER_PASSWORD_AUTH flow not enabled for this client');
    expect(step.fix).toContain('"authFlow": "USER_SRP_AUTH"');
  });

  it('neither flow allowed: asks to enable the configured one, and cannot judge the secret', async () => {
    la = await startTestLocalAws(withClient({ explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] }));
    const report = await doctorOn(la);
    const step = stepOf(report, 'auth-flow');
    expect(step.status).toBe('fail');
    expect(step.fix).toContain('Enable ALLOW_USER_SRP_AUTH');
    expect(step.fix).not.toContain('"authFlow"');
    expect(stepOf(report, 'client-secret')).toMatchObject({
      status: 'skipped',
      code: 'doctor.clientSecret.unknown',
    });
  });

  it('client with a secret: asks for a public app client (S7)', async () => {
    la = await startTestLocalAws(withClient({ generateSecret: true }));
    const report = await doctorOn(la);
    const step = stepOf(report, 'client-secret');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.clientSecret.present' });
    expect(step.detail).toContain('SECRET_HASH');
    expect(step.fix).toContain('public app client (no secret)');
    expect(stepOf(report, 'auth-flow').status).toBe('ok');
    expect(stepOf(report, 'sign-in').status).toBe('skipped');
  });

  it('unknown client ID: the pool exists, the client does not', async () => {
    la = await startTestLocalAws();
    const report = await doctorOn(la, { configPatch: { clientId: 'abcdefghijklmnopqrstuvwxyz' } });
    const step = stepOf(report, 'user-pool');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.userPool.clientMissing' });
    expect(step.detail).toContain('app client abcdefghijklmnopqrstuvwxyz does not');
    expect(step.fix).toContain('clientId');
    expect(stepOf(report, 'auth-flow').status).toBe('skipped');
  });

  it('unknown user pool ID: says the client exists, so userPoolId is wrong', async () => {
    la = await startTestLocalAws();
    const report = await doctorOn(la, { configPatch: { userPoolId: 'ap-northeast-1_Nope12345' } });
    const step = stepOf(report, 'user-pool');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.userPool.poolMissing' });
    expect(step.detail).toContain('User pool ap-northeast-1_Nope12345 does not exist');
    expect(step.detail).toContain('userPoolId is probably wrong');
  });
});
