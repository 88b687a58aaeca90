import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../../src-main/core/doctor';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { configFor, doctorOn, stepOf } from './fixtures';

let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(() => la.dispose());

describe('doctor on a broken configuration', () => {
  it('wrong region: names the region the pool IDs are in, and checks nothing else', async () => {
    // Edited after loading (or written by hand): doctor judges it as the loader would.
    const config = { ...configFor(la), region: 'us-east-1' };
    const report = await runDoctor({ config });
    const step = stepOf(report, 'config');
    expect(step).toMatchObject({ status: 'fail', code: 'CONFIG_USER_POOL_REGION_MISMATCH' });
    expect(step.detail).toContain(`is in region ap-northeast-1 but region is us-east-1`);
    expect(step.fix).toContain('Set region to ap-northeast-1');
    expect(report.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    expect(report.ok).toBe(false);
  });

  it('client ID of the wrong shape: says a client ID is 26 characters', async () => {
    const config = { ...configFor(la), clientId: 'abc123' };
    const step = stepOf(await runDoctor({ config }), 'config');
    expect(step).toMatchObject({ status: 'fail', code: 'CONFIG_CLIENT_ID_INVALID' });
    expect(step.detail).toContain('exactly 26 lowercase letters and digits');
  });

  it('a readwrite location outside the own folder: says to start the prefix with ${identityId}/', async () => {
    const config = {
      ...configFor(la),
      locations: [
        { name: 'demo', bucket: la.info.bucket, prefix: 'shared/', access: 'readwrite' as const },
      ],
    };
    const step = stepOf(await runDoctor({ config }), 'config');
    expect(step).toMatchObject({ status: 'fail', code: 'CONFIG_PREFIX_NOT_OWN_FOLDER' });
    expect(step.fix).toContain('${identityId}/');
  });

  it('a good config: lists where each location puts files', async () => {
    const step = stepOf(await doctorOn(la, { signIn: undefined }), 'config');
    expect(step.status).toBe('ok');
    expect(step.detail).toContain(`demo → ${la.info.bucket}/<identity ID>/ (readwrite)`);
  });
});
