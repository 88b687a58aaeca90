import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { doctorOn, stepOf } from './fixtures';

// Doctor tells IT, once per location, whether the storage service honours If-None-Match, which
// Hakobu relies on to find name conflicts without a request per file (issue 9, item 2).

let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(async () => {
  await la.setFaults({ conditionalWrites: 'honour' });
  await la.dispose();
});

describe('doctor on conditional writes', () => {
  it('S3 (the stand-in as it is) refuses a second conditional write: passes', async () => {
    await la.setFaults({ conditionalWrites: 'honour' });
    const step = stepOf(await doctorOn(la), 'conditional:demo');
    expect(step).toMatchObject({ status: 'ok', code: 'doctor.conditional.ok' });
  });

  it('a service that ignores the header is a warning whose fix turns conditional writes off', async () => {
    await la.setFaults({ conditionalWrites: 'ignore' });
    const report = await doctorOn(la);
    const step = stepOf(report, 'conditional:demo');
    expect(step).toMatchObject({ status: 'warn', code: 'doctor.conditional.ignored' });
    expect(step.fix).toContain('"conditionalWrites": false');

    const fixed = await doctorOn(la, { configPatch: { transfers: { conditionalWrites: false } } });
    expect(stepOf(fixed, 'conditional:demo')).toMatchObject({
      status: 'ok',
      code: 'doctor.conditional.lookups',
    });
  });

  it('a service that answers 501 needs nothing from IT: Hakobu falls back by itself', async () => {
    await la.setFaults({ conditionalWrites: 'notImplemented' });
    const step = stepOf(await doctorOn(la), 'conditional:demo');
    expect(step).toMatchObject({ status: 'ok', code: 'doctor.conditional.lookups' });
    expect(step.detail).toContain('does not implement conditional writes');
  });
});
