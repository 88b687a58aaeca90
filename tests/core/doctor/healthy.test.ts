import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDoctorReportView, type DoctorStep } from '../../../src-main/core/doctor';
import { AUTHENTICATED_ROLE_ARN } from '../../../local-aws/setup/default-setup';
import { demoCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { demoUser, signInWithSrp } from '../../helpers/sign-in';
import { adminCredentials, doctorOn, statuses, stepOf } from './fixtures';

let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(() => la.dispose());

const EVERY_STEP = [
  'config',
  'endpoints',
  'clock',
  'user-pool',
  'auth-flow',
  'client-secret',
  'identity-pool',
  'sign-in',
  'identity-provider',
  'access-token',
  'role',
  'bucket:demo',
  'prefix:demo',
  'write:demo',
  'conditional:demo',
  'root-listing:demo',
];

describe('doctor on the healthy default setup', () => {
  it('passes every step, in order, reporting each as it finishes', async () => {
    const seen: DoctorStep[] = [];
    const report = await doctorOn(la, { onStep: (step) => seen.push(step) });
    expect(report.steps.map((s) => s.id)).toEqual(EVERY_STEP);
    expect(statuses(report)).toEqual(Object.fromEntries(EVERY_STEP.map((id) => [id, 'ok'])));
    expect(report.ok).toBe(true);
    expect(seen).toEqual(report.steps);
  });

  it('shows the real prefix: the identity ID, not the user pool sub', async () => {
    const report = await doctorOn(la);
    const { identityId } = await demoCredentials(la);
    const provider = stepOf(report, 'identity-provider');
    expect(provider.params?.identityId).toBe(identityId);
    expect(provider.detail).toContain(
      `not the user pool sub ${String(provider.params?.userPoolSub)}`,
    );
    expect(stepOf(report, 'prefix:demo').params?.prefix).toBe(`${identityId}/`);
  });

  it('leaves no test file behind in the user’s folder', async () => {
    await doctorOn(la);
    const { identityId, credentials } = await demoCredentials(la);
    const s3 = new S3Client({
      region: la.info.region,
      endpoint: la.info.endpoint,
      forcePathStyle: true,
      credentials,
    });
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: la.info.bucket, Prefix: `${identityId}/` }),
    );
    s3.destroy();
    expect(listed.KeyCount).toBe(0);
  });

  it('works from an app session, and proves the access token is never what Hakobu sends', async () => {
    const tokens = await signInWithSrp(la, demoUser(la).username, demoUser(la).password);
    const report = await doctorOn(la, {
      signIn: {
        session: {
          getIdToken: async () => tokens.idToken,
          getAccessToken: async () => tokens.accessToken,
        },
      },
    });
    expect(report.ok).toBe(true);
    const step = stepOf(report, 'access-token');
    expect(step.status).toBe('ok');
    expect(step.detail).toContain('Missing a required claim: aud');
  });

  it('names the role in use when administrator credentials are given', async () => {
    const report = await doctorOn(la, { adminCredentials });
    expect(report.ok).toBe(true);
    const role = stepOf(report, 'role');
    expect(role.params).toMatchObject({ role: AUTHENTICATED_ROLE_ARN, roleSource: 'pool' });
    expect(role.detail).toContain(
      `${AUTHENTICATED_ROLE_ARN} (the identity pool's authenticated role)`,
    );
  });

  it('without a sign-in, checks the services and skips the rest with a reason', async () => {
    const report = await doctorOn(la, { signIn: undefined });
    const signIn = stepOf(report, 'sign-in');
    expect(signIn).toMatchObject({ status: 'skipped', code: 'doctor.signIn.notGiven' });
    expect(signIn.detail).toContain('hakobu doctor --username');
    for (const id of EVERY_STEP.slice(0, 7)) expect(stepOf(report, id).status).toBe('ok');
    for (const id of EVERY_STEP.slice(8)) {
      expect(stepOf(report, id)).toMatchObject({
        status: 'skipped',
        code: 'doctor.skipped.dependency',
      });
    }
    // Nothing failed: the report is fine as far as it could look.
    expect(report.ok).toBe(true);
  });

  it('adds the CORS note when asked, explaining that it does not apply', async () => {
    const report = await doctorOn(la, { signIn: undefined, includeCorsNote: true });
    const cors = stepOf(report, 'cors');
    expect(cors.status).toBe('ok');
    expect(cors.detail).toMatch(/main process[\s\S]*do not\s+need to be set/);
  });

  it('shapes the report for the renderer with codes the UI can translate', async () => {
    const report = await doctorOn(la, { signIn: undefined });
    const view = toDoctorReportView(report);
    expect(view.ok).toBe(true);
    expect(view.steps[0]).toMatchObject({ id: 'config', status: 'ok', code: 'doctor.config.ok' });
    expect(view.steps.find((s) => s.id === 'role')?.code).toBe('doctor.skipped.dependency');
  });
});
